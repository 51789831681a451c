"""A name set outside the site's forms (the admin's user forms, imports, the shell) is still
stored on one line: a line break in a name would add a fake header line to e-mail bodies."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


def test_a_name_with_line_breaks_is_stored_on_one_line():
    user = get_user_model().objects.create_user(
        email="oneline@example.jp",
        password=None,
        first_name="花子\r\nBcc: victim@evil.example",
        last_name="山田\t\n",
    )
    user.refresh_from_db()
    assert user.first_name == "花子 Bcc: victim@evil.example"
    assert user.last_name == "山田"
