"""seed_demo's membership scenarios: the logins the README promises, made by the services."""

import pytest
from django.contrib.auth import get_user_model

from members.models import ActivitySignup, Membership
from members.services import designated_attended_this_year

pytestmark = pytest.mark.django_db


def signups_of(email):
    return ActivitySignup.objects.filter(user__email=email).select_related("activity")


def test_three_active_members_with_cards(demo_site):
    memberships = Membership.objects.filter(user__email__endswith="@example.jp")
    assert memberships.count() == 3
    for membership in memberships:
        assert membership.is_active and membership.member_number.startswith("TMK-")
        assert membership.consented_at is not None


def test_member_has_sign_ups_and_an_attended_activity(demo_site):
    signups = signups_of("member@example.jp")
    assert {s.activity.slug for s in signups} == {
        "beach-cleanup",
        "hokki-festival-staff",
        "autumn-tree-planting",
    }
    attended = signups.get(activity__slug="autumn-tree-planting")
    # Checked in at the activity's start (it took place before the demo was built).
    assert attended.attended_at == attended.activity.start
    assert attended.created_at < attended.activity.start
    member = get_user_model().objects.get(email="member@example.jp")
    assert member.member_notices.exists()
    assert designated_attended_this_year(member) == 1


def test_member2_waits_for_the_full_festival(demo_site):
    festival = ActivitySignup.objects.filter(activity__slug="hokki-festival-staff")
    assert festival.filter(status=ActivitySignup.Status.CONFIRMED).count() == 2
    waiting = signups_of("member2@example.jp").get()
    assert waiting.activity.slug == "hokki-festival-staff"
    assert waiting.status == ActivitySignup.Status.WAITLISTED
