"""The honeypot, time trap and rate limit that every public form shares."""

import time

import pytest
from django import forms
from django.core import signing
from django.test import RequestFactory, override_settings
from django.utils import translation

from core.abuse import TIME_TRAP_SALT, HoneypotForm, HoneypotTimeTrapForm, within_rate_limit


class MessageForm(HoneypotTimeTrapForm):
    message = forms.CharField()


class SignedLinkAnswerForm(HoneypotForm):
    """Like the answer in a person's signed consultation thread."""

    message = forms.CharField()


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def started(seconds_ago):
    return signing.dumps(time.time() - seconds_ago, salt=TIME_TRAP_SALT)


@override_settings(FORM_TIME_TRAP_SECONDS=3)
def test_a_person_who_took_their_time_gets_through():
    form = MessageForm({"message": "こんにちは", "form_started": started(10)})
    assert form.is_valid(), form.errors


@override_settings(FORM_TIME_TRAP_SECONDS=3)
def test_a_form_sent_back_at_once_is_refused():
    form = MessageForm({"message": "spam", "form_started": started(0)})
    assert not form.is_valid()
    assert "faster than we expected" in str(form.non_field_errors())


def test_a_filled_honeypot_is_refused():
    form = MessageForm({"message": "spam", "website": "http://spam", "form_started": started(9)})
    assert not form.is_valid()


# Values are built inside the test: a signed value carries the time it was signed, so as a
# parameter it would give each pytest-xdist worker a different test id.
FORGED_TIMES = {
    "missing": lambda: "",
    "not-signed": lambda: "not-signed",
    "signed-with-another-salt": lambda: signing.dumps(time.time() - 10, salt="other"),
}


@pytest.mark.parametrize("kind", FORGED_TIMES)
def test_a_missing_or_forged_time_is_refused(kind):
    form = MessageForm({"message": "spam", "form_started": FORGED_TIMES[kind]()})
    assert not form.is_valid()
    assert "expired" in str(form.non_field_errors())


def test_a_day_old_form_has_expired():
    form = MessageForm({"message": "hello", "form_started": started(25 * 60 * 60)})
    assert not form.is_valid()
    assert "expired" in str(form.non_field_errors())


def test_the_traps_are_not_among_the_visible_fields():
    names = [field.name for field in MessageForm().visible_fields()]
    assert names == ["message"]


@override_settings(FORM_TIME_TRAP_SECONDS=3)
def test_a_form_behind_a_signed_link_has_no_time_trap():
    # Sent at once, and without any start time at all: both accepted.
    assert SignedLinkAnswerForm({"message": "すぐ返信します"}).is_valid()
    assert "form_started" not in SignedLinkAnswerForm().fields


def test_a_form_behind_a_signed_link_keeps_the_honeypot():
    form = SignedLinkAnswerForm({"message": "spam", "website": "http://spam"})
    assert not form.is_valid()
    assert [f.name for f in SignedLinkAnswerForm().visible_fields()] == ["message"]


@override_settings(ACCOUNT_RATE_LIMITS={"consultation_submit": "2/m/ip"})
def test_the_rate_limit_counts_per_client_address():
    factory = RequestFactory()
    first = factory.post("/", REMOTE_ADDR="198.51.100.1")
    assert within_rate_limit(first, "consultation_submit")
    assert within_rate_limit(first, "consultation_submit")
    assert not within_rate_limit(first, "consultation_submit")
    other = factory.post("/", REMOTE_ADDR="198.51.100.2")
    assert within_rate_limit(other, "consultation_submit")
