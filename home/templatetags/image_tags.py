"""The language of an image's alt text, for every template that renders an image.

Images in the library are described once, in Japanese (the city's language); a block may carry
its own alt text, which wagtail-localize translates with the page. Where a page in another
language still shows the Japanese text, the <img> says so with lang="ja", or a screen reader
would read Japanese with an English, Chinese or Korean voice.

    {% load image_tags %}
    {% srcset_image image width-{480,800} format-webp alt=alt lang=image|alt_lang:alt %}
"""

import re

from django import template
from django.conf import settings
from django.utils import translation

register = template.Library()

# Hiragana, katakana and the half-width katakana: Chinese and Korean text never has them, so
# a block alt with them is Japanese text a translator has not translated yet.
KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
# Kanji. On an English page, or a Korean one without Hangul, an alt of kanji alone ("苫小牧港")
# is untranslated Japanese too; on a Chinese page the same characters read as Chinese.
KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def _untranslated_japanese(alt, language):
    if KANA.search(alt):
        return True
    if language.startswith("zh"):
        return False
    if language.startswith("ko") and HANGUL.search(alt):
        return False
    return bool(KANJI.search(alt))


def alt_language(image, alt=None, language=None):
    """The `lang` an <img> needs for its alt text: the site's own language when the alt is the
    image's own (Japanese) description, or untranslated Japanese, on a page in another
    language; None (no attribute) otherwise, and always for a decorative image's empty alt.

    `alt` is the text the template puts in the alt attribute; None means the image's own."""
    if image is None:
        return None
    if alt is None:
        alt = getattr(image, "default_alt_text", "")
    if not alt:
        return None
    original = settings.LANGUAGE_CODE
    language = language or translation.get_language() or original
    language = translation.get_supported_language_variant(language)
    if language == original:
        return None
    if alt == (getattr(image, "description", "") or "") or _untranslated_japanese(alt, language):
        return original
    return None


@register.filter
def alt_lang(image, alt=None):
    """`lang=image|alt_lang` (the image's own alt) or `lang=image|alt_lang:alt`."""
    return alt_language(image, alt)
