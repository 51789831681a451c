"""Entry Pass redemption under load: uses per second with 20 concurrent clients, and the count
of double uses (must be 0).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tsunagaru \
        .venv/bin/python scripts/bench_passes.py

It starts nothing external: it creates (or reuses) the test database next to DATABASE_URL's
(test_<name>), and 20 threads, each with Django's test client logged in as a pass holder,
POST the visitor's "Use" form of the partner's QR page, as a phone would. Four phones share
each pass, and every round offers a new once-only offer to all of them at the same moment, so
each round is a race that must end with exactly one use per pass. Without DATABASE_URL it
runs on the file SQLite database of the test settings.
"""

import argparse
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--phones-per-pass", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--max-seconds", type=float, default=60.0)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, keepdb=True, serialize=False)
    try:
        return run(args)
    finally:
        connection.close()


def run(args):
    import logging

    from django.db import close_old_connections, connection
    from django.db.models import Count
    from django.test import Client

    from passes import services
    from passes.models import Use
    from tests.conftest import ensure_wagtail_base
    from tests.factories import UserFactory
    from tests.factories.passes import OfferFactory, PartnerFactory, PassFactory

    logging.getLogger("django.request").setLevel(logging.ERROR)  # 409s are expected here
    ensure_wagtail_base()
    partner = PartnerFactory(slug=f"bench-{int(time.time())}")
    run_id = int(time.time())
    holders = [
        PassFactory(user=UserFactory(email=f"bench-{run_id}-{n}@example.jp"))
        for n in range(args.clients // args.phones_per_pass)
    ]
    offers = [OfferFactory(partner=partner, limit_per_pass="once") for _ in range(args.rounds)]
    token = services.poster_token(partner)
    url = f"/en/pass/p/{token}/"

    barrier = threading.Barrier(args.clients)
    deadline = time.monotonic() + args.max_seconds
    counts = {"posts": 0, "completed": 0, "refused": 0, "errors": 0}
    lock = threading.Lock()

    def phone(n):
        client = Client()
        client.force_login(holders[n % len(holders)].user)
        try:
            for offer in offers:
                barrier.wait(timeout=30)
                if time.monotonic() > deadline:
                    break
                response = client.post(url, {"offer": offer.pk, "nonce": services.new_use_nonce()})
                with lock:
                    counts["posts"] += 1
                    if response.status_code == 302:
                        counts["completed"] += 1
                    elif response.status_code == 409:
                        counts["refused"] += 1
                    else:
                        counts["errors"] += 1
        except threading.BrokenBarrierError:
            pass
        finally:
            connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=phone, args=(n,)) for n in range(args.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(args.max_seconds + 30)
    elapsed = time.monotonic() - started
    close_old_connections()

    uses = Use.objects.filter(offer__in=offers)
    recorded = uses.count()
    doubles = sum(
        row["n"] - 1
        for row in uses.values("entry_pass", "offer").annotate(n=Count("id")).filter(n__gt=1)
    )
    vendor = connection.vendor
    print(f"Entry Pass redemption benchmark ({vendor}, {args.clients} concurrent clients)")
    print(f"  requests:        {counts['posts']} in {elapsed:.1f} s")
    print(f"  requests/second: {counts['posts'] / elapsed:.1f}")
    print(f"  uses recorded:   {recorded}  ({recorded / elapsed:.1f} uses/second)")
    print(f"  refused (limit): {counts['refused']}  errors: {counts['errors']}")
    print(f"  double uses:     {doubles}")
    # Clean up, so that --keepdb runs start from the same state.
    uses.delete()
    for offer in offers:
        offer.delete()
    for holder in holders:
        holder.user.delete()
    partner.delete()
    return 1 if doubles or counts["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
