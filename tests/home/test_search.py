"""Search per language; Japanese words are found inside compounds (no spaces in Japanese)."""

import pytest

from home.models import SearchDocument, StoryPage
from home.search import index_page, query_terms
from tests.factories.home import SectionPageFactory

pytestmark = pytest.mark.django_db


def search(client, language, query, **params):
    return client.get(f"/{language}/search/", {"q": query, **params}).content.decode()


def test_part_of_a_japanese_compound_finds_the_page(client, demo_site):
    section = SectionPageFactory(
        title="二拠点生活のすすめ",
        slug="two-region-living",
        intro="都市での仕事はそのままに、苫小牧にもうひとつの拠点を持つ二地域居住を始めてみませんか。",
    )
    assert "二地域居住" in section.get_plain_text()
    for query in ("二地域", "地域居住", "二地域居住"):
        html = search(client, "ja", query)
        assert section.title in html and f'href="{section.url}"' in html, query


def test_results_show_title_excerpt_with_highlight_and_type(client, demo_site):
    html = search(client, "ja", "二地域")
    assert "<mark>二地域</mark>" in html
    assert 'class="search-result__type"' in html
    assert "セクションページ" in html or "ストーリー" in html


def test_every_word_must_match(client, demo_site):
    both = search(client, "ja", "ハスカップ 二地域")
    one = search(client, "ja", "ハスカップ")
    assert both.count('class="search-result"') <= one.count('class="search-result"')
    assert search(client, "ja", "ハスカップ 存在しない言葉xyz").count('class="search-result"') == 0


def results_of(html):
    return html[html.index("<main") : html.index("</main>")]


def test_search_stays_within_the_visitors_language(client, demo_site):
    ja_html = results_of(search(client, "ja", "Tomakomai"))
    en_html = results_of(search(client, "en", "Tomakomai"))
    assert 'href="/en/' in en_html and 'href="/ja/' not in en_html
    assert 'href="/en/' not in ja_html


def test_case_and_width_are_ignored(client, demo_site):
    lower = search(client, "en", "workcation")
    assert (
        search(client, "en", "WORKCATION").count('class="search-result"')
        == lower.count('class="search-result"')
        > 0
    )
    assert search(client, "en", "ＷＯＲＫＣＡＴＩＯＮ").count('class="search-result"') > 0


def test_empty_query_and_no_results_are_explained(client, demo_site):
    empty = search(client, "ja", "")
    assert "検索する言葉を入力してください" in empty
    none = search(client, "ja", "存在しない言葉xyz")
    assert "見つかりませんでした" in none
    english = search(client, "en", "nothing-matches-this")
    assert "No pages found" in english


def test_query_text_is_escaped(client, demo_site):
    html = search(client, "ja", '<script>alert("x")</script>')
    assert '<script>alert("x")</script>' not in html


def test_long_queries_are_cut_not_refused(client, demo_site):
    assert len("".join(query_terms("あ" * 500))) == 100
    assert client.get("/ja/search/", {"q": "あ" * 500}).status_code == 200


def test_unpublished_pages_leave_the_index(client, demo_site):
    story = StoryPage.objects.live().filter(locale__language_code="ja").first()
    assert SearchDocument.objects.filter(page_id=story.pk).exists()
    story.unpublish()
    assert not SearchDocument.objects.filter(page_id=story.pk).exists()
    assert f'href="{story.url}"' not in results_of(search(client, "ja", story.title))
    story.save_revision().publish()
    assert SearchDocument.objects.filter(page_id=story.pk).exists()


def test_index_follows_edits(demo_site):
    story = StoryPage.objects.live().filter(locale__language_code="ja").first()
    story.summary = "ウトナイ湖でバードウォッチングを楽しむ週末"
    story.save_revision().publish()
    assert "バードウォッチング" in SearchDocument.objects.get(page_id=story.pk).text
    assert index_page(story) is not None


def test_rebuild_command_restores_the_index(demo_site):
    import io

    from django.core.management import call_command

    expected = SearchDocument.objects.count()
    SearchDocument.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_search_documents", stdout=out)
    assert SearchDocument.objects.count() == expected > 0
    assert f"Indexed {expected} pages." in out.getvalue()


def _searchdocument_scans(queries):
    return [q["sql"] for q in queries if "searchdocument" in q["sql"].lower()]


def test_a_search_scans_the_documents_once_with_its_count_and_pages(client, demo_site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    pages = [
        SectionPageFactory(title=f"ハスカップ摘み体験 {n}", slug=f"haskap-{n}", intro="ハスカップ")
        for n in range(23)
    ]
    assert len(pages) == 23
    with CaptureQueriesContext(connection) as first:
        html = search(client, "ja", "ハスカップ摘み")
    assert len(_searchdocument_scans(first.captured_queries)) == 1
    assert "「ハスカップ摘み」に一致するページが23件見つかりました。" in html
    assert html.count('class="search-result"') == 10
    with CaptureQueriesContext(connection) as third:
        last = search(client, "ja", "ハスカップ摘み", page=3)
    assert len(_searchdocument_scans(third.captured_queries)) == 1
    assert last.count('class="search-result"') == 3
    # A page past the end and a bad page number answer as Paginator.get_page does.
    assert search(client, "ja", "ハスカップ摘み", page=9).count('class="search-result"') == 3
    assert search(client, "ja", "ハスカップ摘み", page="x").count('class="search-result"') == 10
    assert "見つかりませんでした" in search(client, "ja", "ハスカップ摘みxyz", page=2)
