"""Campaign pages as visitors see them: the advertising label, the period (not public before
the start, ended after the end), calls to action, share links, creators and posts; the
campaign index; running campaigns on the home page; a press release's short link."""

import html
import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Locale

from campaigns.models import (
    CallToAction,
    CampaignIndexPage,
    CampaignPage,
    CampaignRelatedPage,
    TrackingLink,
)
from campaigns.targets import entrance_url
from home.models import NewsIndexPage, NewsPage
from tests.factories.campaigns import CampaignPageFactory, CreatorFactory, TrackingLinkFactory

pytestmark = pytest.mark.django_db


def ja():
    return Locale.objects.get(language_code="ja")


def en():
    return Locale.objects.get(language_code="en")


def hrefs(page_html):
    return [html.unescape(h) for h in re.findall(r'href="([^"]*)"', page_html)]


def winter():
    """The running winter campaign of the `campaigns` fixture (tests/campaigns/conftest.py)."""
    return CampaignPage.objects.get(locale=ja(), code="winter-2026")


def summer():
    """The summer campaign of the `campaigns` fixture, ended two months ago."""
    return CampaignPage.objects.get(locale=ja(), code="summer-2026")


# -- advertising label --------------------------------------------------------------------------


def test_pr_label_is_shown_by_default_with_its_wording_near_the_title(client, demo_site):
    campaign = CampaignPageFactory(pr_note="市が発信者に依頼して行っています。")
    assert campaign.pr_label_shown and campaign.pr_label == "広告・PR"
    page_html = client.get(campaign.url).content.decode()
    label = page_html.index('<span class="pr-label">広告・PR</span>')
    assert label < page_html.index("<h1>")  # at the top, before the title
    assert "市が発信者に依頼して行っています。" in page_html
    # The editors' own wording replaces the default.
    campaign.pr_label = "PR（提供：苫小牧市）"
    campaign.save_revision().publish()
    assert (
        '<span class="pr-label">PR（提供：苫小牧市）</span>'
        in client.get(campaign.url).content.decode()
    )


def test_pr_label_is_hidden_when_turned_off(client, demo_site):
    campaign = CampaignPageFactory(pr_label_shown=False, pr_note="市の事業です。")
    page_html = client.get(campaign.url).content.decode()
    assert "pr-label" not in page_html and "広告・PR" not in page_html


# -- period -------------------------------------------------------------------------------------


def test_before_the_start_the_public_gets_404_but_an_editor_can_preview(
    client, admin_user, demo_site
):
    now = timezone.now()
    campaign = CampaignPageFactory(
        title="まだ始まらないキャンペーン",
        starts_at=now + timedelta(days=3),
        ends_at=now + timedelta(days=30),
    )
    assert client.get(campaign.url).status_code == 404
    client.force_login(admin_user)
    assert client.get(campaign.url).status_code == 404  # the public address stays closed
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    response = campaign.make_preview_request(original_request=request)
    assert response.status_code == 200
    assert "まだ始まらないキャンペーン" in response.content.decode()
    # Not listed anywhere either.
    assert "まだ始まらないキャンペーン" not in client.get("/ja/").content.decode()
    assert (
        "まだ始まらないキャンペーン" not in client.get(campaign.get_parent().url).content.decode()
    )


def test_period_is_shown_in_japan_time(client, demo_site):
    # 15:30 UTC is already the next day in Japan.
    start = timezone.now().replace(hour=15, minute=30) - timedelta(days=2)
    campaign = CampaignPageFactory(starts_at=start, ends_at=start + timedelta(days=10))
    page_html = client.get(campaign.url).content.decode()
    japan_start = timezone.localtime(start, timezone=ZoneInfo("Asia/Tokyo"))
    assert f'datetime="{japan_start.isoformat()}"' in page_html
    assert f"{japan_start.month}月{japan_start.day}日" in page_html
    assert "日本時間" in page_html or "Japan time" in page_html


def test_running_campaign_has_working_calls_to_action(client, demo_site):
    campaign = CampaignPageFactory(
        external_cta_label="ふるさと納税で応援する",
        external_cta_url="https://www.furusato-tax.jp/city/product/01213",
    )
    response = client.get(campaign.url)
    assert response.status_code == 200
    page_html = response.content.decode()
    links = hrefs(page_html)
    for kind in (CallToAction.REGISTER, CallToAction.ENTRY_PASS, CallToAction.CONSULT):
        url = entrance_url(kind, "ja")
        assert f'data-cta="{kind}"' in page_html
        assert url in links
        assert client.get(url).status_code == 200
    assert "https://www.furusato-tax.jp/city/product/01213" in links
    assert "ふるさと納税で応援する" in page_html
    assert "campaign__ended" not in page_html


def test_calls_to_action_the_editors_turned_off_are_not_shown(client, demo_site):
    campaign = CampaignPageFactory(show_register=False, show_consult=False)
    page_html = client.get(campaign.url).content.decode()
    assert 'data-cta="entry_pass"' in page_html
    assert 'data-cta="register"' not in page_html and 'data-cta="consult"' not in page_html


def test_share_links_carry_the_page_address_with_utm_values_and_load_no_scripts(client, demo_site):
    campaign = CampaignPageFactory(code="share-test", catch_copy="海と森のまちで、週末を。")
    page_html = client.get(campaign.url).content.decode()
    links = hrefs(page_html)
    expected = {
        "x": ("https://x.com/intent/post", "url"),
        "facebook": ("https://www.facebook.com/sharer/sharer.php", "u"),
        "line": ("https://social-plugins.line.me/lineit/share", "url"),
    }
    for source, (base, param) in expected.items():
        share = next(h for h in links if h.startswith(base + "?"))
        query = parse_qs(urlsplit(share).query)
        shared = urlsplit(query[param][0])
        assert f"{shared.scheme}://{shared.netloc}{shared.path}" == campaign.full_url
        assert parse_qs(shared.query) == {
            "utm_source": [source],
            "utm_medium": ["social"],
            "utm_campaign": ["share-test"],
        }
        # The shared address is encoded inside the share link, not appended raw.
        assert "utm_medium%3Dsocial" in share
    x_share = next(h for h in links if h.startswith("https://x.com/"))
    assert parse_qs(urlsplit(x_share).query)["text"] == ["海と森のまちで、週末を。"]
    # No third-party script: every <script> is ours (inline JSON-LD or a local file).
    for src in re.findall(r"<script[^>]*\ssrc=\"([^\"]+)\"", page_html):
        assert src.startswith("/"), src
    assert "x.com/widgets" not in page_html and "connect.facebook.net" not in page_html


def test_creators_and_posts_without_embed_load_nothing_from_the_platform(client, demo_site):
    creator = CreatorFactory(
        name="港のあき",
        handle="@minato_aki",
        bio="苫小牧港のフェリーを撮っています。",
        profile_url="https://www.instagram.com/minato_aki/",
    )
    campaign = CampaignPageFactory()
    campaign.featured_creators.create(creator=creator)
    campaign.posts = [
        (
            "post",
            {
                "creator": creator,
                "url": "https://www.instagram.com/p/ferry-dawn/",
                "embed": False,
                "caption": "夜明けのフェリー",
            },
        )
    ]
    campaign.save_revision().publish()
    page_html = client.get(campaign.url).content.decode()
    assert "港のあき" in page_html and "@minato_aki" in page_html and "Instagram" in page_html
    assert "苫小牧港のフェリーを撮っています。" in page_html
    assert 'href="https://www.instagram.com/minato_aki/" rel="noopener"' in page_html
    assert 'href="https://www.instagram.com/p/ferry-dawn/" rel="noopener"' in page_html
    assert "夜明けのフェリー" in page_html
    assert "<iframe" not in page_html and "instagram.com/embed" not in page_html


def test_an_embedded_post_whose_provider_fails_still_shows_the_link(client, demo_site):
    creator = CreatorFactory()
    campaign = CampaignPageFactory()
    campaign.posts = [
        (
            "post",
            {"creator": creator, "url": "https://example.invalid/post/1", "embed": True},
        )
    ]
    campaign.save_revision().publish()
    response = client.get(campaign.url)
    assert response.status_code == 200
    assert 'href="https://example.invalid/post/1"' in response.content.decode()


# -- after the end ------------------------------------------------------------------------------


def test_after_the_end_the_page_says_so_shows_related_content_and_keeps_the_calls_to_action(
    client, demo_site
):
    now = timezone.now()
    related = CampaignPageFactory(title="いま開催中の冬キャンペーン")
    ended = CampaignPageFactory(
        starts_at=now - timedelta(days=60),
        ends_at=now - timedelta(days=1),
        ended_message="たくさんのご応募ありがとうございました。",
    )
    CampaignRelatedPage.objects.create(page=ended, related=related)
    ended.refresh_from_db()
    response = client.get(ended.url)
    assert response.status_code == 200
    page_html = response.content.decode()
    assert 'class="notice campaign__ended"' in page_html
    assert "たくさんのご応募ありがとうございました。" in page_html
    assert "いま開催中の冬キャンペーン" in page_html and related.url in hrefs(page_html)
    for kind in (CallToAction.REGISTER, CallToAction.ENTRY_PASS, CallToAction.CONSULT):
        url = entrance_url(kind, "ja")
        assert url in hrefs(page_html)
        assert client.get(url).status_code == 200


def test_an_ended_campaign_without_related_pages_offers_the_running_ones(client, campaigns):
    page_html = client.get(summer().url).content.decode()
    # The summer campaign relates to the activities page.
    assert "/ja/activities/" in hrefs(page_html)
    summer_page = summer()
    summer_page.related_pages.all().delete()
    summer_page.save_revision().publish()  # as an editor would (renews the cached fragment)
    assert winter().url in hrefs(client.get(summer_page.url).content.decode())


def test_english_translation_renders_in_english(client, campaigns):
    translation = winter().get_translation(en())
    response = client.get(translation.url)
    assert response.status_code == 200
    page_html = response.content.decode()
    assert translation.url.startswith("/en/")
    assert translation.title in page_html
    assert "Advertisement / PR" in page_html
    assert '<article class="container narrow campaign" lang="en">' in page_html
    # Calls to action lead to the English entrances.
    assert entrance_url(CallToAction.REGISTER, "en") in hrefs(page_html)
    assert "Aki | Life in Tomakomai" in page_html  # the creator, translated
    ended = summer().get_translation(en())
    ended_html = client.get(ended.url).content.decode()
    assert "This campaign has ended" in ended_html


def test_share_image_falls_back_to_the_hero_image(client, campaigns):
    campaign = winter()
    assert campaign.share_image is None and campaign.hero_image is not None
    page_html = client.get(campaign.url).content.decode()
    rendition = campaign.hero_image.get_rendition("fill-1200x630|format-jpeg")
    assert f'<meta property="og:image" content="http://testserver{rendition.url}"' in page_html or (
        rendition.url in re.search(r'og:image" content="([^"]+)"', page_html).group(1)
    )


# -- the campaign index -------------------------------------------------------------------------


def test_index_lists_running_then_ended_and_never_the_future(client, campaigns):
    now = timezone.now()
    CampaignPageFactory(
        title="来月のキャンペーン",
        starts_at=now + timedelta(days=30),
        ends_at=now + timedelta(days=60),
    )
    index = CampaignIndexPage.objects.get(locale=ja())
    page_html = client.get(index.url).content.decode()
    assert page_html.index(winter().title) < page_html.index(summer().title)
    assert page_html.index('id="running-heading"') < page_html.index(winter().title)
    assert page_html.index(summer().title) > page_html.index('id="ended-heading"')
    assert "来月のキャンペーン" not in page_html


# -- the home page ------------------------------------------------------------------------------


def test_home_shows_running_campaigns_only_and_at_once(client, campaigns):
    now = timezone.now()
    client.get("/ja/")  # the home page's cached fragments are now filled
    future = CampaignPageFactory(
        title="これからのキャンペーン",
        starts_at=now + timedelta(days=5),
        ends_at=now + timedelta(days=9),
    )
    ended = CampaignPageFactory(
        title="終わったキャンペーン",
        starts_at=now - timedelta(days=9),
        ends_at=now - timedelta(days=2),
    )
    running = CampaignPageFactory(title="開催中の新キャンペーン", catch_copy="ほっき貝の季節です。")
    page_html = client.get("/ja/").content.decode()
    assert "開催中の新キャンペーン" in page_html and "ほっき貝の季節です。" in page_html
    assert running.url in hrefs(page_html)
    assert winter().title in page_html
    assert "これからのキャンペーン" not in page_html and "終わったキャンペーン" not in page_html
    assert summer().title not in page_html
    assert '<span class="pr-label">広告・PR</span>' in page_html
    # A campaign disappears at its end without waiting for the cache.
    running.ends_at = now - timedelta(minutes=1)
    running.save_revision().publish()
    assert "開催中の新キャンペーン" not in client.get("/ja/").content.decode()
    assert future.live and ended.live


def test_home_shows_campaigns_of_its_own_language_only(client, campaigns):
    CampaignPageFactory(title="日本語だけのキャンペーン")
    assert "日本語だけのキャンペーン" in client.get("/ja/").content.decode()
    en_html = client.get("/en/").content.decode()
    assert "日本語だけのキャンペーン" not in en_html
    assert winter().get_translation(en()).title in en_html


def test_home_shows_at_most_three_campaigns_by_start(client, campaigns):
    now = timezone.now()
    for days in (1, 2, 3, 4):
        CampaignPageFactory(
            title=f"{days}日前からのキャンペーン", starts_at=now - timedelta(days=days)
        )
    page_html = client.get("/ja/").content.decode()
    assert page_html.count('class="card campaign-card"') == 3
    # Ordered by start: the winter campaign (two weeks ago) comes first.
    assert page_html.index(winter().title) < page_html.index("4日前からのキャンペーン")
    assert "1日前からのキャンペーン" not in page_html


# -- news releases ------------------------------------------------------------------------------


def press_release(link):
    """The city's press release on the registration, carrying the short link for the media."""
    press = NewsIndexPage.objects.get(locale=ja()).add_child(
        instance=NewsPage(
            title="ふるさと住民登録の受け付けを開始しました",
            slug="furusato-resident-registration-starts",
            category="press_release",
            summary=(
                "苫小牧に住んでいなくても、まちに関わり続けたい方を「ふるさと住民」として"
                "登録する受け付けを、市独自に始めました。"
            ),
        )
    )
    press.save_revision().publish()
    link.press_release = press
    link.save()
    return press


def test_press_release_shows_its_full_short_link(client, demo_site):
    # The test site's link for the release (a tracking link without a campaign).
    press = press_release(TrackingLink.objects.get(code="press-furusato-registration"))
    page_html = client.get(press.url).content.decode()
    assert "<code>http://testserver/go/press-furusato-registration</code>" in page_html
    other = NewsPage.objects.filter(locale=ja(), press_link__isnull=True).live().first()
    other_html = client.get(other.url).content.decode()
    assert "media-box" not in other_html
    # The campaign team gives another link to that release: the page shows it at once (the
    # page's cached fragment is emptied by the link's save, not by a publish of the page).
    link = TrackingLinkFactory(code="press-autumn", channel="press_release", campaign=None)
    link.press_release = other
    link.save()
    assert "http://testserver/go/press-autumn" in client.get(other.url).content.decode()
    # The release's translation shows the original's link.
    english = other.get_translation_or_none(en()) or other.copy_for_translation(en())
    english.save_revision().publish()
    assert "http://testserver/go/press-autumn" in client.get(english.url).content.decode()
    # The link is taken back: the media box goes.
    link.press_release = None
    link.save()
    assert "media-box" not in client.get(other.url).content.decode()


# -- query budgets ------------------------------------------------------------------------------


# A campaign page is not cached (its state depends on the time): site, page, restrictions,
# hero image, entrance pages (one query), creators with photos, posts' creators and images.
# English adds the creators' translations; an ended page adds its related content. The pages
# are the `campaigns` fixture's, shaped like the demo's: two creators with photos, two posts
# with images (one on the ended page), related content on the ended one.
@pytest.mark.parametrize(
    ("url", "budget"),
    [
        ("/ja/campaigns/winter-2026/", 12),
        ("/en/campaigns/winter-2026/", 14),
        ("/ja/campaigns/summer-2026/", 13),
        ("/ja/campaigns/", 8),
        ("/en/campaigns/", 9),
    ],
)
def test_query_budget(client, campaigns, django_assert_max_num_queries, url, budget):
    client.get(url)  # warm-up: fills the chrome cache
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200
