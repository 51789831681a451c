"""Head tags for search engines and social media: canonical, hreflang, OGP, JSON-LD."""

import json

from django import template
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from wagtail.models import Page

from home.chrome import chrome_for
from home.templatetags.site_tags import live_translations

register = template.Library()

OG_LOCALES = {"ja": "ja_JP", "en": "en_US", "zh-hans": "zh_CN", "zh-hant": "zh_TW", "ko": "ko_KR"}


def json_ld(data):
    """A JSON-LD script element; <, > and & are escaped so text cannot end the script."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


@register.inclusion_tag("includes/seo.html", takes_context=True)
def seo_tags(context):
    request = context.get("request")
    page = context.get("page")
    chrome = chrome_for(request)
    identity = chrome["identity"] or {}
    default_image = chrome["settings"].default_share_image
    data = {
        "site_name": identity.get("site_name", settings.WAGTAIL_SITE_NAME),
        "locale": OG_LOCALES.get(context.get("LANGUAGE_CODE", "ja"), "ja_JP"),
        "alternates": [],
        "canonical": request.build_absolute_uri(request.path) if request else "",
        "title": "",
        "description": "",
        "image": None,
        "type": "website",
    }
    if isinstance(page, Page) and hasattr(page, "get_summary"):
        data["canonical"] = page.get_full_url(request)
        data["title"] = page.seo_title or page.title
        data["description"] = strip_tags(page.search_description or page.get_summary())[:200]
        data["type"] = (
            "article" if page.get_schema_type() in ("Article", "NewsArticle") else "website"
        )
        image = page.get_share_image() or default_image
        if image is not None:
            rendition = image.get_rendition("fill-1200x630|format-jpeg")
            data["image"] = {
                "url": request.build_absolute_uri(rendition.url) if request else rendition.url,
                "alt": image.default_alt_text,
            }
        translations = live_translations(request, page)
        data["alternates"] = [
            {"lang": code, "url": p.get_full_url(request)} for code, p in translations.items()
        ]
        default = next((a for a in data["alternates"] if a["lang"] == settings.LANGUAGE_CODE), None)
        if default and len(data["alternates"]) > 1:
            data["alternates"].append({"lang": "x-default", "url": default["url"]})
    elif default_image is not None:
        rendition = default_image.get_rendition("fill-1200x630|format-jpeg")
        data["image"] = {
            "url": request.build_absolute_uri(rendition.url),
            "alt": default_image.default_alt_text,
        }
    return data


@register.simple_tag(takes_context=True)
def organization_json_ld(context):
    request = context.get("request")
    chrome = chrome_for(request)
    identity = chrome["identity"] or {}
    site_settings = chrome["settings"]
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": identity.get("city_name", ""),
        "url": request.build_absolute_uri(chrome["homes"].get(context.get("LANGUAGE_CODE"), "/")),
    }
    if identity.get("address"):
        data["address"] = identity["address"]
    if site_settings.contact_phone:
        data["telephone"] = site_settings.contact_phone
    if site_settings.contact_email:
        data["email"] = site_settings.contact_email
    same_as = [url for _label, url in site_settings.social_links]
    if same_as:
        data["sameAs"] = same_as
    if site_settings.logo:
        data["logo"] = request.build_absolute_uri(
            site_settings.logo.get_rendition("height-200").url
        )
    return json_ld(data)


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """The page's ancestors from the home page down: [(title, url)], ending with the page."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    ancestors = page.get_ancestors(inclusive=True).filter(depth__gte=2)
    return [(p.title, p.get_url(request)) for p in ancestors]


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context, crumbs):
    request = context.get("request")
    items = [
        {
            "@type": "ListItem",
            "position": index,
            "name": title,
            "item": request.build_absolute_uri(url),
        }
        for index, (title, url) in enumerate(crumbs, start=1)
    ]
    return json_ld(
        {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}
    )


@register.simple_tag(takes_context=True)
def page_json_ld(context):
    """NewsArticle or Event data for the page, when it is one."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or not hasattr(page, "get_schema_type"):
        return ""
    kind = page.get_schema_type()
    identity = chrome_for(request)["identity"] or {}
    publisher = {"@type": "GovernmentOrganization", "name": identity.get("city_name", "")}
    image = page.get_share_image()
    image_url = (
        request.build_absolute_uri(image.get_rendition("fill-1200x630|format-jpeg").url)
        if image
        else None
    )
    if kind in ("NewsArticle", "Article"):
        data = {
            "@context": "https://schema.org",
            "@type": kind,
            "headline": page.title[:110],
            "datePublished": (
                page.first_published_at or page.latest_revision_created_at
            ).isoformat()
            if (page.first_published_at or page.latest_revision_created_at)
            else None,
            "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
            "publisher": publisher,
            "mainEntityOfPage": page.get_full_url(request),
            "inLanguage": page.locale.language_code,
        }
        if image_url:
            data["image"] = [image_url]
    elif kind == "Event":
        location = (
            {"@type": "VirtualLocation", "url": page.get_full_url(request)}
            if page.is_online and not page.venue
            else {"@type": "Place", "name": page.venue, "address": page.address or page.venue}
        )
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": page.title,
            "startDate": page.start.isoformat(),
            "endDate": page.end.isoformat(),
            "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode"
            if page.is_online and not page.venue
            else "https://schema.org/OfflineEventAttendanceMode",
            "location": location,
            "description": strip_tags(page.get_summary()),
            "organizer": publisher,
            "inLanguage": page.locale.language_code,
        }
        if image_url:
            data["image"] = [image_url]
    else:
        return ""
    return json_ld({k: v for k, v in data.items() if v is not None})
