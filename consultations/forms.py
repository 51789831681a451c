"""Forms of the desk: the public form (with its confirmation step), the person's answer on
the thread, and the staff's reply, note, status and manual entry in the admin."""

from pathlib import PurePosixPath

import filetype
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from consultations.models import Channel, PlaceKind, PreferredReply, Status, Topic
from core.abuse import HoneypotForm, HoneypotTimeTrapForm
from core.roles import CONSULTATION_STAFF
from members.names import SingleLineCharField
from members.residence import prefecture_choices, prefecture_name

# Documents and photos people send with a question; nothing executable or macro-enabled.
ALLOWED_ATTACHMENTS = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}


def attachment_max_bytes():
    return getattr(settings, "CONSULTATION_ATTACHMENT_MAX_BYTES", 5 * 1024 * 1024)


def validate_attachment(upload):
    suffix = PurePosixPath(upload.name).suffix.lower()
    expected = ALLOWED_ATTACHMENTS.get(suffix)
    if expected is None:
        raise forms.ValidationError(_("Attach a PDF, JPEG or PNG file."))
    if upload.size > attachment_max_bytes():
        raise forms.ValidationError(
            _("The file is too large: at most %(size)s.")
            % {"size": filesizeformat(attachment_max_bytes())}
        )
    head = upload.read(2048)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime != expected:
        raise forms.ValidationError(_("The file's content does not match its type."))
    upload.content_type = expected
    return upload


class ConsultationForm(HoneypotTimeTrapForm):
    """The public form. Its fields travel as hidden inputs through the confirmation step."""

    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        choices=Topic.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one or more."),
        error_messages={"required": _("Choose at least one topic.")},
    )
    message = forms.CharField(
        label=_("Your question"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write your question.")},
    )
    preferred_reply = forms.ChoiceField(
        label=_("How should we reply?"),
        choices=PreferredReply.choices,
        initial=PreferredReply.EMAIL,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how we should reply.")},
    )
    preferred_dates = forms.CharField(
        label=_("Preferred dates for an online meeting"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Online meetings are on weekdays; give two or three dates and times."),
    )
    name = SingleLineCharField(
        label=_("Name"),
        max_length=100,
        error_messages={"required": _("Enter your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address such as name@example.jp."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.RegexField(
        label=_("Phone number"),
        required=False,
        regex=r"^[0-9+\-() ]{6,20}$",
        error_messages={"invalid": _("Enter a phone number with digits and hyphens only.")},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        help_text=_("Optional. Needed if you would like us to call you."),
    )
    residence_prefecture = forms.ChoiceField(
        label=_("Where you live (prefecture)"),
        error_messages={"required": _("Choose the prefecture you live in.")},
    )
    consent = forms.BooleanField(
        label=_("I agree that the city uses these details to answer my consultation."),
        error_messages={"required": _("Please agree so that we can answer you.")},
    )

    PUBLIC_FIELDS = (
        "topics",
        "message",
        "preferred_reply",
        "preferred_dates",
        "name",
        "email",
        "phone",
        "residence_prefecture",
        "consent",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["residence_prefecture"].choices = [("", "—"), *prefecture_choices()]
        self.fields["residence_prefecture"].widget.attrs["autocomplete"] = "address-level1"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("preferred_reply") == PreferredReply.PHONE and not cleaned.get("phone"):
            self.add_error("phone", _("Enter a phone number so that we can call you."))
        if cleaned.get("preferred_reply") == PreferredReply.ONLINE and not cleaned.get(
            "preferred_dates"
        ):
            self.add_error(
                "preferred_dates", _("Give the dates that suit you for the online meeting.")
            )
        return cleaned

    def summary(self):
        """(label, value) pairs for the confirmation step."""
        data = self.cleaned_data
        topics = dict(Topic.choices)
        return [
            (self.fields["topics"].label, "、".join(str(topics[t]) for t in data["topics"])),
            (self.fields["message"].label, data["message"]),
            (
                self.fields["preferred_reply"].label,
                PreferredReply(data["preferred_reply"]).label,
            ),
            (self.fields["preferred_dates"].label, data.get("preferred_dates", "")),
            (self.fields["name"].label, data["name"]),
            (self.fields["email"].label, data["email"]),
            (self.fields["phone"].label, data.get("phone", "")),
            (
                self.fields["residence_prefecture"].label,
                prefecture_name(data["residence_prefecture"]),
            ),
        ]


class PersonReplyForm(HoneypotForm):
    """The person's answer in their thread. Only a signed link (or the owner's login) opens
    the thread, so there is no time trap: an answer sent a second after the page loaded is
    real. The honeypot stays, and the view keeps the rate limit."""

    message = forms.CharField(
        label=_("Your answer"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write your answer.")},
    )
    attachment = forms.FileField(
        label=_("Attachment"),
        required=False,
        validators=[validate_attachment],
        help_text=_("Optional. PDF, JPEG or PNG."),
    )


class StaffMessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}))
    attachment = forms.FileField(
        label=_("Attachment"), required=False, validators=[validate_attachment]
    )


def staff_choices():
    users = (
        get_user_model().objects.filter(groups__name=CONSULTATION_STAFF, is_active=True).distinct()
    )
    return [("", _("Nobody"))] + [(str(u.pk), u.get_full_name() or u.email) for u in users]


class StaffUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    assignee = forms.ChoiceField(label=_("Assignee"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = staff_choices()

    def clean_assignee(self):
        pk = self.cleaned_data.get("assignee")
        return get_user_model().objects.filter(pk=pk).first() if pk else None


class ManualConsultationForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Channel"),
        choices=[c for c in Channel.choices if c[0] != Channel.WEB],
    )
    place_kind = forms.ChoiceField(label=_("Desk or event"), choices=PlaceKind.choices)
    place_name = SingleLineCharField(label=_("Place"), max_length=120, required=False)
    created_at = forms.DateTimeField(
        label=_("Received"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"), choices=Topic.choices, widget=forms.CheckboxSelectMultiple
    )
    message = forms.CharField(
        label=_("What the person asked, and the answer given"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    name = SingleLineCharField(label=_("Name"), max_length=100, required=False)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    phone = forms.CharField(label=_("Phone number"), max_length=30, required=False)
    residence_prefecture = forms.ChoiceField(label=_("Prefecture"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices, initial="in_progress")
    language = forms.ChoiceField(
        label=_("Language for e-mails"), choices=settings.WAGTAILADMIN_PERMITTED_LANGUAGES
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["residence_prefecture"].choices = [("", "—"), *prefecture_choices()]

    def clean(self):
        cleaned = super().clean()
        channel = cleaned.get("channel")
        place = cleaned.get("place_kind")
        if place == PlaceKind.EVENT and channel in (Channel.WEB, Channel.EMAIL):
            self.add_error(
                "channel",
                _("A consultation at an event is taken in person or by phone."),
            )
        if place == PlaceKind.EVENT and not cleaned.get("place_name"):
            self.add_error("place_name", _("Enter the event's name."))
        return cleaned


class InboxFilterForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference number"),
        required=False,
        max_length=16,
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), required=False)
    assignee = forms.ChoiceField(label=_("Assignee"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["status"].choices = everything + list(Status.choices)
        self.fields["topic"].choices = everything + list(Topic.choices)
        self.fields["channel"].choices = everything + list(Channel.choices)
        self.fields["assignee"].choices = everything + [("none", _("Nobody"))] + staff_choices()[1:]
