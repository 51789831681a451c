"""The page chrome: accessible structure, assets from this site, error pages per language."""

import re

import pytest
from django.test import Client, RequestFactory, override_settings
from django.urls import path
from django.utils import translation

from config.views import server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/ja/", "/en/", "/ja/accounts/login/", "/en/no-such-page/"])
def test_pages_have_accessible_structure(client, demo_site, url):
    html = client.get(url).content.decode()
    assert re.search(r'<html lang="(ja|en)">', html)
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert re.search(r'<nav [^>]*aria-label="[^"]+"', html)
    assert '<meta name="viewport"' in html


@pytest.mark.parametrize("url", ["/ja/", "/en/", "/ja/accounts/login/"])
def test_assets_are_served_from_this_site(client, demo_site, url):
    html = client.get(url).content.decode()
    assets = re.findall(r"<(?:script|img|link)\b[^>]*>", html)
    loaded = [tag for tag in assets if not re.search(r'rel="(canonical|alternate)"', tag)]
    external = [tag for tag in loaded if re.search(r'(?:src|href|srcset)="(?:https?:)?//', tag)]
    assert loaded and external == []


def test_css_is_served(client, demo_site):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert b":focus-visible" in b"".join(response.streaming_content)


def test_footer_shows_contact_details_from_settings_and_identity(client, demo_site):
    from home.models import SiteSettings

    settings_obj = SiteSettings.for_site(demo_site)
    settings_obj.contact_phone = "0144-99-8765"
    settings_obj.save()
    html = client.get("/ja/").content.decode()
    assert "0144-99-8765" in html
    assert "平日 8:45〜17:15" in html


def boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", boom)]
handler500 = "config.views.server_error"


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.parametrize(("language", "text"), [("ja", "サーバーエラー"), ("en", "Server error")])
def test_server_error_page_is_in_the_visitors_language(language, text):
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE=language)
    response = client.get("/boom/")
    assert response.status_code == 500
    assert text in response.content.decode()
    assert f'<html lang="{language}">' in response.content.decode()


def test_server_error_page_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/")
    with translation.override("en"), django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
