"""`make run` (config.settings.dev, DEBUG on) answers "not found" and server errors with the
site's own pages in the request's language, not Django's technical pages (the list of every
URL pattern, a traceback): `make run` is also the demo a city is shown."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.test import Client
from django.urls import path

from config import urls as site_urls

BASE_DIR = Path(__file__).resolve().parents[2]
ERROR_PAGES = "config.middleware.SiteErrorPagesMiddleware"

pytestmark = pytest.mark.django_db


def boom(request):
    raise RuntimeError("boom")


# The site's addresses plus one whose view fails, in every language.
urlpatterns = [
    *i18n_patterns(path("boom/", boom), prefix_default_language=True),
    *site_urls.urlpatterns,
]
handler404 = site_urls.handler404
handler500 = site_urls.handler500


def development_settings(*names):
    """Settings as `make run` reads them (config.settings.dev, without this machine's .env)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DJANGO_ENV_FILE="/nonexistent/.env",
        SECRET_KEY="development-settings-test-key-that-is-long-enough-0123456789",
    )
    code = "from django.conf import settings; " + "; ".join(
        f"print(repr(settings.{name}))" for name in names
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return [eval(line) for line in result.stdout.splitlines()]  # noqa: S307 (our own repr)


def test_make_run_settings_answer_with_the_sites_error_pages():
    debug, middleware = development_settings("DEBUG", "MIDDLEWARE")
    assert debug is True
    # Last: the middleware around it treats the site's 404 as in production (language prefix
    # and slash redirects, Wagtail's redirects).
    assert middleware[-1] == ERROR_PAGES


@pytest.fixture
def make_run(settings):
    """DEBUG on and the middleware as config.settings.dev adds it."""
    settings.DEBUG = True
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, ERROR_PAGES]
    settings.ROOT_URLCONF = __name__
    return Client(raise_request_exception=False)


def assert_site_page(html, language, *texts):
    assert f'<html lang="{language}">' in html
    for text in texts:
        assert text in html
    # Django's technical pages: the URL patterns it tried, the DEBUG notice, a traceback.
    for technical in ("URLconf", "DEBUG = True", "Traceback", "Request Method"):
        assert technical not in html


def test_unknown_page_is_the_sites_404_in_japanese(make_run, demo_site):
    response = make_run.get("/ja/nonexistent/")
    assert response.status_code == 404
    html = response.content.decode()
    assert_site_page(html, "ja", "ページが見つかりません", 'class="site-header"', 'id="main"')


def test_unknown_page_is_the_sites_404_in_korean(make_run, demo_site):
    response = make_run.get("/ko/nonexistent/")
    assert response.status_code == 404
    assert_site_page(response.content.decode(), "ko", "페이지를 찾을 수 없습니다", 'id="main"')


@pytest.mark.parametrize(
    ("address", "language", "text"),
    [
        ("/ja/old-page.html", "ja", "ページが見つかりません"),
        ("/en/wp-login.php", "en", "Page not found"),
    ],
)
def test_address_no_url_pattern_matches_is_the_sites_404(
    make_run, demo_site, address, language, text
):
    # Wagtail's pages match only paths of words and slashes: for these no view runs, and
    # Django's technical page would list every URL pattern.
    response = make_run.get(address)
    assert response.status_code == 404
    assert_site_page(response.content.decode(), language, text, 'id="main"')


def test_address_without_language_is_still_redirected_into_one(make_run, demo_site):
    response = make_run.get("/nonexistent/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/en/nonexistent/"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ja", "サーバーエラー"),
        ("en", "Server error"),
        ("ko", "서버 오류"),
        ("zh-hant", "伺服器錯誤"),
    ],
)
def test_server_error_is_the_sites_500_in_the_pages_language(make_run, demo_site, language, text):
    # The browser asks for Japanese; the address says which language the page is in.
    response = make_run.get(f"/{language}/boom/", HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 500
    html = response.content.decode()
    assert_site_page(html, language, text, f'href="/{language}/"')
    assert "boom" not in html


def test_server_error_traceback_goes_to_the_console(make_run, demo_site, caplog):
    make_run.get("/en/boom/")
    records = [r for r in caplog.records if r.name == "django.request"]
    assert len(records) == 1  # once: not again as a plain "Internal Server Error"
    assert records[0].exc_info and "boom" in str(records[0].exc_info[1])
