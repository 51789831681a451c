"""/go/<code>: clicks are counted (no IP, no bots), the redirect goes only to the stored
target, UTM values arriving on any page are captured and cleaned."""

from datetime import timedelta

import pytest
from django.utils import timezone

from campaigns.attribution import COOKIE_NAME, clean_utm, device_class, read_source
from campaigns.models import Click, Conversion
from tests.factories.campaigns import CampaignPageFactory, TrackingLinkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _without_demo_figures(db):
    """The demo's clicks and conversions (rolled back after each test) would hide the counts."""
    Click.objects.all().delete()
    Conversion.objects.all().delete()


IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
DESKTOP = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0 Safari/537.36"
)
BOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Twitterbot/1.0",
    "Mozilla/5.0 (compatible; Linespider/1.1; +https://lin.ee/4dwXkTH)",
    "curl/8.5.0",
    "",
]


def go(client, code, agent=IPHONE, ip="203.0.113.7", **extra):
    return client.get(f"/go/{code}", HTTP_USER_AGENT=agent, REMOTE_ADDR=ip, **extra)


def test_a_click_is_recorded_with_a_hashed_visitor_and_device_class_only(client, demo_site):
    link = TrackingLinkFactory(code="winter-test-ig")
    response = go(client, "winter-test-ig")
    assert response.status_code == 302
    assert response["Location"] == link.campaign.url
    click = Click.objects.get(link=link)
    assert click.campaign == link.campaign and click.creator == link.creator
    assert click.channel == "instagram" and click.device == "mobile"
    assert "203.0.113.7" not in click.visitor and len(click.visitor) == 32
    stored = [str(getattr(click, f.attname)) for f in Click._meta.concrete_fields]
    assert not any("203.0.113" in value or "iPhone" in value for value in stored)
    assert "no-store" in response["Cache-Control"]
    # The same visitor counts as the same unique visitor; another address does not.
    go(client, "winter-test-ig")
    go(client, "winter-test-ig", ip="198.51.100.9", agent=DESKTOP)
    visitors = Click.objects.filter(link=link).values_list("visitor", flat=True)
    assert len(visitors) == 3 and len(set(visitors)) == 2
    assert Click.objects.filter(link=link, device="desktop").count() == 1


@pytest.mark.parametrize("agent", BOTS)
def test_bots_and_link_previews_are_redirected_but_not_counted(client, demo_site, agent):
    link = TrackingLinkFactory()
    response = go(client, link.code, agent=agent)
    assert response.status_code == 302
    assert not Click.objects.filter(link=link).exists()
    assert COOKIE_NAME not in response.cookies


def test_head_and_prefetch_requests_are_not_counted(client, demo_site):
    link = TrackingLinkFactory()
    assert client.head(f"/go/{link.code}", HTTP_USER_AGENT=IPHONE).status_code == 302
    assert go(client, link.code, HTTP_SEC_PURPOSE="prefetch").status_code == 302
    assert not Click.objects.filter(link=link).exists()
    assert client.post(f"/go/{link.code}", HTTP_USER_AGENT=IPHONE).status_code == 405


def test_an_unknown_code_is_404(client, demo_site):
    TrackingLinkFactory(code="a-real-code")
    assert go(client, "no-such-code").status_code == 404
    assert not Click.objects.exists()


def test_codes_are_case_insensitive_and_language_neutral(client, demo_site):
    link = TrackingLinkFactory(code="flyer-2026")
    response = go(client, "FLYER-2026")
    assert response.status_code == 302
    assert Click.objects.filter(link=link).count() == 1
    # A short address is never listed by a search engine, nor kept by a shared cache.
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert go(client, "flyer-2026/", ip="203.0.113.8").status_code == 302
    assert Click.objects.filter(link=link).count() == 2


def test_the_redirect_never_follows_the_request(client, demo_site):
    link = TrackingLinkFactory()
    for query in ("?next=https://evil.example/", "?url=//evil.example", "?target=/ja/admin/"):
        response = client.get(f"/go/{link.code}{query}", HTTP_USER_AGENT=IPHONE)
        assert response["Location"] == link.campaign.url
    response = client.get(
        f"/go/{link.code}", HTTP_USER_AGENT=IPHONE, HTTP_REFERER="https://evil.example/"
    )
    assert response["Location"] == link.campaign.url
    # No personal data or tracking values are put into the URL the visitor lands on.
    assert "?" not in response["Location"]


def test_targets_resolve_to_the_stored_call_to_action_in_the_visitors_language(client, demo_site):
    register = TrackingLinkFactory(target="register")
    assert go(client, register.code)["Location"] == "/ja/furusato-resident/"
    english = go(client, register.code, HTTP_ACCEPT_LANGUAGE="en")
    assert english["Location"].startswith("/en/")
    assert client.get(english["Location"]).status_code == 200
    for target in ("entry_pass", "consult"):
        location = go(client, TrackingLinkFactory(target=target).code)["Location"]
        assert client.get(location).status_code == 200


def test_an_external_target_gets_the_links_utm_values(client, demo_site):
    link = TrackingLinkFactory(
        target="external",
        target_url="https://www.furusato-tax.jp/city/product/01213?x=1",
        utm_source="instagram",
    )
    location = go(client, link.code)["Location"]
    assert location.startswith("https://www.furusato-tax.jp/city/product/01213?x=1&")
    assert "utm_source=instagram" in location and "utm_medium=social" in location
    assert f"utm_campaign={link.campaign.code}" in location


def test_an_ended_campaigns_link_still_redirects_to_its_page_and_counts(client, demo_site):
    campaign = CampaignPageFactory(
        starts_at=timezone.now() - timedelta(days=60), ends_at=timezone.now() - timedelta(days=1)
    )
    link = TrackingLinkFactory(campaign=campaign, target="register")
    response = go(client, link.code)
    assert response["Location"] == campaign.url
    assert Click.objects.filter(link=link).count() == 1
    assert "campaign__ended" in client.get(campaign.url).content.decode()


def test_a_link_to_a_campaign_that_has_not_started_goes_home(client, demo_site):
    campaign = CampaignPageFactory(
        starts_at=timezone.now() + timedelta(days=3), ends_at=timezone.now() + timedelta(days=30)
    )
    link = TrackingLinkFactory(campaign=campaign)
    assert go(client, link.code)["Location"] == "/"
    assert client.get(campaign.url).status_code == 404


def test_utm_values_on_any_page_are_captured_cleaned_and_counted(client, demo_site):
    campaign = CampaignPageFactory(code="autumn-test")
    long_value = "x" * 300
    response = client.get(
        "/ja/",
        {
            "utm_source": "Instagram",
            "utm_campaign": "autumn-test",
            "utm_content": long_value,
            "utm_term": "a\x00b\nc<script>",
        },
        HTTP_USER_AGENT=IPHONE,
    )
    assert response.status_code == 200
    click = Click.objects.get(utm_campaign="autumn-test")
    assert click.link is None and click.campaign == campaign and click.channel == "instagram"
    assert len(click.utm_content) == 100
    assert click.utm_term == "abc<script>"  # stored as text; templates escape it
    assert COOKIE_NAME in response.cookies
    # Admin and static paths, bots and error pages capture nothing.
    client.get("/ja/no-such-page/", {"utm_source": "x"}, HTTP_USER_AGENT=IPHONE)
    client.get("/ja/", {"utm_source": "x"}, HTTP_USER_AGENT=BOTS[0])
    assert Click.objects.count() == 1


def test_malformed_utm_values_become_plain_text():
    assert clean_utm("ｆｕｌｌ\u3000width") == "full width"
    assert clean_utm("\x07bell\x1b") == "bell"
    assert clean_utm("あ" * 150) == "あ" * 100


def test_device_classes():
    assert device_class(IPHONE) == "mobile"
    assert device_class(DESKTOP) == "desktop"
    assert device_class("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)") == "tablet"
    assert device_class("Mozilla/5.0 (Linux; Android 14; SM-X710)") == "tablet"
    assert device_class("Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile") == "mobile"
    assert device_class("SomethingElse/1.0") == "other"


def test_the_source_cookie_is_signed_and_first_party(client, demo_site, rf):
    link = TrackingLinkFactory()
    response = go(client, link.code)
    cookie = response.cookies[COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == 30 * 24 * 60 * 60
    request = rf.get("/")
    request.COOKIES[COOKIE_NAME] = cookie.value
    assert read_source(request)["l"] == link.pk
    request.COOKIES[COOKIE_NAME] = cookie.value[:-2] + "xx"  # tampered
    assert read_source(request) is None


def test_query_budget_of_a_click(client, demo_site, django_assert_max_num_queries):
    link = TrackingLinkFactory(target="register")
    go(client, link.code)  # warm-up
    # The link with its campaign and creator, the entrance page, the click.
    with django_assert_max_num_queries(5):
        assert go(client, link.code).status_code == 302


def test_pages_without_utm_values_cost_no_query_for_attribution(client, demo_site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    TrackingLinkFactory(code="budget-link")
    client.get("/ja/", HTTP_USER_AGENT=IPHONE)
    with CaptureQueriesContext(connection) as plain:
        client.get("/ja/", HTTP_USER_AGENT=IPHONE)
    go(client, "budget-link")  # the visitor now carries a source cookie
    with CaptureQueriesContext(connection) as tagged:
        client.get("/ja/", HTTP_USER_AGENT=IPHONE)
    assert len(tagged) == len(plain)
