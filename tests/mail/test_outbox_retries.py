"""The mail queue (core.mail): retries with a growing delay, the worker's own retry with a
deferring task backend, one send per e-mail under concurrency, a broken task queue, the
message kept whole, and personal data kept briefly."""

import base64
import io
import threading
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from core import mail as outbox
from core.models import OutgoingEmail
from core.tasks import send_outgoing_email

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n\x00\xff"


def cron_at(when):
    with time_machine.travel(when, tick=False):
        call_command("send_queued_emails", stdout=io.StringIO())


def test_retries_come_after_1_2_4_minutes_growing_to_at_most_6_hours_then_stop(queued_mail):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        send_mail("Your code", "ABCD-EFGH", None, ["waiting@example.jp"])
    outgoing = OutgoingEmail.objects.get()
    attempt_times = [start]
    while outgoing.next_attempt_at is not None:
        due = outgoing.next_attempt_at
        cron_at(due - timedelta(seconds=1))  # not due yet: nothing tried
        outgoing.refresh_from_db()
        assert outgoing.attempts == len(attempt_times)
        cron_at(due)
        attempt_times.append(due)
        outgoing.refresh_from_db()
    gaps = [
        (later - earlier) / timedelta(minutes=1)
        for earlier, later in zip(attempt_times, attempt_times[1:], strict=False)
    ]
    assert gaps == [1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360]
    assert outgoing.attempts == 12 and outgoing.sent_at is None
    assert OutgoingEmail.objects.filter(outbox.failed_q()).get() == outgoing
    # Finally failed: cron leaves it alone (a person can send it again, see the staff view).
    queued_mail.accept()
    cron_at(attempt_times[-1] + timedelta(days=1))
    assert queued_mail.messages == []


TASKS_DB = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
        "ENQUEUE_ON_COMMIT": False,
    }
}


def run_worker():
    call_command("db_worker", batch=True, no_startup_delay=True, interval=0.1, verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_with_the_database_task_backend_a_failed_send_schedules_its_own_retry(
    settings, queued_mail
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = TASKS_DB
    send_mail("Your code", "ABCD-EFGH", None, ["waiting@example.jp"])
    outgoing = OutgoingEmail.objects.get()
    assert outgoing.attempts == 0  # stored; the worker sends it
    run_worker()
    outgoing.refresh_from_db()
    assert outgoing.attempts == 1 and outgoing.sent_at is None
    (retry,) = DBTaskResult.objects.filter(status="READY")
    assert retry.args_kwargs["args"] == [outgoing.pk]
    first_delay = retry.run_after - timezone.now()
    assert timedelta(seconds=45) < first_delay <= timedelta(minutes=1)

    queued_mail.accept()
    with time_machine.travel(retry.run_after + timedelta(seconds=1), tick=True):
        run_worker()
    outgoing.refresh_from_db()
    assert outgoing.sent_at is not None and outgoing.attempts == 2
    assert len(queued_mail.received_by("waiting@example.jp")) == 1
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_a_broken_task_queue_loses_nothing_cron_sends_it(settings, queued_mail):
    settings.TASKS = {"default": {"BACKEND": "tests.mail.no_such_module.Backend"}}
    send_mail("Your code", "ABCD-EFGH", None, ["waiting@example.jp"])
    outgoing = OutgoingEmail.objects.get()
    assert outgoing.attempts == 0 and outgoing.sent_at is None
    queued_mail.accept()
    cron_at(outgoing.created_at + timedelta(seconds=30))  # the worker may still take it
    assert queued_mail.messages == []
    cron_at(outgoing.created_at + timedelta(minutes=1))
    assert len(queued_mail.received_by("waiting@example.jp")) == 1


def test_the_message_is_stored_as_json_and_arrives_whole(queued_mail):
    message = EmailMultiAlternatives(
        "Zusammenfassung · まとめ",
        "Plain text.",
        "City <city@example.jp>",
        to=["to@example.jp"],
        cc=["cc@example.jp"],
        bcc=["bcc@example.jp"],
        reply_to=["desk@example.jp"],
        headers={"X-Tsunagaru": "yes"},
    )
    message.attach_alternative("<p>HTML</p>", "text/html")
    message.attach("figures.csv", "a,b\n1,2\n", "text/csv")
    message.attach("logo.png", PNG, "image/png")
    message.send()
    stored = OutgoingEmail.objects.get()
    # JSON only, bytes in base64: reading a row back never unpickles anything.
    assert stored.alternatives == [["<p>HTML</p>", "text/html"]]
    assert stored.attachments[1] == {
        "filename": "logo.png",
        "mimetype": "image/png",
        "content": base64.b64encode(PNG).decode(),
        "base64": True,
    }
    queued_mail.accept()
    cron_at(stored.next_attempt_at)
    for address in ["to@example.jp", "cc@example.jp", "bcc@example.jp"]:
        assert len(queued_mail.received_by(address)) == 1
    received = queued_mail.received_by("to@example.jp")[0]
    assert received["Subject"] == "Zusammenfassung · まとめ"
    assert received["From"] == "City <city@example.jp>"
    assert received["Cc"] == "cc@example.jp" and received["Bcc"] is None
    assert received["Reply-To"] == "desk@example.jp" and received["X-Tsunagaru"] == "yes"
    assert received.get_body(("plain",)).get_content().strip() == "Plain text."
    assert received.get_body(("html",)).get_content().strip() == "<p>HTML</p>"
    attachments = {part.get_filename(): part for part in received.iter_attachments()}
    assert attachments["figures.csv"].get_content().replace("\r\n", "\n") == "a,b\n1,2\n"
    assert attachments["logo.png"].get_content() == PNG


def test_through_the_locmem_transport_tests_see_the_same_message(settings):
    settings.EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
    settings.EMAIL_TRANSPORT_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    message = EmailMultiAlternatives("Subject", "Body", to=["a@example.jp"], bcc=["b@example.jp"])
    message.attach_alternative("<p>Body</p>", "text/html")
    message.send()
    (sent,) = mail.outbox
    assert (sent.subject, sent.body, sent.to, sent.bcc) == (
        "Subject",
        "Body",
        ["a@example.jp"],
        ["b@example.jp"],
    )
    assert [tuple(alternative) for alternative in sent.alternatives] == [
        ("<p>Body</p>", "text/html")
    ]


def test_sent_emails_keep_no_content_and_old_rows_are_deleted(settings, queued_mail):
    settings.OUTGOING_EMAIL_KEEP_DAYS = 30
    queued_mail.accept()
    send_mail("Your code", "ABCD-EFGH", None, ["sent@example.jp"])
    queued_mail.refuse()
    send_mail("Your code", "IJKL-MNOP", None, ["failed@example.jp"])
    sent = OutgoingEmail.objects.get(to=["sent@example.jp"])
    assert sent.sent_at is not None and "ABCD" not in sent.body
    failed = OutgoingEmail.objects.get(to=["failed@example.jp"])
    OutgoingEmail.objects.filter(pk=failed.pk).update(attempts=outbox.max_attempts())
    cron_at(timezone.now() + timedelta(days=29))
    assert OutgoingEmail.objects.count() == 2
    cron_at(timezone.now() + timedelta(days=31))
    assert not OutgoingEmail.objects.exists()


def test_a_refused_address_stays_out_of_the_stored_error(queued_mail):
    send_mail("Your code", "ABCD-EFGH", None, ["Secret.Person@example.jp"])
    outgoing = OutgoingEmail.objects.get()
    assert "SMTPRecipientsRefused" in outgoing.last_error and "451" in outgoing.last_error
    assert "secret.person" not in outgoing.last_error.lower()


@pytest.mark.django_db(transaction=True)
def test_two_processes_claiming_the_same_attempt_send_it_once(queued_mail):
    """The worker and cron (real threads, each with its own database connection) take the
    same due e-mail at the same moment: it is sent once."""
    queued_mail.accept()
    outgoing = outbox.store_message(
        EmailMultiAlternatives("Your code", "ABCD-EFGH", to=["once@example.jp"])
    )
    copies = [OutgoingEmail.objects.get(pk=outgoing.pk) for _ in range(2)]
    start = threading.Barrier(2)
    results = []

    def attempt(copy):
        try:
            start.wait()
            results.append(outbox.send_now(copy))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(copy,)) for copy in copies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results, key=str) == [None, True]
    assert len(queued_mail.received_by("once@example.jp")) == 1
    outgoing.refresh_from_db()
    assert outgoing.attempts == 1 and outgoing.sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_the_task_after_a_cron_attempt_keeps_the_series_without_trying_early(settings, queued_mail):
    """Cron made the attempt the worker's task was queued for: the task tries nothing early
    and queues itself for the next due time."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = TASKS_DB
    outgoing = outbox.store_message(
        EmailMultiAlternatives("Your code", "ABCD-EFGH", to=["late@example.jp"])
    )
    assert outbox.send_now(outgoing) is False  # cron's attempt, server refusing
    send_outgoing_email.enqueue(outgoing.pk)
    run_worker()
    outgoing.refresh_from_db()
    assert outgoing.attempts == 1
    (again,) = DBTaskResult.objects.filter(status="READY")
    assert abs(again.run_after - outgoing.next_attempt_at) < timedelta(seconds=1)
