"""After confirming the e-mail address a person is logged in and lands on what they came for:
a new furusato resident on their card (My page), an Entry Pass applicant on their pass
(issue 16, point 9).

allauth logs in on confirmation (ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION) only in the browser
session that signed up, within ACCOUNT_LOGIN_TIMEOUT: members.accounts.send_verification
leaves the login waiting there, as allauth's own sign-up does. Anyone else who opens the link
(another browser, a mail scanner, later) only confirms the address and is sent to the login
form that fits the account (the code form for a code-only account) with ?next, and lands on
the card or pass once logged in."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from members.models import Membership
from tests.accounts.journeys import apply_for_pass, confirmation_link, last_mail_to, register
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.factories.members import MembershipFactory
from tests.factories.passes import PassFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


def user_of(client):
    return client.get("/ja/").wsgi_request.user


def confirm(client, message, django_capture_on_commit_callbacks):
    path = re.sub(r"^https?://[^/]+", "", confirmation_link(message))
    page = client.get(path)
    assert page.status_code == 200  # allauth's "confirm" button page: a GET changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(path)


@pytest.mark.parametrize("login_method", ["password", "code"])
@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_new_member_is_logged_in_on_their_card(
    client, demo_site, language, login_method, django_capture_on_commit_callbacks
):
    register(client, language, "card@example.jp", login_method=login_method)
    assert not user_of(client).is_authenticated
    response = confirm(client, last_mail_to("card@example.jp"), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/members/my/"
    assert user_of(client).email == "card@example.jp"
    card = client.get(response["Location"])
    assert card.status_code == 200
    number = Membership.objects.get(user__email="card@example.jp").member_number
    assert re.fullmatch(r"TMK-\d{6}", number)
    assert number in card.content.decode()


@pytest.mark.parametrize("password", ["", DEFAULT_PASSWORD])
def test_a_pass_applicant_is_logged_in_on_their_pass(
    client, demo_site, password, django_capture_on_commit_callbacks
):
    apply_for_pass(client, "en", "stay@example.jp", password=password)
    response = confirm(client, last_mail_to("stay@example.jp"), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == "/en/pass/"
    assert user_of(client).email == "stay@example.jp"
    page = client.get("/en/pass/")
    assert page.status_code == 200
    assert 'class="pass-qr__svg"' in page.content.decode()  # the active pass, with its code


@pytest.mark.parametrize(
    ("login_method", "login_path"),
    [("password", "/ja/accounts/login/"), ("code", "/ja/accounts/login/code/")],
)
def test_another_browser_confirms_and_is_asked_to_log_in_then_lands_on_the_card(
    client, demo_site, login_method, login_path, django_capture_on_commit_callbacks
):
    register(client, "ja", "elsewhere@example.jp", login_method=login_method)
    other = Client()
    response = confirm(
        other, last_mail_to("elsewhere@example.jp"), django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert response["Location"] == f"{login_path}?next=%2Fja%2Fmembers%2Fmy%2F"
    assert not user_of(other).is_authenticated  # the link alone logs nobody in
    assert Membership.objects.get(user__email="elsewhere@example.jp").member_number
    # ... and the browser that registered is not logged in by someone else's click either.
    assert not user_of(client).is_authenticated
    # Logging in there lands on the card.
    if login_method == "password":
        landed = other.post(
            response["Location"],
            {"login": "elsewhere@example.jp", "password": DEFAULT_PASSWORD},
        )
    else:
        mail.outbox.clear()
        asked = other.post(response["Location"], {"email": "elsewhere@example.jp"})
        code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", mail.outbox[-1].body, re.M).group(1)
        landed = other.post(asked["Location"], {"code": code})
    assert landed.status_code == 302
    assert landed["Location"] == "/ja/members/my/"
    assert user_of(other).email == "elsewhere@example.jp"


def test_a_link_opened_after_the_login_timeout_asks_to_log_in(
    client, demo_site, settings, django_capture_on_commit_callbacks
):
    settings.ACCOUNT_LOGIN_TIMEOUT = -1  # the waiting login has expired
    register(client, "ja", "late@example.jp")
    response = confirm(client, last_mail_to("late@example.jp"), django_capture_on_commit_callbacks)
    assert response["Location"] == "/ja/accounts/login/?next=%2Fja%2Fmembers%2Fmy%2F"
    assert not user_of(client).is_authenticated


def test_logging_in_lands_members_on_the_card_and_pass_holders_on_the_pass(client, demo_site):
    member = MembershipFactory(user=UserFactory(email="m@example.jp")).user
    holder = PassFactory(user=UserFactory(email="p@example.jp")).user
    plain = UserFactory(email="plain@example.jp")
    for user, landing in [
        (member, "/ja/members/my/"),
        (holder, "/ja/pass/"),
        (plain, "/"),
    ]:
        client.logout()
        response = client.post(
            "/ja/accounts/login/", {"login": user.email, "password": DEFAULT_PASSWORD}
        )
        assert response.status_code == 302
        assert response["Location"] == landing, user.email
    # An explicit ?next still wins.
    client.logout()
    response = client.post(
        "/ja/accounts/login/?next=/ja/consultation/",
        {"login": member.email, "password": DEFAULT_PASSWORD},
    )
    assert response["Location"] == "/ja/consultation/"
