"""Editors' document uploads: a size limit, and the bytes must be what the file name says.

Through the admin as a contractor editor (admin in English), in Wagtail's single upload form
and its multiple upload (drag and drop) view, which both use WAGTAILDOCS_DOCUMENT_FORM_BASE.
"""

import pytest
from django.conf import settings
from wagtail.documents import get_document_model
from wagtail.users.models import UserProfile

from home.documents import max_upload_size
from tests.documents.files import (
    HTML_BYTES,
    SHIFT_JIS_CSV,
    docx_bytes,
    docx_with_macros_bytes,
    padded_pdf_bytes,
    pdf_bytes,
    plain_zip_bytes,
    upload,
    xlsx_bytes,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

Document = get_document_model()
MB = 1024 * 1024


@pytest.fixture
def editor(client, demo_site):
    user = UserFactory(groups=["Contractor editors"])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return user


def add(client, name, data, title=None):
    """The single upload form; returns (stored document or None, page text)."""
    title = title or f"upload {name}"
    response = client.post(
        "/admin/documents/add/",
        {"title": title, "file": upload(name, data), "collection": root_collection_id()},
    )
    assert response.status_code in (200, 302), response.status_code
    return Document.objects.filter(title=title).first(), response.content.decode()


def add_multiple(client, name, data):
    """The multiple upload view (the admin's drag and drop); returns its JSON answer."""
    response = client.post("/admin/documents/multiple/add/", {"files[]": upload(name, data)})
    assert response.status_code == 200
    return response.json()


def root_collection_id():
    from wagtail.models import Collection

    return Collection.get_first_root_node().pk


def test_the_default_limit_is_20_mb(editor, client):
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * MB
    assert max_upload_size() == 20 * MB
    page = client.get("/admin/documents/add/").content.decode()
    assert "Maximum filesize: 20 MB." in page


def test_a_file_over_the_limit_is_refused_before_its_content_is_looked_at(editor, client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1 * MB  # stands for 20 MB, to keep the test fast
    stored, page = add(client, "big-plan.pdf", padded_pdf_bytes(1 * MB + 1))
    assert stored is None
    assert "This file is larger than 1 MB." in page
    answer = add_multiple(client, "big-plan.pdf", padded_pdf_bytes(1 * MB + 1))
    assert answer["success"] is False
    assert answer["error_message"] == "This file is larger than 1 MB."
    assert not Document.objects.filter(file__contains="big-plan").exists()

    stored, _page = add(client, "just-fits.pdf", padded_pdf_bytes(1 * MB))
    assert stored is not None


def test_html_named_pdf_is_refused(editor, client):
    stored, page = add(client, "fake.pdf", HTML_BYTES)
    assert stored is None
    assert "This file is not a real PDF." in page
    answer = add_multiple(client, "fake.pdf", HTML_BYTES)
    assert answer == {"success": False, "error_message": "This file is not a real PDF."}
    assert not Document.objects.filter(file__contains="fake").exists()


def test_a_real_pdf_is_accepted_and_stored_unchanged(editor, client):
    stored, _page = add(client, "移住計画.pdf", pdf_bytes())
    assert stored is not None
    with stored.file.open("rb") as file:
        assert file.read() == pdf_bytes()
    answer = add_multiple(client, "second-plan.pdf", pdf_bytes())
    assert answer["success"] is True
    assert Document.objects.get(pk=answer["doc_id"]).file_size == len(pdf_bytes())


@pytest.mark.parametrize(
    ("name", "make"), [("report.docx", docx_bytes), ("figures.xlsx", xlsx_bytes)]
)
def test_real_office_files_are_accepted(editor, client, name, make):
    stored, page = add(client, name, make())
    assert stored is not None, page


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("report.docx", plain_zip_bytes, "This file is not a real Word (.docx)."),
        ("figures.xlsx", plain_zip_bytes, "This file is not a real Excel (.xlsx)."),
        # A workbook named .docx: a zip with the manifest, but no Word document inside.
        ("report.docx", xlsx_bytes, "This file is not a real Word (.docx)."),
        ("figures.xlsx", lambda: HTML_BYTES, "This file is not a real Excel (.xlsx)."),
        ("report.docx", docx_with_macros_bytes, "Files with macros are not accepted."),
    ],
)
def test_renamed_files_are_refused_as_office_documents(editor, client, name, make, message):
    stored, page = add(client, name, make())
    assert stored is None
    assert message in page


def test_a_shift_jis_csv_is_accepted(editor, client):
    stored, page = add(client, "移住者数.csv", SHIFT_JIS_CSV)
    assert stored is not None, page
    answer = add_multiple(client, "notes.txt", "苫小牧の移住メモ\n".encode())
    assert answer["success"] is True


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("page.txt", HTML_BYTES, "Text and CSV files may not contain HTML or scripts."),
        ("list.csv", b"a,b\n1,\x002\n", "This is not a text file: it contains binary data."),
        ("list.csv", b"a,b\n\x81\x20\n", "must be in UTF-8 or Shift_JIS"),
    ],
)
def test_text_files_that_are_not_plain_text_are_refused(editor, client, name, data, message):
    stored, page = add(client, name, data)
    assert stored is None
    assert message in page


def test_replacing_a_documents_file_is_checked_too(editor, client):
    stored, _page = add(client, "plan.pdf", pdf_bytes())
    response = client.post(
        f"/admin/documents/edit/{stored.pk}/",
        {
            "title": stored.title,
            "file": upload("plan.pdf", HTML_BYTES),
            "collection": root_collection_id(),
        },
    )
    assert "This file is not a real PDF." in response.content.decode()
    stored.refresh_from_db()
    with stored.file.open("rb") as file:
        assert file.read() == pdf_bytes()
