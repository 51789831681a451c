"""Build the demo site: import the demo content bundle (content/tomakomai/), then run the demo
scenarios — one login per role, and what users' actions leave behind (members, passes and
uses, consultations, sign-ups, clicks). Idempotent: running it twice changes nothing."""

from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Site

from content.importer import import_bundle
from content.serializer import BundleError
from home import demo_content as demo
from home.models import HomePage
from home.search import rebuild_index
from members.two_factor import requires_two_factor

DEMO_BUNDLE = Path(settings.BASE_DIR) / "content" / "tomakomai"

# Each app that has demo scenarios keeps them in <app>/demo.py: seed(home, stdout) builds its
# state (idempotently) after the content is imported, LOGINS lists the (e-mail, label) pairs it
# prints. No app imports these modules.
DEMO_MODULES = [
    "members.demo",
    "passes.demo",
    "consultations.demo",
    "campaigns.demo",
    "reports.demo",
    "content.demo",
]


def site_address(base_url):
    """(hostname, port) of a Wagtail Site answering at base_url: http://127.0.0.1:8123 →
    ("127.0.0.1", 8123); https://city.example.jp → ("city.example.jp", 443)."""
    base = urlsplit(base_url)
    return base.hostname or "localhost", base.port or (443 if base.scheme == "https" else 80)


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
        parser.add_argument(
            "--bundle",
            default=str(DEMO_BUNDLE),
            help="The content bundle to import (default: the Tomakomai demo).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "seed_demo creates logins with a published password; it runs only with "
                "DEBUG on. Use --force on a demo or test server."
            )
        try:
            # Objects an editor changed since the last import are left as they are.
            plan = import_bundle(options["bundle"], keep_changed=True)
        except BundleError as error:
            raise CommandError(str(error)) from None
        if options["verbosity"] > 0:
            self.stdout.write(f"Content bundle: {plan.summary()}.")
        home = HomePage.objects.get(
            locale=Locale.objects.get(language_code=settings.LANGUAGE_CODE), depth=2
        )
        self.ensure_site(home)
        self.ensure_users()
        for module in demo_modules():
            module.seed(home=home, stdout=self.stdout)
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        rebuild_index()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        if settings.DEBUG or options["print_logins"]:
            self.print_logins()

    def ensure_site(self, home):
        """Point the default site at WAGTAILADMIN_BASE_URL, on every run: page URLs in the
        sitemap, .ics files, share links, /go/ short links and their QR codes start with the
        site's hostname and port, and `make run PORT=8123` (or a demo server moved to its own
        domain) must not keep printing the address of the first seed."""
        hostname, port = site_address(settings.WAGTAILADMIN_BASE_URL)
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        taken = Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).first()
        if taken is not None:
            raise CommandError(
                f"WAGTAILADMIN_BASE_URL is {settings.WAGTAILADMIN_BASE_URL}, but the site "
                f"“{taken}” already answers at {hostname}:{port}: change one of them."
            )
        site.hostname, site.port = hostname, port
        site.root_page = home
        site.save()
        return site

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
            if requires_two_factor(user):
                self.ensure_authenticator_app(user)

    def ensure_authenticator_app(self, user):
        """A demo authenticator app (the published DEMO_TOTP_SECRET) and recovery codes for a
        demo login that must use two-factor authentication."""
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, demo.DEMO_TOTP_SECRET)
        RecoveryCodes.activate(user)

    def print_two_factor(self):
        users = [
            user
            for user in get_user_model().objects.filter(
                email__in=[spec["email"] for spec in demo.USERS]
            )
            if requires_two_factor(user)
        ]
        if not users:
            return
        emails = ", ".join(sorted(user.email for user in users))
        self.stdout.write(f"Two-factor authentication (asked after the password): {emails}")
        bypass_code = getattr(settings, "MFA_TOTP_INSECURE_BYPASS_CODE", None)
        if settings.DEBUG and bypass_code:
            self.stdout.write(f"  In `make run` enter the demo code {bypass_code}, or")
        self.stdout.write(
            f"  add the secret {demo.DEMO_TOTP_SECRET} to an authenticator app, or open:"
        )
        adapter = get_mfa_adapter()
        for user in sorted(users, key=lambda user: user.email):
            self.stdout.write(f"  {adapter.build_totp_url(user, demo.DEMO_TOTP_SECRET)}")

    def print_logins(self):
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {demo.DEMO_PASSWORD})")
        for spec in demo.USERS:
            self.stdout.write(f"  {spec['email']:<24} {spec['label']}")
        for module in demo_modules():
            for email, label in getattr(module, "LOGINS", []):
                self.stdout.write(f"  {email:<24} {label}")
        self.print_two_factor()
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(f"Site: {base}/  Admin: {base}/admin/")
