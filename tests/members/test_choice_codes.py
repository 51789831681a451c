"""The several-choices fields as rows (MembershipCode, ConsultationTopic): they follow the
fields on every save, reports GROUP BY them, and the bulk helpers give the same rows."""

import importlib

import pytest
from django.apps import apps
from django.db.models import Count
from django.utils import timezone

from consultations.models import Consultation, ConsultationTopic
from consultations.services import consultation_topic_rows
from members.models import Membership, MembershipCode
from members.services import membership_code_rows
from tests.factories.consultations import ConsultationFactory
from tests.factories.members import MembershipFactory

pytestmark = pytest.mark.django_db


def codes_of(membership):
    return set(MembershipCode.objects.filter(membership=membership).values_list("field", "code"))


def topics_of(consultation):
    return set(ConsultationTopic.objects.filter(consultation=consultation).values_list("code"))


def all_codes():
    return set(MembershipCode.objects.values_list("membership_id", "field", "code"))


def all_topics():
    return set(ConsultationTopic.objects.values_list("consultation_id", "code"))


# -- memberships ----------------------------------------------------------------------------
def test_rows_follow_the_fields_on_create():
    member = MembershipFactory(relationships=["born", "nozei"], interests=["events"])
    assert codes_of(member) == {
        ("relationship", "born"),
        ("relationship", "nozei"),
        ("interest", "events"),
    }


def test_rows_follow_a_code_removed_and_one_added():
    member = MembershipFactory(relationships=["born", "nozei"], interests=["events"])
    member.relationships = ["nozei", "visitor"]
    member.interests = ["events", "products"]
    member.save()
    assert codes_of(member) == {
        ("relationship", "nozei"),
        ("relationship", "visitor"),
        ("interest", "events"),
        ("interest", "products"),
    }
    # A save naming only one of the fields keeps the rows in step too.
    member.interests = ["migration"]
    member.save(update_fields=["interests"])
    assert codes_of(member) == {
        ("relationship", "nozei"),
        ("relationship", "visitor"),
        ("interest", "migration"),
    }


def test_rows_go_when_the_fields_are_cleared():
    member = MembershipFactory(relationships=["born"], interests=["events", "nozei"])
    member.relationships = []
    member.interests = []
    member.save()
    assert codes_of(member) == set()
    assert MembershipCode.objects.count() == 0


def test_a_save_of_other_fields_leaves_the_rows_as_they_are():
    """Activation (in the factory), consent and reconsent name their update_fields."""
    member = MembershipFactory(status="pending", relationships=["work"], activate=False)
    assert codes_of(member) == {("relationship", "work"), ("interest", "events")}
    member.status = Membership.Status.ACTIVE
    member.save(update_fields=["status"])
    assert codes_of(member) == {("relationship", "work"), ("interest", "events")}


def test_the_same_code_in_both_fields_is_two_rows_and_a_repeated_code_one():
    member = MembershipFactory(relationships=["nozei", "nozei"], interests=["nozei"])
    assert codes_of(member) == {("relationship", "nozei"), ("interest", "nozei")}
    assert member.codes.count() == 2


def test_rows_go_with_their_membership():
    member = MembershipFactory(relationships=["born"])
    member.delete()
    assert MembershipCode.objects.count() == 0


def test_members_by_relationship_and_interest_are_exact_counts():
    MembershipFactory(relationships=["born", "nozei"], interests=["events", "products"])
    MembershipFactory(relationships=["born"], interests=["events"])
    MembershipFactory(relationships=["lived", "born"], interests=[])
    changed = MembershipFactory(relationships=["visitor"], interests=["migration"])
    changed.relationships = ["stays"]
    changed.save()

    def counts(field):
        rows = (
            MembershipCode.objects.filter(field=field)
            .values("code")
            .annotate(n=Count("membership", distinct=True))
        )
        return {row["code"]: row["n"] for row in rows}

    assert counts("relationship") == {"born": 3, "nozei": 1, "lived": 1, "stays": 1}
    assert counts("interest") == {"events": 2, "products": 1, "migration": 1}
    # The same figures as the admin's `contains` filter on the stored text.
    for code, n in counts("relationship").items():
        assert Membership.objects.filter(relationships__contains=f",{code},").count() == n


def test_bulk_helper_gives_the_rows_the_signal_gives():
    MembershipFactory(relationships=["born", "nozei"], interests=["events", "products"])
    MembershipFactory(relationships=["lived"], interests=[])
    MembershipFactory(relationships=[], interests=[])
    from_signal = all_codes()
    assert len(from_signal) == 5
    MembershipCode.objects.all().delete()
    MembershipCode.objects.bulk_create(membership_code_rows(Membership.objects.all()))
    assert all_codes() == from_signal


def test_bulk_loader_path_bulk_create_then_rows():
    """bulk_create sends no post_save: the loader adds the rows with the helper."""
    now = timezone.now()
    members = Membership.objects.bulk_create(
        [
            Membership(
                relationships=["born", "work"],
                interests=["events"],
                privacy_policy_version="2026-04",
                consented_at=now,
            ),
            Membership(
                relationships=",family,",  # the stored text, as a loader may hold it
                interests=[],
                privacy_policy_version="2026-04",
                consented_at=now,
            ),
        ]
    )
    assert MembershipCode.objects.count() == 0
    MembershipCode.objects.bulk_create(membership_code_rows(members))
    first, second = members
    assert codes_of(first) == {
        ("relationship", "born"),
        ("relationship", "work"),
        ("interest", "events"),
    }
    assert codes_of(second) == {("relationship", "family")}


def test_bulk_helper_refuses_unsaved_memberships():
    with pytest.raises(ValueError):
        membership_code_rows([Membership(relationships=["born"])])


def test_migration_fills_the_rows_of_existing_memberships():
    MembershipFactory(relationships=["born", "nozei"], interests=["events"])
    MembershipFactory(relationships=["lived"], interests=["nozei"])
    expected = all_codes()
    MembershipCode.objects.all().delete()
    migration = importlib.import_module("members.migrations.0006_membershipcode")
    migration.copy_codes_into_rows(apps, None)
    assert all_codes() == expected


# -- consultations --------------------------------------------------------------------------
def test_topic_rows_follow_the_topics():
    consultation = ConsultationFactory(topics="|two_region|housing|")
    assert topics_of(consultation) == {("two_region",), ("housing",)}
    consultation.topics = Consultation.join_topics(["housing", "work"])
    consultation.save()
    assert topics_of(consultation) == {("housing",), ("work",)}
    consultation.topics = Consultation.join_topics(["medical"])
    consultation.save(update_fields=["topics"])
    assert topics_of(consultation) == {("medical",)}
    consultation.status = "closed"
    consultation.save(update_fields=["status"])
    assert topics_of(consultation) == {("medical",)}
    consultation.topics = ""
    consultation.save()
    assert topics_of(consultation) == set()


def test_consultations_by_topic_are_exact_counts():
    ConsultationFactory(topics="|two_region|housing|")
    ConsultationFactory(topics="|housing|work|")
    ConsultationFactory(topics="|two_region|")
    ConsultationFactory(topics="")
    rows = ConsultationTopic.objects.values("code").annotate(n=Count("consultation", distinct=True))
    assert {row["code"]: row["n"] for row in rows} == {"two_region": 2, "housing": 2, "work": 1}


def test_topic_bulk_helper_gives_the_rows_the_signal_gives():
    ConsultationFactory(topics="|two_region|housing|")
    ConsultationFactory(topics="|support|")
    ConsultationFactory(topics="")
    from_signal = all_topics()
    assert len(from_signal) == 3
    ConsultationTopic.objects.all().delete()
    ConsultationTopic.objects.bulk_create(consultation_topic_rows(Consultation.objects.all()))
    assert all_topics() == from_signal
    with pytest.raises(ValueError):
        consultation_topic_rows([Consultation(topics="|work|")])


def test_topic_migration_fills_the_rows_of_existing_consultations():
    ConsultationFactory(topics="|two_region|housing|")
    ConsultationFactory(topics="|work|")
    expected = all_topics()
    ConsultationTopic.objects.all().delete()
    migration = importlib.import_module("consultations.migrations.0006_consultationtopic")
    migration.copy_topics_into_rows(apps, None)
    assert all_topics() == expected
