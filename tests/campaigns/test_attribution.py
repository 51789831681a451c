"""Attribution: the last tracking link or UTM set within the window is stored, once, on each
registration, pass, offer use, consultation and activity sign-up the visitor makes."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from campaigns.models import Conversion
from consultations.models import Consultation
from members.models import ActivitySignup, Membership
from passes.models import Pass, Use
from tests.campaigns.test_tracking import IPHONE, _without_demo_figures  # noqa: F401
from tests.consultations.conftest import confirm_and_send
from tests.factories import UserFactory
from tests.factories.campaigns import CampaignPageFactory, TrackingLinkFactory
from tests.factories.members import MembershipFactory, add_activity
from tests.factories.passes import OfferFactory, PartnerStaffFactory, PassFactory
from tests.members.test_registration import register
from tests.passes.conftest import application
from tests.passes.test_views import _staff_post, _use_through_poster

pytestmark = pytest.mark.django_db


def click(client, link):
    response = client.get(f"/go/{link.code}", HTTP_USER_AGENT=IPHONE)
    assert response.status_code == 302
    return response


def conversions(kind):
    return list(Conversion.objects.filter(kind=kind))


def test_a_registration_after_a_click_is_credited_to_the_link_once(client, demo_site):
    link = TrackingLinkFactory(channel="instagram")
    click(client, link)
    assert register(client).status_code == 302
    membership = Membership.objects.get(user__email="hanako@example.jp")
    [conversion] = conversions("registration")
    assert conversion.object_id == str(membership.pk)
    assert conversion.link == link and conversion.creator == link.creator
    assert conversion.campaign == link.campaign and conversion.channel == "instagram"
    # Saving the membership again (verification, edits) adds nothing.
    membership.save()
    assert len(conversions("registration")) == 1


def test_without_a_source_nothing_is_credited(client, demo_site):
    register(client)
    assert Membership.objects.filter(user__email="hanako@example.jp").exists()
    assert not Conversion.objects.exists()


def test_the_window_is_thirty_days_by_default(client, demo_site):
    link = TrackingLinkFactory()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        click(client, link)
    with time_machine.travel(start + timedelta(days=31)):
        register(client)
    assert not Conversion.objects.exists()

    other = UserFactory()
    with time_machine.travel(start, tick=False):
        click(client, link)
    with time_machine.travel(start + timedelta(days=29, hours=23)):
        client.force_login(other)  # (a session from 30 days ago would have expired)
        response = client.post("/ja/pass/apply/", application(email=other.email))
        assert response.status_code == 302, response.content.decode()[:3000]
        assert Pass.objects.filter(user=other).exists(), response["Location"]
    [conversion] = conversions("entry_pass")
    assert conversion.object_id == str(Pass.objects.get(user=other).pk)
    assert conversion.touched_at.date() == start.date()


def test_the_window_is_a_setting(client, demo_site, settings):
    settings.CAMPAIGN_ATTRIBUTION_DAYS = 7
    link = TrackingLinkFactory()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        click(client, link)
    with time_machine.travel(start + timedelta(days=8)):
        register(client)
    assert not Conversion.objects.exists()


def test_the_last_source_wins(client, demo_site):
    first = TrackingLinkFactory(channel="instagram")
    second = TrackingLinkFactory(channel="x")
    click(client, first)
    click(client, second)
    register(client)
    assert conversions("registration")[0].link == second
    # A later UTM visit replaces the link as the source.
    campaign = CampaignPageFactory(code="utm-wins")
    client.get("/ja/", {"utm_source": "line", "utm_campaign": "utm-wins"}, HTTP_USER_AGENT=IPHONE)
    member = MembershipFactory()
    client.force_login(member.user)
    activity = add_activity(_activity_index(), capacity=5)
    client.post(f"/ja/members/activities/{activity.pk}/signup/")
    [signup] = conversions("activity_signup")
    assert signup.link is None and signup.campaign == campaign and signup.channel == "line"
    assert signup.object_id == str(ActivitySignup.objects.get(user=member.user).pk)


def _activity_index():
    from members.models import ActivityIndexPage

    return ActivityIndexPage.objects.get(locale__language_code="ja")


def test_an_activity_sign_up_counts_once_even_after_cancel_and_sign_up_again(client, demo_site):
    link = TrackingLinkFactory()
    member = MembershipFactory()
    activity = add_activity(_activity_index(), capacity=5)
    client.force_login(member.user)
    click(client, link)
    client.post(f"/ja/members/activities/{activity.pk}/signup/")
    client.post(f"/ja/members/activities/{activity.pk}/signup/")  # a double tap
    signup = ActivitySignup.objects.get(user=member.user, activity=activity)
    client.post(f"/ja/members/signups/{signup.pk}/cancel/")
    client.post(f"/ja/members/activities/{activity.pk}/signup/")
    # One conversion per sign-up row (the double tap made no second row).
    rows = {
        str(pk)
        for pk in ActivitySignup.objects.filter(user=member.user).values_list("pk", flat=True)
    }
    assert sorted(c.object_id for c in conversions("activity_signup")) == sorted(rows)
    assert str(signup.pk) in rows


def test_a_web_consultation_is_credited_once(client, demo_site):
    link = TrackingLinkFactory(channel="line")
    click(client, link)
    response, _token, _data = confirm_and_send(client)
    assert response.status_code in (200, 302)
    consultation = Consultation.objects.latest("pk")
    [conversion] = conversions("consultation")
    assert conversion.object_id == str(consultation.pk) and conversion.link == link


def test_a_consultation_entered_by_staff_is_not_credited_to_their_browser(client, demo_site):
    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.get(email="consult@example.jp")
    client.force_login(staff)
    click(client, TrackingLinkFactory())
    response = client.post(
        "/admin/consultations/new/",
        {
            "channel": "phone",
            "place_kind": "desk",
            "created_at": "2026-06-14T13:30",
            "topics": ["two_region"],
            "message": "電話で冬の暮らしについて相談。",
            "residence_prefecture": "13",
            "status": "resolved",
            "language": "ja",
        },
    )
    assert response.status_code == 302
    assert not conversions("consultation")


def test_an_offer_used_through_the_poster_is_credited_to_the_visitor(client, demo_site):
    staff = PartnerStaffFactory()
    offer = OfferFactory(partner=staff.partner, limit_per_pass="once")
    entry_pass = PassFactory()
    link = TrackingLinkFactory(channel="tiktok")
    click(client, link)
    client.force_login(entry_pass.user)
    _url, _nonce, response = _use_through_poster(client, staff.partner, offer)
    assert response.status_code == 302
    use = Use.objects.get(offer=offer)
    [conversion] = conversions("offer_use")
    assert conversion.object_id == str(use.pk) and conversion.link == link


def test_an_offer_used_at_the_staff_screen_takes_the_passes_source(client, demo_site):
    from passes import services

    staff = PartnerStaffFactory()
    offer = OfferFactory(partner=staff.partner, limit_per_pass="once")
    visitor = UserFactory()
    link = TrackingLinkFactory(channel="youtube")
    click(client, link)
    client.force_login(visitor)
    client.post("/ja/pass/apply/", application(email=visitor.email))
    entry_pass = Pass.objects.get(user=visitor)
    entry_pass.status = "active"
    entry_pass.save()
    client.logout()
    # The partner's staff browser followed another link: it must not take the credit.
    staff_link = TrackingLinkFactory(channel="x")
    click(client, staff_link)
    client.force_login(staff.user)
    _data, response = _staff_post(client, services.pass_code(entry_pass), offer)
    assert response.status_code == 302
    [conversion] = conversions("offer_use")
    assert conversion.link == link
    # A pass that came from no campaign gives its uses no source.
    other_offer = OfferFactory(partner=staff.partner, limit_per_pass="once")
    plain = PassFactory()
    _data, response = _staff_post(client, services.pass_code(plain), other_offer)
    assert response.status_code == 302
    assert len(conversions("offer_use")) == 1


def test_every_kind_is_counted_once_per_object(demo_site):
    from django.db import IntegrityError, transaction

    from tests.factories.campaigns import ConversionFactory

    first = ConversionFactory(kind="entry_pass", object_id="42")
    with pytest.raises(IntegrityError), transaction.atomic():
        ConversionFactory(kind="entry_pass", object_id="42", link=first.link)
    ConversionFactory(kind="registration", object_id="42", link=first.link)  # another kind
    assert Conversion.objects.filter(object_id="42").count() == 2


def test_no_personal_data_travels_in_the_url_or_the_cookie(client, demo_site):
    from campaigns.attribution import COOKIE_NAME

    link = TrackingLinkFactory()
    response = click(client, link)
    assert "@" not in response["Location"]
    client.force_login(UserFactory(email="secret-person@example.jp"))
    register_response = client.get("/ja/")
    cookie = client.cookies[COOKIE_NAME].value
    assert "secret" not in cookie and "example.jp" not in cookie
    assert COOKIE_NAME not in register_response.cookies  # not rewritten without a new source
