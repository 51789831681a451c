"""My page, the card and its check, benefits, the member's own data, consent."""

import csv
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core import signing

from home.models import SiteSettings
from members import services
from members.models import ActivitySignup, Benefit, Membership
from tests.factories import UserFactory
from tests.factories.members import MembershipFactory, add_activity
from tests.factories.passes import PassFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def member(demo_site):
    return MembershipFactory(user=UserFactory(first_name="花子", last_name="山田"))


def test_my_page_shows_the_card_and_is_never_cached(client, member):
    client.force_login(member.user)
    response = client.get("/ja/members/my/")
    html = response.content.decode()
    assert member.member_number in html
    assert "<svg" in html and "会員証" in html
    assert "no-store" in response["Cache-Control"]


def test_my_page_needs_a_login_and_a_membership(client, demo_site):
    response = client.get("/ja/members/my/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get("/ja/members/my/")["Location"] == "/ja/members/register/"


def test_the_card_qr_opens_a_check_with_validity_and_the_name_partly_hidden(client, member):
    token = services.card_token(member)
    response = client.get(f"/ja/members/card/{token}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "有効" in html and "山○ 花○" in html
    assert "花子" not in html and "山田" not in html and member.user.email not in html
    assert member.member_number not in html
    # The signed value is a random key, not the member's number or id.
    assert signing.loads(token, salt=services.CARD_SALT) == member.card_key


def test_a_forged_or_withdrawn_card_is_not_valid(client, member):
    forged = signing.dumps(member.card_key, salt="other")
    assert client.get(f"/ja/members/card/{forged}/").status_code == 404
    token = services.card_token(member)
    Membership.objects.filter(pk=member.pk).update(status=Membership.Status.WITHDRAWN)
    assert "無効" in client.get(f"/ja/members/card/{token}/").content.decode()


def test_members_see_the_benefits_that_apply_visitors_a_teaser(client, member):
    nozei = Benefit.objects.get(title="ふるさと納税返礼品の先行案内")
    everyone = Benefit.objects.get(title="市内協力店でのお買い物10%割引")
    visitor = client.get("/ja/members/benefits/").content.decode()
    assert everyone.title in visitor and "ふるさと住民に登録する" in visitor
    assert everyone.how_to_use not in visitor
    client.force_login(member.user)
    html = client.get("/ja/members/benefits/").content.decode()
    assert everyone.how_to_use in html
    assert nozei.title not in html  # only for furusato nozei donors
    member.relationships = ["nozei"]
    member.save()
    assert nozei.title in client.get("/ja/members/benefits/").content.decode()


def test_benefits_out_of_their_dates_are_hidden(member):
    from datetime import date

    benefit = Benefit.objects.get(title="市内協力店でのお買い物10%割引")
    benefit.valid_until = date(2020, 1, 1)
    benefit.save()
    titles = [b.title for b in services.benefits_for(member, benefit.locale)]
    assert benefit.title not in titles


def test_profile_changes_are_saved_and_undeclared_fields_ignored(client, member):
    client.force_login(member.user)
    response = client.post(
        "/ja/members/my/profile/",
        {
            "last_name": "山田",
            "first_name": "花",
            "residence_prefecture": "01",
            "residence_municipality": "01101",
            "age_band": "40s",
            "relationships": ["born"],
            "interests": ["events"],
            "newsletter": "on",
            "is_staff": "on",
            "member_number": "TMK-999999",
            "status": "withdrawn",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    member.user.refresh_from_db()
    assert member.newsletter and member.relationships == ["born"]
    assert member.residence_municipality == "01101"
    assert member.status == Membership.Status.ACTIVE and not member.user.is_staff
    assert member.member_number != "TMK-999999"


def test_data_download_as_json_and_csv(client, member, activity_index):
    services.sign_up(add_activity(activity_index), member.user)
    client.force_login(member.user)
    response = client.get("/ja/members/my/data.json")
    data = json.loads(response.content)
    assert data["account"]["email"] == member.user.email
    assert data["membership"]["member_number"] == member.member_number
    assert len(data["activity_signups"]) == 1
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.reader(io.StringIO(client.get("/ja/members/my/data.csv").content.decode())))
    assert ["membership", "", "member_number", member.member_number] in rows


def test_csv_download_escapes_formulas(client, member):
    member.relationship_note = "=HYPERLINK(1)"
    member.save()
    client.force_login(member.user)
    assert "'=HYPERLINK(1)" in client.get("/ja/members/my/data.csv").content.decode()


def test_deleting_the_account_erases_personal_data_and_keeps_counts(client, member, activity_index):
    activity = add_activity(activity_index, capacity=1)
    services.sign_up(activity, member.user)
    waiting = MembershipFactory()
    services.sign_up(activity, waiting.user)
    client.force_login(member.user)
    assert client.post("/ja/members/my/delete/", {}).status_code == 200  # must confirm
    response = client.post("/ja/members/my/delete/", {"confirm": "on"})
    assert response["Location"] == "/ja/members/deleted/"
    assert not User.objects.filter(pk=member.user_id).exists()
    kept = Membership.objects.get(pk=member.pk)
    assert kept.user is None and kept.status == Membership.Status.WITHDRAWN
    assert kept.member_number == member.member_number and kept.name_kana == ""
    assert ActivitySignup.objects.get(user=waiting.user).status == "confirmed"  # moved up


def test_a_new_privacy_policy_version_asks_for_consent_again(client, member, demo_site):
    site_settings = SiteSettings.for_site(demo_site)
    site_settings.privacy_policy_version = "2027-04"
    site_settings.save()
    client.force_login(member.user)
    response = client.get("/ja/members/my/")
    assert response["Location"].startswith("/ja/members/my/consent/")
    assert client.get("/ja/members/my/data.json").status_code == 200  # still allowed
    client.post("/ja/members/my/consent/?next=https://evil.example/", {"consent": "on"})
    member.refresh_from_db()
    assert member.privacy_policy_version == "2027-04"
    assert client.get("/ja/members/my/").status_code == 200


def test_reconsent_emails_go_once_per_version(member, demo_site, mailoutbox):
    site_settings = SiteSettings.for_site(demo_site)
    site_settings.privacy_policy_version = "2027-04"
    site_settings.save()
    sent = services.request_reconsent()
    assert sent >= 1
    assert any(m.to == [member.user.email] for m in mailoutbox)
    assert services.request_reconsent() == 0


def test_consent_redirect_refuses_other_sites(client, member, demo_site):
    site_settings = SiteSettings.for_site(demo_site)
    site_settings.privacy_policy_version = "2027-04"
    site_settings.save()
    client.force_login(member.user)
    response = client.post("/ja/members/my/consent/?next=https://evil.example/", {"consent": "on"})
    assert response["Location"] == "/ja/members/my/"


def test_english_my_page(client, member):
    client.force_login(member.user)
    html = client.get("/en/members/my/").content.decode()
    assert "Membership card" in html and 'lang="en"' in html


def test_a_member_with_an_entry_pass_finds_it_on_my_page(client, demo_site):
    holder = PassFactory().user
    MembershipFactory(user=holder)
    client.force_login(holder)
    assert 'href="/ja/pass/"' in client.get("/ja/members/my/").content.decode()


def test_deleting_frees_places_in_ongoing_activities(member, activity_index):
    ongoing = add_activity(activity_index, capacity=1)
    ongoing.start = ongoing.end = None
    ongoing.schedule_note = "毎週土曜"
    ongoing.save()
    services.sign_up(ongoing, member.user)
    waiting = MembershipFactory()
    services.sign_up(ongoing, waiting.user)
    services.delete_account(member.user)
    assert ActivitySignup.objects.get(user=waiting.user).status == "confirmed"


def test_benefits_not_translated_show_in_japanese_marked_as_japanese(client, member):
    """A Korean or Chinese visitor sees every benefit: the translated ones in their language,
    the others as the Japanese original marked lang="ja" — never "no benefits"."""
    from wagtail.models import Locale

    everyone = Benefit.objects.get(title="市内協力店でのお買い物10%割引")
    korean = everyone.copy_for_translation(Locale.objects.get(language_code="ko"))
    korean.title = "시내 협력 점포 쇼핑 10% 할인"
    korean.save()
    html = client.get("/ko/members/benefits/").content.decode()
    assert "시내 협력 점포 쇼핑 10% 할인" in html
    assert everyone.title not in html  # translated: the original is not shown twice
    others = Benefit.current(Locale.objects.get(language_code="ja")).exclude(pk=everyone.pk)
    assert others.exists()
    for benefit in others:
        if not benefit.audience_relationships and not benefit.audience_tier:
            assert f'<h3 class="benefit__title" lang="ja">{benefit.title}</h3>' in html
    chinese = client.get("/zh-hans/members/benefits/").content.decode()
    assert f'<h3 class="benefit__title" lang="ja">{everyone.title}</h3>' in chinese
    assert "There are no benefits" not in chinese


def test_the_sections_other_apps_add_keep_their_place(client, member):
    """The consultation list and the Entry Pass, which their apps add to My page
    (members.my_page), come after the benefits and before "My details and data", the
    consultations first; a member with neither still sees the (empty) consultation list."""
    from tests.factories.consultations import ConsultationFactory

    client.force_login(member.user)
    html = client.get("/en/members/my/").content.decode()
    assert 'id="consultations-title"' in html and "You have not sent a consultation yet." in html
    assert 'id="pass-title"' not in html
    entry_pass = PassFactory(user=member.user)
    consultation = ConsultationFactory(user=member.user)
    html = client.get("/en/members/my/").content.decode()
    assert entry_pass.number in html and consultation.reference in html
    titles = ("benefits-title", "consultations-title", "pass-title", "data-title")
    places = [html.index(f'id="{title}"') for title in titles]
    assert places == sorted(places)


def test_an_account_with_only_a_consultation_sees_it_on_my_page(client, demo_site):
    from tests.factories.consultations import ConsultationFactory

    consultation = ConsultationFactory(user=UserFactory())
    client.force_login(consultation.user)
    response = client.get("/en/members/my/")
    assert response.status_code == 200
    html = response.content.decode()
    assert consultation.reference in html and 'id="join-title"' in html
    assert 'id="pass-title"' not in html
