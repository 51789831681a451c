"""Factories of the Entry Pass: partners and offers in Japanese, passes, partner staff."""

from datetime import timedelta

import factory
from django.utils import timezone
from wagtail.models import Locale

from core import roles
from passes.models import Offer, Partner, PartnerStaff, Pass, PassStatus
from tests.factories import UserFactory


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    locale = factory.LazyFunction(Locale.get_default)
    name = factory.Sequence(lambda n: f"テスト協力店{n}")
    slug = factory.Sequence(lambda n: f"test-partner-{n}")
    category = "restaurant"
    description = "ほっき貝の食堂です。"


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer

    locale = factory.LazyFunction(Locale.get_default)
    partner = factory.SubFactory(PartnerFactory)
    title = factory.Sequence(lambda n: f"優待{n}")
    benefit = "100円引き"
    kind = "amount"
    value = 100
    limit_per_pass = "once"


class PassFactory(factory.django.DjangoModelFactory):
    """An active pass for a stay that covers today, for a visitor from Tokyo."""

    class Meta:
        model = Pass

    user = factory.SubFactory(UserFactory)
    residence_prefecture = "13"
    residence_municipality = "13104"
    stay_from = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=1))
    stay_until = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=2))
    valid_from = factory.LazyAttribute(lambda o: o.stay_from - timedelta(days=1))
    valid_until = factory.LazyAttribute(lambda o: o.stay_until + timedelta(days=1))
    purpose = "sightseeing"
    party_size = 1
    status = PassStatus.ACTIVE
    issued_at = factory.LazyFunction(timezone.now)


class PartnerStaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerStaff

    user = factory.SubFactory(UserFactory, groups=[roles.PARTNER_STAFF])
    partner = factory.SubFactory(PartnerFactory)
