"""The staff screen's use of an offer stays within its query budget."""

import pytest

from passes import services
from passes.models import Use
from tests.factories.passes import OfferFactory, PassFactory
from tests.passes.conftest import form_value, translate_offer

pytestmark = pytest.mark.django_db


def _staff_post(client, code, offer, lang="en"):
    nonce = form_value(client.get(f"/{lang}/pass/staff/").content.decode(), "nonce")
    return client.post(f"/{lang}/pass/staff/", {"code": code, "offer": offer.pk, "nonce": nonce})


def test_using_an_offer_through_the_staff_screen_costs_at_most_12_queries(
    client, counter, django_assert_max_num_queries
):
    offers = [
        OfferFactory(partner=counter["partner"], limit_per_pass="unlimited") for _ in range(3)
    ]
    for offer in offers:
        translate_offer(offer)
    client.force_login(counter["staff"].user)
    _staff_post(client, services.pass_code(counter["pass"]), offers[0])  # warm-up
    code = services.pass_code(PassFactory())  # another visitor
    nonce = form_value(client.get("/en/pass/staff/").content.decode(), "nonce")
    data = {"code": code, "offer": offers[1].pk, "nonce": nonce}
    # 11 for the use itself (one moves the pass on to its next code, issue 16 point 17), 1 for
    # the campaign source of the pass (campaigns.signals).
    with django_assert_max_num_queries(12):
        response = client.post("/en/pass/staff/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Use.objects.filter(offer=offers[1]).count() == 1
