"""One rule for "not past" (home.models.scheduled.not_past_q / past_q): a page that ends
exactly now is not past yet. The event index lists it as upcoming, not as past; the members'
list of activities shows it; deleting an account still treats a sign-up for it as upcoming
(it is cancelled and the place goes to the person waiting)."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from home.models.scheduled import not_past
from members import services
from members.models import ActivityIndexPage, ActivityPage, ActivitySignup
from tests.factories.home import EventPageFactory
from tests.factories.members import MembershipFactory, add_activity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def test_an_event_ending_exactly_now_is_upcoming_not_past(client, demo_site):
    ends = timezone.now().replace(microsecond=0) + timedelta(hours=1)
    event = EventPageFactory(
        title="ちょうど終わる体験会", start=ends - timedelta(hours=2), end=ends
    )
    index = event.get_parent().specific
    with time_machine.travel(ends, tick=False):
        assert not event.is_past
        upcoming = client.get(index.url).content.decode()
        past = client.get(index.url + "past/").content.decode()
    assert "ちょうど終わる体験会" in upcoming
    assert "ちょうど終わる体験会" not in past


def test_an_activity_ending_exactly_now_is_still_upcoming_for_the_list_and_for_deletion(
    client, demo_site
):
    index = ActivityIndexPage.objects.get(locale__language_code="ja")
    ends = timezone.now().replace(microsecond=0) + timedelta(hours=1)
    activity = add_activity(
        index, capacity=1, start=ends - timedelta(hours=2), title="ちょうど終わる清掃"
    )
    assert activity.end == ends
    leaving = MembershipFactory()
    waiting = MembershipFactory()
    services.sign_up(activity, leaving.user)
    services.sign_up(activity, waiting.user)
    assert ActivitySignup.objects.get(user=waiting.user).status != "confirmed"
    with time_machine.travel(ends, tick=False):
        assert not activity.is_past
        assert activity in not_past(ActivityPage.objects.filter(pk=activity.pk))
        assert "ちょうど終わる清掃" in client.get(index.url).content.decode()
        services.delete_account(leaving.user)
    assert ActivitySignup.objects.get(user=waiting.user).status == "confirmed"
