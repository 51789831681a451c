"""seed_demo's campaigns: a running and an ended campaign in Japanese and English, two
creators, links on several channels, recorded clicks and conversions of every kind."""

import os

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from campaigns.models import (
    CampaignCost,
    CampaignIndexPage,
    CampaignPage,
    Click,
    Conversion,
    ConversionKind,
    Creator,
    TrackingLink,
)
from home.models import NewsPage

pytestmark = pytest.mark.django_db


def ja():
    return Locale.objects.get(language_code="ja")


def en():
    return Locale.objects.get(language_code="en")


def test_a_running_and_an_ended_campaign_in_both_languages(demo_site):
    campaigns = CampaignPage.objects.live().filter(locale=ja())
    running = [c for c in campaigns if c.is_running]
    ended = [c for c in campaigns if c.has_ended]
    assert [c.code for c in running] == ["winter-2026"]
    assert [c.code for c in ended] == ["summer-2026"]
    for campaign in running + ended:
        translation = campaign.get_translation(en())
        assert translation.live and translation.title != campaign.title
        assert campaign.pr_label_shown and campaign.pr_label == "広告・PR"
        assert campaign.featured_creators.exists() and campaign.posts
    index = CampaignIndexPage.objects.get(locale=ja(), slug="campaigns")
    assert index.get_translation(en()).title == "Campaigns"


def test_two_translated_creators_links_on_several_channels_and_costs(demo_site):
    creators = Creator.objects.filter(locale=ja())
    assert creators.count() == 2
    assert all(c.get_translation_or_none(en()) is not None for c in creators)
    channels = set(TrackingLink.objects.values_list("channel", flat=True))
    assert len(channels) >= 4
    assert {"instagram", "press_release", "flyer"} <= channels
    assert CampaignCost.objects.filter(creator__isnull=False).exists()
    assert CampaignCost.objects.filter(channel="web_ad").exists()
    press = NewsPage.objects.get(locale=ja(), slug="furusato-resident-registration-starts")
    assert press.press_link.channel == "press_release"
    assert Click.objects.filter(link=press.press_link).count() > 0


def test_clicks_and_conversions_of_every_kind(demo_site):
    assert Click.objects.count() >= 300
    assert Click.objects.values("visitor").distinct().count() < Click.objects.count()
    assert set(Click.objects.values_list("device", flat=True)) >= {"mobile", "desktop"}
    kinds = set(Conversion.objects.values_list("kind", flat=True))
    assert kinds == set(ConversionKind.values)
    assert (
        Conversion.objects.filter(kind=ConversionKind.REGISTRATION)
        .exclude(object_id__startswith="demo-")
        .exists()
    )  # conversions point at the other demos' real records first
    for campaign in CampaignPage.objects.filter(locale=ja()):
        clicks = Click.objects.filter(campaign=campaign)
        assert clicks.exists()
        # Every click lies within the campaign's period.
        assert not clicks.filter(clicked_at__lt=campaign.starts_at).exists()
        assert not clicks.filter(clicked_at__gt=campaign.ends_at).exists()
        assert Conversion.objects.filter(campaign=campaign).count() < clicks.count()


def test_seeding_again_changes_nothing(demo_site):
    before = (
        CampaignPage.objects.count(),
        Creator.objects.count(),
        TrackingLink.objects.count(),
        CampaignCost.objects.count(),
        Click.objects.count(),
        Conversion.objects.count(),
        NewsPage.objects.count(),
    )
    call_command("seed_demo", "--force", verbosity=0, stdout=open(os.devnull, "w"))
    after = (
        CampaignPage.objects.count(),
        Creator.objects.count(),
        TrackingLink.objects.count(),
        CampaignCost.objects.count(),
        Click.objects.count(),
        Conversion.objects.count(),
        NewsPage.objects.count(),
    )
    assert after == before
