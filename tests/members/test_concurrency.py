"""Member numbers and activity capacity under concurrent requests, with real threads on the
database the suite runs on (file SQLite by default, PostgreSQL with DATABASE_URL)."""

import threading

import pytest
from django.db import close_old_connections, connection
from django.utils import timezone

from members import services
from members.models import ActivityPage, ActivitySignup, Membership
from tests.conftest import ensure_wagtail_base
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
THREADS = 20


def run_together(target, arguments):
    barrier = threading.Barrier(len(arguments))
    errors = []

    def worker(argument):
        try:
            barrier.wait()
            target(argument)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=(a,)) for a in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []


def pending_membership(user):
    return Membership.objects.create(
        user=user,
        residence_prefecture="13",
        residence_municipality="13101",
        relationships=["visitor"],
        privacy_policy_version="2026-04",
        consented_at=timezone.now(),
    )


def test_member_numbers_are_unique_and_gap_free_under_concurrency():
    ensure_wagtail_base()
    before = list(Membership.objects.exclude(number=None).values_list("number", flat=True))
    memberships = [pending_membership(UserFactory()) for _ in range(THREADS)]
    run_together(lambda m: services.activate_membership(m, notify=False), memberships)
    numbers = sorted(
        Membership.objects.filter(pk__in=[m.pk for m in memberships]).values_list(
            "number", flat=True
        )
    )
    assert numbers == list(range(len(before) + 1, len(before) + THREADS + 1))


def test_capacity_holds_under_concurrent_sign_ups():
    ensure_wagtail_base()
    from wagtail.models import Page

    root = Page.get_first_root_node()
    activity = ActivityPage(
        title="定員テスト",
        slug="capacity",
        organizer="苫小牧市",
        start=timezone.now() + timezone.timedelta(days=3),
        end=timezone.now() + timezone.timedelta(days=3, hours=2),
        venue="市役所",
        capacity=5,
    )
    root.add_child(instance=activity)
    users = [UserFactory() for _ in range(THREADS)]
    run_together(lambda user: services.sign_up(activity, user), users)
    signups = ActivitySignup.objects.filter(activity=activity)
    assert signups.count() == THREADS
    assert signups.filter(status="confirmed").count() == 5
    assert signups.filter(status="waitlisted").count() == THREADS - 5
