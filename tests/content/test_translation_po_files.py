"""An agency's PO file round trip: the translator downloads the strings of one translation,
the agency fills them in, the upload fills the translation editor and publishes nothing."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from home.models import StandardPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_translator_exchanges_a_po_file_and_nothing_is_published(client, demo_site):
    client.force_login(UserFactory(groups=["Translators"]))
    home = demo_site.root_page
    page = StandardPage(
        title="二地域居住のすすめ", slug="po-page", intro="週末は苫小牧で。", locale=home.locale
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    korean = Locale.objects.get(language_code="ko")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.id]),
        {"locales": [korean.id]},
    )
    translation = Translation.objects.get(
        target_locale=korean, source__object_id=page.translation_key
    )

    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    assert {entry.msgid for entry in po} >= {"二地域居住のすすめ", "週末は苫小牧で。"}

    agency = {
        "二地域居住のすすめ": "두 지역 거주를 권합니다",
        "週末は苫小牧で。": "주말은 도마코마이에서.",
    }
    for entry in po:
        entry.msgstr = agency.get(entry.msgid, entry.msgid)
    korean_page = page.get_translation(korean)
    edit_url = reverse("wagtailadmin_pages:edit", args=[korean_page.id])
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": SimpleUploadedFile("ko.po", str(po).encode()), "next": edit_url},
    )
    assert response.status_code == 302
    assert set(
        StringTranslation.objects.filter(locale=korean).values_list("data", flat=True)
    ) >= set(agency.values())
    korean_page.refresh_from_db()
    assert not korean_page.live
    assert Client().get(f"/ko/{korean_page.slug}/").status_code == 404
