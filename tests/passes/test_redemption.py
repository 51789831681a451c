"""The redemption rules, through passes.services.redeem_offer (which both counter flows call)."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from passes import services
from passes.models import PassStatus, Use
from tests.factories.passes import OfferFactory, PartnerFactory, PassFactory
from tests.passes.conftest import translate_offer

pytestmark = pytest.mark.django_db


def redeem(entry_pass, offer, **kwargs):
    kwargs.setdefault("via", Use.VIA_POSTER)
    return services.redeem_offer(entry_pass.pk, offer, **kwargs)


def refused(entry_pass, offer, **kwargs):
    with pytest.raises(services.RedemptionRefused) as info:
        redeem(entry_pass, offer, **kwargs)
    return info.value.reason


def test_once_only_offer_is_used_once():
    offer, entry_pass = OfferFactory(limit_per_pass="once"), PassFactory()
    redeem(entry_pass, offer)
    assert refused(entry_pass, offer) == "used"
    assert Use.objects.filter(offer=offer).count() == 1


def test_once_a_day_offer_comes_back_the_next_day():
    offer, entry_pass = OfferFactory(limit_per_pass="daily"), PassFactory()
    now = timezone.now()
    redeem(entry_pass, offer, now=now)
    assert refused(entry_pass, offer, now=now) == "used_today"
    redeem(entry_pass, offer, now=now + timedelta(days=1))
    assert Use.objects.filter(offer=offer).count() == 2


def test_unlimited_offer():
    offer, entry_pass = OfferFactory(limit_per_pass="unlimited"), PassFactory()
    for _ in range(3):
        redeem(entry_pass, offer)
    assert Use.objects.filter(offer=offer).count() == 3


def test_total_cap_stops_the_offer():
    offer = OfferFactory(limit_per_pass="once", total_cap=2)
    redeem(PassFactory(), offer)
    redeem(PassFactory(), offer)
    assert refused(PassFactory(), offer) == "cap"


def test_expired_and_inactive_passes_are_refused():
    offer = OfferFactory(limit_per_pass="unlimited")
    today = timezone.localdate()
    old = PassFactory(
        stay_from=today - timedelta(days=10),
        stay_until=today - timedelta(days=5),
        valid_from=today - timedelta(days=11),
        valid_until=today - timedelta(days=4),
    )
    assert refused(old, offer) == "pass_expired"
    assert refused(PassFactory(status=PassStatus.PENDING), offer) == "pass_inactive"
    assert refused(PassFactory(status=PassStatus.CANCELLED), offer) == "pass_inactive"


def test_offer_out_of_dates_or_inactive_is_refused():
    today = timezone.localdate()
    entry_pass = PassFactory()
    assert refused(entry_pass, OfferFactory(active=False)) == "offer_inactive"
    assert refused(entry_pass, OfferFactory(valid_until=today - timedelta(days=1))) == (
        "offer_inactive"
    )
    assert refused(entry_pass, OfferFactory(valid_from=today + timedelta(days=1))) == (
        "offer_inactive"
    )
    assert refused(entry_pass, OfferFactory(partner=PartnerFactory(active=False))) == (
        "offer_inactive"
    )


def test_wrong_partner_is_refused():
    offer = OfferFactory()
    assert refused(PassFactory(), offer, partner=PartnerFactory()) == "wrong_partner"


def test_a_use_of_the_english_offer_counts_for_the_japanese_original():
    offer = OfferFactory(limit_per_pass="once")
    english = translate_offer(offer)
    assert english.pk != offer.pk
    entry_pass = PassFactory()
    result = redeem(entry_pass, english, partner=english.partner.original())
    assert result.use.offer_id == offer.pk
    assert result.use.partner_id == offer.partner_id
    assert refused(entry_pass, offer) == "used"


def test_the_same_idempotency_key_replays_the_first_use():
    offer, entry_pass = OfferFactory(limit_per_pass="unlimited"), PassFactory()
    first = redeem(entry_pass, offer, key="k1")
    again = redeem(entry_pass, offer, key="k1")
    assert again.replayed and again.use.pk == first.use.pk
    assert Use.objects.filter(offer=offer).count() == 1


def test_database_constraint_backs_the_once_limit():
    from django.db import IntegrityError, transaction

    offer, entry_pass = OfferFactory(limit_per_pass="once"), PassFactory()
    redeem(entry_pass, offer)
    today = timezone.localdate()
    with pytest.raises(IntegrityError), transaction.atomic():
        Use.objects.create(
            entry_pass=entry_pass,
            offer=offer,
            partner=offer.partner,
            limit="once",
            day=today,
            via="poster",
        )


def test_offer_states_show_used_and_open():
    used, fresh = OfferFactory(limit_per_pass="once"), OfferFactory(limit_per_pass="daily")
    entry_pass = PassFactory()
    redeem(entry_pass, used)
    states = services.offer_states(entry_pass, [used, fresh])
    assert states[used.pk][0] == "used"
    assert states[fresh.pk][0] == "open"


# -- the rotating pass code ------------------------------------------------------------------
def test_current_and_previous_window_codes_are_accepted():
    entry_pass = PassFactory()
    now = timezone.now()
    code = services.pass_code(entry_pass, now)
    assert services.verify_pass_code(code, now)[0] == entry_pass
    later = now + timedelta(seconds=services.code_window_seconds())
    assert services.verify_pass_code(code, later)[0] == entry_pass
    # Typed in lower case with spaces and without the hyphen still works.
    assert services.verify_pass_code(code.lower().replace("-", " "), now)[0] == entry_pass


def test_expired_code_is_refused_with_its_own_message():
    entry_pass = PassFactory()
    now = timezone.now()
    code = services.pass_code(entry_pass, now - timedelta(minutes=5))
    with pytest.raises(services.CodeRefused) as info, translation.override("en"):
        services.verify_pass_code(code, now)
    assert not info.value.wrong
    assert "expired" in info.value.message


def test_tampered_and_malformed_codes_are_refused():
    entry_pass = PassFactory()
    code = services.pass_code(entry_pass)
    digits = code[-6:]
    tampered = code[:-6] + f"{(int(digits) + 1) % 1_000_000:06d}"
    for bad in (tampered, "ZZZZZZ-123456", "hello", ""):
        with pytest.raises(services.CodeRefused) as info:
            services.verify_pass_code(bad)
        assert info.value.wrong


def test_a_code_cannot_be_used_twice():
    offer = OfferFactory(limit_per_pass="unlimited")
    entry_pass = PassFactory()
    code = services.pass_code(entry_pass)
    services.redeem_offer(None, offer, via=Use.VIA_STAFF, code=code)
    with pytest.raises(services.CodeRefused) as info:
        services.redeem_offer(None, offer, via=Use.VIA_STAFF, code=code)
    assert info.value.reason == "used" and not info.value.wrong
    assert Use.objects.filter(offer=offer).count() == 1


def test_poster_tokens_are_signed_and_versioned():
    partner = PartnerFactory()
    token = services.poster_token(partner)
    assert services.partner_from_token(token) == partner
    assert services.partner_from_token(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    other = PartnerFactory()
    forged = f"{other.pk}.1:" + token.split(":", 1)[1]
    assert services.partner_from_token(forged) is None
    partner.poster_version += 1
    partner.save()
    assert services.partner_from_token(token) is None
    assert services.partner_from_token(services.poster_token(partner)) == partner
    assert services.partner_from_short_code(partner.short_code.lower()) == partner


def test_expire_command_marks_passes_past_their_last_day():
    from django.core.management import call_command

    today = timezone.localdate()
    old = PassFactory(
        stay_from=today - timedelta(days=9),
        stay_until=today - timedelta(days=7),
        valid_from=today - timedelta(days=10),
        valid_until=today - timedelta(days=6),
    )
    current = PassFactory()
    call_command("expire_entry_passes", verbosity=0)
    old.refresh_from_db()
    current.refresh_from_db()
    assert old.status == PassStatus.EXPIRED
    assert current.status == PassStatus.ACTIVE


def test_two_partners_cannot_share_a_short_code():
    from django.core.exceptions import ValidationError

    first = PartnerFactory()
    second = PartnerFactory.build(short_code=first.short_code)
    with pytest.raises(ValidationError):
        second.full_clean()
    first.full_clean()  # its own code is fine
