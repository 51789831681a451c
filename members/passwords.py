"""A password strength check for every place a password is chosen (issue 15).

Django's validators let `aaaaaaaaaaaa`, `あああああああああああ`, `Tsunagaru2026` and
`tsunagaru-demo` through. This one refuses repeated characters, passwords built on the site's
and the city's names, and whatever zxcvbn rates as easy to guess (common words, names, dates,
keyboard patterns), told the site's and city's names in every language and the person's own
name and e-mail address. Long passphrases pass, Japanese ones too: zxcvbn's dictionaries are
English, so a phrase of kana and kanji is scored by its length and variety, which is what it
is worth to a guesser.
"""

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

# zxcvbn is quadratic in the length; beyond this a password is strong by length alone.
SCORED_LENGTH = 64
# Generic words in the names ("Tomakomai City", "苫小牧市") that are no secret of this site.
GENERIC_NAME_PARTS = {"city", "town", "village", "市", "町", "村", "시", "군"}
NAME_SUFFIXES = ("市", "町", "村", "시", "city")
ROMANIZED_SITE_NAME = "tsunagaru"


def _normalize(text):
    return unicodedata.normalize("NFKC", text or "").casefold()


def _without_separators(text):
    return re.sub(r"[\W_]+", "", text)


def site_and_city_names():
    """The site's and the city's names as a guesser would try them: every language's
    SiteIdentity, WAGTAIL_SITE_NAME and the romanized site name, whole, without spaces,
    without "市"/"City", and their longer words."""
    from home.models import SiteIdentity

    raw = {ROMANIZED_SITE_NAME, getattr(settings, "WAGTAIL_SITE_NAME", "")}
    for site_name, city_name in SiteIdentity.objects.values_list("site_name", "city_name"):
        raw.update([site_name, city_name])
    names = set()
    for name in filter(None, map(_normalize, raw)):
        names.update([name, _without_separators(name)])
        for suffix in NAME_SUFFIXES:
            if name.endswith(suffix):
                names.add(name.removesuffix(suffix).strip())
        for part in re.split(r"[\W_]+", name):
            if part not in GENERIC_NAME_PARTS and (len(part) >= 4 or not part.isascii()):
                names.add(part)
    return {name for name in names if len(name) >= 2 and name not in GENERIC_NAME_PARTS}


def personal_words(user):
    """The person's own name and the parts of their e-mail address."""
    if user is None:
        return set()
    words = set()
    for attribute in ("first_name", "last_name", "name_kana"):
        value = _normalize(getattr(user, attribute, "") or "")
        if value:
            words.add(value)
    email = _normalize(getattr(user, "email", "") or "")
    if email:
        local, _at, domain = email.partition("@")
        words.add(local)
        words.update(part for part in re.split(r"[\W_]+", local) if len(part) >= 3)
        words.update(part for part in domain.split(".")[:-1] if len(part) >= 3)
    return words


def _remainder(compact, words):
    """`compact` without `words` (longest first), digits and symbols."""
    for word in sorted((_without_separators(w) for w in words), key=len, reverse=True):
        if len(word) >= 3:
            compact = compact.replace(word, "")
    return re.sub(r"[\W_\d]+", "", compact)


def is_repetition(password):
    """One character again and again, a few characters in turns, or one chunk repeated."""
    if len(set(password)) <= 3:
        return True
    return re.fullmatch(r"(.+?)\1+", password, flags=re.DOTALL) is not None


class PassphraseValidator:
    """Refuses repeated characters, the site's and the city's names, and passwords zxcvbn
    scores below `min_score` (0–4; 3 means "safely unguessable" for an online attack)."""

    def __init__(self, min_score=3):
        self.min_score = min_score

    def validate(self, password, user=None):
        from zxcvbn import zxcvbn

        normalized = _normalize(password)
        if is_repetition(normalized):
            raise ValidationError(
                gettext(
                    "This password is only repeated characters. Use a longer passphrase; a "
                    "phrase in Japanese works well."
                ),
                code="password_repeated",
            )
        names = site_and_city_names()
        personal = personal_words(user)
        compact = _without_separators(normalized)
        score = zxcvbn(normalized[:SCORED_LENGTH], user_inputs=sorted(names | personal))["score"]
        # A name with a word, a year or a symbol added (`tsunagaru-demo-2026`,
        # `HanakoSato1990`): zxcvbn may rate it "safe", a guesser tries it first. What is left
        # without the names, digits and symbols must be hard to guess by itself.
        rest = _remainder(compact, names | personal)
        if rest != re.sub(r"[\W_\d]+", "", compact):
            rest_score = zxcvbn(rest[:SCORED_LENGTH])["score"] if rest else 0
            score = min(score, rest_score + 1)
        if score >= self.min_score:
            return
        if any(name in normalized or name in compact for name in names):
            raise ValidationError(
                gettext(
                    "This password is built on the site's or the city's name, which is the "
                    "first thing a guesser tries. Use a longer passphrase; a phrase in "
                    "Japanese works well."
                ),
                code="password_site_name",
            )
        raise ValidationError(
            gettext(
                "This password is too easy to guess: common words, names, dates or keyboard "
                "patterns. Use a longer passphrase; a phrase in Japanese works well."
            ),
            code="password_too_guessable",
        )

    def get_help_text(self):
        return gettext(
            "Not repeated characters, not the site's or the city's name, not common words. "
            "A longer passphrase is best; a phrase in Japanese works well."
        )
