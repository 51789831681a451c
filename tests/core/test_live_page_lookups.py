"""Which page a visitor of a language is sent to for a page chosen in another language
(core.locales.live_page_in / live_pages_in): its live translation in the visitor's language;
None when there is none, which each caller then replaces by its own rule (the original, or
nothing). A translation that is not published does not count. A list costs one query."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from core.locales import live_page_in, live_pages_in, live_translations_of
from home.models import StandardPage
from tests.factories.home import StandardPageFactory
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db


def english(page):
    return translate(page, "en", fill=lambda source: f"EN {source}")


def test_a_translated_page_leads_to_its_translation_in_the_visitors_language(demo_site):
    page = StandardPageFactory()
    translated = english(page)
    with translation.override("en"):
        found = live_page_in(page)
    assert found.pk == translated.pk
    assert isinstance(found, StandardPage)
    assert found.title == f"EN {page.title}"


def test_a_page_not_translated_leads_nowhere_in_that_language(demo_site):
    page = StandardPageFactory()
    with translation.override("en"):
        assert live_page_in(page) is None
        assert live_pages_in([page]) == [None]


def test_an_unpublished_translation_does_not_count(demo_site):
    page = StandardPageFactory()
    translated = english(page)
    translated.unpublish()
    with translation.override("en"):
        assert live_page_in(page) is None
        assert live_pages_in([page]) == [None]


def test_a_page_in_the_visitors_language_is_its_own_translation_while_live(demo_site):
    page = StandardPageFactory()
    with translation.override("ja"):
        assert live_page_in(page) == page
        page.unpublish()
        assert live_page_in(page) is None
        assert live_pages_in([page]) == [None]


def test_the_language_asked_for_wins_over_the_visitors(demo_site):
    page = StandardPageFactory()
    translated = english(page)
    with translation.override("ja"):
        assert live_page_in(page, Locale.objects.get(language_code="en")).pk == translated.pk
    with translation.override("en"):
        assert live_page_in(translated, Locale.objects.get(language_code="ja")).pk == page.pk


def test_a_list_keeps_its_order_and_gaps(demo_site):
    first, second, third = StandardPageFactory(), StandardPageFactory(), StandardPageFactory()
    third_english, first_english = english(third), english(first)
    with translation.override("en"):
        found = live_pages_in([third, second, None, first, third])
    assert [page.pk if page else None for page in found] == [
        third_english.pk,
        None,
        None,
        first_english.pk,
        third_english.pk,
    ]


@pytest.mark.parametrize("count", [1, 8])
def test_a_list_costs_one_query_however_long(demo_site, django_assert_num_queries, count):
    pages = [StandardPageFactory() for _ in range(count)]
    for page in pages[::2]:
        english(page)
    english_locale = Locale.objects.get(language_code="en")
    with django_assert_num_queries(1):
        found = live_pages_in(pages, english_locale)
    assert sum(page is not None for page in found) == len(pages[::2])


def test_pages_already_in_the_language_cost_no_query(demo_site, django_assert_num_queries):
    pages = [StandardPageFactory() for _ in range(3)]
    japanese_locale = Locale.objects.get(language_code="ja")
    with django_assert_num_queries(0):
        assert live_pages_in(pages, japanese_locale) == pages


def test_the_translations_come_from_the_queryset_given(demo_site):
    page = StandardPageFactory()
    english(page)
    with translation.override("en"):
        (found,) = live_pages_in([page], queryset=StandardPage.objects.all())
        (plain,) = live_pages_in([page])
    assert type(found) is StandardPage
    assert type(plain) is not StandardPage and plain.pk == found.pk


def test_every_live_version_of_a_page_by_language_in_one_query(
    demo_site, django_assert_num_queries
):
    # What the language switcher, the hreflang links and each language's home page read.
    page = StandardPageFactory()
    translated = english(page)
    korean = translate(page, "ko", fill=lambda source: f"KO {source}")
    korean.unpublish()
    with django_assert_num_queries(1):
        versions = live_translations_of(translated)
    assert {code: p.pk for code, p in versions.items()} == {"ja": page.pk, "en": translated.pk}
