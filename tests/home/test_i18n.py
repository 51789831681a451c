"""Languages in URLs, the redirect from /, the language switcher, 404s and hosts."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale

from home.models import HomePage, SectionPage
from tests.factories import HomePageFactory
from tests.factories.home import SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en-US,en;q=0.9", "/en/"),
        ("ja,en;q=0.5", "/ja/"),
        ("ko-KR,ko;q=0.9", "/ko/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("zh-TW,zh;q=0.9", "/zh-hant/"),
        ("fr-FR,fr;q=0.9", "/ja/"),
        ("", "/ja/"),
    ],
)
def test_root_redirects_by_accept_language(client, demo_site, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_each_language_serves_its_translation(client, demo_site):
    ja = client.get("/ja/")
    en = client.get("/en/")
    assert ja.status_code == en.status_code == 200
    assert '<html lang="ja">' in ja.content.decode()
    assert "苫小牧と、もうひとつの暮らしを。" in ja.content.decode()
    assert '<html lang="en">' in en.content.decode()
    assert "Tomakomai: a second place to live." in en.content.decode()
    assert "Skip to main content" in en.content.decode()
    assert "本文へスキップ" in ja.content.decode()


def test_untranslated_language_marks_the_fallback_content_as_japanese(client, demo_site):
    response = client.get("/ko/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ko">' in html
    assert '<div lang="ja">' in html


@pytest.mark.parametrize("path", ["/fr/", "/de/stories/", "/zh-cn/", "/pt-br/"])
def test_unknown_language_prefix_is_404_in_the_default_language(client, demo_site, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="ja">' in html
    assert "ページが見つかりません" in html


def test_unknown_page_is_404_in_the_visitors_language(client, demo_site):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    response = client.get("/ja/no-such-page/")
    assert "ページが見つかりません" in response.content.decode()


def test_foreign_host_is_rejected(client, demo_site):
    response = client.get("/ja/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400


@pytest.mark.parametrize("path", ["/admin/", "/sitemap.xml", "/robots.txt", "/healthz/"])
def test_admin_and_machine_urls_have_no_language_prefix(client, demo_site, path):
    assert client.get(path).status_code in (200, 302)
    assert client.get(f"/ja{path}").status_code == 404


def test_switcher_links_to_the_same_page_in_each_language(client, demo_site):
    html = client.get("/ja/").content.decode()
    assert 'href="/en/" lang="en" hreflang="en"' in html
    assert 'href="/ja/" lang="ja" hreflang="ja" aria-current="true"' in html
    assert 'href="/ko/" lang="ko" hreflang="ko"' in html


def test_switcher_on_a_non_page_view_keeps_the_view(client, demo_site):
    html = client.get("/en/accounts/login/").content.decode()
    assert 'href="/ja/accounts/login/" lang="ja"' in html
    assert 'href="/zh-hant/accounts/login/" lang="zh-hant"' in html


def test_switcher_falls_back_to_that_languages_home(demo_site):
    untranslated = HomePageFactory(parent=demo_site.root_page, slug="betsu")
    request = RequestFactory().get("/ja/betsu/", HTTP_HOST="localhost")
    template = Template(
        "{% load site_tags %}{% language_links as links %}"
        "{% for l in links %}{{ l.code }}={{ l.url }};{% endfor %}"
    )
    with translation.override("ja"):
        rendered = template.render(Context({"request": request, "page": untranslated}))
    links = dict(part.split("=") for part in rendered.strip(";").split(";"))
    assert links["en"] == "/en/"  # no English translation: English home page
    assert links["ko"] == "/ko/"
    assert links["ja"].endswith("/betsu/")


def test_menus_and_identity_follow_the_language(client, demo_site):
    ja = client.get("/ja/").content.decode()
    en = client.get("/en/").content.decode()
    assert "苫小牧市公式サイト" in ja and "つながる苫小牧" in ja
    assert '<a href="/ja/moving/">移住・定住</a>' in ja
    assert "Tomakomai City official website" in en and "Tsunagaru Tomakomai" in en
    assert '<a href="/en/moving/">Moving here</a>' in en
    assert (
        '<a href="/en/moving/" aria-current="page">Moving here</a>'
        in client.get("/en/moving/").content.decode()
    )


def test_wagtail_admin_speaks_japanese_and_english(client, demo_site):
    from tests.factories import UserFactory

    editor = UserFactory(groups=["City editors"])
    client.force_login(editor)
    assert "ダッシュボード" in client.get("/admin/").content.decode()
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    assert "Dashboard" in client.get("/admin/").content.decode()


@pytest.mark.parametrize("path", ["/fr/", "/en/no-such-page/"])
def test_switcher_on_a_404_page_leads_to_each_languages_home(client, demo_site, path):
    html = client.get(path).content.decode()
    assert 'href="/ja/" lang="ja"' in html
    assert 'href="/en/" lang="en"' in html


def site_nav(html):
    start = html.index('<nav class="site-nav"')
    return html[start : html.index("</nav>", start)]


def main_of(html):
    return html[html.index("<main") : html.index("</main>")]


def test_english_menu_lists_only_pages_that_exist_in_english(client, demo_site):
    en = Locale.objects.get(language_code="en")
    SectionPage.objects.get(slug="moving", locale=en).unpublish()
    nav = site_nav(client.get("/en/").content.decode())
    # The Japanese 移住・定住 page is still live: the English menu must not fall back to it.
    assert "/en/moving/" not in nav and "/ja/moving/" not in nav
    assert '<a href="/en/stories/">Stories</a>' in nav
    assert '<a href="/ja/moving/">移住・定住</a>' in site_nav(client.get("/ja/").content.decode())


def link_card(home, block_id, page):
    """Point the home page's entrance card block_id at page, and publish the home page."""
    entrances = [dict(block) for block in home.entrances.raw_data]
    for block in entrances:
        if block["id"] == block_id:
            block["value"] = {**block["value"], "page": page.pk, "url": ""}
    home.entrances = entrances
    home.save_revision().publish()


def test_untranslated_card_target_is_hidden_from_english_visitors(client, demo_site):
    # A workcation section written in Japanese only, not translated into English yet.
    workcation = SectionPageFactory(
        title="ワーケーション",
        slug="workcation",
        intro="海の見えるまちで働き、週末は支笏湖や樽前山へ出かけてみませんか。",
    )
    ja_home = HomePage.objects.get(locale__language_code="ja")
    card = next(b for b in ja_home.entrances if b.value["title"] == "ワーケーションで働く")
    # The English home page is a translation: its cards keep the Japanese page they link to.
    for home in HomePage.objects.filter(translation_key=ja_home.translation_key):
        link_card(home, card.id, workcation)
    assert 'href="/ja/workcation/"' in main_of(client.get("/ja/").content.decode())
    main = main_of(client.get("/en/").content.decode())
    assert "/ja/workcation/" not in main and "/en/workcation/" not in main
    assert "/en/moving/" in main
