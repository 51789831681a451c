"""The load-data generator: the counts asked for, rows as the apps' rules would leave them
(Japan-time days, codes as rows), the same history for the same seed, and the guards against
running it twice or on a production database."""

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Count, Sum
from django.test import override_settings

from consultations.models import Consultation, ConsultationTopic
from core.japan_time import JST
from members.models import Membership, MembershipCode
from passes.models import Partner, Pass, Use
from reports import load_data
from reports.models import KPI, KPITarget, PageViewDay

pytestmark = pytest.mark.django_db

TINY = {"members": 50, "page_views": 1_000, "uses": 80, "consultations": 20}
PAST = {"start": dt.date(2025, 4, 1), "end": dt.date(2025, 9, 30)}


def generate(**kwargs):
    return load_data.generate(**{**TINY, **PAST, "stdout": io.StringIO(), **kwargs})


def aggregates():
    """What the reports read, without keys or times of the run."""
    return {
        "members": list(
            Membership.objects.order_by("member_number").values_list(
                "member_number",
                "status",
                "tier",
                "registered_at",
                "residence_prefecture",
                "age_band",
                "relationships",
                "interests",
            )
        ),
        "uses": list(
            Use.objects.values("day", "via", "partner__slug")
            .annotate(n=Count("pk"))
            .order_by("day", "via", "partner__slug")
        ),
        "passes": list(
            Pass.objects.order_by("number").values_list(
                "number", "stay_from", "stay_until", "purpose", "residence_prefecture"
            )
        ),
        "consultations": list(
            Consultation.objects.order_by("reference").values_list(
                "reference", "channel", "place_kind", "topics", "created_at", "first_response_at"
            )
        ),
        "page_views": list(
            PageViewDay.objects.values("day", "section", "language")
            .annotate(views=Sum("views"))
            .order_by("day", "section", "language")
        ),
    }


def delete_load_data():
    Use.objects.all().delete()
    Pass.objects.all().delete()
    get_user_model().objects.filter(email__endswith="@load.invalid").delete()
    Partner.objects.filter(slug__startswith="load-").delete()
    Membership.objects.all().delete()
    Consultation.objects.all().delete()
    PageViewDay.objects.all().delete()


def test_makes_exactly_the_counts_asked_for():
    made = generate()

    assert Membership.objects.filter(member_number__startswith="L-", user=None).count() == 50
    assert Use.objects.count() == 80
    assert Consultation.objects.count() == 20
    assert PageViewDay.objects.aggregate(total=Sum("views"))["total"] == 1_000
    assert made["members"] == 50 and made["uses"] == 80 and made["page views"] == 1_000
    # The test site has partners: the uses are theirs, no load partner is made.
    assert not Partner.objects.filter(slug__startswith="load-").exists()
    assert not Use.objects.exclude(offer__partner__locale__language_code="ja").exists()


def test_makes_flagged_partners_when_there_are_none():
    Use.objects.all().delete()
    Partner.objects.all().delete()
    generate()

    assert Partner.objects.exists()
    assert not Partner.objects.exclude(slug__startswith="load-").exists()
    assert Use.objects.count() == 80


def test_history_stays_within_the_period():
    generate()
    start = dt.datetime(2025, 4, 1, tzinfo=JST)
    end = dt.datetime(2025, 10, 1, tzinfo=JST)

    assert not Membership.objects.exclude(registered_at__gte=start, registered_at__lt=end).exists()
    assert not Use.objects.exclude(used_at__gte=start, used_at__lt=end).exists()
    assert not PageViewDay.objects.exclude(day__range=(PAST["start"], PAST["end"])).exists()


def test_every_use_is_counted_on_its_japan_date():
    generate()

    uses = list(Use.objects.values_list("used_at", "day"))
    assert uses
    assert all(used_at.astimezone(JST).date() == day for used_at, day in uses)
    # A past period: every pass has expired (no account holds two open passes).
    assert {entry_pass.status for entry_pass in Pass.objects.all()} == {"expired"}


def test_codes_are_rows_for_every_membership_and_consultation():
    generate()

    for membership in Membership.objects.all():
        rows = set(membership.codes.values_list("field", "code"))
        assert rows == {
            *((MembershipCode.Field.RELATIONSHIP, code) for code in membership.relationships),
            *((MembershipCode.Field.INTEREST, code) for code in membership.interests),
        }
        assert 1 <= len(membership.relationships) <= 3
    for consultation in Consultation.objects.all():
        assert set(consultation.topic_rows.values_list("code", flat=True)) == set(
            consultation.topic_codes
        )
    assert ConsultationTopic.objects.exists()


def test_consultations_carry_no_personal_data():
    generate()

    assert not Consultation.objects.exclude(name="", email="", phone="").exists()
    assert not Consultation.objects.filter(anonymized_at=None).exists()
    assert all(c.reference.startswith("CL-") for c in Consultation.objects.all())


def test_same_seed_same_history():
    generate()
    first = aggregates()
    delete_load_data()
    generate()

    assert aggregates() == first
    delete_load_data()
    generate(seed=7)
    assert aggregates() != first


def test_refuses_a_second_run_unless_forced():
    generate()

    with pytest.raises(load_data.LoadDataExists):
        generate()
    generate(force=True)
    numbers = list(Membership.objects.values_list("member_number", flat=True))
    assert len(numbers) == len(set(numbers)) == 100
    assert Pass.objects.values("number").distinct().count() == Pass.objects.count()
    assert PageViewDay.objects.aggregate(total=Sum("views"))["total"] == 2_000


@override_settings(DEBUG=False)
def test_command_refuses_without_debug():
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("generate_load_data", members=5, page_views=10, uses=3, consultations=2)
    assert not Membership.objects.exists()

    call_command(
        "generate_load_data",
        members=5,
        page_views=10,
        uses=3,
        consultations=2,
        yes_on_production=True,
        stdout=io.StringIO(),
    )
    assert Membership.objects.count() == 5


def test_demo_adds_history_once_and_the_year_targets():
    from reports import demo

    out = io.StringIO()
    demo.seed(home=None, stdout=out)
    members = Membership.objects.count()
    demo.seed(home=None, stdout=out)

    assert Membership.objects.count() == members
    assert KPITarget.objects.count() == len(KPI)
    registrations = KPITarget.objects.get(kpi=KPI.REGISTRATIONS_BASIC)
    assert len(registrations.monthly) == 12
    assert sum(registrations.monthly) == registrations.annual
    august, november = registrations.monthly[4], registrations.monthly[7]
    assert august > november  # the summer campaign
    assert KPITarget.objects.get(kpi=KPI.VISITS).monthly == []
