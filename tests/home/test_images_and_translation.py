"""Images: alt text unless decorative, responsive WebP renditions, lazy below the fold.
Translation: every page type and snippet goes through wagtail-localize."""

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale
from wagtail_localize.models import Translation

from home.models import (
    EventIndexPage,
    EventPage,
    HomePage,
    NavigationMenu,
    NewsIndexPage,
    NewsPage,
    SectionPage,
    SiteIdentity,
    StandardPage,
    StoryIndexPage,
    StoryPage,
    StoryTheme,
)
from home.services import translate_through_localize

pytestmark = pytest.mark.django_db


def test_alt_text_is_required_unless_the_image_is_decorative():
    Image = get_image_model()
    image = Image(title="港", file=get_test_image_file())
    with pytest.raises(ValidationError) as error:
        image.full_clean()
    assert "description" in error.value.message_dict
    image.is_decorative = True
    image.full_clean()
    assert image.default_alt_text == ""
    image.is_decorative = False
    image.description = "夕暮れの苫小牧港に停泊するフェリー"
    image.full_clean()
    assert image.default_alt_text == "夕暮れの苫小牧港に停泊するフェリー"


def test_listing_images_are_responsive_webp_and_lazy(client, demo_site):
    html = client.get("/ja/stories/").content.decode()
    cards = re.findall(r'<img [^>]*class="card__image"[^>]*>', html)
    assert cards
    for tag in cards:
        assert 'loading="lazy"' in tag
        assert re.search(r'width="\d+"', tag) and re.search(r'height="\d+"', tag)
        assert tag.count(".webp") >= 3 and "srcset=" in tag
        assert re.search(r'alt="[^"]+"', tag)


def test_hero_image_loads_eagerly_with_alt_text(client, demo_site):
    html = client.get("/ja/").content.decode()
    hero = re.search(r'<img [^>]*class="hero__image"[^>]*>', html).group(0)
    assert 'loading="lazy"' not in hero and 'fetchpriority="high"' in hero
    assert "srcset=" in hero and ".webp" in hero
    alt = re.search(r'alt="([^"]*)"', hero).group(1)
    assert alt == demo_site.root_page.specific.hero_image.description


def test_decorative_image_gets_empty_alt(client, demo_site):
    home = demo_site.root_page.specific
    image = home.hero_image
    image.is_decorative = True
    image.save()
    html = client.get("/ja/").content.decode()
    assert re.search(
        r'<img [^>]*alt=""[^>]*class="hero__image"|<img [^>]*class="hero__image"[^>]*alt=""', html
    )


@pytest.mark.parametrize(
    "model",
    [
        HomePage,
        SectionPage,
        StandardPage,
        StoryIndexPage,
        StoryPage,
        NewsIndexPage,
        NewsPage,
        EventIndexPage,
        EventPage,
        NavigationMenu,
        SiteIdentity,
        StoryTheme,
    ],
)
def test_every_page_type_and_snippet_is_translated_through_wagtail_localize(demo_site, model):
    source = model.objects.filter(locale__language_code="ja").first()
    assert Translation.objects.filter(
        source__object_id=source.translation_key, target_locale__language_code="en"
    ).exists()


def test_a_new_page_translates_through_wagtail_localize(
    client, demo_site, django_capture_on_commit_callbacks
):
    home = demo_site.root_page
    page = StandardPage(
        title="ふるさと納税の使い道",
        slug="uses",
        intro="寄附金の使い道をご報告します。",
        locale=home.locale,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):  # it publishes on commit
        english = translate_through_localize(
            page,
            "en",
            {
                "ふるさと納税の使い道": "How donations are used",
                "uses": "uses",
                "寄附金の使い道をご報告します。": "A report on how donations are used.",
            },
        )
    assert english.locale == Locale.objects.get(language_code="en")
    response = client.get("/en/uses/")
    assert response.status_code == 200
    assert "How donations are used" in response.content.decode()
