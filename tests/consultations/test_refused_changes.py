"""The desk's refusals live in its services, so every caller (the admin, the demo, a command, a
person's answer) is guarded: an anonymized consultation cannot change, and a reply needs the
person's e-mail address. The admin shows the services' message."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from consultations import services
from consultations.models import Delivery, Message, Status
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db

INBOX = "/admin/consultations/"
# The staff's messages, in Japanese (the admin's language here).
ANONYMIZED = "この相談は匿名化されています。"  # This consultation has been anonymized.
NO_EMAIL = "この相談者のメールアドレスが登録されていません。"  # This person has no e-mail address.


@pytest.fixture
def anonymized(demo_site):
    consultation = ConsultationFactory(status=Status.CLOSED, closed_at=timezone.now())
    return services.anonymize_consultation(consultation)


@pytest.mark.parametrize(
    "change",
    [
        lambda c, staff: services.reply_to_person(c, "返信", staff_user=staff),
        lambda c, staff: services.add_note(c, "メモ", staff_user=staff),
        lambda c, staff: services.update_consultation(
            c, staff_user=staff, status=Status.IN_PROGRESS
        ),
        lambda c, staff: services.person_reply(c, "追加の質問です。"),
    ],
    ids=["reply", "note", "update", "person_reply"],
)
def test_the_services_refuse_to_change_an_anonymized_consultation(anonymized, staff_user, change):
    with pytest.raises(ValidationError) as refused:
        change(anonymized, staff_user)
    assert refused.value.messages == [ANONYMIZED]
    anonymized.refresh_from_db()
    assert anonymized.status == Status.CLOSED
    assert list(anonymized.messages.values_list("body", flat=True)) == [services.ANONYMIZED]


def test_the_service_refuses_a_reply_without_an_e_mail_address(demo_site, staff_user, outbox):
    consultation = ConsultationFactory(email="")
    with pytest.raises(ValidationError) as refused:
        services.reply_to_person(consultation, "お電話でご案内します。", staff_user=staff_user)
    assert refused.value.messages == [NO_EMAIL]
    assert not consultation.messages.filter(kind=Message.Kind.REPLY).exists()
    assert not Delivery.objects.filter(consultation=consultation).exists()
    consultation.refresh_from_db()
    assert consultation.status == Status.NEW and consultation.first_response_at is None


def test_a_note_and_a_status_need_no_e_mail_address(demo_site, staff_user):
    consultation = ConsultationFactory(email="")
    services.add_note(consultation, "電話で回答済み", staff_user=staff_user)
    services.update_consultation(consultation, staff_user=staff_user, status=Status.RESOLVED)
    assert consultation.messages.filter(kind=Message.Kind.NOTE).exists()
    assert consultation.status == Status.RESOLVED


def messages_on(response):
    return [str(message) for message in response.context["messages"]]


def test_the_admin_shows_the_refusal_of_an_anonymized_consultation(client, anonymized, staff_user):
    client.force_login(staff_user)
    for action, data in [
        ("reply", {"reply-body": "返信"}),
        ("note", {"note-body": "メモ"}),
        ("update", {"status": Status.IN_PROGRESS, "assignee": ""}),
    ]:
        response = client.post(f"{INBOX}{anonymized.pk}/{action}/", data, follow=True)
        assert ANONYMIZED in messages_on(response)
    assert anonymized.messages.count() == 1
    anonymized.refresh_from_db()
    assert anonymized.status == Status.CLOSED


def test_the_admin_shows_the_refusal_of_a_reply_without_an_e_mail_address(
    client, demo_site, staff_user
):
    consultation = ConsultationFactory(email="")
    client.force_login(staff_user)
    response = client.post(
        f"{INBOX}{consultation.pk}/reply/", {"reply-body": "お電話でご案内します。"}, follow=True
    )
    assert messages_on(response) == [NO_EMAIL]
    assert not consultation.messages.filter(kind=Message.Kind.REPLY).exists()
