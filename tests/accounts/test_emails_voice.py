"""Every account e-mail speaks in the site's own voice, not allauth's stock text ("こんにちは、
つながる苫小牧 です!… 127.0.0.1:8100"), is signed by the city's desk (name, phone, hours from
the site identity and settings), is in the recipient's language, and links to the site's
configured public address (issue 16, point 8).

Each e-mail is triggered the way a person does (the registration wizard, the Entry Pass
application, the login-code and password-reset forms) and read back from mail.outbox. The
language is checked with the catalogue's translation of the e-mail's own messages (tests/
test_email_languages.py: phrase)."""

import re

import pytest
from django.core import mail

from tests.accounts.journeys import (
    apply_for_pass,
    confirmation_link,
    html_of,
    last_mail_to,
    path_of,
    register,
)
from tests.factories import UserFactory
from tests.factories.members import MembershipFactory
from tests.test_email_languages import phrase

pytestmark = pytest.mark.django_db

BASE = "https://tsunagaru.example.jp"
# allauth's stock greeting and closing in the languages here, the placeholder domain of
# Django's Site, and hosts the request came in on instead of the configured address.
STOCK = [
    "こんにちは",
    "Hello from",
    "안녕하세요",
    "ご利用いただきありがとうございます",
    "Thank you for using",
    "서비스를 이용해 주셔서",
    "example.com",
    "127.0.0.1",
    "testserver",
]
# The desk as the test site's identity and settings describe it (Korean falls back to the
# Japanese identity: the test site has no Korean one).
DESK = {
    "ja": [
        "つながる苫小牧",
        "苫小牧市",
        "0144-00-1234",
        "平日 8:45〜17:15",
        "tsunagaru@example.jp",
    ],
    "en": [
        "Tsunagaru Tomakomai",
        "Tomakomai City",
        "0144-00-1234",
        "Weekdays 8:45–17:15",
        "tsunagaru@example.jp",
    ],
    "ko": [
        "つながる苫小牧",
        "苫小牧市",
        "0144-00-1234",
        "平日 8:45〜17:15",
        "tsunagaru@example.jp",
    ],
}
CLOSING = "If you have a question, call or write to us:"


@pytest.fixture(autouse=True)
def public_address(settings, demo_site):
    settings.WAGTAILADMIN_BASE_URL = BASE


def assert_own_voice(message, language, subject_msgid, body_msgids):
    html = html_of(message)
    assert html, "no HTML part"
    for text in (message.body, html):
        for stock in STOCK:
            assert stock not in message.subject + text, (stock, message.subject, text)
        for part in DESK[language]:
            assert part in text, (part, text)
        assert phrase(language, CLOSING) in text, text
        for msgid in body_msgids:
            assert phrase(language, msgid) in text, (msgid, text)
        links = re.findall(r"https?://[^\s\"'<>]+", text)
        assert links, text
        for link in links:
            if "example.jp" not in link and "w3.org" not in link:
                assert link.startswith(f"{BASE}/"), link
    assert phrase(language, subject_msgid) in message.subject, message.subject
    assert message.subject.startswith(f"[{DESK[language][0]}] "), message.subject


@pytest.mark.parametrize("language", ["ja", "en", "ko"])
def test_registration_verification_and_welcome(
    client, language, django_capture_on_commit_callbacks
):
    register(client, language, "voice@example.jp")
    verification = last_mail_to("voice@example.jp")
    assert_own_voice(
        verification,
        language,
        "Confirm your e-mail address to finish your registration",
        ["Your membership card and member number are ready on My page as soon as you confirm."],
    )
    assert "花子" in verification.body.splitlines()[0]  # greeted by name
    link = confirmation_link(verification)
    assert link.startswith(f"{BASE}/{language}/accounts/confirm-email/")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path_of(link, BASE))
    welcome = last_mail_to("voice@example.jp")
    assert welcome is not verification
    assert_own_voice(
        welcome,
        language,
        "Welcome, furusato resident %(number)s",
        ["Your membership card, benefits and local activities are on My page:"],
    )


@pytest.mark.parametrize("language", ["ja", "en"])
def test_entry_pass_verification_speaks_of_the_pass(client, language):
    apply_for_pass(client, language, "visitor@example.jp")
    message = last_mail_to("visitor@example.jp")
    assert_own_voice(
        message,
        language,
        "Confirm your e-mail address to receive your Entry Pass",
        [
            "Your Entry Pass opens on your phone as soon as you confirm. Show it at partner "
            "shops and facilities during your stay."
        ],
    )
    registration = phrase(language, "Confirm your e-mail address to finish your registration")
    assert registration not in message.subject


@pytest.mark.parametrize("language", ["ja", "en", "ko"])
def test_login_code(client, language):
    UserFactory(email="coder@example.jp", first_name="Anna", last_name="Smith")
    client.post(f"/{language}/accounts/login/code/", {"email": "coder@example.jp"})
    message = last_mail_to("coder@example.jp")
    assert_own_voice(
        message,
        language,
        "Your login code",
        ["Never tell this code to anyone. Our staff will never ask you for it."],
    )
    assert "Anna Smith" in message.body
    assert re.search(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$", message.body, re.M), message.body


@pytest.mark.parametrize("language", ["ja", "en"])
def test_password_reset(client, language):
    UserFactory(email="forgetful@example.jp")
    client.post(f"/{language}/accounts/password/reset/", {"email": "forgetful@example.jp"})
    message = last_mail_to("forgetful@example.jp")
    assert_own_voice(
        message,
        language,
        "Set a new password",
        ["If you did not ask for this, you can ignore this e-mail: your password stays as it is."],
    )
    assert f"{BASE}/{language}/accounts/password/reset/key/" in message.body


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_taken_address_in_the_wizard_or_the_pass_application(client, language):
    owner = UserFactory(email="owner@example.jp")
    MembershipFactory(user=owner, language=language)
    register(client, language, "owner@example.jp")
    message = last_mail_to("owner@example.jp")
    assert_own_voice(
        message,
        language,
        "You already have an account with us",
        ["Forgotten your password? Set a new one here:"],
    )
    mail.outbox.clear()
    apply_for_pass(client, language, "owner@example.jp")
    message = last_mail_to("owner@example.jp")
    assert_own_voice(
        message,
        language,
        "You already have an account with us",
        [
            "Someone, probably you, just applied for the Entry Pass with this e-mail address, "
            "but it already has an account with us. Log in, and your pass page shows your pass "
            "or lets you apply:"
        ],
    )
    assert f"{BASE}/{language}/accounts/login/?next=%2F{language}%2Fpass%2F" in message.body


@pytest.mark.parametrize("language", ["ja", "en"])
def test_an_unknown_address_is_invited_to_the_wizard_and_the_pass(client, language):
    client.post(f"/{language}/accounts/password/reset/", {"email": "nobody@example.jp"})
    message = last_mail_to("nobody@example.jp")
    assert_own_voice(
        message,
        language,
        "There is no account with this e-mail address",
        ["To join, register as a furusato resident:"],
    )
    assert f"{BASE}/{language}/members/register/" in message.body
    assert f"{BASE}/{language}/pass/apply/" in message.body
    assert "/accounts/signup/" not in message.body + html_of(message)
