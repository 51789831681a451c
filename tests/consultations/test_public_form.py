"""The public page: form → confirmation → thank-you with a reference number; abuse rules."""

import re

import pytest
from django.core import mail
from django.test import override_settings

from consultations.models import Consultation, ConsultationPage, Delivery
from tests.consultations.conftest import PAGE, confirm_and_send, valid_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_page_is_a_consultation_page_in_japanese_and_english(client, demo_site):
    page = ConsultationPage.objects.get(locale__language_code="ja", slug="consultation")
    assert page.get_translation_or_none(page.locale.__class__.objects.get(language_code="en")).live
    html = client.get(PAGE).content.decode()
    # Phone, hours and e-mail come from the site settings and the site identity.
    assert "0144-00-1234" in html
    assert "平日 8:45〜17:15" in html
    assert "tsunagaru@example.jp" in html
    assert "二地域居住" in html and 'name="topics"' in html
    english = client.get("/en/consultation/").content.decode()
    assert "Weekdays 8:45–17:15" in english
    assert "Consultation form" in english


def test_form_page_is_private_and_not_cached(client, demo_site):
    response = client.get(PAGE)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_search_engines_may_index_the_empty_form_but_no_step_after_it(client, demo_site):
    response = client.get(PAGE)
    assert "X-Robots-Tag" not in response
    assert 'name="robots"' not in response.content.decode()
    confirmation = client.post(PAGE, {**valid_data(), "action": "confirm"})
    assert confirmation["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex">' in confirmation.content.decode()
    errors = client.post(PAGE, {**valid_data(email=""), "action": "confirm"})
    assert errors["X-Robots-Tag"] == "noindex, nofollow"
    thanks, _token, _data = confirm_and_send(client)
    assert thanks["X-Robots-Tag"] == "noindex, nofollow"


def test_errors_are_shown_beside_fields_and_in_a_summary(client, demo_site):
    before = Consultation.objects.count()
    response = client.post(PAGE, {"action": "confirm", **valid_data(name="", topics=[])})
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "お名前を入力してください。" in html
    assert 'aria-invalid="true"' in html
    assert Consultation.objects.count() == before  # nothing stored


def test_phone_reply_needs_a_phone_number(client, demo_site):
    html = client.post(
        PAGE, {"action": "confirm", **valid_data(preferred_reply="phone")}
    ).content.decode()
    assert 'id="id_phone_error"' in html


def test_confirmation_then_send_stores_one_consultation_and_mails_the_reference(
    client, demo_site, outbox
):
    before = Consultation.objects.count()
    data = valid_data()
    confirm = client.post(PAGE, {**data, "action": "confirm"}).content.decode()
    assert "苫小牧 花子" in confirm and 'name="submission_token"' in confirm
    assert Consultation.objects.count() == before  # nothing stored before sending
    response, token, _data = confirm_and_send(client)
    consultation = Consultation.objects.latest("pk")
    assert Consultation.objects.count() == before + 1
    assert re.fullmatch(r"C-\d{4}-\d{5}", consultation.reference)
    assert consultation.reference in response.content.decode()
    assert consultation.language == "ja"
    assert consultation.topic_codes == ["two_region", "housing"]
    assert consultation.consent_at is not None
    ack = [m for m in outbox if m.to == ["hanako@example.com"]]
    assert len(ack) == 1
    assert consultation.reference in ack[0].subject
    assert consultation.reference in ack[0].body
    assert "/ja/consultation/thread/" in ack[0].body
    assert ack[0].alternatives and "text/html" == ack[0].alternatives[0][1]
    assert ack[0].reply_to == ["tsunagaru@example.jp"]  # the desk's address


def test_staff_notification_carries_only_a_link(client, demo_site, outbox):
    confirm_and_send(client, message="持病があり、市内の病院について知りたいです。")
    notices = [m for m in outbox if m.to == ["consult@example.jp"]]
    assert len(notices) == 1
    body = notices[0].body + notices[0].alternatives[0][0]
    assert "/admin/consultations/" in body
    for private in ("苫小牧 花子", "hanako@example.com", "持病"):
        assert private not in body and private not in notices[0].subject


def test_double_click_or_reload_stores_one_consultation(client, demo_site):
    response, token, data = confirm_and_send(client)
    signed = response.signed_token
    again = client.post(PAGE, {**data, "action": "send", "submission_token": signed})
    assert Consultation.objects.filter(submission_token=token).count() == 1
    reference = Consultation.objects.get(submission_token=token).reference
    assert reference in again.content.decode()


def test_forged_submission_token_is_refused(client, demo_site):
    before = Consultation.objects.count()
    response = client.post(PAGE, {**valid_data(), "action": "send", "submission_token": "forged"})
    assert Consultation.objects.count() == before
    assert 'role="alert"' in response.content.decode()


def test_back_keeps_the_entries(client, demo_site):
    html = client.post(PAGE, {**valid_data(), "action": "back"}).content.decode()
    assert 'value="苫小牧 花子"' in html
    assert 'role="alert"' not in html


def test_honeypot_refuses(client, demo_site):
    before = Consultation.objects.count()
    html = client.post(
        PAGE, {**valid_data(website="http://spam.example"), "action": "confirm"}
    ).content.decode()
    assert 'name="submission_token"' not in html
    assert Consultation.objects.count() == before


@override_settings(FORM_TIME_TRAP_SECONDS=60)
def test_time_trap_refuses_a_form_sent_too_fast(client, demo_site):
    import time

    from django.core import signing

    from core.abuse import TIME_TRAP_SALT

    started = signing.dumps(time.time(), salt=TIME_TRAP_SALT)
    html = client.post(
        PAGE, {**valid_data(form_started=started), "action": "confirm"}
    ).content.decode()
    assert 'name="submission_token"' not in html


def test_rate_limit_per_ip(client, demo_site):
    for _number in range(5):
        response, _token, _data = confirm_and_send(client)
        assert response.status_code == 200
    response, _token, data = confirm_and_send(client)
    assert response.status_code == 429
    assert Consultation.objects.exclude(submission_token=None).count() == 5
    # The confirmation step again: a clear error, the entries kept, the same token.
    html = response.content.decode()
    assert 'id="error-summary"' in html and 'role="alert"' in html
    assert 'name="submission_token" value="' + response.signed_token + '"' in html
    assert data["message"] in html
    assert 'value="hanako@example.com"' in html


def test_member_submission_is_linked_and_listed(client, demo_site):
    from consultations.services import consultations_for_user

    member = UserFactory()
    client.force_login(member)
    confirm_and_send(client)
    consultation = Consultation.objects.latest("pk")
    assert consultation.user == member
    assert list(consultations_for_user(member)) == [consultation]
    other = UserFactory()
    assert list(consultations_for_user(other)) == []


def test_my_consultations_include(demo_site, rf):
    from django.template.loader import render_to_string

    from tests.factories.consultations import ConsultationFactory

    consultation = ConsultationFactory()
    html = render_to_string(
        "consultations/includes/my_consultations.html", {"consultations": [consultation]}
    )
    assert consultation.reference in html
    assert f"/consultation/mine/{consultation.reference}/" in html
    # My page heads the section ("My consultations"): the include adds no heading.
    assert not re.search(r"<h[1-6]", html)


def test_header_injection_in_the_name_adds_no_header(client, demo_site, outbox):
    confirm_and_send(client, name="花子\r\nBcc: victim@example.com")
    for message in outbox:
        raw = message.message().as_string()
        assert "\nBcc:" not in raw.replace("\r\n", "\n").split("\n\n", 1)[0]
        assert "\n" not in message.subject and "\r" not in message.subject
        assert message.bcc == []
    assert Delivery.objects.filter(sent_at__isnull=True).count() == 0


def test_english_form_stores_the_language_and_mails_in_english(client, demo_site, outbox):
    confirm_and_send(client, url="/en/consultation/")
    consultation = Consultation.objects.latest("pk")
    assert consultation.language == "en"
    ack = [m for m in outbox if m.to == ["hanako@example.com"]][0]
    assert "We have received your consultation" in ack.subject
    assert "/en/consultation/thread/" in ack.body
    assert len(mail.outbox) >= 1


def test_query_budget_of_the_form_page(client, demo_site, django_assert_max_num_queries):
    for url in (PAGE, "/en/consultation/"):
        client.get(url)
        with django_assert_max_num_queries(10):
            response = client.get(url)
        assert response.status_code == 200


def test_without_staff_the_notice_goes_to_the_desk_address(client, demo_site, outbox):
    from django.contrib.auth.models import Group

    from core.roles import CONSULTATION_STAFF

    Group.objects.get(name=CONSULTATION_STAFF).user_set.clear()
    confirm_and_send(client)
    assert [m for m in outbox if m.to == ["tsunagaru@example.jp"]]
