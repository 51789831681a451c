"""A story or event without a photo keeps its card's shape: the card shows a drawn placeholder
of the photo's size (hidden from screen readers) instead of nothing, so the grid stays even.
The browser test tests/e2e/test_portal.py::test_a_story_without_a_photo_keeps_the_grid_even
measures it on screen."""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.images import get_image_model

from home.models import StoryIndexPage
from tests.factories.home import EventPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def cards(page_html, kind):
    soup = BeautifulSoup(page_html, "html.parser")
    return {
        card.select_one(".card__title").get_text(strip=True): card
        for card in soup.select(f"article.{kind}-card")
    }


def test_a_story_without_a_photo_shows_a_placeholder_of_the_photos_size(client, demo_site):
    photo = get_image_model().objects.first()
    assert photo is not None
    StoryPageFactory(title="写真のあるストーリー", slug="with-photo", hero_image=photo)
    StoryPageFactory(title="写真のないストーリー", slug="without-photo", hero_image=None)
    index = StoryIndexPage.objects.get(locale__language_code="ja")
    shown = cards(client.get(index.url).content.decode(), "story")
    without = shown["写真のないストーリー"]
    placeholder = without.find(class_="image-placeholder")
    assert placeholder is not None
    # In the photo's place (first in the card), with the photo's class (its 16:9 box) ...
    assert without.find(True) is placeholder
    assert "card__image" in placeholder["class"]
    # ... and decoration only: nothing for a screen reader, no empty alt text, no focus.
    assert placeholder["aria-hidden"] == "true"
    assert placeholder.find("img") is None and placeholder.get_text(strip=True) == ""
    assert placeholder.find("svg")["focusable"] == "false"
    with_photo = shown["写真のあるストーリー"]
    assert with_photo.find(class_="image-placeholder") is None
    assert with_photo.find("img", class_="card__image") is not None


def test_an_event_without_a_photo_shows_the_placeholder_too(client, demo_site):
    EventPageFactory(title="写真のないイベント", hero_image=None)
    page_html = client.get("/ja/").content.decode() + client.get("/ja/events/").content.decode()
    card = cards(page_html, "event")["写真のないイベント"]
    assert card.find(class_="image-placeholder") is not None


def test_the_placeholder_uses_no_inline_style(client, demo_site):
    """CSP: the drawing is coloured from static/css/blocks.css, not style attributes."""
    StoryPageFactory(title="写真のないストーリー", slug="without-photo", hero_image=None)
    index = StoryIndexPage.objects.get(locale__language_code="ja")
    page_html = client.get(index.url).content.decode()
    placeholder = re.search(r'<div class="card__image image-placeholder".*?</div>', page_html, re.S)
    assert placeholder and "style=" not in placeholder.group(0)
