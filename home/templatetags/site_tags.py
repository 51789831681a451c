"""Template tags for the site chrome: identity, menus, home URL and the language switcher."""

import re

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page

from core.locales import live_translations_of
from home.chrome import chrome_for

register = template.Library()


@register.simple_tag(takes_context=True)
def site_identity(context):
    """{site_name, city_name, tagline, contact_hours, address, copyright_holder} or None."""
    return chrome_for(context.get("request"))["identity"]


@register.simple_tag(takes_context=True)
def navigation_menu(context, location):
    """The menu's links for the visitor's language: [{label, url, page_id}]."""
    return chrome_for(context.get("request"))[location]


@register.simple_tag(takes_context=True)
def site_settings(context):
    """The site's SiteSettings (logo and share image loaded), from the cached chrome."""
    return chrome_for(context.get("request"))["settings"]


@register.simple_tag(takes_context=True)
def chrome_version(context):
    from core.cache_version import version

    return version()


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page in the visitor's language (else that language's root URL)."""
    language = translation.get_language()
    return chrome_for(context.get("request"))["homes"].get(language, f"/{language}/")


def live_translations(request, page):
    """{language_code: page} of the page's live translations, itself included (one query per
    request, shared by the language switcher and the hreflang tags)."""
    cache = request.__dict__.setdefault("_live_translations", {}) if request is not None else {}
    if page.pk not in cache:
        cache[page.pk] = live_translations_of(page)
    return cache[page.pk]


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: this page in that language if it exists, else that home page."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    homes = chrome_for(request)["homes"]
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = live_translations(request, page)
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
        elif isinstance(page, Page) or request is None or context.get("error_page"):
            url = homes.get(code, f"/{code}/")
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "is_current": code == current})
    return links


@register.filter
def fallback_lang(item):
    """` lang="ja"` for text shown in the Japanese original because it is not translated into
    the visitor's language (an object or dict with is_original_language, as
    core.locales.translations_or_originals annotates), else nothing. Put it on the element
    that holds the text: the page's <html lang> stays the visitor's language."""
    if isinstance(item, dict):
        original, lang = item.get("is_original_language"), item.get("lang")
    else:
        original, lang = getattr(item, "is_original_language", False), getattr(item, "lang", "")
    if not original:
        return ""
    return format_html(' lang="{}"', lang or settings.LANGUAGE_CODE)


@register.filter
def fallback_span(item, text):
    """`text`, escaped, in a <span lang="ja"> when `item` is a Japanese fallback (see
    fallback_lang): for an untranslated title inside a sentence of the visitor's language."""
    attribute = fallback_lang(item)
    if not attribute:
        return conditional_escape(text)
    return format_html("<span{}>{}</span>", attribute, text)


_URL = re.compile(r"https?://[^\s<>\"'　、。）]+")


@register.filter(needs_autoescape=True)
def link_urls(text, autoescape=True):
    """Plain text as HTML with its URLs as links. Unlike Django's urlize it finds a URL right
    after Japanese punctuation (「…、https://…」), where there is no space."""
    escape_ = conditional_escape if autoescape else (lambda value: value)
    parts, last = [], 0
    for match in _URL.finditer(str(text)):
        parts.append(escape_(text[last : match.start()]))
        url = escape_(match.group(0))
        parts.append(f'<a href="{url}">{url}</a>')
        last = match.end()
    parts.append(escape_(text[last:]))
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 (parts escaped above)
