"""Views of the portal that are not Wagtail pages: search and the sitemap."""

from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page, PageViewRestriction, Site

from core.cache_version import version
from home.models.base import paginate
from home.search import excerpt, result_label, search

RESULTS_PER_PAGE = 10


@require_GET
def search_view(request):
    query = request.GET.get("q", "").strip()
    locale = Locale.get_active()
    documents, terms = search(query, locale)
    results = paginate(request, documents.select_related("content_type"), RESULTS_PER_PAGE)
    pages = Page.objects.in_bulk([d.page_id for d in results])
    items = []
    for document in results:
        page = pages.get(document.page_id)
        if page is None:
            continue
        items.append(
            {
                "title": document.title,
                "url": page.get_url(request),
                "excerpt": excerpt(document, terms),
                "type": result_label(document.content_type.model_class()),
                "is_original_language": document.is_original_language,
                "lang": document.lang,
            }
        )
    return render(
        request,
        "home/search_results.html",
        {"query": query, "results": results, "items": items, "count": results.paginator.count},
    )


@require_GET
def sitemap(request):
    """Every live public page in every language, with hreflang alternates. Built once per
    site until a page, a view restriction or the site changes (the cache version those
    changes bump, core.cache_version): crawlers ask often, and the build reads every page."""
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    key = f"sitemap:{site.pk}:{request.scheme}:{version()}"
    body = cache.get(key)
    if body is None:
        body = _sitemap_xml(request, site)
        cache.set(key, body, SITEMAP_CACHE_SECONDS)
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


SITEMAP_CACHE_SECONDS = 24 * 60 * 60


def _sitemap_xml(request, site):
    roots = Page.objects.filter(translation_key=site.root_page.translation_key)
    pages = Page.objects.none()
    for root in roots:
        pages = pages | Page.objects.descendant_of(root, inclusive=True)
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
    pages = [
        p
        for p in pages.live().select_related("locale").order_by("path")
        if not any(p.path.startswith(r) for r in restricted)
    ]
    by_key = {}
    for page in pages:
        by_key.setdefault(page.translation_key, []).append(page)
    entries = []
    for page in pages:
        alternates = [
            {"lang": p.locale.language_code, "url": p.get_full_url(request)}
            for p in by_key[page.translation_key]
        ]
        entries.append(
            {
                "url": page.get_full_url(request),
                "lastmod": page.last_published_at,
                "alternates": alternates if len(alternates) > 1 else [],
            }
        )
    return render_to_string("sitemap.xml", {"entries": entries}, request=request)
