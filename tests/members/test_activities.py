"""Activities: sign-up and cancel, capacity and the waiting list, check-in, the fiscal-year
count toward the premium tier, reminders."""

from datetime import date, timedelta
from unittest import mock

import pytest
from django.utils import timezone
from wagtail.models import Locale

from core.japan_time import fiscal_year_start
from members import services
from members.models import ActivitySignup
from tests.factories import UserFactory
from tests.factories.members import MembershipFactory, add_activity

pytestmark = pytest.mark.django_db


def starting_now():
    """An activity starting in half an hour: check-in is open (see test_checkin_window)."""
    return timezone.now() + timedelta(minutes=30)


def test_sign_up_and_cancel_through_the_page(client, activity_index, mailoutbox):
    member = MembershipFactory()
    activity = add_activity(activity_index, capacity=5)
    client.force_login(member.user)
    page = client.get(activity.url)
    assert "この活動に申し込む" in page.content.decode()
    client.post(f"/ja/members/activities/{activity.pk}/signup/")
    client.post(f"/ja/members/activities/{activity.pk}/signup/")  # a double tap
    signups = ActivitySignup.objects.filter(activity=activity, user=member.user)
    assert signups.count() == 1 and signups.get().status == "confirmed"
    assert "申し込み済みです" in client.get(activity.url).content.decode()
    client.post(f"/ja/members/signups/{signups.get().pk}/cancel/")
    assert signups.get().status == "cancelled"


def test_only_active_members_can_sign_up(client, activity_index):
    activity = add_activity(activity_index)
    client.force_login(UserFactory())
    assert client.post(f"/ja/members/activities/{activity.pk}/signup/").status_code == 404
    pending = MembershipFactory(activate=False)
    client.force_login(pending.user)
    assert client.post(f"/ja/members/activities/{activity.pk}/signup/").status_code == 404
    assert not ActivitySignup.objects.filter(activity=activity).exists()


def test_when_full_members_wait_and_move_up_with_an_email(
    activity_index, mailoutbox, django_capture_on_commit_callbacks
):
    activity = add_activity(activity_index, capacity=1)
    first, second = MembershipFactory(), MembershipFactory()
    with django_capture_on_commit_callbacks(execute=True):
        signup, _ = services.sign_up(activity, first.user)
        waiting, _ = services.sign_up(activity, second.user)
    assert signup.status == "confirmed" and waiting.status == "waitlisted"
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_signup(signup)
    waiting.refresh_from_db()
    assert waiting.status == "confirmed" and waiting.promoted_at
    assert [m.to for m in mailoutbox] == [[second.user.email]]
    assert "参加が確定" in mailoutbox[0].subject
    assert second.user.member_notices.exists()


def test_another_members_sign_up_is_404(client, activity_index):
    activity = add_activity(activity_index)
    owner, other = MembershipFactory(), MembershipFactory()
    signup, _ = services.sign_up(activity, owner.user)
    client.force_login(other.user)
    assert client.post(f"/ja/members/signups/{signup.pk}/cancel/").status_code == 404
    signup.refresh_from_db()
    assert signup.status == "confirmed"


def test_english_sign_up_counts_for_the_japanese_activity(client, activity_index):
    english = activity_index.get_children().live().first().specific
    english_page = english.get_translation(Locale.objects.get(language_code="en"))
    member = MembershipFactory()
    client.force_login(member.user)
    client.post(f"/en/members/activities/{english_page.pk}/signup/")
    assert ActivitySignup.objects.filter(user=member.user, activity=english).exists()


def test_check_in_by_code_needs_the_organizer_permission(client, activity_index):
    activity = add_activity(activity_index, designated=True, start=starting_now())
    member = MembershipFactory()
    signup, _ = services.sign_up(activity, member.user)
    client.force_login(member.user)
    assert client.post("/ja/members/checkin/", {"code": signup.checkin_code}).status_code == 403
    client.force_login(UserFactory(groups=["Contractor editors"]))
    response = client.post("/ja/members/checkin/", {"code": signup.checkin_code.lower()})
    assert "チェックインしました" in response.content.decode()
    assert member.user.email not in response.content.decode()
    signup.refresh_from_db()
    first = signup.attended_at
    assert first is not None
    again = client.post("/ja/members/checkin/", {"code": signup.checkin_code})
    assert "チェックイン済み" in again.content.decode()
    signup.refresh_from_db()
    assert signup.attended_at == first
    wrong = client.post("/ja/members/checkin/", {"code": "ZZZZZZZZ"})
    assert "このコードの申し込みはありません" in wrong.content.decode()


def test_designated_activities_attended_this_fiscal_year(activity_index):
    member = MembershipFactory()
    designated = add_activity(activity_index, designated=True, start=starting_now())
    other = add_activity(activity_index, designated=False, start=starting_now())
    for activity in (designated, other):
        signup, _ = services.sign_up(activity, member.user)
        services.check_in(signup.checkin_code)
    assert services.designated_attended_this_year(member.user) == 1
    # Attendance before this April belongs to last fiscal year.
    ActivitySignup.objects.filter(user=member.user).update(
        attended_at=timezone.make_aware(
            timezone.datetime.combine(
                fiscal_year_start() - timedelta(days=1), timezone.datetime.min.time()
            )
        )
    )
    assert services.designated_attended_this_year(member.user) == 0


@pytest.mark.parametrize(
    ("today", "start"),
    [
        (date(2026, 11, 22), date(2026, 4, 1)),
        (date(2027, 3, 31), date(2026, 4, 1)),
        (date(2027, 4, 1), date(2027, 4, 1)),
    ],
)
def test_fiscal_years_run_from_april(today, start):
    assert fiscal_year_start(today) == start


def test_reminders_go_the_day_before_and_once(activity_index, mailoutbox):
    # Tomorrow in Japan time, whatever the time of day the tests run.
    tomorrow = timezone.localtime() + timedelta(days=1)
    soon = add_activity(activity_index, start=tomorrow.replace(hour=10, minute=0))
    later = add_activity(activity_index, start=tomorrow + timedelta(days=3))
    member = MembershipFactory()
    services.sign_up(soon, member.user)
    services.sign_up(later, member.user)
    mailoutbox.clear()
    with mock.patch("django.utils.timezone.now", return_value=timezone.now()):
        assert services.send_activity_reminders() == 1
        assert services.send_activity_reminders() == 0
    assert mailoutbox[0].to == [member.user.email] and "明日開催" in mailoutbox[0].subject


def test_my_page_counts_toward_the_premium_tier(client, activity_index):
    member = MembershipFactory()
    activity = add_activity(activity_index, designated=True, start=starting_now())
    signup, _ = services.sign_up(activity, member.user)
    services.check_in(signup.checkin_code)
    client.force_login(member.user)
    assert "<strong>1回</strong>" in client.get("/ja/members/my/").content.decode()


def test_the_check_in_qr_opens_the_organizer_screen_with_the_code(client, activity_index):
    member = MembershipFactory()
    signup, _ = services.sign_up(add_activity(activity_index), member.user)
    client.force_login(member.user)
    assert signup.checkin_code in client.get("/ja/members/my/").content.decode()
    client.force_login(UserFactory(groups=["City editors"]))
    html = client.get(f"/ja/members/checkin/{signup.checkin_code}/").content.decode()
    assert f'value="{signup.checkin_code}"' in html
    signup.refresh_from_db()
    assert signup.attended_at is None  # opening the link alone records nothing


def test_a_past_or_attended_sign_up_cannot_be_cancelled(client, activity_index):
    member = MembershipFactory()
    signup, _ = services.sign_up(add_activity(activity_index, start=starting_now()), member.user)
    services.check_in(signup.checkin_code)
    client.force_login(member.user)
    assert client.post(f"/ja/members/signups/{signup.pk}/cancel/").status_code == 404
    signup.refresh_from_db()
    assert signup.status == "confirmed"
