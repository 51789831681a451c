"""Where calls to action and tracking links lead: the live entrance pages of the product, in
the visitor's language when a translation is live, else in Japanese."""

from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from campaigns.models import CallToAction
from core.locales import live_page_in, locale_for

ENTRANCE_PAGE_MODELS = {
    CallToAction.REGISTER: ("members", "furusatoresidentpage"),
    CallToAction.ENTRY_PASS: ("passes", "entrypasspage"),
    CallToAction.CONSULT: ("consultations", "consultationpage"),
}
# Used when the editors have not published the entrance page (yet).
ENTRANCE_FALLBACK_URLS = {
    CallToAction.REGISTER: "members:register",
    CallToAction.ENTRY_PASS: "passes:apply",
    CallToAction.CONSULT: None,
}


def in_language(page, language=None):
    """The live translation of `page` in `language` (default: the active one), else `page`."""
    if page is None:
        return None
    locale = locale_for(language or translation.get_language() or settings.LANGUAGE_CODE)
    translated = live_page_in(page, locale) if locale is not None else None
    return translated.specific if translated is not None else page


def entrance_urls(kinds, language=None):
    """The addresses of the registration, Entry Pass and consultation entrances (any of
    `kinds`), with one page query: the live, public page in `language` (default: the active
    one), else the Japanese one, else the form itself."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    if not kinds:
        return {}
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    types = {
        ContentType.objects.get_by_natural_key(*ENTRANCE_PAGE_MODELS[kind]).pk: kind
        for kind in kinds
    }
    pages = (
        Page.objects.live()
        .public()
        .filter(
            content_type__in=types,
            locale__language_code__in={language, settings.LANGUAGE_CODE},
        )
        .select_related("locale")
        .order_by("path")
    )
    found = {}
    for page in pages:
        kind = types[page.content_type_id]
        rank = 0 if page.locale.language_code == language else 1
        if kind not in found or rank < found[kind][0]:
            found[kind] = (rank, page)
    urls = {}
    for kind in kinds:
        if kind in found:
            urls[kind] = found[kind][1].url
        elif ENTRANCE_FALLBACK_URLS[kind]:
            with translation.override(language):
                urls[kind] = reverse(ENTRANCE_FALLBACK_URLS[kind])
        else:
            urls[kind] = "/"
    return urls


def entrance_url(kind, language=None):
    return entrance_urls([kind], language)[kind]


def with_query(url, params):
    """`url` with `params` added to its query string (existing parameters kept)."""
    if not params:
        return url
    parts = urlsplit(url)
    query = parts.query + ("&" if parts.query else "") + urlencode(params)
    return urlunsplit(parts._replace(query=query))


def link_target(link):
    """The address /go/<code> redirects to: only what is stored on the link, never anything
    from the request. A link of an ended campaign leads to the campaign's (ended) page."""
    campaign = link.campaign
    if campaign is not None and campaign.live and campaign.has_ended:
        return in_language(campaign).url
    if link.target == CallToAction.CAMPAIGN:
        if campaign is not None and campaign.live and campaign.has_started:
            return in_language(campaign).url
        return "/"
    if link.target == CallToAction.PAGE:
        page = link.target_page
        if page is not None and page.live:
            return in_language(page.specific).url
        return "/"
    if link.target == CallToAction.EXTERNAL:
        # External sites receive the UTM values so their own analytics see the source too.
        return with_query(link.target_url, link.utm_values()) if link.target_url else "/"
    return entrance_url(link.target)
