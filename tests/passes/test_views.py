"""The public pages, the application, both counter flows, privacy and the query budget."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from passes import services
from passes.models import Partner, Pass, PassStatus, Use
from tests.factories import UserFactory
from tests.factories.passes import OfferFactory, PartnerStaffFactory, PassFactory
from tests.passes.conftest import application, form_value

pytestmark = pytest.mark.django_db


# -- public pages ----------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_landing_directory_and_partner_pages(client, demo_site, lang):
    landing = client.get(f"/{lang}/entry-pass/")
    assert landing.status_code == 200
    assert "/pass/apply/" in landing.content.decode()
    directory = client.get(f"/{lang}/entry-pass/partners/")
    html = directory.content.decode()
    partners = Partner.objects.filter(locale__language_code=lang, active=True)
    assert partners.count() >= 12
    assert len({p.category for p in partners}) == 8  # every category has a partner
    for partner in partners:
        assert partner.name in html
    page = client.get(f"/{lang}/entry-pass/partners/hokkitei/")
    assert page.status_code == 200
    hokkitei = partners.get(slug="hokkitei")
    assert hokkitei.name in page.content.decode()
    assert hokkitei.offers.first().title in page.content.decode()
    assert client.get(f"/{lang}/entry-pass/partners/no-such-partner/").status_code == 404


def test_directory_filters_by_category(client, demo_site):
    html = client.get("/en/entry-pass/partners/?category=rental_cycle").content.decode()
    assert "Ferry Terminal Cycle Rental" in html
    assert "Hokkitei" not in html


# -- getting a pass --------------------------------------------------------------------------
def test_apply_verify_email_then_the_pass_is_active(client, demo_site):
    response = client.post("/ja/pass/apply/", application())
    assert response.status_code == 302
    assert response["Location"] == "/ja/pass/apply/sent/"
    entry_pass = Pass.objects.get(user__email="newvisitor@example.jp")
    assert entry_pass.status == PassStatus.PENDING
    assert entry_pass.party_size == 2
    # The margin: one day either side of the stay by default.
    assert entry_pass.valid_from == entry_pass.stay_from - timedelta(days=1)
    assert entry_pass.valid_until == entry_pass.stay_until + timedelta(days=1)
    link = re.search(r"https?://\S+/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    path = link.split("testserver", 1)[-1]
    client.post(path)
    entry_pass.refresh_from_db()
    assert entry_pass.status == PassStatus.ACTIVE and entry_pass.issued_at
    page = client.get("/ja/pass/")  # the same browser is logged in
    assert page.status_code == 200
    assert entry_pass.number in page.content.decode()
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]


@override_settings(ENTRY_PASS_MARGIN_DAYS=3)
def test_margin_is_a_setting(client, demo_site):
    user = UserFactory()
    client.force_login(user)
    data = application()
    data.pop("email")
    assert client.post("/en/pass/apply/", data).status_code == 302
    entry_pass = Pass.objects.get(user=user)
    assert entry_pass.status == PassStatus.ACTIVE  # verified account: active at once
    assert entry_pass.valid_from == entry_pass.stay_from - timedelta(days=3)


def test_residents_of_the_city_cannot_get_a_pass(client, demo_site):
    response = client.post(
        "/en/pass/apply/",
        application(residence_prefecture="01", residence_municipality="01213"),
    )
    assert response.status_code == 400
    assert "live outside the city" in response.content.decode()
    assert not Pass.objects.filter(user__email="newvisitor@example.jp").exists()


def test_bad_stays_get_clear_messages(client, demo_site):
    today = timezone.localdate()
    response = client.post(
        "/en/pass/apply/",
        application(
            stay_from=today.isoformat(), stay_until=(today - timedelta(days=1)).isoformat()
        ),
    )
    assert "The last day must be on or after the first day." in response.content.decode()
    response = client.post(
        "/en/pass/apply/",
        application(stay_until=(today + timedelta(days=200)).isoformat()),
    )
    assert "at most 90 days" in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    assert 'aria-describedby="id_stay_until_error"' in response.content.decode()


def test_a_taken_address_gets_the_same_answer_and_no_pass(client, demo_site):
    owner = UserFactory(email="taken@example.jp")
    response = client.post("/ja/pass/apply/", application(email="taken@example.jp"))
    assert response["Location"] == "/ja/pass/apply/sent/"
    assert not Pass.objects.filter(user=owner).exists()


def test_one_open_pass_per_person(client, demo_site):
    entry_pass = PassFactory()
    client.force_login(entry_pass.user)
    assert client.get("/en/pass/apply/")["Location"] == "/en/pass/"
    data = application()
    data.pop("email")
    client.post("/en/pass/apply/", data)
    assert Pass.objects.filter(user=entry_pass.user).count() == 1
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        PassFactory(user=entry_pass.user, status=PassStatus.PENDING)


def test_an_expired_pass_does_not_block_a_new_one(client, demo_site):
    today = timezone.localdate()
    old = PassFactory(
        stay_from=today - timedelta(days=9),
        stay_until=today - timedelta(days=7),
        valid_from=today - timedelta(days=10),
        valid_until=today - timedelta(days=6),
    )
    client.force_login(old.user)
    data = application()
    data.pop("email")
    assert client.post("/en/pass/apply/", data)["Location"] == "/en/pass/"
    old.refresh_from_db()
    assert old.status == PassStatus.EXPIRED
    assert Pass.objects.filter(user=old.user, status=PassStatus.ACTIVE).count() == 1


# -- the visitor scans the partner's poster --------------------------------------------------
def _use_through_poster(client, partner, offer, lang="en"):
    url = f"/{lang}/pass/p/{services.poster_token(partner)}/"
    html = client.get(url).content.decode()
    nonce = form_value(html, "nonce")
    return url, nonce, client.post(url, {"offer": offer.pk, "nonce": nonce})


def test_visitor_uses_an_offer_through_the_poster_and_a_double_tap_is_harmless(client, counter):
    client.force_login(counter["pass"].user)
    url, nonce, response = _use_through_poster(client, counter["partner"], counter["offer"])
    assert response.status_code == 302
    again = client.post(url, {"offer": counter["offer"].pk, "nonce": nonce})
    assert again["Location"] == response["Location"]  # the same completion screen
    assert Use.objects.filter(offer=counter["offer"]).count() == 1
    done = client.get(response["Location"])
    html = done.content.decode()
    assert counter["offer"].title in html and counter["partner"].name in html
    assert "data-live-clock" in html
    assert "no-store" in done["Cache-Control"]
    # The partner's page now shows the offer as used, and a new tap is refused clearly.
    html = client.get(url).content.decode()
    assert "offer--used" in html
    assert f'name="offer" value="{counter["offer"].pk}"' not in html  # no Use button


def test_poster_offers_of_another_partner_are_refused(client, counter):
    other = OfferFactory(limit_per_pass="unlimited")
    client.force_login(counter["pass"].user)
    url = f"/en/pass/p/{services.poster_token(counter['partner'])}/"
    nonce = form_value(client.get(url).content.decode(), "nonce")
    response = client.post(url, {"offer": other.pk, "nonce": nonce})
    assert response.status_code == 409
    assert "belongs to another partner" in response.content.decode()
    assert not Use.objects.filter(offer=other).exists()


def test_refusals_are_in_the_visitors_language(client, counter):
    client.force_login(counter["pass"].user)
    services.redeem_offer(counter["pass"].pk, counter["offer"], via="poster")
    url = f"/ja/pass/p/{services.poster_token(counter['partner'])}/"
    nonce = services.new_use_nonce()  # a Use form opened before the other use
    response = client.post(url, {"offer": counter["offer"].pk, "nonce": nonce})
    assert "この優待は、このパスですでに使われています。" in response.content.decode()


def test_tampered_poster_url_and_wrong_short_codes_are_rate_limited(client, counter):
    client.force_login(counter["pass"].user)
    token = services.poster_token(counter["partner"])
    assert client.get(f"/en/pass/p/{token}x/").status_code == 404
    response = client.post("/en/pass/use/", {"code": counter["partner"].short_code})
    assert response.status_code == 302
    messages = []
    for _ in range(12):
        messages.append(client.post("/en/pass/use/", {"code": "QQQQQQ"}).content.decode())
    assert "No partner has this code." in messages[0]
    assert "Too many wrong codes" in messages[-1]
    # Once blocked, even the right code waits.
    blocked = client.post("/en/pass/use/", {"code": counter["partner"].short_code})
    assert blocked.status_code == 400


def test_completion_screen_of_someone_else_is_404(client, counter):
    use = services.redeem_offer(counter["pass"].pk, counter["offer"], via="poster").use
    client.force_login(UserFactory())
    assert client.get(f"/en/pass/done/{use.pk}/").status_code == 404


def test_using_an_offer_costs_at_most_10_queries(client, counter, django_assert_max_num_queries):
    offer = OfferFactory(partner=counter["partner"], limit_per_pass="unlimited")
    client.force_login(counter["pass"].user)
    url = f"/en/pass/p/{services.poster_token(counter['partner'])}/"
    nonce = form_value(client.get(url).content.decode(), "nonce")
    client.post(url, {"offer": offer.pk, "nonce": nonce})  # warm-up
    nonce = form_value(client.get(url).content.decode(), "nonce")
    with django_assert_max_num_queries(10):
        response = client.post(url, {"offer": offer.pk, "nonce": nonce})
    assert response.status_code == 302


# -- partner staff ---------------------------------------------------------------------------
def _staff_post(client, code, offer, lang="en"):
    html = client.get(f"/{lang}/pass/staff/").content.decode()
    nonce = form_value(html, "nonce")
    data = {"code": code, "offer": offer.pk, "nonce": nonce}
    return data, client.post(f"/{lang}/pass/staff/", data)


def test_staff_screen_needs_a_partner_staff_login(client, counter):
    assert client.get("/en/pass/staff/").status_code == 302  # to the login
    client.force_login(counter["pass"].user)
    assert client.get("/en/pass/staff/").status_code == 404


def test_staff_use_the_visitors_code_once_and_see_no_personal_data(client, counter):
    client.force_login(counter["staff"].user)
    code = services.pass_code(counter["pass"])
    data, response = _staff_post(client, code, counter["offer"])
    assert response.status_code == 302
    assert Use.objects.filter(offer=counter["offer"], via="staff").count() == 1
    again = client.post("/en/pass/staff/", data)  # double tap
    assert again["Location"] == response["Location"]
    assert Use.objects.filter(offer=counter["offer"]).count() == 1
    offer2 = OfferFactory(partner=counter["partner"], limit_per_pass="unlimited")
    _data, replay = _staff_post(client, code, offer2)  # the same code again
    assert "already been used" in replay.content.decode()
    user = counter["pass"].user
    for page in (client.get(response["Location"]), client.get("/en/pass/staff/"), replay):
        html = page.content.decode()
        for secret in (user.email, user.first_name, user.last_name, "Shinjuku", "新宿"):
            assert secret not in html
        assert "no-store" in page["Cache-Control"]
    assert "<td>1</td>" in client.get("/en/pass/staff/").content.decode()  # own counts


def test_staff_of_one_partner_cannot_use_or_see_anothers_offers(client, counter):
    other_staff = PartnerStaffFactory()
    other_offer = OfferFactory(partner=other_staff.partner, title="よその優待")
    client.force_login(counter["staff"].user)
    assert "よその優待" not in client.get("/en/pass/staff/").content.decode()
    code = services.pass_code(counter["pass"])
    _data, response = _staff_post(client, code, other_offer)
    assert response.status_code == 400
    assert not Use.objects.filter(offer=other_offer).exists()
    theirs = services.redeem_offer(
        PassFactory().pk, other_offer, via="staff", partner=other_staff.partner
    ).use
    assert client.get(f"/en/pass/staff/done/{theirs.pk}/").status_code == 404
    assert "よその優待" not in client.get("/en/pass/staff/").content.decode()


def test_wrong_pass_codes_are_rate_limited_for_staff(client, counter):
    client.force_login(counter["staff"].user)
    last = ""
    for _ in range(11):
        _data, response = _staff_post(client, "AAAAAA-000000", counter["offer"])
        last = response.content.decode()
    assert "Too many wrong codes" in last
    _data, response = _staff_post(client, services.pass_code(counter["pass"]), counter["offer"])
    assert response.status_code == 400  # blocked for a minute, even with the right code
    assert not Use.objects.exists() or not Use.objects.filter(offer=counter["offer"]).exists()


def test_expired_code_message_for_staff(client, counter):
    client.force_login(counter["staff"].user)
    old = services.pass_code(counter["pass"], timezone.now() - timedelta(minutes=3))
    _data, response = _staff_post(client, old, counter["offer"], lang="ja")
    assert response.status_code == 400
    assert "有効期限" in response.content.decode()


# -- the holder's pass -----------------------------------------------------------------------
def test_pass_page_shows_a_rotating_code_and_qr(client, counter):
    client.force_login(counter["pass"].user)
    html = client.get("/en/pass/").content.decode()
    assert services.pass_code(counter["pass"]) in html
    assert "<svg" in html
    data = client.get("/en/pass/code.json").json()
    assert data["code"] == services.pass_code(counter["pass"])
    client.force_login(UserFactory())
    assert client.get("/en/pass/code.json").status_code == 404


def test_an_open_pass_asking_again_gets_a_short_answer_until_its_code_changes(client, counter):
    """passes.js asks every few seconds with the window and generation of the code on screen:
    while they are current the answer carries no code and no QR drawing; once a counter has
    accepted the code (a new generation) the answer is the new code."""
    entry_pass = counter["pass"]
    client.force_login(entry_pass.user)
    first = client.get("/en/pass/code.json").json()
    known = {"window": first["window"], "generation": first["generation"]}
    again = client.get("/en/pass/code.json", known).json()
    if again.get("unchanged") is None:  # the minute turned over between the two requests
        known["window"] = again["window"]
        again = client.get("/en/pass/code.json", known).json()
    assert again["unchanged"] is True and "code" not in again and "svg" not in again
    entry_pass.code_generation += 1
    entry_pass.save(update_fields=["code_generation"])
    moved = client.get("/en/pass/code.json", known).json()
    assert moved["code"] == services.pass_code(entry_pass) != first["code"]
    assert "<svg" in moved["svg"]


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        ("/ja/entry-pass/", 12),
        ("/en/entry-pass/", 12),
        ("/ja/entry-pass/partners/", 12),
        ("/en/entry-pass/partners/?category=restaurant", 12),
        ("/en/entry-pass/partners/hokkitei/", 12),
    ],
)
def test_public_page_query_budgets(client, demo_site, django_assert_max_num_queries, url, budget):
    client.get(url)  # warm-up
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200


def test_staff_and_holder_lists_are_in_the_visitors_language(client, counter):
    from tests.passes.conftest import translate_offer

    english = translate_offer(counter["offer"])
    services.redeem_offer(counter["pass"].pk, counter["offer"], via="poster")
    client.force_login(counter["staff"].user)
    assert english.title in client.get("/en/pass/staff/").content.decode()
    assert counter["offer"].title in client.get("/ja/pass/staff/").content.decode()
    client.force_login(counter["pass"].user)
    html = client.get("/en/pass/").content.decode()
    assert english.title in html and english.partner.name in html
