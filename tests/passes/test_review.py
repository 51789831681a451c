"""Rules added after the review: full-width codes, poster versions, stale translations, staff
accounts, query budgets, per-offer double taps, completion screens, language, caps, rate
limits, accessibility hooks and the effect figures."""

import re
import unicodedata
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms import modelform_factory
from django.test import override_settings
from django.utils import timezone, translation

from passes import services
from passes.models import Offer, Partner, PartnerStaff, Use
from tests.factories import UserFactory
from tests.factories.passes import OfferFactory, PartnerFactory, PassFactory
from tests.passes.conftest import application, form_value, translate_offer

pytestmark = pytest.mark.django_db

FULL_WIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def full_width(text):
    return "".join(FULL_WIDTH.get(ch, ch) for ch in text)


def _staff_post(client, code, offer, lang="en"):
    nonce = form_value(client.get(f"/{lang}/pass/staff/").content.decode(), "nonce")
    return client.post(f"/{lang}/pass/staff/", {"code": code, "offer": offer.pk, "nonce": nonce})


# 1. Full-width input ------------------------------------------------------------------------
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


# 2. A new poster version retires the short code ---------------------------------------------
def test_raising_the_poster_version_issues_a_new_short_code():
    partner = PartnerFactory()
    old = partner.short_code
    partner.poster_version += 1
    partner.save()
    partner.refresh_from_db()
    assert partner.short_code != old
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{6}", partner.short_code)
    assert services.partner_from_short_code(old) is None
    assert services.partner_from_short_code(partner.short_code) == partner
    # An editor who types a new code with the new version keeps it; other saves keep the code.
    partner.poster_version += 1
    partner.short_code = "HAKKA2"
    partner.save()
    partner.name = "改名"
    partner.save()
    partner.refresh_from_db()
    assert partner.short_code == "HAKKA2"


# 3. English pages read the state of the Japanese originals ----------------------------------
def test_english_pages_follow_the_deactivated_japanese_original(client, demo_site):
    original = Partner.objects.get(slug="hokkitei", locale__language_code="ja")
    english = Partner.objects.get(slug="hokkitei", locale__language_code="en")
    offer = original.offers.first()
    english_offer = Offer.objects.get(translation_key=offer.translation_key, locale=english.locale)
    assert english.name in client.get("/en/entry-pass/partners/").content.decode()
    assert english_offer.title in client.get("/en/entry-pass/partners/hokkitei/").content.decode()

    # The original offer ends; its English copy still says active (not synced yet).
    Offer.objects.filter(pk=offer.pk).update(active=False)
    assert Offer.objects.get(pk=english_offer.pk).active
    page = client.get("/en/entry-pass/partners/hokkitei/").content.decode()
    assert english_offer.title not in page
    assert english_offer.title not in client.get("/en/entry-pass/partners/").content.decode()

    # The original partner is deactivated: gone from the English directory and page.
    Partner.objects.filter(pk=original.pk).update(active=False)
    assert english.name not in client.get("/en/entry-pass/partners/").content.decode()
    assert client.get("/en/entry-pass/partners/hokkitei/").status_code == 404


def test_english_poster_page_offers_no_use_for_an_ended_original(client, counter):
    english = translate_offer(counter["offer"])
    Offer.objects.filter(pk=counter["offer"].pk).update(active=False)
    client.force_login(counter["pass"].user)
    html = client.get(f"/en/pass/p/{services.poster_token(counter['partner'])}/").content.decode()
    assert english.title not in html
    assert f'name="offer" value="{english.pk}"' not in html
    # States come from the original even when handed the stale English copy.
    states = services.offer_states(counter["pass"], [english])
    assert states[english.pk][0] == "ended"


def test_the_directory_leaves_out_offers_that_have_not_started(client, demo_site):
    offer = Partner.objects.get(slug="hokkitei", locale__language_code="ja").offers.first()
    assert offer.title in client.get("/ja/entry-pass/partners/").content.decode()
    Offer.objects.filter(translation_key=offer.translation_key).update(
        valid_from=timezone.localdate() + timedelta(days=3)
    )
    assert offer.title not in client.get("/ja/entry-pass/partners/").content.decode()
    assert offer.title not in client.get("/ja/entry-pass/partners/hokkitei/").content.decode()


# 4. Partner staff accounts ------------------------------------------------------------------
def test_partner_staff_always_belong_to_the_japanese_original(counter):
    english = translate_offer(counter["offer"]).partner
    staff = PartnerStaff.objects.create(user=UserFactory(groups=["Partner staff"]), partner=english)
    staff.refresh_from_db()
    assert staff.partner_id == counter["partner"].pk
    form_class = modelform_factory(PartnerStaff, fields=["user", "partner"])
    choices = form_class().fields["partner"].queryset
    assert counter["partner"] in choices and english not in choices


def test_city_editors_choose_staff_among_partner_staff_accounts_only(client, demo_site):
    bystander = UserFactory(
        email="bystander-private@example.jp", first_name="秘匿", last_name="一般人"
    )
    counter_user = UserFactory(
        email="counter-login@example.jp",
        first_name="窓口",
        last_name="係員",
        groups=["Partner staff"],
    )
    client.force_login(UserFactory(groups=["City editors"]))
    html = client.get("/admin/snippets/passes/partnerstaff/add/").content.decode()
    assert str(counter_user) in html
    assert str(bystander) not in html and bystander.email not in html
    choices = modelform_factory(PartnerStaff, fields=["user"])().fields["user"].queryset
    assert counter_user in choices and bystander not in choices


# 5. The staff flow's query budget -----------------------------------------------------------
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


# 6. One nonce per page, one key per offer ---------------------------------------------------
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


# 7. The completion screen is live for a few minutes only ------------------------------------
def test_completion_screen_is_live_only_just_after_the_use(client, counter):
    use = services.redeem_offer(counter["pass"].pk, counter["offer"], via="poster").use
    client.force_login(counter["pass"].user)
    html = client.get(f"/en/pass/done/{use.pk}/").content.decode()
    assert "data-live-clock" in html and "completion__band" in html
    Use.objects.filter(pk=use.pk).update(used_at=timezone.now() - timedelta(minutes=11))
    html = client.get(f"/en/pass/done/{use.pk}/").content.decode()
    assert "data-live-clock" not in html and "completion__band" not in html
    assert "This offer was used at" in html
    client.force_login(counter["staff"].user)
    html = client.get(f"/en/pass/staff/done/{use.pk}/").content.decode()
    assert "data-live-clock" not in html


# 8. Language ---------------------------------------------------------------------------------
def test_the_pass_qr_opens_the_staff_screen_in_japanese(client, counter, monkeypatch):
    from passes import views

    encoded = []
    monkeypatch.setattr(views, "qr_svg", lambda data, label: encoded.append(data) or "<svg/>")
    client.force_login(counter["pass"].user)
    assert client.get("/en/pass/").status_code == 200
    client.get("/en/pass/code.json")
    assert encoded and all(
        f"/{settings.LANGUAGE_CODE}/pass/staff/#code=" in url for url in encoded
    ), encoded


def test_the_poster_takes_the_city_name_from_the_site_identity(client, demo_site):
    from home.models import SiteIdentity

    SiteIdentity.objects.filter(locale__language_code="ja").update(city_name="試験市")
    SiteIdentity.objects.filter(locale__language_code="en").update(city_name="Testville")
    client.force_login(UserFactory(groups=["City editors"]))
    partner = Partner.objects.get(slug="hokkitei", locale__language_code="ja")
    html = client.get(f"/admin/entry-pass/poster/{partner.pk}/").content.decode()
    assert "試験市 エントリーパス" in html and "TESTVILLE ENTRY PASS" in html
    assert "苫小牧" not in html.split("<main", 1)[1].split("<h1>", 1)[0]


# 9. Short codes only use the letters the lookup keeps ---------------------------------------
def test_short_codes_exclude_letters_that_look_alike(demo_site):
    for bad in ("ABC0EF", "ABCOEF", "ABC1EF", "ABCIEF", "abcdef"):
        with pytest.raises(ValidationError) as info:
            PartnerFactory.build(short_code=bad).full_clean()
        assert "short_code" in info.value.message_dict
    PartnerFactory.build(short_code="HAKKA2").full_clean()
    for code in Partner.objects.values_list("short_code", flat=True):
        assert re.fullmatch(r"[A-HJ-NP-Z2-9]{4,8}", code), code


# 10. A capped offer that is spent shows as ended ---------------------------------------------
def test_an_offer_at_its_total_cap_shows_ended_without_a_use_button(client, counter):
    capped = OfferFactory(partner=counter["partner"], limit_per_pass="unlimited", total_cap=1)
    services.redeem_offer(PassFactory().pk, capped, via="poster")
    client.force_login(counter["pass"].user)
    html = client.get(f"/en/pass/p/{services.poster_token(counter['partner'])}/").content.decode()
    assert f'name="offer" value="{capped.pk}"' not in html
    assert "reached its limit" in html
    assert f'name="offer" value="{counter["offer"].pk}"' in html  # the others stay open
    assert services.offer_states(counter["pass"], [capped])[capped.pk][0] == "ended"


# 11. The application rate limit counts complete applications only ---------------------------
def test_form_mistakes_do_not_use_up_the_application_rate_limit(client, demo_site):
    for _ in range(12):  # the limit is 10 in 10 minutes
        response = client.post("/en/pass/apply/", application(email="not-an-address"))
        assert response.status_code == 400
    response = client.post("/en/pass/apply/", application())
    assert response.status_code == 302
    assert response["Location"].endswith("/pass/apply/sent/")


@override_settings(ACCOUNT_RATE_LIMITS={**settings.ACCOUNT_RATE_LIMITS, "pass_apply": "1/600s/ip"})
def test_complete_applications_are_still_rate_limited(client, demo_site):
    assert client.post("/en/pass/apply/", application()).status_code == 302
    client.logout()
    response = client.post("/en/pass/apply/", application(email="second@example.jp"))
    assert "Too many applications" in response.content.decode()


# 12. Accessibility hooks ---------------------------------------------------------------------
def test_form_pages_focus_the_error_summary_and_photos_are_not_file_names(client, counter):
    client.force_login(counter["staff"].user)
    assert "js/forms.js" in client.get("/en/pass/staff/").content.decode()
    assert "js/forms.js" in client.get("/en/pass/use/").content.decode()
    client.logout()
    assert "js/forms.js" in client.get("/en/pass/apply/").content.decode()
    template = Path(settings.BASE_DIR, "passes/templates/passes/partner_page.html").read_text()
    assert "partner.photo.title" not in template


def test_the_completion_band_stops_and_respects_reduced_motion():
    css = Path(settings.BASE_DIR, "static/css/passes.css").read_text()
    band = re.search(r"\.completion__band \{[^}]*\}", css).group(0)
    assert "infinite" not in band and "linear 30" in band
    reduced = re.search(r"prefers-reduced-motion: reduce\) \{([^\n]*)\}", css).group(1)
    assert ".completion__band" in reduced


# 13. The effect: activity sign-ups and consultations -----------------------------------------
def test_effect_counts_activity_signups_and_consultations_after_the_pass(demo_site):
    from members.models import ActivityPage, ActivitySignup
    from reports import entry_pass
    from tests.factories.consultations import ConsultationFactory
    from tests.passes.test_admin import _holders

    now = timezone.now()
    joined = PassFactory(issued_at=now - timedelta(days=5)).user
    before = PassFactory(issued_at=now - timedelta(days=5)).user
    # The row titles are read in English whatever language an earlier test left active.
    with translation.override("en"):
        total_before, rows_before = entry_pass.effect(_holders())
        counts_before = {str(title): count for title, count, _share in rows_before}

    activity = ActivityPage.objects.filter(locale__language_code="ja").first()
    for user, when in ((joined, now), (before, now - timedelta(days=10))):
        signup = ActivitySignup.objects.create(activity=activity, user=user, status="confirmed")
        ActivitySignup.objects.filter(pk=signup.pk).update(created_at=when)
        ConsultationFactory(user=user, created_at=when)

    with translation.override("en"):
        total, rows = entry_pass.effect(_holders())
        counts = {str(title): count for title, count, _share in rows}
        share = {str(title): s for title, _count, s in rows}["Consulted the city"]
    assert total == total_before
    assert counts["Signed up for an activity"] == counts_before["Signed up for an activity"] + 1
    assert counts["Consulted the city"] == counts_before["Consulted the city"] + 1
    assert share == round(100 * counts["Consulted the city"] / total, 1)
