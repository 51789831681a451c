"""The staff view of e-mails that could not be sent (admin → Reports → E-mails not sent): for
City editors and superusers only, never the content (a login code, a reset link), and a
"Send again" button (POST, CSRF) for those that finally failed."""

import pytest
from django.core.mail import send_mail
from django.test import Client

from core import mail as outbox
from core.models import OutgoingEmail
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/admin/reports/failed-emails/"


@pytest.fixture
def failed_and_retrying(queued_mail):
    """Two e-mails the refusing server did not take: one gave up, one is still retried."""
    send_mail("Your sign-in code", "Code: SECRET-CODE", None, ["gaveup@example.jp"])
    send_mail(
        "Please confirm", "https://example.jp/confirm/SECRET-LINK/", None, ["retry@example.jp"]
    )
    failed = OutgoingEmail.objects.get(to=["gaveup@example.jp"])
    OutgoingEmail.objects.filter(pk=failed.pk).update(
        attempts=outbox.max_attempts(), next_attempt_at=None
    )
    return failed, OutgoingEmail.objects.get(to=["retry@example.jp"])


@pytest.fixture
def city_editor(failed_emails_role, demo_site):
    return UserFactory(groups=["City editors"])


def test_a_city_editor_sees_what_failed_and_what_is_retried_without_the_content(
    client, city_editor, failed_and_retrying
):
    client.force_login(city_editor)
    home = client.get("/admin/").content.decode()
    assert URL in home  # in the Reports menu
    response = client.get(URL)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    failed_table = page.split('id="failed-emails"')[1].split("</table>")[0]
    retrying_table = page.split('id="retrying-emails"')[1].split("</table>")[0]
    assert "gaveup@example.jp" in failed_table and "Your sign-in code" in failed_table
    assert "再送信" in failed_table and "451" in failed_table  # "Send again", in Japanese
    assert "retry@example.jp" in retrying_table and "Please confirm" in retrying_table
    assert "SECRET" not in page


@pytest.mark.parametrize("role", ["Contractor editors", "Translators", "Consultation staff"])
def test_other_staff_cannot_see_or_resend(client, role, failed_emails_role, failed_and_retrying):
    failed, _retrying = failed_and_retrying
    user = UserFactory(groups=[role])
    client.force_login(user)
    assert URL not in client.get("/admin/").content.decode()
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert "gaveup@example.jp" not in response.content.decode()
    client.post(f"{URL}{failed.pk}/send-again/")
    failed.refresh_from_db()
    assert failed.attempts == outbox.max_attempts()


def test_send_again_sends_a_failed_email(client, city_editor, failed_and_retrying, queued_mail):
    failed, retrying = failed_and_retrying
    client.force_login(city_editor)
    queued_mail.accept()
    assert client.get(f"{URL}{failed.pk}/send-again/").status_code == 405
    response = client.post(f"{URL}{failed.pk}/send-again/")
    assert response.status_code == 302
    (message,) = queued_mail.received_by("gaveup@example.jp")
    assert message["Subject"] == "Your sign-in code"
    failed.refresh_from_db()
    assert failed.sent_at is not None
    page = client.get(URL).content.decode()
    assert "gaveup@example.jp" not in page
    # One still being retried is not "sent again" by hand: its own retry comes.
    client.post(f"{URL}{retrying.pk}/send-again/")
    assert queued_mail.received_by("retry@example.jp") == []


def test_send_again_needs_the_csrf_token(city_editor, failed_and_retrying, queued_mail):
    failed, _retrying = failed_and_retrying
    client = Client(enforce_csrf_checks=True)
    client.force_login(city_editor)
    queued_mail.accept()
    assert client.post(f"{URL}{failed.pk}/send-again/").status_code == 403
    assert queued_mail.messages == []


def test_a_superuser_sees_it_too(client, failed_and_retrying, demo_site):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert "gaveup@example.jp" in client.get(URL).content.decode()


def test_the_desks_own_failed_emails_are_listed_with_a_link_to_the_consultation(
    client, city_editor
):
    from consultations.models import Delivery
    from consultations.services import MAX_DELIVERY_ATTEMPTS
    from tests.factories.consultations import ConsultationFactory

    consultation = ConsultationFactory(email="desk-person@example.jp")
    Delivery.objects.create(
        consultation=consultation,
        kind=Delivery.Kind.ACKNOWLEDGEMENT,
        recipient="desk-person@example.jp",
        attempts=MAX_DELIVERY_ATTEMPTS,
        last_error="SMTPServerDisconnected: gone",
    )
    Delivery.objects.create(  # still retried by the desk: not listed as failed
        consultation=consultation,
        kind=Delivery.Kind.STAFF_NOTICE,
        recipient="desk-staff@example.jp",
        attempts=1,
    )
    client.force_login(city_editor)
    page = client.get(URL).content.decode()
    desk = page.split('id="other-failed-emails"')[1].split("</table>")[0]
    assert "desk-person@example.jp" in desk and consultation.reference in desk
    assert f'href="/admin/consultations/{consultation.pk}/' in desk
    assert "SMTPServerDisconnected" in desk
    assert "desk-staff@example.jp" not in desk
