"""Content-Security-Policy (config/csp.py, settings CONTENT_SECURITY_POLICY*): every public page
sends a strict policy with a nonce of its own, the admin gets the policy Wagtail needs, and
violation reports are logged."""

import json
import logging
import re

import pytest
from django.urls import reverse
from wagtail.models import Page

from consultations.models import ConsultationPage
from home.models import EventPage, HomePage, NewsPage, SectionPage, StoryPage
from tests.factories import UserFactory

NONCE_IN_HEADER = re.compile(r"'nonce-([A-Za-z0-9+/=]+)'")
NONCE_IN_HTML = re.compile(r"<(\w+)\b[^>]*\snonce=\"([^\"]*)\"", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\ssrc=)([^>]*)>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle=\"", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)

PAGE_MODELS = {
    "home": HomePage,
    "section": SectionPage,
    "story": StoryPage,
    "news": NewsPage,
    "event": EventPage,
    "consultation form": ConsultationPage,
}


def directives(header):
    policy = {}
    for part in header.split(";"):
        name, *values = part.split()
        policy[name] = values
    return policy


def japanese_url(model):
    page = model.objects.live().filter(locale__language_code="ja").first()
    assert page is not None, f"the test site has no Japanese {model.__name__}"
    return page.url


def public_url(kind):
    if kind in PAGE_MODELS:
        return japanese_url(PAGE_MODELS[kind])
    return {
        "search": "/ja/search/?q=%E8%8B%AB%E5%B0%8F%E7%89%A7",
        "members register": "/ja/members/register/",
        "pass apply": "/ja/pass/apply/",
        "login": "/ja/accounts/login/",
        "404": "/ja/no-such-page/",
    }[kind]


PUBLIC_KINDS = [
    *PAGE_MODELS,
    "search",
    "members register",
    "pass apply",
    "login",
    "404",
]


def fetch(client, url):
    response = client.get(url, follow=True)
    assert response.status_code in (200, 404), (url, response.status_code)
    assert "Content-Security-Policy" in response, url
    return response


def check_nonces(response):
    """The header's nonce, after checking that every nonce in the HTML is that one."""
    header = response["Content-Security-Policy"]
    header_nonces = NONCE_IN_HEADER.findall(header)
    assert len(header_nonces) == 1, header
    nonce = header_nonces[0]
    html = response.content.decode()
    for tag, html_nonce in NONCE_IN_HTML.findall(html):
        assert html_nonce == nonce, f"<{tag} nonce> is not this response's nonce"
    # Every inline script that would run carries the nonce; data blocks (JSON-LD, JSON) are
    # never executed, so the policy does not apply to them.
    for attributes in INLINE_SCRIPT.findall(html):
        script_type = re.search(r'\stype="([^"]*)"', attributes)
        if script_type and script_type.group(1) in ("application/ld+json", "application/json"):
            continue
        assert f'nonce="{nonce}"' in attributes, f"inline <script{attributes}> without the nonce"
    return nonce


@pytest.mark.parametrize("kind", PUBLIC_KINDS)
def test_public_page_sends_the_strict_policy_with_a_fresh_nonce(client, demo_site, kind):
    url = public_url(kind)
    # Twice: the second answer comes from the page caches ({% wagtailpagecache %}), whose HTML
    # must not carry the first response's nonce.
    first = fetch(client, url)
    second = fetch(client, url)
    first_nonce, second_nonce = check_nonces(first), check_nonces(second)
    assert first_nonce != second_nonce

    policy = directives(second["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'", f"'nonce-{second_nonce}'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["report-uri"] == ["/csp-report/"]
    # Styles come from stylesheets only: no style="" and no <style> in the public pages.
    html = second.content.decode()
    assert not STYLE_ATTRIBUTE.search(html), STYLE_ATTRIBUTE.search(html).group(0)
    assert not STYLE_ELEMENT.search(html)


def test_frames_only_from_the_video_hosts_the_embed_block_supports(client, demo_site):
    policy = directives(fetch(client, public_url("home"))["Content-Security-Policy"])
    assert sorted(policy["frame-src"]) == [
        "https://player.vimeo.com",
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
    ]


def test_my_page_progress_bar_needs_no_inline_style(client, demo_site):
    from tests.factories.members import MembershipFactory

    membership = MembershipFactory()
    client.force_login(membership.user)
    response = client.get(reverse("members:my_page"))
    assert response.status_code == 200
    html = response.content.decode()
    assert not STYLE_ATTRIBUTE.search(html)
    check_nonces(response)


@pytest.fixture
def admin_client(client, demo_site):
    client.force_login(UserFactory(is_superuser=True))
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/pages/",
        "/admin/images/",
        "/admin/reports/site-history/",
    ],
)
def test_admin_pages_get_the_admin_policy(admin_client, url):
    response = admin_client.get(url)
    assert response.status_code == 200, url
    policy = directives(response["Content-Security-Policy"])
    # Wagtail's own inline scripts and styles run; so no nonce, which would disable that.
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "blob:" in policy["img-src"]
    # The admin frames its own previews, and nobody else frames the admin.
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'self'" in policy["frame-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["report-uri"] == ["/csp-report/"]


def test_page_preview_in_the_admin_gets_the_admin_policy(admin_client):
    page = Page.objects.get(pk=HomePage.objects.filter(locale__language_code="ja").first().pk)
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" in policy["script-src"]
    assert not NONCE_IN_HEADER.search(response["Content-Security-Policy"])


CSP_REPORT = {
    "csp-report": {
        "document-uri": "https://tsunagaru.example.jp/ja/",
        "referrer": "",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "original-policy": "default-src 'self'",
        "disposition": "enforce",
        "blocked-uri": "https://evil.example/x.js",
        "line-number": 12,
        "source-file": "https://tsunagaru.example.jp/ja/",
        "status-code": 200,
    }
}
REPORTING_API_BODY = [
    {
        "type": "csp-violation",
        "age": 10,
        "url": "https://tsunagaru.example.jp/ja/",
        "user_agent": "Chromium",
        "body": {
            "documentURL": "https://tsunagaru.example.jp/ja/",
            "effectiveDirective": "frame-src",
            "blockedURL": "https://tracker.example/frame",
            "disposition": "enforce",
            "sourceFile": "https://tsunagaru.example.jp/ja/",
            "lineNumber": 3,
            "statusCode": 200,
        },
    },
    {
        "type": "csp-violation",
        "url": "https://tsunagaru.example.jp/en/",
        "body": {
            "documentURL": "https://tsunagaru.example.jp/en/",
            "effectiveDirective": "style-src-attr",
            "blockedURL": "inline",
            "disposition": "enforce",
        },
    },
]


def post_report(client, body, content_type):
    return client.post(reverse("csp_report"), data=body, content_type=content_type)


def test_a_violation_report_is_logged_and_answered_204(client, db, caplog):
    with caplog.at_level(logging.WARNING, logger="tsunagaru.csp"):
        response = post_report(client, json.dumps(CSP_REPORT), "application/csp-report")
    assert response.status_code == 204
    lines = [r.getMessage() for r in caplog.records if r.name == "tsunagaru.csp"]
    assert len(lines) == 1
    assert "directive=script-src-elem" in lines[0]
    assert "blocked=https://evil.example/x.js" in lines[0]
    assert all(r.levelno == logging.WARNING for r in caplog.records if r.name == "tsunagaru.csp")


def test_reporting_api_batches_log_one_line_per_violation(client, db, caplog):
    with caplog.at_level(logging.WARNING, logger="tsunagaru.csp"):
        response = post_report(client, json.dumps(REPORTING_API_BODY), "application/reports+json")
    assert response.status_code == 204
    lines = [r.getMessage() for r in caplog.records if r.name == "tsunagaru.csp"]
    assert len(lines) == 2
    assert "directive=frame-src blocked=https://tracker.example/frame" in lines[0]
    assert "directive=style-src-attr blocked=inline" in lines[1]


def test_a_report_cannot_forge_log_lines(client, db, caplog):
    report = json.loads(json.dumps(CSP_REPORT))
    report["csp-report"]["blocked-uri"] = "https://x.example/\nCRITICAL forged line"
    with caplog.at_level(logging.WARNING, logger="tsunagaru.csp"):
        response = post_report(client, json.dumps(report), "application/csp-report")
    assert response.status_code == 204
    (line,) = [r.getMessage() for r in caplog.records if r.name == "tsunagaru.csp"]
    assert "\n" not in line


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("not json at all", "application/csp-report"),
        (b"\xff\xfe\x00garbage", "application/csp-report"),
        ("[]", "application/reports+json"),
        ('{"csp-report": "nope"}', "application/csp-report"),
        ('[{"type": "deprecation", "body": {}}]', "application/reports+json"),
        ("null", "application/json"),
        (json.dumps(CSP_REPORT), "text/plain"),
        ("a=b", "application/x-www-form-urlencoded"),
    ],
)
def test_garbage_is_answered_400_never_500(client, db, caplog, body, content_type):
    with caplog.at_level(logging.WARNING, logger="tsunagaru.csp"):
        response = post_report(client, body, content_type)
    assert response.status_code == 400
    assert not [r for r in caplog.records if r.name == "tsunagaru.csp"]


def test_oversized_reports_and_gets_are_refused(client, db):
    huge = json.dumps({"csp-report": {**CSP_REPORT["csp-report"], "blocked-uri": "x" * 40000}})
    assert post_report(client, huge, "application/csp-report").status_code == 413
    assert client.get(reverse("csp_report")).status_code == 405


def test_report_endpoint_is_rate_limited(client, db):
    body = json.dumps(CSP_REPORT)
    answers = [post_report(client, body, "application/csp-report").status_code for _ in range(70)]
    assert answers[0] == 204
    assert answers[-1] == 429
