"""Translations into any of the site's languages, made through wagtail-localize as a
translator makes them (tests/factories/home.py's translate_into_english is the English case)."""

from django.test import TestCase
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation

from home.services import MissingSegmentTranslation, translate_through_localize


def translate(instance, language_code, strings=None, fill=None):
    """The published translation of a page or snippet into `language_code`.

    `strings` maps Japanese source strings to their translation; a slug stays the same. With
    `fill`, a string left out is translated as fill(source) (menus and the site identity have
    many strings a test does not care about); without it, a missing string raises."""
    strings = dict(strings or {})
    slug = getattr(instance, "slug", None)
    if slug:
        strings.setdefault(slug, slug)
    # wagtail-localize publishes the translation when the transaction commits; a test's
    # transaction never commits, so run those callbacks here.
    with TestCase.captureOnCommitCallbacks(execute=True):
        try:
            translated = translate_through_localize(instance, language_code, strings)
        except MissingSegmentTranslation as missing:
            if fill is None:
                raise
            strings.update({source: fill(source) for source in missing.args[0]})
            translated = translate_through_localize(instance, language_code, strings)
    translated.refresh_from_db()
    return translated.specific if hasattr(translated, "specific") else translated


def fill_strings(translation, strings):
    """What the translator types in the translation editor (kept by wagtail-localize)."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": strings.get(segment.string.data, segment.string.data)},
        )


def assert_refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard."""
    assert response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def published_japanese_page(site):
    """A small live Japanese page under the site's home page, for tests that translate it."""
    from home.models import StandardPage

    home = site.root_page
    page = StandardPage(
        title="子育てのまち",
        slug="raising-kids",
        intro="苫小牧で子どもを育てる。",
        locale=home.locale,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
