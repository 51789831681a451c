"""Every e-mail reaches a person in that person's language: Japanese, English, Simplified and
Traditional Chinese, Korean (issue 14, point 7).

Each test triggers an e-mail the way the product does (a form in the person's language, or
a staff action, a scheduled job in Japanese) and looks for the catalogue's translation of a
message the e-mail is made of, read from the .po files with polib, in the subject and the
body; in the other languages the Japanese translation of those messages must not appear.

Where the language comes from: a request the person makes themselves (registration, Entry
Pass application, login code, password reset, the consultation form) is in the language of
the page they use; later mails go by what was stored then (Membership.language,
Consultation.language), whoever or whatever sends them.
"""

import re
import time
from datetime import timedelta
from functools import cache
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.core import mail, signing
from django.utils import timezone, translation
from wagtail.models import Locale

from consultations import services as consultation_services
from consultations.models import Consultation, ConsultationPage
from core.abuse import TIME_TRAP_SALT
from members import services as member_services
from members.models import ActivityIndexPage, Membership
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.factories.members import MembershipFactory, add_activity

pytestmark = pytest.mark.django_db

LANGUAGES = ["ja", "en", "zh-hans", "zh-hant", "ko"]
CATALOGUE_DIRS = {"ja": "ja", "zh-hans": "zh_Hans", "zh-hant": "zh_Hant", "ko": "ko"}
PLACEHOLDER = re.compile(r"%\(\w+\)s|%s|\{\{[^}]*\}\}")
# Names a person typed: Latin letters, so that any kana in the mail comes from the product.
LATIN_NAMES = {"first_name": "Hana", "last_name": "Lee"}


def catalogue_roots():
    """Where Django finds translations, the first winning: LOCALE_PATHS, then each installed
    app's locale/ in INSTALLED_APPS order (ours, allauth's account e-mails, ...)."""
    roots = [Path(path) for path in settings.LOCALE_PATHS]
    return roots + [Path(config.path) / "locale" for config in apps.get_app_configs()]


@cache
def catalogue_entries(language):
    entries = {}
    for root in reversed(catalogue_roots()):  # later updates win: the first root last
        path = root / CATALOGUE_DIRS[language] / "LC_MESSAGES" / "django.po"
        if path.exists():
            for entry in polib.pofile(str(path)):
                if entry.msgstr and not entry.fuzzy and not entry.obsolete:
                    entries[entry.msgid] = entry.msgstr
    return entries


def phrase(language, msgid):
    """The longest fixed part of the message's translation (placeholders cut out), as the
    person reads it in an e-mail in `language`."""
    text = msgid if language == "en" else catalogue_entries(language).get(msgid)
    assert text, f"{msgid!r} has no {language} translation"
    parts = [part.strip() for part in PLACEHOLDER.split(text)]
    return max(parts, key=len)


def mail_text(message):
    html = "".join(content for content, kind in message.alternatives if kind == "text/html")
    return message.body + "\n" + html


def assert_in_language(message, language, subject_msgid, body_msgids):
    """The subject and the body are in `language`; no Japanese phrase of the same messages."""
    assert phrase(language, subject_msgid) in message.subject, message.subject
    text = mail_text(message)
    for msgid in body_msgids:
        assert phrase(language, msgid) in text, (msgid, text)
    if language != "ja":
        for msgid in [subject_msgid, *body_msgids]:
            japanese = phrase("ja", msgid)
            assert japanese not in message.subject and japanese not in text, (msgid, text)


def last_mail_to(address):
    sent = [message for message in mail.outbox if message.to == [address]]
    assert sent, f"no e-mail to {address}: {[m.to for m in mail.outbox]}"
    return sent[-1]


def time_trap():
    return signing.dumps(time.time() - 60, salt=TIME_TRAP_SALT)


def without_language(url):
    """The path of a link in an e-mail, with its language prefix taken off."""
    path = url.split("testserver", 1)[-1]
    return re.sub(r"^/[\w-]+/", "/", path)


@pytest.fixture(params=LANGUAGES)
def language(request, demo_site):
    return request.param


# -- account e-mails (allauth) ----------------------------------------------------------------
VERIFY_SUBJECT = "Confirm your e-mail address to finish your registration"
VERIFY_BODY = [
    "Your membership card and member number are ready on My page as soon as you confirm.",
    "This e-mail was sent automatically. Please do not reply to it.",
]
PASS_VERIFY_SUBJECT = "Confirm your e-mail address to receive your Entry Pass"
PASS_VERIFY_BODY = [
    "Your Entry Pass opens on your phone as soon as you confirm. Show it at partner shops and "
    "facilities during your stay."
]
WELCOME_SUBJECT = "Welcome, furusato resident %(number)s"
WELCOME_BODY = [
    "Thank you for registering. You are now a furusato resident; your member number is %(number)s.",
    "Your membership card, benefits and local activities are on My page:",
]


def register(client, language, email):
    url = f"/{language}/members/register/"
    prefix = "registration_wizard"
    steps = [
        ("relationship", {"relationship-relationships": ["lived"]}),
        (
            "profile",
            {
                "profile-last_name": LATIN_NAMES["last_name"],
                "profile-first_name": LATIN_NAMES["first_name"],
                "profile-name_kana": "",
                "profile-email": email,
                "profile-login_method": "password",
                "profile-password1": DEFAULT_PASSWORD,
                "profile-password2": DEFAULT_PASSWORD,
                "profile-residence_prefecture": "13",
                "profile-residence_municipality": "13113",
                "profile-age_band": "30s",
                "profile-website": "",
                "profile-form_started": time_trap(),
            },
        ),
        ("interests", {"interests-interests": ["events"], "interests-newsletter": ""}),
        ("review", {"review-consent": "on"}),
    ]
    client.get(url)
    for step, data in steps:
        response = client.post(url, {f"{prefix}-current_step": step, **data})
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def test_registration_verification_and_welcome(
    client, language, django_capture_on_commit_callbacks
):
    register(client, language, "newmember@example.jp")
    verification = last_mail_to("newmember@example.jp")
    assert_in_language(verification, language, VERIFY_SUBJECT, VERIFY_BODY)
    assert Membership.objects.get(user__email="newmember@example.jp").language == language

    # The link is opened on a Japanese page: the welcome still goes in the member's language.
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", verification.body).group(0)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/ja" + without_language(link))
    welcome = last_mail_to("newmember@example.jp")
    assert welcome is not verification
    assert_in_language(welcome, language, WELCOME_SUBJECT, WELCOME_BODY)


def test_entry_pass_application_verification(client, language):
    today = timezone.localdate()
    response = client.post(
        f"/{language}/pass/apply/",
        {
            "residence_prefecture": "13",
            "residence_municipality": "13104",
            "stay_from": today.isoformat(),
            "stay_until": (today + timedelta(days=3)).isoformat(),
            "purpose": "workcation",
            "party_size": "2",
            "email": "visitor@example.jp",
            "password": "",
            "website": "",
            "form_started": time_trap(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert_in_language(
        last_mail_to("visitor@example.jp"), language, PASS_VERIFY_SUBJECT, PASS_VERIFY_BODY
    )


def test_login_code(client, language):
    UserFactory(email="coder@example.jp", **LATIN_NAMES)
    response = client.post(f"/{language}/accounts/login/code/", {"email": "coder@example.jp"})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert_in_language(
        last_mail_to("coder@example.jp"),
        language,
        "Your login code",
        [
            "Never tell this code to anyone. Our staff will never ask you for it.",
            "This e-mail was sent automatically. Please do not reply to it.",
        ],
    )


def test_password_reset(client, language):
    UserFactory(email="forgetful@example.jp", **LATIN_NAMES)
    response = client.post(
        f"/{language}/accounts/password/reset/", {"email": "forgetful@example.jp"}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert_in_language(
        last_mail_to("forgetful@example.jp"),
        language,
        "Set a new password",
        ["This e-mail was sent automatically. Please do not reply to it."],
    )


MEMBER_ACCOUNT_MAILS = {
    "account already exists": "You already have an account with us",
    "login code": "Your login code",
    "password reset": "Set a new password",
}


@pytest.mark.parametrize("kind", MEMBER_ACCOUNT_MAILS)
def test_account_mails_reach_a_member_in_the_members_language(client, language, kind):
    """Someone types a member's address on a page in another language (perhaps not the
    member): the mail goes in the language the member chose, and so do its links."""
    owner = UserFactory(email="owner@example.jp", **LATIN_NAMES)
    MembershipFactory(user=owner, language=language)
    other = "ko" if language == "ja" else "ja"
    if kind == "account already exists":
        register(client, other, "owner@example.jp")
    elif kind == "login code":
        client.post(f"/{other}/accounts/login/code/", {"email": "owner@example.jp"})
    else:
        client.post(f"/{other}/accounts/password/reset/", {"email": "owner@example.jp"})
    message = last_mail_to("owner@example.jp")
    assert_in_language(
        message,
        language,
        MEMBER_ACCOUNT_MAILS[kind],
        ["This e-mail was sent automatically. Please do not reply to it."],
    )
    links = re.findall(r"http://testserver(/[^\s]*)", message.body)
    links = [link for link in links if link != "/"]  # the signature's site address
    assert all(link.startswith(f"/{language}/") for link in links), links


# -- members: activities and privacy policy -------------------------------------------------
def member_in(language, email):
    return MembershipFactory(user=UserFactory(email=email, **LATIN_NAMES), language=language)


def test_activity_sign_up_waiting_list_moving_up_and_reminder(
    language, django_capture_on_commit_callbacks
):
    """Staff and the reminder job work in Japanese; each member hears in their language."""
    index = ActivityIndexPage.objects.get(locale__language_code="ja")
    first = member_in(language, "first@example.jp").user
    second = member_in(language, "second@example.jp").user
    tomorrow = timezone.now() + timedelta(days=1)
    activity = add_activity(index, capacity=1, start=tomorrow)
    with translation.override("ja"), django_capture_on_commit_callbacks(execute=True):
        signup, _created = member_services.sign_up(activity, first)
    assert_in_language(
        last_mail_to("first@example.jp"),
        language,
        "You are signed up: %(title)s",
        [
            "You are signed up for “%(title)s”. Your check-in code is on My page: show it to "
            "the organizer on the day."
        ],
    )
    with translation.override("ja"), django_capture_on_commit_callbacks(execute=True):
        member_services.sign_up(activity, second)
    assert_in_language(
        last_mail_to("second@example.jp"),
        language,
        "You are on the waiting list: %(title)s",
        [
            "“%(title)s” is full, so you are on the waiting list. If someone cancels you move "
            "up automatically, and we will tell you by e-mail."
        ],
    )
    with translation.override("ja"), django_capture_on_commit_callbacks(execute=True):
        member_services.cancel_signup(signup)
    assert_in_language(
        last_mail_to("second@example.jp"),
        language,
        "A place opened up: %(title)s",
        [
            "Good news: a place opened up and you are now signed up for “%(title)s”. Your "
            "check-in code is on My page. If you can no longer come, please cancel there so "
            "that the next person can take your place."
        ],
    )
    mail.outbox.clear()
    with translation.override("ja"):
        assert member_services.send_activity_reminders(now=timezone.now()) == 1
    assert_in_language(
        last_mail_to("second@example.jp"),
        language,
        "Tomorrow: %(title)s",
        [
            "This is a reminder that “%(title)s” is tomorrow. Your check-in code is on My page. "
            "If you can no longer come, please cancel there so that someone on the waiting "
            "list can take your place."
        ],
    )


def test_privacy_policy_reconsent(language):
    membership = member_in(language, "reconsent@example.jp")
    Membership.objects.filter(pk=membership.pk).update(privacy_policy_version="2000-01")
    with translation.override("ja"):
        assert member_services.request_reconsent() == 1
    assert_in_language(
        last_mail_to("reconsent@example.jp"),
        language,
        "Our privacy policy has changed",
        ["Dear %(name)s,"],
    )


# -- consultations ----------------------------------------------------------------------------
def consultation_page_in(language):
    page = ConsultationPage.objects.get(locale__language_code="ja")
    locale = Locale.objects.get(language_code=language)
    translated = page.get_translation_or_none(locale)
    if translated is None:
        translated = page.copy_for_translation(locale, copy_parents=True)
        translated.save_revision().publish()
    return translated


def test_consultation_acknowledgement_and_staff_reply(
    client, language, django_capture_on_commit_callbacks
):
    page = consultation_page_in(language)
    url = page.get_url()
    assert url.startswith(f"/{language}/")
    data = {
        "topics": ["two_region"],
        "message": "I would like to live in Tomakomai in summer.",
        "preferred_reply": "email",
        "preferred_dates": "",
        "name": "Hana Lee",
        "email": "asker@example.com",
        "phone": "",
        "residence_prefecture": "13",
        "consent": "on",
        "website": "",
        "form_started": time_trap(),
    }
    response = client.post(url, {**data, "action": "confirm"})
    token = re.search(r'name="submission_token" value="([^"]+)"', response.content.decode()).group(
        1
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**data, "action": "send", "submission_token": token})
    consultation = Consultation.objects.get(email="asker@example.com")
    assert consultation.language == language
    assert_in_language(
        last_mail_to("asker@example.com"),
        language,
        "[%(site)s] We have received your consultation (%(reference)s)",
        [
            "Thank you for your consultation. We have received it.",
            "Reference number",
        ],
    )

    staff = UserFactory(email="desk@example.jp", groups=["Consultation staff"])
    with translation.override("ja"), django_capture_on_commit_callbacks(execute=True):
        consultation_services.reply_to_person(consultation, "Yes, here is how.", staff_user=staff)
    reply = last_mail_to("asker@example.com")
    assert "Yes, here is how." in reply.body
    assert_in_language(
        reply,
        language,
        "[%(site)s] A reply to your consultation (%(reference)s)",
        ["The consultation desk has replied to your consultation %(reference)s:"],
    )


@pytest.mark.parametrize("admin_language", ["ja", "en"])
def test_staff_notice_goes_in_each_staff_members_admin_language(demo_site, admin_language):
    """Staff choose Japanese or English for the admin in their account; the notice follows."""
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    from tests.factories.consultations import ConsultationFactory

    Group.objects.get(name="Consultation staff").user_set.clear()
    staff = UserFactory(email="desk@example.jp", groups=["Consultation staff"])
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "" if admin_language == "ja" else admin_language
    profile.save()
    consultation = ConsultationFactory(language="ko")
    for delivery in consultation_services._staff_notices(consultation):
        consultation_services.build_email(delivery).send()
    assert_in_language(
        last_mail_to("desk@example.jp"),
        admin_language,
        "[%(site)s] A consultation needs attention (%(reference)s)",
        ["A consultation needs attention in the inbox."],
    )
