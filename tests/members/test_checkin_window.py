"""Check-in at an activity is open on its day only — from ACTIVITY_CHECKIN_WINDOW hours before
it starts until as many hours after it ends — so attendance that counts toward the premium
tier is real attendance. Outside it the organizer is told when it opens, or that it closed,
and nothing is recorded. Times are real: time-machine moves the clock, nothing of ours is
mocked."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from members import services
from members.models import ActivitySignup
from tests.factories import UserFactory
from tests.factories.members import MembershipFactory, add_activity

pytestmark = pytest.mark.django_db
JST = ZoneInfo("Asia/Tokyo")
# A beach clean-up on Saturday 13 June 2026, 9:00–11:00 Japan time.
START = datetime(2026, 6, 13, 9, 0, tzinfo=JST)


@pytest.fixture
def signup(activity_index):
    activity = add_activity(activity_index, designated=True, start=START)
    signup, _ = services.sign_up(activity, MembershipFactory().user)
    return signup


def attended(signup):
    signup.refresh_from_db()
    return signup.attended_at


@pytest.mark.parametrize(
    ("now", "refused"),
    [
        (START - timedelta(days=12), "too_early"),  # what the city saw: accepted 12 days early
        (START - timedelta(hours=3, minutes=1), "too_early"),
        (START - timedelta(hours=3), ""),
        (START + timedelta(hours=1), ""),
        (START + timedelta(hours=2 + 3), ""),  # ends 11:00, open until 14:00
        (START + timedelta(hours=2 + 3, minutes=1), "too_late"),
        (START + timedelta(days=2), "too_late"),
    ],
)
def test_check_in_is_open_around_the_activity_only(signup, settings, now, refused):
    settings.ACTIVITY_CHECKIN_WINDOW = 3
    result = services.check_in(signup.checkin_code, now=now)
    assert result.refused == refused
    assert attended(signup) == (None if refused else now)
    assert services.designated_attended_this_year(signup.user) == (0 if refused else 1)


def test_the_window_is_a_setting(signup, settings):
    settings.ACTIVITY_CHECKIN_WINDOW = 1
    assert services.check_in(signup.checkin_code, now=START - timedelta(hours=2)).refused
    settings.ACTIVITY_CHECKIN_WINDOW = 24
    assert not services.check_in(signup.checkin_code, now=START - timedelta(hours=2)).refused


def test_an_ongoing_activity_takes_check_in_on_any_day(activity_index):
    ongoing = add_activity(activity_index, start=START)
    ongoing.start = ongoing.end = None
    ongoing.save()
    signup, _ = services.sign_up(ongoing, MembershipFactory().user)
    assert services.check_in(signup.checkin_code, now=START - timedelta(days=30)).first_time


def check_in_at(client, moment, signup, language="ja"):
    """The organizer's screen at `moment` (logged in then: staff sessions time out)."""
    with time_machine.travel(moment, tick=False):
        client.force_login(UserFactory(groups=["Contractor editors"]))
        response = client.post(f"/{language}/members/checkin/", {"code": signup.checkin_code})
    assert response.status_code == 200
    return response.content.decode()


def test_too_early_the_organizer_is_told_when_check_in_opens(client, signup, settings):
    settings.ACTIVITY_CHECKIN_WINDOW = 3
    html = check_in_at(client, START - timedelta(days=12), signup, "en")
    assert "Check-in for “テスト活動” opens at June 13, 2026, 6 a.m." in html
    assert "Checked in" not in html
    html = check_in_at(client, START - timedelta(days=12), signup, "ja")
    assert 'role="alert"' in html and "2026年6月13日6:00" in html
    assert "チェックインしました" not in html
    assert attended(signup) is None


def test_too_late_the_organizer_is_told_it_closed(client, signup, settings):
    settings.ACTIVITY_CHECKIN_WINDOW = 3
    html = check_in_at(client, START + timedelta(days=1), signup, "en")
    assert "Check-in for “テスト活動” closed at June 13, 2026, 2 p.m." in html
    html = check_in_at(client, START + timedelta(days=1), signup, "ja")
    assert 'role="alert"' in html and "2026年6月13日14:00" in html
    assert attended(signup) is None


def test_on_the_day_the_check_in_is_recorded(client, signup, settings):
    settings.ACTIVITY_CHECKIN_WINDOW = 3
    html = check_in_at(client, START + timedelta(minutes=5), signup)
    assert "チェックインしました" in html and 'role="alert"' not in html
    assert attended(signup) == START + timedelta(minutes=5)
    assert ActivitySignup.objects.filter(attended_at__isnull=False).count() == 1
