"""The KPI dashboard and the targets screen: who reaches them, what a city editor sees for a
period (actual against target, months, breakdowns, funnel, accessible charts), the error of a
bad period, and the targets form's rules."""

import re
from html import unescape

import pytest
from django.utils import translation
from wagtail.users.models import UserProfile

from reports.models import KPI, KPITarget
from tests.factories import UserFactory
from tests.reports.test_kpis import FY, history  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/reports/dashboard/"
TARGETS = "/admin/reports/targets/"
ALLOWED = ["City editors", "Contractor editors"]
REFUSED = ["Translators", "Consultation staff", "Partner staff"]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def editor(client, group="City editors"):
    user = UserFactory(groups=[group])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return user


def text(response):
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", response.content.decode())))


@pytest.mark.parametrize("group", ALLOWED)
def test_city_and_contractor_editors_reach_the_dashboard(client, group):
    editor(client, group)
    assert client.get(DASHBOARD).status_code == 200
    assert "KPI dashboard" in client.get("/admin/").content.decode()
    assert (client.get(TARGETS).status_code == 200) == (group == "City editors")


@pytest.mark.parametrize("group", REFUSED)
def test_other_roles_reach_nothing(client, group):
    editor(client, group)
    for url in (DASHBOARD, TARGETS, f"{TARGETS}{FY}/", "/admin/reports/report/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    assert "KPI dashboard" not in client.get("/admin/").content.decode()


def test_the_fiscal_year_shows_actual_against_target_and_the_breakdowns(client, history):  # noqa: F811
    editor(client)
    KPITarget.objects.create(fiscal_year=FY, kpi=KPI.OFFER_USES, annual=12)
    response = client.get(DASHBOARD, {"kind": "fiscal_year", "year": FY})
    assert response.status_code == 200
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    page = text(response)
    assert "Offer uses 3 12 25.0%" in page
    assert "Consultations 4 — —" in page
    assert "Portal page views 105" in page
    for heading in [
        "(1) Consultation desk",
        "(2) Entry Pass",
        "(3) Furusato resident registration and support",
        "(4) Promotion",
        "(5) Portal site",
        "Effects and analysis",
        "Furusato residents by relationship to the city",
        "Offer uses by partner",
        "Consultations by topic",
        "From a visit to a relationship",
        "What Entry Pass holders did next",
    ]:
        assert heading in page, heading
    html = response.content.decode()
    svgs = re.findall(r'class="report-chart__image">\s*(<svg\b.*?</svg>)', html, flags=re.S)
    assert len(svgs) >= len(KPI) + 4
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "duplicate ids on the dashboard"
    for svg in svgs:
        assert 'role="img"' in svg
        assert re.search(r"<title\b[^>]*>[^<]+</title>", svg)
        assert re.search(r"<desc\b[^>]*>[^<]+</desc>", svg)


def test_a_month_and_a_quarter(client, history):  # noqa: F811
    editor(client)
    page = text(client.get(DASHBOARD, {"kind": "month", "year": FY, "month": 10}))
    assert "Consultations 3" in page
    page = text(client.get(DASHBOARD, {"kind": "quarter", "year": FY, "quarter": 2}))
    assert "Entry Passes issued 2" in page


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"kind": "custom", "start": "2026-06-02", "end": "2026-06-01"},
            "The period ends before it starts.",
        ),
        ({"kind": "fiscal_year", "year": 2090}, "The period has not started yet."),
        ({"kind": "fiscal_year", "year": 2001}, "The period ends before the site existed"),
        ({"kind": "custom", "start": "2026-06-01"}, "Enter a date."),
        ({"kind": "month", "year": FY}, "Choose a month."),
    ],
)
def test_a_bad_period_gets_a_clear_message(client, params, message):
    editor(client)
    response = client.get(DASHBOARD, params)
    assert response.status_code == 200
    page = text(response)
    assert message in page
    html = response.content.decode()
    assert 'role="alert"' in html
    # The summary at the top lists each message (core/admin/_period_errors.html).
    summary = html.split('id="dashboard-errors"', 1)[1].split("</div>", 1)[0]
    assert "The figures could not be shown. Correct the period:" in summary
    assert message in summary
    assert "KPIs against their targets" not in page


def test_targets_are_saved_spread_or_monthly(client):
    user = editor(client)
    months = [10, 10, 10, 30, 30, 10, 10, 10, 50, 50, 10, 10]
    data = {f"{KPI.REGISTRATIONS_BASIC}-annual": "1200", f"{KPI.OFFER_USES}-annual": ""}
    data.update(
        {f"{KPI.OFFER_USES}-m{m}": str(v) for m, v in zip((*range(4, 13), 1, 2, 3), months)}
    )
    response = client.post(f"{TARGETS}{FY}/", data)
    assert response.status_code == 302
    basic = KPITarget.objects.get(fiscal_year=FY, kpi=KPI.REGISTRATIONS_BASIC)
    assert (basic.annual, basic.monthly, basic.updated_by) == (1200, [], user)
    uses = KPITarget.objects.get(fiscal_year=FY, kpi=KPI.OFFER_USES)
    assert (uses.annual, uses.monthly) == (240, months)
    # Emptying a row removes its target.
    client.post(f"{TARGETS}{FY}/", {f"{KPI.OFFER_USES}-annual": ""})
    assert not KPITarget.objects.filter(kpi=KPI.OFFER_USES).exists()
    assert not KPITarget.objects.filter(kpi=KPI.REGISTRATIONS_BASIC).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"consultations-m4": "5"}, "enter all twelve months"),
        (
            {"consultations-annual": "100", **{f"consultations-m{m}": "1" for m in range(1, 13)}},
            "the months add up to 12, not the year's 100",
        ),
        ({"consultations-annual": "-3"}, "greater than or equal to 0"),
    ],
)
def test_bad_targets_are_refused_with_a_message(client, data, message):
    editor(client)
    response = client.post(f"{TARGETS}{FY}/", data)
    assert response.status_code == 200
    assert message in text(response)
    assert not KPITarget.objects.exists()


def test_dashboard_queries_stay_fixed(client, history, django_assert_max_num_queries):  # noqa: F811
    editor(client)
    client.get(DASHBOARD)
    with django_assert_max_num_queries(60):
        client.get(DASHBOARD, {"kind": "fiscal_year", "year": FY})


def test_the_roles_get_exactly_the_reports_permissions():
    from django.contrib.auth.models import Group

    expected = {
        f"reports.{action}_{model}"
        for model in ("kpitarget", "report")
        for action in ("add", "change", "delete", "view")
    } | {"reports.view_kpi_dashboard"}
    contractor = {
        "reports.view_kpitarget",
        "reports.view_kpi_dashboard",
        "reports.add_report",
        "reports.change_report",
        "reports.view_report",
    }
    for name, wanted in [
        ("City editors", expected),
        ("Contractor editors", contractor),
        *[(name, set()) for name in REFUSED],
    ]:
        granted = {
            f"{p.content_type.app_label}.{p.codename}"
            for p in Group.objects.get(name=name).permissions.select_related("content_type")
            if p.content_type.app_label == "reports"
        }
        assert granted == wanted, name


def test_contractor_editors_see_the_targets_but_do_not_set_them(client):
    editor(client, "Contractor editors")
    assert client.get(DASHBOARD).status_code == 200
    assert client.get(TARGETS).status_code in (302, 403)
    response = client.post(f"{TARGETS}{FY}/", {f"{KPI.VISITS}-annual": "1"})
    assert response.status_code in (302, 403)
    assert not KPITarget.objects.exists()
