"""Accessibility hooks of the pass pages: forms focus their error summary, photos are not
described by file names."""

from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_form_pages_focus_the_error_summary_and_photos_are_not_file_names(client, counter):
    client.force_login(counter["staff"].user)
    assert "js/forms.js" in client.get("/en/pass/staff/").content.decode()
    assert "js/forms.js" in client.get("/en/pass/use/").content.decode()
    client.logout()
    assert "js/forms.js" in client.get("/en/pass/apply/").content.decode()
    template = Path(settings.BASE_DIR, "passes/templates/passes/partner_page.html").read_text()
    assert "partner.photo.title" not in template
