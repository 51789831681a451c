"""Reloading the registration wizard resumes the step reached, with what was entered; Back
still works from there; a finished wizard, one left alone too long, or "Start again" starts
at step 1. Times are real (time-machine moves the clock)."""

import re
import time

import pytest
import time_machine
from django.contrib.auth import get_user_model

from members.wizard_storage import IDLE_SECONDS
from tests.members.test_registration import PREFIX, STEP_DATA, URL, post_step, register

pytestmark = pytest.mark.django_db
User = get_user_model()


def step_shown(response):
    return re.search(r"ステップ (\d) / 4", response.content.decode()).group(1)


def test_a_reload_resumes_the_step_reached_with_what_was_entered(client, demo_site):
    client.get(URL)
    post_step(client, "relationship")
    post_step(client, "profile")
    response = client.get(URL)  # the reload
    assert step_shown(response) == "3"
    html = response.content.decode()
    assert "続きから" in html or "continuing where you left off" in html
    assert 'href="?restart=1"' in html
    # Back from the resumed step shows the profile as it was typed.
    response = client.post(
        URL, {f"{PREFIX}-current_step": "interests", "wizard_goto_step": "profile"}, follow=True
    )
    html = response.content.decode()
    assert step_shown(response) == "2"
    assert 'value="Hanako@Example.jp"' in html and 'value="苫小牧"' in html
    # Reloading there resumes step 2, with its data, and no error shown.
    response = client.get(URL)
    html = response.content.decode()
    assert step_shown(response) == "2" and 'value="花子"' in html
    assert 'role="alert"' not in html
    # And the registration goes through from there without retyping the password.
    post_step(
        client,
        "profile",
        {**STEP_DATA["profile"], "profile-password1": "", "profile-password2": ""},
    )
    post_step(client, "interests")
    response = post_step(client, "review")
    assert response.status_code == 302
    assert User.objects.filter(email="hanako@example.jp").exists()


def test_the_review_step_resumes_with_the_summary(client, demo_site):
    client.get(URL)
    post_step(client, "relationship")
    post_step(client, "profile")
    post_step(client, "interests")
    response = client.get(URL)
    assert step_shown(response) == "4"
    assert "hanako@example.jp" in response.content.decode().lower()


def test_a_finished_wizard_starts_fresh(client, demo_site):
    register(client)
    response = client.get(URL)
    assert step_shown(response) == "1"
    assert 'value="lived"' in response.content.decode()
    assert not re.search(r'value="lived"[^>]*checked', response.content.decode())


def test_a_wizard_left_alone_too_long_starts_fresh(client, demo_site):
    client.get(URL)
    post_step(client, "relationship")
    post_step(client, "profile")
    with time_machine.travel(time.time() + IDLE_SECONDS - 60, tick=False):
        assert step_shown(client.get(URL)) == "3"  # still resumable (and this use counts)
    with time_machine.travel(time.time() + 2 * IDLE_SECONDS, tick=False):
        response = client.get(URL)
    assert step_shown(response) == "1"
    assert "hanako" not in response.content.decode().lower()


def test_start_again_empties_the_wizard_and_a_reload_after_it_resumes(client, demo_site):
    client.get(URL)
    post_step(client, "relationship")
    post_step(client, "profile")
    response = client.get(URL + "?restart=1")
    assert response.status_code == 302 and response["Location"] == URL
    assert step_shown(client.get(URL)) == "1"
    post_step(client, "relationship")
    assert step_shown(client.get(URL)) == "2"


def test_a_first_visit_still_sets_no_cookie(client, demo_site):
    response = client.get(URL)
    assert step_shown(response) == "1"
    assert "sessionid" not in response.cookies and "__Host-sessionid" not in response.cookies
