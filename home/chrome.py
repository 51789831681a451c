"""The site chrome (identity, menus, each language's home URL) computed once and cached.

Every page shows the same header and footer, so they are built once per site and language and
kept in the cache (Redis in production) until an editor changes a menu, the site identity, a
site or a page's URL. The cache key carries a version number that those changes bump.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.documents.models import Document
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.cache_version import invalidate, version
from core.locales import (
    active_locale,
    live_pages_in,
    live_translations_of,
    locale_by_id,
    offers_language,
)
from home.models import (
    NavigationMenu,
    NavigationMenuItem,
    PortalImage,
    SiteIdentity,
    SiteSettings,
    StoryTheme,
)

TIMEOUT = 60 * 60 * 24


def chrome_for(request):
    """{identity, header, footer, homes} for the request's site in the active language."""
    if request is not None and hasattr(request, "_site_chrome"):
        return request._site_chrome
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    language = get_supported_content_language_variant(translation.get_language())
    key = f"site-chrome:{version()}:{site.pk if site else 0}:{language}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = _build(request, site)
        cache.set(key, chrome, TIMEOUT)
    if request is not None:
        request._site_chrome = chrome
    return chrome


def _build(request, site):
    identity = SiteIdentity.for_active_locale()
    identity_fields = ("site_name", "city_name", "tagline", "contact_hours", "address")
    return {
        "identity": (
            {field: getattr(identity, field) for field in identity_fields}
            | {
                "copyright_holder": identity.copyright_holder or identity.city_name,
                # Not translated into the visitor's language: the header and footer mark
                # the Japanese text lang="ja" (the page's <html lang> stays the visitor's).
                "is_original_language": identity.is_original_language,
            }
            if identity
            else None
        ),
        "header": _menu_links(request, NavigationMenu.HEADER),
        "footer": _menu_links(request, NavigationMenu.FOOTER),
        "homes": _home_urls(request, site),
        "settings": (
            SiteSettings.objects.select_related("logo", "default_share_image")
            .filter(site=site)
            .first()
            or SiteSettings(site=site)
            if site
            else SiteSettings()
        ),
    }


def _menu_links(request, location):
    """[{label, url, page_id, is_original_language, hreflang}] of the menu in the visitor's
    language, else of the Japanese menu, whose labels are then marked lang="ja"."""
    menu = NavigationMenu.for_active_locale(location)
    if menu is None:
        return []
    items = list(menu.items.all())
    # A menu item may point at a page in another language (a menu not yet translated, or a
    # page translated later): link to the page in the visitor's language when it exists.
    locale = active_locale()
    linked = [item for item in items if item.link_page_id]
    localized = dict(
        zip(linked, live_pages_in([item.link_page for item in linked], locale), strict=True)
    )
    # In a language the site offers (it has a home page in it) and that has its own menu, only
    # pages that exist in that language are listed. Otherwise (the Japanese menu shown as a
    # fallback, or a menu translated before the pages are) every item is listed, linking to
    # the Japanese page when the page is not translated.
    strict = not menu.is_original_language and locale is not None and offers_language(locale)
    links = []
    for item in items:
        link = {"label": item.label, "is_original_language": menu.is_original_language}
        if item.link_page_id:
            target = localized[item]
            hreflang = ""
            if target is None:
                if strict or not item.link_page.live:
                    continue
                target = item.link_page
                # The link opens a page in another language than the visitor's.
                hreflang = getattr(locale_by_id(target.locale_id), "language_code", "")
            link |= {"url": target.get_url(request), "page_id": target.pk, "hreflang": hreflang}
        else:
            link |= {"url": item.link_url, "page_id": None, "hreflang": ""}
        links.append(link)
    return links


def _home_urls(request, site):
    """The URL of each language's live home page: the site's root page and its translations."""
    if site is None:
        return {}
    homes = live_translations_of(site.root_page)
    return {code: page.get_url(request) for code, page in homes.items()}


_TRACKED = (
    SiteIdentity,
    NavigationMenu,
    NavigationMenuItem,
    Site,
    Page,
    SiteSettings,
    PortalImage,
    StoryTheme,
    PageViewRestriction,
    Locale,
    Document,
)


@receiver(post_save, dispatch_uid="site-chrome-post-save")
@receiver(post_delete, dispatch_uid="site-chrome-post-delete")
def _invalidate_on_model_change(sender, instance, **kwargs):
    # Page subclasses send with their own class as sender, so check the instance instead.
    if isinstance(instance, _TRACKED):
        invalidate()


@receiver(page_published, dispatch_uid="site-chrome-published")
@receiver(page_unpublished, dispatch_uid="site-chrome-unpublished")
@receiver(page_slug_changed, dispatch_uid="site-chrome-slug")
@receiver(post_page_move, dispatch_uid="site-chrome-move")
def _invalidate_on_page_change(sender, **kwargs):
    invalidate()
