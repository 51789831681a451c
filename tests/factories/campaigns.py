"""Factories of campaigns: creators and campaign pages in Japanese, links, clicks, costs."""

from datetime import timedelta

import factory
from django.utils import timezone
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
from home.models import HomePage


def campaign_index():
    """The Japanese campaign index of the demo site (made if a test database lacks it)."""
    index = CampaignIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        home = HomePage.objects.get(locale=Locale.get_default())
        index = home.add_child(instance=CampaignIndexPage(title="キャンペーン", slug="campaigns"))
    return index


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
