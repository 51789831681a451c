"""The StreamField blocks every page body is built from.

Each block is small, renders with its own template under templates/blocks/, and carries an
icon, a description and a preview value for the editor's block picker. There is deliberately
no raw-HTML block: editors cannot add scripts, styles or unchecked markup.
"""

import html
import json
import logging
import re
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import (
    CharBlock,
    ChoiceBlock,
    DecimalBlock,
    FloatBlock,
    ListBlock,
    PageChooserBlock,
    RichTextBlock,
    StreamBlock,
    StructBlock,
    StructValue,
    TextBlock,
    URLBlock,
)
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.embeds import embeds
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.exceptions import EmbedException
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from core.locales import active_locale, live_page_in, offers_language

logger = logging.getLogger(__name__)

# Headings come from the heading block, so that their levels stay in order.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]

# The same characters django.utils.html.json_script escapes: inside <script> the JSON can
# then never contain "</script>" or "<!--", whatever an editor types.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def image_alt_text(image):
    """The alt text for an ImageBlock value: empty when the editor marked it decorative here,
    else the text given for this use, else the image's own description."""
    if getattr(image, "decorative", False):
        return ""
    return getattr(image, "contextual_alt_text", None) or image.default_alt_text


def validate_single_link(value):
    """A link goes to exactly one place: a page of this site or an external URL."""
    if value.get("page") and value.get("url"):
        raise StructBlockValidationError(
            block_errors={"url": ValidationError(_("Choose a page or enter a URL, not both."))}
        )
    if not value.get("page") and not value.get("url"):
        raise StructBlockValidationError(
            block_errors={"page": ValidationError(_("Choose a page or enter a URL."))}
        )


class SingleLinkMixin:
    """For blocks that link to a page or a URL: exactly one of the two."""

    def clean(self, value):
        value = super().clean(value)
        validate_single_link(value)
        return value


class LinkStructValue(StructValue):
    """A value with either a `page` or a `url`; pages are shown in the visitor's language."""

    @cached_property
    def localized_page(self):
        """The page's live translation in the active language; None when there is none and
        the site offers that language (visitors see only pages in their language), or when
        the page is not live (a card must never lead to a draft or a 404). In a language the
        site does not offer yet, the original page is used, as the content around it is."""
        page = self.get("page")
        if page is None:
            return None
        active = active_locale()
        if active is not None and page.locale_id != active.pk:
            # prefetch_link_translations() may have looked these up in one query already.
            prefetched = page.__dict__.get("_translations_by_locale")
            if prefetched is not None:
                translated = prefetched.get(active.pk)
            else:
                translated = live_page_in(page, active)
            if translated is not None:
                page = translated
            elif offers_language(active):
                return None
        return page if page.live else None

    @property
    def is_linkable(self):
        if self.get("page"):
            return self.localized_page is not None
        return bool(self.get("url"))


class HeadingStructValue(StructValue):
    @property
    def anchor(self):
        """The fragment id, so that a table of contents or a shared link can point here."""
        return slugify(self.get("text") or "", allow_unicode=True) or "section"


class HeadingBlock(StructBlock):
    text = CharBlock(label=_("Text"), max_length=120)
    level = ChoiceBlock(
        label=_("Level"),
        choices=[
            ("h2", _("Section heading (h2)")),
            ("h3", _("Sub-heading (h3)")),
            ("h4", _("Minor heading (h4)")),
        ],
        default="h2",
        help_text=_("Use levels in order: an h3 follows an h2, an h4 follows an h3."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Heading")
        description = _("A heading that starts a section of the page.")
        value_class = HeadingStructValue
        preview_value = {"text": "苫小牧の港と暮らし", "level": "h2"}


class FigureStructValue(StructValue):
    @property
    def alt(self):
        return image_alt_text(self["image"]) if self.get("image") else ""

    @property
    def photo_credit(self):
        """The credit typed here, else the credit stored with the image."""
        image = self.get("image")
        return self.get("credit") or (getattr(image, "credit", "") if image else "")


class FigureBlock(StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = CharBlock(
        label=_("Credit"),
        required=False,
        max_length=120,
        help_text=_("Leave empty to use the credit stored with the image."),
    )

    class Meta:
        icon = "image"
        template = "blocks/figure.html"
        label = _("Image")
        description = _("A photo with alt text, an optional caption and a credit.")
        value_class = FigureStructValue
        preview_value = {
            "caption": "夕暮れの苫小牧港。フェリーが八戸へ向けて出港します。",
            "credit": "苫小牧市",
        }


class GalleryBlock(StructBlock):
    title = CharBlock(label=_("Title"), required=False, max_length=120)
    images = ListBlock(ImageBlock(), label=_("Images"), min_num=2)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["images"] = [
            (image, image_alt_text(image)) for image in value.get("images") or [] if image
        ]
        return context

    class Meta:
        icon = "grid"
        template = "blocks/gallery.html"
        label = _("Gallery")
        description = _("Two or more photos shown as a grid.")
        preview_value = {"title": "ウトナイ湖の四季", "images": []}


class QuoteBlock(StructBlock):
    text = TextBlock(label=_("Quote"))
    attribution = CharBlock(label=_("Attribution"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        label = _("Quote")
        description = _("A quotation, with the name of the person who said it.")
        preview_value = {
            "text": "海と森がすぐそばにあって、週末はいつも外で過ごしています。",
            "attribution": "2023年に東京から苫小牧へ移住した会社員",
        }


class CallToActionBlock(SingleLinkMixin, StructBlock):
    title = CharBlock(label=_("Title"), max_length=120)
    text = TextBlock(label=_("Text"), required=False)
    button_label = CharBlock(label=_("Button label"), max_length=60)
    page = PageChooserBlock(label=_("Page"), required=False)
    url = URLBlock(label=_("External URL"), required=False)

    class Meta:
        icon = "link"
        template = "blocks/cta.html"
        label = _("Call to action")
        description = _("A short invitation with one button to a page or a website.")
        value_class = LinkStructValue
        preview_value = {
            "title": "苫小牧市のふるさと納税",
            "text": "ホッキ貝やハスカップなど、苫小牧の恵みをお届けします。",
            "button_label": "返礼品を見る",
            "url": "https://www.city.tomakomai.hokkaido.jp/",
        }


class CardBlock(SingleLinkMixin, StructBlock):
    title = CharBlock(label=_("Title"), max_length=120)
    text = TextBlock(label=_("Text"), required=False)
    image = ImageChooserBlock(label=_("Image"), required=False)
    page = PageChooserBlock(label=_("Page"), required=False)
    url = URLBlock(label=_("External URL"), required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/card.html"
        label = _("Card")
        description = _("A title and short text linking to a page or a website.")
        value_class = LinkStructValue
        preview_value = {
            "title": "移住の相談窓口",
            "text": "仕事や住まいのことを、担当者に気軽に相談できます。",
            "url": "https://www.city.tomakomai.hokkaido.jp/",
        }


class CardGridBlock(StructBlock):
    title = CharBlock(label=_("Title"), required=False, max_length=120)
    cards = ListBlock(CardBlock(), label=_("Cards"), min_num=1)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # Cards whose page is unpublished are left out rather than shown as dead links.
        context["cards"] = [card for card in value.get("cards") or [] if card.is_linkable]
        return context

    class Meta:
        icon = "doc-full-inverse"
        template = "blocks/cards.html"
        label = _("Cards")
        description = _("A grid of cards, each linking to a page or a website.")
        preview_value = {
            "title": "苫小牧を知る",
            "cards": [
                {
                    "title": "移住の相談窓口",
                    "text": "仕事や住まいのことを、担当者に気軽に相談できます。",
                    "url": "https://www.city.tomakomai.hokkaido.jp/",
                },
                {
                    "title": "樽前山に登る",
                    "text": "市街地から車で約40分。初心者にも人気の火山です。",
                    "url": "https://www.city.tomakomai.hokkaido.jp/",
                },
            ],
        }


class MediaEmbedBlock(StructBlock):
    url = EmbedBlock(label=_("URL"), help_text=_("A YouTube or Vimeo address, for example."))
    title = CharBlock(
        label=_("Title"),
        max_length=120,
        help_text=_("Says what the video is; also used as the text of the link under it."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed_html"] = ""
        context["provider_name"] = ""
        embed_value = value.get("url")
        if embed_value:
            try:
                embed = embeds.get_embed(
                    embed_value.url, embed_value.max_width, embed_value.max_height
                )
            except EmbedException:
                # An unsupported or unreachable provider: the visitor gets the plain link.
                logger.info("No embed for %s", embed_value.url)
                embed = None
            except Exception:
                # Whatever else a finder raises (network, bad JSON) must not break the page.
                logger.warning("Embed failed for %s", embed_value.url, exc_info=True)
                embed = None
            if embed is not None and getattr(embed, "html", ""):
                context["embed_html"] = mark_safe(  # noqa: S308 - HTML from an allow-listed provider
                    self.add_iframe_title(embed.html, value.get("title") or "")
                )
                context["provider_name"] = getattr(embed, "provider_name", "") or ""
        return context

    @staticmethod
    def add_iframe_title(embed_html, title):
        """Frames need a title that says what they contain (WCAG 4.1.2)."""
        return re.sub(
            r"<iframe\b(?![^>]*\stitle=)",
            f'<iframe title="{escape(title)}"',
            embed_html,
            flags=re.IGNORECASE,
        )

    class Meta:
        icon = "media"
        template = "blocks/embed.html"
        label = _("Video or embed")
        description = _("A video or post from another site, with a plain link for everyone.")
        preview_value = {
            "url": "https://www.city.tomakomai.hokkaido.jp/",
            "title": "苫小牧市の紹介動画",
        }


def rich_text_to_plain(rich_text):
    """Visible text of a rich-text value, for machines (structured data), not for display."""
    source = getattr(rich_text, "source", None) or str(rich_text or "")
    source = re.sub(r"<br\s*/?>|</(p|li|h[1-6])>", " ", source, flags=re.IGNORECASE)
    return " ".join(html.unescape(strip_tags(source)).split())


class FAQItemBlock(StructBlock):
    question = CharBlock(label=_("Question"), max_length=250)
    answer = RichTextBlock(label=_("Answer"), features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")


class FAQBlock(StructBlock):
    title = CharBlock(label=_("Title"), required=False, max_length=120)
    items = ListBlock(FAQItemBlock(), label=_("Questions"), min_num=1)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["json_ld"] = self.json_ld(value)
        return context

    @staticmethod
    def json_ld(value):
        """schema.org FAQPage data, safe to place inside a <script> element."""
        data = {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": item["question"],
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": rich_text_to_plain(item["answer"]),
                    },
                }
                for item in value.get("items") or []
            ],
        }
        text = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
        return mark_safe(text)  # noqa: S308 - <, > and & are escaped above

    class Meta:
        icon = "help"
        template = "blocks/faq.html"
        label = _("Questions and answers")
        description = _("Frequently asked questions that open one at a time.")
        preview_value = {
            "title": "よくある質問",
            "items": [
                {
                    "question": "お試し移住住宅は誰でも利用できますか？",
                    "answer": "<p>苫小牧市への移住を考えている方なら利用できます。</p>",
                },
                {
                    "question": "冬の雪はどのくらい積もりますか？",
                    "answer": "<p>苫小牧は道内でも雪が少なく、晴れの日が多い地域です。</p>",
                },
            ],
        }


class TableBlock(StructBlock):
    caption = CharBlock(
        label=_("Caption"),
        max_length=250,
        help_text=_("Says what the table shows; screen readers announce it first."),
    )
    table = TypedTableBlock(
        [
            ("text", CharBlock(label=_("Text"))),
            ("numeric", DecimalBlock(label=_("Number"))),
            ("rich_text", RichTextBlock(label=_("Rich text"), features=PARAGRAPH_FEATURES)),
        ],
        label=_("Table"),
    )

    class Meta:
        icon = "table"
        template = "blocks/table.html"
        label = _("Table")
        description = _("A data table with a caption and column headings.")
        preview_value = {
            "caption": "苫小牧市の月別平均気温（℃）",
            "table": {
                "columns": [
                    {"type": "text", "heading": "月"},
                    {"type": "numeric", "heading": "平均気温"},
                ],
                "rows": [
                    {"values": ["1月", "-3.2"]},
                    {"values": ["4月", "5.9"]},
                    {"values": ["8月", "20.3"]},
                ],
            },
        }


class MapLinkStructValue(StructValue):
    @property
    def map_url(self):
        """OpenStreetMap at the coordinates when both are known, else a search for the
        address. A link, not an embedded map: no third-party scripts or cookies."""
        latitude, longitude = self.get("latitude"), self.get("longitude")
        if latitude is not None and longitude is not None:
            lat, lon = round(latitude, 6), round(longitude, 6)
            query = urlencode({"mlat": lat, "mlon": lon})
            return f"https://www.openstreetmap.org/?{query}#map=16/{lat}/{lon}"
        query = urlencode({"query": self.get("address") or ""})
        return f"https://www.openstreetmap.org/search?{query}"


class MapLinkBlock(StructBlock):
    label = CharBlock(label=_("Place name"), max_length=120)
    address = CharBlock(label=_("Address"), max_length=250)
    latitude = FloatBlock(label=_("Latitude"), required=False, min_value=-90, max_value=90)
    longitude = FloatBlock(label=_("Longitude"), required=False, min_value=-180, max_value=180)

    def clean(self, value):
        value = super().clean(value)
        if (value.get("latitude") is None) != (value.get("longitude") is None):
            field = "longitude" if value.get("longitude") is None else "latitude"
            raise StructBlockValidationError(
                block_errors={
                    field: ValidationError(_("Enter both latitude and longitude, or neither."))
                }
            )
        return value

    class Meta:
        icon = "globe"
        template = "blocks/map_link.html"
        label = _("Map link")
        description = _("An address with a link to OpenStreetMap; no map is embedded.")
        value_class = MapLinkStructValue
        preview_value = {
            "label": "苫小牧市役所",
            "address": "北海道苫小牧市旭町4丁目5番6号",
            "latitude": 42.6343,
            "longitude": 141.6055,
        }


class BaseStreamBlock(StreamBlock):
    heading = HeadingBlock()
    paragraph = RichTextBlock(
        features=PARAGRAPH_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph.html",
        label=_("Paragraph"),
        description=_("Text with bold, italic, links and lists."),
        preview_value=(
            "<p>苫小牧市は北海道の空の玄関口・新千歳空港から車で約20分。"
            "港と工業のまちでありながら、ウトナイ湖や樽前山など豊かな自然に囲まれています。</p>"
        ),
    )
    image = FigureBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    cta = CallToActionBlock()
    cards = CardGridBlock()
    embed = MediaEmbedBlock()
    faq = FAQBlock()
    table = TableBlock()
    map_link = MapLinkBlock()
