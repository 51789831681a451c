"""Site-wide views: error pages in the visitor's language, robots.txt, a health check."""

import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def page_not_found(request, exception=None):
    # error_page: the language switcher then leads to each language's home page.
    response = TemplateResponse(request, "404.html", {"error_page": True}, status=404)
    response.render()
    return response


def error_page_language(request):
    """The language of an error page: the address's own (/ko/…), else the one LocaleMiddleware
    chose for the request (cookie, browser), else the site's. Never the language the thread
    kept from an earlier request, which an error raised before LocaleMiddleware would get."""
    supported = {code for code, _name in settings.LANGUAGES}
    for language in (
        translation.get_language_from_path(request.path_info),
        getattr(request, "LANGUAGE_CODE", None),
    ):
        if language in supported:
            return language
    return settings.LANGUAGE_CODE


def server_error(request):
    """Rendered without the database or context processors: they may be what failed."""
    template = loader.get_template("500.html")
    language = error_page_language(request)
    with translation.override(language):
        return HttpResponseServerError(template.render({"LANGUAGE_CODE": language}))


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        *(f"Disallow: /{code}/accounts/" for code, _name in settings.LANGUAGES),
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


logger = logging.getLogger(__name__)


def _database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache_answers():
    # The cache holds sessions (cached_db), rate limits and form tokens: a round trip under a
    # key of this request's own (servers sharing the cache must not read each other's value).
    key = f"healthz:{secrets.token_hex(8)}"
    cache.set(key, "1", timeout=10)
    answers = cache.get(key) == "1"
    cache.delete(key)
    return answers


@never_cache
@require_GET
def healthz(request):
    """For the load balancer: 200 when the app, its database and its cache answer; 503 when
    either does not, so that the balancer takes this instance out of rotation (a 500 would
    look like a bug of this app, and wake the wrong person). Plain text, never cached."""
    down = []
    for name, check in (("database", _database_answers), ("cache", _cache_answers)):
        try:
            answers = check()
        except Exception:  # any driver's error means "not answering"
            logger.warning("Health check: the %s does not answer", name, exc_info=True)
            answers = False
        if not answers:
            down.append(name)
    if down:
        body, status = "unavailable: " + ", ".join(down) + "\n", 503
    else:
        body, status = "ok\n", 200
    return HttpResponse(body, status=status, content_type="text/plain; charset=utf-8")
