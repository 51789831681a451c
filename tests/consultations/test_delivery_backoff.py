"""Failed e-mails are retried later and later (5, 10, 20 … minutes, at most a day), up to
MAX_DELIVERY_ATTEMPTS, and every attempt is claimed so that two runs never send twice."""

import threading
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from consultations import services
from consultations.models import Delivery
from tests.conftest import ensure_wagtail_base
from tests.factories.consultations import ConsultationFactory

BROKEN = "tests.consultations.test_delivery_and_retention.BrokenBackend"


def _delivery(**kwargs):
    return Delivery.objects.create(
        consultation=kwargs.pop("consultation", None) or ConsultationFactory(),
        kind=Delivery.Kind.ACKNOWLEDGEMENT,
        recipient="backoff@example.com",
        **kwargs,
    )


def _at(when):
    return mock.patch("django.utils.timezone.now", return_value=when)


@pytest.mark.django_db
def test_retry_delay_grows_and_is_capped_at_a_day():
    delays = [services.retry_delay(n) for n in range(1, 12)]
    assert delays[:4] == [timedelta(minutes=m) for m in (5, 10, 20, 40)]
    assert delays[-1] == timedelta(days=1)
    assert all(a <= b for a, b in zip(delays, delays[1:], strict=False))


@pytest.mark.django_db
def test_a_failed_delivery_waits_longer_after_each_failure(demo_site):
    delivery = _delivery()
    start = timezone.now()
    with override_settings(EMAIL_BACKEND=BROKEN), mail_outbox_reset():
        with _at(start):
            assert services.deliver(delivery) is False
        delivery.refresh_from_db()
        assert delivery.attempts == 1
        assert delivery.next_attempt_at == start + timedelta(minutes=5)
        # The cron command every 10 minutes: before the time is due, nothing is tried.
        with _at(start + timedelta(minutes=4)):
            assert services.retry_failed_deliveries() == (0, 0)
        with _at(start + timedelta(minutes=5)):
            assert services.retry_failed_deliveries() == (0, 1)
        delivery.refresh_from_db()
        assert delivery.attempts == 2
        assert delivery.next_attempt_at == start + timedelta(minutes=5 + 10)
        with _at(start + timedelta(minutes=14)):
            assert services.retry_failed_deliveries() == (0, 0)
        delivery.refresh_from_db()
        assert delivery.attempts == 2


@pytest.mark.django_db
def test_retries_stop_after_the_attempt_limit_and_the_desk_is_told(client, demo_site, staff_user):
    consultation = ConsultationFactory()
    delivery = _delivery(consultation=consultation)
    when = timezone.now()
    with override_settings(EMAIL_BACKEND=BROKEN):
        for _ in range(services.MAX_DELIVERY_ATTEMPTS + 3):
            with _at(when):
                services.retry_failed_deliveries()
                services.deliver(Delivery.objects.get(pk=delivery.pk))
            when += timedelta(days=2)
    delivery.refresh_from_db()
    assert delivery.attempts == services.MAX_DELIVERY_ATTEMPTS
    assert delivery.sent_at is None
    client.force_login(staff_user)
    html = client.get(reverse("consultations_admin:detail", args=[consultation.pk])).content
    html = html.decode()
    assert "will not be retried" in html or "再送しません" in html
    assert "will be retried" not in html and "再送します" not in html


@pytest.mark.django_db
def test_never_attempted_deliveries_are_picked_up_after_five_minutes(demo_site):
    """The queue was down when the consultation came in: cron sends it, but not at once."""
    delivery = _delivery(created_at=timezone.now())
    mail.outbox = []
    assert services.retry_failed_deliveries() == (0, 0)
    with _at(timezone.now() + timedelta(minutes=6)):
        assert services.retry_failed_deliveries() == (1, 0)
    delivery.refresh_from_db()
    assert delivery.sent_at is not None and delivery.attempts == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_worker_task_does_not_resend_what_cron_already_tried(demo_site):
    from consultations.tasks import send_consultation_email

    delivery = _delivery()
    with override_settings(EMAIL_BACKEND=BROKEN):
        services.deliver(delivery)
    delivery.refresh_from_db()
    mail.outbox = []
    # Not due yet: the task does nothing (no attempt burnt).
    assert send_consultation_email.call(delivery.pk) is False
    delivery.refresh_from_db()
    assert delivery.attempts == 1 and not mail.outbox


@pytest.mark.django_db
def test_a_stale_copy_cannot_claim_an_attempt_twice(demo_site):
    delivery = _delivery()
    stale = Delivery.objects.get(pk=delivery.pk)
    mail.outbox = []
    assert services.deliver(delivery) is True
    assert services.deliver(stale) is None  # its attempts value is out of date
    assert len(mail.outbox) == 1


class mail_outbox_reset:
    def __enter__(self):
        mail.outbox = []

    def __exit__(self, *exc):
        return False


SENT = []


class SlowBackend:
    """Records each message after a pause, so that two runs overlap while sending."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        time.sleep(0.3)
        SENT.extend(messages)
        return len(messages)


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_retry_runs_send_each_email_once():
    ensure_wagtail_base()
    consultation = ConsultationFactory()
    past = timezone.now() - timedelta(minutes=1)
    ids = [
        _delivery(consultation=consultation, attempts=1, next_attempt_at=past).pk for _ in range(3)
    ]
    SENT.clear()
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            barrier.wait(timeout=30)
            results.append(services.retry_failed_deliveries())
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    with override_settings(EMAIL_BACKEND="tests.consultations.test_delivery_backoff.SlowBackend"):
        threads = [threading.Thread(target=run) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert len(SENT) == 3
    assert sum(sent for sent, _failed in results) == 3
    assert all(d.attempts == 2 for d in Delivery.objects.filter(pk__in=ids))
    assert Delivery.objects.filter(pk__in=ids, sent_at__isnull=True).count() == 0
