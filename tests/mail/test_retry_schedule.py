"""The site's mail queue and the consultation desk retry by the same rules (core.mail), each
with its own limits: the queue 1, 2, 4 … minutes up to 6 hours, 12 attempts, picked up by
cron after a minute; the desk 5, 10, 20 … minutes up to a day, picked up after 5 minutes.
Either way, one attempt is claimed by one process only: a second claim of it fails."""

from datetime import timedelta

import pytest
from django.utils import timezone

from consultations import services as desk
from consultations.models import Delivery
from core import mail as outbox
from core.models import OutgoingEmail
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db
MINUTE = timedelta(minutes=1)


def minutes(delays):
    return [delay / MINUTE for delay in delays]


def test_the_mail_queue_waits_1_2_4_minutes_up_to_6_hours_for_12_attempts():
    assert outbox.max_attempts() == 12
    assert minutes(outbox.retry_delay(n) for n in range(1, 13)) == [
        1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360,
    ]  # fmt: skip


def test_the_desk_waits_5_10_20_minutes_up_to_a_day_for_10_attempts():
    assert desk.MAX_DELIVERY_ATTEMPTS == 10
    assert minutes(desk.retry_delay(n) for n in range(1, 13)) == [
        5, 10, 20, 40, 80, 160, 320, 640, 1280, 1440, 1440, 1440,
    ]  # fmt: skip


def test_a_never_attempted_email_is_due_after_1_minute_a_desk_delivery_after_5():
    now = timezone.now()
    outgoing = OutgoingEmail.objects.create(to=["a@example.jp"], created_at=now)
    delivery = Delivery.objects.create(
        consultation=ConsultationFactory(),
        kind=Delivery.Kind.ACKNOWLEDGEMENT,
        recipient="b@example.jp",
        created_at=now,
    )

    def due(later):
        return (
            OutgoingEmail.objects.filter(outbox.due_q(now + later), pk=outgoing.pk).exists(),
            Delivery.objects.filter(desk.due_deliveries_q(now + later), pk=delivery.pk).exists(),
        )

    assert due(timedelta(seconds=59)) == (False, False)
    assert due(MINUTE) == (True, False)
    assert due(timedelta(minutes=4, seconds=59)) == (True, False)
    assert due(timedelta(minutes=5)) == (True, True)


def test_a_second_claim_of_the_same_email_attempt_fails():
    now = timezone.now()
    outgoing = OutgoingEmail.objects.create(to=["a@example.jp"])
    stale = OutgoingEmail.objects.get(pk=outgoing.pk)
    assert outbox.claim(outgoing, now) is True
    assert (outgoing.attempts, outgoing.next_attempt_at) == (1, now + MINUTE)
    assert outbox.claim(stale, now) is False
    stored = OutgoingEmail.objects.get(pk=outgoing.pk)
    assert (stored.attempts, stored.next_attempt_at) == (1, now + MINUTE)


def test_a_second_claim_of_the_same_desk_delivery_attempt_fails():
    now = timezone.now()
    delivery = Delivery.objects.create(
        consultation=ConsultationFactory(),
        kind=Delivery.Kind.ACKNOWLEDGEMENT,
        recipient="b@example.jp",
    )
    stale = Delivery.objects.get(pk=delivery.pk)
    assert desk.claim_delivery(delivery, now) is True
    assert (delivery.attempts, delivery.next_attempt_at) == (1, now + 5 * MINUTE)
    assert desk.claim_delivery(stale, now) is False
    stored = Delivery.objects.get(pk=delivery.pk)
    assert (stored.attempts, stored.next_attempt_at) == (1, now + 5 * MINUTE)
