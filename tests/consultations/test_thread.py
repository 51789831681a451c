"""The person's thread: signed expiring link, replies without internal notes, answers."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from consultations import services
from consultations.models import Message, Status
from tests.consultations.conftest import confirm_and_send
from tests.factories import UserFactory
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def link_from(outbox, recipient):
    message = [m for m in outbox if m.to == [recipient]][-1]
    return re.search(r"http://testserver(/\w+/consultation/thread/[^/\s]+/)", message.body).group(1)


def test_the_link_in_the_acknowledgement_opens_the_thread(client, demo_site, outbox):
    confirm_and_send(client)
    url = link_from(outbox, "hanako@example.com")
    client.logout()
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "夏の間だけ苫小牧で暮らしたいです" in html


def test_staff_replies_show_but_internal_notes_never(client, demo_site, staff_user, outbox):
    consultation = ConsultationFactory()
    services.add_note(consultation, "社内メモ：住宅課に確認中", staff_user=staff_user)
    services.reply_to_person(
        consultation, "空き家バンクの物件をご案内します。", staff_user=staff_user
    )
    reply_mail = [m for m in outbox if m.to == [consultation.email]][-1]
    assert "空き家バンクの物件をご案内します。" in reply_mail.body
    url = link_from(outbox, consultation.email)
    html = client.get(url).content.decode()
    assert "空き家バンクの物件をご案内します。" in html
    assert "社内メモ" not in html


def test_tampered_or_expired_links_are_404(client, demo_site):
    consultation = ConsultationFactory()
    token = services.thread_token(consultation)
    assert client.get(f"/ja/consultation/thread/{token}/").status_code == 200
    assert client.get(f"/ja/consultation/thread/{token}x/").status_code == 404
    later = timezone.now() + timedelta(days=91)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        assert client.get(f"/ja/consultation/thread/{token}/").status_code == 404
    with override_settings(CONSULTATION_LINK_MAX_AGE_DAYS=200):
        with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
            assert client.get(f"/ja/consultation/thread/{token}/").status_code == 200


def test_the_person_answers_and_a_resolved_item_reopens(client, demo_site, outbox):
    consultation = ConsultationFactory(status=Status.RESOLVED)
    url = f"/ja/consultation/thread/{services.thread_token(consultation)}/"
    from tests.consultations.conftest import valid_data

    trap = {k: valid_data()[k] for k in ("website", "form_started")}
    upload = SimpleUploadedFile("map.png", PNG, content_type="image/png")
    response = client.post(
        url, {"message": "ありがとうございます。追加で質問です。", "attachment": upload, **trap}
    )
    assert response.status_code == 303
    consultation.refresh_from_db()
    assert consultation.status == Status.IN_PROGRESS
    answer = consultation.messages.filter(kind=Message.Kind.PERSON).last()
    assert answer.body == "ありがとうございます。追加で質問です。"
    assert answer.attachments.get().original_name == "map.png"
    notices = [m for m in outbox if m.to == ["consult@example.jp"]]
    assert notices and "追加で質問" not in notices[-1].body


def test_a_wrong_attachment_is_refused_with_a_message(client, demo_site):
    consultation = ConsultationFactory()
    url = f"/ja/consultation/thread/{services.thread_token(consultation)}/"
    from tests.consultations.conftest import valid_data

    trap = {k: valid_data()[k] for k in ("website", "form_started")}
    for name, content in [("virus.exe", b"MZ\x90\x00"), ("fake.pdf", b"not a pdf at all")]:
        upload = SimpleUploadedFile(name, content)
        response = client.post(url, {"message": "添付します", "attachment": upload, **trap})
        assert response.status_code == 400
        assert 'id="id_attachment_error"' in response.content.decode()
    with override_settings(CONSULTATION_ATTACHMENT_MAX_BYTES=10):
        upload = SimpleUploadedFile("map.png", PNG)
        response = client.post(url, {"message": "添付します", "attachment": upload, **trap})
        assert response.status_code == 400
    assert consultation.messages.count() == 1


def test_answers_are_rate_limited(client, demo_site):
    consultation = ConsultationFactory()
    url = f"/ja/consultation/thread/{services.thread_token(consultation)}/"
    from tests.consultations.conftest import valid_data

    trap = {k: valid_data()[k] for k in ("website", "form_started")}
    statuses = [client.post(url, {"message": f"{n}", **trap}).status_code for n in range(11)]
    assert statuses[:10] == [303] * 10
    assert statuses[10] == 429


def test_internal_note_attachments_are_not_reachable_by_the_person(client, demo_site, staff_user):
    consultation = ConsultationFactory()
    upload = SimpleUploadedFile("memo.png", PNG, content_type="image/png")
    note = services.add_note(consultation, "内部", staff_user=staff_user, files=[upload])
    token = services.thread_token(consultation)
    attachment = note.attachments.get()
    response = client.get(f"/ja/consultation/thread/{token}/files/{attachment.pk}/")
    assert response.status_code == 404
    upload = SimpleUploadedFile("guide.png", PNG, content_type="image/png")
    reply = services.reply_to_person(consultation, "案内", staff_user=staff_user, files=[upload])
    response = client.get(f"/ja/consultation/thread/{token}/files/{reply.attachments.get().pk}/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_my_thread_is_for_the_owner_only(client, demo_site):
    owner = UserFactory()
    consultation = ConsultationFactory(user=owner)
    url = f"/ja/consultation/mine/{consultation.reference}/"
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(owner)
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_query_budget_of_the_thread(client, demo_site, staff_user, django_assert_max_num_queries):
    consultation = ConsultationFactory()
    for number in range(5):
        services.reply_to_person(consultation, f"返信{number}", staff_user=staff_user)
    url = f"/ja/consultation/thread/{services.thread_token(consultation)}/"
    client.get(url)
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert response.status_code == 200


def test_a_hand_entered_consultation_shows_as_recorded_by_the_desk(client, demo_site, staff_user):
    owner = UserFactory()
    consultation = services.create_manual_consultation(
        {
            "channel": "phone",
            "place_kind": "desk",
            "topics": ["housing"],
            "message": "電話で、空き家バンクの内見について相談。",
            "name": "苫小牧 次郎",
        },
        staff_user=staff_user,
    )
    consultation.user = owner
    consultation.save()
    message = consultation.messages.get()
    assert message.author == staff_user and message.kind == Message.Kind.PERSON
    client.force_login(owner)
    html = client.get(f"/en/consultation/mine/{consultation.reference}/").content.decode()
    assert "Your consultation, as recorded by the desk" in html
    assert "<strong>You</strong>" not in html


def test_a_failed_answer_gives_forms_js_an_error_summary_to_focus(client, demo_site):
    """The server's half of "focus moves to the error summary": a focusable summary that links
    to the field, and static/js/forms.js on the page. The focus itself is seen in a browser
    (tests/e2e/test_consultations.py, "The thread's error state"), which goes red when
    forms.js does nothing."""
    consultation = ConsultationFactory()
    url = f"/ja/consultation/thread/{services.thread_token(consultation)}/"
    html = client.get(url).content.decode()
    assert 'id="error-summary"' not in html  # nothing to focus before an error
    response = client.post(url, {"message": ""})
    assert response.status_code == 400
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary"([^>]*)>(.*?)</div>', html, re.S)
    assert summary, html
    attributes, content = summary.groups()
    assert 'id="error-summary"' in attributes and 'tabindex="-1"' in attributes
    assert 'role="alert"' in attributes
    assert 'href="#id_message"' in content
    assert re.search(r'<script src="/static/js/forms\.js[^"]*" defer></script>', html)
