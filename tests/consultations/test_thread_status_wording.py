"""The person's thread and My page speak to the person: "we have replied, answer if you have
more questions", never the desk's own status words ("Waiting for the person")."""

import pytest
from django.utils import translation

from consultations import services
from consultations.models import PERSON_STATUS_LABELS, Status
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db

INTERNAL = {"ja": "相談者の返事待ち", "en": "Waiting for the person"}
PERSON = {
    "ja": ("回答済み", "回答をお送りしました。"),
    "en": ("Answered", "We have replied; please answer below if you have more questions."),
}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_replied_thread_says_we_replied_not_waiting_for_the_person(
    client, demo_site, staff_user, language
):
    consultation = ConsultationFactory(language=language)
    services.reply_to_person(consultation, "空き家バンクをご案内します。", staff_user=staff_user)
    consultation.refresh_from_db()
    assert consultation.status == Status.WAITING
    with translation.override(language):
        internal = str(Status.WAITING.label)
    assert internal == INTERNAL[language]  # the catalogue has the desk's word…
    url = f"/{language}/consultation/thread/{services.thread_token(consultation)}/"
    html = client.get(url).content.decode()
    label, note = PERSON[language]
    assert f'<dd class="consultation-status">{label}</dd>' in html
    assert note in html
    assert INTERNAL[language] not in html  # …and the person never sees it


@pytest.mark.parametrize("status", list(Status))
def test_every_status_has_person_facing_words(client, demo_site, status):
    consultation = ConsultationFactory(language="en", status=status)
    url = f"/en/consultation/thread/{services.thread_token(consultation)}/"
    html = client.get(url).content.decode()
    assert f'<dd class="consultation-status">{PERSON_STATUS_LABELS[status]}</dd>' in html
    assert 'class="consultation-status-note">' in html


def test_a_new_consultation_shows_the_promised_date(client, demo_site):
    consultation = ConsultationFactory(language="en")
    url = f"/en/consultation/thread/{services.thread_token(consultation)}/"
    html = client.get(url).content.decode()
    assert "We have received your consultation and will answer by " in html


def test_a_consultation_past_its_promised_date_promises_no_day_already_gone(client, demo_site):
    from datetime import timedelta

    from django.utils import timezone

    consultation = ConsultationFactory(
        language="en", created_at=timezone.now() - timedelta(days=30)
    )
    url = f"/en/consultation/thread/{services.thread_token(consultation)}/"
    html = client.get(url).content.decode()
    assert "We are sorry to keep you waiting." in html
    assert "will answer by" not in html and "will send it by" not in html


def test_my_page_list_uses_the_person_facing_label(demo_site, rf):
    from django.template.loader import render_to_string

    consultation = ConsultationFactory(status=Status.WAITING)
    with translation.override("ja"):
        html = render_to_string(
            "consultations/includes/my_consultations.html", {"consultations": [consultation]}
        )
    assert "回答済み" in html and "相談者の返事待ち" not in html
