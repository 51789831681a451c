"""A double tap replays the first use: one nonce per page, one idempotency key per offer."""

import pytest

from passes import services
from passes.models import Use
from tests.factories.passes import OfferFactory, PartnerFactory
from tests.passes.conftest import form_value, translate_offer

pytestmark = pytest.mark.django_db


def test_the_same_page_nonce_uses_offer_b_after_offer_a(client, counter):
    second = OfferFactory(partner=counter["partner"], limit_per_pass="once")
    client.force_login(counter["pass"].user)
    url = f"/en/pass/p/{services.poster_token(counter['partner'])}/"
    nonce = form_value(client.get(url).content.decode(), "nonce")
    first = client.post(url, {"offer": counter["offer"].pk, "nonce": nonce})
    other = client.post(url, {"offer": second.pk, "nonce": nonce})
    assert first.status_code == other.status_code == 302
    assert first["Location"] != other["Location"]
    assert Use.objects.filter(offer=second).count() == 1
    again = client.post(url, {"offer": counter["offer"].pk, "nonce": nonce})
    assert again["Location"] == first["Location"]  # a double tap of A replays A
    assert Use.objects.filter(entry_pass=counter["pass"]).count() == 2


def test_idempotency_key_depends_on_the_offer(counter):
    nonce = services.new_use_nonce()
    user = counter["pass"].user
    other = OfferFactory(partner=counter["partner"])
    english = translate_offer(counter["offer"])
    key = services.idempotency_key(user, nonce, counter["offer"])
    assert key != services.idempotency_key(user, nonce, other)
    assert key == services.idempotency_key(user, nonce, english)  # the same offer in English


def test_a_resubmitted_staff_confirmation_replays_its_use_even_if_the_code_is_refused(counter):
    """The staff form sent again with its nonce (back button, double tap) whose code no longer
    names the pass: the first confirmation's use, not an error, at that partner only."""
    staff, offer = counter["staff"], counter["offer"]
    key = services.idempotency_key(staff.user, services.new_use_nonce(), offer)
    code = services.pass_code(counter["pass"])
    first = services.redeem_offer(
        None, offer, via=Use.VIA_STAFF, key=key, partner=staff.partner, code=code
    )
    wrong = "ZZZZZZ-" + code[-6:]
    again = services.redeem_offer(
        None, offer, via=Use.VIA_STAFF, key=key, partner=staff.partner, code=wrong
    )
    assert again.replayed and again.use.pk == first.use.pk
    assert Use.objects.filter(offer=offer).count() == 1
    with pytest.raises(services.CodeRefused):
        services.redeem_offer(
            None, offer, via=Use.VIA_STAFF, key=key, partner=PartnerFactory(), code=wrong
        )
