"""A name is one line wherever a person types it: CR, LF and tabs typed or pasted into a name
become single spaces, so a name can never add a fake header line ("Bcc: …") to the body of
an e-mail that greets the person by name."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from consultations.models import Consultation
from members.models import Membership
from tests.consultations.conftest import confirm_and_send
from tests.factories import UserFactory
from tests.factories.members import MembershipFactory
from tests.members.test_registration import register

pytestmark = pytest.mark.django_db
User = get_user_model()

INJECTED = "苫小牧\r\nBcc: x@evil.example"
ONE_LINE = "苫小牧 Bcc: x@evil.example"


def assert_no_header_line(body):
    assert not re.search(r"^Bcc:", body, re.MULTILINE), body


def test_registration_stores_names_on_one_line_and_the_welcome_mail_greets_on_one_line(
    client, demo_site, django_capture_on_commit_callbacks
):
    mail.outbox = []
    register(
        client,
        profile={
            "profile-last_name": INJECTED,
            "profile-first_name": "花子\t\r\n",
            "profile-name_kana": "トマコマイ\nハナコ",
        },
    )
    user = User.objects.get(email="hanako@example.jp")
    assert (user.last_name, user.first_name) == (ONE_LINE, "花子")
    assert Membership.objects.get(user=user).name_kana == "トマコマイ ハナコ"
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link.split("testserver", 1)[-1])
    welcome = mail.outbox[-1]
    assert ONE_LINE in welcome.body
    assert_no_header_line(welcome.body)


def test_profile_edit_keeps_names_on_one_line(client, demo_site):
    member = MembershipFactory()
    client.force_login(member.user)
    response = client.post(
        "/ja/members/my/profile/",
        {
            "last_name": INJECTED,
            "first_name": "花\r\n子",
            "residence_prefecture": "01",
            "residence_municipality": "01101",
            "age_band": "40s",
            "relationships": ["born"],
            "interests": ["events"],
        },
    )
    assert response.status_code == 302
    member.user.refresh_from_db()
    assert (member.user.last_name, member.user.first_name) == (ONE_LINE, "花 子")


def test_consultation_name_is_one_line_in_the_record_and_the_acknowledgement(client, demo_site):
    mail.outbox = []
    confirm_and_send(client, name=INJECTED + "\r\n\r\n花子")
    consultation = Consultation.objects.latest("pk")
    assert consultation.name == ONE_LINE + " 花子"
    acknowledgement = next(m for m in mail.outbox if m.to == ["hanako@example.com"])
    assert ONE_LINE + " 花子" in acknowledgement.body
    assert_no_header_line(acknowledgement.body)


def test_staff_recording_a_consultation_by_hand_get_a_one_line_name(demo_site):
    from consultations.forms import ManualConsultationForm

    form = ManualConsultationForm(data={"name": INJECTED, "place_name": "駅前\n会場"})
    form.is_valid()
    assert form.cleaned_data["name"] == ONE_LINE
    assert form.cleaned_data["place_name"] == "駅前 会場"


def test_japanese_spaces_in_a_name_are_kept(client, demo_site):
    member = MembershipFactory(user=UserFactory(last_name="苫小牧", first_name="太郎"))
    client.force_login(member.user)
    client.post(
        "/ja/members/my/profile/",
        {
            "last_name": "苫小牧",
            "first_name": "花　子",
            "residence_prefecture": "01",
            "residence_municipality": "01101",
            "age_band": "40s",
            "relationships": ["born"],
        },
    )
    member.user.refresh_from_db()
    assert member.user.first_name == "花　子"
