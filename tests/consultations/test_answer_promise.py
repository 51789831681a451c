"""One promise of an answer: the page's "within N working days", the thank-you page's date
and the acknowledgement e-mail's number and date all come from CONSULTATION_RESPONSE_DAYS and
the desk's working days (consultations.working_days)."""

import re

import pytest
from django.test import override_settings
from django.utils import timezone, translation

from consultations.models import Consultation
from consultations.working_days import answer_due_date, format_date_with_weekday
from tests.consultations.conftest import confirm_and_send

pytestmark = pytest.mark.django_db
PAGE_EN = "/en/consultation/"


def promised_days(text):
    return {int(n) for n in re.findall(r"within (\d+) working days?", text)}


@pytest.mark.parametrize("days", [3, 5])
def test_the_page_and_the_e_mail_promise_the_same_number_and_date(client, demo_site, outbox, days):
    with override_settings(CONSULTATION_RESPONSE_DAYS=days):
        form_page = client.get(PAGE_EN).content.decode()
        response, _token, _data = confirm_and_send(client, url=PAGE_EN)
    thanks = response.content.decode()
    consultation = Consultation.objects.latest("pk")
    ack = [m for m in outbox if m.to == ["hanako@example.com"]][0]
    html_ack = ack.alternatives[0][0]
    assert promised_days(form_page) == {days}
    assert promised_days(thanks) == {days}
    assert promised_days(ack.body) == {days}
    assert promised_days(html_ack) == {days}
    assert "a few working days" not in ack.body
    with override_settings(CONSULTATION_RESPONSE_DAYS=days), translation.override("en"):
        due = format_date_with_weekday(answer_due_date(consultation.created_at))
    assert due in thanks and due in ack.body and due in html_ack
    assert answer_due_date(timezone.now()) is not None


@override_settings(CONSULTATION_RESPONSE_DAYS=1)
def test_one_working_day_is_singular(client, demo_site):
    assert "within 1 working day." in client.get(PAGE_EN).content.decode()


@override_settings(CONSULTATION_DESK_CLOSED_DAYS=[])
def test_the_page_names_the_year_end_closure_only_when_the_desk_has_one(client, demo_site):
    html = client.get(PAGE_EN).content.decode()
    assert "except national holidays." in html
    with override_settings(CONSULTATION_DESK_CLOSED_DAYS=["12-29", "12-30", "12-31"]):
        html = client.get(PAGE_EN).content.decode()
    assert "except national holidays and the year-end and New Year holidays." in html


def test_the_staff_detail_shows_the_promised_date_until_answered(client, demo_site, staff_user):
    from datetime import datetime

    from consultations import services
    from core.japan_time import JST
    from tests.factories.consultations import ConsultationFactory

    received = datetime(2027, 1, 7, 15, 0, tzinfo=JST)  # Thursday
    consultation = ConsultationFactory(created_at=received)
    client.force_login(staff_user)
    url = f"/admin/consultations/{consultation.pk}/"
    html = client.get(url).content.decode()
    # Fri 8, (weekend, Mon 11 成人の日), Tue 12, Wed 13 January.
    assert answer_due_date(received).isoformat() == "2027-01-13"
    shown = []
    for language in ("ja", "en"):  # whichever the staff member's admin language is
        with translation.override(language):
            shown.append(format_date_with_weekday(answer_due_date(received)))
    assert any(f'<dd id="consultation-answer-due">{due}</dd>' in html for due in shown)
    services.reply_to_person(consultation, "Reply", staff_user=staff_user)
    assert 'id="consultation-answer-due"' not in client.get(url).content.decode()
