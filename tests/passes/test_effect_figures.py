"""The Entry Pass effect figures: activity sign-ups and consultations after the pass."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from tests.factories.passes import PassFactory

pytestmark = pytest.mark.django_db


def test_effect_counts_activity_signups_and_consultations_after_the_pass(demo_site):
    from members.models import ActivityPage, ActivitySignup
    from reports import entry_pass
    from tests.factories.consultations import ConsultationFactory
    from tests.passes.test_admin import _holders

    now = timezone.now()
    joined = PassFactory(issued_at=now - timedelta(days=5)).user
    before = PassFactory(issued_at=now - timedelta(days=5)).user
    # The row titles are read in English whatever language an earlier test left active.
    with translation.override("en"):
        total_before, rows_before = entry_pass.effect(_holders())
        counts_before = {str(title): count for title, count, _share in rows_before}

    activity = ActivityPage.objects.filter(locale__language_code="ja").first()
    for user, when in ((joined, now), (before, now - timedelta(days=10))):
        signup = ActivitySignup.objects.create(activity=activity, user=user, status="confirmed")
        ActivitySignup.objects.filter(pk=signup.pk).update(created_at=when)
        ConsultationFactory(user=user, created_at=when)

    with translation.override("en"):
        total, rows = entry_pass.effect(_holders())
        counts = {str(title): count for title, count, _share in rows}
        share = {str(title): s for title, _count, s in rows}["Consulted the city"]
    assert total == total_before
    assert counts["Signed up for an activity"] == counts_before["Signed up for an activity"] + 1
    assert counts["Consulted the city"] == counts_before["Consulted the city"] + 1
    assert share == round(100 * counts["Consulted the city"] / total, 1)
