import pytest
from django.core import mail

from core.abuse import TIME_TRAP_SALT

PAGE = "/ja/consultation/"


def valid_data(**overrides):
    import time

    from django.core import signing

    data = {
        "topics": ["two_region", "housing"],
        "message": "夏の間だけ苫小牧で暮らしたいです。短期で借りられる家はありますか。",
        "preferred_reply": "email",
        "preferred_dates": "",
        "name": "苫小牧 花子",
        "email": "hanako@example.com",
        "phone": "",
        "residence_prefecture": "13",
        "consent": "on",
        "website": "",
        "form_started": signing.dumps(time.time() - 30, salt=TIME_TRAP_SALT),
    }
    data.update(overrides)
    return data


def confirm_and_send(client, url=PAGE, **overrides):
    """Walk the form: confirm, then send with the token of the confirmation page."""
    import re

    data = valid_data(**overrides)
    response = client.post(url, {**data, "action": "confirm"})
    assert response.status_code == 200, response.content.decode()[:2000]
    html = response.content.decode()
    token = re.search(r'name="submission_token" value="([^"]+)"', html).group(1)
    response = client.post(url, {**data, "action": "send", "submission_token": token})
    response.signed_token = token
    # The one-time key the consultation stores (Consultation.submission_token).
    from consultations.services import read_submission_token

    return response, read_submission_token(token), data


@pytest.fixture
def staff_user(demo_site):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(email="consult@example.jp")


@pytest.fixture
def outbox():
    mail.outbox = []
    return mail.outbox


@pytest.fixture(autouse=True)
def private_attachments(settings, tmp_path):
    """Attachments go to a private directory of their own in every test."""
    settings.CONSULTATION_PRIVATE_ROOT = tmp_path / "private"
    return settings.CONSULTATION_PRIVATE_ROOT
