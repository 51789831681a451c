"""First responses: a status change counts as an answer; hand-entered consultations stay out
of the response-time figures; "overdue" counts working days, as the form promises."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from consultations import services
from consultations.models import Consultation, Status
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db
JST = ZoneInfo("Asia/Tokyo")


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


def test_overdue_counts_working_days_not_weekends(demo_site):
    # Friday 10:00 Japan time; three working days later is Wednesday 10:00.
    friday = timezone.datetime(2030, 5, 10, 10, 0, tzinfo=JST)
    assert friday.weekday() == 4
    consultation = ConsultationFactory(created_at=friday)

    def overdue(now):
        return Consultation.objects.filter(services.overdue_q(now), pk=consultation.pk).exists()

    assert not overdue(friday + timedelta(days=4, hours=1))  # Tuesday: 2 working days
    assert not overdue(friday + timedelta(days=5, minutes=-1))  # Wednesday 09:59
    assert overdue(friday + timedelta(days=5, hours=1))  # Wednesday 11:00


def test_business_days_before_skips_saturday_and_sunday():
    monday = timezone.datetime(2030, 5, 13, 9, 0, tzinfo=JST)
    assert services.business_days_before(monday, 1).date().isoformat() == "2030-05-10"
    assert services.business_days_before(monday, 3).date().isoformat() == "2030-05-08"
