"""The portal's page types: tree rules, rendering in Japanese and English, listings, feeds,
the sitemap, SEO tags, the workflow, scheduled publishing and previews."""

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Page

from home.models import (
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SectionPage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
    StoryTheme,
)
from tests.factories import UserFactory
from tests.factories.home import (
    EventPageFactory,
    NewsPageFactory,
    StoryPageFactory,
    translate_into_english,
)

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    HomePage,
    SectionPage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
    NewsIndexPage,
    NewsPage,
    EventIndexPage,
    EventPage,
]


def en():
    return Locale.objects.get(language_code="en")


def ja_page(model):
    return model.objects.filter(locale__language_code="ja").live().order_by("pk").first()


def translated_page(model):
    for page in model.objects.filter(locale__language_code="ja").live().order_by("pk"):
        translation = page.get_translation_or_none(en())
        if translation is not None and translation.live:
            return page, translation
    raise AssertionError(f"no translated {model.__name__} in the demo site")


# -- tree rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (HomePage, Page, True),
        (SectionPage, HomePage, True),
        (SectionPage, SectionPage, False),
        (StoryPage, StoryIndexPage, True),
        (StoryPage, HomePage, False),
        (StoryPage, SectionPage, False),
        (NewsPage, NewsIndexPage, True),
        (NewsPage, StoryIndexPage, False),
        (EventPage, EventIndexPage, True),
        (EventPage, HomePage, False),
        (StandardPage, HomePage, True),
        (StandardPage, SectionPage, True),
        (StandardPage, StoryIndexPage, False),
        (StoryIndexPage, HomePage, True),
        (StoryIndexPage, SectionPage, False),
    ],
)
def test_parent_and_child_rules(child, parent, allowed):
    assert (child in parent.allowed_subpage_models()) == allowed
    assert (parent in child.allowed_parent_page_models()) == allowed or parent is Page


def test_only_one_index_of_each_kind_per_home(demo_site):
    home = demo_site.root_page.specific
    for model in (StoryIndexPage, NewsIndexPage, EventIndexPage):
        assert not model.can_create_at(home)


# -- every page type renders in Japanese and English ------------------------------------------


@pytest.mark.parametrize("model", PAGE_TYPES)
def test_every_page_type_renders_in_japanese_and_english(client, demo_site, model):
    page, translation = translated_page(model)
    ja_html = client.get(page.url).content.decode()
    en_response = client.get(translation.url)
    en_html = en_response.content.decode()
    assert en_response.status_code == 200
    assert '<html lang="ja">' in ja_html and '<html lang="en">' in en_html
    heading = (lambda p: p.hero_catch_copy) if model is HomePage else (lambda p: p.title)
    assert heading(page.specific) in ja_html and heading(translation.specific) in en_html
    assert len(re.findall(r"<h1[\s>]", ja_html)) == 1
    assert page.title != translation.title


# -- home ---------------------------------------------------------------------------------------


def test_home_shows_entrances_stories_news_events_and_calls_to_action(client, demo_site):
    today = timezone.localdate()
    for days_ago, title in enumerate(
        ["港の食堂を継いだ三代目", "ハスカップ畑で過ごす夏", "ウトナイ湖の朝を撮る写真家"]
    ):
        StoryPageFactory(title=title, date=today - dt.timedelta(days=days_ago), themes=["food"])
    latest_news = [
        NewsPageFactory(title="ふるさと納税の受付を再開しました", date=today),
        NewsPageFactory(title="エントリーパスの協力店舗を募集しています", date=today),
        NewsPageFactory(title="冬の移住体験住宅の予約を受け付けます", date=today),
    ]
    older_news = NewsPageFactory(title="夏季休業のお知らせ", date=dt.date(2025, 8, 1))
    now = timezone.now()
    for days, title in [
        (7, "ウトナイ湖バードウォッチング体験"),
        (14, "苫小牧港フェリーターミナル見学会"),
        (21, "移住者交流会 冬のつどい"),
    ]:
        EventPageFactory(title=title, start=now + dt.timedelta(days=days))
    past_event = EventPageFactory(title="夏の海岸清掃", start=now - dt.timedelta(days=120))

    html = client.get("/ja/").content.decode()
    sections = list(SectionPage.objects.filter(locale__language_code="ja"))
    assert sections
    for section in sections:
        assert f'href="{section.url}"' in html
    assert html.count('class="news-item"') == 3
    assert all(news.title in html for news in latest_news) and older_news.title not in html
    assert html.count("event-card") >= 3
    assert past_event.title not in html
    assert "block-cta" in html
    assert html.count("story-card") >= 3


def test_home_in_english_links_only_to_english_pages(client, demo_site):
    html = client.get("/en/").content.decode()
    html = html[html.index("<main") : html.index("</main>")]  # not the language switcher
    internal = re.findall(r'href="(/[a-z-]+/[^"]*)"', html)
    page_links = [h for h in internal if not h.startswith(("/static/", "/feeds/"))]
    assert page_links
    languages = {h.split("/")[1] for h in page_links}
    assert languages == {"en"}, sorted(set(page_links))


# -- stories ------------------------------------------------------------------------------------


def test_story_index_filters_by_theme_and_paginates(client, demo_site):
    haskap = StoryPageFactory(title="ハスカップ畑で過ごす夏", themes=["food", "nature"])
    birds = StoryPageFactory(title="ウトナイ湖の朝を撮る写真家", themes=["nature"])
    index = ja_page(StoryIndexPage)
    everything = client.get(index.url).content.decode()
    food = client.get(index.url + "?theme=food").content.decode()
    assert everything.count("story-card") > food.count("story-card") > 0
    food_stories = StoryPage.objects.live().filter(locale__language_code="ja", themes__slug="food")
    assert haskap in food_stories
    for story in food_stories:
        assert story.title in food
    assert birds.title in everything and birds.title not in food
    assert client.get(index.url + "?page=999").status_code == 200
    assert client.get(index.url + "?page=abc").status_code == 200


def test_story_index_paginates_at_twelve(client, demo_site):
    index = ja_page(StoryIndexPage)
    template = ja_page(StoryPage)
    for number in range(14):
        index.add_child(
            instance=StoryPage(
                title=f"追加のストーリー{number}", slug=f"extra-{number}", locale=template.locale
            )
        )
    first = client.get(index.url).content.decode()
    second = client.get(index.url + "?page=2").content.decode()
    assert first.count('class="card story-card"') == 12
    assert 'rel="next"' in first and 'rel="prev"' in second


def test_english_story_shows_english_themes_and_reading_time(client, demo_site):
    page, translation = translated_page(StoryPage)
    html = client.get(translation.url).content.decode()
    english_names = set(StoryTheme.objects.filter(locale=en()).values_list("name", flat=True))
    japanese_names = set(
        StoryTheme.objects.filter(locale__language_code="ja").values_list("name", flat=True)
    )
    shown = set(re.findall(r'\?theme=[a-z-]+">([^<]+)</a>', html))
    assert shown and shown <= english_names
    assert not shown & japanese_names
    assert re.search(r"About \d+ minutes?", html)


def test_related_stories_share_a_theme_and_language(demo_site):
    story = StoryPageFactory(title="港の食堂を継いだ三代目", themes=["food", "work"])
    haskap = StoryPageFactory(title="ハスカップ畑で過ごす夏", themes=["food"])
    birds = StoryPageFactory(title="ウトナイ湖の朝を撮る写真家", themes=["nature"])
    draft = StoryPageFactory(title="ホッキカレーの店を訪ねて", themes=["food"])
    draft.unpublish()
    # The English translation shares the food theme too, but is in another language.
    english = translate_into_english(
        haskap,
        {
            haskap.title: "A summer in the haskap fields",
            haskap.summary: "We asked someone who moved to Tomakomai about life here now.",
            haskap.interviewee: "A Tomakomai resident",
        },
    )
    assert english.live and {t.slug for t in english.themes.all()} == {"food"}

    related = story.related_stories
    assert haskap in related
    assert not {birds.pk, draft.pk, english.pk} & {other.pk for other in related}
    keys = {t.translation_key for t in story.themes.all()}
    for other in related:
        assert other.locale_id == story.locale_id and other.pk != story.pk and other.live
        assert keys & {t.translation_key for t in other.themes.all()}


def _request(page):
    from django.test import RequestFactory

    return RequestFactory().get(page.url, HTTP_HOST="localhost")


# -- news: feeds, archive ---------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ja", "en"])
def test_news_feeds_parse_and_list_that_languages_news(client, demo_site, language):
    rss = client.get(f"/feeds/{language}/news.rss")
    atom = client.get(f"/feeds/{language}/news.atom")
    assert rss.status_code == atom.status_code == 200
    rss_items = ET.fromstring(rss.content).findall("./channel/item")
    atom_entries = ET.fromstring(atom.content).findall("{http://www.w3.org/2005/Atom}entry")
    expected = NewsPage.objects.live().filter(locale__language_code=language).count()
    assert len(rss_items) == len(atom_entries) == expected > 0
    for item in rss_items:
        assert f"/{language}/" in item.findtext("link")


def test_feeds_are_advertised_and_unknown_language_is_404(client, demo_site):
    html = client.get("/en/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml"' in html and "/feeds/en/news.rss" in html
    )
    assert client.get("/feeds/fr/news.rss").status_code == 404


def test_news_yearly_archive(client, demo_site):
    index = ja_page(NewsIndexPage)
    year = NewsPage.objects.filter(locale__language_code="ja").first().date.year
    response = client.get(f"{index.url}{year}/")
    assert response.status_code == 200
    assert (
        response.content.decode().count('class="news-item"')
        == NewsPage.objects.filter(locale__language_code="ja", date__year=year).live().count()
    )
    assert client.get(f"{index.url}1999/").status_code == 404


def test_news_category_filter(client, demo_site):
    index = ja_page(NewsIndexPage)
    html = client.get(index.url + "?category=press_release").content.decode()
    press = NewsPage.objects.live().filter(locale__language_code="ja", category="press_release")
    assert html.count('class="news-item"') == press.count() > 0


# -- events: upcoming, past, ics ---------------------------------------------------------------


def test_events_upcoming_and_past_lists(client, demo_site):
    index = ja_page(EventIndexPage)
    upcoming = client.get(index.url).content.decode()
    past = client.get(index.url + "past/").content.decode()
    now = timezone.now()
    for event in EventPage.objects.live().filter(locale__language_code="ja"):
        if event.end >= now:
            assert event.title in upcoming and event.title not in past
        else:
            assert event.title in past and event.title not in upcoming


def test_event_ics_download(client, demo_site):
    event = EventPage.objects.live().filter(locale__language_code="ja").first()
    response = client.get(event.url + "ics/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "BEGIN:VEVENT" in body and "SUMMARY:" in body
    start_jst = timezone.localtime(event.start).strftime("%Y%m%dT%H%M%S")
    assert f"DTSTART;TZID=Asia/Tokyo:{start_jst}" in body


def test_event_shows_japan_time(client, demo_site):
    event = EventPage.objects.live().filter(locale__language_code="ja").first()
    html = client.get(event.url).content.decode()
    jst = timezone.localtime(event.start).isoformat()
    assert f'datetime="{jst}"' in html


def test_event_end_before_start_is_refused():
    from django.core.exceptions import ValidationError

    start = timezone.now()
    event = EventPage(
        title="x", slug="x", start=start, end=start - dt.timedelta(hours=1), venue="市民会館"
    )
    with pytest.raises(ValidationError):
        event.clean()


# -- site-wide: sitemap, robots, SEO, JSON-LD, breadcrumbs --------------------------------------


def test_sitemap_lists_every_live_page_in_every_language_with_alternates(client, demo_site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = {u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)}
    live = Page.objects.live().filter(depth__gte=2)
    assert len(locs) == live.count()
    assert any("/en/" in loc for loc in locs) and any("/ja/" in loc for loc in locs)
    home_url = next(
        u for u in root.findall("s:url", ns) if u.findtext("s:loc", namespaces=ns).endswith("/ja/")
    )
    hreflangs = {link.get("hreflang") for link in home_url.findall("x:link", ns)}
    assert {"ja", "en"} <= hreflangs


def test_private_pages_stay_out_of_sitemap_and_search(client, demo_site):
    from wagtail.models import PageViewRestriction

    from home.search import index_page

    story = ja_page(StoryPage)
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    index_page(story)
    assert story.full_url not in client.get("/sitemap.xml").content.decode()
    results = client.get("/ja/search/", {"q": story.title}).content.decode()
    assert f'href="{story.url}"' not in results


def test_the_sitemap_is_built_once_and_again_when_a_page_changes(
    client, demo_site, django_assert_max_num_queries
):
    from wagtail.models import PageViewRestriction

    first = client.get("/sitemap.xml").content.decode()
    with django_assert_max_num_queries(1):  # the site of the request; the pages not read again
        assert client.get("/sitemap.xml").content.decode() == first
    story = StoryPageFactory(title="樽前山の山開きに登る", themes=["nature"])
    assert story.full_url not in first
    published = client.get("/sitemap.xml").content.decode()
    assert story.full_url in published
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    assert story.full_url not in client.get("/sitemap.xml").content.decode()


def test_robots_txt_points_to_the_sitemap(client, demo_site):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


@pytest.mark.parametrize("model", [StoryPage, NewsPage, EventPage, SectionPage])
def test_canonical_hreflang_and_share_tags(client, demo_site, model):
    page, translation = translated_page(model)
    html = client.get(page.url).content.decode()
    assert f'<link rel="canonical" href="{page.full_url}">' in html
    assert page.full_url.startswith("http://testserver/")  # the site's configured host
    assert f'hreflang="en" href="{translation.full_url}"' in html
    assert 'hreflang="x-default"' in html
    assert '<meta property="og:title"' in html and '<meta name="twitter:card"' in html
    assert re.search(r'<meta property="og:image" content="http://testserver/[^"]+\.jpg">', html)


def test_share_image_falls_back_to_the_site_default(client, demo_site):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from home.models import SiteSettings

    settings_obj = SiteSettings.for_site(demo_site)
    settings_obj.default_share_image = get_image_model().objects.create(
        title="港とフェリー", file=get_test_image_file(size=(1200, 630))
    )
    settings_obj.save()
    page = ja_page(StandardPage)
    assert page.get_share_image() is None
    html = client.get(page.url).content.decode()
    assert '<meta property="og:image"' in html


def json_ld_blocks(html):
    return [
        json.loads(m)
        for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def test_json_ld_for_organization_news_event_and_breadcrumbs(client, demo_site):
    news = ja_page(NewsPage)
    event = ja_page(EventPage)
    news_types = {block["@type"] for block in json_ld_blocks(client.get(news.url).content.decode())}
    event_data = json_ld_blocks(client.get(event.url).content.decode())
    assert {"GovernmentOrganization", "NewsArticle", "BreadcrumbList"} <= news_types
    event_block = next(b for b in event_data if b["@type"] == "Event")
    assert event_block["startDate"] == event.start.isoformat()
    crumbs = next(b for b in event_data if b["@type"] == "BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs][-1] == event.title


def test_breadcrumbs_lead_home(client, demo_site):
    story = ja_page(StoryPage)
    html = client.get(story.url).content.decode()
    nav = re.search(r'<nav class="breadcrumbs[^>]*>(.*?)</nav>', html, re.S).group(1)
    assert 'href="/ja/"' in nav and f'href="{story.url}" aria-current="page"' in nav


# -- editorial workflow, scheduling, previews ---------------------------------------------------


def test_submitted_story_is_not_public_until_a_city_editor_approves(client, demo_site):
    index = ja_page(StoryIndexPage)
    contractor = UserFactory(groups=["Contractor editors"])
    city = UserFactory(groups=["City editors"])
    story = StoryPage(
        title="樽前山のふもとで始めた週末農業",
        slug="weekend-farming",
        summary="週末ごとに札幌から通う夫婦の話。",
        locale=index.locale,
        live=False,
    )
    index.add_child(instance=story)
    story.save_revision(user=contractor)
    workflow_state = story.get_workflow().start(story, contractor)
    assert client.get("/ja/stories/weekend-farming/").status_code == 404
    assert "樽前山のふもとで" not in client.get(index.url).content.decode()
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, city, "approve")
    assert client.get("/ja/stories/weekend-farming/").status_code == 200
    assert "樽前山のふもとで" in client.get(index.url).content.decode()
    assert "樽前山のふもとで" in client.get("/ja/search/", {"q": "週末農業"}).content.decode()


def test_scheduled_publish_and_unpublish(client, demo_site):
    """Time travel: publish_scheduled runs as if two hours, then two days, had passed."""
    from unittest import mock

    index = ja_page(NewsIndexPage)
    now = timezone.now()
    news = NewsPage(
        title="予約公開のお知らせ",
        slug="scheduled",
        locale=index.locale,
        live=False,
        go_live_at=now + dt.timedelta(hours=1),
        expire_at=now + dt.timedelta(days=1),
    )
    index.add_child(instance=news)
    news.save_revision().publish()  # go_live_at is in the future: this only schedules it
    news.refresh_from_db()
    assert not news.live
    assert client.get("/ja/news/scheduled/").status_code == 404
    with mock.patch("django.utils.timezone.now", return_value=now + dt.timedelta(hours=2)):
        call_command("publish_scheduled")
    news.refresh_from_db()
    assert news.live
    assert client.get("/ja/news/scheduled/").status_code == 200
    with mock.patch("django.utils.timezone.now", return_value=now + dt.timedelta(days=2)):
        call_command("publish_scheduled")
    news.refresh_from_db()
    assert not news.live and news.expired
    assert client.get("/ja/news/scheduled/").status_code == 404


@pytest.mark.parametrize("model", PAGE_TYPES)
def test_every_page_type_previews(demo_site, model):
    page = ja_page(model)
    response = page.make_preview_request()
    assert response.status_code == 200
    heading = page.specific.hero_catch_copy if model is HomePage else page.title
    assert heading in response.content.decode()


@pytest.mark.parametrize("model", PAGE_TYPES)
def test_contractor_can_edit_every_page_type_but_not_publish(client, demo_site, model):
    contractor = UserFactory(groups=["Contractor editors"])
    page = ja_page(model)
    client.force_login(contractor)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    permissions = page.permissions_for_user(contractor)
    assert permissions.can_edit() and not permissions.can_publish()


def test_unchanged_story_form_reports_no_change(demo_site):
    """Approving from the editor must not save a new revision (that restarts the workflow)."""
    story = ja_page(StoryPage)
    city = UserFactory(groups=["City editors"])
    form_class = StoryPage.get_edit_handler().get_form_class()
    form = form_class(instance=story, for_user=city)
    assert not any(field.show_hidden_initial for field in form.fields.values())
    # Posting the same date back must not count as a change (it did with the hidden input
    # Django expects for callable defaults, which Wagtail's panels never render).
    bound = form_class({"date": story.date.isoformat()}, instance=story, for_user=city)
    assert not bound["date"]._has_changed()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_news_feeds_carry_their_language_and_each_releases_own_date(client, demo_site, language):
    news = NewsPage.objects.live().filter(locale__language_code=language).order_by("-date", "-pk")
    news.filter(pk=news[0].pk).update(date=dt.date(2026, 4, 1))
    rss = ET.fromstring(client.get(f"/feeds/{language}/news.rss").content)
    assert rss.findtext("./channel/language") == language
    atom = ET.fromstring(client.get(f"/feeds/{language}/news.atom").content)
    assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    released = {
        item.findtext("link").rstrip("/").rsplit("/", 1)[-1]: item.findtext("pubDate")
        for item in rss.findall("./channel/item")
    }
    for page in news:
        assert released[page.slug].startswith(page.date.strftime("%a, %d %b %Y 00:00:00 +0900"))
    updated = [
        entry.findtext("{http://www.w3.org/2005/Atom}updated")
        for entry in atom.findall("{http://www.w3.org/2005/Atom}entry")
    ]
    assert "2026-04-01T00:00:00+09:00" in updated
