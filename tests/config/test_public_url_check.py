"""A deployment whose default Wagtail site disagrees with WAGTAILADMIN_BASE_URL is told so by
`migrate` and `manage.py check --database default`: its QR codes, sitemap and share links
would lead elsewhere than its e-mails."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Site

from home.checks import check_default_site_matches_public_url

pytestmark = pytest.mark.django_db


def warnings_for(base_url, settings, hostname="testserver", port=80):
    settings.WAGTAILADMIN_BASE_URL = base_url
    Site.objects.filter(is_default_site=True).update(hostname=hostname, port=port)
    return check_default_site_matches_public_url(databases=["default"])


def test_site_elsewhere_than_the_public_address_is_a_warning(demo_site, settings):
    (warning,) = warnings_for("https://tsunagaru.example.jp", settings, "127.0.0.1", 8000)
    assert warning.id == "home.W001"
    assert "http://127.0.0.1:8000" in warning.msg
    assert "https://tsunagaru.example.jp" in warning.msg


def test_https_address_needs_the_site_on_port_443(demo_site, settings):
    assert warnings_for("https://tsunagaru.example.jp", settings, "tsunagaru.example.jp", 80)
    assert not warnings_for("https://tsunagaru.example.jp/", settings, "tsunagaru.example.jp", 443)
    assert not warnings_for("http://127.0.0.1:8123", settings, "127.0.0.1", 8123)


def test_development_is_left_to_seed_demo(demo_site, settings):
    settings.DEBUG = True  # `make run` migrates before it seeds the site's address
    assert not warnings_for("http://127.0.0.1:8123", settings, "127.0.0.1", 8000)


def test_only_the_database_check_runs_it(demo_site, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://tsunagaru.example.jp"
    assert check_default_site_matches_public_url(databases=None) == []


def test_manage_py_check_with_the_database_shows_it(demo_site, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://tsunagaru.example.jp"
    out, err = io.StringIO(), io.StringIO()
    call_command("check", "--database", "default", stdout=out, stderr=err)
    assert "home.W001" in out.getvalue() + err.getvalue()
