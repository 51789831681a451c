"""The campaign admin: who sees the menu and reaches each screen, the tracking-link list and
form (short address, clicks, QR code, the model's rules shown as form errors), the QR
downloads for printed flyers."""

import io
from html import unescape

import pytest
import segno
from django.contrib.auth import get_user_model
from django.utils import translation
from PIL import Image
from wagtail.models import Page, Site
from wagtail.users.models import UserProfile

from campaigns.models import TrackingLink
from tests.factories import UserFactory
from tests.factories.campaigns import (
    CampaignCostFactory,
    CampaignPageFactory,
    ClickFactory,
    CreatorFactory,
    TrackingLinkFactory,
)

pytestmark = pytest.mark.django_db

LINKS = "/admin/snippets/campaigns/trackinglink/"
CREATORS = "/admin/snippets/campaigns/creator/"
COSTS = "/admin/snippets/campaigns/campaigncost/"
DASHBOARD = "/admin/campaigns/"

CAMPAIGN_ROLES = ["City editors", "Contractor editors"]
OTHER_ROLES = ["Translators", "Consultation staff", "Partner staff"]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def staff(group=None, superuser=False):
    if superuser:
        user = get_user_model().objects.create_superuser(
            email="campaign-admin@example.jp", password="x-secret-42"
        )
    else:
        user = UserFactory(groups=[group])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def link(demo_site):
    return TrackingLinkFactory(
        code="t-flyer-station",
        channel="flyer",
        campaign=CampaignPageFactory(title="駅前チラシのキャンペーン", code="t-station"),
        creator=CreatorFactory(name="駅前 太郎", handle="@ekimae"),
    )


def expected_short_url(code):
    root = Site.objects.get(is_default_site=True).root_url
    return f"{root}/go/{code}"


def screens(link):
    return [
        DASHBOARD,
        f"{DASHBOARD}?date_from=2026-04-01&date_to=2026-04-30&format=csv",
        f"{DASHBOARD}links/{link.pk}/qr.svg",
        f"{DASHBOARD}links/{link.pk}/qr.png",
        LINKS,
        f"{LINKS}add/",
        f"{LINKS}edit/{link.pk}/",
        CREATORS,
        f"{CREATORS}add/",
        COSTS,
        f"{COSTS}add/",
    ]


@pytest.mark.parametrize("role", [*CAMPAIGN_ROLES, "superuser"])
def test_campaign_roles_reach_every_screen_and_see_the_menu(client, link, role):
    user = staff(superuser=True) if role == "superuser" else staff(role)
    client.force_login(user)
    for url in screens(link):
        assert client.get(url).status_code == 200, url
    admin_home = client.get("/admin/").content.decode()
    for url in (DASHBOARD, LINKS, CREATORS, COSTS):
        assert f'"{url}"' in admin_home, url  # the menu (its JSON) links each screen
    assert "Campaign dashboard" in admin_home and "Fees and budgets" in admin_home


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_other_roles_neither_see_nor_reach_the_campaign_screens(client, link, role):
    client.force_login(staff(role))
    # Translators translate creators (a translatable snippet), and reach nothing else.
    allowed = {CREATORS} if role == "Translators" else set()
    for url in allowed:
        assert client.get(url).status_code == 200, url
    for url in set(screens(link)) - allowed:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "image/" not in response.get("Content-Type", ""), url
        assert "text/csv" not in response.get("Content-Type", ""), url
        if response.status_code == 302:
            assert not response["Location"].startswith("/admin/campaigns"), url
    admin_home = client.get("/admin/")
    if admin_home.status_code == 200:
        html = admin_home.content.decode()
        for url in {DASHBOARD, LINKS, CREATORS, COSTS} - allowed:
            assert f'"{url}"' not in html, url


def test_anonymous_visitors_are_sent_to_log_in(client, link):
    for url in (DASHBOARD, f"{DASHBOARD}links/{link.pk}/qr.png"):
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]


def test_link_list_shows_address_clicks_and_qr_links(client, link):
    ClickFactory.create_batch(3, link=link)
    other = TrackingLinkFactory(code="t-other-x", channel="x")
    client.force_login(staff("Contractor editors"))
    html = client.get(LINKS).content.decode()
    assert "t-flyer-station" in html and "t-other-x" in html
    assert expected_short_url("t-flyer-station") in html
    assert "駅前チラシのキャンペーン" in html and "駅前 太郎 (@ekimae)" in html
    assert "Printed flyer" in html
    assert f"{DASHBOARD}links/{link.pk}/qr.png" in html
    assert f"{DASHBOARD}links/{link.pk}/qr.svg" in html
    row = html.split("t-flyer-station", 1)[1].split("</tr>", 1)[0]
    assert ">3<" in row.replace(" ", "").replace("\n", "")  # the click count
    # Filter by channel and search by code.
    filtered = client.get(LINKS, {"channel": "x"}).content.decode()
    assert "t-other-x" in filtered and "t-flyer-station" not in filtered
    found = client.get(LINKS, {"q": "flyer-sta"}).content.decode()
    assert "t-flyer-station" in found and "t-other-x" not in found
    assert other.pk


def test_link_edit_form_shows_the_short_address_and_qr_downloads(client, link):
    client.force_login(staff("City editors"))
    html = client.get(f"{LINKS}edit/{link.pk}/").content.decode()
    assert expected_short_url("t-flyer-station") in html
    assert f"{DASHBOARD}links/{link.pk}/qr.png" in html
    assert "Empty: the creator&#x27;s handle." in html or "Empty: the creator's handle." in html
    add = client.get(f"{LINKS}add/").content.decode()
    assert "once the link is saved" in add


def form_data(link, **overrides):
    data = {
        "code": "t-new-link",
        "campaign": link.campaign.pk,
        "channel": "instagram",
        "creator": link.creator.pk,
        "target": "campaign",
        "target_page": "",
        "target_url": "",
        "utm_source": "",
        "utm_medium": "",
        "utm_campaign": "",
        "utm_content": "",
        "note": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"code": "Summer 2026!"}, "code", "Use lower-case Latin letters, digits and hyphens."),
        ({"code": "t-flyer-station"}, "code", "already exists"),
        ({"target": "page"}, "target_page", "Choose the page this link opens."),
        (
            {"target": "external", "target_url": "http://example.com/"},
            "target_url",
            "Enter an address that starts with https://.",
        ),
        ({"target": "external"}, "target_url", "Enter the external address this link opens."),
        ({"campaign": "", "target": "campaign"}, "campaign", "Choose the campaign whose page"),
    ],
)
def test_link_form_refuses_bad_input(client, link, overrides, field, message):
    client.force_login(staff("City editors"))
    response = client.post(f"{LINKS}add/", form_data(link, **overrides))
    assert response.status_code == 200  # the form again, with the error
    form = response.context["form"]
    assert field in form.errors, form.errors
    # The message as the editor reads it (rendered in the admin's language, English here).
    assert message in unescape(response.content.decode())
    assert not TrackingLink.objects.filter(code="t-new-link").exists()


def test_link_form_saves_a_valid_link(client, link):
    client.force_login(staff("Contractor editors"))
    target = Page.objects.filter(depth=3).first()
    response = client.post(
        f"{LINKS}add/", form_data(link, target="page", target_page=target.pk, note="駅前")
    )
    assert response.status_code == 302
    saved = TrackingLink.objects.get(code="t-new-link")
    assert (saved.target, saved.target_page_id, saved.note) == ("page", target.pk, "駅前")
    https = client.post(
        f"{LINKS}add/",
        form_data(link, code="t-nozei", target="external", target_url="https://example.jp/"),
    )
    assert https.status_code == 302
    assert TrackingLink.objects.get(code="t-nozei").target_url == "https://example.jp/"


def test_qr_png_for_printed_flyers(client, link):
    client.force_login(staff("City editors"))
    response = client.get(f"{DASHBOARD}links/{link.pk}/qr.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="qr-t-flyer-station.png"'
    image = Image.open(io.BytesIO(response.content))
    image.load()
    assert image.format == "PNG"
    expected = segno.make(expected_short_url("t-flyer-station"), error="m")
    width, height = expected.symbol_size(scale=10, border=4)
    assert image.size == (width, height)
    assert image.size[0] >= 250  # large enough to print
    # It encodes the absolute short address: the same QR code as segno makes of it.
    out = io.BytesIO()
    expected.save(out, kind="png", scale=10, border=4)
    assert response.content == out.getvalue()


def test_qr_svg(client, link):
    client.force_login(staff("Contractor editors"))
    response = client.get(f"{DASHBOARD}links/{link.pk}/qr.svg")
    svg = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"] == 'attachment; filename="qr-t-flyer-station.svg"'
    assert "<svg" in svg and "<path" in svg and "<title>t-flyer-station</title>" in svg
    out = io.BytesIO()
    segno.make(expected_short_url("t-flyer-station"), error="m").save(
        out, kind="svg", scale=10, border=4, xmldecl=True, title="t-flyer-station"
    )
    assert svg == out.getvalue().decode()


def test_qr_of_an_unknown_link_is_404(client, link):
    client.force_login(staff("City editors"))
    assert client.get(f"{DASHBOARD}links/999999/qr.png").status_code == 404


def test_creator_and_cost_lists(client, link):
    CampaignCostFactory(campaign=link.campaign, creator=link.creator, amount=123456)
    client.force_login(staff("City editors"))
    creators = client.get(CREATORS).content.decode()
    assert "駅前 太郎" in creators and "@ekimae" in creators
    costs = client.get(COSTS).content.decode()
    assert "¥123,456" in costs and "駅前チラシのキャンペーン" in costs
    both = client.post(
        f"{COSTS}add/",
        {
            "campaign": link.campaign.pk,
            "creator": link.creator.pk,
            "channel": "x",
            "amount": "1000",
            "description": "",
        },
    )
    assert both.status_code == 200
    assert "not both in one line" in both.content.decode()
