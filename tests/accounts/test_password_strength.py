"""Passwords: repeated characters, the site's and the city's names and common words are refused
wherever a password is chosen; long passphrases, Japanese ones too, are accepted (issue 15,
failure 7). Through the real forms: password change and reset, the furusato resident
registration and the Entry Pass application (allauth's own sign-up is closed: issue 16,
point 10)."""

import html
import re
import time

import pytest
from django.core import mail, signing

from core.abuse import TIME_TRAP_SALT
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.passes.conftest import application

pytestmark = pytest.mark.django_db

REPEATED = "This password is only repeated characters."
SITE_NAME = "This password is built on the site's or the city's name"
GUESSABLE = "This password is too easy to guess"
HINT = "Use a longer passphrase; a phrase in Japanese works well."

REFUSED = [
    ("aaaaaaaaaaaa", REPEATED),
    ("あああああああああああ", REPEATED),
    ("Tsunagaru2026", SITE_NAME),
    ("tsunagaru-demo", SITE_NAME),
]
JAPANESE_PASSPHRASE = "港の朝市で北寄貝カレーを食べる"
ENGLISH_PASSPHRASE = "quiet harbour mornings smell of scallop curry"


def page_text(response):
    return html.unescape(response.content.decode())


def assert_refused(response, message):
    assert response.status_code in (200, 400)  # the form again, with its errors
    text = page_text(response)
    assert message in text and HINT in text


@pytest.fixture
def member(demo_site):
    return UserFactory(email="strength@example.jp")


def change_password(client, user, new):
    client.force_login(user)
    return client.post(
        "/en/accounts/password/change/",
        {"oldpassword": DEFAULT_PASSWORD, "password1": new, "password2": new},
    )


@pytest.mark.parametrize(("password", "message"), REFUSED)
def test_password_change_refuses_weak_passwords(client, member, password, message):
    assert_refused(change_password(client, member, password), message)
    member.refresh_from_db()
    assert member.check_password(DEFAULT_PASSWORD)


@pytest.mark.parametrize("password", [JAPANESE_PASSPHRASE, ENGLISH_PASSPHRASE])
def test_password_change_accepts_long_passphrases(client, member, password):
    response = change_password(client, member, password)
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(password)


def test_common_words_are_refused(client, member):
    assert_refused(change_password(client, member, "Password12345"), GUESSABLE)


def test_a_name_with_a_word_and_a_year_is_refused(client, member):
    assert_refused(change_password(client, member, "tsunagaru-demo-2026"), SITE_NAME)


def test_a_passphrase_that_mentions_the_city_is_accepted(client, member):
    passphrase = "苫小牧の港で朝ごはんを食べる"
    assert change_password(client, member, passphrase).status_code == 302


def test_the_persons_own_name_and_address_are_refused(client, demo_site):
    user = UserFactory(email="hokkigai.lover@example.jp", first_name="Hanako", last_name="Sato")
    assert_refused(change_password(client, user, "hokkigai.lover1"), GUESSABLE)
    assert_refused(change_password(client, user, "HanakoSato1990"), GUESSABLE)


def reset_link(client, email):
    client.post("/en/accounts/password/reset/", {"email": email})
    link = re.search(
        r"http://testserver(/\S+/accounts/password/reset/key/\S+/)", mail.outbox[-1].body
    )
    response = client.get(link.group(1))
    assert response.status_code == 302  # allauth moves the key out of the address
    return response["Location"]


@pytest.mark.parametrize(("password", "message"), REFUSED)
def test_password_reset_refuses_weak_passwords(client, member, password, message):
    form_url = reset_link(client, member.email)
    response = client.post(form_url, {"password1": password, "password2": password})
    assert_refused(response, message)
    member.refresh_from_db()
    assert member.check_password(DEFAULT_PASSWORD)


def test_password_reset_accepts_a_japanese_passphrase(client, member):
    form_url = reset_link(client, member.email)
    response = client.post(
        form_url, {"password1": JAPANESE_PASSPHRASE, "password2": JAPANESE_PASSPHRASE}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(JAPANESE_PASSPHRASE)


REGISTER = "/en/members/register/"
WIZARD = "registration_wizard"


def registration_profile_step(client, password):
    client.get(REGISTER)
    client.post(
        REGISTER,
        {f"{WIZARD}-current_step": "relationship", "relationship-relationships": ["lived"]},
    )
    return client.post(
        REGISTER,
        {
            f"{WIZARD}-current_step": "profile",
            "profile-last_name": "苫小牧",
            "profile-first_name": "花子",
            "profile-name_kana": "トマコマイ ハナコ",
            "profile-email": "hanako@example.jp",
            "profile-login_method": "password",
            "profile-password1": password,
            "profile-password2": password,
            "profile-residence_prefecture": "13",
            "profile-residence_municipality": "13113",
            "profile-age_band": "30s",
            "profile-website": "",
            "profile-form_started": signing.dumps(time.time() - 60, salt=TIME_TRAP_SALT),
        },
        follow=True,  # a valid step redirects to the wizard's next step
    )


@pytest.mark.parametrize(("password", "message"), REFUSED)
def test_registration_refuses_weak_passwords(client, demo_site, password, message):
    assert_refused(registration_profile_step(client, password), message)


def test_registration_accepts_a_japanese_passphrase(client, demo_site):
    response = registration_profile_step(client, JAPANESE_PASSPHRASE)
    if response.status_code == 302:  # the wizard redirects to its next step (post/redirect/get)
        response = client.get(response["Location"])
    assert response.status_code == 200
    text = page_text(response)
    assert HINT not in text
    assert 'name="interests-newsletter"' in text  # on to the next step


@pytest.mark.parametrize(("password", "message"), REFUSED)
def test_pass_application_refuses_weak_passwords(client, demo_site, password, message):
    response = client.post("/en/pass/apply/", application(password=password))
    assert_refused(response, message)


def test_pass_application_accepts_a_japanese_passphrase(client, demo_site):
    response = client.post("/en/pass/apply/", application(password=JAPANESE_PASSPHRASE))
    assert response.status_code == 302
