"""The time trap guards the first submission of a public form; the person's answer in their
signed thread is not a first submission (the link is the proof): an answer sent a second after
the page loaded is accepted, while the honeypot and the rate limit still apply."""

import re

import pytest
from django.test import override_settings

from consultations import services
from consultations.models import Consultation, Message
from tests.consultations.conftest import PAGE, valid_data
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db


def traps_of(html):
    """What the browser sends back: the hidden inputs of the form as loaded."""
    return dict(
        re.findall(r'<input type="hidden" name="(website|form_started)" value="([^"]*)"', html)
    )


@override_settings(FORM_TIME_TRAP_SECONDS=60)
def test_an_answer_sent_at_once_after_loading_the_thread_is_accepted(client, demo_site):
    # 60 s: the first request of a test run alone can take seconds to render.
    consultation = ConsultationFactory()
    url = f"/ja/consultation/thread/{services.thread_token(consultation)}/"
    loaded = client.get(url).content.decode()
    response = client.post(url, {"message": "すぐにお返事します。", **traps_of(loaded)})
    assert response.status_code == 303
    assert consultation.messages.filter(
        kind=Message.Kind.PERSON, body="すぐにお返事します。"
    ).exists()


@override_settings(FORM_TIME_TRAP_SECONDS=60)
def test_the_public_form_sent_at_once_is_still_refused(client, demo_site):
    loaded = client.get(PAGE).content.decode()
    started = re.search(r'name="form_started" value="([^"]+)"', loaded).group(1)
    before = Consultation.objects.count()
    html = client.post(
        PAGE, {**valid_data(form_started=started), "action": "confirm"}
    ).content.decode()
    assert 'name="submission_token"' not in html
    assert Consultation.objects.count() == before


def test_the_thread_keeps_the_honeypot(client, demo_site):
    consultation = ConsultationFactory()
    url = f"/ja/consultation/thread/{services.thread_token(consultation)}/"
    response = client.post(url, {"message": "spam", "website": "http://spam.example"})
    assert response.status_code == 400
    assert consultation.messages.filter(body="spam").count() == 0


@override_settings(ACCOUNT_RATE_LIMITS={"consultation_reply": "2/600s/ip"})
def test_the_thread_keeps_the_rate_limit(client, demo_site):
    consultation = ConsultationFactory()
    url = f"/ja/consultation/thread/{services.thread_token(consultation)}/"
    statuses = [client.post(url, {"message": f"{n}"}).status_code for n in range(3)]
    assert statuses == [303, 303, 429]
