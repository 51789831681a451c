"""People's names: kept on one line, and written the same way everywhere they are shown.

One line: a person's name is put into e-mail bodies ("Dear {name},"), CSV rows and staff
screens, so a line break typed or pasted into it would show as a fake header line ("Bcc: …")
or a broken row. Every form where a person types a name uses SingleLineCharField.

Shown: full_name() and partly_hidden_name() below are the only places that put a family and
a given name together (User.get_full_name, the card, its check page, My page, e-mails)."""

import re
import unicodedata

from django import forms
from django.conf import settings
from django.utils import translation

# Line breaks, tabs and the other characters Python treats as line or field separators; a run
# of them (with the spaces around) becomes one space. Ideographic spaces stay: 苫小牧　花子.
_BREAK = r"\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029"
_BREAKS = re.compile(rf" *[{_BREAK}][{_BREAK} ]*")


def single_line(text):
    """text on one line: breaks and tabs collapsed into single spaces, ends stripped."""
    if not text:
        return text
    return _BREAKS.sub(" ", text).strip()


class SingleLineCharField(forms.CharField):
    """A CharField for names: whatever was typed or pasted is kept on one line."""

    def to_python(self, value):
        return single_line(super().to_python(value))


# -- showing a person's name ------------------------------------------------------------------
# One place decides how a member's name is written, wherever it appears (the card, its check
# page, My page, e-mails, the login message through User.__str__): the order follows the
# script the name is written in, not the page's language. 山田 花子, 王 小明 and 김 민준 are
# family name first in every language (as they are written); Anna Smith is given name first
# in every language (a Japanese page writes アンナ・スミス given name first too). Only a name
# with no letters to go by falls back to the page's language.

MASK = "○"  # the East Asian mark for a hidden character (伏せ字), used in Japan, Korea, China
_EAST_ASIAN_EXTRA = "々〆ヶヵ"
_FAMILY_FIRST_LANGUAGES = ("ja", "zh", "ko")


def _is_east_asian(char):
    if char in _EAST_ASIAN_EXTRA:
        return True
    try:
        name = unicodedata.name(char)
    except ValueError:
        return False
    return name.startswith(("CJK ", "HIRAGANA ", "KATAKANA ", "HANGUL ", "HALFWIDTH KATAKANA"))


def is_east_asian_name(*parts):
    """True when the name is written in kanji/hanzi, kana or Hangul; False when written in
    another script (Latin, Cyrillic…); None when there is no letter to tell by."""
    letters = [char for part in parts for char in (part or "") if char.isalpha()]
    if not letters:
        return None
    return any(_is_east_asian(char) for char in letters)


def family_name_first(family, given, language=None):
    east_asian = is_east_asian_name(family, given)
    if east_asian is None:
        language = (language or translation.get_language() or settings.LANGUAGE_CODE).lower()
        return language.startswith(_FAMILY_FIRST_LANGUAGES)
    return east_asian


def _ordered(family, given, language=None):
    family, given = (family or "").strip(), (given or "").strip()
    parts = [family, given] if family_name_first(family, given, language) else [given, family]
    return [part for part in parts if part]


def full_name(family, given, language=None):
    """山田 花子 · 王 小明 · 김 민준 · Anna Smith."""
    return " ".join(_ordered(family, given, language))


def _initials(part):
    # "Anne-Marie" → "A.-M."; "Mary Ann" → "M. A."
    words = part.split()
    return " ".join(
        "-".join(f"{piece[0]}." for piece in word.split("-") if piece) for word in words
    )


def _masked(part):
    # Each part keeps its first character: 山田 → 山○, 花子 → 花○, 王 → 王.
    return part[0] + MASK * (len(part) - 1)


def partly_hidden_name(family, given, language=None):
    """What a shop checking a membership card sees: enough to compare with the person in
    front of them, not enough to identify a stranger whose card QR was photographed.

    Initials for names in an alphabet (A. S.); for kanji, kana and Hangul, where one
    character is not an "initial", the first character of each part and a mark for each
    hidden one (山○ 花○, 王 小○, 김 민○)."""
    family, given = (family or "").strip(), (given or "").strip()
    east_asian = is_east_asian_name(family, given)
    shorten = _masked if east_asian else _initials
    return " ".join(shorten(part) for part in _ordered(family, given, language))


def display_name(user, language=None):
    return full_name(user.last_name, user.first_name, language) if user else ""


def card_name(user, language=None):
    return partly_hidden_name(user.last_name, user.first_name, language) if user else ""
