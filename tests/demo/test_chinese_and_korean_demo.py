"""The demo in Simplified Chinese, Traditional Chinese and Korean: the core pages and every
snippet a visitor meets are translations of their Japanese originals, live, in the language."""

import re

import pytest
from django.test import Client
from wagtail.models import Locale, Page

from campaigns.models import CampaignPage
from home.models import HomePage, NavigationMenu, SectionPage, SiteIdentity, StoryTheme
from members.models import ActivityIndexPage, Benefit, FurusatoResidentPage
from passes.models import EntryPassPage, Offer, Partner

LANGUAGES = ["zh-hans", "zh-hant", "ko"]
# Hangul for Korean; for Chinese, characters Japanese text would not use (simplified or
# traditional forms) are not reliable, so Chinese is told from Japanese by having no kana.
KANA = re.compile(
    r"[\u3041-\u309f\u30a0-\u30fa\u30fc-\u30ff]"
)  # not ・, which Chinese text here uses too
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def in_language(text, language):
    if language == "ko":
        return bool(HANGUL.search(text))
    return bool(re.search(r"[\u4e00-\u9fff]", text)) and not KANA.search(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_core_pages_are_translated_and_live(demo_site, language):
    locale = Locale.objects.get(language_code=language)
    ja = Locale.objects.get(language_code="ja")
    required = [
        HomePage.objects.get(locale=ja),
        *SectionPage.objects.filter(locale=ja),
        FurusatoResidentPage.objects.get(locale=ja),
        EntryPassPage.objects.get(locale=ja),
        Page.objects.get(locale=ja, slug="consultation"),
        ActivityIndexPage.objects.get(locale=ja),
        *[c for c in CampaignPage.objects.filter(locale=ja).live() if c.is_running],
    ]
    assert len(required) >= 10
    for original in required:
        translation = original.get_translation_or_none(locale)
        assert translation is not None and translation.live, (language, original.url_path)
        assert in_language(translation.title, language), (language, translation.title)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_partner_offer_benefit_theme_menu_and_identity_is_translated(demo_site, language):
    locale = Locale.objects.get(language_code=language)
    for model, text_field in [
        (Partner, "name"),
        (Offer, "title"),
        (Benefit, "title"),
        (StoryTheme, "name"),
        (NavigationMenu, "title"),
        (SiteIdentity, "site_name"),
    ]:
        originals = model.objects.filter(locale__language_code="ja")
        assert originals.exists(), model
        for original in originals:
            translation = original.get_translation_or_none(locale)
            assert translation is not None, (language, model.__name__, str(original))
            if model in (Offer, Benefit):
                assert in_language(getattr(translation, text_field), language), translation


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_reads_in_the_language(demo_site, language):
    response = Client().get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    home = HomePage.objects.get(locale__language_code=language)
    assert home.hero_catch_copy in html
    assert in_language(home.hero_catch_copy, language)
