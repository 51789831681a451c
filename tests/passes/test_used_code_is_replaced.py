"""A pass code that a counter has accepted is replaced at once (issue 16, point 17): the
visitor's pass page and its code.json show a new, unused code right after the use and on "Show
a new code", the used code is never shown again, and the counter refuses it as used."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from passes import services
from passes.models import Pass, Use, UsedPassCode
from tests.factories.passes import OfferFactory
from tests.passes.conftest import form_value

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def one_window_for_the_whole_test(settings):
    # A minute's window could roll over mid-test and hide a code that is shown again.
    settings.ENTRY_PASS_CODE_WINDOW_SECONDS = 24 * 3600


def fresh(entry_pass):
    return Pass.objects.get(pk=entry_pass.pk)


def shown_code(html):
    return re.search(r"data-pass-code-text[^>]*>([^<]*)<", html).group(1)


def notice(html):
    """The text of the pass page's status line (what a person sees, not its data-text)."""
    return re.search(r"data-pass-code-notice[^>]*>([^<]*)<", html).group(1)


def test_an_accepted_code_gives_way_to_a_new_one_within_the_same_window(counter):
    offer = OfferFactory(partner=counter["partner"], limit_per_pass="unlimited")
    used = services.pass_code(counter["pass"])
    services.redeem_offer(None, offer, via=Use.VIA_STAFF, code=used)
    entry_pass = fresh(counter["pass"])
    assert entry_pass.code_generation == 1
    new = services.pass_code(entry_pass)
    assert new != used
    assert new.split("-")[0] == used.split("-")[0]  # the same pass number
    with pytest.raises(services.CodeRefused) as info:
        services.redeem_offer(None, offer, via=Use.VIA_STAFF, code=used)
    assert info.value.reason == "used"
    assert services.redeem_offer(None, offer, via=Use.VIA_STAFF, code=new).use.pk
    assert UsedPassCode.objects.filter(entry_pass=entry_pass).count() == 2
    assert Use.objects.filter(offer=offer).count() == 2


def test_a_refused_use_does_not_use_up_the_code(counter):
    code = services.pass_code(counter["pass"])
    services.redeem_offer(counter["pass"].pk, counter["offer"], via=Use.VIA_POSTER)
    with pytest.raises(services.RedemptionRefused):  # once only: already used by poster
        services.redeem_offer(None, counter["offer"], via=Use.VIA_STAFF, code=code)
    assert services.pass_code(fresh(counter["pass"])) == code  # still the visitor's code


def _staff_post(client, code, offer, lang):
    html = client.get(f"/{lang}/pass/staff/").content.decode()
    data = {"code": code, "offer": offer.pk, "nonce": form_value(html, "nonce")}
    return client.post(f"/{lang}/pass/staff/", data)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_holders_screen_never_shows_a_used_code_again(client, counter, lang):
    holder, staff = counter["pass"].user, counter["staff"].user
    offer = OfferFactory(partner=counter["partner"], limit_per_pass="unlimited")
    client.force_login(holder)
    shown = client.get(f"/{lang}/pass/")
    used = services.pass_code(counter["pass"])
    assert used in shown.content.decode()

    client.force_login(staff)
    assert _staff_post(client, used, offer, lang).status_code == 302

    # Right after the use: the page ("Show a new code" reloads it) and the script's JSON.
    client.force_login(holder)
    for _ in range(2):
        html = client.get(f"/{lang}/pass/").content.decode()
        new = shown_code(html)
        assert new != used
        assert used not in html
    assert new == services.pass_code(fresh(counter["pass"]))
    data = client.get(f"/{lang}/pass/code.json").json()
    assert data["code"] == new
    assert data["generation"] == 1
    with translation.override(lang):  # the catalogue's text (var/i18n/passes.json)
        assert notice(html) == gettext(
            "Your code has just been used. This is a new code for your next use."
        )

    # The counter refuses the used code as used (not as wrong) and takes the new one.
    client.force_login(staff)
    again = _staff_post(client, used, offer, lang)
    assert again.status_code == 400
    message = {
        "en": "This pass code has already been used. Ask the visitor for a new one.",
        "ja": "このパスのコードはすでに使われています。",
    }[lang]
    assert message in again.content.decode()
    assert _staff_post(client, new, offer, lang).status_code == 302
    assert Use.objects.filter(offer=offer).count() == 2


def test_the_used_notice_is_only_for_a_fresh_use(client, counter):
    client.force_login(counter["staff"].user)
    _staff_post(client, services.pass_code(counter["pass"]), counter["offer"], "en")
    client.force_login(counter["pass"].user)
    assert "This is a new code" in notice(client.get("/en/pass/").content.decode())
    Use.objects.update(used_at=timezone.now() - timedelta(minutes=5))
    assert notice(client.get("/en/pass/").content.decode()) == ""
