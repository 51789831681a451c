"""Wagtail locales, looked up without a query per call.

A page can ask for the active locale a dozen times (cards, menus, related links); the table
holds five rows and changes about never, so it is read once per process and re-read when a
locale is saved or deleted."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

_by_code = {}


def _load():
    if not _by_code:
        _by_code.update({locale.language_code: locale for locale in Locale.objects.all()})
    return _by_code


def locale_for(language_code):
    return _load().get(get_supported_content_language_variant(language_code))


def active_locale():
    return locale_for(translation.get_language())


def locale_by_id(locale_id):
    return next((locale for locale in _load().values() if locale.pk == locale_id), None)


@receiver(post_save, sender=Locale, dispatch_uid="locales-cache-save")
@receiver(post_delete, sender=Locale, dispatch_uid="locales-cache-delete")
def clear(**kwargs):
    _by_code.clear()


def offers_language(locale):
    """True when the site has a live home page in this language (it is really offered).

    Kept in the cache until any page changes (the site-chrome version)."""
    from django.core.cache import cache
    from wagtail.models import Page

    from core.cache_version import version

    key = f"offers-language:{version()}:{locale.pk}"
    offered = cache.get(key)
    if offered is None:
        # A site's home page is a child of the tree's root (depth 2), whatever its type.
        offered = Page.objects.live().filter(depth=2, locale=locale).exists()
        cache.set(key, offered, 60 * 60)
    return offered


def in_default_locale(prefix=""):
    """The filter for "the Japanese original": rows in the default language (LANGUAGE_CODE),
    as keyword arguments, e.g. `.filter(**in_default_locale())`, or a model field's
    `limit_choices_to`. `prefix` reaches the locale through a relation, e.g.
    `in_default_locale("press_release__")` for the links whose press release is an original."""
    from django.conf import settings

    return {f"{prefix}locale__language_code": settings.LANGUAGE_CODE}


def original_subquery(originals, field="pk", outer_key="translation_key"):
    """A Subquery of the `field` of each outer row's original (the row of `originals`, a model
    or a queryset, in the default language with the outer row's `outer_key` as its translation
    key): to order translations in the order of their originals, or read the originals'
    synchronized fields, in the query that lists them."""
    from django.db.models import OuterRef, Subquery

    queryset = originals._default_manager.all() if isinstance(originals, type) else originals
    queryset = queryset.filter(translation_key=OuterRef(outer_key), **in_default_locale())
    return Subquery(queryset.values(field)[:1])


# Functions (model, locale) -> a queryset of the `translation_key` values of `model`'s rows in
# `locale` that the public must not see yet (translations waiting for approval), or None.
# Apps register theirs in AppConfig.ready(): content hides snippet translations that a city
# editor has not approved (content/snippet_translation_review.py).
unapproved_translation_keys = []


def translations_or_originals(queryset, locale=None, key="translation_key"):
    """The rows of `queryset` in `locale` (default: the visitor's language), and the Japanese
    originals of those not translated into it: a visitor never sees an empty list, nor a gap,
    where the city has content, and never an original beside its translation.

    Each row is annotated `is_original_language` (True for a fallback: templates mark it
    lang="ja", see the `fallback_lang` filter) and `lang`, the language code of its text.
    `key` is the field that links a translation to its original: `translation_key` for pages
    and snippets, `page__translation_key` for rows that belong to a page (search documents).
    Whether a row is translated is decided over the whole table, not the filtered queryset: a
    translation that a filter leaves out (a search term, a state) does not bring its original
    back. Used for every listing and lookup of translatable content (benefits, partners,
    offers, themes, menus, the site identity, search results). A translation that is not
    approved yet (`unapproved_translation_keys`) is neither shown nor counted as translated."""
    from django.conf import settings
    from django.db.models import BooleanField, Case, CharField, Q, Value, When

    locale = locale or active_locale()
    default = locale_for(settings.LANGUAGE_CODE)
    if locale is None or default is None or locale.pk == default.pk:
        locale = locale or default
        return queryset.filter(locale=locale).annotate(
            is_original_language=Value(False, output_field=BooleanField()),
            lang=Value(locale.language_code if locale else settings.LANGUAGE_CODE, CharField()),
        )
    shown = Q(locale=locale)
    if key == "translation_key":
        for unapproved in unapproved_translation_keys:
            keys = unapproved(queryset.model, locale)
            if keys is not None:
                shown &= ~Q(translation_key__in=keys)
    translated = queryset.model.objects.filter(shown).values(key)
    return queryset.filter(shown | (Q(locale=default) & ~Q(**{f"{key}__in": translated}))).annotate(
        is_original_language=Case(
            When(locale=default, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
        lang=Case(
            When(locale=default, then=Value(default.language_code)),
            default=Value(locale.language_code),
            output_field=CharField(),
        ),
    )


def translation_or_original(queryset, locale=None):
    """The one object of `queryset` to show in `locale`: its own, else the Japanese one
    (annotated as translations_or_originals does), or None. For the site identity, a menu, a
    partner or an offer looked up by its translation key."""
    rows = translations_or_originals(queryset, locale)
    return rows.order_by("is_original_language", "pk").first()


def original_of(obj, queryset=None):
    """The original (in the default language, LANGUAGE_CODE) of a translatable page or snippet:
    itself when it is one. What uses, sign-ups and staff key on, whatever language they came
    from. None when the original is gone."""
    from django.conf import settings

    default = locale_for(settings.LANGUAGE_CODE)
    if default is None or obj.locale_id == default.pk:
        return obj
    queryset = queryset if queryset is not None else type(obj).objects
    return queryset.filter(translation_key=obj.translation_key, locale=default).first()


def live_pages_in(pages, locale=None, queryset=None):
    """Where each of `pages` leads a visitor of `locale` (default: the visitor's language):
    its live translation there, a page already in `locale` counting as its own translation
    when it is live; None where there is none (and for a None in `pages`). A list in the order
    of `pages`, with one query for the whole list, none when every page is already in `locale`.

    What to show instead of a None is each caller's rule: the original (a tracking link), the
    original only in a language the site does not offer yet (cards in the body; menu items,
    unless the menu itself is in that language), or nothing (featured and related pages).
    Public or private does not count here, as for those callers.
    `queryset` (default: all pages, not specific) is where the translations are read, e.g. a
    page type's with its select_related: when any page is not in `locale`, every page
    returned comes from it."""
    pages = list(pages)
    locale = locale or active_locale()
    present = [page for page in pages if page is not None]
    if locale is None or not present:
        return [None] * len(pages)
    if all(page.locale_id == locale.pk for page in present):
        return [page if page is not None and page.live else None for page in pages]
    if queryset is None:
        from wagtail.models import Page

        queryset = Page.objects.all()
    found = {
        page.translation_key: page
        for page in queryset.filter(
            live=True,
            locale=locale,
            translation_key__in={page.translation_key for page in present},
        )
    }
    return [found.get(page.translation_key) if page is not None else None for page in pages]


def live_page_in(page, locale=None):
    """The live translation of `page` in `locale` (default: the visitor's language), of the
    same page type, else None; `page` itself when it is in `locale` and live (no query then).
    See live_pages_in, for a list in one query."""
    if page is None:
        return None
    return live_pages_in([page], locale, type(page).objects.all())[0]


def live_translations_of(page):
    """{language_code: page} of every live version of `page`, itself included (one query): the
    language switcher, the hreflang links and the home page of each language. No fallback:
    a language without a live version is simply not there."""
    from wagtail.models import Page

    versions = Page.objects.filter(translation_key=page.translation_key, live=True)
    return {p.locale.language_code: p for p in versions.select_related("locale")}
