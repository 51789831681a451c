"""Every account is opened by the registration wizard (with its privacy consent) or the Entry
Pass application; allauth's bare sign-up form is not a way in (issue 16, point 10)."""

import pytest
from allauth.account.views import SignupView
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.middleware import SessionMiddleware
from django.core import mail
from django.utils import translation

from tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()
SIGNUP_DATA = {
    "email": "bare@example.jp",
    "password1": DEFAULT_PASSWORD,
    "password2": DEFAULT_PASSWORD,
}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_bare_sign_up_leads_into_the_wizard_keeping_next(client, demo_site, language):
    response = client.get(f"/{language}/accounts/signup/?next=/{language}/pass/")
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/members/register/?next=/{language}/pass/"
    wizard = client.get(response["Location"])
    assert wizard.status_code == 200
    assert 'name="registration_wizard-current_step"' in wizard.content.decode()


def test_posting_to_the_bare_sign_up_creates_no_account(client, demo_site):
    response = client.post("/ja/accounts/signup/", SIGNUP_DATA)
    assert response.status_code == 302
    assert response["Location"] == "/ja/members/register/"
    assert not User.objects.filter(email="bare@example.jp").exists()
    assert mail.outbox == []


def test_allauths_sign_up_form_stays_closed_wherever_it_is_reached(rf, demo_site):
    """Even mounted at another URL, allauth's form opens no account (the adapter closes it)."""
    request = rf.post("/ja/accounts/signup/", SIGNUP_DATA)
    SessionMiddleware(lambda r: None).process_request(request)
    request.user = AnonymousUser()
    with translation.override("ja"):
        response = SignupView.as_view()(request)
    assert response.status_code == 200
    assert response.template_name == "account/signup_closed.html"
    assert not User.objects.filter(email="bare@example.jp").exists()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_login_pages_sign_up_link_goes_to_the_wizard(client, demo_site, language):
    html = client.get(f"/{language}/accounts/login/?next=/{language}/members/my/").content.decode()
    assert f'href="/{language}/members/register/?next=/{language}/members/my/"' in html
    assert f'href="/{language}/pass/apply/"' in html
    assert "/accounts/signup/" not in html
