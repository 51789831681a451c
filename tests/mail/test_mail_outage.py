"""Nothing lost when the mail server is down (issue 15, point 4): the person's action succeeds
and the page says what happens next; the e-mail is stored, and once the server takes mail
again the retry delivers it, in the person's language, with a link that works.

The SMTP server is real (aiosmtpd, tests/mail/conftest.py): it answers "451 Try again later"
to every recipient, then accepts."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone, translation

from consultations import services as consultation_services
from consultations.models import Consultation, Delivery
from core.models import OutgoingEmail
from members import services as member_services
from members.models import ActivityIndexPage, Membership
from passes.models import Pass, PassStatus
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.factories.members import MembershipFactory, add_activity
from tests.mail.conftest import link_in, send_due_after, text_of
from tests.passes.conftest import application
from tests.test_email_languages import (
    LATIN_NAMES,
    VERIFY_SUBJECT,
    phrase,
    register,
)

pytestmark = pytest.mark.django_db


def waiting_for(address):
    """The stored, unsent e-mail to `address`: one failed attempt, the error kept without the
    address."""
    (outgoing,) = OutgoingEmail.objects.filter(to=[address], sent_at__isnull=True)
    assert outgoing.attempts == 1
    assert "451" in outgoing.last_error and address not in outgoing.last_error
    assert outgoing.next_attempt_at <= timezone.now() + timedelta(minutes=1)
    return outgoing


def delivered_once(server, address):
    """Not yet due half a minute later; sent by the cron run two minutes later; once."""
    server.accept()
    send_due_after(0.5)
    assert server.received_by(address) == []
    send_due_after(2)
    send_due_after(10)  # nothing sent twice
    (message,) = server.received_by(address)
    assert OutgoingEmail.objects.get(to=[address]).sent_at is not None
    return message


def page_after(client, response):
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(response["Location"])
    assert page.status_code == 200
    return page.content.decode()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_registration_survives_the_outage_and_the_verification_arrives_later(
    client, demo_site, queued_mail, language, django_capture_on_commit_callbacks
):
    response = register(client, language, "newmember@example.jp")
    text = page_after(client, response)
    assert phrase(language, "Check your e-mail") in text
    assert (
        phrase(
            language,
            "No e-mail after a few minutes? Check your spam folder, or register again with the "
            "right address.",
        )
        in text
    )
    membership = Membership.objects.get(user__email="newmember@example.jp")
    assert membership.status == Membership.Status.PENDING
    waiting_for("newmember@example.jp")
    assert queued_mail.messages == []

    message = delivered_once(queued_mail, "newmember@example.jp")
    assert phrase(language, VERIFY_SUBJECT) in message["Subject"]
    link = link_in(message, r"https?://\S+/accounts/confirm-email/\S+/")
    assert f"/{language}/" in link

    # The link works; the welcome e-mail that follows goes out at once (the server is up).
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link.split("testserver", 1)[1])
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE
    welcome = [m for m in queued_mail.received_by("newmember@example.jp") if m is not message]
    assert len(welcome) == 1 and membership.member_number in welcome[0]["Subject"]


def test_entry_pass_application_survives_the_outage(client, demo_site, queued_mail):
    response = client.post("/en/pass/apply/", application(email="visitor@example.jp"))
    text = page_after(client, response)
    assert "Check your e-mail" in text and "No message after a few minutes?" in text
    assert Pass.objects.get(user__email="visitor@example.jp").status == PassStatus.PENDING
    waiting_for("visitor@example.jp")

    message = delivered_once(queued_mail, "visitor@example.jp")
    assert message["Subject"] == (
        "[Tsunagaru Tomakomai] Confirm your e-mail address to receive your Entry Pass"
    )
    link = link_in(message, r"https?://\S+/accounts/confirm-email/\S+/")
    client.post(link.split("testserver", 1)[1])
    assert Pass.objects.get(user__email="visitor@example.jp").status == PassStatus.ACTIVE


def test_password_reset_survives_the_outage(client, demo_site, queued_mail):
    UserFactory(email="forgetful@example.jp", **LATIN_NAMES)
    response = client.post("/en/accounts/password/reset/", {"email": "forgetful@example.jp"})
    text = page_after(client, response)
    assert "We have sent you an email." in text and "check your spam folder" in text
    waiting_for("forgetful@example.jp")

    message = delivered_once(queued_mail, "forgetful@example.jp")
    assert message["Subject"] == "[Tsunagaru Tomakomai] Set a new password"
    link = link_in(message, r"https?://\S+/accounts/password/reset/key/\S+/")
    assert client.get(link.split("testserver", 1)[1], follow=True).status_code == 200


def test_login_code_survives_the_outage_and_the_late_code_still_logs_in(
    client, demo_site, queued_mail
):
    user = UserFactory(email="coder@example.jp", **LATIN_NAMES)
    response = client.post("/en/accounts/login/code/", {"email": "coder@example.jp"})
    text = page_after(client, response)
    assert "We've sent a code to" in text
    assert "No e-mail after a few minutes?" in text
    waiting_for("coder@example.jp")

    message = delivered_once(queued_mail, "coder@example.jp")
    assert message["Subject"] == "[Tsunagaru Tomakomai] Your login code"
    code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})\r?$", text_of(message), re.MULTILINE).group(1)
    response = client.post("/en/accounts/login/code/confirm/", {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_login_by_an_unverified_user_survives_the_outage(client, demo_site, queued_mail):
    UserFactory(email="unverified@example.jp", verified=False, **LATIN_NAMES)
    response = client.post(
        "/en/accounts/login/", {"login": "unverified@example.jp", "password": DEFAULT_PASSWORD}
    )
    text = page_after(client, response)
    assert "We have sent an email to you for verification." in text
    waiting_for("unverified@example.jp")

    message = delivered_once(queued_mail, "unverified@example.jp")
    link = link_in(message, r"https?://\S+/accounts/confirm-email/\S+/")
    client.post(link.split("testserver", 1)[1])
    assert EmailAddress.objects.get(email="unverified@example.jp").verified


# -- every other kind of e-mail is queued, not lost ---------------------------------------------
def test_the_welcome_email_is_queued_through_an_outage(
    demo_site, queued_mail, django_capture_on_commit_callbacks
):
    membership = MembershipFactory(
        user=UserFactory(email="welcome@example.jp", **LATIN_NAMES),
        status=Membership.Status.PENDING,
        language="en",
        activate=False,
    )
    with django_capture_on_commit_callbacks(execute=True):
        membership = member_services.activate_membership(membership)
    waiting_for("welcome@example.jp")
    message = delivered_once(queued_mail, "welcome@example.jp")
    assert message["Subject"] == (
        f"[Tsunagaru Tomakomai] Welcome, furusato resident {membership.member_number}"
    )


def test_an_activity_sign_up_email_is_queued_through_an_outage(
    demo_site, queued_mail, django_capture_on_commit_callbacks
):
    member = MembershipFactory(
        user=UserFactory(email="joiner@example.jp", **LATIN_NAMES), language="en"
    ).user
    index = ActivityIndexPage.objects.get(locale__language_code="ja")
    activity = add_activity(index, capacity=5, start=timezone.now() + timedelta(days=3))
    with translation.override("ja"), django_capture_on_commit_callbacks(execute=True):
        signup, created = member_services.sign_up(activity, member)
    assert created
    waiting_for("joiner@example.jp")
    message = delivered_once(queued_mail, "joiner@example.jp")
    # (A folded header parses with the leading space of its continuation line.)
    assert message["Subject"].strip().startswith("[Tsunagaru Tomakomai] You are signed up:")


def test_the_consultation_desk_keeps_its_own_deliveries_through_an_outage(
    client, demo_site, queued_mail, django_capture_on_commit_callbacks
):
    """The desk's e-mails go straight to the mail server with its own records and retries
    (consultations.Delivery), not a second time through the queue."""
    from tests.consultations.conftest import confirm_and_send

    with django_capture_on_commit_callbacks(execute=True):
        response, token, data = confirm_and_send(client)
    consultation = Consultation.objects.get(submission_token=token)
    assert response.status_code == 200 and consultation.reference in response.content.decode()
    acknowledgement = consultation.deliveries.get(kind=Delivery.Kind.ACKNOWLEDGEMENT)
    assert acknowledgement.attempts == 1 and acknowledgement.sent_at is None
    assert "451" in acknowledgement.last_error
    assert not OutgoingEmail.objects.exists()

    queued_mail.accept()
    send_due_after(6, command="retry_consultation_emails")
    (message,) = queued_mail.received_by(data["email"])
    assert consultation.reference in message["Subject"]
    acknowledgement.refresh_from_db()
    assert acknowledgement.sent_at is not None
    assert not OutgoingEmail.objects.exists()


def test_a_direct_desk_delivery_uses_the_transport_not_the_queue(demo_site, queued_mail):
    from tests.factories.consultations import ConsultationFactory

    queued_mail.accept()
    delivery = Delivery.objects.create(
        consultation=ConsultationFactory(),
        kind=Delivery.Kind.ACKNOWLEDGEMENT,
        recipient="asker@example.com",
    )
    assert consultation_services.deliver(delivery) is True
    assert len(queued_mail.received_by("asker@example.com")) == 1
    assert not OutgoingEmail.objects.exists()


def test_a_moderation_email_is_queued_through_an_outage(client, demo_site, queued_mail):
    from tests.factories.home import StandardPageFactory
    from tests.home.test_moderation_emails import staff, submit

    page = StandardPageFactory(title="移住相談会のご案内")
    editor = staff("City editors", "en")
    contractor = staff("Contractor editors", "en")
    submit(client, page, contractor)
    outgoing = waiting_for(editor.email)
    assert "移住相談会のご案内" in outgoing.subject
    message = delivered_once(queued_mail, editor.email)
    assert "移住相談会のご案内" in message["Subject"]
    assert "has been submitted for approval" in text_of(message)


def test_a_snippet_translation_review_email_is_queued_through_an_outage(
    client, demo_site, queued_mail
):
    from content.models import SnippetTranslationReview
    from home.models import NavigationMenu
    from tests.content.test_snippet_translation_approval import (
        KOREAN,
        edit_url,
        review_of,
        translate_menu,
    )
    from tests.factories.translations import fill_strings

    editor = UserFactory(groups=["City editors"])
    client.force_login(UserFactory(groups=["Translators"]))
    menu = NavigationMenu.objects.get(locale__language_code="ja", location="header")
    korean, translation = translate_menu(client, menu)
    fill_strings(translation, KOREAN)
    response = client.post(edit_url(korean), {"action": "submit-for-approval"})
    assert response.status_code == 302
    assert review_of(korean).state == SnippetTranslationReview.SUBMITTED
    waiting_for(editor.email)
    message = delivered_once(queued_mail, editor.email)
    assert "http://testserver" + edit_url(korean) in text_of(message)
