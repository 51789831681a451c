"""The desk's rules: reference numbers, submissions, replies, statuses, e-mail deliveries,
signed thread links and retention (the figures are in reports). Views, the admin and
commands all call these."""

import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from consultations import working_days
from consultations.models import (
    OPEN_STATUSES,
    Attachment,
    Channel,
    Consultation,
    ConsultationTopic,
    Delivery,
    Message,
    PlaceKind,
    ReferenceCounter,
    StaffViewLog,
    Status,
)
from core import japan_time
from core.mail import (
    claim_attempt,
    due_attempts_q,
    growing_delay,
    scrub,
    transport_connection,
)
from core.roles import CONSULTATION_STAFF

logger = logging.getLogger(__name__)
THREAD_SALT = "consultations.thread"
SUBMISSION_SALT = "consultations.submission"
MAX_DELIVERY_ATTEMPTS = 10


def link_max_age_days():
    return getattr(settings, "CONSULTATION_LINK_MAX_AGE_DAYS", 90)


def response_days():
    """The working days the desk promises to answer within (consultations.working_days)."""
    return working_days.answer_working_days()


def retention_days():
    return getattr(settings, "CONSULTATION_RETENTION_DAYS", 365)


# -- reference numbers ----------------------------------------------------------------------
def allocate_reference(when=None):
    """C-<year>-<5 digits>, the year in Japan time. Must run inside a transaction: the year's
    counter row stays locked until it commits, so concurrent submissions wait in turn
    (PostgreSQL: SELECT … FOR UPDATE; SQLite: IMMEDIATE transactions lock the database)."""
    year = japan_time.japan_date(when or timezone.now()).year
    ReferenceCounter.objects.get_or_create(year=year)
    counter = ReferenceCounter.objects.select_for_update().get(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"C-{year}-{counter.last_number:05d}"


# -- submissions ----------------------------------------------------------------------------
def new_submission_token():
    """A signed one-time token carried by the confirmation form (double click, reload)."""
    return signing.dumps(secrets.token_hex(16), salt=SUBMISSION_SALT)


def read_submission_token(token, max_age=24 * 60 * 60):
    """The token's one-time key (what Consultation.submission_token stores), or None."""
    try:
        return signing.loads(token or "", salt=SUBMISSION_SALT, max_age=max_age)
    except signing.BadSignature:
        return None


def submit_consultation(data, *, user=None, language="ja", token=None, privacy_version=""):
    """Store a consultation from the public form; the same key gives the same consultation.

    `token` is the one-time key of the confirmation form (read_submission_token).

    Returns (consultation, created). E-mails are queued after the transaction: a failing
    mail server never loses the consultation."""
    if token:
        existing = Consultation.objects.filter(submission_token=token).first()
        if existing:
            return existing, False
    now = timezone.now()
    try:
        with transaction.atomic():
            consultation = Consultation.objects.create(
                reference=allocate_reference(now),
                user=user if user is not None and user.is_authenticated else None,
                name=data["name"],
                email=data["email"],
                phone=data.get("phone", ""),
                residence_prefecture=data.get("residence_prefecture", ""),
                topics=Consultation.join_topics(data["topics"]),
                message=data["message"],
                preferred_reply=data.get("preferred_reply", ""),
                preferred_dates=data.get("preferred_dates", ""),
                channel=Channel.WEB,
                place_kind=PlaceKind.DESK,
                language=language,
                created_at=now,
                consent_at=now,
                privacy_policy_version=privacy_version,
                submission_token=token or None,
            )
            Message.objects.create(
                consultation=consultation, kind=Message.Kind.PERSON, body=data["message"]
            )
            deliveries = [
                _delivery(consultation, Delivery.Kind.ACKNOWLEDGEMENT, consultation.email),
                *_staff_notices(consultation),
            ]
    except IntegrityError:
        # The same token sent twice at the same moment: the other request stored it.
        existing = Consultation.objects.filter(submission_token=token).first() if token else None
        if existing is None:
            raise
        return existing, False
    send_deliveries(deliveries)
    return consultation, True


def create_manual_consultation(data, *, staff_user):
    """A consultation taken by phone, in person or at an event, entered by the staff."""
    received = data.get("created_at") or timezone.now()
    with transaction.atomic():
        consultation = Consultation.objects.create(
            reference=allocate_reference(received),
            name=data.get("name", ""),
            email=data.get("email", ""),
            phone=data.get("phone", ""),
            residence_prefecture=data.get("residence_prefecture", ""),
            topics=Consultation.join_topics(data["topics"]),
            message=data["message"],
            preferred_reply=data.get("preferred_reply", ""),
            channel=data["channel"],
            place_kind=data["place_kind"],
            place_name=data.get("place_name", ""),
            status=data.get("status") or Status.IN_PROGRESS,
            assignee=data.get("assignee") or staff_user,
            language=data.get("language") or "ja",
            created_at=received,
            # Taken by a person at the desk: answered on the spot.
            first_response_at=received,
        )
        if consultation.status == Status.CLOSED:
            consultation.closed_at = timezone.now()
            consultation.save(update_fields=["closed_at"])
        # The person's words as the staff wrote them down: the author is the staff member,
        # and the person's thread says "recorded by the desk".
        Message.objects.create(
            consultation=consultation,
            kind=Message.Kind.PERSON,
            author=staff_user,
            body=data["message"],
            created_at=received,
        )
        log_staff_action(staff_user, consultation, StaffViewLog.Action.CREATE)
    return consultation


def _delivery(consultation, kind, recipient, message=None):
    return Delivery.objects.create(
        consultation=consultation, kind=kind, recipient=recipient, message=message
    )


def staff_recipients():
    from django.contrib.auth import get_user_model

    return list(
        get_user_model()
        .objects.filter(groups__name=CONSULTATION_STAFF, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


def _staff_notices(consultation):
    """To every active member of the Consultation staff group; without any, to the desk's
    address in the site settings, so that no consultation goes unnoticed."""
    recipients = staff_recipients()
    if not recipients:
        from home.models import SiteSettings

        settings_row = SiteSettings.objects.exclude(contact_email="").first()
        recipients = [settings_row.contact_email] if settings_row else []
    return [_delivery(consultation, Delivery.Kind.STAFF_NOTICE, email) for email in recipients]


# -- staff work -----------------------------------------------------------------------------
def ensure_changeable(consultation):
    """An anonymized consultation cannot change: its person is erased and the row is kept
    only for the figures, so no reply, note, answer or new status may bring personal data
    back. Raises ValidationError with the message the staff read."""
    if consultation.anonymized_at:
        raise ValidationError(_("This consultation has been anonymized."), code="anonymized")


def log_staff_action(user, consultation, action, detail=""):
    return StaffViewLog.objects.create(
        user=user, consultation=consultation, action=action, detail=detail[:200]
    )


def reply_to_person(consultation, body, *, staff_user, files=()):
    """A staff reply: kept in the thread, e-mailed to the person with the thread link.

    A reply needs the person's e-mail address (one taken by phone without it is answered by
    phone, then moved on with update_consultation): raises ValidationError without it, as for
    an anonymized consultation (ensure_changeable)."""
    ensure_changeable(consultation)
    if not consultation.email:
        raise ValidationError(_("This person has no e-mail address."), code="no_email")
    now = timezone.now()
    with transaction.atomic():
        message = Message.objects.create(
            consultation=consultation, kind=Message.Kind.REPLY, author=staff_user, body=body
        )
        _attach(message, files)
        fields = ["status", "closed_at"]
        if consultation.assignee_id is None:  # whoever answers first takes it
            consultation.assignee = staff_user
            fields.append("assignee")
        if consultation.first_response_at is None:
            consultation.first_response_at = now
            fields.append("first_response_at")
        old_status = Status(consultation.status)
        if old_status != Status.WAITING:
            # A reply reopens a resolved or closed consultation the allowed way: back in
            # progress, then waiting for the person.
            path = [Status.WAITING]
            if Status.WAITING not in ALLOWED_TRANSITIONS[old_status]:
                path.insert(0, Status.IN_PROGRESS)
            step = old_status
            for target in path:
                if target not in ALLOWED_TRANSITIONS[step]:  # pragma: no cover - a rule change
                    raise ValueError(f"{step} → {target}")
                step = target
        consultation.status = Status.WAITING
        consultation.closed_at = None
        consultation.save(update_fields=fields)
        detail = f"status={old_status.value}→waiting" if old_status != Status.WAITING else ""
        log_staff_action(staff_user, consultation, StaffViewLog.Action.REPLY, detail=detail)
        delivery = _delivery(consultation, Delivery.Kind.REPLY, consultation.email, message)
    send_deliveries([delivery])
    return message


def add_note(consultation, body, *, staff_user, files=()):
    ensure_changeable(consultation)
    with transaction.atomic():
        message = Message.objects.create(
            consultation=consultation, kind=Message.Kind.NOTE, author=staff_user, body=body
        )
        _attach(message, files)
        log_staff_action(staff_user, consultation, StaffViewLog.Action.NOTE)
    return message


ALLOWED_TRANSITIONS = {
    Status.NEW: {Status.IN_PROGRESS, Status.WAITING, Status.RESOLVED, Status.CLOSED},
    Status.IN_PROGRESS: {Status.WAITING, Status.RESOLVED, Status.CLOSED},
    Status.WAITING: {Status.IN_PROGRESS, Status.RESOLVED, Status.CLOSED},
    Status.RESOLVED: {Status.IN_PROGRESS, Status.CLOSED},
    Status.CLOSED: {Status.IN_PROGRESS},
}


# Moving a consultation to one of these means the desk has answered (by phone, online …).
ANSWERED_STATUSES = (Status.WAITING, Status.RESOLVED, Status.CLOSED)
# Only these wait for a first response; phone, in-person and event consultations are
# answered on the spot, so they stay out of the first-response figures.
RESPONSE_CHANNELS = (Channel.WEB, Channel.EMAIL)


def update_consultation(consultation, *, staff_user, status=None, assignee=False):
    """Change status and/or assignee (assignee=False: unchanged, None: nobody). Raises
    ValueError for a move the desk's workflow does not allow (ALLOWED_TRANSITIONS)."""
    ensure_changeable(consultation)
    changes = []
    if status and status != consultation.status:
        if status not in ALLOWED_TRANSITIONS[Status(consultation.status)]:
            raise ValueError(
                _("A consultation cannot go from “%(old)s” to “%(new)s”.")
                % {"old": consultation.get_status_display(), "new": Status(status).label}
            )
        consultation.status = status
        consultation.closed_at = timezone.now() if status == Status.CLOSED else None
        if consultation.first_response_at is None and status in ANSWERED_STATUSES:
            # Answered by phone or in an online meeting: the desk has responded.
            consultation.first_response_at = timezone.now()
        changes.append(f"status={status}")
    if assignee is not False and assignee != consultation.assignee:
        consultation.assignee = assignee
        changes.append(f"assignee={assignee.pk if assignee else ''}")
    if changes:
        consultation.save(update_fields=["status", "closed_at", "assignee", "first_response_at"])
        log_staff_action(
            staff_user, consultation, StaffViewLog.Action.UPDATE, detail=", ".join(changes)
        )
    return consultation


def person_reply(consultation, body, files=()):
    """The person answers on their thread: kept, reopens a waiting/resolved/closed item,
    and tells the staff (a link only)."""
    ensure_changeable(consultation)
    with transaction.atomic():
        message = Message.objects.create(
            consultation=consultation, kind=Message.Kind.PERSON, body=body
        )
        _attach(message, files)
        if consultation.status in (Status.WAITING, Status.RESOLVED, Status.CLOSED):
            consultation.status = Status.IN_PROGRESS
            consultation.closed_at = None
            consultation.save(update_fields=["status", "closed_at"])
        deliveries = _staff_notices(consultation)
    send_deliveries(deliveries)
    return message


def _attach(message, files):
    for upload in files or ():
        Attachment.objects.create(
            message=message,
            file=upload,
            original_name=upload.name[:200],
            size=upload.size,
            content_type=getattr(upload, "content_type", "") or "",
        )


# -- filters for the inbox ------------------------------------------------------------------
def overdue_q(now=None):
    """Still open with no first response after its due date: the date the page and the
    acknowledgement promised (working_days.answer_due_date: weekends, national holidays and
    the desk's closed days not counted)."""
    limit = working_days.overdue_received_before(now)
    return Q(first_response_at__isnull=True, created_at__lt=limit, status__in=OPEN_STATUSES)


def filter_consultations(
    queryset,
    *,
    status="",
    topic="",
    channel="",
    assignee="",
    date_from=None,
    date_to=None,
    overdue=False,
    reference="",
):
    if reference:  # people on the phone give the number from their e-mail
        queryset = queryset.filter(reference__icontains=reference.strip())
    if status:
        queryset = queryset.filter(status=status)
    if topic:
        queryset = queryset.filter(topics__contains=f"|{topic}|")
    if channel:
        queryset = queryset.filter(channel=channel)
    if assignee == "none":
        queryset = queryset.filter(assignee__isnull=True)
    elif assignee:
        queryset = queryset.filter(assignee_id=assignee)
    if date_from:
        queryset = queryset.filter(created_at__date__gte=date_from)
    if date_to:
        queryset = queryset.filter(created_at__date__lte=date_to)
    if overdue:
        queryset = queryset.filter(overdue_q())
    return queryset


def consultations_for_user(user):
    """A member's own consultations, newest first, for My page."""
    if not getattr(user, "is_authenticated", False):
        return Consultation.objects.none()
    return Consultation.objects.filter(user=user, anonymized_at__isnull=True).order_by(
        "-created_at"
    )


# -- the person's thread link ---------------------------------------------------------------
def thread_token(consultation):
    return signing.dumps({"c": consultation.pk, "r": consultation.reference}, salt=THREAD_SALT)


def consultation_from_token(token):
    """The consultation of a valid, unexpired link, or None."""
    try:
        data = signing.loads(token, salt=THREAD_SALT, max_age=timedelta(days=link_max_age_days()))
    except signing.BadSignature:
        return None
    return Consultation.objects.filter(
        pk=data.get("c"), reference=data.get("r"), anonymized_at__isnull=True
    ).first()


def thread_url(consultation, language=None):
    with translation.override(language or consultation.language):
        path = reverse("consultations:thread", args=[thread_token(consultation)])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# -- e-mail ---------------------------------------------------------------------------------
def safe_subject(text):
    """One line: a name or title with CR/LF cannot add headers."""
    return " ".join(str(text).split())[:150]


def _site_name():
    from home.models import SiteIdentity

    identity = SiteIdentity.for_active_locale()
    return identity.site_name if identity else settings.WAGTAIL_SITE_NAME


def staff_language(email):
    """The admin language a staff member chose in their account, else Japanese (also for the
    desk's shared address, which has no account)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.objects.filter(user__email__iexact=email).first()
    return (profile.preferred_language if profile else "") or settings.LANGUAGE_CODE


def build_email(delivery):
    consultation = delivery.consultation
    if delivery.kind == Delivery.Kind.STAFF_NOTICE:
        language = staff_language(delivery.recipient)
        template = "staff_notice"
    else:
        language = consultation.language
        template = "acknowledgement" if delivery.kind == Delivery.Kind.ACKNOWLEDGEMENT else "reply"
    with translation.override(language):
        context = {
            "consultation": consultation,
            "site_name": _site_name(),
            "reply": delivery.message,
        }
        if delivery.kind == Delivery.Kind.STAFF_NOTICE:
            context["inbox_url"] = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
                "consultations_admin:detail", args=[consultation.pk]
            )
            subject = _("[%(site)s] A consultation needs attention (%(reference)s)")
        else:
            context["thread_url"] = thread_url(consultation, language)
            context["link_days"] = link_max_age_days()
            # The page's promise, the same setting and calendar (consultations.working_days).
            context["response_days"] = response_days()
            if delivery.kind == Delivery.Kind.ACKNOWLEDGEMENT:
                subject = _("[%(site)s] We have received your consultation (%(reference)s)")
            else:
                subject = _("[%(site)s] A reply to your consultation (%(reference)s)")
        subject = safe_subject(
            subject % {"site": context["site_name"], "reference": consultation.reference}
        )
        text = render_to_string(f"consultations/emails/{template}.txt", context)
        html = render_to_string(f"consultations/emails/{template}.html", context)
    reply_to = []
    if delivery.kind != Delivery.Kind.STAFF_NOTICE:
        from home.models import SiteSettings

        desk = SiteSettings.objects.exclude(contact_email="").first()
        reply_to = [desk.contact_email] if desk else []  # a reply by e-mail reaches the desk
    email = EmailMultiAlternatives(subject, text, to=[delivery.recipient], reply_to=reply_to)
    email.attach_alternative(html, "text/html")
    return email


# The desk's own limits for the retry rules it shares with the site's mail queue (core.mail).
FIRST_RETRY = timedelta(minutes=5)
LONGEST_RETRY = timedelta(days=1)


def retry_delay(attempts):
    """5, 10, 20, 40 … minutes after the n-th failed attempt, at most a day."""
    return growing_delay(attempts, FIRST_RETRY, LONGEST_RETRY)


def claim_delivery(delivery, now=None):
    """Take the next attempt of a delivery for this process only (core.mail.claim_attempt):
    the cron command and the worker (or two cron runs) never send the same e-mail twice.
    False when it was sent, has no attempts left, or another process claimed it first."""
    return claim_attempt(delivery, MAX_DELIVERY_ATTEMPTS, retry_delay, now)


def deliver(delivery):
    """Try once. True: sent; False: failed (kept, retried after retry_delay); None: another
    process claimed this attempt or the e-mail was already sent."""
    if not claim_delivery(delivery):
        return None
    try:
        email = build_email(delivery)
        # Straight to the mail server: this Delivery is the desk's own queue and retry.
        email.connection = transport_connection()
        email.send()
    except Exception as error:  # noqa: BLE001 - any mail failure must leave the data stored
        # The recipient's address stays out of the log and of the stored error.
        logger.error("Sending consultation e-mail %s failed: %s", delivery.pk, type(error).__name__)
        # e.g. SMTPRecipientsRefused names the address, in whatever case the server wrote it.
        detail = scrub(str(error), [delivery.recipient])
        delivery.last_error = f"{type(error).__name__}: {detail}"[:1000]
        delivery.next_attempt_at = timezone.now() + retry_delay(delivery.attempts)
        delivery.save(update_fields=["last_error", "next_attempt_at"])
        return False
    delivery.sent_at = timezone.now()
    delivery.last_error = ""
    delivery.next_attempt_at = None
    delivery.save(update_fields=["sent_at", "last_error", "next_attempt_at"])
    return True


def send_deliveries(deliveries):
    from consultations.tasks import send_consultation_email

    for delivery in deliveries:
        try:
            send_consultation_email.enqueue(delivery.pk)
        except Exception:  # noqa: BLE001 - a broken queue must not lose the consultation
            logger.exception("Queueing consultation e-mail %s failed", delivery.pk)


NEVER_ATTEMPTED_GRACE = timedelta(minutes=5)


def due_deliveries_q(now=None, max_attempts=MAX_DELIVERY_ATTEMPTS):
    """Unsent, attempts left, and either due after a failure or never attempted for 5
    minutes (the queue was down or the worker has not got to it)."""
    return due_attempts_q(max_attempts, NEVER_ATTEMPTED_GRACE, now)


def finally_failed_deliveries(limit):
    """The desk's e-mails that used up their attempts, for the staff list of unsent e-mails
    (core.mail.other_failed_emails): what, to whom, and the consultation to act on."""
    from core.mail import OtherFailedEmail

    deliveries = (
        Delivery.objects.filter(sent_at__isnull=True, attempts__gte=MAX_DELIVERY_ATTEMPTS)
        .select_related("consultation")
        .order_by("-created_at")[:limit]
    )
    return [
        OtherFailedEmail(
            created_at=delivery.created_at,
            recipient=delivery.recipient,
            description=f"{delivery.get_kind_display()} ({delivery.consultation.reference})",
            attempts=delivery.attempts,
            last_error=delivery.last_error,
            url=reverse("consultations_admin:detail", args=[delivery.consultation_id]),
        )
        for delivery in deliveries
    ]


def retry_failed_deliveries(max_attempts=MAX_DELIVERY_ATTEMPTS, now=None):
    pending = Delivery.objects.filter(due_deliveries_q(now, max_attempts))
    pending = pending.exclude(recipient="").select_related("consultation", "message")
    sent = failed = 0
    for delivery in pending.order_by("pk"):
        if delivery.consultation.anonymized_at:
            continue
        result = deliver(delivery)
        if result is True:
            sent += 1
        elif result is False:
            failed += 1
    return sent, failed


# -- topics as rows, for reports that GROUP BY them ----------------------------------------
def consultation_topic_rows(consultations):
    """The ConsultationTopic rows that mirror these saved consultations' topics, unsaved. A
    bulk loader passes them to bulk_create: bulk_create sends no post_save."""
    rows = []
    for consultation in consultations:
        if consultation.pk is None:
            raise ValueError("Save the consultations first: their topic rows need the key.")
        rows.extend(
            ConsultationTopic(consultation_id=consultation.pk, code=code)
            for code in dict.fromkeys(consultation.topic_codes)
        )
    return rows


def sync_consultation_topics(consultation, created=False):
    """Make the consultation's ConsultationTopic rows equal its topics (post_save calls this)."""
    wanted = {row.code: row for row in consultation_topic_rows([consultation])}
    with transaction.atomic():
        existing = set()
        if not created:
            existing = set(consultation.topic_rows.values_list("code", flat=True))
            stale = existing - wanted.keys()
            if stale:
                consultation.topic_rows.filter(code__in=stale).delete()
        missing = [row for code, row in wanted.items() if code not in existing]
        # ignore_conflicts: two saves of one consultation at the same moment add the same rows.
        ConsultationTopic.objects.bulk_create(missing, ignore_conflicts=True)


# -- retention ------------------------------------------------------------------------------
ANONYMIZED = "—"


def anonymize_closed(now=None):
    """Erase the personal data of consultations closed more than CONSULTATION_RETENTION_DAYS
    ago; the row (reference, dates, channel, topics, place) stays, so the figures hold."""
    limit = (now or timezone.now()) - timedelta(days=retention_days())
    due = Consultation.objects.filter(
        status=Status.CLOSED, closed_at__lt=limit, anonymized_at__isnull=True
    )
    count = 0
    for consultation in due:
        anonymize_consultation(consultation, now)
        count += 1
    return count


def anonymize_consultation(consultation, now=None):
    """Erase one consultation's personal data (name, contact, messages, attachments, pending
    e-mails' addresses); the row stays for the figures. Runs in its own transaction, or in
    the caller's (account deletion)."""
    with transaction.atomic():
        for attachment in Attachment.objects.filter(message__consultation=consultation):
            # The file goes once the erasure is committed (a rollback keeps both).
            storage, name = attachment.file.storage, attachment.file.name
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
            attachment.delete()
        consultation.messages.update(body=ANONYMIZED)
        consultation.deliveries.update(recipient="", last_error="")
        # Attachment names in the staff log can be personal too.
        consultation.view_logs.filter(action=StaffViewLog.Action.ATTACHMENT).update(detail="")
        consultation.name = ""
        consultation.email = ""
        consultation.phone = ""
        consultation.message = ANONYMIZED
        consultation.preferred_dates = ""
        consultation.user = None
        consultation.submission_token = None
        consultation.anonymized_at = now or timezone.now()
        consultation.save()
    return consultation


# -- members: data download and account deletion (members.signals) ------------------------
def member_consultations_data(sender=None, user=None, **kwargs):
    """The member's consultations for their data download: what they wrote and what the
    desk replied; the staff's internal notes are not part of it."""
    consultations = (
        Consultation.objects.filter(user=user, anonymized_at__isnull=True)
        .order_by("created_at", "pk")
        .prefetch_related("messages__attachments")
    )
    return {
        "consultations": [
            {
                "reference": c.reference,
                "received": japan_time.isoformat_japan(c.created_at),
                "first_response": japan_time.isoformat_japan(c.first_response_at),
                "closed": japan_time.isoformat_japan(c.closed_at),
                "status": str(c.person_status_label),
                "topics": [str(label) for label in c.topic_labels],
                "channel": str(c.get_channel_display()),
                "name": c.name,
                "email": c.email,
                "phone": c.phone,
                "preferred_reply": str(c.get_preferred_reply_display()),
                "preferred_dates": c.preferred_dates,
                "messages": [
                    {
                        "date": japan_time.isoformat_japan(m.created_at),
                        "from": _message_source(m),
                        "message": m.body,
                        "attachments": [a.original_name for a in m.attachments.all()],
                    }
                    for m in c.messages.all()
                    if m.kind != Message.Kind.NOTE
                ],
            }
            for c in consultations
        ]
    }


def _message_source(message):
    if message.kind == Message.Kind.REPLY:
        return "desk"
    return "you, recorded by the desk" if message.author_id else "you"


def erase_member_consultations(sender=None, user=None, **kwargs):
    """Account deletion: the member's consultations keep their counts, lose the person.
    Open ones are closed: nobody is left to answer."""
    now = timezone.now()
    for consultation in Consultation.objects.filter(user=user, anonymized_at__isnull=True):
        if consultation.status != Status.CLOSED:
            consultation.status = Status.CLOSED
            consultation.closed_at = now
        anonymize_consultation(consultation, now)
