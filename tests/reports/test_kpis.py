"""The KPI figures of a period equal what the fixtures hold, month by month; targets spread
over months; persona cells under five people are hidden; bad periods are refused."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from campaigns.models import Conversion
from consultations.models import Consultation
from core import japan_time
from core.japan_time import JST
from members.models import ActivityIndexPage, ActivitySignup, Membership
from passes.models import Pass, Use
from reports import figures
from reports.models import KPI, KPITarget, PageView, PageViewDay
from reports.periods import Period
from tests.factories.consultations import ConsultationFactory
from tests.factories.members import MembershipFactory, add_activity
from tests.factories.passes import OfferFactory, PassFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


FY = 2025  # April 2025 – March 2026: before anything the test site creates "now"


def jst(year, month, day, hour=12, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=JST)


def member(when, tier="basic", relationships=("lived",), age="30s", prefecture="13"):
    membership = MembershipFactory(
        tier=tier, relationships=list(relationships), age_band=age, residence_prefecture=prefecture
    )
    Membership.objects.filter(pk=membership.pk).update(activated_at=when, registered_at=when)
    return membership


def use(entry_pass, offer, when):
    return Use.objects.create(
        entry_pass=entry_pass,
        offer=offer,
        partner=offer.partner,
        limit="once",
        used_at=when,
        day=when.astimezone(JST).date(),
        via=Use.VIA_POSTER,
    )


@pytest.fixture
def history():
    """FY2025 as the city lived it, every figure placed in a known month."""
    # Registrations: basic in April, May, May; premium in June.
    basic = [member(jst(2025, 4, 10)), member(jst(2025, 5, 1)), member(jst(2025, 5, 20))]
    premium = member(jst(2025, 6, 3), tier="premium")
    # Two passes issued in July, three uses at two partners (July, August, August).
    first, second = (
        PassFactory(issued_at=jst(2025, 7, 1)),
        PassFactory(issued_at=jst(2025, 7, 15)),
    )
    ramen, onsen = OfferFactory(), OfferFactory()
    use(first, ramen, jst(2025, 7, 2))
    use(first, onsen, jst(2025, 8, 5))
    use(second, onsen, jst(2025, 8, 6))
    # Consultations: web at the desk (September), phone at the desk and two in person at a
    # fair (October).
    for when, channel, place in [
        (jst(2025, 9, 9), "web", "desk"),
        (jst(2025, 10, 1), "phone", "desk"),
        (jst(2025, 10, 12), "in_person", "event"),
        (jst(2025, 10, 12, 15), "in_person", "event"),
    ]:
        ConsultationFactory(created_at=when, channel=channel, place_kind=place)
    # Designated activities: one member attends three (the third in June), another two.
    index = ActivityIndexPage.objects.filter(locale__language_code="ja").first()
    activities = [add_activity(index, designated=True, title=f"清掃活動{n}") for n in range(3)]
    other = add_activity(index, designated=False, title="交流会")
    for n, when in enumerate([jst(2025, 4, 20), jst(2025, 5, 18), jst(2025, 6, 22)]):
        ActivitySignup.objects.create(
            activity=activities[n], user=basic[0].user, status="confirmed", attended_at=when
        )
    for n, when in enumerate([jst(2025, 4, 20), jst(2025, 6, 22)]):
        ActivitySignup.objects.create(
            activity=activities[n], user=basic[1].user, status="confirmed", attended_at=when
        )
    ActivitySignup.objects.create(
        activity=other, user=premium.user, status="confirmed", attended_at=jst(2025, 6, 1)
    )
    # Conversions: two in November.
    for n, when in enumerate([jst(2025, 11, 3), jst(2025, 11, 30, 23, 59)]):
        Conversion.objects.create(
            kind="registration", object_id=f"kpi-{n}", occurred_at=when, touched_at=when
        )
    # Page views: folded days in December and raw rows not folded yet (January).
    PageViewDay.objects.create(day=dt.date(2025, 12, 1), section="moving", language="ja", views=70)
    PageViewDay.objects.create(day=dt.date(2025, 12, 2), section="", language="en", views=30)
    for _n in range(5):
        PageView.objects.create(viewed_at=jst(2026, 1, 5), section="moving", language="ja")
    return {"basic": basic, "premium": premium}


def test_fiscal_year_figures_equal_the_fixtures(history):
    period = Period.fiscal_year(FY)
    actuals = figures.kpi_actuals(period)
    assert actuals == {
        KPI.REGISTRATIONS_BASIC: 3,
        KPI.REGISTRATIONS_PREMIUM: 1,
        KPI.ACTIVE_MEMBERS: 4,
        KPI.ATTENDANCES: 5,
        KPI.PREMIUM_REACHED: 1,
        KPI.PASSES_ISSUED: 2,
        KPI.OFFER_USES: 3,
        KPI.ACTIVE_PARTNERS: 2,
        KPI.CONSULTATIONS: 4,
        KPI.CONSULTATIONS_DESK: 2,
        KPI.CONSULTATIONS_EVENT: 2,
        KPI.CONVERSIONS: 2,
        KPI.VISITS: 105,
    }


def test_each_kpi_lands_in_its_month(history):
    months = figures.kpi_months(Period.fiscal_year(FY))
    assert months[KPI.REGISTRATIONS_BASIC][(2025, 5)] == 2
    assert months[KPI.REGISTRATIONS_PREMIUM][(2025, 6)] == 1
    assert months[KPI.ACTIVE_MEMBERS][(2025, 4)] == 1
    assert months[KPI.ACTIVE_MEMBERS][(2025, 6)] == 4
    assert months[KPI.ACTIVE_MEMBERS][(2026, 3)] == 4
    assert months[KPI.PREMIUM_REACHED] == {**dict.fromkeys(months[KPI.VISITS], 0), (2025, 6): 1}
    assert months[KPI.OFFER_USES][(2025, 8)] == 2
    assert months[KPI.ACTIVE_PARTNERS][(2025, 7)] == 1
    assert months[KPI.ACTIVE_PARTNERS][(2025, 8)] == 1
    assert months[KPI.CONSULTATIONS][(2025, 10)] == 3
    assert months[KPI.CONVERSIONS][(2025, 11)] == 2
    assert months[KPI.VISITS][(2025, 12)] == 100
    assert months[KPI.VISITS][(2026, 1)] == 5
    assert sum(months[KPI.ATTENDANCES].values()) == 5


def test_a_quarter_counts_only_its_months(history):
    second_quarter = Period.quarter(FY, 2)  # July – September
    actuals = figures.kpi_actuals(second_quarter)
    assert (second_quarter.start, second_quarter.end) == (dt.date(2025, 7, 1), dt.date(2025, 9, 30))
    assert actuals[KPI.PASSES_ISSUED] == 2
    assert actuals[KPI.OFFER_USES] == 3
    assert actuals[KPI.CONSULTATIONS] == 1
    assert actuals[KPI.REGISTRATIONS_BASIC] == 0
    assert actuals[KPI.ACTIVE_MEMBERS] == 4  # the level at the end of September


def test_the_fiscal_year_ends_on_31_march_at_midnight_japan_time():
    member(jst(2026, 3, 31, 23, 59))
    member(jst(2026, 4, 1, 0, 0))
    assert figures.kpi_actuals(Period.fiscal_year(2025))[KPI.REGISTRATIONS_BASIC] == 1
    assert figures.kpi_months(Period.fiscal_year(2026))[KPI.REGISTRATIONS_BASIC][(2026, 4)] == 1
    assert Period.fiscal_year(2025).end == dt.date(2026, 3, 31)


def test_targets_spread_evenly_or_as_entered():
    KPITarget.objects.create(fiscal_year=FY, kpi=KPI.REGISTRATIONS_BASIC, annual=1205)
    KPITarget.objects.create(fiscal_year=FY, kpi=KPI.ACTIVE_MEMBERS, annual=900)
    monthly = [10, 10, 10, 30, 30, 10, 10, 10, 50, 50, 10, 10]
    KPITarget.objects.create(fiscal_year=FY, kpi=KPI.OFFER_USES, annual=240, monthly=monthly)
    totals, months = figures.kpi_targets(Period.fiscal_year(FY))
    assert totals[KPI.REGISTRATIONS_BASIC] == 1205
    assert months[KPI.REGISTRATIONS_BASIC][(2025, 4)] == 101  # 1205 = 12 × 100 + 5
    assert months[KPI.REGISTRATIONS_BASIC][(2025, 9)] == 100
    assert sum(months[KPI.REGISTRATIONS_BASIC].values()) == 1205
    assert totals[KPI.ACTIVE_MEMBERS] == 900
    assert set(months[KPI.ACTIVE_MEMBERS].values()) == {900}
    assert months[KPI.OFFER_USES][(2025, 12)] == 50
    assert totals[KPI.CONSULTATIONS] is None

    quarter, _months = figures.kpi_targets(Period.quarter(FY, 3))  # October – December
    assert quarter[KPI.OFFER_USES] == 10 + 10 + 50
    assert quarter[KPI.REGISTRATIONS_BASIC] == 300
    # A custom period counts its share of a month: 1–15 December is half of December.
    half, _months = figures.kpi_targets(Period.custom(dt.date(2025, 12, 1), dt.date(2025, 12, 15)))
    assert half[KPI.OFFER_USES] == round(50 * 15 / 31)


def test_persona_cells_under_five_people_are_hidden():
    for _n in range(6):
        member(jst(2025, 5, 1), relationships=["born", "nozei"], age="40s", prefecture="01")
    for _n in range(3):
        member(jst(2025, 6, 1), relationships=["work"], age="20s", prefecture="13")
    for _n in range(7):
        member(jst(2024, 6, 1), relationships=["family"], age="50s", prefecture="27")
    data = figures.persona(Period.fiscal_year(FY))
    relationships = {label: (n, new) for label, n, new in data["relationship"]}
    assert relationships["I was born here"] == (6, 6)
    assert relationships["I donate through furusato nozei"] == (6, 6)
    assert relationships["I work or study here"] == ("<5", "<5")
    assert relationships["I have family here"] == (7, 0)
    assert relationships["Other"] == (0, 0)
    # Regions add up to the total: with one group hidden, the next smallest is hidden too
    # ("x"), or 16 − 6 − 7 would give the Kanto figure back.
    regions = {label: (n, new) for label, n, new in data["region"]}
    assert regions["Kanto"] == ("<5", "<5")
    assert regions["Hokkaido"] == ("x", "x")
    assert regions["Kinki"] == (7, 0)
    ages = {label: n for label, n, _new in data["age"]}
    assert (ages["20–29"], ages["40–49"], ages["50–59"]) == ("<5", "x", 7)
    assert data["total"] == (16, 9)
    # The staff's figures page: exact.
    exact = figures.persona(Period.fiscal_year(FY), suppress=False)
    assert {label: n for label, n, _new in exact["region"]}["Kanto"] == 3
    # The persona of the next quarter: the same people, none new.
    later = figures.persona(Period.quarter(2026, 1))
    assert dict((label, new) for label, _n, new in later["relationship"])["I was born here"] == 0


def test_a_member_who_left_counted_while_active():
    stayed = member(jst(2025, 4, 10))
    left = member(jst(2025, 4, 10))
    Membership.objects.filter(pk=left.pk).update(status="withdrawn", withdrawn_at=jst(2025, 9, 15))
    months = figures.kpi_months(Period.fiscal_year(FY))[KPI.ACTIVE_MEMBERS]
    assert (months[(2025, 4)], months[(2025, 9)], months[(2025, 10)]) == (2, 1, 1)
    assert figures.kpi_actuals(Period.quarter(FY, 1))[KPI.ACTIVE_MEMBERS] == 2
    assert figures.kpi_actuals(Period.fiscal_year(FY))[KPI.ACTIVE_MEMBERS] == 1
    assert stayed.pk != left.pk


def test_premium_is_reached_again_in_the_next_fiscal_year():
    """Three designated attendances a year: one member reaches it in June 2025 and again in
    May 2026; attendances spread over two years do not add up."""
    index = ActivityIndexPage.objects.filter(locale__language_code="ja").first()
    activities = [add_activity(index, designated=True, title=f"植樹{n}") for n in range(6)]
    regular, spread = member(jst(2025, 4, 1)).user, member(jst(2025, 4, 1)).user
    dates = [jst(2025, 4, 5), jst(2025, 5, 5), jst(2025, 6, 5)]
    dates += [jst(2026, 4, 5), jst(2026, 5, 5), jst(2026, 5, 25)]
    for activity, when in zip(activities, dates, strict=True):
        ActivitySignup.objects.create(
            activity=activity, user=regular, status="confirmed", attended_at=when
        )
    for activity, when in zip(activities, [jst(2026, 2, 1), jst(2026, 3, 1), jst(2026, 4, 2)]):
        ActivitySignup.objects.create(
            activity=activity, user=spread, status="confirmed", attended_at=when
        )
    assert figures.kpi_actuals(Period.fiscal_year(2025))[KPI.PREMIUM_REACHED] == 1
    months = figures.kpi_months(Period.fiscal_year(2026))[KPI.PREMIUM_REACHED]
    assert months[(2026, 5)] == 1
    assert sum(v for v in months.values() if v) == 1


def test_months_not_begun_have_no_figures_yet():
    period = Period.fiscal_year(2026)  # today is in it (December 2026 in this codebase's time)
    months = figures.kpi_months(period)[KPI.REGISTRATIONS_BASIC]
    today = japan_time.today()
    for month, value in months.items():
        assert (value is None) == (month > (today.year, today.month)), month


def test_the_funnel_counts_each_step(history):
    steps = dict(figures.funnel(Period.fiscal_year(FY)))
    assert steps["Portal page views"] == 105
    assert steps["Entry Passes issued"] == 2
    assert steps["Offer uses"] == 3
    assert steps["Registrations"] == 4
    assert steps["Consultations"] == 4


def test_breakdowns_by_partner_channel_and_topic(history):
    period = Period.fiscal_year(FY)
    partners = figures.uses_by_partner(period)
    assert [row[2] for row in partners] == [2, 1]
    assert partners[0][3] == 2  # two passes used the second partner's offer
    channels = {
        label: (desk, event, total)
        for label, desk, event, total in figures.consultations_by_channel(period)
    }
    assert channels["Web form"] == (1, 0, 1)
    assert channels["In person"] == (0, 2, 2)
    topics = dict(figures.consultations_by_topic(period))
    assert topics["Two-region living"] == 4
    assert topics["Housing and vacant houses"] == 4
    assert topics["Transport"] == 0
    assert Consultation.objects.count() >= 4 and Pass.objects.count() >= 2


@pytest.mark.parametrize(
    ("period", "code"),
    [
        (Period.custom(dt.date(2025, 6, 2), dt.date(2025, 6, 1)), "reversed"),
        (Period.fiscal_year(2090), "future"),
        (Period.fiscal_year(2001), "before_site"),
    ],
)
def test_a_bad_period_is_refused_with_its_reason(period, code):
    with pytest.raises(ValidationError) as error:
        period.validate()
    assert error.value.code == code
