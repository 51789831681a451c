"""Exactly once under concurrency, with real threads (file SQLite and PostgreSQL alike)."""

import threading

import pytest
from django.db import close_old_connections, connection

from passes import services
from passes.models import Pass, PassStatus, Use
from tests.conftest import ensure_wagtail_base
from tests.factories import UserFactory
from tests.factories.passes import OfferFactory, PassFactory

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 20


def run_together(target, count=THREADS):
    barrier = threading.Barrier(count)
    results = []
    lock = threading.Lock()

    def worker(n):
        try:
            barrier.wait()
            outcome = target(n)
        except Exception as error:  # noqa: BLE001 - the test counts every outcome
            outcome = error
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    close_old_connections()
    return results


def test_twenty_simultaneous_uses_of_a_once_only_offer_give_one_success():
    ensure_wagtail_base()
    offer = OfferFactory(limit_per_pass="once")
    entry_pass = PassFactory()

    def use(n):
        return services.redeem_offer(entry_pass.pk, offer, via="poster", key=f"tap-{n}")

    results = run_together(use)
    successes = [r for r in results if isinstance(r, services.Redemption)]
    refusals = [r for r in results if isinstance(r, services.RedemptionRefused)]
    assert len(successes) == 1, results
    assert len(refusals) == THREADS - 1, results
    assert Use.objects.filter(offer=offer).count() == 1


def test_a_capped_offer_stops_exactly_at_its_cap_under_load():
    ensure_wagtail_base()
    offer = OfferFactory(limit_per_pass="once", total_cap=5)
    passes = [PassFactory() for _ in range(THREADS)]

    def use(n):
        return services.redeem_offer(passes[n].pk, offer, via="poster")

    results = run_together(use)
    assert sum(isinstance(r, services.Redemption) for r in results) == 5, results
    assert Use.objects.filter(offer=offer).count() == 5


def test_a_double_tap_in_parallel_records_one_use_and_replays_it():
    ensure_wagtail_base()
    offer = OfferFactory(limit_per_pass="unlimited")
    entry_pass = PassFactory()

    def use(n):
        return services.redeem_offer(entry_pass.pk, offer, via="poster", key="same-tap")

    results = run_together(use, count=8)
    assert all(isinstance(r, services.Redemption) for r in results), results
    assert len({r.use.pk for r in results}) == 1
    assert Use.objects.filter(offer=offer).count() == 1


def test_simultaneous_applications_give_one_open_pass():
    ensure_wagtail_base()
    user = UserFactory()

    def create(n):
        return PassFactory(user=user, status=PassStatus.ACTIVE)

    results = run_together(create, count=10)
    assert Pass.objects.filter(user=user, status__in=["pending", "active"]).count() == 1
    assert sum(isinstance(r, Pass) for r in results) == 1, results


def test_twenty_counters_typing_the_same_pass_code_at_once_accept_it_once():
    """The code's generation is read under the pass's lock: one counter's use moves the pass on
    to a new code before the next counter reads it."""
    ensure_wagtail_base()
    offer = OfferFactory(limit_per_pass="unlimited")
    entry_pass = PassFactory()
    code = services.pass_code(entry_pass)

    def use(n):
        return services.redeem_offer(None, offer, via="staff", key=f"counter-{n}", code=code)

    results = run_together(use)
    successes = [r for r in results if isinstance(r, services.Redemption)]
    used = [r for r in results if isinstance(r, services.CodeRefused) and r.reason == "used"]
    assert len(successes) == 1, results
    assert len(used) == THREADS - 1, results
    assert Use.objects.filter(offer=offer).count() == 1
    entry_pass.refresh_from_db()
    assert entry_pass.code_generation == 1
    assert services.pass_code(entry_pass) != code
