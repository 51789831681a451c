"""The membership's rules, in one place: views, the admin and commands call these."""

import logging
from copy import copy
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import reduce
from operator import or_

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from core import japan_time
from core.locales import locale_for, translation_or_original
from home.models.scheduled import not_past_q
from members.accounts import has_verified_email, open_account
from members.models import (
    ActivityPage,
    ActivitySignup,
    MemberNotice,
    MemberNumberSequence,
    Membership,
    MembershipCode,
)
from members.models.membership import format_member_number
from members.signals import account_deleting, collect_member_data

logger = logging.getLogger(__name__)

PREMIUM_ACTIVITIES_PER_YEAR = 3
CARD_SALT = "tsunagaru.member-card"


def site_settings():
    from home.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site) if site else SiteSettings()


# -- the member's profile -------------------------------------------------------------------
# What a member tells about themselves, in the registration's steps and on "Change my details"
# (members.forms.ProfileForm): the account's names, and the membership's fields, each with the
# value it takes when a form leaves it out.
PROFILE_NAME_FIELDS = ("first_name", "last_name")
PROFILE_MEMBERSHIP_FIELDS = {
    "name_kana": "",
    "residence_prefecture": "",
    "residence_municipality": "",
    "age_band": "",
    "relationships": [],
    "relationship_note": "",
    "interests": [],
    "newsletter": False,
    "national_registration_id": "",
}


def profile_of(user, membership):
    """The profile as a form's initial values."""
    return {
        **{name: getattr(user, name) for name in PROFILE_NAME_FIELDS},
        **{name: getattr(membership, name) for name in PROFILE_MEMBERSHIP_FIELDS},
    }


def membership_profile(data):
    """The membership's profile fields from a form's cleaned data."""
    return {
        name: copy(empty) if data.get(name) is None else data[name]
        for name, empty in PROFILE_MEMBERSHIP_FIELDS.items()
    }


def save_names(user, data):
    for name in PROFILE_NAME_FIELDS:
        setattr(user, name, data[name])
    user.save(update_fields=PROFILE_NAME_FIELDS)


def update_profile(user, membership, data):
    """Store what a member changed on My page."""
    save_names(user, data)
    for name, value in membership_profile(data).items():
        setattr(membership, name, value)
    membership.save()


# -- registration ---------------------------------------------------------------------------
def register_member(request, profile, account=None):
    """Store a registration from the wizard's cleaned data, in one transaction.

    `account` holds e-mail and password for a new account; without it the logged-in user
    registers. Returns the membership, or None when the e-mail already has an account (its
    owner was e-mailed; the caller shows the same "check your mail" page).
    """
    with transaction.atomic():
        if account is None:
            user = request.user
        else:
            user = open_account(
                request,
                account["email"],
                password=account.get("password") or None,
                password_hash=account.get("password_hash") or None,
                first_name=profile["first_name"],
                last_name=profile["last_name"],
            )
            if user is None:
                return None
        if account is None:
            save_names(user, profile)
        membership = Membership.objects.create(
            user=user,
            **membership_profile(profile),
            language=translation.get_language() or settings.LANGUAGE_CODE,
            privacy_policy_version=site_settings().privacy_policy_version,
            consented_at=timezone.now(),
        )
    if account is None and has_verified_email(user):
        activate_membership(membership)
    return membership


def activate_membership(membership, notify=True):
    """Give the member number and make the membership active (once the e-mail is verified).

    The number is taken here, not at registration, so abandoned registrations leave no gaps.
    """
    with transaction.atomic():
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        if membership.status != Membership.Status.PENDING:
            return membership
        membership.number = MemberNumberSequence.take_next()
        membership.member_number = format_member_number(
            site_settings().member_number_prefix, membership.number
        )
        membership.status = Membership.Status.ACTIVE
        membership.activated_at = timezone.now()
        membership.save(update_fields=["number", "member_number", "status", "activated_at"])
        if notify:
            transaction.on_commit(lambda: send_welcome(membership), robust=True)
    return membership


def send_welcome(membership):
    send_member_email(
        membership.user,
        "welcome",
        {"membership": membership, "my_page_url": absolute(membership, "members:my_page")},
    )


def record_consent(membership):
    membership.privacy_policy_version = site_settings().privacy_policy_version
    membership.consented_at = timezone.now()
    membership.save(update_fields=["privacy_policy_version", "consented_at"])


# -- chosen codes as rows, for reports that GROUP BY them -----------------------------------
def membership_code_rows(memberships):
    """The MembershipCode rows that mirror these saved memberships' several-choices fields,
    unsaved. A bulk loader passes them to bulk_create: bulk_create sends no post_save."""
    rows = []
    for membership in memberships:
        if membership.pk is None:
            raise ValueError("Save the memberships first: their code rows need the key.")
        for field, attname in MembershipCode.SOURCE_FIELDS.items():
            # to_python: the attribute holds a list, or the stored ",a,b," text if set so.
            codes = Membership._meta.get_field(attname).to_python(getattr(membership, attname))
            rows.extend(
                MembershipCode(membership_id=membership.pk, field=field, code=code)
                for code in dict.fromkeys(codes)
            )
    return rows


def sync_membership_codes(membership, created=False):
    """Make the membership's MembershipCode rows equal its fields (post_save calls this)."""
    wanted = {(row.field, row.code): row for row in membership_code_rows([membership])}
    with transaction.atomic():
        existing = set()
        if not created:
            existing = set(membership.codes.values_list("field", "code"))
            stale = existing - wanted.keys()
            if stale:
                membership.codes.filter(
                    reduce(or_, (Q(field=field, code=code) for field, code in stale))
                ).delete()
        missing = [row for key, row in wanted.items() if key not in existing]
        # ignore_conflicts: two saves of one membership at the same moment add the same rows.
        MembershipCode.objects.bulk_create(missing, ignore_conflicts=True)


# -- e-mail ---------------------------------------------------------------------------------
def member_language(user):
    membership = getattr(user, "membership", None) if user else None
    return getattr(membership, "language", None) or settings.LANGUAGE_CODE


def language_for_address(email):
    """The language to write to `email` in: the one its member chose, else the language of
    the request that sends the mail (the page the person, or someone typing their address,
    is on). A password reset asked for on a Japanese page still reaches a Korean member in
    Korean."""
    membership = (
        Membership.objects.filter(user__email__iexact=(email or "").strip())
        .exclude(language="")
        .only("language")
        .first()
    )
    if membership is not None:
        return membership.language
    return translation.get_language() or settings.LANGUAGE_CODE


def absolute(membership_or_user, url_name, *args):
    user = getattr(membership_or_user, "user", membership_or_user)
    with translation.override(member_language(user)):
        path = reverse(url_name, args=args)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_member_email(user, template, context):
    """A text and HTML e-mail in the member's language (templates members/emails/<name>_*)."""
    if user is None or not user.email:
        return
    from home.models import SiteIdentity

    with translation.override(member_language(user)):
        identity = SiteIdentity.for_active_locale()
        context = {**context, "user": user, "site_name": getattr(identity, "site_name", "")}
        subject = render_to_string(f"members/emails/{template}_subject.txt", context)
        subject = " ".join(subject.split())  # one line: no header injection
        text = render_to_string(f"members/emails/{template}_message.txt", context)
        html = render_to_string(f"members/emails/{template}_message.html", context)
    message = EmailMultiAlternatives(subject, text, to=[user.email])
    message.attach_alternative(html, "text/html")
    message.send()


# -- card -----------------------------------------------------------------------------------
def card_token(membership):
    return signing.dumps(membership.card_key, salt=CARD_SALT)


def membership_from_card_token(token):
    try:
        card_key = signing.loads(token, salt=CARD_SALT)
    except signing.BadSignature:
        return None
    membership = Membership.objects.filter(card_key=str(card_key)).select_related("user").first()
    if membership is None or not membership.is_active or membership.user is None:
        return None
    return membership


def initials(user):
    """The name as the card's check page shows it: A. S., 山○ 花○ (members.names)."""
    from members.names import card_name

    return card_name(user)


# -- benefits -------------------------------------------------------------------------------
def benefits_for(membership, locale):
    from members.models import Benefit

    return [b for b in Benefit.current(locale) if b.applies_to(membership)]


# -- activities -----------------------------------------------------------------------------
def designated_attended_this_year(user):
    """Designated activities attended since 1 April (the premium tier counts a fiscal year)."""
    start = japan_time.start_of_day(japan_time.fiscal_year_start())
    return ActivitySignup.objects.filter(
        user=user,
        attended_at__gte=start,
        activity__counts_toward_premium=True,
    ).count()


def live_signup(activity, user):
    if not user.is_authenticated:
        return None
    return (
        ActivitySignup.objects.filter(activity=activity, user=user)
        .exclude(status=ActivitySignup.Status.CANCELLED)
        .first()
    )


def activity_state(activity, user):
    """What an activity page shows a visitor: places left, and the member's own sign-up."""
    counts = ActivitySignup.objects.filter(activity=activity).aggregate(
        confirmed=Count("pk", filter=Q(status=ActivitySignup.Status.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=ActivitySignup.Status.WAITLISTED)),
    )
    places_left = None
    if activity.capacity is not None:
        places_left = max(activity.capacity - counts["confirmed"], 0)
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    return {
        "signup": live_signup(activity, user),
        "places_left": places_left,
        "waiting_count": counts["waiting"],
        "signup_activity": activity,
        "is_active_member": bool(membership and membership.is_active),
    }


def sign_up(activity, user):
    """A place if one is free, otherwise the waiting list. Safe under concurrent sign-ups:
    the activity's row is locked while the places are counted. Signing up twice returns the
    sign-up already there."""
    with transaction.atomic():
        activity = ActivityPage.objects.select_for_update().get(pk=activity.pk)
        existing = live_signup(activity, user)
        if existing:
            return existing, False
        confirmed = ActivitySignup.objects.filter(
            activity=activity, status=ActivitySignup.Status.CONFIRMED
        ).count()
        full = activity.capacity is not None and confirmed >= activity.capacity
        signup = ActivitySignup.objects.create(
            activity=activity,
            user=user,
            status=ActivitySignup.Status.WAITLISTED if full else ActivitySignup.Status.CONFIRMED,
        )
        transaction.on_commit(lambda: notify_signup(signup), robust=True)
    return signup, True


def cancel_signup(signup):
    """Cancel, and give a freed place to the first person waiting (who is told by e-mail)."""
    promoted = None
    with transaction.atomic():
        activity = ActivityPage.objects.select_for_update().get(pk=signup.activity_id)
        signup = ActivitySignup.objects.get(pk=signup.pk)
        if signup.status == ActivitySignup.Status.CANCELLED:
            return signup, None
        was_confirmed = signup.status == ActivitySignup.Status.CONFIRMED
        signup.status = ActivitySignup.Status.CANCELLED
        signup.cancelled_at = timezone.now()
        signup.save(update_fields=["status", "cancelled_at"])
        if was_confirmed:
            promoted = promote_from_waiting_list(activity)
    return signup, promoted


def promote_from_waiting_list(activity):
    confirmed = ActivitySignup.objects.filter(
        activity=activity, status=ActivitySignup.Status.CONFIRMED
    ).count()
    if activity.capacity is not None and confirmed >= activity.capacity:
        return None
    waiting = (
        ActivitySignup.objects.filter(activity=activity, status=ActivitySignup.Status.WAITLISTED)
        .order_by("created_at", "pk")
        .first()
    )
    if waiting is None:
        return None
    waiting.status = ActivitySignup.Status.CONFIRMED
    waiting.promoted_at = timezone.now()
    waiting.save(update_fields=["status", "promoted_at"])
    if waiting.user_id:
        with translation.override(member_language(waiting.user)):
            MemberNotice.objects.create(
                user=waiting.user,
                message=_("A place opened up: you are now signed up for “%(title)s”.")
                % {"title": activity_title(activity, waiting.user)},
            )
    transaction.on_commit(lambda: notify_moved_up(waiting), robust=True)
    return waiting


def activity_title(activity, user):
    """The activity's title in the member's language, when it has been translated."""
    locale = locale_for(member_language(user))
    if locale is None or locale.pk == activity.locale_id:
        return activity.title
    shown = translation_or_original(
        ActivityPage.objects.filter(translation_key=activity.translation_key), locale
    )
    return (shown or activity).title


def signup_email_context(signup):
    activity = signup.activity
    return {
        "signup": signup,
        "activity": activity,
        "activity_title": activity_title(activity, signup.user),
        "my_page_url": absolute(signup.user, "members:my_page"),
    }


def notify_signup(signup):
    template = (
        "activity_waitlisted"
        if signup.status == ActivitySignup.Status.WAITLISTED
        else "activity_confirmed"
    )
    send_member_email(signup.user, template, signup_email_context(signup))


def notify_moved_up(signup):
    send_member_email(signup.user, "activity_moved_up", signup_email_context(signup))


def send_activity_reminders(now=None):
    """E-mail everyone with a place in an activity that starts tomorrow (Japan time), once."""
    now = now or timezone.now()
    start = japan_time.start_of_day(japan_time.japan_date(now) + timedelta(days=1))
    signups = ActivitySignup.objects.filter(
        status=ActivitySignup.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        user__isnull=False,
        activity__start__gte=start,
        activity__start__lt=start + timedelta(days=1),
    ).select_related("activity", "user", "user__membership")
    sent = 0
    for signup in signups:
        try:
            send_member_email(signup.user, "activity_reminder", signup_email_context(signup))
        except Exception:
            logger.exception("Reminder for sign-up %s could not be sent", signup.pk)
            continue
        ActivitySignup.objects.filter(pk=signup.pk).update(reminder_sent_at=now)
        sent += 1
    return sent


def checkin_window(activity):
    """When check-in at `activity` is open: from settings.ACTIVITY_CHECKIN_WINDOW hours before
    it starts until as many hours after it ends — the activity's day, not the days before
    (attendance counts toward the premium tier). (None, None) for an ongoing activity with no
    dates: it takes place on any day."""
    if activity.start is None:
        return None, None
    margin = timedelta(hours=getattr(settings, "ACTIVITY_CHECKIN_WINDOW", 3))
    return activity.start - margin, (activity.end or activity.start) + margin


@dataclass
class CheckIn:
    """What an organizer's check-in came to. `refused` is TOO_EARLY or TOO_LATE (nothing is
    recorded), with the window's `opens_at` and `closes_at`."""

    TOO_EARLY = "too_early"
    TOO_LATE = "too_late"

    signup: ActivitySignup | None
    first_time: bool = False
    refused: str = ""
    opens_at: datetime | None = None
    closes_at: datetime | None = None

    def __iter__(self):  # signup, first_time = check_in(code)
        return iter((self.signup, self.first_time))


def check_in(code, now=None):
    """Mark a sign-up as attended by its check-in code, within the activity's check-in window
    (checkin_window). An unknown or cancelled code gives CheckIn(None). Checking in twice
    keeps the first time."""
    now = now or timezone.now()
    code = (code or "").strip().upper().replace("-", "").replace(" ", "")
    with transaction.atomic():
        signup = (
            ActivitySignup.objects.select_for_update()
            .filter(checkin_code=code, status=ActivitySignup.Status.CONFIRMED)
            .select_related("activity")
            .first()
        )
        if signup is None:
            return CheckIn(None)
        if signup.attended_at:
            return CheckIn(signup)
        opens_at, closes_at = checkin_window(signup.activity)
        if opens_at is not None and now < opens_at:
            return CheckIn(
                signup, refused=CheckIn.TOO_EARLY, opens_at=opens_at, closes_at=closes_at
            )
        if closes_at is not None and now > closes_at:
            return CheckIn(signup, refused=CheckIn.TOO_LATE, opens_at=opens_at, closes_at=closes_at)
        signup.attended_at = now
        signup.save(update_fields=["attended_at"])
    return CheckIn(signup, first_time=True)


# -- the member's own data ------------------------------------------------------------------
def member_data(user):
    """Everything this site holds about the member, for the JSON and CSV downloads.

    Codes stay as stored (they are what the city's reports count), each with its label in
    the language of the page the download was asked from beside it: "01" and "北海道"."""
    from members.choices import AgeBand, Interest, Relationship, Tier, labels
    from members.residence import municipality_name, prefecture_name

    membership = getattr(user, "membership", None)
    statuses = dict(ActivitySignup.Status.choices)
    data = {
        "account": {
            "email": user.email,
            "family_name": user.last_name,
            "given_name": user.first_name,
            "joined": japan_time.isoformat_japan(user.date_joined),
        },
        "membership": None,
        "activity_signups": [
            {
                "activity": signup.activity.title,
                "status": signup.status,
                "status_label": str(statuses.get(signup.status, "")),
                "signed_up": japan_time.isoformat_japan(signup.created_at),
                "attended": japan_time.isoformat_japan(signup.attended_at),
            }
            for signup in user.activity_signups.select_related("activity")
        ],
        "notices": [
            {"date": japan_time.isoformat_japan(n.created_at), "message": n.message}
            for n in user.member_notices.all()
        ],
    }
    if membership is not None:
        data["membership"] = {
            "member_number": membership.member_number,
            "status": membership.status,
            "status_label": str(membership.get_status_display()),
            "tier": membership.tier,
            "tier_label": str(dict(Tier.choices).get(membership.tier, "")),
            "registered": japan_time.isoformat_japan(membership.registered_at),
            "name_kana": membership.name_kana,
            "residence_prefecture": membership.residence_prefecture,
            "residence_prefecture_label": prefecture_name(membership.residence_prefecture),
            "residence_municipality": membership.residence_municipality,
            "residence_municipality_label": municipality_name(membership.residence_municipality),
            "residence": membership.residence,
            "age_band": membership.age_band,
            "age_band_label": str(dict(AgeBand.choices).get(membership.age_band, "")),
            "relationships": membership.relationships,
            "relationships_labels": labels(Relationship, membership.relationships),
            "relationship_note": membership.relationship_note,
            "interests": membership.interests,
            "interests_labels": labels(Interest, membership.interests),
            "newsletter": membership.newsletter,
            "language": membership.language,
            "language_label": language_name(membership.language),
            "national_registration_id": membership.national_registration_id,
            "privacy_policy_version": membership.privacy_policy_version,
            "consented": japan_time.isoformat_japan(membership.consented_at),
        }
    for _receiver, extra in collect_member_data.send(sender=type(user), user=user):
        data.update(extra or {})
    return data


def language_name(code):
    """A language's own name (日本語, English, 한국어), as the language menu shows it."""
    from django.utils.translation import get_language_info

    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code or ""


def delete_account(user):
    """Erase the person; keep anonymous rows so the city's counts stay right.

    The membership keeps its number, dates, prefecture, relationships and interests with no
    link to anyone; sign-ups keep their activity and attendance.
    """
    with transaction.atomic():
        membership = Membership.objects.filter(user=user).first()
        if membership is not None:
            membership.user = None
            membership.status = Membership.Status.WITHDRAWN
            membership.withdrawn_at = timezone.now()
            membership.name_kana = ""
            membership.residence_municipality = ""
            membership.age_band = ""
            membership.relationship_note = ""
            membership.newsletter = False
            membership.national_registration_id = ""
            membership.save()
        upcoming = (
            ActivitySignup.objects.filter(user=user, attended_at__isnull=True)
            .filter(not_past_q("activity__"))
            .exclude(status=ActivitySignup.Status.CANCELLED)
        )
        for signup in upcoming:
            cancel_signup(signup)  # a freed place goes to the next person waiting
        account_deleting.send(sender=type(user), user=user)
        user.delete()


def request_reconsent():
    version = site_settings().privacy_policy_version
    memberships = (
        Membership.objects.filter(status=Membership.Status.ACTIVE, user__isnull=False)
        .exclude(privacy_policy_version=version)
        .exclude(reconsent_requested_version=version)
        .select_related("user")
    )
    sent = 0
    for membership in memberships:
        send_member_email(
            membership.user,
            "reconsent",
            {"version": version, "consent_url": absolute(membership, "members:consent")},
        )
        membership.reconsent_requested_version = version
        membership.save(update_fields=["reconsent_requested_version"])
        sent += 1
    return sent
