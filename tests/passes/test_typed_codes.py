"""Codes as people type them at a counter or from a poster: full-width characters (a Japanese
keyboard), digits of other scripts, and short codes without look-alike letters."""

import re
import unicodedata

import pytest
from django.core.exceptions import ValidationError

from passes import services
from passes.models import Partner, Use
from tests.factories.passes import PartnerFactory, PassFactory
from tests.passes.conftest import form_value

pytestmark = pytest.mark.django_db

FULL_WIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def full_width(text):
    return "".join(FULL_WIDTH.get(ch, ch) for ch in text)


def _staff_post(client, code, offer, lang="en"):
    nonce = form_value(client.get(f"/{lang}/pass/staff/").content.decode(), "nonce")
    return client.post(f"/{lang}/pass/staff/", {"code": code, "offer": offer.pk, "nonce": nonce})


def test_a_pass_code_in_full_width_characters_is_read_as_ascii():
    entry_pass = PassFactory()
    code = services.pass_code(entry_pass)
    assert services.verify_pass_code(full_width(code))[0] == entry_pass
    # Digits of other scripts are digits to str.isdigit() but not a code (and must not crash).
    arabic = code[:-6] + "".join(chr(0x0660 + int(d)) for d in code[-6:])
    assert unicodedata.normalize("NFKC", arabic) == arabic
    with pytest.raises(services.CodeRefused):
        services.verify_pass_code(arabic)


def test_staff_screen_answers_non_ascii_digits_with_a_message(client, counter):
    client.force_login(counter["staff"].user)
    code = services.pass_code(counter["pass"])
    odd = code[:-6] + "١٢٣٤٥٦"
    response = _staff_post(client, odd, counter["offer"])
    assert response.status_code == 400
    assert "not a pass code" in response.content.decode()
    response = _staff_post(client, full_width(code), counter["offer"])
    assert response.status_code == 302
    assert Use.objects.filter(offer=counter["offer"]).count() == 1


def test_a_full_width_partner_code_finds_the_partner():
    partner = PartnerFactory()
    assert services.partner_from_short_code(full_width(partner.short_code.lower())) == partner


def test_short_codes_exclude_letters_that_look_alike(demo_site):
    for bad in ("ABC0EF", "ABCOEF", "ABC1EF", "ABCIEF", "abcdef"):
        with pytest.raises(ValidationError) as info:
            PartnerFactory.build(short_code=bad).full_clean()
        assert "short_code" in info.value.message_dict
    PartnerFactory.build(short_code="HAKKA2").full_clean()
    for code in Partner.objects.values_list("short_code", flat=True):
        assert re.fullmatch(r"[A-HJ-NP-Z2-9]{4,8}", code), code
