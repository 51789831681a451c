"""The demo's absolute addresses follow the configured public address (WAGTAILADMIN_BASE_URL),
not the one of the first seed: seed_demo, which `make run` runs every time, points the default
site at it. The demo database here was seeded at http://testserver; it is seeded again at
another address, as `make run PORT=8123` does after an earlier `make run`."""

import io
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
import segno
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Site

from campaigns.models import CallToAction, TrackingLink
from content.management.commands.seed_demo import Command as SeedDemo
from home.models import EventPage, NewsPage

NEW = "http://127.0.0.1:8123"

pytestmark = pytest.mark.django_db


@pytest.fixture
def reseeded(demo_site, settings):
    """seed_demo run again at NEW; returns what it printed."""
    assert demo_site.root_url == "http://testserver"  # where the demo was seeded first
    settings.WAGTAILADMIN_BASE_URL = NEW
    out = io.StringIO()
    call_command("seed_demo", "--force", "--print-logins", stdout=out)
    return out.getvalue()


@pytest.fixture
def moved(demo_site, settings):
    """The part of seed_demo that points the default site at WAGTAILADMIN_BASE_URL (the whole
    seed again takes a minute; the test above runs it)."""
    assert demo_site.root_url == "http://testserver"
    settings.WAGTAILADMIN_BASE_URL = NEW
    SeedDemo().ensure_site(demo_site.root_page)


def test_seeding_again_elsewhere_moves_the_default_site(reseeded):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8123, NEW)
    assert Site.objects.count() == 1
    news = NewsPage.objects.live().filter(locale__language_code="ja").first()
    assert news.full_url.startswith(f"{NEW}/ja/")
    assert f"Site: {NEW}/  Admin: {NEW}/admin/" in reseeded


def test_sitemap_lists_the_pages_at_the_public_address(moved, client):
    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml) + re.findall(r'href="([^"]+)"', xml)
    assert len(locations) > 20
    assert all(url.startswith(f"{NEW}/") for url in locations), locations[:3]


def test_page_canonical_and_share_links_use_the_public_address(moved, client):
    news = NewsPage.objects.live().filter(locale__language_code="ja").first()
    html = unescape(client.get(news.url).content.decode())
    assert f'<link rel="canonical" href="{NEW}{news.url}">' in html
    shares = re.findall(r'class="share-link[^"]*" href="([^"]+)"', html)
    assert shares
    for share in shares:
        shared = [v for values in parse_qs(urlsplit(share).query).values() for v in values]
        assert any(value.startswith(f"{NEW}{news.url}") for value in shared), share


def test_event_calendar_file_links_to_the_public_address(moved, client):
    event = EventPage.objects.live().filter(locale__language_code="ja").first()
    ics = client.get(f"{event.url}ics/").content.decode().replace("\r\n ", "")
    assert f"URL:{NEW}{event.url}" in ics


def test_short_link_and_its_qr_code_use_the_public_address(moved, client):
    link = (
        TrackingLink.objects.filter(target__in=[CallToAction.CAMPAIGN, CallToAction.PAGE])
        .order_by("pk")
        .first()
    )
    client.force_login(get_user_model().objects.get(email="contractor@example.jp"))
    html = client.get("/admin/snippets/campaigns/trackinglink/").content.decode()
    assert f"{NEW}/go/{link.code}" in html
    assert "http://testserver/go/" not in html
    svg = client.get(f"/admin/campaigns/links/{link.pk}/qr.svg").content.decode()
    expected = io.BytesIO()
    segno.make(f"{NEW}/go/{link.code}", error="m").save(
        expected, kind="svg", scale=10, border=4, xmldecl=True, title=link.code
    )
    assert svg == expected.getvalue().decode()
    # The short link itself leads to a page of this site (a path, so on any address).
    client.logout()
    response = client.get(f"/go/{link.code}")
    assert response.status_code == 302
    target = response["Location"]
    assert target.startswith(f"{NEW}/") or (target.startswith("/") and "//" not in target)
