"""Documents are downloaded through the application, as attachments, with their collection's
privacy checked (WAGTAILDOCS_SERVE_METHOD = "serve_view", WAGTAILDOCS_INLINE_CONTENT_TYPES = []).

Media are real files in a temporary MEDIA_ROOT, and once in storage like S3 (URLs, no local
paths), for which Wagtail's default serve method would redirect downloads to the bucket.
"""

from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.documents.files import SHIFT_JIS_CSV, pdf_bytes, use_media_dir
from tests.factories import UserFactory
from tests.factories.members import MembershipFactory

pytestmark = pytest.mark.django_db

Document = get_document_model()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    use_media_dir(settings, tmp_path / "media")


def document(name, data, collection=None):
    doc = Document(title=name, collection=collection or Collection.get_first_root_node())
    doc.file = ContentFile(data, name=name)
    doc.save()
    return doc


@pytest.fixture
def members_only(demo_site):
    """A collection that only logged-in visitors may see (Wagtail's "Private" → login)."""
    collection = Collection.get_first_root_node().add_child(name="会員限定資料")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def download(client, doc):
    response = client.get(doc.url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def test_links_to_documents_go_through_the_application(demo_site):
    doc = document("public-plan.pdf", pdf_bytes())
    assert doc.url == f"/documents/{doc.pk}/public-plan.pdf"


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("public-plan.pdf", pdf_bytes(), "application/pdf"),
        ("notes.txt", "苫小牧の移住メモ\n".encode(), "text/plain"),
        ("移住者数.csv", SHIFT_JIS_CSV, "text/csv"),
    ],
)
def test_documents_download_as_attachments(client, demo_site, name, data, content_type):
    doc = document(name, data)
    response, body = download(client, doc)
    assert response.status_code == 200
    assert body == data
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"].startswith("attachment;")
    assert quote(doc.filename) in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_private_document_sends_anonymous_visitors_to_the_login(client, members_only):
    doc = document("private-plan.pdf", pdf_bytes(), members_only)
    response, body = download(client, doc)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")
    assert quote(doc.url, safe="") in response["Location"] or doc.url in response["Location"]
    assert pdf_bytes() not in body


def test_a_private_document_is_served_to_a_logged_in_member(client, members_only):
    doc = document("private-plan.pdf", pdf_bytes(), members_only)
    client.force_login(MembershipFactory(user=UserFactory()).user)
    response, body = download(client, doc)
    assert response.status_code == 200
    assert body == pdf_bytes()
    assert response["Content-Disposition"].startswith("attachment;")


def test_documents_in_object_storage_are_still_served_by_the_application(
    client, members_only, settings, tmp_path
):
    use_media_dir(settings, tmp_path / "bucket", "tests.documents.files.ObjectStorage")
    public = document("public-plan.pdf", pdf_bytes())
    response, body = download(client, public)
    assert response.status_code == 200  # not a redirect to the storage's public URL
    assert body == pdf_bytes()
    assert response["Content-Disposition"].startswith("attachment;")
    private = document("private-plan.pdf", pdf_bytes(), members_only)
    response, body = download(client, private)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
