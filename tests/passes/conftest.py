import re
import time
from datetime import timedelta

import pytest
from django.core import signing
from django.utils import timezone
from wagtail.models import Locale

from core.abuse import TIME_TRAP_SALT
from home.services import translate_through_localize
from tests.factories import UserFactory
from tests.factories.passes import OfferFactory, PartnerFactory, PartnerStaffFactory, PassFactory


def trap_fields():
    return {"website": "", "form_started": signing.dumps(time.time(), salt=TIME_TRAP_SALT)}


def application(**overrides):
    today = timezone.localdate()
    data = {
        "residence_prefecture": "13",
        "residence_municipality": "13104",
        "stay_from": today.isoformat(),
        "stay_until": (today + timedelta(days=3)).isoformat(),
        "purpose": "workcation",
        "party_size": "2",
        "email": "newvisitor@example.jp",
        "password": "",
        **trap_fields(),
    }
    data.update(overrides)
    return data


def form_value(html, name):
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    return match.group(1) if match else None


def translate_offer(offer):
    """English translations of the offer's partner and of the offer."""
    en = Locale.objects.get(language_code="en")
    partner = offer.partner
    if partner.get_translation_or_none(en) is None:
        translate_through_localize(
            partner, "en", {partner.name: f"Partner {partner.pk}", partner.description: "Clams"}
        )
    return translate_through_localize(
        offer, "en", {offer.title: f"Offer {offer.pk}", offer.benefit: "¥100 off"}
    )


@pytest.fixture
def counter(db):
    """A partner with a once-only offer, its staff login, and a visitor with an active pass."""
    staff = PartnerStaffFactory()
    offer = OfferFactory(partner=staff.partner, limit_per_pass="once")
    entry_pass = PassFactory(user=UserFactory(first_name="秘密", last_name="来訪者"))
    return {"staff": staff, "partner": staff.partner, "offer": offer, "pass": entry_pass}


__all__ = ["OfferFactory", "PartnerFactory", "PassFactory", "UserFactory"]
