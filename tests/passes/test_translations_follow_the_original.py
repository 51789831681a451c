"""English pages and the poster's offer list read the state (active, dates) of the Japanese
originals: a translation keeps a stale copy until it is synced."""

from datetime import timedelta

import pytest
from django.utils import timezone

from passes import services
from passes.models import Offer, Partner
from tests.passes.conftest import translate_offer

pytestmark = pytest.mark.django_db


def test_english_pages_follow_the_deactivated_japanese_original(client, demo_site):
    original = Partner.objects.get(slug="hokkitei", locale__language_code="ja")
    english = Partner.objects.get(slug="hokkitei", locale__language_code="en")
    offer = original.offers.first()
    english_offer = Offer.objects.get(translation_key=offer.translation_key, locale=english.locale)
    assert english.name in client.get("/en/entry-pass/partners/").content.decode()
    assert english_offer.title in client.get("/en/entry-pass/partners/hokkitei/").content.decode()

    # The original offer ends; its English copy still says active (not synced yet).
    Offer.objects.filter(pk=offer.pk).update(active=False)
    assert Offer.objects.get(pk=english_offer.pk).active
    page = client.get("/en/entry-pass/partners/hokkitei/").content.decode()
    assert english_offer.title not in page
    assert english_offer.title not in client.get("/en/entry-pass/partners/").content.decode()

    # The original partner is deactivated: gone from the English directory and page.
    Partner.objects.filter(pk=original.pk).update(active=False)
    assert english.name not in client.get("/en/entry-pass/partners/").content.decode()
    assert client.get("/en/entry-pass/partners/hokkitei/").status_code == 404


def test_english_poster_page_offers_no_use_for_an_ended_original(client, counter):
    english = translate_offer(counter["offer"])
    Offer.objects.filter(pk=counter["offer"].pk).update(active=False)
    client.force_login(counter["pass"].user)
    html = client.get(f"/en/pass/p/{services.poster_token(counter['partner'])}/").content.decode()
    assert english.title not in html
    assert f'name="offer" value="{english.pk}"' not in html
    # States come from the original even when handed the stale English copy.
    states = services.offer_states(counter["pass"], [english])
    assert states[english.pk][0] == "ended"


def test_the_directory_leaves_out_offers_that_have_not_started(client, demo_site):
    offer = Partner.objects.get(slug="hokkitei", locale__language_code="ja").offers.first()
    assert offer.title in client.get("/ja/entry-pass/partners/").content.decode()
    Offer.objects.filter(translation_key=offer.translation_key).update(
        valid_from=timezone.localdate() + timedelta(days=3)
    )
    assert offer.title not in client.get("/ja/entry-pass/partners/").content.decode()
    assert offer.title not in client.get("/ja/entry-pass/partners/hokkitei/").content.decode()
