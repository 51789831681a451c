"""Builds the demo portal from home.demo_portal (text) and home.demo_images (pictures).

Japanese pages are created first; English translations go through wagtail-localize with the
English text of each (ja, en) pair, exactly as a translator's work would be stored."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale, Page

from home import demo_portal as data
from home.demo_images import get_or_create_demo_image
from home.models import (
    EventIndexPage,
    EventPage,
    HomePageFeaturedStory,
    NewsIndexPage,
    NewsPage,
    SectionExternalLink,
    SectionPage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
    StoryTheme,
)
from home.services import translate_through_localize

JST = ZoneInfo("Asia/Tokyo")

INDEXES = {
    "stories": (
        StoryIndexPage,
        ("ストーリー", "Stories"),
        (
            "苫小牧で暮らし、働き、関わる人たちの物語。",
            "Stories of people who live, work and take part in Tomakomai.",
        ),
    ),
    "news": (
        NewsIndexPage,
        ("お知らせ", "News"),
        ("報道発表、お知らせ、イベントの報告です。", "Press releases, notices and event reports."),
    ),
    "events": (
        EventIndexPage,
        ("イベント", "Events"),
        (
            "苫小牧とつながるイベント、セミナー、体験ツアー。",
            "Events, seminars and trial tours to connect with Tomakomai.",
        ),
    ),
}


class DemoPortal:
    """Creates what is missing; never overwrites what editors changed."""

    def __init__(self, home):
        self.home = home
        self.ja = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        self.en = Locale.objects.get(language_code="en")
        self.strings = {}  # Japanese → English, for wagtail-localize

    # -- text helpers -------------------------------------------------------------------------
    def pair(self, value):
        if value is None:
            return ""
        ja, en = value
        self.strings[ja] = en
        return ja

    def stream(self, items):
        blocks = []
        for item in items:
            kind = item[0]
            if kind == "heading":
                blocks.append(
                    {"type": "heading", "value": {"text": self.pair(item[1:3]), "level": "h2"}}
                )
            elif kind == "paragraph":
                blocks.append(
                    {"type": "paragraph", "value": f"<p>{escape(self.pair(item[1:3]))}</p>"}
                )
            elif kind == "quote":
                blocks.append(
                    {
                        "type": "quote",
                        "value": {
                            "text": self.pair(item[1:3]),
                            "attribution": self.pair(item[3:5]),
                        },
                    }
                )
        return blocks

    def add(self, parent, page):
        # An app's demo may already have put its own page type at this slug.
        existing = Page.objects.child_of(parent).filter(slug=page.slug, locale=self.ja).first()
        if existing:
            return existing.specific, False
        page.locale = self.ja
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page, True

    def translate(self, instance):
        slug = getattr(instance, "slug", None)
        if slug:
            self.strings.setdefault(slug, slug)  # URLs keep the same ASCII slug in English
        if instance.get_translation_or_none(self.en) is None:
            translate_through_localize(instance, "en", self.strings)

    # -- the portal ---------------------------------------------------------------------------
    def build(self):
        themes = self.build_themes()
        sections = self.build_sections()
        standard = self.build_standard_pages()
        stories = self.build_stories(themes)
        self.build_news()
        self.build_events()
        self.build_home(sections, standard, stories)
        return {"sections": sections, "standard": standard, "stories": stories}

    def build_themes(self):
        themes = {}
        for slug, ja, en in data.THEMES:
            theme = StoryTheme.objects.filter(locale=self.ja, slug=slug).first()
            if theme is None:
                theme = StoryTheme.objects.create(locale=self.ja, slug=slug, name=ja)
            self.strings[ja] = en
            self.strings[slug] = slug
            self.translate(theme)
            themes[slug] = theme
        return themes

    def build_sections(self):
        sections = {}
        for spec in data.SECTIONS:
            page = SectionPage(
                title=self.pair(spec["title"]),
                slug=spec["slug"],
                intro=self.pair(spec["intro"]),
                hero_image=get_or_create_demo_image(spec["image"]),
                body=self.stream(spec["body"]),
            )
            for order, link in enumerate(spec["external_links"]):
                page.external_links.add(
                    SectionExternalLink(
                        title=self.pair(link["title"]),
                        url=link["url"],
                        description=self.pair(link["description"]),
                        sort_order=order,
                        locale=self.ja,
                    )
                )
            page, _created = self.add(self.home, page)
            self.translate(page)
            sections[spec["slug"]] = page
        return sections

    def build_standard_pages(self):
        pages = {}
        for spec in data.STANDARD_PAGES:
            page = StandardPage(
                title=self.pair(spec["title"]),
                slug=spec["slug"],
                intro=self.pair(spec["intro"]),
                body=self.stream(spec["body"]),
            )
            page, _created = self.add(self.home, page)
            self.translate(page)
            pages[spec["slug"]] = page
        return pages

    def index(self, key):
        model, title, intro = INDEXES[key]
        page, _created = self.add(
            self.home, model(title=self.pair(title), slug=key, intro=self.pair(intro))
        )
        self.translate(page)
        return page

    def build_stories(self, themes):
        index = self.index("stories")
        stories = {}
        for spec in data.STORIES:
            page = StoryPage(
                title=self.pair(spec["title"]),
                slug=spec["slug"],
                date=dt.date.fromisoformat(spec["published"]),
                summary=self.pair(spec["summary"]),
                interviewee=self.pair(spec["interviewee"]),
                author=self.pair(spec["author"]),
                area=self.pair(spec["area"]),
                hero_image=get_or_create_demo_image(spec["image"]),
                body=self.stream(spec["body"]),
            )
            page.themes = [themes[slug] for slug in spec["themes"]]
            page, _created = self.add(index, page)
            if spec.get("translate"):
                self.translate(page)
            stories[spec["slug"]] = page
        return stories

    def build_news(self):
        index = self.index("news")
        for spec in data.NEWS:
            page = NewsPage(
                title=self.pair(spec["title"]),
                slug=spec["slug"],
                date=dt.date.fromisoformat(spec["date"]),
                category=spec["category"],
                summary=self.pair(spec["summary"]),
                body=self.stream(spec["body"]),
            )
            page, _created = self.add(index, page)
            if spec.get("translate"):
                self.translate(page)

    def build_events(self):
        index = self.index("events")
        today = timezone.localdate()
        for spec in list(data.EVENTS) + list(data.PAST_EVENTS):
            day = today + dt.timedelta(days=spec["days_from_today"])
            start = dt.datetime.combine(day, dt.time.fromisoformat(spec["start_time"]), JST)
            end_day = day + dt.timedelta(days=spec["duration_days"])
            end = dt.datetime.combine(end_day, dt.time.fromisoformat(spec["end_time"]), JST)
            page = EventPage(
                title=self.pair(spec["title"]),
                slug=spec["slug"],
                start=start,
                end=end,
                summary=self.pair(spec["summary"]),
                venue=self.pair(spec["venue"]),
                is_online=spec["online"],
                fee=self.pair(spec["fee"]),
                capacity=spec["capacity"],
                application_url=spec["application_url"],
                hero_image=get_or_create_demo_image(spec["image"]),
                body=self.stream(spec["body"]),
            )
            page, _created = self.add(index, page)
            if spec.get("translate"):
                self.translate(page)

    def build_home(self, sections, standard, stories):
        home = self.home.specific
        if home.entrances or home.calls_to_action or home.featured_stories.exists():
            return  # built before; editors may have changed it since
        spec = data.HOME
        home.hero_image = get_or_create_demo_image("sea")
        home.entrances = [
            {
                "type": "entrance",
                "value": {
                    "title": self.pair(entrance["title"]),
                    "text": self.pair(entrance["text"]),
                    "image": sections[entrance["section_slug"]].hero_image_id,
                    "page": sections[entrance["section_slug"]].pk,
                    "url": "",
                },
            }
            for entrance in spec["entrances"]
        ]
        home.calls_to_action = [
            {
                "type": "cta",
                "value": {
                    "title": self.pair(cta["title"]),
                    "text": self.pair(cta["text"]),
                    "button_label": self.pair(cta["button"]),
                    "page": standard[cta["page_slug"]].pk,
                    "url": "",
                },
            }
            for cta in spec["calls_to_action"]
        ]
        for order, slug in enumerate(spec["featured_story_slugs"]):
            home.featured_stories.add(HomePageFeaturedStory(story=stories[slug], sort_order=order))
        home.save_revision().publish()
        self.translate_home(home)

    def translate_home(self, home):
        """The English home page exists already (seed_demo makes it); bring it up to date."""
        from home.demo_content import HOME_EN

        self.strings.update(HOME_EN)
        translate_through_localize(home, "en", self.strings)
