"""The portal in a real browser: axe-core on every page type, keyboard use, editorial workflow.

Every test re-seeds the demo site (about ten seconds), so each one walks many pages.
"""

import re
from urllib.parse import quote, urljoin

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from home import demo_content
from tests.e2e.accounts import enter_code_if_asked
from tests.e2e.conftest import assert_no_axe_violations

SECTIONS = ["moving/", "two-region-living/", "workcation/", "furusato-nozei/"]
STANDARD_PAGES = [
    "about/",
    "privacy/",
    "terms/",
    "accessibility/",
    "furusato-resident/",
    "entry-pass/",
    "consultation/",
]
SEARCH_WORD = {"ja": "二地域", "en": "two-region"}
LABELS = {
    "ja": {
        "site_search": "サイト内検索",
        "theme_filter": "テーマで絞り込む",
        "themes": "テーマ",
    },
    "en": {
        "site_search": "Search this site",
        "theme_filter": "Filter by theme",
        "themes": "Themes",
    },
}

STORY_TITLE = "勇払の古民家で週末カフェ"
STORY_SUMMARY = "勇払の築八十年の古民家で、週末だけ開くカフェを始めた夫婦の話。"
# A word of the title that appears in no demo page: search must find the new story by it.
STORY_SEARCH_WORD = "古民家"


def _main_links(page):
    """The hrefs of the links in <main>, as written in the page."""
    return page.locator("main a[href]").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )


def _first_link(page, pattern):
    """The first link in <main> whose href matches pattern, resolved against the page URL."""
    for href in _main_links(page):
        if re.search(pattern, href):
            return urljoin(page.url, href)
    return None


def _discover_urls(page, site_url, language):
    """Every page type of the portal in one language: fixed entry points, then the detail
    pages, archives and filters found by reading the links of the listings."""
    prefix = f"{site_url}/{language}/"
    urls = [prefix] + [prefix + path for path in SECTIONS + STANDARD_PAGES]
    missing = []

    def from_listing(listing, patterns):
        page.goto(prefix + listing)
        for name, pattern in patterns:
            url = _first_link(page, pattern)
            if url:
                urls.append(url)
            elif not name.endswith("(optional)"):
                missing.append(f"{prefix}{listing}: no link to {name}")

    urls.append(prefix + "stories/")
    from_listing(
        "stories/",
        [
            ("a story", rf"^/{language}/stories/[^?#]+/$"),
            ("a theme filter", r"\?theme=[\w-]+$"),
            ("page 2 (optional)", r"[?&]page=2$"),
        ],
    )
    urls.append(prefix + "news/")
    from_listing(
        "news/",
        [
            ("a news page", rf"^/{language}/news/(?!\d{{4}}/)[^?#]+/$"),
            ("a year archive", rf"^/{language}/news/\d{{4}}/$"),
            ("a category filter", r"\?category=\w+$"),
        ],
    )
    urls.append(prefix + "events/")
    from_listing("events/", [("an upcoming event", rf"^/{language}/events/(?!past/)[^?#]+/$")])
    urls.append(prefix + "events/past/")
    from_listing("events/past/", [("a past event", rf"^/{language}/events/(?!past/)[^?#]+/$")])
    results = f"{prefix}search/?q={quote(SEARCH_WORD[language])}"
    urls += [f"{prefix}search/", f"{prefix}search/?q=", results, f"{prefix}search/?q=zzqxvjk"]
    from_listing(results.removeprefix(prefix), [("page 2 (optional)", r"[?&]page=2$")])
    return list(dict.fromkeys(urls)), missing


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_page_type_passes_axe(page, site_url, language):
    urls, problems = _discover_urls(page, site_url, language)
    not_found = f"{site_url}/{language}/no-such-page/"
    for url in [*urls, not_found]:
        response = page.goto(url)
        expected_status = 404 if url == not_found else 200
        if response.status != expected_status:
            problems.append(f"{url}: HTTP {response.status}, expected {expected_status}")
        if page.locator("html").get_attribute("lang") != language:
            problems.append(f"{url}: <html lang> is not {language!r}")
        try:
            assert_no_axe_violations(page)
        except AssertionError as violations:
            problems.append(f"{url}:\n{violations}")
    assert problems == [], "\n\n".join(problems)


def _tab_to(page, locator, limit=60):
    """Press Tab until locator has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            break
    expect(locator).to_be_focused()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_search_and_theme_filter_work_by_keyboard(page, site_url, language):
    labels = LABELS[language]
    word = SEARCH_WORD[language]
    page.goto(f"{site_url}/{language}/")
    search_box = page.get_by_role("banner").get_by_role("searchbox", name=labels["site_search"])
    _tab_to(page, search_box)
    page.keyboard.type(word)
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}/{language}/search/?q={quote(word)}")
    result_links = page.get_by_role("main").get_by_role("heading", level=2).get_by_role("link")
    expect(result_links.first).to_be_visible()
    first_result = result_links.first
    href = first_result.get_attribute("href")
    _tab_to(page, first_result)
    page.keyboard.press("Enter")
    expect(page).to_have_url(urljoin(f"{site_url}/", href))

    page.goto(f"{site_url}/{language}/stories/")
    themes = page.get_by_role("navigation", name=labels["theme_filter"]).get_by_role("link")
    theme = themes.nth(1)  # the first theme; nth(0) shows all stories
    theme_name = theme.inner_text()
    _tab_to(page, theme)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/stories/\?theme=[\w-]+$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(theme_name)
    expect(theme).to_have_attribute("aria-current", "page")
    stories = page.get_by_role("main").get_by_role("article")
    expect(stories.first).to_be_visible()
    for story in stories.all():
        expect(story.get_by_role("list", name=labels["themes"])).to_contain_text(theme_name)


def _log_in(page, site_url, email):
    page.goto(f"{site_url}/admin/")
    page.get_by_label("メールアドレス").fill(email)
    page.get_by_label("パスワード").fill(demo_content.DEMO_PASSWORD)
    page.get_by_role("button", name="ログイン").click()
    enter_code_if_asked(page, email)
    expect(page).to_have_url(f"{site_url}/admin/")


def test_contractor_story_is_published_only_after_city_approval(page, new_context, site_url):
    for email in ("city@example.jp", "contractor@example.jp"):
        profile = UserProfile.get_for_user(get_user_model().objects.get(email=email))
        profile.preferred_language = "en"  # stable admin labels
        profile.save()
    story_url = f"{site_url}/ja/stories/{quote(STORY_TITLE)}/"
    search_url = f"{site_url}/ja/search/?q={quote(STORY_SEARCH_WORD)}"

    # A contractor editor writes a story under the Japanese story index and submits it.
    _log_in(page, site_url, "contractor@example.jp")
    page.goto(f"{site_url}/admin/pages/")
    page.get_by_role("link", name="Explore child pages of 'ホーム'").click()
    page.get_by_role("link", name="Explore child pages of 'ストーリー'").click()
    page.get_by_role("link", name="Add child page").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/add/home/storypage/\d+/$"))
    title = page.get_by_role("textbox", name="Title*")
    title.fill(STORY_TITLE)
    title.press("Tab")  # the slug follows the title when it loses the focus
    expect(page.locator("#id_slug")).to_have_value(STORY_TITLE)
    page.get_by_role("textbox", name="Summary").fill(STORY_SUMMARY)
    # Contractors never publish (CONVENTIONS 11): the action menu offers no Publish.
    expect(page.get_by_role("button", name="Publish", include_hidden=True)).to_have_count(0)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to City approval").click()
    expect(page.get_by_role("status")).to_contain_text(
        f"Page '{STORY_TITLE}' created and submitted for moderation."
    )

    # Until the city approves it, visitors find it nowhere.
    visitor = new_context().new_page()  # anonymous; the contexts share no cookies
    assert visitor.goto(story_url).status == 404
    visitor.goto(f"{site_url}/ja/stories/")
    expect(visitor.get_by_role("heading", level=1)).to_be_visible()
    expect(visitor.get_by_role("link", name=STORY_TITLE)).to_have_count(0)
    visitor.goto(search_url)
    expect(visitor.get_by_role("status")).to_be_visible()
    expect(visitor.get_by_role("link", name=STORY_TITLE)).to_have_count(0)

    # A city editor approves it from the page editor's action menu.
    city = new_context().new_page()
    _log_in(city, site_url, "city@example.jp")
    city.get_by_role("region", name="Awaiting your review").get_by_role(
        "link", name=STORY_TITLE
    ).click()
    expect(city).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    city.get_by_role("button", name="More actions").click()
    city.get_by_role("button", name="Approve", exact=True).click()
    expect(city.get_by_role("status")).to_contain_text(STORY_TITLE)
    city.goto(f"{site_url}/admin/")
    expect(
        city.get_by_role("region", name="Awaiting your review").get_by_role(
            "link", name=STORY_TITLE
        ),
        "the approved story still awaits review: the approval did not finish the workflow",
    ).to_have_count(0)

    # Now visitors find it in the listing and in search, and can read it.
    visitor.goto(f"{site_url}/ja/stories/")
    expect(
        visitor.get_by_role("link", name=STORY_TITLE), "the approved story is not listed"
    ).to_be_visible()
    visitor.goto(search_url)
    expect(visitor.get_by_role("link", name=STORY_TITLE)).to_be_visible()
    visitor.get_by_role("link", name=STORY_TITLE).click()
    expect(visitor).to_have_url(story_url)
    expect(visitor.get_by_role("heading", level=1)).to_have_text(STORY_TITLE)
    expect(visitor.get_by_text(STORY_SUMMARY).first).to_be_visible()
    assert_no_axe_violations(visitor)  # a story without a hero image or body


def _clear_caches():
    """The live server runs in this process: clearing the caches shows the change at once."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_story_without_a_photo_keeps_the_grid_even(page, site_url, language):
    """The newest story loses its photo: its card keeps a drawn placeholder of the photo's size,
    so in the first row of the grid every photo box has the same height and every title starts
    on the same line (issue 16, point 6)."""
    from home.models import StoryPage

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/{language}/stories/")
    first_href = page.locator("main .story-card .card__title a").first.get_attribute("href")
    story = next(
        s for s in StoryPage.objects.filter(locale__language_code=language) if s.url == first_href
    )
    # (Another browser test may have added a newer story without a photo: it is the case here.)
    photo = story.hero_image
    try:
        if photo is not None:
            story.hero_image = None
            story.save_revision().publish()
            _clear_caches()
        page.goto(f"{site_url}/{language}/stories/")
        cards = page.locator("main .card-grid > .story-card")
        expect(cards.first.locator(".image-placeholder")).to_be_visible()
        boxes = cards.evaluate_all(
            """cards => cards.map(card => {
                const picture = card.querySelector('.card__image').getBoundingClientRect();
                const title = card.querySelector('.card__title').getBoundingClientRect();
                return {top: Math.round(card.getBoundingClientRect().top),
                        pictureHeight: picture.height, pictureWidth: picture.width,
                        titleTop: title.top};
            })"""
        )
        row = [box for box in boxes if box["top"] == boxes[0]["top"]]
        assert len(row) >= 2, boxes  # the desktop grid has several cards in a row
        placeholder, *others = row
        for other in others:
            assert abs(placeholder["pictureHeight"] - other["pictureHeight"]) <= 1, row
            assert abs(placeholder["titleTop"] - other["titleTop"]) <= 1, row
        assert placeholder["pictureHeight"] == pytest.approx(
            placeholder["pictureWidth"] * 9 / 16, abs=1
        )
        assert_no_axe_violations(page)
    finally:
        if photo is not None:
            story.hero_image = photo
            story.save_revision().publish()
            _clear_caches()
