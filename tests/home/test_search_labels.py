"""Search results say what each result is in the visitor's words — Story, News, Event, Page —
never the editors' page types ("標準ページ", "セクションページ", "standard page")."""

import re

import pytest
from django.utils import translation

from home.models import EventPage, NewsPage, SectionPage, StandardPage, StoryPage
from home.search import result_label
from tests.factories.home import (
    EventPageFactory,
    NewsPageFactory,
    SectionPageFactory,
    StandardPageFactory,
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db

WORD = "ハスカップ羊羹"  # in no page of the test site
LABELS = {
    "ja": {"story": "ストーリー", "news": "お知らせ", "event": "イベント", "page": "ページ"},
    "en": {"story": "Story", "news": "News", "event": "Event", "page": "Page"},
}
JARGON = ["標準ページ", "セクションページ", "standard page", "section page", "news page"]


def result_types(page_html):
    return re.findall(r'<p class="search-result__type">([^<]*)</p>', page_html)


def test_each_page_type_has_a_visitor_label_in_every_language():
    expected = {
        StoryPage: LABELS["ja"]["story"],
        NewsPage: LABELS["ja"]["news"],
        EventPage: LABELS["ja"]["event"],
        StandardPage: LABELS["ja"]["page"],
        SectionPage: LABELS["ja"]["page"],
    }
    with translation.override("ja"):
        assert {model: str(result_label(model)) for model in expected} == expected
    with translation.override("en"):
        assert str(result_label(StoryPage)) == "Story"
        assert str(result_label(StandardPage)) == "Page"
    for language in ("zh-hans", "zh-hant", "ko"):
        with translation.override(language):
            for model in (StoryPage, NewsPage, EventPage, StandardPage):
                label = str(result_label(model))
                assert label and not label.isascii(), (language, model, label)


def test_results_are_labelled_for_visitors_in_japanese(client, demo_site):
    StoryPageFactory(title=f"{WORD}をつくる店", slug="yokan-story")
    NewsPageFactory(title=f"{WORD}の販売を始めました")
    EventPageFactory(title=f"{WORD}づくり体験")
    StandardPageFactory(title=f"{WORD}について", slug="yokan-guide")
    SectionPageFactory(title=f"{WORD}のまち", slug="yokan-town")
    page_html = client.get("/ja/search/", {"q": WORD}).content.decode()
    types = result_types(page_html)
    assert len(types) == 5, page_html
    assert sorted(types) == sorted(["ストーリー", "お知らせ", "イベント", "ページ", "ページ"])
    for jargon in JARGON:
        assert jargon not in page_html


def test_results_are_labelled_with_capitals_in_english(client, demo_site):
    StoryPageFactory(title=f"{WORD}をつくる店", slug="yokan-story")
    StandardPageFactory(title=f"{WORD}について", slug="yokan-guide")
    # Japanese pages not translated into English are found and labelled in English.
    page_html = client.get("/en/search/", {"q": WORD}).content.decode()
    assert sorted(result_types(page_html)) == ["Page", "Story"]
    for jargon in JARGON:
        assert jargon not in page_html.casefold()
