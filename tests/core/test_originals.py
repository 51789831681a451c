""" "The Japanese original" is a row in the default language (settings.LANGUAGE_CODE), written
once in core.locales: in_default_locale() the filter (also through a relation),
original_subquery() an original's field read in the query that lists its translations, and
the pages' PortalPageQuerySet.originals(). Plus the campaign dashboard's default period, which
ends today in Japan whatever the server's time zone."""

import datetime as dt

import pytest
import time_machine
from django.test import override_settings
from wagtail.models import Locale

from campaigns.forms import default_range
from core.locales import in_default_locale, original_subquery
from home.models import StandardPage
from passes.models import Offer, Partner
from tests.factories.home import StandardPageFactory
from tests.factories.passes import OfferFactory, PartnerFactory
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db


def english_copy(original, **changes):
    copy = original.copy_for_translation(Locale.objects.get(language_code="en"))
    for name, value in changes.items():
        setattr(copy, name, value)
    copy.save()
    return copy


def test_only_rows_in_the_default_language_are_originals():
    partner = PartnerFactory(name="ほっき食堂")
    english_copy(partner, name="Hokki diner")
    both = Partner.objects.filter(translation_key=partner.translation_key)

    assert list(both.filter(**in_default_locale())) == [partner]
    assert list(both.originals()) == [partner]


def test_originals_are_found_through_a_relation():
    offer = OfferFactory()
    english_partner = english_copy(offer.partner, name="Hokki diner")
    english_copy(offer, title="100 yen off", partner=english_partner)

    both = Offer.objects.filter(translation_key=offer.translation_key)
    assert list(both.filter(**in_default_locale("partner__"))) == [offer]


def test_a_translation_reads_its_originals_field_in_the_listing_query(
    django_assert_num_queries,
):
    partner = PartnerFactory(phone="0144-00-0000")
    english = english_copy(partner, phone="+81-144-99-9999")
    # Written in English first: its Japanese row, saved later, is still the original.
    other_english = PartnerFactory(
        locale=Locale.objects.get(language_code="en"), phone="+81-144-88-8888"
    )
    other = other_english.copy_for_translation(Locale.get_default())
    other.phone = "0144-11-1111"
    other.save()
    # Only in English (no Japanese row): it has no original.
    english_only = PartnerFactory(locale=Locale.objects.get(language_code="en"))

    with django_assert_num_queries(1):
        rows = {
            row.pk: (row.original_pk, row.original_phone)
            for row in Partner.objects.filter(
                pk__in=[partner.pk, english.pk, other.pk, other_english.pk, english_only.pk]
            ).annotate(
                original_pk=original_subquery(Partner),
                original_phone=original_subquery(Partner.objects.all(), "phone"),
            )
        }

    assert rows == {
        partner.pk: (partner.pk, "0144-00-0000"),
        english.pk: (partner.pk, "0144-00-0000"),
        other.pk: (other.pk, "0144-11-1111"),
        other_english.pk: (other.pk, "0144-11-1111"),
        english_only.pk: (None, None),
    }


def test_the_original_pages_are_the_pages_in_the_default_language(demo_site):
    page = StandardPageFactory()
    translate(page, "en", fill=lambda source: f"EN {source}")

    originals = StandardPage.objects.filter(translation_key=page.translation_key).originals()
    assert list(originals) == [page]


@override_settings(TIME_ZONE="UTC")
def test_the_dashboards_default_period_ends_today_in_japan():
    # 16:30 on 7 December in UTC is already 01:30 on 8 December in Japan.
    with time_machine.travel(dt.datetime(2026, 12, 7, 16, 30, tzinfo=dt.UTC), tick=False):
        first, last = default_range()
    assert last == dt.date(2026, 12, 8)
    assert first == dt.date(2026, 11, 9)
