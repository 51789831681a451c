"""Template tags for the site chrome: identity, menus and the language switcher.

Each value is computed once per request and kept on the request object.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from home.models import NavigationMenu, SiteIdentity

register = template.Library()


def _per_request(context, key, compute):
    request = context.get("request")
    if request is None:
        return compute()
    cache = request.__dict__.setdefault("_site_tags", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


@register.simple_tag(takes_context=True)
def site_identity(context):
    key = ("identity", translation.get_language())
    return _per_request(context, key, SiteIdentity.for_active_locale)


@register.simple_tag(takes_context=True)
def navigation_menu(context, location):
    """The menu's links for the visitor's language: [{label, url, page}]."""
    request = context.get("request")
    key = ("menu", location, translation.get_language())
    return _per_request(context, key, lambda: _menu_links(request, location))


def _menu_links(request, location):
    menu = NavigationMenu.for_active_locale(location)
    if menu is None:
        return []
    items = list(menu.items.all())
    # A menu item may point at a page in another language (a menu not yet translated, or a
    # page translated later): link to the page in the visitor's language when it exists.
    keys = {item.link_page.translation_key for item in items if item.link_page_id}
    active_code = get_supported_content_language_variant(translation.get_language())
    localized = {
        p.translation_key: p
        for p in Page.objects.live().filter(
            translation_key__in=keys, locale__language_code=active_code
        )
    }
    links = []
    for item in items:
        if item.link_page_id:
            target = localized.get(item.link_page.translation_key, item.link_page)
            links.append({"label": item.label, "url": target.get_url(request), "page": target})
        else:
            links.append({"label": item.label, "url": item.link_url, "page": None})
    return links


def _home_pages_by_language(request):
    """The live home page of each language: the site's root page and its translations."""
    site = (
        Site.find_for_request(request)
        if request
        else Site.objects.filter(is_default_site=True).first()
    )
    if site is None:
        return {}
    homes = Page.objects.filter(translation_key=site.root_page.translation_key, live=True)
    return {page.locale.language_code: page for page in homes.select_related("locale")}


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page in the visitor's language (falls back to the language's root URL)."""
    request = context.get("request")
    language = translation.get_language()
    homes = _per_request(context, "homes", lambda: _home_pages_by_language(request))
    home = homes.get(language)
    return home.get_url(request) if home else f"/{language}/"


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: this page in that language if it exists, else that home page."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    homes = _per_request(context, "homes", lambda: _home_pages_by_language(request))
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
        elif isinstance(page, Page) or request is None:
            home = homes.get(code)
            url = home.get_url(request) if home else f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "is_current": code == current})
    return links
