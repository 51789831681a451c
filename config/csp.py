"""Content-Security-Policy: a strict, nonce-based policy for the public site, the policy the
Wagtail admin needs for its own pages, and the endpoint browsers report violations to.

Public pages: scripts run only from this site or with this response's nonce
(``nonce="{{ request.csp_nonce }}"``), never inline otherwise; frames only from the video hosts
the embed block supports. The admin (``/admin/``: editor, previews, wagtail-localize, reports)
ships inline scripts and styles of its own (date widgets, inline panels, the translation
editor), so its policy allows them; a nonce would switch 'unsafe-inline' off, so the admin's
policy has none. Both policies live in settings (CONTENT_SECURITY_POLICY and
CONTENT_SECURITY_POLICY_ADMIN).

Cached fragments ({% wagtailpagecache %}) must never contain a nonce: the nonce baked into
the cached HTML would not match the header of a later response. Nonced tags stay outside them.
"""

import json
import logging

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.abuse import within_rate_limit

logger = logging.getLogger("tsunagaru.csp")

# A violation report is a few hundred bytes; anything much larger is not one.
MAX_REPORT_BYTES = 16 * 1024
# Reporting API bodies are batches; a page with many violations still stays well below this.
MAX_REPORTS_PER_BODY = 20
REPORT_CONTENT_TYPES = ("application/csp-report", "application/reports+json", "application/json")


def is_admin_request(request):
    return request.path_info.startswith(settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIXES)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with one policy for the admin and another for everything else."""

    def process_response(self, request, response):
        if getattr(request, "is_dummy", False):
            # Wagtail's previews run the page through the middleware with a made-up request
            # for the page's public URL; the admin view that asked for it sets the policy.
            return response
        if not is_admin_request(request):
            # A fresh nonce in every public header, whether or not this response used it.
            str(request.csp_nonce)
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and is_admin_request(request) and parts.config is None:
            directives = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
            # No nonce: with one, browsers ignore 'unsafe-inline' and Wagtail's own inline
            # scripts stop running.
            return PolicyParts(default_config(directives), parts.update, parts.replace, None)
        return parts


def _clean(value, limit=300):
    """A report's field for one log line: text, no line breaks or control characters."""
    text = "" if value is None else str(value)
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return text[:limit]


def _violations(payload):
    """The violations in a report body, in either format, as dicts with the same keys."""
    if isinstance(payload, dict) and isinstance(payload.get("csp-report"), dict):
        report = payload["csp-report"]
        return [
            {
                "directive": report.get("effective-directive") or report.get("violated-directive"),
                "blocked": report.get("blocked-uri"),
                "document": report.get("document-uri"),
                "source": report.get("source-file"),
                "line": report.get("line-number"),
                "disposition": report.get("disposition"),
            }
        ]
    if isinstance(payload, list):
        found = []
        for report in payload[:MAX_REPORTS_PER_BODY]:
            if not isinstance(report, dict) or report.get("type") != "csp-violation":
                continue
            body = report.get("body")
            if not isinstance(body, dict):
                continue
            found.append(
                {
                    "directive": body.get("effectiveDirective"),
                    "blocked": body.get("blockedURL"),
                    "document": body.get("documentURL") or report.get("url"),
                    "source": body.get("sourceFile"),
                    "line": body.get("lineNumber"),
                    "disposition": body.get("disposition"),
                }
            )
        return found
    return []


@csrf_exempt
@require_POST
def csp_report(request):
    """Browsers POST violations here: one WARNING line each.

    The policies use report-uri (application/csp-report), which Chromium delivers at once.
    Not report-to: with it Chromium ignores report-uri and, in the browser tests, delivered
    nothing within 90 seconds. Reporting API bodies (application/reports+json) are accepted
    too, for a later switch.

    Anyone can post, so the body is small, parsed defensively and rate-limited; the answer is
    204 for a report, 400 for anything else, and never a server error."""
    content_type = request.content_type or ""
    if content_type not in REPORT_CONTENT_TYPES:
        return HttpResponseBadRequest("Not a CSP report.", content_type="text/plain")
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_REPORT_BYTES:
        return HttpResponse("Too large.", status=413, content_type="text/plain")
    if not within_rate_limit(request, "csp_report"):
        return HttpResponse("Too many reports.", status=429, content_type="text/plain")
    raw = request.read(MAX_REPORT_BYTES + 1)
    if len(raw) > MAX_REPORT_BYTES:
        return HttpResponse("Too large.", status=413, content_type="text/plain")
    try:
        payload = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return HttpResponseBadRequest("Not a CSP report.", content_type="text/plain")
    violations = _violations(payload)
    if not violations:
        return HttpResponseBadRequest("Not a CSP report.", content_type="text/plain")
    for violation in violations:
        logger.warning(
            "CSP violation: directive=%s blocked=%s document=%s source=%s:%s%s",
            _clean(violation["directive"], 60),
            _clean(violation["blocked"]),
            _clean(violation["document"]),
            _clean(violation["source"]),
            _clean(violation["line"], 10),
            " (report only)" if violation["disposition"] == "report" else "",
        )
    return HttpResponse(status=204)
