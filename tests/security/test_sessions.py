"""Anonymous visitors get no session: a cookie-less GET of any public page (the registration
wizard's first step, the pass application, the consultation form, login, pages, search) writes
no session row and sets no session cookie, with the database and the cached_db backends. The
registration wizard starts its session with the first step sent, and still works to the end."""

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.test import Client

from members.models import Membership
from tests.members.test_registration import PREFIX, STEP_DATA, post_step

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/ja/",
    "/en/",
    "/ja/stories/",
    "/ja/stories/hokki-clam-mornings/",
    "/ja/news/",
    "/ja/events/online-two-region-seminar/",
    "/ja/activities/",
    "/ja/entry-pass/",
    "/ja/entry-pass/partners/",
    "/ja/entry-pass/partners/hokkitei/",
    "/ja/privacy/",
    "/ja/search/?q=二地域",
    "/ja/accounts/login/",
    "/ja/accounts/signup/",
    "/ja/accounts/password/reset/",
    "/ja/members/register/",
    "/en/members/register/",
    "/ja/pass/",
    "/ja/pass/apply/",
    "/ja/consultation/",
    "/en/consultation/",
    "/ja/no-such-page/",
]

ENGINES = ["django.contrib.sessions.backends.db", "django.contrib.sessions.backends.cached_db"]


@pytest.fixture(params=ENGINES, ids=["db", "cached_db"])
def engine(request, settings):
    settings.SESSION_ENGINE = request.param
    return request.param


def test_cookie_less_gets_of_public_pages_create_no_session(demo_site, engine):
    for path in PUBLIC_PAGES:
        response = Client().get(path)
        assert response.status_code in (200, 302, 404), path
        assert django_settings.SESSION_COOKIE_NAME not in response.cookies, path
        assert Session.objects.count() == 0, path


def test_the_wizard_starts_its_session_with_the_first_step_and_works_to_the_end(
    client, demo_site, engine
):
    response = client.get("/ja/members/register/")
    assert "ステップ 1 / 4" in response.content.decode()
    assert Session.objects.count() == 0
    response = post_step(client, "relationship")
    assert response.status_code == 200
    assert "ステップ 2 / 4" in response.content.decode()
    assert Session.objects.count() == 1
    assert django_settings.SESSION_COOKIE_NAME in response.cookies
    post_step(client, "profile")
    post_step(client, "interests")
    response = post_step(client, "review")
    assert response.status_code == 302
    assert Membership.objects.filter(user__email="hanako@example.jp").exists()


def test_an_invalid_first_step_starts_no_session(client, demo_site, engine):
    client.get("/ja/members/register/")
    response = client.post(
        "/ja/members/register/",
        {f"{PREFIX}-current_step": "relationship", "relationship-relationships": []},
    )
    assert response.status_code == 200
    assert Session.objects.count() == 0
    # And the steps sent later still go through.
    assert post_step(client, "relationship", STEP_DATA["relationship"]).status_code == 200
    assert Session.objects.count() == 1
