"""Stories and news have share links as campaigns do: plain links to X, Facebook and LINE
that carry the page's full address, in the visitor's language, with no script of theirs."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.factories.home import NewsPageFactory, StoryPageFactory, translate_into_english

pytestmark = pytest.mark.django_db

SHARE_FORMS = {
    "x": ("https://x.com/intent/post", "url"),
    "facebook": ("https://www.facebook.com/sharer/sharer.php", "u"),
    "line": ("https://social-plugins.line.me/lineit/share", "url"),
}
HEADING = {"ja": "このストーリーをシェア", "en": "Share this story"}
LINK_TEXT = {"ja": "Xでシェア", "en": "Share on X"}


def hrefs(page_html):
    return [html.unescape(h) for h in re.findall(r'href="([^"]*)"', page_html)]


def assert_share_links(page_html, page):
    links = hrefs(page_html)
    for service, (base, param) in SHARE_FORMS.items():
        share = [h for h in links if h.startswith(base + "?")]
        assert len(share) == 1, (service, links)
        query = parse_qs(urlsplit(share[0]).query)
        # The page's full address (scheme, host, language prefix, path), encoded as a parameter.
        assert query[param] == [page.full_url], (service, query)
        assert page.full_url.startswith("http")
    x_share = next(h for h in links if h.startswith("https://x.com/"))
    assert parse_qs(urlsplit(x_share).query)["text"] == [page.title]
    raw = re.search(r'href="(https://x\.com/intent/post\?[^"]*)"', page_html).group(1)
    assert "url=http%3A%2F%2F" in raw or "url=https%3A%2F%2F" in raw  # encoded, not appended raw
    for src in re.findall(r"<script[^>]*\ssrc=\"([^\"]+)\"", page_html):
        assert src.startswith("/"), src


def test_a_story_has_share_links_in_japanese_and_english(client, demo_site):
    story = StoryPageFactory(title="樽前山のふもとで、週末だけの畑しごと", slug="weekend-farm")
    english = translate_into_english(
        story,
        {
            story.title: "Weekend farming at the foot of Mount Tarumae",
            story.summary: "We asked a newcomer about life in Tomakomai today.",
            story.interviewee: "A Tomakomai resident",
        },
    )
    for language, page in (("ja", story), ("en", english)):
        response = client.get(page.url)
        assert response.status_code == 200
        page_html = response.content.decode()
        assert f">{HEADING[language]}</h2>" in page_html, language
        assert LINK_TEXT[language] in page_html, language
        assert f"/{language}/" in page.full_url
        assert_share_links(page_html, page)


def test_a_news_release_has_share_links(client, demo_site):
    news = NewsPageFactory(title="冬のワーケーション体験ツアーの参加者を募集します")
    page_html = client.get(news.url).content.decode()
    assert ">この記事をシェア</h2>" in page_html
    assert_share_links(page_html, news)
