"""The city's data export: the data half of a hand-over.

One `Dataset` per table the city receives, each column with its name, type and description.
`write_export` writes a ZIP with `<dataset>.csv` (UTF-8 with BOM, so Excel reads Japanese, and
every cell through core.csv_export.safe_cell), `<dataset>.json` (the raw values) and the column
description as README.txt and columns.json, in the language active when exporting.

What never leaves: password hashes, sessions, check-in codes, pass secrets and codes, card keys,
submission tokens, the hashed visitor of a click, consultation message texts and attachment
bytes (attachments are listed). No My Number is stored anywhere (the registration refuses one).

Members, passes and consultations are personal data: only city editors (and superusers) may
export, and every export is written to the personal data access log (`log_export`)."""

import csv
import io
import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from operator import attrgetter

from django.conf import settings
from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from campaigns import dashboard
from campaigns.models import CampaignPage, Click, Conversion, ConversionKind, TrackingLink
from campaigns.models import Channel as PromotionChannel
from consultations.models import Attachment, Consultation, Message, PlaceKind, PreferredReply, Topic
from consultations.models import Channel as ConsultationChannel
from consultations.models import Status as ConsultationStatus
from core import japan_time
from core.csv_export import excel_text_stream, safe_cell
from core.roles import CITY_EDITORS
from members import choices as member_choices
from members.models import ActivityPage, ActivitySignup, Membership, PersonalDataAccessLog
from members.residence import residence_label
from passes.models import LimitPerPass, Pass, PassStatus, Purpose, Use

#: The column types, as written in the description.
TYPES = {
    "integer": _("whole number"),
    "decimal": _("decimal number"),
    "string": _("text"),
    "boolean": _("yes/no (CSV: 1 or 0; JSON: true or false)"),
    "date": _("date (YYYY-MM-DD)"),
    "datetime": _("date and time in Japan time (ISO 8601, e.g. 2026-04-01T09:30:00+09:00)"),
    "list": _("list of codes (CSV: separated by ;  JSON: an array)"),
}

COMMAND_STAFF_EMAIL = "manage.py export_data"


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: object
    get: object = None
    #: A TextChoices class whose codes this column holds (their labels go in the description).
    choices: object = None

    def value(self, obj):
        return (self.get or attrgetter(self.name))(obj)


@dataclass(frozen=True)
class Dataset:
    name: str
    description: object
    columns: tuple
    #: A function returning the rows (model instances or plain objects) in a stable order.
    rows: object
    personal: bool = False

    @property
    def column_names(self):
        return [column.name for column in self.columns]


def col(name, type_, description, get=None, choices=None):
    if isinstance(get, str):
        get = attrgetter(get)
    return Column(name, type_, description, get, choices)


def _or_none(getter):
    """An attribute path through a relation that may be missing (a deleted account)."""

    def get(obj):
        try:
            return attrgetter(getter)(obj)
        except AttributeError:
            return None

    return get


def _member_number(user):
    membership = getattr(user, "membership", None) if user is not None else None
    return membership.member_number if membership is not None else None


# Datasets ----------------------------------------------------------------------------------


def _memberships():
    return Membership.objects.select_related("user").order_by("registered_at", "pk")


MEMBERS = Dataset(
    "members",
    _(
        "Furusato residents: one row per membership with the account's name and e-mail address. "
        "A deleted account leaves its row with empty name and e-mail (the counts hold)."
    ),
    (
        col("id", "integer", _("Membership ID (campaign conversions of kind registration)")),
        col("member_number", "string", _("Member number as printed on the card")),
        col("status", "string", _("Status"), choices=Membership.Status),
        col("tier", "string", _("Tier of the national system"), choices=member_choices.Tier),
        col("account_id", "integer", _("Account ID (empty when deleted)"), "user_id"),
        col("family_name", "string", _("Family name"), _or_none("user.last_name")),
        col("given_name", "string", _("Given name"), _or_none("user.first_name")),
        col("name_kana", "string", _("Name in kana")),
        col("email", "string", _("E-mail address"), _or_none("user.email")),
        col("residence_prefecture", "string", _("Prefecture code (JIS X 0401; 99: overseas)")),
        col("residence_municipality", "string", _("Municipality code (総務省 5 digits)")),
        col("residence", "string", _("Residence, as a name"), "residence"),
        col("age_band", "string", _("Age band"), choices=member_choices.AgeBand),
        col(
            "relationships",
            "list",
            _("Relationship to the city"),
            lambda m: list(m.relationships),
            choices=member_choices.Relationship,
        ),
        col("relationship_note", "string", _("Relationship (other), in the member's words")),
        col(
            "interests",
            "list",
            _("Interests"),
            lambda m: list(m.interests),
            choices=member_choices.Interest,
        ),
        col("newsletter", "boolean", _("Wants the newsletter")),
        col("language", "string", _("Language of e-mails to the member")),
        col(
            "national_registration_id",
            "string",
            _("ID issued by the national furusato resident system, if any (never a My Number)"),
        ),
        col("registered_at", "datetime", _("Registered")),
        col("activated_at", "datetime", _("E-mail verified; membership active since")),
        col("privacy_policy_version", "string", _("Privacy policy version consented to")),
        col("consented_at", "datetime", _("Consent given")),
    ),
    _memberships,
    personal=True,
)


def _activities():
    return (
        ActivityPage.objects.select_related("locale")
        .annotate(
            n_confirmed=Count("signups", filter=Q(signups__status="confirmed")),
            n_waitlisted=Count("signups", filter=Q(signups__status="waitlisted")),
            n_attended=Count("signups", filter=Q(signups__attended_at__isnull=False)),
        )
        .order_by("path")
    )


ACTIVITIES = Dataset(
    "activities",
    _("Activity pages (every language) with their capacity and sign-up counts."),
    (
        col("id", "integer", _("Page ID")),
        col("language", "string", _("Language of the page"), "locale.language_code"),
        col("title", "string", _("Title")),
        col("url_path", "string", _("Address on the site"), lambda p: p.get_url() or ""),
        col("live", "boolean", _("Live on the site")),
        col("organizer", "string", _("Organizer")),
        col("start", "datetime", _("Starts (empty: ongoing)")),
        col("end", "datetime", _("Ends")),
        col("schedule_note", "string", _("Schedule of an ongoing activity")),
        col("venue", "string", _("Place")),
        col("is_online", "boolean", _("Online")),
        col("capacity", "integer", _("Capacity (empty: no limit)")),
        col(
            "counts_toward_premium",
            "boolean",
            _("Designated: counts toward the premium tier"),
        ),
        col("signed_up", "integer", _("Sign-ups holding a place"), "n_confirmed"),
        col("waiting", "integer", _("On the waiting list"), "n_waitlisted"),
        col("attended", "integer", _("Checked in (attended)"), "n_attended"),
    ),
    _activities,
)


def _signups():
    return ActivitySignup.objects.select_related("activity", "user__membership").order_by(
        "created_at", "pk"
    )


ACTIVITY_SIGNUPS = Dataset(
    "activity_signups",
    _("Sign-ups for activities, cancelled ones included (check-in codes are not exported)."),
    (
        col("id", "integer", _("Sign-up ID (campaign conversions of kind activity_signup)")),
        col("activity_id", "integer", _("Activity page ID (activities.id)")),
        col("activity_title", "string", _("Activity title"), "activity.title"),
        col("account_id", "integer", _("Account ID (empty when deleted)"), "user_id"),
        col(
            "member_number",
            "string",
            _("Member number (members.member_number)"),
            lambda s: _member_number(s.user),
        ),
        col("status", "string", _("Status"), choices=ActivitySignup.Status),
        col("created_at", "datetime", _("Signed up at")),
        col("promoted_at", "datetime", _("Moved up from the waiting list")),
        col("cancelled_at", "datetime", _("Cancelled at")),
        col("attended_at", "datetime", _("Checked in at")),
    ),
    _signups,
    personal=True,
)


def _passes():
    return (
        Pass.objects.select_related("user")
        .annotate(n_uses=Count("uses"))
        .order_by("created_at", "pk")
    )


PASSES = Dataset(
    "passes",
    _("Entry Passes with their holder's e-mail address and stay (pass secrets are not exported)."),
    (
        col("id", "integer", _("Pass ID (campaign conversions of kind entry_pass)")),
        col("number", "string", _("Pass number shown to the holder")),
        col("account_id", "integer", _("Account ID"), "user_id"),
        col("email", "string", _("Holder's e-mail address"), _or_none("user.email")),
        col("residence_prefecture", "string", _("Prefecture code (JIS X 0401; 99: overseas)")),
        col("residence_municipality", "string", _("Municipality code (総務省 5 digits)")),
        col(
            "residence",
            "string",
            _("Residence, as a name"),
            lambda p: residence_label(p.residence_prefecture, p.residence_municipality),
        ),
        col("purpose", "string", _("Purpose of the stay"), choices=Purpose),
        col("party_size", "integer", _("Party size")),
        col("stay_from", "date", _("Stay from")),
        col("stay_until", "date", _("Stay until")),
        col("valid_from", "date", _("Valid from")),
        col("valid_until", "date", _("Valid until")),
        col("status", "string", _("Status"), choices=PassStatus),
        col("created_at", "datetime", _("Applied")),
        col("issued_at", "datetime", _("Issued (e-mail verified)")),
        col("uses", "integer", _("Offers used with the pass"), "n_uses"),
    ),
    _passes,
    personal=True,
)


def _uses():
    return Use.objects.select_related("entry_pass", "offer", "partner").order_by("used_at", "pk")


PASS_USES = Dataset(
    "pass_uses",
    _("Each use of an offer with an Entry Pass (always counted for the Japanese original)."),
    (
        col("id", "integer", _("Use ID (campaign conversions of kind offer_use)")),
        col("pass_id", "integer", _("Pass ID (passes.id)"), "entry_pass_id"),
        col("pass_number", "string", _("Pass number"), "entry_pass.number"),
        col("partner_id", "integer", _("Partner ID")),
        col("partner", "string", _("Partner"), "partner.name"),
        col("partner_category", "string", _("Partner category"), "partner.category"),
        col("offer_id", "integer", _("Offer ID")),
        col("offer", "string", _("Offer"), "offer.title"),
        col("limit", "string", _("Limit per pass when used"), choices=LimitPerPass),
        col("used_at", "datetime", _("Used at")),
        col("day", "date", _("Day (Japan time)")),
        col(
            "via",
            "string",
            _("How: poster = the visitor scanned the partner's QR poster; staff = staff screen"),
        ),
    ),
    _uses,
)


def _consultations():
    return (
        Consultation.objects.select_related("assignee", "user__membership")
        .annotate(
            n_messages=Count("messages", distinct=True),
            n_person=Count("messages", filter=Q(messages__kind="person"), distinct=True),
            n_replies=Count("messages", filter=Q(messages__kind="reply"), distinct=True),
            n_notes=Count("messages", filter=Q(messages__kind="note"), distinct=True),
            n_attachments=Count("messages__attachments", distinct=True),
        )
        .order_by("created_at", "pk")
    )


CONSULTATIONS = Dataset(
    "consultations",
    _(
        "Consultations with the person's contact details and message counts. Message texts are "
        "not exported: they stay in the site and its backup."
    ),
    (
        col("id", "integer", _("Consultation ID (campaign conversions of kind consultation)")),
        col("reference", "string", _("Reference number")),
        col(
            "account_id", "integer", _("Account ID of a member who consulted logged in"), "user_id"
        ),
        col(
            "member_number",
            "string",
            _("Member number (members.member_number)"),
            lambda c: _member_number(c.user),
        ),
        col("name", "string", _("Name")),
        col("email", "string", _("E-mail address")),
        col("phone", "string", _("Phone number")),
        col("residence_prefecture", "string", _("Prefecture code (JIS X 0401; 99: overseas)")),
        col("topics", "list", _("Topics"), attrgetter("topic_codes"), choices=Topic),
        col("channel", "string", _("Channel"), choices=ConsultationChannel),
        col("place_kind", "string", _("Desk or event"), choices=PlaceKind),
        col("place_name", "string", _("The desk's or the event's name")),
        col("preferred_reply", "string", _("Preferred reply"), choices=PreferredReply),
        col("status", "string", _("Status"), choices=ConsultationStatus),
        col("assignee_email", "string", _("Assigned staff's e-mail"), _or_none("assignee.email")),
        col("language", "string", _("Language")),
        col("created_at", "datetime", _("Received")),
        col("first_response_at", "datetime", _("First response")),
        col("closed_at", "datetime", _("Closed at")),
        col("anonymized_at", "datetime", _("Personal data erased (retention period over)")),
        col("privacy_policy_version", "string", _("Privacy policy version consented to")),
        col("consent_at", "datetime", _("Consent given")),
        col("messages", "integer", _("Messages in the thread"), "n_messages"),
        col("messages_from_person", "integer", _("Messages from the person"), "n_person"),
        col("replies", "integer", _("Replies by e-mail"), "n_replies"),
        col("internal_notes", "integer", _("Internal notes"), "n_notes"),
        col("attachments", "integer", _("Attachments"), "n_attachments"),
    ),
    _consultations,
    personal=True,
)


def _attachments():
    return Attachment.objects.select_related("message__consultation").order_by(
        "message__created_at", "pk"
    )


CONSULTATION_ATTACHMENTS = Dataset(
    "consultation_attachments",
    _(
        "A list of the consultations' attachments. The files themselves are not in the export: "
        "they are in CONSULTATION_PRIVATE_ROOT under stored_name (part of the full backup)."
    ),
    (
        col("id", "integer", _("Attachment ID")),
        col("consultation_id", "integer", _("Consultation ID"), "message.consultation_id"),
        col("reference", "string", _("Reference number"), "message.consultation.reference"),
        col("message_kind", "string", _("Attached to"), "message.kind", choices=Message.Kind),
        col("added_at", "datetime", _("Added"), "message.created_at"),
        col("file_name", "string", _("File name as uploaded"), "original_name"),
        col(
            "stored_name",
            "string",
            _("Stored file, relative to the private directory"),
            "file.name",
        ),
        col("size", "integer", _("Size in bytes")),
        col("content_type", "string", _("File type")),
    ),
    _attachments,
    personal=True,
)


def _whole_period():
    """Japan-time dates from the first click, conversion or campaign start to today."""
    today = japan_time.today()
    firsts = [
        Click.objects.aggregate(first=Min("clicked_at"))["first"],
        Conversion.objects.aggregate(first=Min("occurred_at"))["first"],
        CampaignPage.objects.aggregate(first=Min("starts_at"))["first"],
    ]
    firsts = [japan_time.japan_date(first) for first in firsts if first]
    return min([*firsts, today]), today


@dataclass
class FigureRow:
    dimension: str
    row: dashboard.Row
    period_from: date
    period_to: date

    def __getattr__(self, name):
        return getattr(self.row, name)


def _campaign_figures():
    date_from, date_to = _whole_period()
    tables = dashboard.figures(date_from, date_to)
    return [
        FigureRow(dimension, row, date_from, date_to)
        for dimension in dashboard.DIMENSIONS
        for row in tables[dimension]
    ]


CAMPAIGN_FIGURES = Dataset(
    "campaign_figures",
    _(
        "The campaign dashboard's figures for the whole period (first click, conversion or "
        "campaign start until the day of the export): one row per campaign, creator, promotion "
        "channel and tracking link. Clicks are arrivals; conversions are the results."
    ),
    (
        col(
            "dimension",
            "string",
            _("Breakdown: campaign, creator, channel or link"),
        ),
        col(
            "key",
            "string",
            _("Campaign page ID, creator ID, channel code or link ID (empty: without one)"),
            lambda r: "" if r.key is None else str(r.key),
        ),
        col("name", "string", _("Name")),
        col("period_from", "date", _("Period from")),
        col("period_to", "date", _("Period until")),
        col("clicks", "integer", _("Clicks")),
        col("unique_visitors", "integer", _("Unique visitors"), "visitors"),
        *[
            col(f"conversions_{kind}", "integer", label, lambda r, kind=kind: r.conversions[kind])
            for kind, label in ConversionKind.choices
        ],
        col("conversions", "integer", _("Conversions, all kinds"), "total"),
        col(
            "conversion_rate",
            "decimal",
            _("Conversions per unique visitor"),
            lambda r: round(r.rate, 4) if r.rate is not None else None,
        ),
        col("cost_yen", "integer", _("Cost (yen, tax included)"), "cost"),
        col(
            "cost_per_conversion_yen",
            "integer",
            _("Cost per conversion (yen)"),
            "cost_per_conversion",
        ),
    ),
    _campaign_figures,
)


def _links():
    return TrackingLink.objects.select_related("campaign", "creator").order_by("pk")


TRACKING_LINKS = Dataset(
    "tracking_links",
    _("Tracking links (/go/<code>) with their campaign, channel, creator and UTM values."),
    (
        col("id", "integer", _("Link ID")),
        col("code", "string", _("Code in /go/<code>")),
        col("campaign_id", "integer", _("Campaign page ID")),
        col("campaign", "string", _("Campaign"), _or_none("campaign.title")),
        col("channel", "string", _("Promotion channel"), choices=PromotionChannel),
        col("creator_id", "integer", _("Creator ID")),
        col("creator", "string", _("Creator"), _or_none("creator.name")),
        col("target", "string", _("Target")),
        col("target_url", "string", _("External address")),
        col("utm_source", "string", "utm_source"),
        col("utm_medium", "string", "utm_medium"),
        col("utm_campaign", "string", "utm_campaign"),
        col("utm_content", "string", "utm_content"),
        col("note", "string", _("Note")),
        col("created_at", "datetime", _("Created")),
    ),
    _links,
)


def _clicks():
    return Click.objects.select_related("link").order_by("clicked_at", "pk")


TRACKING_CLICKS = Dataset(
    "tracking_clicks",
    _(
        "Counted arrivals through a tracking link or with UTM values. No personal data: the site "
        "never stores the address, and the hashed visitor is not exported."
    ),
    (
        col("id", "integer", _("Click ID")),
        col("clicked_at", "datetime", _("Time")),
        col("link_id", "integer", _("Link ID (tracking_links.id)")),
        col("link_code", "string", _("Link code"), _or_none("link.code")),
        col("campaign_id", "integer", _("Campaign page ID")),
        col("creator_id", "integer", _("Creator ID")),
        col("channel", "string", _("Promotion channel"), choices=PromotionChannel),
        col("utm_source", "string", "utm_source"),
        col("utm_medium", "string", "utm_medium"),
        col("utm_campaign", "string", "utm_campaign"),
        col("utm_content", "string", "utm_content"),
        col("utm_term", "string", "utm_term"),
        col("device", "string", _("Device"), choices=Click.Device),
    ),
    _clicks,
)


def _conversions():
    return Conversion.objects.order_by("occurred_at", "pk")


CAMPAIGN_CONVERSIONS = Dataset(
    "campaign_conversions",
    _(
        "Each result credited to a campaign source: object_id is the id of the row in members, "
        "passes, pass_uses, consultations or activity_signups, by kind."
    ),
    (
        col("id", "integer", _("Conversion ID")),
        col("kind", "string", _("Kind"), choices=ConversionKind),
        col("object_id", "string", _("ID of the converted row (see kind)")),
        col("occurred_at", "datetime", _("Time")),
        col("touched_at", "datetime", _("Time of the click or visit credited")),
        col("link_id", "integer", _("Link ID (tracking_links.id)")),
        col("campaign_id", "integer", _("Campaign page ID")),
        col("creator_id", "integer", _("Creator ID")),
        col("channel", "string", _("Promotion channel"), choices=PromotionChannel),
        col("utm_source", "string", "utm_source"),
        col("utm_medium", "string", "utm_medium"),
        col("utm_campaign", "string", "utm_campaign"),
        col("utm_content", "string", "utm_content"),
        col("utm_term", "string", "utm_term"),
    ),
    _conversions,
)

DATASETS = (
    MEMBERS,
    ACTIVITIES,
    ACTIVITY_SIGNUPS,
    PASSES,
    PASS_USES,
    CONSULTATIONS,
    CONSULTATION_ATTACHMENTS,
    CAMPAIGN_FIGURES,
    TRACKING_LINKS,
    TRACKING_CLICKS,
    CAMPAIGN_CONVERSIONS,
)


def datasets_named(names=None):
    if not names:
        return DATASETS
    by_name = {dataset.name: dataset for dataset in DATASETS}
    unknown = [name for name in names if name not in by_name]
    if unknown:
        raise KeyError(", ".join(unknown))
    return tuple(by_name[name] for name in names)


# Values ------------------------------------------------------------------------------------


def json_value(value):
    if isinstance(value, datetime):
        return japan_time.isoformat_japan(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    if isinstance(value, (bool, int, float)) or value is None:
        return value
    return str(value)


def csv_value(value):
    """The cell as text, through the site's one formula guard."""
    return safe_cell(json_value(value))


# Description -------------------------------------------------------------------------------


def describe(datasets=DATASETS, counts=None):
    """The column description as plain data (columns.json, README.txt, the admin page), in
    the active language."""
    return [
        {
            "name": dataset.name,
            "description": str(dataset.description),
            "personal_data": dataset.personal,
            "files": [f"{dataset.name}.csv", f"{dataset.name}.json"],
            **({"rows": counts[dataset.name]} if counts and dataset.name in counts else {}),
            "columns": [
                {
                    "name": column.name,
                    "type": column.type,
                    "type_description": str(TYPES[column.type]),
                    "description": str(column.description),
                    **(
                        {"values": {code: str(label) for code, label in column.choices.choices}}
                        if column.choices
                        else {}
                    ),
                }
                for column in dataset.columns
            ],
        }
        for dataset in datasets
    ]


def readme_text(description, generated_at):
    lines = [
        str(_("Data export of %(site)s")) % {"site": settings.WAGTAIL_SITE_NAME},
        str(_("Created: %(time)s (Japan time)"))
        % {"time": timezone.localtime(generated_at, japan_time.JST).strftime("%Y-%m-%d %H:%M")},
        "",
        str(
            _(
                "Each dataset is a CSV file (UTF-8 with BOM, for Excel) and a JSON file (a list of "
                "objects, one per row) with the same columns. In the CSV, a cell that starts with "
                "= + - @ is prefixed with an apostrophe (') so that spreadsheets do not run it "
                "as a formula; the JSON holds the values unchanged. Times are Japan time."
            )
        ),
        str(
            _(
                "Files marked as personal data hold names, e-mail addresses or other personal "
                "data: keep them only where the city's rules on personal information allow."
            )
        ),
        str(
            _(
                "Not exported: passwords, sessions, check-in codes, pass secrets and codes, card "
                "keys, consultation message texts and attachment files, the hashed visitor of a "
                "click. No My Number is ever stored."
            )
        ),
        "",
    ]
    for dataset in description:
        lines.append("=" * 78)
        title = f"{dataset['name']}.csv / {dataset['name']}.json"
        if "rows" in dataset:
            title += " — " + str(_("Rows: %(rows)s")) % {"rows": dataset["rows"]}
        lines.append(title)
        if dataset["personal_data"]:
            lines.append(str(_("Personal data")))
        lines.append(dataset["description"])
        lines.append("")
        for column in dataset["columns"]:
            lines.append(f"  {column['name']} — {column['type_description']}")
            lines.append(f"      {column['description']}")
            for code, label in column.get("values", {}).items():
                lines.append(f"      {code}: {label}")
        lines.append("")
    return "\n".join(lines) + "\n"


# Writing -----------------------------------------------------------------------------------


def write_export(target, datasets=DATASETS):
    """Write the ZIP to `target` (a path or a binary file object). Returns {dataset: rows}."""
    generated_at = timezone.now()
    counts = {}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for dataset in datasets:
            counts[dataset.name] = _write_dataset(archive, dataset)
        description = describe(datasets, counts)
        archive.writestr(
            "columns.json",
            json.dumps(
                {
                    "site": settings.WAGTAIL_SITE_NAME,
                    "generated_at": json_value(generated_at),
                    "language": get_language() or settings.LANGUAGE_CODE,
                    "datasets": description,
                },
                ensure_ascii=False,
                indent=2,
            ),
        )
        archive.writestr("README.txt", readme_text(description, generated_at).encode("utf-8"))
    return counts


def _write_dataset(archive, dataset):
    """CSV and JSON in one pass over the rows. A ZIP takes one open member at a time: the CSV
    streams into the archive, the JSON into a temporary file copied in after it."""
    count = 0
    with (
        tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024) as json_buffer,
        archive.open(f"{dataset.name}.csv", "w") as csv_file,
    ):
        csv_text = excel_text_stream(csv_file)
        json_text = io.TextIOWrapper(json_buffer, encoding="utf-8")
        writer = csv.writer(csv_text)
        writer.writerow(dataset.column_names)
        json_text.write("[")
        rows = dataset.rows()
        if hasattr(rows, "iterator"):
            rows = rows.iterator(chunk_size=500)
        for obj in rows:
            values = [column.value(obj) for column in dataset.columns]
            writer.writerow([csv_value(value) for value in values])
            json_text.write("\n" if count == 0 else ",\n")
            json_text.write(
                json.dumps(
                    {c.name: json_value(v) for c, v in zip(dataset.columns, values, strict=True)},
                    ensure_ascii=False,
                )
            )
            count += 1
        json_text.write("\n]\n" if count else "]\n")
        csv_text.flush()
        csv_text.detach()
        json_text.flush()
        json_text.detach()
        csv_file.close()
        json_buffer.seek(0)
        with archive.open(f"{dataset.name}.json", "w") as json_file:
            shutil.copyfileobj(json_buffer, json_file)
    return count


# Who may export, and the log ---------------------------------------------------------------


def can_export(user):
    """City editors and superusers: the export holds every member's personal data."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=CITY_EDITORS).exists()


def export_detail(counts):
    text = "data export: " + ", ".join(f"{name} ({n})" for name, n in counts.items())
    return text[:500]


def log_export(counts, request=None, origin=COMMAND_STAFF_EMAIL):
    """One row in the personal data access log per export: the staff member from the request,
    or the command line (no account) as `origin`."""
    if request is not None:
        return PersonalDataAccessLog.record(request, "export", export_detail(counts))
    return PersonalDataAccessLog.objects.create(
        staff=None, staff_email=origin, action="export", detail=export_detail(counts)
    )


def default_filename(now=None):
    now = timezone.localtime(now or timezone.now(), japan_time.JST)
    return f"tsunagaru-data-{now:%Y%m%d-%H%M}.zip"
