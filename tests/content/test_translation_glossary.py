"""The glossary of fixed terms: seeded on every install with the interface's wording, kept by
City and Contractor editors, read by translators, and shown in the translation editor."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from content.models import GlossaryTerm
from home.models import StandardPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("content_glossaryterm:list")


def test_the_fixed_terms_are_seeded_with_the_interfaces_wording(demo_site):
    seeded = {term.ja: term for term in GlossaryTerm.objects.all()}
    assert {
        "ふるさと住民",
        "エントリーパス",
        "相談窓口",
        "ふるさと納税",
        "二地域居住",
        "ワーケーション",
        "関係人口",
        "担い手活動",
    } <= set(seeded)
    assert "苫小牧" not in seeded  # a place name is data, not a fixed term
    resident = seeded["ふるさと住民"]
    assert (resident.en, resident.zh_hans, resident.zh_hant, resident.ko) == (
        "furusato resident",
        "故乡居民",
        "故鄉居民",
        "후루사토 주민",
    )
    assert seeded["相談窓口"].ko == "상담 창구"
    assert all(term.en and term.zh_hans and term.zh_hant and term.ko for term in seeded.values())


@pytest.mark.parametrize("role", ["City editors", "Contractor editors"])
def test_editors_keep_the_glossary(client, demo_site, role):
    client.force_login(UserFactory(groups=[role]))
    term = GlossaryTerm.objects.get(ja="関係人口")
    response = client.post(
        reverse("content_glossaryterm:edit", args=[term.pk]),
        {
            "ja": "関係人口",
            "en": "kankei jinko",
            "zh_hans": "关系人口",
            "zh_hant": "關係人口",
            "ko": "관계인구",
            "note": "",
        },
    )
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.en == "kankei jinko"


def test_translators_read_the_glossary_and_cannot_change_it(client, demo_site):
    client.force_login(UserFactory(groups=["Translators"]))
    listing = client.get(LIST_URL)
    assert listing.status_code == 200
    assert "후루사토 주민" in listing.content.decode()
    assert LIST_URL in client.get(reverse("wagtailadmin_home")).content.decode()
    agency_copy = client.get(LIST_URL, {"export": "csv"})
    assert "후루사토 주민" in b"".join(agency_copy.streaming_content).decode("utf-8-sig")
    term = GlossaryTerm.objects.get(ja="関係人口")
    client.post(
        reverse("content_glossaryterm:edit", args=[term.pk]),
        {"ja": "関係人口", "en": "changed", "zh_hans": "", "zh_hant": "", "ko": "", "note": ""},
    )
    client.post(reverse("content_glossaryterm:add"), {"ja": "新語", "en": "new"})
    term.refresh_from_db()
    assert term.en != "changed"
    assert not GlossaryTerm.objects.filter(ja="新語").exists()


def test_the_translation_editor_shows_the_glossary_in_the_target_language(client, demo_site):
    client.force_login(UserFactory(groups=["Translators"]))
    home = demo_site.root_page
    page = StandardPage(title="ふるさと住民のページ", slug="glossary-page", locale=home.locale)
    home.add_child(instance=page)
    page.save_revision().publish()
    korean = Locale.objects.get(language_code="ko")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.id]),
        {"locales": [korean.id]},
    )
    assert Translation.objects.filter(target_locale=korean).exists()
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[page.get_translation(korean).id])
    ).content.decode()
    assert "data-glossary" in html
    # The table is named by its heading for screen readers.
    assert '<table class="listing" aria-labelledby="tsunagaru-glossary-heading">' in html
    assert 'id="tsunagaru-glossary-heading"' in html
    assert "후루사토 주민" in html and "상담 창구" in html
    assert "故乡居民" not in html  # only the language being translated
    assert LIST_URL in html
