"""An offer's limits (once per pass, once a day, total cap) as the visitor sees them."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from passes import services
from passes.models import Offer, Partner, Use
from tests.factories.passes import OfferFactory, PassFactory

pytestmark = pytest.mark.django_db


def test_an_offer_at_its_total_cap_shows_ended_without_a_use_button(client, counter):
    capped = OfferFactory(partner=counter["partner"], limit_per_pass="unlimited", total_cap=1)
    services.redeem_offer(PassFactory().pk, capped, via="poster")
    client.force_login(counter["pass"].user)
    html = client.get(f"/en/pass/p/{services.poster_token(counter['partner'])}/").content.decode()
    assert f'name="offer" value="{capped.pk}"' not in html
    assert "reached its limit" in html
    assert f'name="offer" value="{counter["offer"].pk}"' in html  # the others stay open
    assert services.offer_states(counter["pass"], [capped])[capped.pk][0] == "ended"


def _refusal(entry_pass, offer, **kwargs):
    try:
        services.redeem_offer(entry_pass.pk, offer, via="poster", **kwargs)
    except services.RedemptionRefused as refusal:
        return refusal.reason
    return None


@pytest.mark.parametrize(
    "limit, total_cap, setup, reason, state",
    [
        ("once", None, "used", "used", ("used", "Used")),
        ("daily", None, "used", "used_today", ("used", "Used today")),
        ("daily", None, "used_yesterday", None, ("open", "")),
        ("unlimited", None, "used", None, ("open", "")),
        ("unlimited", 2, "capped", "cap", ("ended", "Ended: this offer has reached its limit")),
        ("unlimited", 3, "capped", None, ("open", "")),
        ("once", None, "inactive", "offer_inactive", ("ended", "Not available today")),
        ("once", None, "partner_inactive", "offer_inactive", ("ended", "Not available today")),
        ("once", None, "not_started", "offer_inactive", ("ended", "Not available today")),
    ],
)
def test_the_visitor_sees_the_limit_that_a_use_would_hit(limit, total_cap, setup, reason, state):
    """The state shown beside an offer and the refusal of a use come from the same rule."""
    offer = OfferFactory(limit_per_pass=limit, total_cap=total_cap)
    entry_pass = PassFactory()
    today = timezone.localdate()
    if setup == "used":
        services.redeem_offer(entry_pass.pk, offer, via="poster")
    elif setup == "used_yesterday":
        services.redeem_offer(entry_pass.pk, offer, via="poster", now=timezone.now())
        Use.objects.filter(offer=offer).update(day=today - timedelta(days=1))
    elif setup == "capped":
        for _ in range(2):
            services.redeem_offer(PassFactory().pk, offer, via="poster")
    elif setup == "inactive":
        Offer.objects.filter(pk=offer.pk).update(active=False)
    elif setup == "partner_inactive":
        Partner.objects.filter(pk=offer.partner_id).update(active=False)
    elif setup == "not_started":
        Offer.objects.filter(pk=offer.pk).update(valid_from=today + timedelta(days=1))
    offer = Offer.objects.get(pk=offer.pk)
    with translation.override("en"):
        shown = services.offer_states(entry_pass, [offer])[offer.pk]
    assert shown[:2] == state
    assert _refusal(entry_pass, offer) == reason
