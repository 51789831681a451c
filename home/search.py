"""Search over SearchDocument: every word of the query must appear, title matches first."""

import re
import unicodedata

from django.db.models import Case, IntegerField, Value, When
from django.dispatch import receiver
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext_lazy
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.locales import translations_or_originals
from home.models import SearchDocument

MAX_QUERY_LENGTH = 100
MAX_TERMS = 5
_SPLIT = re.compile(r"\s+")  # includes the ideographic space U+3000
# Control characters (and DEL) are never searched for: PostgreSQL refuses NUL in a query, so
# the search copes even when called without the request middleware that removes them.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


DEFAULT_RESULT_LABEL = pgettext_lazy("search result kind", "Page")


def result_label(model):
    """What a search result is, in the visitor's words: the page model's
    `search_result_label` (Story, News, Event, Local activity, Campaign), else Page (the page
    types' names are for editors: "standard page", "section page")."""
    return getattr(model, "search_result_label", None) or DEFAULT_RESULT_LABEL


def normalize(text):
    """NFKC folds full-width letters and half-width katakana; casefold ignores case."""
    return unicodedata.normalize("NFKC", text or "")


def query_terms(query):
    query = _CONTROL.sub(" ", normalize(query))[:MAX_QUERY_LENGTH].casefold()
    return [term for term in _SPLIT.split(query) if term][:MAX_TERMS]


def index_page(page):
    """Store (or drop) a page's search text according to whether visitors can see it."""
    page = page.specific
    restricted = PageViewRestriction.objects.filter(
        page__in=page.get_ancestors(inclusive=True)
    ).exists()
    if not page.live or restricted or not hasattr(page, "get_plain_text"):
        SearchDocument.objects.filter(page_id=page.pk).delete()
        return None
    text = normalize(page.get_plain_text())
    title = normalize(page.title)
    document, _created = SearchDocument.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "locale_id": page.locale_id,
            "content_type_id": page.content_type_id,
            "title": title[:255],
            "text": text,
            "normalized": text.casefold(),
            "normalized_title": title.casefold()[:255],
            "published_at": page.last_published_at or page.first_published_at,
        },
    )
    return document


def rebuild_index():
    SearchDocument.objects.all().delete()
    count = 0
    for page in Page.objects.live().filter(depth__gt=1).specific().iterator():
        if index_page(page):
            count += 1
    return count


def search(query, locale):
    """SearchDocuments that contain every term of the query: the pages of the visitor's
    language and the Japanese pages not translated into it (annotated is_original_language:
    the results mark them lang="ja"); never the Japanese original of a translated page."""
    terms = query_terms(query)
    if not terms:
        return SearchDocument.objects.none(), terms
    documents = translations_or_originals(
        SearchDocument.objects.all(), locale, key="page__translation_key"
    )
    for term in terms:
        documents = documents.filter(normalized__contains=term)
    documents = documents.annotate(
        in_title=Case(
            When(normalized_title__contains=terms[0], then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    ).order_by("-in_title", "is_original_language", "-published_at", "pk")
    return documents, terms


def excerpt(document, terms, width=60):
    """A snippet around the first match, the matches wrapped in <mark>; HTML-escaped."""
    text = document.text
    folded = text.casefold()
    position = -1
    if len(folded) == len(text):
        positions = [folded.find(t) for t in terms if folded.find(t) >= 0]
        position = min(positions) if positions else -1
    start = max(0, position - width // 2) if position >= 0 else 0
    snippet = text[start : start + width * 2]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width * 2 < len(text) else ""
    html = escape(snippet)
    for term in sorted(set(terms), key=len, reverse=True):
        pattern = re.compile(re.escape(escape(term)), re.IGNORECASE)
        html = pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", html)
    return mark_safe(prefix + html + suffix)  # noqa: S308 - escaped above


@receiver(page_published, dispatch_uid="search-index-published")
def _index_on_publish(sender, instance, **kwargs):
    index_page(instance)


@receiver(page_unpublished, dispatch_uid="search-index-unpublished")
def _drop_on_unpublish(sender, instance, **kwargs):
    SearchDocument.objects.filter(page_id=instance.pk).delete()


@receiver(post_page_move, dispatch_uid="search-index-moved")
def _reindex_on_move(sender, instance, **kwargs):
    # A move can put a page under (or out of) a private section.
    for page in instance.get_descendants(inclusive=True).live():
        index_page(page)
