"""Replies reopen closed consultations properly; the figures' year is clamped; a refused
recipient's address stays out of the logs."""

import logging
import smtplib
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from consultations import services
from consultations.models import Delivery, Status
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db
FIGURES = "/admin/reports/figures/consultations/"  # the figures pages are in reports


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


@pytest.mark.parametrize("year", ["99999", "-5", "0", "1"])
def test_an_absurd_year_on_the_figures_page_is_clamped(client, staff_user, year):
    client.force_login(staff_user)
    assert client.get(FIGURES, {"year": year}).status_code == 200
    assert client.get(f"{FIGURES}survey.csv", {"year": year}).status_code == 200


class RefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused(
            {messages[0].to[0]: (550, b"5.1.1 <%s>: user unknown" % messages[0].to[0].encode())}
        )


@override_settings(EMAIL_BACKEND="tests.consultations.test_small_fixes.RefusingBackend")
def test_a_refused_recipient_is_not_in_the_log_or_the_stored_error(demo_site, caplog):
    delivery = Delivery.objects.create(
        consultation=ConsultationFactory(),
        kind=Delivery.Kind.ACKNOWLEDGEMENT,
        recipient="secret.person@example.com",
    )
    with caplog.at_level(logging.DEBUG):
        assert services.deliver(delivery) is False
    delivery.refresh_from_db()
    assert "SMTPRecipientsRefused" in delivery.last_error
    assert "secret.person" not in delivery.last_error
    assert "secret.person" not in caplog.text
    assert "Sending consultation e-mail" in caplog.text
