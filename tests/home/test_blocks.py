"""What visitors see from each StreamField block, and the rules editors cannot break."""

import html
import json
import re
from types import SimpleNamespace
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import translation
from wagtail.blocks import RawHTMLBlock
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page

from home.blocks import BaseStreamBlock
from tests.factories import HomePageFactory

STREAM = BaseStreamBlock()


def render(block_type, value, language="ja"):
    """Render one block of a page body as the page template would, for a visitor."""
    stream = BaseStreamBlock().to_python([{"type": block_type, "value": value}])
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language):
        return str(stream[0].render(context={"request": request}))


def json_ld(rendered):
    scripts = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', rendered, flags=re.DOTALL
    )
    assert len(scripts) == 1
    return json.loads(scripts[0])


@pytest.fixture
def photo(db):
    return get_image_model().objects.create(
        title="苫小牧港",
        file=get_test_image_file(size=(1600, 900)),
        description="夕日に染まる苫小牧港とフェリー",
        credit="苫小牧市",
    )


def figure_value(photo, **image):
    image = {"image": photo.id, "decorative": False, "alt_text": "港に停泊するフェリー", **image}
    return {"image": image, "caption": "苫小牧港の夕暮れ", "credit": ""}


# Every block ---------------------------------------------------------------------------


def test_stream_offers_exactly_the_agreed_blocks():
    assert list(STREAM.child_blocks) == [
        "heading",
        "paragraph",
        "image",
        "gallery",
        "quote",
        "cta",
        "cards",
        "embed",
        "faq",
        "table",
        "map_link",
    ]


@pytest.mark.parametrize("name", list(STREAM.child_blocks))
def test_every_block_has_template_preview_and_description(name):
    block = STREAM.child_blocks[name]
    assert block.meta.template == f"blocks/{'figure' if name == 'image' else name}.html"
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.meta.description
    assert block.meta.preview_value


def references(prep_value):
    """Page and image ids anywhere in a block's stored value."""
    if isinstance(prep_value, dict):
        for key, item in prep_value.items():
            if key in ("page", "image") and item:
                yield key, item
            yield from references(item)
    elif isinstance(prep_value, list):
        for item in prep_value:
            yield from references(item)


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(STREAM.child_blocks))
def test_every_preview_value_renders_without_pages_or_images(name):
    """The block picker's previews render on any install: no ids of pages or images."""
    block = STREAM.child_blocks[name]
    value = block.get_preview_value()
    assert list(references(block.get_prep_value(value))) == []
    # Images need a real image; an embed's URL is checked against the provider (no network).
    if name not in ("image", "gallery", "embed"):
        block.clean(value)
    with translation.override("ja"):
        rendered = block.render(value, context={"request": RequestFactory().get("/ja/")})
    if name not in ("image", "gallery"):
        assert str(rendered).strip()


def test_no_raw_html_block_anywhere():
    def walk(block):
        yield block
        for child in getattr(block, "child_blocks", {}).values():
            yield from walk(child)
        if getattr(block, "child_block", None) is not None:
            yield from walk(block.child_block)

    assert not any(isinstance(block, RawHTMLBlock) for block in walk(STREAM))


# Heading and paragraph -------------------------------------------------------------------


def test_heading_renders_chosen_level_with_anchor():
    rendered = render("heading", {"text": "Life in Tomakomai", "level": "h3"})
    assert re.search(r'<h3 class="[^"]*" id="life-in-tomakomai">Life in Tomakomai</h3>', rendered)


def test_heading_defaults_to_h2_and_keeps_japanese_anchor():
    rendered = render("heading", {"text": "苫小牧の暮らし"})
    assert 'id="苫小牧の暮らし"' in rendered
    assert rendered.strip().startswith("<h2")


def test_paragraph_offers_no_headings():
    features = STREAM.child_blocks["paragraph"].features
    assert not any(re.fullmatch(r"h[1-6]", feature) for feature in features)
    assert {"bold", "italic", "link", "ol", "ul"} <= set(features)


# Images ----------------------------------------------------------------------------------


def test_figure_renders_lazy_responsive_webp_with_alt(photo):
    rendered = render("image", figure_value(photo), language="en")
    img = re.search(r"<img [^>]+>", rendered).group(0)
    assert 'alt="港に停泊するフェリー"' in img
    assert 'loading="lazy"' in img
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    srcset = re.search(r'srcset="([^"]+)"', img).group(1)
    assert srcset.count(".webp") == 3
    assert "<figcaption" in rendered and "苫小牧港の夕暮れ" in rendered
    # No credit typed in the block: the image's own credit is shown, with its label.
    assert "Photo: 苫小牧市" in rendered


def test_decorative_figure_has_empty_alt(photo):
    rendered = render("image", figure_value(photo, decorative=True, alt_text=""))
    img = re.search(r"<img [^>]+>", rendered).group(0)
    assert 'alt=""' in img
    assert photo.description not in img


def test_figure_without_caption_or_credit_has_no_figcaption(photo):
    photo.credit = ""
    photo.save()
    value = figure_value(photo)
    value["caption"] = ""
    assert "<figcaption" not in render("image", value)


def test_figure_image_block_requires_alt_text(photo):
    block = STREAM.child_blocks["image"]
    value = block.to_python(figure_value(photo, alt_text=""))
    with pytest.raises(ValidationError):
        block.clean(value)


def test_gallery_lists_lazy_images_with_alt(photo):
    images = [
        {"image": photo.id, "decorative": False, "alt_text": "一枚目"},
        {"image": photo.id, "decorative": True, "alt_text": ""},
    ]
    rendered = render("gallery", {"title": "ウトナイ湖", "images": images})
    imgs = re.findall(r"<img [^>]+>", rendered)
    assert len(imgs) == 2
    assert 'alt="一枚目"' in imgs[0] and 'alt=""' in imgs[1]
    assert all('loading="lazy"' in img and ".webp" in img for img in imgs)
    assert rendered.count("<li") == 2 and "<h2" in rendered


def test_gallery_needs_two_images(photo):
    block = STREAM.child_blocks["gallery"]
    value = block.to_python(
        {"images": [{"image": photo.id, "decorative": False, "alt_text": "一枚目"}]}
    )
    with pytest.raises(ValidationError):
        block.clean(value)


# Quote -----------------------------------------------------------------------------------


def test_quote_renders_blockquote_and_attribution():
    rendered = render("quote", {"text": "海が近い。", "attribution": "移住者"})
    assert re.search(r"<figure[^>]*>\s*<blockquote[^>]*><p>海が近い。</p></blockquote>", rendered)
    assert "<figcaption" in rendered and "— 移住者" in rendered


# Links: call to action and cards -----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["cta", "card"])
def test_link_needs_exactly_one_of_page_or_url(name):
    if name == "cta":
        block = STREAM.child_blocks["cta"]
        base = {"title": "ふるさと納税", "button_label": "見る"}
    else:
        block = STREAM.child_blocks["cards"].child_blocks["cards"].child_block
        base = {"title": "移住相談"}
    page = Page.objects.get(depth=1)

    with pytest.raises(ValidationError) as both:
        block.clean(block.to_python({**base, "page": page.id, "url": "https://example.jp/"}))
    assert set(both.value.block_errors) == {"url"}

    with pytest.raises(ValidationError) as neither:
        block.clean(block.to_python(base))
    assert set(neither.value.block_errors) == {"page"}

    block.clean(block.to_python({**base, "url": "https://example.jp/"}))
    block.clean(block.to_python({**base, "page": page.id}))


def test_cta_renders_button_to_external_url():
    rendered = render(
        "cta",
        {"title": "ふるさと納税", "button_label": "返礼品を見る", "url": "https://example.jp/"},
    )
    assert "<h2" in rendered
    assert re.search(
        r'<a class="button" href="https://example.jp/" rel="noopener">返礼品を見る</a>', rendered
    )


@pytest.fixture
def english_child(demo_site):
    """A live Japanese page under the demo home page, with a live English translation."""
    page = HomePageFactory(parent=demo_site.root_page, title="移住の相談", slug="soudan")
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Moving here"
    english.save_revision().publish()
    english.refresh_from_db()
    return page, english


def test_card_links_to_the_visitors_language(english_child):
    page, english = english_child
    request = RequestFactory().get("/en/")
    value = {"title": "Cards", "cards": [{"title": "移住の相談", "page": page.id}]}
    rendered = render("cards", value, language="en")
    english_url = english.get_url(request)
    assert english_url and english_url != page.get_url(request)
    assert f'href="{english_url}"' in rendered

    japanese = render("cards", value, language="ja")
    assert f'href="{page.get_url(request)}"' in japanese


def test_card_is_hidden_when_the_translation_is_a_draft(english_child):
    """English is offered (its home page is live), so English visitors see only English pages."""
    page, english = english_child
    english.unpublish()
    request = RequestFactory().get("/en/")
    rendered = render("cards", {"cards": [{"title": "相談", "page": page.id}]}, language="en")
    assert f'href="{page.get_url(request)}"' not in rendered
    assert "block-card" not in rendered


def test_card_keeps_the_original_in_a_language_not_offered_yet(english_child):
    """Korean has no home page yet: /ko/ shows the Japanese content with its Japanese links."""
    page, _english = english_child
    request = RequestFactory().get("/ko/")
    rendered = render("cards", {"cards": [{"title": "相談", "page": page.id}]}, language="ko")
    assert f'href="{page.get_url(request)}"' in rendered


def test_card_to_unpublished_page_is_not_shown(demo_site):
    live = HomePageFactory(parent=demo_site.root_page, title="公開中")
    draft = HomePageFactory(parent=demo_site.root_page, title="下書き", live=False)
    rendered = render(
        "cards",
        {
            "title": "苫小牧を知る",
            "cards": [
                {"title": "公開中のページ", "page": live.id},
                {"title": "下書きのページ", "page": draft.id},
                {"title": "市のサイト", "url": "https://www.city.tomakomai.hokkaido.jp/"},
            ],
        },
    )
    assert "公開中のページ" in rendered and "下書きのページ" not in rendered
    assert rendered.count('<article class="block-card"') == 2
    assert re.search(
        r'<a [^>]*href="https://www.city.tomakomai.hokkaido.jp/" rel="noopener"', rendered
    )
    assert re.search(r"<h3[^>]*>\s*<a ", rendered)


def test_single_card_to_unpublished_page_renders_nothing(demo_site):
    """CardBlock is also used alone (the home page's entrances)."""
    draft = HomePageFactory(parent=demo_site.root_page, live=False)
    card = STREAM.child_blocks["cards"].child_blocks["cards"].child_block
    value = card.to_python({"title": "下書き", "page": draft.id})
    assert str(card.render(value, context={"request": RequestFactory().get("/ja/")})).strip() == ""
    value = card.to_python({"title": "公開中", "page": demo_site.root_page.id})
    assert "公開中</a>" in card.render(value, context={"request": RequestFactory().get("/ja/")})


def test_card_grid_with_no_visible_card_renders_nothing(demo_site):
    draft = HomePageFactory(parent=demo_site.root_page, live=False)
    rendered = render("cards", {"title": "見出しだけ", "cards": [{"title": "x", "page": draft.id}]})
    assert rendered.strip() == ""


# Embed -----------------------------------------------------------------------------------

VIDEO = {"url": "https://www.youtube.com/watch?v=abc123", "title": "苫小牧の四季"}


def test_embed_falls_back_to_plain_link_when_provider_unknown(db):
    rendered = render("embed", {"url": "https://example.jp/video", "title": "苫小牧の四季"})
    assert "<iframe" not in rendered
    assert '<a href="https://example.jp/video" rel="noopener">苫小牧の四季</a>' in rendered


def test_embed_falls_back_to_plain_link_when_provider_fails(db):
    with mock.patch("wagtail.embeds.embeds.get_embed", side_effect=ConnectionError("no network")):
        rendered = render("embed", VIDEO)
    assert "<iframe" not in rendered
    assert f'<a href="{VIDEO["url"]}" rel="noopener">苫小牧の四季</a>' in rendered


def test_embed_renders_provider_html_and_link(db):
    embed = SimpleNamespace(
        html='<iframe src="https://www.youtube.com/embed/abc123" allowfullscreen></iframe>',
        provider_name="YouTube",
    )
    with mock.patch("wagtail.embeds.embeds.get_embed", return_value=embed):
        rendered = render("embed", VIDEO, language="en")
    assert re.search(
        r'<iframe title="苫小牧の四季" src="https://www.youtube.com/embed/abc123"', rendered
    )
    assert "Watch on YouTube" in rendered
    assert f'<a href="{VIDEO["url"]}" rel="noopener">苫小牧の四季</a>' in rendered


# FAQ -------------------------------------------------------------------------------------


FAQ = {
    "title": "よくある質問",
    "items": [
        {
            "question": "雪は多いですか？",
            "answer": "<p>道内では<b>少ない</b>方です。</p><p>晴れも多い。</p>",
        },
        {
            "question": "空港は近い？",
            "answer": "<p>新千歳空港まで車で約20分 &amp; バスもあります。</p>",
        },
    ],
}


def test_faq_renders_details_and_faqpage_json_ld():
    rendered = render("faq", FAQ)
    assert rendered.count("<details") == 2
    assert "<summary" in rendered and "雪は多いですか？</summary>" in rendered
    data = json_ld(rendered)
    assert data["@type"] == "FAQPage"
    assert [q["name"] for q in data["mainEntity"]] == ["雪は多いですか？", "空港は近い？"]
    assert data["mainEntity"][0]["acceptedAnswer"] == {
        "@type": "Answer",
        "text": "道内では少ない方です。 晴れも多い。",
    }
    assert data["mainEntity"][1]["acceptedAnswer"]["text"].endswith("& バスもあります。")


def test_faq_json_ld_cannot_be_broken_out_of():
    attack = "</script><script>alert(1)</script>"
    value = {
        "items": [
            {"question": attack, "answer": f"<p>{html.escape(attack)}</p>"},
        ]
    }
    rendered = render("faq", value)
    script = rendered[rendered.index('<script type="application/ld+json">') :]
    # The only closing tag is the JSON-LD's own, and the data still says what was typed.
    assert script.count("</script>") == 1
    assert "<script>alert" not in rendered
    data = json_ld(rendered)
    assert data["mainEntity"][0]["name"] == attack
    assert data["mainEntity"][0]["acceptedAnswer"]["text"] == attack


# Table -----------------------------------------------------------------------------------


def test_table_has_caption_and_column_headers():
    rendered = render(
        "table",
        {
            "caption": "月別平均気温",
            "table": {
                "columns": [
                    {"type": "text", "heading": "月"},
                    {"type": "numeric", "heading": "気温"},
                ],
                "rows": [{"values": ["1月", "-3.2"]}, {"values": ["8月", "20.3"]}],
            },
        },
    )
    assert "<caption>月別平均気温</caption>" in rendered
    assert re.findall(r'<th scope="col">([^<]*)</th>', rendered) == ["月", "気温"]
    assert re.search(r"<thead>.*</thead>.*<tbody>.*-3.2.*20.3.*</tbody>", rendered, re.DOTALL)


def test_table_caption_is_required():
    block = STREAM.child_blocks["table"]
    value = block.to_python({"caption": "", "table": {"columns": [], "rows": []}})
    with pytest.raises(ValidationError):
        block.clean(value)


# Map link ----------------------------------------------------------------------------------


def test_map_link_with_coordinates_points_at_the_spot():
    rendered = render(
        "map_link",
        {
            "label": "苫小牧市役所",
            "address": "北海道苫小牧市旭町4丁目5番6号",
            "latitude": 42.6343,
            "longitude": 141.6055,
        },
        language="en",
    )
    assert (
        'href="https://www.openstreetmap.org/?mlat=42.6343&amp;mlon=141.6055'
        '#map=16/42.6343/141.6055"' in rendered
    )
    assert "北海道苫小牧市旭町4丁目5番6号" in rendered
    assert "Open in a map" in rendered
    assert "<iframe" not in rendered and "<script" not in rendered


def test_map_link_without_coordinates_searches_the_address():
    rendered = render("map_link", {"label": "A&B 食堂", "address": "苫小牧市錦町1-2 A&B"})
    href = html.unescape(re.search(r'href="([^"]+)"', rendered).group(1))
    assert href.startswith("https://www.openstreetmap.org/search?query=")
    assert "&" not in href  # the address's own "&" is percent-encoded, not a new parameter
    from urllib.parse import parse_qs, urlsplit

    assert parse_qs(urlsplit(href).query) == {"query": ["苫小牧市錦町1-2 A&B"]}
    assert "A&amp;B 食堂" in rendered


def test_map_link_needs_both_coordinates_or_neither():
    block = STREAM.child_blocks["map_link"]
    value = block.to_python({"label": "港", "address": "苫小牧市入船町", "latitude": 42.6})
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert set(error.value.block_errors) == {"longitude"}
