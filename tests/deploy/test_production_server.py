"""The deployment the README describes, for real: production settings, gunicorn (--preload,
3 workers), the task worker, PostgreSQL, Redis, an SMTP server, and Debian's nginx with the
project's deploy/nginx/tsunagaru.conf terminating HTTPS (scripts/production_server.py).

Needs PostgreSQL and Redis on 127.0.0.1 (CI has both): without them the test fails, saying
which is missing. It uses a database of its own, tsunagaru_deploy_test (migrated and seeded on
its first run, reused after), so the SQLite and PostgreSQL runs of the suite and `make bench`
never share one. Every check is in one test: pytest-xdist never splits them across workers,
and a failing check does not hide the others (all failures are listed together).
"""

import http.cookies
import json
import re
import time
import urllib.parse
import urllib.request

import pytest

from scripts.production_server import (
    HarnessError,
    NoRedirect,
    ProductionServer,
    insecure_context,
    require_services,
)

DATABASE = "tsunagaru_deploy_test"
CACHE_DB = 11
LOGIN_EMAIL = "deploy-test@example.jp"
LOGIN_PASSWORD = "港の朝霧-deploy-check-7391"  # noqa: S105 (a test login on a test server)
# A City editor with an authenticator app (a secret known to the test, as an app would hold it).
STAFF_EMAIL = "deploy-city@example.jp"
STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
# A member login, and a PDF in a public collection and one in a collection for logged-in
# users (the demo has no documents); prints {"public": [id, file], "private": [id, file]}.
PREPARE = f"""
import json
from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from members.models import User
user = User.objects.filter(email="{LOGIN_EMAIL}").first() or User(email="{LOGIN_EMAIL}")
user.set_password("{LOGIN_PASSWORD}")
user.save()
EmailAddress.objects.update_or_create(
    user=user, email=user.email, defaults={{"primary": True, "verified": True}}
)
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
staff = User.objects.filter(email="{STAFF_EMAIL}").first() or User(email="{STAFF_EMAIL}")
staff.set_password("{LOGIN_PASSWORD}")
staff.save()
EmailAddress.objects.update_or_create(
    user=staff, email=staff.email, defaults={{"primary": True, "verified": True}}
)
staff.groups.add(Group.objects.get(name="City editors"))
if not Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists():
    TOTP.activate(staff, "{STAFF_TOTP_SECRET}")
root = Collection.get_first_root_node()
PDF = b"%PDF-1.4\\n1 0 obj<< /Type /Catalog >>endobj\\ntrailer<< /Root 1 0 R >>\\n%%EOF\\n"
found = {{}}
for key, name in (("public", "Deploy test: public"), ("private", "Deploy test: members only")):
    collection = root.get_children().filter(name=name).first() or root.add_child(name=name)
    if key == "private":
        CollectionViewRestriction.objects.get_or_create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    document = get_document_model().objects.filter(collection=collection).first()
    if document is None:
        document = get_document_model().objects.create(
            title=name, collection=collection, file=ContentFile(PDF, name=f"deploy-{{key}}.pdf")
        )
    found[key] = [document.pk, document.file.name]
print(json.dumps(found))
"""


@pytest.fixture(scope="module")
def server():
    try:
        require_services()
    except HarnessError as error:
        pytest.fail(f"The deploy test needs PostgreSQL and Redis: {error}")
    with ProductionServer(database=DATABASE, cache_db=CACHE_DB) as running:
        documents = json.loads(
            running.manage("shell", "-c", PREPARE).stdout.strip().splitlines()[-1]
        )
        yield running, documents


def cookies_of(headers):
    """{name: morsel} of every Set-Cookie header."""
    jar = {}
    for header in headers.get_all("Set-Cookie") or []:
        cookie = http.cookies.SimpleCookie()
        cookie.load(header)
        for name, morsel in cookie.items():
            jar[name] = (morsel, header)
    return jar


def current_totp_code(secret):
    """The code an authenticator app shows now for this secret (RFC 6238, 30 s, 6 digits)."""
    from tests.e2e.accounts import code_from_secret

    return code_from_secret(secret)


def test_the_production_deployment_behind_nginx(server):
    server, documents = server
    problems = []

    def check(condition, message):
        if not condition:
            problems.append(message)

    # A public page: HSTS, nosniff, and a content security policy with this response's nonce.
    status, headers, body = server.get("/ja/")
    html = body.decode()
    check(status == 200, f"/ja/ answered {status}")
    check(
        "max-age=31536000" in (headers.get("Strict-Transport-Security") or ""),
        f"HSTS: {headers.get('Strict-Transport-Security')!r}",
    )
    check(headers.get("X-Content-Type-Options") == "nosniff", "no X-Content-Type-Options: nosniff")
    csp = headers.get("Content-Security-Policy") or ""
    check(csp, "/ja/ has no Content-Security-Policy header")
    directives = {part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()}
    script_src = directives.get("script-src", directives.get("default-src", []))
    nonces = [source[len("'nonce-") : -1] for source in script_src if source.startswith("'nonce-")]
    check(len(nonces) == 1, f"script-src has no nonce: {csp!r}")
    # Inline scripts run only with the response's nonce (JSON-LD data blocks do not run).
    for tag in re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", html):
        check(
            any(f'nonce="{nonce}"' in tag for nonce in nonces),
            f"inline script without the nonce: {tag}",
        )
    check("'unsafe-inline'" not in script_src, f"script-src allows inline scripts: {csp!r}")
    for directive in ("object-src", "base-uri", "frame-ancestors"):
        check(directives.get(directive) == ["'none'"], f"{directive} is not 'none': {csp!r}")

    # The admin's login is the site's login; its page has a policy too.
    status, headers, _body = server.get("/admin/login/")
    location = headers.get("Location") or ""
    check(status == 302 and "/accounts/login/" in location, f"/admin/login/ → {status} {location}")
    if location:
        target = urllib.parse.urlsplit(location)
        status, headers, _body = server.get(f"{target.path}?{target.query}")
        check(status == 200, f"{location} answered {status}")
        check(headers.get("Content-Security-Policy"), f"{location} has no Content-Security-Policy")

    # __Host- session and CSRF cookies: Secure, Path=/, no Domain; after the login page and
    # a login.
    status, headers, body = server.get("/ja/accounts/login/")
    cookies = cookies_of(headers)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body.decode())
    check(token, "the login page has no CSRF token")
    if token:
        form = urllib.parse.urlencode(
            {
                "login": LOGIN_EMAIL,
                "password": LOGIN_PASSWORD,
                "csrfmiddlewaretoken": token.group(1),
            }
        ).encode()
        cookie_header = "; ".join(
            f"{name}={morsel.value}" for name, (morsel, _h) in cookies.items()
        )
        status, headers, _body = server.get(
            "/ja/accounts/login/",
            method="POST",
            data=form,
            headers={
                "Cookie": cookie_header,
                "Origin": server.url,
                "Referer": f"{server.url}/ja/accounts/login/",
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        check(status == 302, f"the login answered {status}, not a redirect")
        cookies.update(cookies_of(headers))
    names = set(cookies)
    check(
        any(name.startswith("__Host-") and "session" in name for name in names),
        f"no __Host- session cookie after logging in: {sorted(names)}",
    )
    check(
        any(name.startswith("__Host-") and "csrf" in name for name in names),
        f"no __Host- CSRF cookie: {sorted(names)}",
    )
    for name, (morsel, header) in cookies.items():
        if "session" in name or "csrf" in name:
            check(
                name.startswith("__Host-")
                and morsel["secure"]
                and morsel["path"] == "/"
                and not morsel["domain"],
                f"cookie not __Host-, Secure, Path=/ without Domain: {header}",
            )

    # Documents: only through the app's view, which checks the collection's privacy; never
    # from the media directory, where nginx would hand a private one to anyone.
    for key, (pk, file) in documents.items():
        name = file.rsplit("/", 1)[-1]
        check((server.media_root / file).exists(), f"{file} is not in MEDIA_ROOT")
        status, _headers, _body = server.get(f"/media/{file}")
        check(status == 404, f"/media/{file} ({key}) answered {status}, not 404")
        status, headers, body = server.get(f"/documents/{pk}/{name}")
        if key == "public":
            check(
                status == 200 and body.startswith(b"%PDF"),
                f"/documents/{pk}/{name} answered {status}",
            )
            disposition = headers.get("Content-Disposition") or ""
            check(disposition.startswith("attachment"), f"a PDF is served {disposition!r}")
        else:
            location = headers.get("Location") or ""
            check(
                status == 302 and "/accounts/login/" in location,
                f"the members-only /documents/{pk}/{name} answered {status} {location}",
            )

    # Anonymous visitors get no session, even on the registration wizard's first step.
    for path in ("/ja/", "/ja/members/register/", "/ja/pass/apply/"):
        status, headers, _body = server.get(path)
        session_cookies = [name for name in cookies_of(headers) if "session" in name]
        check(status == 200 and not session_cookies, f"{path}: {status}, {session_cookies}")

    # Staff who can see personal data pass the second factor: the demo code of `make run` is
    # refused here, the authenticator app's code lets the City editor in, and the admin's CSV
    # export escapes the demo creators' "@handles".
    jar = {}

    def browse(path, form=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}
        data = None
        if form is not None:
            token = jar.get("__Host-csrftoken", "")
            data = urllib.parse.urlencode({**form, "csrfmiddlewaretoken": token}).encode()
            headers.update(
                {
                    "Origin": server.url,
                    "Referer": f"{server.url}{path}",
                    "Content-Type": "application/x-www-form-urlencoded",
                }
            )
        status, response_headers, body = server.get(
            path, method="POST" if form is not None else "GET", data=data, headers=headers
        )
        for name, (morsel, _header) in cookies_of(response_headers).items():
            jar[name] = morsel.value
        return status, response_headers.get("Location") or "", body.decode(errors="replace")

    browse("/ja/accounts/login/")
    status, location, _ = browse(
        "/ja/accounts/login/", {"login": STAFF_EMAIL, "password": LOGIN_PASSWORD}
    )
    check(
        status == 302 and "/accounts/2fa/authenticate/" in location,
        f"a City editor's password alone → {status} {location}, not the code step",
    )
    code_step = "/ja/accounts/2fa/authenticate/"
    browse(code_step)
    status, location, _ = browse(code_step, {"code": "000000"})
    check(status == 200, f"the demo code 000000 was accepted in production: {status} {location}")
    status, location, _ = browse(code_step, {"code": current_totp_code(STAFF_TOTP_SECRET)})
    if status != 302:
        # A code works once: an earlier run in the same 30 s, or the period turned over
        # between reading the code and sending it. The app's next code, as a person would.
        time.sleep(30 - time.time() % 30 + 1)
        status, location, _ = browse(code_step, {"code": current_totp_code(STAFF_TOTP_SECRET)})
    check(status == 302, f"the authenticator app's code → {status}, not a redirect")
    status, _location, csv = browse("/admin/snippets/campaigns/creator/?export=csv")
    check(status == 200, f"the creators' CSV export answered {status}")
    check("'@" in csv and not re.search(r"(^|,)@", csv, re.M), "a creator's @handle unescaped")

    # Control characters in a query string are a normal page, never a server error.
    status, _headers, _body = server.get("/ja/search/?q=%00")
    check(status < 500, f"/ja/search/?q=%00 answered {status}")

    # The load balancer's health check.
    status, _headers, body = server.get("/healthz/")
    check(status == 200, f"/healthz/ answered {status}")

    # A Host that is not in ALLOWED_HOSTS.
    status, _headers, _body = server.get("/ja/", headers={"Host": "evil.example.com"})
    check(status == 400, f"a request for Host evil.example.com answered {status}, not 400")

    # Plain HTTP goes to HTTPS.
    request = urllib.request.Request(f"http://127.0.0.1:{server.http_port}/ja/")
    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=insecure_context()),
        NoRedirect(),
    )
    try:
        response = opener.open(request, timeout=10)
        status, location = response.status, response.headers.get("Location")
    except urllib.error.HTTPError as error:
        status, location = error.code, error.headers.get("Location")
    except urllib.error.URLError as error:
        status, location = None, error.reason
    check(
        status == 301 and (location or "").startswith("https://"),
        f"http:// answered {status} {location}",
    )

    # Django's deployment checklist, in the environment the server runs with.
    result = server.manage("check", "--deploy", "--fail-level", "WARNING", check=False)
    check(result.returncode == 0, f"check --deploy: {result.stdout}{result.stderr}")

    assert not problems, "\n".join(problems)
