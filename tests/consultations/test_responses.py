"""First responses: a status change counts as an answer; hand-entered consultations stay out
of the response-time figures; "overdue" counts working days, as the form promises."""

from datetime import timedelta

import pytest
from django.utils import timezone

from consultations import services
from consultations.models import Consultation, Status
from core.japan_time import JST
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("status", [Status.WAITING, Status.RESOLVED, Status.CLOSED])
def test_moving_to_an_answered_status_sets_the_first_response(demo_site, staff_user, status):
    consultation = ConsultationFactory()
    services.update_consultation(consultation, staff_user=staff_user, status=status)
    consultation.refresh_from_db()
    assert consultation.first_response_at is not None
    assert not Consultation.objects.filter(services.overdue_q(), pk=consultation.pk).exists()


def test_in_progress_is_not_an_answer_and_a_first_response_is_kept(demo_site, staff_user):
    consultation = ConsultationFactory()
    services.update_consultation(consultation, staff_user=staff_user, status=Status.IN_PROGRESS)
    consultation.refresh_from_db()
    assert consultation.first_response_at is None
    first = timezone.now() - timedelta(days=1)
    consultation.first_response_at = first
    consultation.save()
    services.update_consultation(consultation, staff_user=staff_user, status=Status.RESOLVED)
    consultation.refresh_from_db()
    assert consultation.first_response_at == first


def test_overdue_from_the_day_after_the_promised_date(demo_site):
    # Received Friday 10:00 Japan time; three working days: Mon, Tue, Wed. The person is
    # promised Wednesday, so the inbox calls it overdue from Thursday 00:00, not before.
    friday = timezone.datetime(2030, 5, 10, 10, 0, tzinfo=JST)
    assert friday.weekday() == 4
    consultation = ConsultationFactory(created_at=friday)

    def overdue(now):
        return Consultation.objects.filter(services.overdue_q(now), pk=consultation.pk).exists()

    assert consultation.answer_due_date.isoformat() == "2030-05-15"
    assert not overdue(friday + timedelta(days=4, hours=1))  # Tuesday: 2 working days
    assert not overdue(timezone.datetime(2030, 5, 15, 23, 59, tzinfo=JST))  # Wednesday
    assert overdue(timezone.datetime(2030, 5, 16, 0, 0, tzinfo=JST))  # Thursday


def test_overdue_waits_for_a_national_holiday_and_the_year_end_closure(demo_site):
    # Monday 28 December 2026: 29 Dec – 3 Jan closed, so due Wednesday 6 January 2027.
    consultation = ConsultationFactory(
        created_at=timezone.datetime(2026, 12, 28, 15, 0, tzinfo=JST)
    )

    def overdue(day):
        now = timezone.datetime(*day, 9, 0, tzinfo=JST)
        return Consultation.objects.filter(services.overdue_q(now), pk=consultation.pk).exists()

    assert consultation.answer_due_date.isoformat() == "2027-01-06"
    assert not overdue((2027, 1, 6))
    assert overdue((2027, 1, 7))
