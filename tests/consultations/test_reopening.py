"""A staff reply reopens a resolved or closed consultation: it waits for the person again, and
its old closing date no longer counts for the retention period."""

from datetime import timedelta

import pytest
from django.utils import timezone

from consultations import services
from consultations.models import Status
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("status", [Status.CLOSED, Status.RESOLVED])
def test_a_reply_reopens_a_closed_consultation_and_clears_closed_at(
    demo_site, staff_user, outbox, status
):
    consultation = ConsultationFactory(status=status, closed_at=timezone.now())
    services.reply_to_person(consultation, "追加のご案内です。", staff_user=staff_user)
    consultation.refresh_from_db()
    assert consultation.status == Status.WAITING
    assert consultation.closed_at is None
    # Not anonymized a year after an old closing date while it is open again.
    services.anonymize_closed(timezone.now() + timedelta(days=400))
    consultation.refresh_from_db()
    assert consultation.anonymized_at is None
