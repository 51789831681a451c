"""Build the demo site: Japanese home page with its English translation, site identity,
menus, settings and one login per role. Idempotent: running it twice changes nothing."""

from importlib import import_module
from importlib.util import find_spec
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Page, Site

from home import demo_content as demo
from home.demo_builder import DemoPortal
from home.demo_images import get_or_create_demo_image
from home.models import HomePage, NavigationMenu, NavigationMenuItem, SiteIdentity, SiteSettings
from home.search import rebuild_index
from home.services import translate_through_localize

# Each app that has demo content keeps it in <app>/demo.py: seed(home, stdout) builds it
# (idempotently) after the portal, LOGINS lists the (e-mail, label) pairs it prints, and an
# optional seed_pages(home, stdout) runs before the portal, so that an app's own page type can
# take a slug the portal's calls to action point at (e.g. "consultation").
DEMO_MODULES = ["members.demo", "passes.demo", "consultations.demo", "campaigns.demo"]


def demo_modules():
    return [import_module(name) for name in DEMO_MODULES if find_spec(name) is not None]


class Command(BaseCommand):
    help = "Create (or complete) the demo site and demo logins. Safe to run more than once."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (it creates logins with a published password).",
        )
        parser.add_argument(
            "--print-logins",
            action="store_true",
            help="Print the demo logins even when DEBUG is off.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "seed_demo creates logins with a published password; it runs only with "
                "DEBUG on. Use --force on a demo or test server."
            )
        # No transaction around the whole build: wagtail-localize publishes each translation
        # when its own transaction commits, and a page published later from an older snapshot
        # would undo the tree bookkeeping (numchild) of the pages added meanwhile.
        home = self.ensure_home_page()
        site = self.ensure_site(home)
        self.ensure_translation(home, "en", demo.HOME_EN)
        for module in demo_modules():
            if hasattr(module, "seed_pages"):
                module.seed_pages(home=home, stdout=self.stdout)
        portal = DemoPortal(home).build()
        self.ensure_identity()
        self.ensure_menus(home, portal)
        self.ensure_settings(site)
        self.ensure_users()
        for module in demo_modules():
            module.seed(home=home, stdout=self.stdout)
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        rebuild_index()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        if settings.DEBUG or options["print_logins"]:
            self.print_logins()

    def ensure_home_page(self):
        ja = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        home = HomePage.objects.filter(locale=ja, depth=2).first()
        if home:
            return home
        root = Page.get_first_root_node()
        # Wagtail's "Welcome" placeholder holds the slug we need.
        for page in root.get_children().filter(locale=ja, slug=demo.HOME["slug"]):
            if page.specific_class is Page:
                page.delete()
        home = HomePage(locale=ja, **demo.HOME)
        root.add_child(instance=home)
        home.save_revision().publish()
        return home

    def ensure_site(self, home):
        """The default site answers at WAGTAILADMIN_BASE_URL (its canonical URLs use it)."""
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None or site.hostname == "localhost":
            site = site or Site(is_default_site=True)
            site.hostname = base.hostname or "localhost"
            site.port = base.port or (443 if base.scheme == "https" else 80)
        site.root_page = home
        site.site_name = demo.SITE["site_name"]
        site.save()
        return site

    def ensure_translation(self, instance, language_code, strings):
        locale = Locale.objects.get(language_code=language_code)
        existing = instance.get_translation_or_none(locale)
        if existing is not None:
            return existing
        return translate_through_localize(instance, language_code, strings)

    def ensure_identity(self):
        ja = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        identity = SiteIdentity.objects.filter(locale=ja).first()
        if identity is None:
            identity = SiteIdentity.objects.create(locale=ja, **demo.IDENTITY)
        self.ensure_translation(identity, "en", demo.IDENTITY_EN)

    def ensure_menus(self, home, portal):
        ja = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        for location, spec in demo.MENUS.items():
            menu = NavigationMenu.objects.filter(locale=ja, location=location).first()
            if menu is None:
                menu = NavigationMenu(locale=ja, location=location, title=spec["title"])
                for order, (label, target) in enumerate(spec["items"]):
                    item = NavigationMenuItem(label=label, sort_order=order, locale=ja)
                    if target == "home":
                        item.link_page = home
                    elif target.startswith("https://"):
                        item.link_url = target
                    else:
                        item.link_page = home.get_descendants().get(slug=target, locale=ja)
                    menu.items.add(item)
                menu.save()
            self.ensure_translation(menu, "en", demo.MENUS_EN)

    def ensure_settings(self, site):
        site_settings = SiteSettings.for_site(site)
        changed = False
        if site_settings.default_share_image_id is None:
            site_settings.default_share_image = get_or_create_demo_image("port")
            changed = True
        for field, value in demo.SETTINGS.items():
            if not getattr(site_settings, field):
                setattr(site_settings, field, value)
                changed = True
        if changed:
            site_settings.save()

    def ensure_users(self):
        User = get_user_model()
        for spec in demo.USERS:
            user = User.objects.filter(email=spec["email"]).first()
            if user is None:
                user = User.objects.create_user(
                    email=spec["email"],
                    password=demo.DEMO_PASSWORD,
                    first_name=spec["first_name"],
                    last_name=spec["last_name"],
                    is_superuser=spec.get("superuser", False),
                    is_staff=spec.get("superuser", False),
                )
            if spec["role"]:
                user.groups.add(Group.objects.get(name=spec["role"]))
            EmailAddress.objects.update_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )

    def print_logins(self):
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {demo.DEMO_PASSWORD})")
        for spec in demo.USERS:
            self.stdout.write(f"  {spec['email']:<24} {spec['label']}")
        for module in demo_modules():
            for email, label in getattr(module, "LOGINS", []):
                self.stdout.write(f"  {email:<24} {label}")
        self.stdout.write("Site: http://127.0.0.1:8000/  Admin: http://127.0.0.1:8000/admin/")
