"""The consultation desk: consultations, their thread, attachments, deliveries and the
log of staff views. Personal data lives in Consultation, Message and Attachment only, so that
anonymization (services.anonymize_closed) knows where to erase."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from consultations.storage import private_storage
from core import japan_time
from home.blocks import BaseStreamBlock
from home.models.base import BasePage


class Topic(models.TextChoices):
    TWO_REGION = "two_region", _("Two-region living")
    HOUSING = "housing", _("Housing and vacant houses")
    WORK = "work", _("Work, jobs and business")
    CHILDCARE = "childcare", _("Childcare and schools")
    MEDICAL = "medical", _("Medical care and welfare")
    TRANSPORT = "transport", _("Transport")
    WORKCATION = "workcation", _("Workcation and coworking")
    FURUSATO = "furusato", _("Furusato resident registration")
    ENTRY_PASS = "entry_pass", _("Entry Pass")
    SUPPORT = "support", _("Migration support and subsidies")
    OTHER = "other", _("Other")


class Channel(models.TextChoices):
    """The channels 総務省 counts: in person, phone, e-mail, web. Where it happened (the desk
    or an event) is PlaceKind, counted separately: a talk at a fair is in person + event."""

    WEB = "web", _("Web form")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
    IN_PERSON = "in_person", _("In person")


class PlaceKind(models.TextChoices):
    DESK = "desk", _("Desk")
    EVENT = "event", _("Event")


class Status(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING = "waiting", _("Waiting for the person")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS, Status.WAITING)

# What the person sees of a status on their thread and My page: never the desk's own words
# ("Waiting for the person" is the staff's to-do list, not a message to the person).
# (The context is written out in each call: xgettext extracts literal contexts only.)
PERSON_STATUS_LABELS = {
    Status.NEW: pgettext_lazy("consultation status shown to the person", "Received"),
    Status.IN_PROGRESS: pgettext_lazy(
        "consultation status shown to the person", "Preparing our answer"
    ),
    Status.WAITING: pgettext_lazy("consultation status shown to the person", "Answered"),
    Status.RESOLVED: pgettext_lazy("consultation status shown to the person", "Resolved"),
    Status.CLOSED: pgettext_lazy("consultation status shown to the person", "Closed"),
}
PERSON_STATUS_NOTES = {
    # %(date)s: the promised answer date (working_days.answer_due_date).
    Status.NEW: _("We have received your consultation and will answer by %(date)s."),
    Status.IN_PROGRESS: _("We are preparing our answer."),
    Status.WAITING: _("We have replied; please answer below if you have more questions."),
    Status.RESOLVED: _(
        "We have answered your consultation. If you have another question, write to us below."
    ),
    Status.CLOSED: _("This consultation is closed. If you write to us below, we will reopen it."),
}
AWAITING_FIRST_ANSWER_NOTE = _("We are preparing our answer and will send it by %(date)s.")
# The promised date has passed without an answer: never a promise for a day already gone.
LATE_FIRST_ANSWER_NOTE = _(
    "We are sorry to keep you waiting. We are preparing our answer and will send it as soon as "
    "we can."
)


class PreferredReply(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
    ONLINE = "online", _("Online meeting (Zoom)")


class ConsultationPage(BasePage):
    """The public page of the desk: the editors' introduction, the contact details from the
    site settings, and the form with its confirmation step (consultations.views.page_form)."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    thank_you_text = models.TextField(
        _("thank-you text"),
        blank=True,
        help_text=_("Shown with the reference number after the form has been sent."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("thank_you_text"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    text_fields = ("intro", "body")

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "consultations/consultation_page.html"

    class Meta:
        verbose_name = _("consultation page")
        verbose_name_plural = _("consultation pages")

    def serve(self, request, *args, **kwargs):
        from consultations.views import serve_consultation_page

        return serve_consultation_page(self, request)


class ReferenceCounter(models.Model):
    """One row per year, locked while the next reference number is taken."""

    year = models.PositiveIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("reference counter")

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class Consultation(models.Model):
    reference = models.CharField(_("reference number"), max_length=16, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultations",
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    residence_prefecture = models.CharField(_("prefecture"), max_length=2, blank=True)
    # Codes separated and wrapped by "|" (|housing|work|) so that one topic is found with
    # a portable LIKE on SQLite and PostgreSQL alike.
    topics = models.CharField(_("topics"), max_length=200, blank=True)
    message = models.TextField(_("message"), blank=True)
    preferred_reply = models.CharField(
        _("preferred reply"), max_length=10, choices=PreferredReply.choices, blank=True
    )
    preferred_dates = models.TextField(_("preferred dates for an online meeting"), blank=True)
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.WEB
    )
    place_kind = models.CharField(
        _("desk or event"), max_length=10, choices=PlaceKind.choices, default=PlaceKind.DESK
    )
    place_name = models.CharField(
        _("place"), max_length=120, blank=True, help_text=_("The desk's or the event's name.")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default="new")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_consultations",
    )
    language = models.CharField(_("language"), max_length=10, default="ja")
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    privacy_policy_version = models.CharField(
        _("privacy policy version"), max_length=20, blank=True
    )
    submission_token = models.CharField(max_length=64, unique=True, null=True, editable=False)
    anonymized_at = models.DateTimeField(_("anonymized"), null=True, blank=True)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.reference

    @property
    def topic_codes(self):
        return [code for code in self.topics.split("|") if code]

    @property
    def topic_labels(self):
        labels = dict(Topic.choices)
        return [labels.get(code, code) for code in self.topic_codes]

    @staticmethod
    def join_topics(codes):
        return "|" + "|".join(codes) + "|" if codes else ""

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def answer_due_date(self):
        """The day the desk promised to answer by (weekends, national holidays and the desk's
        closed days not counted); None once answered."""
        from consultations.working_days import answer_due_date

        if self.first_response_at is not None:
            return None
        return answer_due_date(self.created_at)

    @property
    def person_status_label(self):
        return PERSON_STATUS_LABELS[Status(self.status)]

    @property
    def person_status_note(self):
        """One sentence for the person: what happens next, with the promised date while the
        first answer is still to come."""
        from consultations.working_days import format_date_with_weekday

        status = Status(self.status)
        due = self.answer_due_date if status in (Status.NEW, Status.IN_PROGRESS) else None
        if due is not None and due < japan_time.today():
            return LATE_FIRST_ANSWER_NOTE
        if due is not None:
            note = AWAITING_FIRST_ANSWER_NOTE
            if status == Status.NEW:
                note = PERSON_STATUS_NOTES[Status.NEW]
            return note % {"date": format_date_with_weekday(due)}
        if status == Status.NEW:
            return PERSON_STATUS_NOTES[Status.IN_PROGRESS]
        return PERSON_STATUS_NOTES[status]


class ConsultationTopic(models.Model):
    """One topic code of a consultation, as a row, so that reports can GROUP BY topic on any
    database. A copy of Consultation.topics, never edited by itself:
    consultations.services.sync_consultation_topics keeps it equal on every save."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="topic_rows",
    )
    code = models.CharField(_("topic"), max_length=20)

    class Meta:
        verbose_name = _("consultation topic")
        verbose_name_plural = _("consultation topics")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "code"], name="consultation_topic_unique"
            ),
        ]
        indexes = [models.Index(fields=["code"], name="consultation_topic_code")]

    def __str__(self):
        return self.code


class Message(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", _("From the person")
        REPLY = "reply", _("Reply by e-mail")
        NOTE = "note", _("Internal note")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="messages"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.consultation} {self.get_kind_display()}"


def attachment_path(instance, filename):
    # A random name: the stored file's URL must not be guessable from the consultation.
    suffix = PurePosixPath(filename).suffix.lower()
    return f"consultations/{uuid.uuid4().hex}{suffix}"


class Attachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    # Private: outside MEDIA_ROOT, streamed only by the views that check permissions.
    file = models.FileField(_("file"), upload_to=attachment_path, storage=private_storage)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size"), default=0)
    content_type = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


class Delivery(models.Model):
    """An e-mail to send, kept until it is sent: a mail server outage loses nothing."""

    class Kind(models.TextChoices):
        ACKNOWLEDGEMENT = "ack", _("Acknowledgement")
        REPLY = "reply", _("Staff reply")
        STAFF_NOTICE = "notice", _("Staff notification")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="deliveries"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    message = models.ForeignKey(Message, null=True, blank=True, on_delete=models.CASCADE)
    recipient = models.EmailField(_("recipient"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    # When the next attempt is due (growing delay after each failure, see services.retry_delay);
    # empty until the first attempt.
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("e-mail delivery")
        verbose_name_plural = _("e-mail deliveries")

    def __str__(self):
        return f"{self.consultation} {self.kind} → {self.recipient}"


class StaffViewLog(models.Model):
    """Who looked at or exported which consultation, and when (privacy: every staff view)."""

    class Action(models.TextChoices):
        VIEW = "view", _("Viewed")
        REPLY = "reply", _("Replied")
        NOTE = "note", _("Added a note")
        UPDATE = "update", _("Changed status or assignee")
        CREATE = "create", _("Entered by hand")
        ATTACHMENT = "attachment", _("Opened an attachment")
        EXPORT = "export", _("Exported")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    consultation = models.ForeignKey(
        Consultation, null=True, blank=True, on_delete=models.SET_NULL, related_name="view_logs"
    )
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        verbose_name = _("staff view log")
        verbose_name_plural = _("staff view logs")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.action} {self.consultation}"
