"""Events and local activities share one set of schedule rules (home.models.scheduled):
the end is not before the start, an activity has both times or neither (ongoing), and
there is a place or the page says it is online."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from members.models import ActivityIndexPage
from tests.factories.home import EventPageFactory
from tests.factories.members import add_activity


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def event(demo_site):
    return EventPageFactory()


@pytest.fixture
def activity(demo_site):
    return add_activity(ActivityIndexPage.objects.filter(locale__language_code="ja").first())


def errors_of(page):
    with pytest.raises(ValidationError) as error:
        page.clean()
    return {field: [str(m) for m in messages] for field, messages in error.value}


def test_a_valid_event_and_activity_pass(event, activity):
    event.clean()
    activity.clean()


def test_the_end_may_not_come_before_the_start(event, activity):
    for page in (event, activity):
        page.end = page.start - timedelta(minutes=1)
        assert errors_of(page) == {"end": ["The end must be after the start."]}
    # Ending when it starts is allowed (a moment, e.g. a deadline).
    event.end = event.start
    event.clean()


def test_an_activity_has_both_times_or_neither(activity):
    activity.end = None
    assert errors_of(activity) == {
        "end": ["Give both the start and the end, or neither for an ongoing activity."]
    }
    activity.start = None
    activity.clean()
    assert activity.is_ongoing and not activity.is_past


def test_each_needs_a_place_or_online(event, activity):
    event.venue = activity.venue = ""
    assert errors_of(event) == {"venue": ["Give a venue, or mark the event as online."]}
    assert errors_of(activity) == {"venue": ["Give a place, or mark the activity as online."]}
    event.is_online = activity.is_online = True
    event.clean()
    activity.clean()


def test_is_past_once_the_end_has_gone(event, activity):
    assert not event.is_past and not activity.is_past
    for page in (event, activity):
        page.start = timezone.now() - timedelta(hours=3)
        page.end = timezone.now() - timedelta(hours=1)
        assert page.is_past
