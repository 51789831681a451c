"""The demo portal that `make run` shows: its size, every block type, both languages."""

import ast
from pathlib import Path

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
