"""The dashboard's figures equal the fixtures: two campaigns, two creators, a press release
without a campaign, several channels, rows outside the period, a visitor who comes back."""

import csv
import io
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from campaigns import dashboard
from campaigns.models import CampaignCost, Click, Conversion
from tests.factories import UserFactory
from tests.factories.campaigns import (
    CampaignCostFactory,
    CampaignPageFactory,
    ClickFactory,
    ConversionFactory,
    CreatorFactory,
    TrackingLinkFactory,
)

pytestmark = pytest.mark.django_db

JAPAN = ZoneInfo("Asia/Tokyo")
DASHBOARD_URL = "/admin/campaigns/"


class World:
    pass


@pytest.fixture(autouse=True)
def english():
    """Labels such as "No creator" are compared in English (the admin's other language)."""
    with translation.override("en"):
        yield


def editor(group="City editors", language="en"):
    user = UserFactory(groups=[group])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def world(demo_site):
    """Clicks, conversions and costs; the period is the last 10 days (Japan time)."""
    # Demo clicks, conversions and costs would add to the figures: start from none.
    Click.objects.all().delete()
    Conversion.objects.all().delete()
    CampaignCost.objects.all().delete()
    w = World()
    w.today = timezone.localdate()
    w.date_from = w.today - timedelta(days=9)
    w.date_to = w.today
    now = timezone.now()
    inside = now - timedelta(hours=2)
    w.spring = CampaignPageFactory(title="春の苫小牧キャンペーン", code="spring-test")
    w.summer = CampaignPageFactory(title="夏の苫小牧キャンペーン", code="summer-test")
    w.old = CampaignPageFactory(
        title="昔のキャンペーン",
        code="old-test",
        starts_at=now - timedelta(days=400),
        ends_at=now - timedelta(days=300),
    )
    w.aki = CreatorFactory(name="秋山 亜紀", handle="@aki")
    w.ben = CreatorFactory(name="ベン", handle="@ben")
    w.spring_ig = TrackingLinkFactory(
        code="t-spring-aki-ig", campaign=w.spring, creator=w.aki, channel="instagram"
    )
    w.spring_x = TrackingLinkFactory(
        code="t-spring-ben-x", campaign=w.spring, creator=w.ben, channel="x"
    )
    w.summer_ig = TrackingLinkFactory(
        code="t-summer-aki-ig", campaign=w.summer, creator=w.aki, channel="instagram"
    )
    w.press = TrackingLinkFactory(
        code="t-press-0401", campaign=None, creator=None, channel="press_release", target="register"
    )

    def clicks(link, *visitors, at=inside):
        for visitor in visitors:
            ClickFactory(link=link, visitor=visitor, clicked_at=at)

    clicks(w.spring_ig, "v1", "v1", "v2")  # v1 comes back: 3 clicks, 2 unique visitors
    clicks(w.spring_x, "v3", "v4")
    # The first minute of the first day counts (Japan time) …
    first_day = datetime.combine(w.date_from, time.min, tzinfo=JAPAN)
    clicks(w.spring_x, "v3", at=first_day)
    # … the first minute after the last day, a month ago, and the old campaign do not.
    after = datetime.combine(w.date_to + timedelta(days=1), time.min, tzinfo=JAPAN)
    clicks(w.spring_x, "v8", at=after)
    clicks(w.spring_ig, "v9", at=now - timedelta(days=20))
    clicks(w.summer_ig, "v1")  # the same visitor, another campaign
    clicks(w.press, "v5", "v6")

    def convert(link, kind, at=inside):
        ConversionFactory(link=link, kind=kind, occurred_at=at)

    convert(w.spring_ig, "registration")
    convert(w.spring_ig, "entry_pass")
    convert(w.spring_x, "consultation")
    convert(w.summer_ig, "registration")
    convert(w.press, "registration")
    convert(w.spring_ig, "registration", at=now - timedelta(days=30))  # before the period
    convert(w.spring_x, "offer_use", at=after)  # after the period

    CampaignCostFactory(campaign=w.spring, creator=w.aki, amount=30000)
    CampaignCostFactory(campaign=w.spring, creator=w.ben, amount=20000)
    CampaignCostFactory(campaign=w.spring, channel="instagram", amount=10000)
    CampaignCostFactory(campaign=w.spring, amount=5000, description="チラシ印刷")
    CampaignCostFactory(campaign=w.summer, creator=w.aki, amount=40000)
    # A fee from a campaign long over weighs on no creator in this period.
    CampaignCostFactory(campaign=w.old, creator=w.aki, amount=99999)
    return w


def by_key(rows):
    return {row.key: row for row in rows}


def summary(row):
    return (
        row.name,
        row.clicks,
        row.visitors,
        {kind: n for kind, n in row.conversions.items() if n},
        row.total,
        row.rate,
        row.cost,
        row.cost_per_conversion,
    )


def test_figures_per_campaign(world):
    data = dashboard.figures(world.date_from, world.date_to)
    rows = by_key(data["campaign"])
    assert summary(rows[world.spring.pk]) == (
        "春の苫小牧キャンペーン",
        6,
        4,
        {"registration": 1, "entry_pass": 1, "consultation": 1},
        3,
        0.75,
        65000,
        21667,  # 65,000 / 3, rounded to the yen
    )
    assert summary(rows[world.summer.pk]) == (
        "夏の苫小牧キャンペーン",
        1,
        1,
        {"registration": 1},
        1,
        1.0,
        40000,
        40000,
    )
    assert summary(rows[None]) == (
        "Not tied to a campaign",
        2,
        2,
        {"registration": 1},
        1,
        0.5,
        None,
        None,
    )
    assert world.old.pk not in rows  # neither running in the period nor active in it
    # Most conversions first; the row without a campaign last.
    assert [r.key for r in data["campaign"]][:2] == [world.spring.pk, world.summer.pk]
    assert data["campaign"][-1].key is None


def test_figures_per_creator_channel_and_link(world):
    data = dashboard.figures(world.date_from, world.date_to)
    creators = by_key(data["creator"])
    assert summary(creators[world.aki.pk]) == (
        "秋山 亜紀",
        4,
        2,  # v1 and v2; v1 again on the summer link
        {"registration": 2, "entry_pass": 1},
        3,
        1.5,
        70000,  # spring and summer fees; not the old campaign's
        23333,
    )
    assert summary(creators[world.ben.pk]) == (
        "ベン",
        3,
        2,
        {"consultation": 1},
        1,
        0.5,
        20000,
        20000,
    )
    assert summary(creators[None]) == ("No creator", 2, 2, {"registration": 1}, 1, 0.5, None, None)

    channels = by_key(data["channel"])
    assert summary(channels["instagram"]) == (
        "Instagram",
        4,
        2,
        {"registration": 2, "entry_pass": 1},
        3,
        1.5,
        10000,
        3333,
    )
    assert summary(channels["x"]) == ("X", 3, 2, {"consultation": 1}, 1, 0.5, None, None)
    assert summary(channels["press_release"]) == (
        "Press release",
        2,
        2,
        {"registration": 1},
        1,
        0.5,
        None,
        None,
    )
    assert set(channels) == {"instagram", "x", "press_release"}

    links = by_key(data["link"])
    assert summary(links[world.spring_ig.pk]) == (
        "t-spring-aki-ig",
        3,
        2,
        {"registration": 1, "entry_pass": 1},
        2,
        1.0,
        None,
        None,
    )
    assert summary(links[world.spring_x.pk])[:6] == (
        "t-spring-ben-x",
        3,
        2,
        {"consultation": 1},
        1,
        0.5,
    )
    assert summary(links[world.summer_ig.pk])[:6] == (
        "t-summer-aki-ig",
        1,
        1,
        {"registration": 1},
        1,
        1.0,
    )
    assert summary(links[world.press.pk])[:6] == ("t-press-0401", 2, 2, {"registration": 1}, 1, 0.5)
    assert set(links) == {world.spring_ig.pk, world.spring_x.pk, world.summer_ig.pk, world.press.pk}


def test_figures_for_one_campaign(world):
    data = dashboard.figures(world.date_from, world.date_to, campaign=world.spring)
    assert [row.key for row in data["campaign"]] == [world.spring.pk]
    creators = by_key(data["creator"])
    assert set(creators) == {world.aki.pk, world.ben.pk}
    # Only the spring campaign's clicks, conversions and fees.
    assert summary(creators[world.aki.pk]) == (
        "秋山 亜紀",
        3,
        2,
        {"registration": 1, "entry_pass": 1},
        2,
        1.0,
        30000,
        15000,
    )
    assert summary(by_key(data["channel"])["instagram"])[6:] == (10000, 5000)
    assert set(by_key(data["link"])) == {world.spring_ig.pk, world.spring_x.pk}


def test_a_wider_period_takes_in_the_earlier_rows(world):
    data = dashboard.figures(world.today - timedelta(days=40), world.date_to)
    spring = by_key(data["campaign"])[world.spring.pk]
    assert (spring.clicks, spring.visitors, spring.total) == (7, 5, 4)
    # The day after the period holds only what happened then.
    tomorrow = world.date_to + timedelta(days=1)
    later = by_key(dashboard.figures(tomorrow, tomorrow)["link"])
    assert set(later) == {world.spring_x.pk}
    assert (later[world.spring_x.pk].clicks, later[world.spring_x.pk].conversions["offer_use"]) == (
        1,
        1,
    )


def test_no_visitors_means_no_rate_and_no_conversions_no_cost_per_conversion(world):
    empty = world.today - timedelta(days=200)
    data = dashboard.figures(empty, empty, campaign=world.summer)
    (summer,) = data["campaign"]
    assert (summer.clicks, summer.visitors, summer.total) == (0, 0, 0)
    assert summer.rate is None
    assert summer.cost == 40000
    assert summer.cost_per_conversion is None


def test_figures_take_a_fixed_number_of_queries(world, django_assert_num_queries):
    with django_assert_num_queries(15):
        dashboard.figures(world.date_from, world.date_to)
    for n in range(5):
        link = TrackingLinkFactory(campaign=world.summer, creator=CreatorFactory())
        ClickFactory(link=link)
        ConversionFactory(link=link)
    with django_assert_num_queries(15):
        dashboard.figures(world.date_from, world.date_to)


def csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_dashboard_page_shows_the_tables(client, world):
    client.force_login(editor())
    response = client.get(
        DASHBOARD_URL,
        {"date_from": world.date_from.isoformat(), "date_to": world.date_to.isoformat()},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    for table in ("table-campaign", "table-creator", "table-channel", "table-link"):
        assert f'id="{table}"' in html
    assert "春の苫小牧キャンペーン" in html and "秋山 亜紀" in html and "t-press-0401" in html
    assert "¥65,000" in html and "¥21,667" in html and "75.0%" in html
    assert '<th scope="col"' in html and '<caption id="table-campaign-caption">' in html
    # Each campaign opens the same period for that campaign alone.
    drill_down = (
        f"?date_from={world.date_from}&amp;date_to={world.date_to}&amp;campaign={world.spring.pk}"
    )
    assert f'<a href="{drill_down}">春の苫小牧キャンペーン</a>' in html


def test_dashboard_defaults_to_the_last_30_days(client, world):
    client.force_login(editor())
    response = client.get(DASHBOARD_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="{(world.today - timedelta(days=29)).isoformat()}"' in html
    assert f'value="{world.today.isoformat()}"' in html
    assert "春の苫小牧キャンペーン" in html
    # A campaign chosen without dates: the same default period, only that campaign.
    response = client.get(DASHBOARD_URL, {"campaign": world.summer.pk})
    tables = response.context["tables"]
    assert [row.key for row, _url in tables[0]["rows"]] == [world.summer.pk]
    assert 'role="alert"' not in response.content.decode()


@pytest.mark.parametrize(
    "params, message",
    [
        ({"date_from": "2026-13-01", "date_to": "2026-04-30"}, "Enter the first day as a date"),
        ({"date_from": "", "date_to": "2026-04-30"}, "Enter the first day of the period."),
        ({"date_from": "2026-05-01", "date_to": "2026-04-01"}, "The last day must be the same"),
        ({"date_from": "1066-10-14", "date_to": "2026-04-01"}, "Enter a date between"),
        (
            {"date_from": "2026-04-01", "date_to": "2026-04-30", "campaign": "x"},
            "Choose a campaign",
        ),
    ],
)
def test_dashboard_explains_a_bad_period(client, world, params, message):
    client.force_login(editor())
    response = client.get(DASHBOARD_URL, params)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'role="alert"' in html and 'aria-invalid="true"' in html
    # The summary at the top links each message to its field (core/admin/_period_errors.html).
    summary = html.split('id="dashboard-errors"', 1)[1].split("</div>", 1)[0]
    assert "The figures could not be shown. Correct the period:" in summary
    assert message in summary and '<a href="#id_' in summary
    assert 'id="table-campaign"' not in html  # no figures for a period that is not one
    csv_response = client.get(DASHBOARD_URL, {**params, "format": "csv"})
    assert csv_response["Content-Type"].startswith("text/html")


def test_csv_has_the_same_figures_and_escapes_formulas(client, world):
    evil = CreatorFactory(name='=HYPERLINK("http://evil.example")', handle="")
    link = TrackingLinkFactory(code="evil-link", campaign=world.summer, creator=evil)
    ClickFactory(link=link, visitor="v7")
    client.force_login(editor("Contractor editors"))
    response = client.get(
        DASHBOARD_URL,
        {
            "date_from": world.date_from.isoformat(),
            "date_to": world.date_to.isoformat(),
            "format": "csv",
        },
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="campaigns-{world.date_from}-{world.date_to}.csv"'
    )
    rows = csv_rows(response)
    header = rows[0]
    assert len(header) == 2 + 2 + 5 + 4
    lines = {(row[0], row[1]): row[2:] for row in rows[1:]}
    assert lines[("Campaign", "春の苫小牧キャンペーン")] == [
        "6", "4", "1", "1", "0", "1", "0", "3", "75.0", "65000", "21667"
    ]  # fmt: skip
    assert lines[("Creator", "秋山 亜紀")] == [
        "4", "2", "2", "1", "0", "0", "0", "3", "150.0", "70000", "23333"
    ]  # fmt: skip
    assert lines[("Promotion channel", "X")] == [
        "3",
        "2",
        "0",
        "0",
        "0",
        "1",
        "0",
        "1",
        "50.0",
        "",
        "",
    ]
    assert lines[("Tracking link", "t-press-0401")] == [
        "2", "2", "1", "0", "0", "0", "0", "1", "50.0", "", ""
    ]  # fmt: skip
    # A creator's name that starts a formula is written as text.
    assert ("Creator", '\'=HYPERLINK("http://evil.example")') in lines
    assert not any(cell.startswith("=") for row in rows for cell in row)


def test_csv_for_one_campaign(client, world):
    client.force_login(editor())
    response = client.get(
        DASHBOARD_URL,
        {
            "date_from": world.date_from.isoformat(),
            "date_to": world.date_to.isoformat(),
            "campaign": world.spring.pk,
            "format": "csv",
        },
    )
    assert "spring-test.csv" in response["Content-Disposition"]
    rows = csv_rows(response)
    names = {(row[0], row[1]) for row in rows[1:]}
    assert ("Campaign", "春の苫小牧キャンペーン") in names
    assert ("Campaign", "夏の苫小牧キャンペーン") not in names
    assert ("Tracking link", "t-summer-aki-ig") not in names


# The dashboard's own queries (15, as in figures() above, whatever the data) and the admin's
# around them: session, user, permissions, the menu (the Hand-over submenu asks once a request).
DASHBOARD_BUDGET = 27


def test_dashboard_query_budget(client, world, django_assert_max_num_queries):
    client.force_login(editor())
    params = {"date_from": world.date_from.isoformat(), "date_to": world.date_to.isoformat()}
    client.get(DASHBOARD_URL, params)  # warm-up
    with django_assert_max_num_queries(DASHBOARD_BUDGET):
        assert client.get(DASHBOARD_URL, params).status_code == 200
    for n in range(10):
        link = TrackingLinkFactory(campaign=world.summer, creator=CreatorFactory())
        ClickFactory(link=link)
        ConversionFactory(link=link, kind="consultation")
    with django_assert_max_num_queries(DASHBOARD_BUDGET):
        assert client.get(DASHBOARD_URL, params).status_code == 200
