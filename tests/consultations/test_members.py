"""A member's data download and account deletion cover their consultations
(members.signals.collect_member_data / account_deleting)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from consultations import services
from consultations.models import Attachment, Consultation, Delivery, Status
from members import services as member_services
from tests.factories import UserFactory
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_consultation(demo_site, staff_user):
    user = UserFactory()
    consultation = ConsultationFactory(user=user, status=Status.IN_PROGRESS, phone="090-1111-2222")
    services.add_note(consultation, "内部メモ：電話で確認済み", staff_user=staff_user)
    services.reply_to_person(consultation, "短期賃貸の物件をご案内します。", staff_user=staff_user)
    services.person_reply(
        consultation,
        "ありがとうございます。",
        files=[SimpleUploadedFile("間取り.pdf", b"%PDF-1.4\n")],
    )
    other = ConsultationFactory()  # someone else's
    return user, consultation, other


def test_the_data_download_lists_the_members_consultations_without_internal_notes(
    member_consultation,
):
    user, consultation, other = member_consultation
    data = member_services.member_data(user)
    [exported] = data["consultations"]
    assert exported["reference"] == consultation.reference
    assert exported["received"] and exported["first_response"]
    assert exported["status"]
    assert len(exported["topics"]) == 2
    bodies = [m["message"] for m in exported["messages"]]
    assert consultation.message in bodies
    assert "短期賃貸の物件をご案内します。" in bodies
    assert "ありがとうございます。" in bodies
    assert not any("内部メモ" in body for body in bodies)
    assert [m["from"] for m in exported["messages"]] == ["you", "desk", "you"]
    assert exported["messages"][-1]["attachments"] == ["間取り.pdf"]
    assert other.reference not in str(data)


def test_deleting_the_account_erases_the_members_consultations(
    member_consultation, django_capture_on_commit_callbacks
):
    user, consultation, other = member_consultation
    attachment = Attachment.objects.get(message__consultation=consultation)
    storage, name = attachment.file.storage, attachment.file.name
    assert storage.exists(name)
    total = Consultation.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        member_services.delete_account(user)
    consultation.refresh_from_db()
    assert consultation.anonymized_at is not None
    assert consultation.user is None
    assert (consultation.name, consultation.email, consultation.phone) == ("", "", "")
    assert not consultation.messages.exclude(body=services.ANONYMIZED).exists()
    assert not Attachment.objects.filter(message__consultation=consultation).exists()
    assert not storage.exists(name)
    assert not Delivery.objects.filter(consultation=consultation).exclude(recipient="").exists()
    assert consultation.status == Status.CLOSED and consultation.closed_at
    assert consultation.reference and consultation.topics  # the counts hold
    assert Consultation.objects.count() == total
    other.refresh_from_db()
    assert other.anonymized_at is None and other.name


def test_attachments_are_stored_outside_the_public_media_root(
    member_consultation, settings, private_attachments
):
    from pathlib import Path

    _user, consultation, _other = member_consultation
    attachment = Attachment.objects.get(message__consultation=consultation)
    path = Path(attachment.file.path).resolve()
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert path.is_relative_to(Path(private_attachments).resolve())
    assert path.read_bytes() == b"%PDF-1.4\n"
    with pytest.raises(ValueError):
        attachment.file.url  # noqa: B018 - no public address at all


def test_the_private_root_defaults_to_var_private(settings):
    from consultations.storage import private_root

    del settings.CONSULTATION_PRIVATE_ROOT
    assert private_root() == str(settings.VAR_DIR / "private")


def test_the_downloads_carry_the_consultations(client, demo_site, staff_user):
    import json

    from django.urls import reverse

    from tests.factories.members import MembershipFactory

    membership = MembershipFactory()
    consultation = ConsultationFactory(user=membership.user)
    services.reply_to_person(consultation, "ご案内をお送りします。", staff_user=staff_user)
    client.force_login(membership.user)
    url = reverse("members:download_data", args=["json"])
    data = json.loads(client.get(url).content)
    assert data["consultations"][0]["reference"] == consultation.reference
    csv_text = client.get(reverse("members:download_data", args=["csv"])).content.decode()
    assert consultation.reference in csv_text and "ご案内をお送りします。" in csv_text
