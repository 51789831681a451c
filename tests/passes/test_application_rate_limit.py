"""The pass application's rate limit counts complete applications only."""

import pytest
from django.conf import settings
from django.test import override_settings

from tests.passes.conftest import application

pytestmark = pytest.mark.django_db


def test_form_mistakes_do_not_use_up_the_application_rate_limit(client, demo_site):
    for _ in range(12):  # the limit is 10 in 10 minutes
        response = client.post("/en/pass/apply/", application(email="not-an-address"))
        assert response.status_code == 400
    response = client.post("/en/pass/apply/", application())
    assert response.status_code == 302
    assert response["Location"].endswith("/pass/apply/sent/")


@override_settings(ACCOUNT_RATE_LIMITS={**settings.ACCOUNT_RATE_LIMITS, "pass_apply": "1/600s/ip"})
def test_complete_applications_are_still_rate_limited(client, demo_site):
    assert client.post("/en/pass/apply/", application()).status_code == 302
    client.logout()
    response = client.post("/en/pass/apply/", application(email="second@example.jp"))
    assert "Too many applications" in response.content.decode()
