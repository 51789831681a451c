"""Content not translated into the visitor's language shows as the Japanese original, marked
lang="ja" on the element that holds it (the page's <html lang> stays the visitor's): the site
identity, the header and footer menus and the story themes, in languages the test site has no
content in (Chinese, Korean). A translation, when there is one, shows instead of its original,
never beside it."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from home.models import HomePage, NavigationMenu, SectionPage, SiteIdentity, StoryTheme
from tests.factories.translations import translate
from tests.html_lang import between, lang_of, langs_of

pytestmark = pytest.mark.django_db

UNTRANSLATED = ["zh-hans", "zh-hant", "ko"]
HEADER_ITEMS = [
    ("移住・定住", "/ja/moving/"),
    ("ストーリー", "/ja/stories/"),
    ("お知らせ", "/ja/news/"),
    ("イベント", "/ja/events/"),
]


def header_of(html):
    return between(html, '<header class="site-header">', "</header>")


def footer_of(html):
    return between(html, '<footer class="site-footer">', "</footer>")


def ui(language, text):
    with translation.override(language):
        return translation.gettext(text)


@pytest.mark.parametrize("language", UNTRANSLATED)
def test_untranslated_identity_shows_in_japanese_marked_ja(client, demo_site, language):
    html = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}">' in html
    header, footer = header_of(html), footer_of(html)
    assert lang_of(header, "つながる苫小牧", default=language) == "ja"
    assert lang_of(header, "苫小牧市", default=language) == "ja"
    for text in ("北海道苫小牧市旭町4丁目5番6号", "平日 8:45〜17:15（土日祝日・年末年始を除く）"):
        assert lang_of(footer, text, default=language) == "ja"
    assert set(langs_of(footer, "苫小牧市", default=language)) == {"ja"}
    # The labels around them are the visitor's language, not marked Japanese.
    assert lang_of(footer, ui(language, "Contact"), default=language) == language
    assert lang_of(footer, ui(language, "Hours"), default=language) == language


@pytest.mark.parametrize("language", UNTRANSLATED)
def test_untranslated_menus_show_every_japanese_item_marked_ja(client, demo_site, language):
    html = client.get(f"/{language}/").content.decode()
    nav = between(header_of(html), '<nav class="site-nav"', "</nav>")
    for label, url in HEADER_ITEMS:
        assert lang_of(nav, label, default=language) == "ja"
        assert f'<a href="{url}" lang="ja" hreflang="ja">{label}</a>' in nav
    footer_nav = between(footer_of(html), '<nav class="footer-nav"', "</nav>")
    assert lang_of(footer_nav, "プライバシーポリシー", default=language) == "ja"
    assert lang_of(footer_nav, "苫小牧市公式サイト", default=language) == "ja"
    # An external link has no page language to announce.
    assert 'href="https://www.city.tomakomai.hokkaido.jp/" lang="ja">' in footer_nav


def test_english_visitors_see_their_own_identity_and_menu_unmarked(client, demo_site):
    html = client.get("/en/").content.decode()
    header, footer = header_of(html), footer_of(html)
    assert "Tsunagaru Tomakomai" in header and 'lang="ja"' not in header.replace(
        'lang="ja" hreflang="ja">日本語', ""
    )
    assert '<a href="/en/moving/">Moving here</a>' in header
    assert 'lang="ja"' not in footer


def test_a_translated_identity_replaces_the_japanese_one(client, demo_site):
    japanese = SiteIdentity.objects.get(locale__language_code="ja")
    translate(
        japanese,
        "ko",
        {"つながる苫小牧": "연결되는 도마코마이", "苫小牧市": "도마코마이시"},
        fill=lambda source: "도마코마이 안내",
    )
    html = client.get("/ko/").content.decode()
    header, footer = header_of(html), footer_of(html)
    assert lang_of(header, "연결되는 도마코마이", default="ko") == "ko"
    assert lang_of(footer, "도마코마이시", default="ko") == "ko"
    assert "つながる苫小牧" not in header and "苫小牧市" not in header
    assert "北海道苫小牧市旭町4丁目5番6号" not in footer
    # Other languages still fall back to the Japanese identity.
    zh = header_of(client.get("/zh-hans/").content.decode())
    assert lang_of(zh, "つながる苫小牧", default="zh-hans") == "ja"


def test_a_menu_translated_before_the_pages_lists_every_item(client, demo_site):
    # Translators may translate the menu first: the labels are Chinese, the pages still
    # Japanese (the site has no Chinese pages): no item disappears.
    menu = NavigationMenu.objects.get(locale__language_code="ja", location="header")
    translate(
        menu,
        "zh-hans",
        {"移住・定住": "移居与定居", "ストーリー": "故事", "お知らせ": "通知", "イベント": "活动"},
        fill=lambda source: "菜单",
    )
    nav = between(client.get("/zh-hans/").content.decode(), '<nav class="site-nav"', "</nav>")
    assert '<a href="/ja/moving/" hreflang="ja">移居与定居</a>' in nav
    assert lang_of(nav, "移居与定居", default="zh-hans") == "zh-hans"
    for label, url in HEADER_ITEMS:
        assert label not in nav
        assert f'href="{url}"' in nav
    # Korean visitors still get the Japanese menu, marked.
    ko = between(client.get("/ko/").content.decode(), '<nav class="site-nav"', "</nav>")
    assert lang_of(ko, "移住・定住", default="ko") == "ja"


def test_a_japanese_menu_links_to_the_page_in_the_visitors_language(client, demo_site):
    ja_home = HomePage.objects.get(locale__language_code="ja")
    translate(ja_home, "ko", fill=lambda source: "도마코마이")
    moving = SectionPage.objects.get(slug="moving", locale__language_code="ja")
    translate(moving, "ko", {"移住・定住": "이주·정주"}, fill=lambda source: "이주 안내")
    nav = between(client.get("/ko/").content.decode(), '<nav class="site-nav"', "</nav>")
    # The label is the Japanese menu's; the page it opens is Korean.
    assert '<a href="/ko/moving/" lang="ja">移住・定住</a>' in nav
    assert '<a href="/ja/stories/" lang="ja" hreflang="ja">ストーリー</a>' in nav


def theme_nav(html):
    return between(html, '<nav class="filter"', "</nav>")


@pytest.mark.parametrize("language", UNTRANSLATED)
def test_untranslated_story_themes_show_in_japanese_marked_ja(client, demo_site, language):
    html = client.get(f"/{language}/stories/").content.decode()
    assert f'<html lang="{language}">' in html
    nav = theme_nav(html)
    for theme in StoryTheme.objects.filter(locale__language_code="ja"):
        assert lang_of(nav, theme.name, default=language) == "ja"
    # "All" is the visitor's language.
    assert lang_of(nav, ui(language, "All"), default=language) == language
    tags = between(html, '<ul class="tags"', "</ul>")
    assert lang_of(tags, "食", default=language) == "ja"
    story = client.get(f"/{language}/stories/hokki-clam-mornings/").content.decode()
    assert lang_of(between(story, '<ul class="tags"', "</ul>"), "食", default=language) == "ja"


def test_a_translated_story_theme_replaces_its_original(client, demo_site):
    food = StoryTheme.objects.get(slug="food", locale__language_code="ja")
    translate(food, "ko", {"食": "음식"})
    html = client.get("/ko/stories/").content.decode()
    nav = theme_nav(html)
    # The Korean name, marked Korean inside the Japanese page; the others still Japanese.
    assert lang_of(nav, "음식") == "ko"
    assert "食" not in nav
    assert lang_of(nav, "自然") == "ja"
    assert nav.index("음식") < nav.index("自然")  # the originals' order is kept
    tags = between(html, '<ul class="tags"', "</ul>")
    assert lang_of(tags, "음식") == "ko" and lang_of(tags, "仕事") == "ja"
    assert "食" not in tags
    # Filtering by the translated theme still finds the Japanese story.
    filtered = client.get("/ko/stories/", {"theme": "food"}).content.decode()
    assert "ホッキ漁の朝、ふるさとの浜へ帰る" in filtered
    assert lang_of(between(filtered, "<h1>", "</h1>"), "음식") == "ko"
    # Chinese visitors still see 食, marked Japanese.
    zh = theme_nav(client.get("/zh-hans/stories/").content.decode())
    assert lang_of(zh, "食", default="zh-hans") == "ja" and "음식" not in zh


def test_english_story_themes_are_english_with_untranslated_ones_marked(client, demo_site):
    en = Locale.objects.get(language_code="en")
    StoryTheme.objects.get(slug="nature", locale=en).delete()
    nav = theme_nav(client.get("/en/stories/").content.decode())
    assert lang_of(nav, "Food") == "en"
    assert lang_of(nav, "自然") == "ja"
    assert "Nature" not in nav
