"""Two-factor authentication for staff (members/two_factor.py, allauth's MFA).

Accounts that can see personal data must set up an authenticator app before they reach any
page; the login then asks for its code; members and other editors are not forced."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.contrib.auth.models import Permission
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from members.two_factor import StaffTwoFactorMiddleware
from tests.config.test_settings import PRODUCTION_ENV, manage
from tests.e2e.accounts import code_from_secret, current_code
from tests.factories import DEFAULT_PASSWORD, UserFactory, give_authenticator_app
from tests.factories.members import MembershipFactory

RESIDENTS = "/admin/furusato_residents/"
INBOX = "/admin/consultations/"
SETUP = "/en/accounts/2fa/totp/activate/"
CODE_STEP = "/en/accounts/2fa/authenticate/"
WHY = "must be protected with two-factor authentication"


def log_in(client, user, language="en"):
    return client.post(
        f"/{language}/accounts/login/", {"login": user.email, "password": DEFAULT_PASSWORD}
    )


def staff(role):
    if role == "superuser":
        return UserFactory(is_superuser=True, is_staff=True)
    return UserFactory(groups=[role])


def is_logged_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("role", ["City editors", "Consultation staff", "superuser"])
def test_staff_without_two_factor_reach_nothing_until_they_set_it_up(
    client, demo_site, staff_without_authenticator_app, role
):
    user = staff(role)
    response = log_in(client, user)
    assert response.status_code == 302 and is_logged_in(client)
    for url in ("/admin/", RESIDENTS, INBOX, "/en/", "/en/members/my/"):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 302, url
        assert response["Location"] == SETUP, url

    # allauth asks for the password once more before it shows a new secret.
    response = client.get(SETUP)
    assert response["Location"].startswith("/en/accounts/reauthenticate/")
    response = client.post(response["Location"], {"password": DEFAULT_PASSWORD})
    assert response["Location"] == SETUP
    # The setup page says why, shows the QR code and the secret as text.
    page = client.get(SETUP).content.decode()
    assert WHY in page
    assert 'alt="QR code to scan with your authenticator app' in page
    secret = re.search(r'id="authenticator_secret"[^>]*>([A-Z2-7]+)<', page).group(1)

    # A wrong code does not activate it.
    response = client.post(SETUP, {"code": "000000"})
    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=user).exists()
    assert client.get(RESIDENTS, HTTP_ACCEPT_LANGUAGE="en")["Location"] == SETUP

    # The code the app shows does, and the recovery codes are shown once set up.
    response = client.post(SETUP, {"code": code_from_secret(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type="totp").exists()
    codes_page = client.get(response["Location"]).content.decode()
    assert re.search(r"\b\d{8}\b", codes_page)
    assert client.get("/admin/").status_code == 200
    if role != "Consultation staff":
        assert client.get(RESIDENTS).status_code == 200
    if role != "superuser":
        assert client.get(INBOX).status_code == 200


def test_the_way_out_stays_open_while_two_factor_is_missing(
    client, demo_site, staff_without_authenticator_app
):
    user = staff("City editors")
    client.force_login(user)
    assert client.get("/static/css/site.css").status_code != 302
    assert client.get("/healthz/").status_code in (200, 503)
    # The setup (after the password again, allauth's rule), in Japanese too.
    response = client.get("/ja/accounts/2fa/totp/activate/")
    assert response["Location"].startswith("/ja/accounts/reauthenticate/")
    assert client.get(response["Location"]).status_code == 200
    assert client.post("/en/accounts/logout/").status_code == 302
    assert not is_logged_in(client)


def test_login_asks_for_the_code_and_refuses_a_wrong_one(client, demo_site):
    user = staff("City editors")
    response = log_in(client, user)
    assert response["Location"] == CODE_STEP
    assert not is_logged_in(client)
    response = client.post(CODE_STEP, {"code": "123456"})
    assert response.status_code == 200
    assert not is_logged_in(client)
    assert client.get(RESIDENTS).status_code == 302  # to the login
    response = client.post(CODE_STEP, {"code": current_code(user)})
    assert response.status_code == 302 and is_logged_in(client)
    assert client.get(RESIDENTS).status_code == 200


def test_a_recovery_code_logs_in_once(client, demo_site):
    user = staff("Consultation staff")
    recovery_code = RecoveryCodes.activate(user).get_unused_codes()[0]
    log_in(client, user)
    response = client.post(CODE_STEP, {"code": recovery_code})
    assert response.status_code == 302 and is_logged_in(client)
    assert client.get(INBOX).status_code == 200
    client.post("/en/accounts/logout/")
    log_in(client, user)
    response = client.post(CODE_STEP, {"code": recovery_code})
    assert response.status_code == 200
    assert not is_logged_in(client)


def test_members_are_not_forced_but_may_set_it_up(client, demo_site):
    member = MembershipFactory().user
    log_in(client, member)
    assert is_logged_in(client)  # no code step
    response = client.get("/en/members/my/")
    assert response.status_code == 200
    assert 'href="/en/accounts/2fa/"' in response.content.decode()
    response = client.get("/en/accounts/2fa/totp/activate/")  # after the password again
    assert response["Location"].startswith("/en/accounts/reauthenticate/")
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("role", ["Contractor editors", "Translators", "Partner staff"])
def test_other_staff_are_not_forced_until_granted_the_residents_view(
    client, demo_site, staff_without_authenticator_app, role
):
    user = staff(role)
    client.force_login(user)
    assert client.get("/en/").status_code == 200
    user.user_permissions.add(Permission.objects.get(codename="view_membership"))
    # The same session: the grant takes effect at the next request.
    assert client.get("/en/")["Location"] == SETUP
    assert client.get(RESIDENTS, HTTP_ACCEPT_LANGUAGE="en")["Location"] == SETUP
    give_authenticator_app(user)
    assert client.get("/en/").status_code == 200


def test_the_check_costs_members_and_visitors_no_query_and_staff_one_at_most(
    rf, demo_site, django_assert_num_queries, staff_without_authenticator_app
):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.cache import SessionStore

    middleware = StaffTwoFactorMiddleware(lambda request: None)

    def check(user):
        request = rf.get("/ja/")
        request.user, request.session = user, sessions.setdefault(user.pk, SessionStore())
        request.resolver_match = None
        return middleware.process_view(request, None, (), {})

    sessions = {}
    member = MembershipFactory().user
    with django_assert_num_queries(0):
        check(AnonymousUser())
    with django_assert_num_queries(1):
        assert check(member) is None  # the first request after the login
    with django_assert_num_queries(0):
        assert check(member) is None
    editor = staff("City editors")
    with django_assert_num_queries(1):
        assert check(editor).status_code == 302  # not set up yet: checked each time
    give_authenticator_app(editor)
    with django_assert_num_queries(1):
        assert check(editor) is None
    with django_assert_num_queries(0):
        assert check(editor) is None


def test_the_demo_bypass_code_is_refused_with_debug_off(client, demo_site):
    user = staff("City editors")
    log_in(client, user)
    with override_settings(DEBUG=False, MFA_TOTP_INSECURE_BYPASS_CODE="000000"):
        with pytest.raises(ImproperlyConfigured):
            client.post(CODE_STEP, {"code": "000000"})
    assert not is_logged_in(client)
    # The test settings set no bypass code at all.
    response = client.post(CODE_STEP, {"code": "000000"})
    assert response.status_code == 200 and not is_logged_in(client)


def bypass_code(settings_module, **env):
    result = manage(
        "shell",
        "-c",
        "from allauth.mfa import app_settings as s; print(repr(s.TOTP_INSECURE_BYPASS_CODE))",
        settings=settings_module,
        env_overrides=env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_only_development_with_debug_on_has_the_demo_code():
    assert bypass_code("config.settings.production", **PRODUCTION_ENV) == "None"
    assert bypass_code("config.settings.dev", SECRET_KEY="dev", DEBUG="False") == "None"
    assert bypass_code("config.settings.dev", SECRET_KEY="dev") == "'000000'"
    assert bypass_code("config.settings.dev", SECRET_KEY="dev", MFA_DEMO_CODE="424242") == (
        "'424242'"
    )


def test_a_login_by_e_mailed_code_still_asks_for_the_authenticator_code(client, demo_site):
    from django.core import mail

    user = staff("City editors")
    client.post("/en/accounts/login/code/", {"email": user.email})
    body = mail.outbox[-1].body
    login_code = re.search(r"^\s*([A-Z0-9]{3,4}-?[A-Z0-9]{3,4})\s*$", body, re.M).group(1)
    response = client.post("/en/accounts/login/code/confirm/", {"code": login_code})
    assert response["Location"] == CODE_STEP
    assert not is_logged_in(client)


def test_a_security_key_is_a_second_factor_too(client, demo_site, staff_without_authenticator_app):
    user = staff("City editors")
    client.force_login(user)
    assert client.get(RESIDENTS).status_code == 302
    Authenticator.objects.create(user=user, type=Authenticator.Type.WEBAUTHN, data={})
    assert client.get(RESIDENTS).status_code == 200
    # The security key's page is open to staff who must still set up a second factor.
    Authenticator.objects.filter(user=user).delete()
    response = client.get("/en/accounts/2fa/webauthn/add/")
    assert response["Location"].startswith("/en/accounts/reauthenticate/")


@pytest.mark.parametrize(
    ("app_label", "codename"),
    [
        ("members", "view_loginevent"),
        ("core", "view_failed_emails"),
        ("members", "view_user"),
        ("members", "change_user"),
        ("passes", "view_partnerstaff"),
    ],
)
def test_every_permission_that_opens_personal_data_requires_the_second_factor(
    client, demo_site, staff_without_authenticator_app, app_label, codename
):
    user = staff("Contractor editors")
    client.force_login(user)
    assert client.get("/en/").status_code == 200
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
    )
    assert client.get("/en/")["Location"] == SETUP


def test_the_code_field_is_described_by_its_help_and_offers_the_app_code(client, demo_site):
    user = staff("City editors")
    log_in(client, user)
    page = client.get(CODE_STEP).content.decode()
    field = re.search(r'<input[^>]*name="code"[^>]*>', page).group(0)
    assert 'aria-describedby="mfa-code-help"' in field
    assert 'autocomplete="one-time-code"' in field
    assert 'id="mfa-code-help"' in page
