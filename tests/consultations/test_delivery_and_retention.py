"""Nothing lost when the mail server is down; retries; a refused recipient's address stays out
of the logs; retention (anonymization)."""

import logging
import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from consultations import services
from consultations.models import Attachment, Consultation, Delivery, Status
from tests.consultations.conftest import confirm_and_send
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server is down")


@override_settings(EMAIL_BACKEND="tests.consultations.test_delivery_and_retention.BrokenBackend")
def test_mail_outage_keeps_the_consultation_and_shows_the_reference(client, demo_site, caplog):
    with caplog.at_level(logging.ERROR, logger="consultations.services"):
        response, token, _data = confirm_and_send(client)
    consultation = Consultation.objects.get(submission_token=token)
    assert response.status_code == 200
    assert consultation.reference in response.content.decode()
    deliveries = Delivery.objects.filter(consultation=consultation)
    assert deliveries.count() == 2  # acknowledgement + the staff notice
    assert all(d.sent_at is None and d.attempts == 1 for d in deliveries)
    assert "SMTP server is down" in deliveries.first().last_error
    assert "Sending consultation e-mail" in caplog.text


def test_failed_emails_are_retried_by_the_command(client, demo_site, outbox):
    with override_settings(
        EMAIL_BACKEND="tests.consultations.test_delivery_and_retention.BrokenBackend"
    ):
        _response, token, _data = confirm_and_send(client)
        call_command("retry_consultation_emails", stdout=open("/dev/null", "w"))
        consultation = Consultation.objects.get(submission_token=token)
        # Not due yet: the first retry waits 5 minutes.
        assert consultation.deliveries.filter(attempts=1, sent_at__isnull=True).count() == 2
        with mock.patch("django.utils.timezone.now", return_value=_later(6)):
            call_command("retry_consultation_emails", stdout=open("/dev/null", "w"))
    assert consultation.deliveries.filter(attempts=2, sent_at__isnull=True).count() == 2
    with mock.patch("django.utils.timezone.now", return_value=_later(17)):
        call_command("retry_consultation_emails", stdout=open("/dev/null", "w"))
    assert consultation.deliveries.filter(sent_at__isnull=True).count() == 0
    assert [m for m in mail.outbox if consultation.reference in m.subject]
    with mock.patch("django.utils.timezone.now", return_value=_later(60)):
        call_command("retry_consultation_emails", stdout=open("/dev/null", "w"))  # not twice
    assert len([m for m in mail.outbox if m.to == ["hanako@example.com"]]) == 1


def _later(minutes):
    return timezone.now() + timedelta(minutes=minutes)


def test_a_broken_task_queue_loses_nothing(client, demo_site):
    broken = mock.Mock(enqueue=mock.Mock(side_effect=RuntimeError("queue down")))
    with mock.patch("consultations.tasks.send_consultation_email", new=broken):
        response, token, _data = confirm_and_send(client)
    consultation = Consultation.objects.get(submission_token=token)
    assert consultation.reference in response.content.decode()
    assert consultation.deliveries.filter(attempts=0, sent_at__isnull=True).count() == 2


def test_retention_erases_personal_data_of_long_closed_consultations(demo_site, staff_user):
    kept_open = ConsultationFactory(status=Status.IN_PROGRESS)
    recent = ConsultationFactory(status=Status.CLOSED, closed_at=timezone.now())
    old = ConsultationFactory(
        status=Status.CLOSED, closed_at=timezone.now() - timedelta(days=30), phone="090-0000-0000"
    )
    services.add_note(
        old,
        "電話で詳しく聞いた",
        staff_user=staff_user,
        files=[SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")],
    )
    from consultations.models import StaffViewLog

    services.log_staff_action(staff_user, old, StaffViewLog.Action.ATTACHMENT, "健康診断書.pdf")
    total = Consultation.objects.count()
    later = timezone.now() + timedelta(days=340)  # old: closed 370 days ago; recent: 340
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("anonymize_consultations", stdout=open("/dev/null", "w"))
    old.refresh_from_db()
    assert old.anonymized_at is not None
    assert (old.name, old.email, old.phone) == ("", "", "")
    assert "苫小牧" not in old.message
    assert not old.messages.exclude(body=services.ANONYMIZED).exists()
    assert not Attachment.objects.filter(message__consultation=old).exists()
    assert old.reference and old.channel and old.topics  # counts and figures hold
    assert Consultation.objects.count() == total
    assert not StaffViewLog.objects.filter(consultation=old, detail__contains="健康").exists()
    assert StaffViewLog.objects.filter(consultation=old).exists()  # who looked stays
    for untouched in (kept_open, recent):
        untouched.refresh_from_db()
        assert untouched.anonymized_at is None and untouched.name
    # The thread link of an anonymized consultation no longer opens.
    assert services.consultation_from_token(services.thread_token(old)) is None


@override_settings(CONSULTATION_RETENTION_DAYS=10)
def test_retention_period_is_a_setting(demo_site):
    old = ConsultationFactory(status=Status.CLOSED, closed_at=timezone.now() - timedelta(days=11))
    call_command("anonymize_consultations", stdout=open("/dev/null", "w"))
    old.refresh_from_db()
    assert old.anonymized_at is not None


TASKS_DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def test_with_a_deferring_task_backend_a_failed_email_queues_its_own_retry(demo_site, outbox):
    """With a queue (django-tasks-db or similar) the task itself retries, later and later."""
    from django_tasks import default_task_backend

    from consultations.tasks import send_consultation_email

    consultation = ConsultationFactory()
    delivery = Delivery.objects.create(
        consultation=consultation, kind=Delivery.Kind.ACKNOWLEDGEMENT, recipient="a@example.com"
    )
    with override_settings(TASKS=TASKS_DUMMY):
        default_task_backend.clear()
        with override_settings(
            EMAIL_BACKEND="tests.consultations.test_delivery_and_retention.BrokenBackend"
        ):
            assert send_consultation_email.call(delivery.pk) is False
        queued = default_task_backend.results
        assert len(queued) == 1
        assert queued[0].args == [delivery.pk]
        assert queued[0].task.run_after > timezone.now() + timedelta(minutes=4)
        # Run before its time (a cron run got there first, say): nothing is tried.
        assert queued[0].task.call(*queued[0].args) is False
        # The worker runs it at its time, the server is back: sent, nothing more queued.
        with mock.patch("django.utils.timezone.now", return_value=queued[0].task.run_after):
            assert queued[0].task.call(*queued[0].args) is True
        assert len(default_task_backend.results) == 1
    delivery.refresh_from_db()
    assert delivery.sent_at is not None and delivery.attempts == 2
    assert [m for m in outbox if m.to == ["a@example.com"]]


class RefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        # Servers echo the address, not always in the case it was sent in.
        address = messages[0].to[0]
        reply = b"5.1.1 <%s>: user unknown" % address.upper().encode()
        raise smtplib.SMTPRecipientsRefused({address: (550, reply)})


@override_settings(EMAIL_BACKEND="tests.consultations.test_delivery_and_retention.RefusingBackend")
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
    assert "secret.person" not in delivery.last_error.lower()
    assert "secret.person" not in caplog.text.lower()
    assert "Sending consultation e-mail" in caplog.text
