"""Alt text in the page's language (issue 14, point 6).

Alt text written on a block is translated with the page through wagtail-localize; an image
whose alt is its own Japanese description, shown on an English, Chinese or Korean page, is
marked lang="ja" so that screen readers read it with a Japanese voice. A decorative image
has alt="" and no lang."""

import re

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail_localize.segments.extract import extract_segments

from home.templatetags.image_tags import alt_language
from tests.factories.home import SectionPageFactory, translate_into_english

pytestmark = pytest.mark.django_db

HERO_ALT = "樽前山を背にした苫小牧の街並み"
FIGURE_ALT = "夕暮れの苫小牧港に停泊するフェリー"
FIGURE_ALT_EN = "A ferry moored in Tomakomai port at dusk"
GALLERY_ALTS = {"ウトナイ湖の白鳥": "Swans on Lake Utonai", "春の樽前山": "Mount Tarumae in spring"}
CARD_IMAGE_ALT = "ホッキ貝のカレー"


def make_image(description, decorative=False):
    Image = get_image_model()
    return Image.objects.create(
        title=description or "decoration",
        file=get_test_image_file(),
        description=description,
        is_decorative=decorative,
    )


def image_value(image, alt="", decorative=False):
    return {"image": image, "alt_text": alt, "decorative": decorative}


@pytest.fixture
def pages(demo_site):
    hero = make_image(HERO_ALT)
    figure = make_image("港の写真")
    ornament = make_image("", decorative=True)
    gallery = [make_image(f"写真{n}") for n in range(2)]
    card = make_image(CARD_IMAGE_ALT)
    japanese = SectionPageFactory(
        title="港のまち",
        slug="port-town",
        intro="港と暮らし。",
        hero_image=hero,
        body=[
            ("image", {"image": image_value(figure, FIGURE_ALT), "caption": "", "credit": ""}),
            (
                "gallery",
                {
                    "title": "",
                    "images": [
                        image_value(image, alt)
                        for image, alt in zip(gallery, GALLERY_ALTS, strict=True)
                    ],
                },
            ),
            (
                "image",
                {"image": image_value(ornament, decorative=True), "caption": "", "credit": ""},
            ),
            (
                "cards",
                {
                    "title": "",
                    "cards": [
                        {
                            "title": "ホッキカレー",
                            "text": "",
                            "image": card,
                            "url": "https://www.city.tomakomai.hokkaido.jp/",
                        }
                    ],
                },
            ),
        ],
    )
    english = translate_into_english(
        japanese,
        {
            "港のまち": "A port town",
            "港と暮らし。": "Port and life.",
            FIGURE_ALT: FIGURE_ALT_EN,
            "ホッキカレー": "Surf clam curry",
            **GALLERY_ALTS,
            "": "",
        },
    )
    return japanese, english


def img_tags(html):
    return re.findall(r"<img\b[^>]*>", html)


def img_with_alt(html, alt):
    tags = [tag for tag in img_tags(html) if f'alt="{alt}"' in tag]
    assert tags, f"no <img alt={alt!r}> in {img_tags(html)}"
    return tags[0]


def test_the_alt_written_on_a_block_is_a_string_to_translate(pages):
    japanese, _english = pages
    segments = extract_segments(japanese)
    texts = {segment.string.data for segment in segments if hasattr(segment, "string")}
    assert FIGURE_ALT in texts
    assert set(GALLERY_ALTS) <= texts


def test_an_english_page_shows_the_translated_block_alt_without_a_japanese_lang(client, pages):
    html = client.get("/en/port-town/").content.decode()
    figure = img_with_alt(html, FIGURE_ALT_EN)
    assert "lang=" not in figure
    for english_alt in GALLERY_ALTS.values():
        assert "lang=" not in img_with_alt(html, english_alt)
    assert FIGURE_ALT not in html


def test_an_english_page_marks_the_japanese_alt_of_the_images_own_description(client, pages):
    html = client.get("/en/port-town/").content.decode()
    assert 'lang="ja"' in img_with_alt(html, HERO_ALT)
    assert 'lang="ja"' in img_with_alt(html, CARD_IMAGE_ALT)


def test_a_japanese_page_has_no_lang_on_its_images(client, pages):
    html = client.get("/ja/port-town/").content.decode()
    tags = img_tags(html)
    assert any(HERO_ALT in tag for tag in tags) and any(FIGURE_ALT in tag for tag in tags)
    assert not [tag for tag in tags if "lang=" in tag]


def test_a_decorative_image_has_an_empty_alt_and_no_lang(client, pages):
    html = client.get("/en/port-town/").content.decode()
    decorative = [tag for tag in img_tags(html) if 'alt=""' in tag]
    assert len(decorative) == 1
    assert "lang=" not in decorative[0]


@pytest.mark.parametrize("language", ["zh-hans", "zh-hant", "ko", "en"])
def test_untranslated_japanese_block_alt_is_marked_in_every_other_language(language):
    image = get_image_model()(description="港の写真")
    assert alt_language(image, FIGURE_ALT, language) == "ja"
    assert alt_language(image, "港の写真", language) == "ja"
    assert alt_language(image, None, language) == "ja"
    assert alt_language(image, "A ferry", language) is None
    assert alt_language(image, FIGURE_ALT, "ja") is None
    assert alt_language(image, "", language) is None


@pytest.mark.parametrize(
    ("language", "marked"), [("en", True), ("ko", True), ("zh-hans", False), ("zh-hant", False)]
)
def test_a_kanji_only_japanese_alt_is_marked_where_it_cannot_be_the_pages_language(
    language, marked
):
    """苫小牧港 left untranslated reads as Japanese on an English or Korean page; on a Chinese
    page the same characters are Chinese."""
    image = get_image_model()(description="港の写真")
    assert alt_language(image, "苫小牧港", language) == ("ja" if marked else None)
    assert alt_language(image, "도마코마이항 苫小牧港", "ko") is None
