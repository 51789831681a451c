"""Every e-mail the site sends is stored first, then sent by the task worker, and retried with
a growing delay while the mail server is down: a mail outage delays an e-mail, never loses it
and never turns a person's action into a server error.

settings.EMAIL_BACKEND = "core.mail.QueuedEmailBackend" stores each message as an
OutgoingEmail row and enqueues core.tasks.send_outgoing_email; that task (or, with a backend
that cannot defer tasks, `manage.py send_queued_emails` from cron) sends the row through the
real backend, settings.EMAIL_TRANSPORT_BACKEND (the one EMAIL_URL chooses: SMTP in
production, the console in `make run`). Each attempt is claimed with a conditional UPDATE, so
the worker and cron never send the same e-mail twice."""

import base64
import dataclasses
import email as email_parser
import logging
import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db.models import Q
from django.utils import timezone

logger = logging.getLogger(__name__)

QUEUED_BACKEND = "core.mail.QueuedEmailBackend"
# Someone is waiting for a verification e-mail or a login code: the first retry comes soon.
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=6)
# An e-mail never attempted (the task queue was down when it was stored) is picked up by the
# cron command after this long; the worker normally takes it within seconds.
NEVER_ATTEMPTED_GRACE = timedelta(minutes=1)


def max_attempts():
    """12 attempts: 1, 2, 4 … minutes apart, at most 6 hours: about 20 hours in all."""
    return getattr(settings, "OUTGOING_EMAIL_MAX_ATTEMPTS", 12)


def keep_days():
    """Sent and finally failed e-mails (addresses, links) are deleted after this many days."""
    return getattr(settings, "OUTGOING_EMAIL_KEEP_DAYS", 30)


def retry_delay(attempts):
    """After the n-th failed attempt: 1, 2, 4, 8 … minutes, at most 6 hours."""
    return growing_delay(attempts, FIRST_RETRY, LONGEST_RETRY)


# -- the retry rules, shared with senders that keep their own records (the consultation desk) --
# Each sender keeps its own limits; these functions are the one place for the rules themselves.
def growing_delay(attempts, first, longest):
    """The wait after the n-th failed attempt: `first`, doubled after each further failure,
    never more than `longest`. Doubling backs off from a mail server that is down without
    hammering it, while the cap keeps an e-mail from waiting days once it is back up."""
    delay = first
    for _ in range(max(attempts, 1) - 1):
        if delay >= longest:
            break  # doubling on would only overflow timedelta for a long series
        delay *= 2
    return min(delay, longest)


def claim_attempt(row, max_attempts, delay, now=None):
    """Take the next attempt of a stored e-mail (a model row with sent_at, attempts and
    next_attempt_at) for this process only. A conditional UPDATE on the attempt counter: of
    two processes holding the same row (the worker and cron, two cron runs, a stale copy), at
    most one succeeds, so the same e-mail is never sent twice. On success the attempt is
    counted and the next one already scheduled, `delay(attempts)` from now, so that while it
    runs nobody else considers the row due; the in-memory row is updated to match. False when
    it was sent, had no attempts left, or another process claimed or sent it first."""
    if row.sent_at or row.attempts >= max_attempts:
        return False
    now = now or timezone.now()
    claimed = (
        type(row)
        ._default_manager.filter(
            pk=row.pk,
            sent_at__isnull=True,
            attempts=row.attempts,
            attempts__lt=max_attempts,
        )
        .update(attempts=row.attempts + 1, next_attempt_at=now + delay(row.attempts + 1))
    )
    if claimed != 1:
        return False
    row.attempts += 1
    row.next_attempt_at = now + delay(row.attempts)
    return True


def due_attempts_q(max_attempts, grace, now=None):
    """Stored e-mails to try now: unsent, attempts left, and either due after a failure or
    never attempted for `grace` (the task queue was down, or the worker has not got to it;
    the grace leaves the worker its chance first, so cron does not race it for fresh rows)."""
    now = now or timezone.now()
    return Q(sent_at__isnull=True, attempts__lt=max_attempts) & (
        Q(next_attempt_at__lte=now)
        | Q(next_attempt_at__isnull=True, attempts=0, created_at__lte=now - grace)
    )


# -- the real transport ---------------------------------------------------------------------
def transport_backend():
    """The backend that talks to the mail server: EMAIL_TRANSPORT_BACKEND when the site's
    EMAIL_BACKEND is the queue, else EMAIL_BACKEND itself (the test runner's locmem, say)."""
    backend = settings.EMAIL_BACKEND
    if backend == QUEUED_BACKEND:
        backend = getattr(
            settings, "EMAIL_TRANSPORT_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
        )
    if backend == QUEUED_BACKEND:
        raise ImproperlyConfigured("EMAIL_TRANSPORT_BACKEND cannot be the queue itself.")
    return backend


def transport_connection(**kwargs):
    """A connection to the mail server itself, for senders that keep their own delivery
    records and retries (the consultation desk): through the queue they would be queued twice."""
    return get_connection(backend=transport_backend(), **kwargs)


# -- storing --------------------------------------------------------------------------------
def _text(value):
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _attachment_data(attachment):
    if not isinstance(attachment, tuple):  # a MIMEBase part, kept as its bytes
        return {"mime": base64.b64encode(attachment.as_bytes()).decode("ascii")}
    filename, content, mimetype = attachment
    if isinstance(content, bytes):
        return {
            "filename": filename,
            "mimetype": mimetype,
            "content": base64.b64encode(content).decode("ascii"),
            "base64": True,
        }
    return {"filename": filename, "mimetype": mimetype, "content": content, "base64": False}


def store_message(message):
    """An EmailMessage as an OutgoingEmail row (JSON only), due at once."""
    from core.models import OutgoingEmail

    return OutgoingEmail.objects.create(
        subject=_text(message.subject),
        body=_text(message.body),
        content_subtype=message.content_subtype,
        from_email=_text(message.from_email or settings.DEFAULT_FROM_EMAIL),
        to=[_text(a) for a in message.to],
        cc=[_text(a) for a in message.cc],
        bcc=[_text(a) for a in message.bcc],
        reply_to=[_text(a) for a in message.reply_to],
        headers={_text(k): _text(v) for k, v in (message.extra_headers or {}).items()},
        alternatives=[
            [_text(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        attachments=[_attachment_data(a) for a in message.attachments],
    )


def build_message(outgoing):
    """The stored row as a real EmailMultiAlternatives, ready for the transport."""
    message = EmailMultiAlternatives(
        subject=outgoing.subject,
        body=outgoing.body,
        from_email=outgoing.from_email or None,
        to=outgoing.to,
        cc=outgoing.cc,
        bcc=outgoing.bcc,
        reply_to=outgoing.reply_to,
        headers=outgoing.headers,
    )
    message.content_subtype = outgoing.content_subtype
    for content, mimetype in outgoing.alternatives:
        message.attach_alternative(content, mimetype)
    for item in outgoing.attachments:
        if "mime" in item:
            message.attach(email_parser.message_from_bytes(base64.b64decode(item["mime"])))
            continue
        content = base64.b64decode(item["content"]) if item.get("base64") else item["content"]
        message.attach(item["filename"], content, item["mimetype"])
    return message


def enqueue(outgoing_id):
    from core.tasks import send_outgoing_email

    try:
        send_outgoing_email.enqueue(outgoing_id)
    except Exception:  # noqa: BLE001 - a broken queue must not lose the e-mail: cron sends it
        logger.exception("Queueing e-mail %s failed", outgoing_id)


class QueuedEmailBackend(BaseEmailBackend):
    """Stores each message and leaves the sending to the task worker. Raises only when the
    database cannot store it (then nothing was promised to anyone)."""

    def send_messages(self, email_messages):
        rows = [store_message(message) for message in email_messages]
        for row in rows:
            enqueue(row.pk)
        return len(rows)


# -- sending --------------------------------------------------------------------------------
def claim(outgoing, now=None):
    """Take the next attempt of an e-mail for this process only (claim_attempt): the cron
    command and the worker never send the same e-mail twice."""
    return claim_attempt(outgoing, max_attempts(), retry_delay, now)


def scrub(text, addresses):
    """An error message without the recipients' addresses (SMTPRecipientsRefused names them)."""
    for address in addresses:
        if address:
            text = re.sub(re.escape(address), "<recipient>", text, flags=re.IGNORECASE)
    return text


def send_now(outgoing):
    """Try once. True: sent; False: failed (kept, retried after retry_delay, or finally failed
    after max_attempts); None: another process claimed this attempt, or it is done."""
    if not claim(outgoing):
        return None
    try:
        message = build_message(outgoing)
        message.connection = transport_connection()
        message.send()
    except Exception as error:  # noqa: BLE001 - any mail failure leaves the e-mail stored
        # The recipient's address stays out of the log and of the stored error.
        logger.warning(
            "Sending e-mail %s failed (attempt %s): %s",
            outgoing.pk,
            outgoing.attempts,
            type(error).__name__,
        )
        detail = scrub(str(error), outgoing.recipients)
        outgoing.last_error = f"{type(error).__name__}: {detail}"[:1000]
        if outgoing.attempts >= max_attempts():
            logger.error("E-mail %s could not be sent: gave up", outgoing.pk)
            outgoing.next_attempt_at = None
        else:
            outgoing.next_attempt_at = timezone.now() + retry_delay(outgoing.attempts)
        outgoing.save(update_fields=["last_error", "next_attempt_at"])
        return False
    # Sent: the content (links, login codes) is not kept; the row goes after keep_days().
    outgoing.sent_at = timezone.now()
    outgoing.last_error = ""
    outgoing.next_attempt_at = None
    outgoing.body = ""
    outgoing.alternatives = []
    outgoing.attachments = []
    outgoing.save(
        update_fields=[
            "sent_at",
            "last_error",
            "next_attempt_at",
            "body",
            "alternatives",
            "attachments",
        ]
    )
    return True


def due_q(now=None):
    """Unsent, attempts left, and either due after a failure or never attempted for a minute
    (the queue was down, or the worker has not got to it)."""
    return due_attempts_q(max_attempts(), NEVER_ATTEMPTED_GRACE, now)


def failed_q():
    return Q(sent_at__isnull=True, attempts__gte=max_attempts())


def send_due(now=None):
    """What cron runs every minute: send every due e-mail once. Returns (sent, failed)."""
    from core.models import OutgoingEmail

    sent = failed = 0
    for outgoing in OutgoingEmail.objects.filter(due_q(now)).order_by("pk").iterator():
        result = send_now(outgoing)
        if result is True:
            sent += 1
        elif result is False:
            failed += 1
    return sent, failed


def delete_old(now=None):
    """Personal data short-lived: sent e-mails, and those that finally failed, go after
    keep_days()."""
    from core.models import OutgoingEmail

    limit = (now or timezone.now()) - timedelta(days=keep_days())
    deleted, _ = OutgoingEmail.objects.filter(
        Q(sent_at__lt=limit) | (failed_q() & Q(created_at__lt=limit))
    ).delete()
    return deleted


def send_again(outgoing_id):
    """A staff member sends a finally failed e-mail again: a fresh series of attempts.
    False when it was not a failed one (sent meanwhile, or still being retried)."""
    from core.models import OutgoingEmail

    reset = OutgoingEmail.objects.filter(failed_q(), pk=outgoing_id).update(
        attempts=0, next_attempt_at=None, created_at=timezone.now()
    )
    if reset != 1:
        return False
    enqueue(outgoing_id)
    return True


# -- e-mails other apps keep themselves ----------------------------------------------------
# The consultation desk keeps its e-mails with each consultation (and retries them itself). So
# that staff see every e-mail that finally failed in one place, such an app registers a function
# that returns its finally failed ones as OtherFailedEmail rows (core imports no app).
@dataclasses.dataclass(frozen=True)
class OtherFailedEmail:
    created_at: object
    recipient: str
    description: str
    attempts: int
    last_error: str
    url: str  # where staff deal with it (the consultation in the inbox)


FAILED_EMAIL_SOURCES = []


def register_failed_email_source(source):
    if source not in FAILED_EMAIL_SOURCES:
        FAILED_EMAIL_SOURCES.append(source)
    return source


def other_failed_emails(limit):
    rows = [row for source in FAILED_EMAIL_SOURCES for row in source(limit)]
    return sorted(rows, key=lambda row: row.created_at, reverse=True)[:limit]
