"""Factories of campaigns: creators and campaign pages in Japanese, links, clicks, costs;
photos made in the test; English translations made through wagtail-localize."""

from datetime import timedelta

import factory
from django.utils import timezone
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from campaigns.models import (
    CampaignCost,
    CampaignIndexPage,
    CampaignPage,
    Click,
    Conversion,
    Creator,
    TrackingLink,
)
from home.models import HomePage, PortalImage
from tests.factories.home import translate_into_english

INDEX_INTRO = (
    "苫小牧市が発信者のみなさんと行っているキャンペーンです。"
    "広告を含むページには「広告・PR」と表示しています。"
)
INDEX_ENGLISH = {
    "キャンペーン": "Campaigns",
    "campaigns": "campaigns",
    INDEX_INTRO: (
        "Campaigns that Tomakomai City runs with creators. "
        "Pages that contain advertising are labelled as such."
    ),
}


def campaign_index():
    """The Japanese campaign index under the home page (made if the test site lacks it)."""
    index = CampaignIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        home = HomePage.objects.get(locale=Locale.get_default())
        index = home.add_child(
            instance=CampaignIndexPage(title="キャンペーン", slug="campaigns", intro=INDEX_INTRO)
        )
        index.save_revision().publish()
        index.refresh_from_db()
    return index


def english_campaign_index():
    """The campaign index's English translation (made, with the index, if missing)."""
    index = campaign_index()
    english = index.get_translation_or_none(Locale.objects.get(language_code="en"))
    if english is None:
        strings = {**INDEX_ENGLISH, index.title: "Campaigns", index.slug: index.slug}
        english = translate_into_english(index, strings)
    return english.specific


def translate_campaign(campaign, strings):
    """The campaign's English translation under the English campaign index. The slug, the
    campaign code and the default advertising label need no entry in ``strings``."""
    english_campaign_index()
    strings = {
        campaign.slug: campaign.slug,
        campaign.code: campaign.code,
        "広告・PR": "Advertisement / PR",
        **strings,
    }
    return translate_into_english(campaign, strings)


class PortalImageFactory(factory.django.DjangoModelFactory):
    """A photo made in the test (Pillow), with the alt text the portal requires."""

    class Meta:
        model = PortalImage

    class Params:
        colour = "white"
        size = (1600, 900)

    title = factory.Sequence(lambda n: f"苫小牧の写真{n}")
    description = "苫小牧港に停泊するフェリー"
    file = factory.LazyAttributeSequence(
        lambda o, n: get_test_image_file(f"photo-{n}.png", colour=o.colour, size=o.size)
    )


class CreatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Creator

    locale = factory.LazyFunction(Locale.get_default)
    name = factory.Sequence(lambda n: f"テスト発信者{n}")
    handle = factory.Sequence(lambda n: f"@creator_{n}")
    platform = "instagram"
    bio = "苫小牧の海と食を発信しています。"


class CampaignPageFactory(factory.Factory):
    """A published campaign under the campaign index, running now unless told otherwise."""

    class Meta:
        model = CampaignPage

    title = factory.Sequence(lambda n: f"テストキャンペーン{n}")
    slug = factory.Sequence(lambda n: f"test-campaign-{n}")
    code = factory.Sequence(lambda n: f"test-{n}")
    catch_copy = "海と森のまちで、週末を。"
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    ends_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        page = model_class(*args, **kwargs)
        (parent or campaign_index()).add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    @classmethod
    def _build(cls, model_class, *args, parent=None, **kwargs):
        return model_class(*args, **kwargs)


class TrackingLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrackingLink

    code = factory.Sequence(lambda n: f"test-link-{n}")
    campaign = factory.SubFactory(CampaignPageFactory)
    channel = "instagram"
    creator = factory.SubFactory(CreatorFactory)
    target = "campaign"


class ClickFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Click

    link = factory.SubFactory(TrackingLinkFactory)
    campaign = factory.LazyAttribute(lambda o: o.link.campaign if o.link else None)
    creator = factory.LazyAttribute(lambda o: o.link.creator if o.link else None)
    channel = factory.LazyAttribute(lambda o: o.link.channel if o.link else "other")
    visitor = factory.Sequence(lambda n: f"{n:032x}")
    device = "mobile"


class ConversionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversion

    link = factory.SubFactory(TrackingLinkFactory)
    campaign = factory.LazyAttribute(lambda o: o.link.campaign if o.link else None)
    creator = factory.LazyAttribute(lambda o: o.link.creator if o.link else None)
    channel = factory.LazyAttribute(lambda o: o.link.channel if o.link else "other")
    kind = "registration"
    object_id = factory.Sequence(lambda n: str(900000 + n))
    touched_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))


class CampaignCostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignCost

    campaign = factory.SubFactory(CampaignPageFactory)
    amount = 50000
