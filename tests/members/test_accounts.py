"""Accounts: e-mail is the login; the registration wizard and the Entry Pass application open
accounts (tests/accounts/test_sign_up_paths.py), allauth runs verification, login (password or
e-mailed code), password reset and logout; failed logins are rate-limited."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.db import IntegrityError
from django.test import Client

from tests.accounts.journeys import register
from tests.factories import DEFAULT_PASSWORD, UserFactory

User = get_user_model()


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def logged_in_user(client):
    return client.get("/ja/").wsgi_request.user


@pytest.mark.django_db
def test_user_model_uses_email_as_login_and_has_no_username():
    user = User.objects.create_user(email="Hanako@Example.JP", password=DEFAULT_PASSWORD)
    assert User.USERNAME_FIELD == "email"
    assert not hasattr(user, "username") or user.username is None
    assert user.email == "hanako@example.jp"
    with pytest.raises(IntegrityError):
        User.objects.create_user(email="HANAKO@example.jp", password=DEFAULT_PASSWORD)


def test_user_model_is_in_the_first_migration():
    from django.db.migrations.loader import MigrationLoader

    first = MigrationLoader(None, ignore_no_migrations=True).get_migration(
        "members", "0001_initial"
    )
    created = {op.name: op for op in first.operations if op.__class__.__name__ == "CreateModel"}
    fields = dict(created["User"].fields)
    assert "email" in fields and fields["email"].unique
    assert "username" not in fields


@pytest.mark.django_db
def test_registration_requires_email_verification_before_login(client, demo_site):
    register(client, "ja", "new@example.jp")
    user = User.objects.get(email="new@example.jp")
    assert not EmailAddress.objects.get(user=user).verified
    assert not logged_in_user(client).is_authenticated
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new@example.jp"]
    assert "つながる苫小牧" in mail.outbox[0].subject + mail.outbox[0].body

    # Logging in before verifying does not start a session; it re-sends the link.
    other = Client()
    other.post("/ja/accounts/login/", {"login": "new@example.jp", "password": DEFAULT_PASSWORD})
    assert not logged_in_user(other).is_authenticated

    link = re.search(r"http://testserver(/\S+/accounts/confirm-email/\S+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    other.post(link.group(1))
    assert EmailAddress.objects.get(user=user).verified


@pytest.mark.django_db
def test_login_with_email_and_password(client, demo_site):
    user = UserFactory(email="member1@example.jp")
    response = client.post(
        "/ja/accounts/login/", {"login": "MEMBER1@example.jp", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert logged_in_user(client) == user


@pytest.mark.django_db
def test_wrong_password_shows_an_error_and_no_session(client, demo_site):
    UserFactory(email="wrongpass@example.jp")
    response = client.post(
        "/ja/accounts/login/", {"login": "wrongpass@example.jp", "password": "wrong-password-1"}
    )
    assert response.status_code == 200
    assert "メールアドレスもしくはパスワードが正しくありません" in response.content.decode()
    assert not logged_in_user(client).is_authenticated


@pytest.mark.django_db
def test_login_by_emailed_code(client, demo_site):
    user = UserFactory(email="code@example.jp")
    response = client.post("/ja/accounts/login/code/", {"email": "code@example.jp"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail.outbox[0].body, re.M).group(1)
    response = client.post(response["Location"], {"code": code})
    assert response.status_code == 302
    assert logged_in_user(client) == user


@pytest.mark.django_db
def test_password_reset_sends_a_link(client, demo_site):
    UserFactory(email="forgot@example.jp")
    response = client.post("/ja/accounts/password/reset/", {"email": "forgot@example.jp"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/ja/accounts/password/reset/key/" in mail.outbox[0].body


@pytest.mark.django_db
def test_logout_requires_post(client, demo_site):
    user = UserFactory()
    client.force_login(user)
    client.get("/ja/accounts/logout/")
    assert logged_in_user(client).is_authenticated
    client.post("/ja/accounts/logout/")
    assert not logged_in_user(client).is_authenticated


@pytest.mark.django_db
def test_failed_logins_for_an_account_ask_for_the_emailed_code_not_a_lockout(client, demo_site):
    UserFactory(email="target@example.jp")
    for _attempt in range(5):
        client.post("/ja/accounts/login/", {"login": "target@example.jp", "password": "guess-1234"})
    # The right password is not refused: it asks for the code e-mailed to the owner.
    response = client.post(
        "/ja/accounts/login/", {"login": "target@example.jp", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/ja/accounts/login/code/confirm/"
    assert not logged_in_user(client).is_authenticated
    assert [m.to for m in mail.outbox] == [["target@example.jp"]]


@pytest.mark.django_db
def test_failed_logins_are_rate_limited_per_ip(client, demo_site):
    # Guessing across many accounts from one address is stopped too.
    for attempt in range(10):
        user = UserFactory(email=f"x{attempt}@example.jp")
        client.post("/ja/accounts/login/", {"login": user.email, "password": "nope-1234"})
    user = UserFactory(email="innocent@example.jp")
    response = client.post(
        "/ja/accounts/login/", {"login": user.email, "password": DEFAULT_PASSWORD}
    )
    assert not logged_in_user(client).is_authenticated
    assert "ログイン失敗が連続しています" in response.content.decode()
    # Another address is not affected.
    other = client_for_ip(client, "203.0.113.9")
    other.post("/ja/accounts/login/", {"login": user.email, "password": DEFAULT_PASSWORD})
    assert logged_in_user(other) == user


def client_for_ip(client, ip):
    from django.test import Client

    return Client(REMOTE_ADDR=ip)


@pytest.mark.django_db
def test_wagtail_admin_login_is_allauths(client, demo_site):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/ja/accounts/login/?next=/admin/")
    # Wagtail's own login form is not reachable, so its POST cannot bypass the rate limit.
    response = client.post("/admin/login/", {"username": "a@example.jp", "password": "x"})
    assert response.status_code == 302
    assert response["Location"].startswith("/ja/accounts/login/")


@pytest.mark.django_db
def test_private_pages_send_visitors_to_allauths_login(client, demo_site):
    from wagtail.models import PageViewRestriction

    home = demo_site.root_page
    PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/ja/")
    assert response.status_code == 302
    assert response["Location"].startswith("/ja/accounts/login/?next=")


@pytest.mark.django_db
def test_logged_in_member_sent_to_login_sees_it_instead_of_a_redirect_loop(client, demo_site):
    client.force_login(UserFactory())
    response = client.get("/admin/")
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_rate_limits_count_the_client_behind_the_proxy(client, demo_site, settings):
    """Behind the reverse proxy every request comes from its address; the limit must not."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for attempt in range(10):
        user = UserFactory(email=f"p{attempt}@example.jp")
        client.post(
            "/ja/accounts/login/",
            {"login": user.email, "password": "nope-1234"},
            HTTP_X_FORWARDED_FOR="198.51.100.7",
        )
    user = UserFactory(email="another-visitor@example.jp")
    client.post(
        "/ja/accounts/login/",
        {"login": user.email, "password": DEFAULT_PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.20",
    )
    assert logged_in_user(client) == user


@pytest.mark.django_db
def test_login_codes_are_rate_limited_per_address(client, demo_site):
    UserFactory(email="codes@example.jp")
    statuses = [
        client.post("/ja/accounts/login/code/", {"email": "codes@example.jp"}).status_code
        for _ in range(5)
    ]
    assert statuses[:3] == [302, 302, 302]
    assert 302 not in statuses[3:]  # refused with a message
    assert len(mail.outbox) == 3  # "3/m/key"


@pytest.mark.django_db
def test_password_resets_are_rate_limited_per_address(client, demo_site):
    UserFactory(email="resets@example.jp")
    statuses = [
        client.post("/ja/accounts/password/reset/", {"email": "resets@example.jp"}).status_code
        for _ in range(7)
    ]
    assert 429 in statuses
    assert len(mail.outbox) <= 5  # "5/m/key"
