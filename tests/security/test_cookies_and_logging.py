"""Production's session and CSRF cookies carry the __Host- prefix (Secure, path "/", no
Domain), so no other host can plant or overwrite them; a request for a host this site does
not serve is a 400 logged at WARNING, not an ERROR."""

import json
import logging

import pytest
from django.test import Client

from tests.config.test_settings import PRODUCTION_ENV, manage

# Run in a subprocess with the production settings: a view that starts a session and asks for
# a CSRF token, through Django's session and CSRF middleware. The session engine is swapped for
# signed cookies there only so that no PostgreSQL or Redis is needed; the cookie's name and
# attributes come from the production settings either way.
COOKIES_OF_A_RESPONSE = """
import json
from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test import RequestFactory, override_settings

def view(request):
    request.session["started"] = True
    get_token(request)
    return HttpResponse("ok")

with override_settings(SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies"):
    request = RequestFactory().get("/", secure=True, HTTP_HOST="tsunagaru.example.jp")
    response = SessionMiddleware(CsrfViewMiddleware(view))(request)
print(json.dumps({
    name: {key: morsel[key] for key in ("secure", "path", "domain", "httponly", "samesite")}
    for name, morsel in response.cookies.items()
}))
"""


def test_production_session_and_csrf_cookies_have_the_host_prefix():
    result = manage("shell", "-c", COOKIES_OF_A_RESPONSE, env_overrides=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    cookies = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(cookies) == {"__Host-sessionid", "__Host-csrftoken"}
    for name, attributes in cookies.items():
        # What browsers require of a __Host- cookie, or they drop it.
        assert attributes["secure"] is True, name
        assert attributes["path"] == "/", name
        assert attributes["domain"] == "", name
        assert attributes["httponly"] is True, name


def test_a_bad_host_is_a_400_logged_at_warning(db, caplog):
    with caplog.at_level(logging.DEBUG):
        response = Client().get("/ja/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    records = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert len(records) == 1
    assert records[0].levelno == logging.WARNING
    assert "evil.example" in records[0].getMessage()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize("path", ["/ja/", "/healthz/", "/admin/"])
def test_a_bad_host_is_never_an_error_anywhere(db, caplog, path):
    with caplog.at_level(logging.DEBUG):
        assert Client().get(path, HTTP_HOST="10.0.0.1:8000").status_code == 400
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
