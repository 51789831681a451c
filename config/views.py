"""Site-wide views: error pages in the visitor's language, robots.txt, a health check."""

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
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


def server_error(request):
    """Rendered without the database or context processors: they may be what failed."""
    template = loader.get_template("500.html")
    language = translation.get_language() or settings.LANGUAGE_CODE
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


@never_cache
@require_GET
def healthz(request):
    """For the load balancer: the app answers and its database does."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
