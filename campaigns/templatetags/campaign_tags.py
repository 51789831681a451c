"""Template helpers of campaign pages (share links, calls to action, creators' post embeds)
the home page's "Campaigns" section (`running_campaigns`) and a press release's short link
for the media (`press_link`)."""

import logging

from django import template
from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException

from campaigns.models import CallToAction, CampaignPage, Creator, TrackingLink
from campaigns.targets import entrance_urls, with_query
from core.locales import active_locale, in_default_locale, translations_or_originals
from home.blocks import MediaEmbedBlock
from home.templatetags.share_tags import page_full_url
from home.templatetags.share_tags import share_links as build_share_links

register = template.Library()
logger = logging.getLogger(__name__)


def shared_url(request, page, source):
    """The page's full address as shared on `source`, tagged so visits count for it."""
    return with_query(
        page_full_url(request, page),
        {"utm_source": source, "utm_medium": "social", "utm_campaign": page.code},
    )


@register.simple_tag(takes_context=True)
def share_links(context, page):
    """Plain links to the share forms of X, Facebook and LINE (no scripts from them), each
    sharing the campaign's address tagged for that service."""
    request = context.get("request")
    return build_share_links(
        page.catch_copy or page.title, lambda source: shared_url(request, page, source)
    )


ENTRANCE_LABELS = [
    (CallToAction.REGISTER, "show_register"),
    (CallToAction.ENTRY_PASS, "show_entry_pass"),
    (CallToAction.CONSULT, "show_consult"),
]


@register.simple_tag
def campaign_calls_to_action(page):
    """The calls to action the editors turned on, each leading to the product's entrance in
    the visitor's language; the external link last."""
    labels = {
        CallToAction.REGISTER: _("Register as a furusato resident"),
        CallToAction.ENTRY_PASS: _("Get the Entry Pass"),
        CallToAction.CONSULT: _("Ask the consultation desk"),
    }
    kinds = [kind for kind, field in ENTRANCE_LABELS if getattr(page, field)]
    urls = entrance_urls(kinds)
    actions = [
        {"kind": kind, "label": labels[kind], "url": urls[kind], "external": False}
        for kind in kinds
    ]
    if page.external_cta_url and page.external_cta_label:
        actions.append(
            {
                "kind": CallToAction.EXTERNAL,
                "label": page.external_cta_label,
                "url": page.external_cta_url,
                "external": True,
            }
        )
    return actions


@register.simple_tag
def featured_creators(page):
    """The page's creators (with photos) in the visitor's language where translated."""
    creators = [item.creator for item in page.featured_creators.select_related("creator__photo")]
    return localized_creators(creators)


def localized_creators(creators):
    """Each creator in the visitor's language where a published translation exists, else the
    Japanese original. A translation still waiting for a City editor's approval is left out
    (translations_or_originals), also when the page itself points at it."""
    locale = active_locale()
    if locale is None or not creators or locale.language_code == settings.LANGUAGE_CODE:
        return creators
    # One row per translation key: the translation, else the original.
    found = {
        row.translation_key: row
        for row in translations_or_originals(
            Creator.objects.filter(translation_key__in={c.translation_key for c in creators}),
            locale,
        ).select_related("photo")
    }
    return [found.get(c.translation_key, c) for c in creators]


@register.filter
def in_visitor_language(creator):
    """A creator chosen in a block, in the visitor's language where translated."""
    if creator is None:
        return None
    return localized_creators([creator])[0]


@register.simple_tag
def embed_html(url, title):
    """The provider's embed HTML with a titled frame, or "" (the template then shows only
    the plain link). A failing provider never breaks the page."""
    if not url:
        return ""
    try:
        embed = embeds.get_embed(url)
    except EmbedException:
        logger.info("No embed for %s", url)
        return ""
    except Exception:
        logger.warning("Embed failed for %s", url, exc_info=True)
        return ""
    html = getattr(embed, "html", "") or ""
    if not html:
        return ""
    from django.utils.safestring import mark_safe

    return mark_safe(MediaEmbedBlock.add_iframe_title(html, title))  # noqa: S308 - allow-listed provider


@register.simple_tag
def campaign_related(page):
    """What an ended campaign offers instead: the related pages the editors chose, in the
    visitor's language; if there are none, the campaigns running now."""
    from home.models.base import localized_live

    chosen = [item.related for item in page.related_pages.select_related("related")]
    pages = localized_live(chosen) if chosen else []
    if pages:
        return pages
    return list(
        CampaignPage.objects.live_public_in(page.locale_id)
        .running()
        .exclude(pk=page.pk)
        .select_related("hero_image")
        .order_by("starts_at")[:3]
    )


@register.simple_tag(takes_context=True)
def short_link_url(context, link):
    """The full short address of a tracking link (https://…/go/<code>), to print or paste."""
    request = context.get("request")
    path = link.get_absolute_url()
    return request.build_absolute_uri(path) if request else path


@register.simple_tag
def press_link(page):
    """The short link a press release shows "for the media": the tracking link that points at
    the release's original (TrackingLink.press_release), whichever translation is shown. One
    query; the news page renders it inside its cached fragment, which saving a link empties
    (campaigns.signals)."""
    return (
        TrackingLink.objects.filter(
            press_release__translation_key=page.translation_key,
            **in_default_locale("press_release__"),
        )
        .only("code")
        .first()
    )


@register.simple_tag(takes_context=True)
def running_campaigns(context, page):
    """Up to three live campaigns of the page's language running now, by start: the home
    page's "Campaigns" section. The home page template renders it outside its cached fragments
    (a campaign appears at its start and disappears at its end, whatever the cache holds) and
    asks twice (its stylesheet in the head, the cards in the body): one query per rendering."""
    key = ("running_campaigns", page.pk)
    if key not in context.render_context:
        context.render_context[key] = list(
            CampaignPage.objects.live_public_in(page.locale_id)
            .running()
            .select_related("hero_image")
            .order_by("starts_at", "pk")[:3]
        )
    return context.render_context[key]
