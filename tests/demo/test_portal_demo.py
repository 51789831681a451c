"""The demo portal that `make run` shows: its size, every block type, both languages."""

import ast
import re
from pathlib import Path
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Locale

from home.blocks import BaseStreamBlock
from home.models import (
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    SectionPage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
)

BASE_DIR = Path(__file__).resolve().parents[2]


def en():
    return Locale.objects.get(language_code="en")


def test_demo_content_has_the_promised_size(demo_site):
    ja = {"locale__language_code": "ja"}
    assert SectionPage.objects.filter(**ja).live().count() == 4
    assert StoryPage.objects.filter(**ja).live().count() >= 8
    assert NewsPage.objects.filter(**ja).live().count() == 6
    assert EventPage.objects.filter(**ja, end__gte=timezone.now()).live().count() >= 3
    assert (
        StandardPage.objects.filter(
            **ja, slug__in=["about", "privacy", "terms", "accessibility"]
        ).count()
        == 4
    )
    for model in (SectionPage, StoryIndexPage, NewsIndexPage, EventIndexPage):
        for page in model.objects.filter(**ja):
            assert page.get_translation_or_none(en()) is not None, page


def test_the_demo_uses_every_block_type_in_both_languages(demo_site):
    from wagtail.models import Page

    used = {"ja": set(), "en": set()}
    for page in Page.objects.live().filter(locale__language_code__in=["ja", "en"]).specific():
        body = getattr(page, "body", None)
        if body is not None:
            used[page.locale.language_code] |= {block.block_type for block in body}
    every = set(BaseStreamBlock.base_blocks)
    assert every - used["ja"] == set()
    assert every - used["en"] == set()


def test_no_app_imports_the_demo():
    """The demo is the bundle and the scenarios, which only seed_demo runs."""
    demo_modules = {
        "members.demo",
        "passes.demo",
        "consultations.demo",
        "campaigns.demo",
        "content.demo",
    }
    for path in BASE_DIR.glob("*/**/*.py"):
        parts = path.relative_to(BASE_DIR).parts
        if parts[0] in {".venv", "tests", "scripts", "var"} or path.name == "demo.py":
            continue
        if path.name == "seed_demo.py":
            continue
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            assert not demo_modules & set(names), f"{path} imports the demo"


# -- What a city notices in the first minutes of a demo (issue 16, points 6 and 7) -------------

JAPAN = ZoneInfo("Asia/Tokyo")
LANGUAGES = ["ja", "en", "zh-hans", "zh-hant", "ko"]
# The first step of the Entry Pass in each language, as the visitor reads it.
FIRST_STEP = {
    "ja": "このページからパスを発行し",
    "en": "Get your pass on this page",
    "zh-hans": "在本页面申领通行证",
    "zh-hant": "在本頁面取得通行證",
    "ko": "이 페이지에서 패스를 발급받고",
}
# "2. …" inside running text: steps typed as one paragraph instead of a list.
INLINE_STEPS = re.compile(r"(^|[。.．\s])1[.．]\s?\S.*[。.．\s]2[.．]\s?\S", re.S)


def main_text_blocks(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return soup.find("main") or soup


def test_the_entry_pass_steps_are_an_ordered_list_in_every_language(client, demo_site):
    for language in LANGUAGES:
        response = client.get(f"/{language}/entry-pass/")
        assert response.status_code == 200, language
        main = main_text_blocks(response)
        lists = [
            ol
            for ol in main.find_all("ol")
            if "prose" in " ".join(ol.parent.get("class", [])) or ol.find_parent(class_="prose")
        ]
        assert len(lists) == 1, (language, lists)
        steps = [li.get_text(" ", strip=True) for li in lists[0].find_all("li")]
        assert len(steps) == 3, (language, steps)
        # Three different steps in the page's language, the first one first.
        assert len(set(steps)) == 3, (language, steps)
        assert steps[0].startswith(FIRST_STEP[language]), (language, steps)
        for paragraph in main.find_all("p"):
            assert not INLINE_STEPS.search(paragraph.get_text(" ")), (language, paragraph)


def test_no_demo_page_writes_numbered_steps_as_one_paragraph(demo_site):
    from wagtail.models import Page

    for page in Page.objects.live().specific():
        for block in getattr(page, "body", None) or []:
            if block.block_type != "paragraph":
                continue
            for paragraph in BeautifulSoup(str(block.value), "html.parser").find_all("p"):
                assert not INLINE_STEPS.search(paragraph.get_text(" ")), (page.url_path, paragraph)


def japan_day(moment):
    return timezone.localtime(moment, JAPAN).strftime("%m-%d")


def test_no_demo_event_or_activity_is_on_new_years_holidays(demo_site):
    from members.models import ActivityPage

    new_year = {"12-31", "01-01", "01-02", "01-03"}
    for model in (EventPage, ActivityPage):
        for page in model.objects.filter(locale__language_code="ja", start__isnull=False):
            assert japan_day(page.start) not in new_year, (page.slug, page.start)
            if page.end:
                assert japan_day(page.end) not in new_year, (page.slug, page.end)


def test_no_seasonal_activity_calls_itself_all_year(demo_site):
    from members.models import ActivityPage

    all_year = ["通年", "all year", "year-round", "全年", "연중"]
    season = re.compile(r"\d{1,2}月\s*[〜~～-]\s*\d{1,2}月")
    seasonal = [
        page
        for page in ActivityPage.objects.filter(locale__language_code="ja")
        if season.search(page.schedule_note or "")
    ]
    assert seasonal, "the demo has a seasonal activity (farm support, May to October)"
    for page in seasonal:
        for translation in [page, *page.get_translations()]:
            title = translation.specific.title.casefold()
            assert not any(word in title for word in all_year), (translation.url_path, title)


# A shop or restaurant named in Japanese text: a katakana name next to the kind of business.
BUSINESS_KINDS = "食堂|亭|珈琲|カフェ|工房|写真館|ホテル|旅館|レンタカー|みやげ処|ベーカリー"
NAMED_BUSINESS = re.compile(
    rf"([ァ-ヶー]{{2,}})\s?(?:{BUSINESS_KINDS})|(?:{BUSINESS_KINDS})\s?([ァ-ヶー]{{2,}})"
)


def test_every_business_the_campaigns_name_is_a_pass_partner(client, demo_site):
    from campaigns.models import CampaignPage
    from members.models import Benefit
    from passes.models import Partner

    partners = list(Partner.objects.filter(active=True))
    names = {language: [] for language in LANGUAGES}
    for partner in partners:
        names[partner.locale.language_code].append(partner.name)
    named = []
    for campaign in CampaignPage.objects.live().filter(locale__language_code="ja"):
        text = main_text_blocks(client.get(campaign.url)).get_text(" ")
        for match in NAMED_BUSINESS.finditer(text):
            name = match.group(1) or match.group(2)
            named.append(name)
            assert any(name in partner for partner in names["ja"]), (campaign.slug, match.group(0))
    assert "マルトミ" in named, "the winter campaign recommends a partner's hokki curry"
    # The translations name the same partner, as its translated name reads.
    marutomi = next(p for p in partners if p.name == "ほっき貝食堂 マルトミ")
    for campaign in CampaignPage.objects.live().exclude(locale__language_code="ja"):
        text = main_text_blocks(client.get(campaign.url)).get_text(" ")
        for wrong in ["Marutoma", "丸苫", "マルトマ", "마루토마"]:
            assert wrong not in text, (campaign.url_path, wrong)
        if campaign.code == "winter-2026":
            partner = marutomi.get_translation(campaign.locale)
            short = {"en": "Marutomi", "zh-hans": "丸富", "zh-hant": "丸富", "ko": "마루토미"}
            assert short[campaign.locale.language_code] in partner.name
            assert short[campaign.locale.language_code] in text, campaign.url_path
    # A member benefit given by a business (not by the city) is given by a partner too.
    for benefit in Benefit.objects.filter(locale__language_code="ja"):
        if not benefit.provider.startswith("苫小牧市"):
            assert benefit.provider in names["ja"], benefit.provider
