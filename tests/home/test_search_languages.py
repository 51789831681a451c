"""Search in every language finds that language's pages and the Japanese pages not translated
into it (marked lang="ja" in the results), never the Japanese original of a translated page;
the count and the pagination count each page once."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage, SearchDocument, SectionPage
from tests.factories.home import SectionPageFactory
from tests.factories.translations import translate
from tests.html_lang import between, lang_of

pytestmark = pytest.mark.django_db

RESULT = re.compile(
    r'<h2 class="search-result__title">'
    r'<a href="(?P<url>[^"]+)"(?P<attrs>[^>]*)>(?P<title>[^<]+)</a>'
)


def results(client, language, query, page=None):
    """(count shown in the status, [(url, attributes, title)] of one result page)."""
    params = {"q": query, **({"page": page} if page else {})}
    html = client.get(f"/{language}/search/", params).content.decode()
    status = between(html, '<div class="search-status"', "</div>")
    number = re.search(r"\d+", re.sub(r"<[^>]+>", "", status))  # none: "No pages found"
    count = int(number.group(0)) if number else 0
    found = [(m["url"], m["attrs"], m["title"]) for m in RESULT.finditer(html)]
    return html, count, found


def all_results(client, language, query):
    html, count, found = results(client, language, query)
    page = 2
    while 'rel="next"' in html:
        html, _count, more = results(client, language, query, page)
        found += more
        page += 1
    return count, found


def japanese_matches(query):
    return SearchDocument.objects.filter(
        locale__language_code="ja", normalized__contains=query
    ).count()


@pytest.fixture
def chinese_moving_page(demo_site):
    """The 移住・定住 section translated into Simplified Chinese (with the home page above it)."""
    translate(HomePage.objects.get(locale__language_code="ja"), "zh-hans", fill=lambda s: "苫小牧")
    moving = SectionPage.objects.get(slug="moving", locale__language_code="ja")
    return translate(
        moving, "zh-hans", {"移住・定住": "在苫小牧移居与定居"}, fill=lambda s: "苫小牧的生活"
    )


def test_chinese_search_finds_chinese_pages_and_untranslated_japanese_ones(
    client, chinese_moving_page
):
    count, found = all_results(client, "zh-hans", "苫小牧")
    urls = [url for url, _attrs, _title in found]
    assert len(urls) == len(set(urls)) == count  # each page once, over every result page
    # The Chinese page instead of its Japanese original, unmarked (the page's language).
    assert "/zh-hans/moving/" in urls and "/ja/moving/" not in urls
    chinese = next(attrs for url, attrs, _title in found if url == "/zh-hans/moving/")
    assert "lang=" not in chinese
    # Every other result is a Japanese page not translated into Chinese, marked Japanese.
    for url, attrs, _title in found:
        if url.startswith("/ja/"):
            assert ' lang="ja"' in attrs and 'hreflang="ja"' in attrs
    assert {url.split("/")[1] for url in urls} == {"ja", "zh-hans"}
    # As many pages as in Japanese: the translation replaces its original.
    assert count == japanese_matches("苫小牧") > 10  # more than one result page


def test_a_translated_page_hides_its_original_even_when_only_the_original_matches(
    client, chinese_moving_page
):
    # Only the Japanese original has the words 移住・定住 in its title: it is still not listed,
    # since its Chinese translation is the page for Chinese visitors.
    _count, found = all_results(client, "zh-hans", "移住・定住")
    assert "/ja/moving/" not in [url for url, _attrs, _title in found]
    _count, japanese = all_results(client, "ja", "移住・定住")
    assert "/ja/moving/" in [url for url, _attrs, _title in japanese]


def test_the_excerpt_of_a_japanese_result_is_marked_too(client, demo_site):
    html, _count, _found = results(client, "ko", "ホッキ")
    result = between(html, '<li class="search-result">', "</li>")
    assert lang_of(result, "ホッキ漁の朝、ふるさとの浜へ帰る", default="ko") == "ja"
    assert lang_of(result, "漁師", default="ko") == "ja"  # in the excerpt
    # The type of page is the visitor's language.
    assert 'class="search-result__type">' in result
    type_label = between(result, 'class="search-result__type">', "</p>")
    assert "lang=" not in type_label


@pytest.mark.parametrize("language", ["zh-hant", "ko"])
def test_search_in_a_language_without_pages_finds_the_japanese_ones(client, demo_site, language):
    count, found = all_results(client, language, "苫小牧")
    assert count == len(found) == japanese_matches("苫小牧") > 0
    for url, attrs, _title in found:
        assert url.startswith("/ja/") and ' lang="ja"' in attrs


def test_english_search_adds_japanese_pages_not_translated_into_english(client, demo_site):
    workcation = SectionPageFactory(
        title="ワーケーション特集",
        slug="workcation-special",
        intro="Workcation in Tomakomai: 海の見えるまちで働く一週間。",
    )
    count, found = all_results(client, "en", "Tomakomai")
    urls = [url for url, _attrs, _title in found]
    assert workcation.url in urls
    marked = {url for url, attrs, _title in found if ' lang="ja"' in attrs}
    assert marked == {workcation.url}
    # The Japanese pages that have an English translation are not listed.
    assert [url for url in urls if url.startswith("/ja/")] == [workcation.url]
    assert len(urls) == len(set(urls)) == count


def test_japanese_search_is_unchanged(client, chinese_moving_page):
    count, found = all_results(client, "ja", "苫小牧")
    assert count == japanese_matches("苫小牧")
    assert all(url.startswith("/ja/") and "lang=" not in attrs for url, attrs, _t in found)


def test_a_search_page_queries_the_index_once_for_the_results(client, chinese_moving_page):
    client.get("/zh-hans/search/", {"q": "苫小牧"})  # warm-up
    with CaptureQueriesContext(connection) as queries:
        client.get("/zh-hans/search/", {"q": "苫小牧", "page": 2})
    searches = [q["sql"] for q in queries if "home_searchdocument" in q["sql"]]
    # The page of results carries the count (COUNT(*) OVER ()): one statement, the fallback
    # to untranslated originals included.
    assert len(searches) == 1
