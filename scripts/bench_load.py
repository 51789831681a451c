"""Load and fault bench: 50 users for 60 s against the production deployment (gunicorn behind
nginx, PostgreSQL, Redis), with PostgreSQL stopped and started again in the middle.

    .venv/bin/python scripts/bench_load.py [--users 50] [--seconds 60] [--restart-at 25]

scripts/production_server.py starts the app as the README's "Deploying" section says (database
tsunagaru_bench_load, Redis database 14); locust (scripts/locustfile.py, headless) runs visitors
who read pages, register and send consultations, and Entry Pass holders who log in and use an
unlimited offer at a partner's poster. At --restart-at seconds PostgreSQL is stopped, left down
for --down-seconds, and started (`pg_ctlcluster --skip-systemctl-redirect <version> main`).

The outage window runs from the stop to the first successful request that started after
PostgreSQL was back, plus --grace seconds. Printed: requests and failures by kind, p50/p95 per
request, 5xx inside and outside the window, and the reconciliation of every acknowledged
submission (registration: the "check your e-mail" page; pass use: the completion screen;
consultation: the page with the reference number) against the database.

Exit status 1 when an invariant fails: a 5xx or a connection error outside the outage window,
or an acknowledged submission missing or stored twice (or any submission stored twice). Times
are printed, never asserted.

Two settings differ from a plain production install, both from the environment:
TRUSTED_PROXY_COUNT=2 (locust's X-Forwarded-For address stands for the visitor, the one nginx
adds is the proxy; in production nginx is the only proxy) and FORM_TIME_TRAP_SECONDS=0 (locust
fills a form faster than a person could).
"""

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from production_server import (  # noqa: E402
    BIN,
    REDIS_HOST,
    REDIS_PORT,
    HarnessError,
    ProductionServer,
)

PASSWORD = "bench-load-淡い朝の港-2026"


def pg_command(action):
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    return ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--pass-holders", type=int, default=15)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--restart-at", type=float, default=25.0)
    parser.add_argument("--down-seconds", type=float, default=3.0)
    parser.add_argument("--grace", type=float, default=2.0)
    parser.add_argument("--database", default="tsunagaru_bench_load")
    parser.add_argument("--cache-db", type=int, default=14)
    parser.add_argument("--pg-port", type=int, default=5432, help="PostgreSQL on 127.0.0.1")
    parser.add_argument(
        "--pg-stop",
        default=" ".join(pg_command("stop")),
        help="the command that stops PostgreSQL (default: the local cluster 'main')",
    )
    parser.add_argument("--pg-start", default=" ".join(pg_command("start")))
    parser.add_argument("--no-restart", action="store_true", help="load only, no outage")
    args = parser.parse_args()

    started = time.monotonic()
    run_id = time.strftime("%Y%m%d%H%M%S")
    server = ProductionServer(
        database=args.database,
        cache_db=args.cache_db,
        pg_port=args.pg_port,
        server_env={"TRUSTED_PROXY_COUNT": "2", "FORM_TIME_TRAP_SECONDS": "0"},
        log=lambda line: print(f"  {line}", flush=True),
    )
    print(f"Load and fault bench: {args.users} users for {args.seconds} s", flush=True)
    try:
        with server:
            os.environ.update(server.env)
            import django

            django.setup()
            plan = prepare(server, args, run_id)
            work = server.run_dir
            plan_path, results_path = work / "plan.json", work / "results.jsonl"
            plan_path.write_text(json.dumps(plan, ensure_ascii=False))
            results_path.write_text("")
            from django.db import connections

            connections.close_all()
            outage = run_load(server, args, plan_path, results_path)
            gunicorn_alive = server.processes["gunicorn"].poll() is None
            connections.close_all()
            entries = [json.loads(line) for line in results_path.read_text().splitlines() if line]
            failed = report(entries, outage, args, plan)
            mail_figures(entries, server.smtp.messages)
            print(f"  task worker restarted by its supervisor: {server.worker_restarts} time(s)")
            print(f"  gunicorn still running: {yes(gunicorn_alive)}")
            print(f"  e-mails received by the SMTP sink: {len(server.smtp.messages)}")
            print(f"  nginx configuration: {server.nginx_config_source}")
            print(f"  logs: {server.run_dir.relative_to(ROOT)}")
    except HarnessError as error:
        print(f"Load bench could not run: {error}", file=sys.stderr)
        return 2
    print(f"Total time: {time.monotonic() - started:.0f} s")
    if failed:
        print("FAILED: " + "; ".join(failed))
        return 1
    print("Invariants hold: no 5xx outside the outage, every acknowledged submission stored once.")
    return 0


def yes(value):
    return "yes" if value else "NO"


def prepare(server, args, run_id):
    """Pass holders with an active pass, a partner with an unlimited offer, the pages to read;
    the rate-limit counters of earlier runs cleared (the bench's own Redis database)."""
    import redis
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from home.models import EventPage, NewsIndexPage, StoryPage
    from passes import services
    from passes.models import Offer, Partner, Pass, PassStatus

    redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=args.cache_db).flushdb()
    User = get_user_model()
    japanese = Locale.objects.get(language_code="ja")
    partner, _created = Partner.objects.get_or_create(
        slug="bench-load-partner",
        locale=japanese,
        defaults={"name": "負荷試験の協力店", "category": "restaurant", "description": "試験用"},
    )
    offer, _created = Offer.objects.get_or_create(
        partner=partner,
        locale=japanese,
        title="負荷試験の優待",
        defaults={"benefit": "100円引き", "kind": "amount", "value": 100},
    )
    Offer.objects.filter(pk=offer.pk).update(
        limit_per_pass="unlimited", active=True, valid_from=None, valid_until=None
    )
    today = timezone.localdate()
    holders = []
    for number in range(args.pass_holders):
        email = f"bench-load-holder-{number}@example.jp"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=PASSWORD)
            user.last_name, user.first_name = "負荷", f"利用者{number}"
            user.save()
            EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
        Pass.objects.filter(user=user).delete()
        Pass.objects.create(
            user=user,
            residence_prefecture="13",
            residence_municipality="13104",
            stay_from=today,
            stay_until=today + timezone.timedelta(days=2),
            valid_from=today - timezone.timedelta(days=1),
            valid_until=today + timezone.timedelta(days=3),
            purpose="sightseeing",
            party_size=1,
            status=PassStatus.ACTIVE,
            issued_at=timezone.now(),
        )
        holders.append((email, PASSWORD))

    def first_url(model):
        page = model.objects.live_public_in(japanese).first()
        if page is None:
            raise HarnessError(f"the demo has no live {model.__name__}")
        return page.get_url()

    pages = [
        ("home", "/ja/"),
        ("story", first_url(StoryPage)),
        ("news list", first_url(NewsIndexPage)),
        ("event", first_url(EventPage)),
        ("search", "/ja/search/?q=%E8%8B%AB%E5%B0%8F%E7%89%A7"),
    ]
    consultation = Page.objects.live().filter(locale=japanese, slug="consultation").first()
    return {
        "run": run_id,
        "pages": pages,
        "consultation": consultation.get_url(),
        "pass_holders": holders,
        "pass_holder_count": min(args.pass_holders, args.users),
        "poster": f"/ja/pass/p/{services.poster_token(partner)}/",
        "offer": offer.pk,
        "partner": partner.pk,
    }


def run_load(server, args, plan_path, results_path):
    """Locust in its own process (gevent must not patch this one); PostgreSQL stopped and
    started at --restart-at. Returns the outage's (stop, back) wall-clock times, or None."""
    env = {**os.environ, "BENCH_PLAN": str(plan_path), "BENCH_RESULTS": str(results_path)}
    command = [
        str(BIN / "locust"),
        "-f",
        str(ROOT / "scripts" / "locustfile.py"),
        "--headless",
        "--users",
        str(args.users),
        "--spawn-rate",
        str(max(1, args.users // 2)),
        "--run-time",
        f"{args.seconds}s",
        # Users finish the flow they are in (a submission in flight is then acknowledged or
        # refused, not cut off); under heavy load a flow takes several seconds.
        "--stop-timeout",
        "20",
        "--host",
        server.url,
        "--only-summary",
        "--loglevel",
        "ERROR",
    ]
    log = open(server.run_dir / "locust.log", "wb")  # noqa: SIM115
    locust = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    outage = None
    try:
        if not args.no_restart:
            time.sleep(args.restart_at)
            stopped = time.time()
            subprocess.run(shlex.split(args.pg_stop), check=True, capture_output=True)  # noqa: S603
            print(f"  PostgreSQL stopped at {args.restart_at:.0f} s", flush=True)
            time.sleep(args.down_seconds)
            subprocess.run(shlex.split(args.pg_start), check=True, capture_output=True)  # noqa: S603
            back = time.time()
            print(f"  PostgreSQL started again {back - stopped:.1f} s later", flush=True)
            outage = (stopped, back)
        locust.wait(timeout=args.seconds + 90)
    except BaseException:
        locust.terminate()
        locust.wait(timeout=15)
        raise
    finally:
        log.close()
        if outage is None and not args.no_restart:
            # Whatever went wrong, PostgreSQL must not be left stopped.
            subprocess.run(shlex.split(args.pg_start), capture_output=True)  # noqa: S603
    return outage


def mail_figures(entries, messages):
    """How many acknowledged submissions' e-mails reached the SMTP server by the end (a figure:
    the ones queued during the outage are retried minutes later)."""
    received = {address for _sender, recipients in messages for address in recipients}
    for kind, label in (("registration", "verification"), ("consultation", "acknowledgement")):
        acked = {e["key"] for e in entries if e["t"] == "ack" and e["kind"] == kind}
        print(
            f"  {kind} {label} e-mails received by the end: "
            f"{len(acked & received)} of {len(acked)} acknowledged"
        )


def percentile(values, fraction):
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(fraction * 100) - 1]


def report(entries, outage, args, plan):
    """Print the figures; return the invariants that failed."""
    requests = [e for e in entries if e["t"] == "req"]
    failed = [] if requests else ["locust made no request (see locust.log in the logs)"]
    window = None
    if outage:
        stopped, back = outage
        recovered = min(
            (e["end"] for e in requests if e["start"] >= back and 200 <= e["status"] < 400),
            default=None,
        )
        if recovered is None:
            failed.append("no request succeeded after PostgreSQL was back")
            recovered = back
        window = (stopped, recovered + args.grace)

    def inside(entry):
        return window is not None and entry["end"] >= window[0] and entry["start"] <= window[1]

    kinds = Counter()
    for e in requests:
        if e["status"] == 0:
            kinds[f"connection error ({e['error']})"] += 1
        elif e["status"] >= 500:
            kinds[f"{e['status']}"] += 1
        elif e["status"] >= 400:
            kinds[f"{e['status']}"] += 1
    first = min((e["start"] for e in requests), default=0)
    last = max((e["end"] for e in requests), default=0)
    seconds = max(1.0, last - first)
    print(f"\nRequests: {len(requests)} in {seconds:.0f} s ({len(requests) / seconds:.1f}/s)")
    print(
        "Failures by kind: " + (", ".join(f"{k}: {n}" for k, n in sorted(kinds.items())) or "none")
    )
    if window:
        down = outage[1] - outage[0]
        recovery = window[1] - args.grace - outage[1]
        print(
            f"Outage window: {window[1] - window[0]:.1f} s (PostgreSQL down {down:.1f} s, first "
            f"success {recovery:.1f} s after it was back, +{args.grace:.0f} s grace)"
        )
    server_errors_in = [
        e for e in requests if (e["status"] >= 500 or e["status"] == 0) and inside(e)
    ]
    server_errors_out = [
        e for e in requests if (e["status"] >= 500 or e["status"] == 0) and not inside(e)
    ]
    print(
        f"5xx or no answer inside the outage: {len(server_errors_in)} "
        f"({dict(Counter(e['status'] for e in server_errors_in))}); "
        f"outside: {len(server_errors_out)} "
        f"({dict(Counter(e['status'] for e in server_errors_out))})"
    )
    if server_errors_out:
        names = Counter(f"{e['name']} → {e['status']}" for e in server_errors_out)
        failed.append(f"{len(server_errors_out)} 5xx/no answer outside the outage: {dict(names)}")

    print(f"\n{'request':<26}{'count':>7}{'fail':>6}{'p50 ms':>9}{'p95 ms':>9}")
    by_name = defaultdict(list)
    for e in requests:
        by_name[e["name"]].append(e)
    for name in sorted(by_name):
        group = by_name[name]
        ok = sorted(e["ms"] for e in group if 200 <= e["status"] < 400)
        fails = sum(1 for e in group if not 200 <= e["status"] < 400)
        p50, p95 = percentile(ok, 0.5), percentile(ok, 0.95)
        print(f"{name:<26}{len(group):>7}{fails:>6}{p50:>9.0f}{p95:>9.0f}")

    print("\nReconciliation against the database (acknowledged → stored exactly once):")
    failed += reconcile(entries, plan)
    return failed


def reconcile(entries, plan):
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    from consultations.models import Consultation
    from members.models import Membership
    from passes import services
    from passes.models import Offer, Use

    failed = []
    attempts = defaultdict(list)
    acks = defaultdict(list)
    for e in entries:
        if e["t"] == "attempt":
            attempts[e["kind"]].append(e)
        elif e["t"] == "ack":
            acks[e["kind"]].append(e)

    def line(kind, attempted, acked, stored_once, missing, duplicated, unacked_stored):
        print(
            f"  {kind:<13} sent {attempted:>4}, acknowledged {acked:>4}, "
            f"stored once {stored_once:>4}, missing {missing}, duplicated {duplicated}, "
            f"stored without acknowledgement {unacked_stored}"
        )
        if missing:
            failed.append(f"{missing} acknowledged {kind} missing")
        if duplicated:
            failed.append(f"{duplicated} {kind} stored more than once")
        if not acked:
            # A bench that acknowledged nothing tested nothing: the flow is broken.
            failed.append(f"no {kind} was acknowledged (see the failures by kind)")

    # Registrations: one account and one pending membership per e-mail address.
    User = get_user_model()
    emails = [e["key"] for e in attempts["registration"]]
    acked = {e["key"] for e in acks["registration"]}
    users = Counter(User.objects.filter(email__in=emails).values_list("email", flat=True))
    memberships = Counter(
        Membership.objects.filter(user__email__in=emails).values_list("user__email", flat=True)
    )
    stored = {email for email in emails if users[email] == 1 and memberships[email] == 1}
    line(
        "registration",
        len(emails),
        len(acked),
        len(acked & stored),
        len(acked - stored),
        sum(1 for email in emails if users[email] > 1 or memberships[email] > 1),
        len(stored - acked),
    )

    # Consultations: one per e-mail address (each attempt its own), the acknowledged reference.
    emails = [e["key"] for e in attempts["consultation"]]
    rows = Counter(Consultation.objects.filter(email__in=emails).values_list("email", flat=True))
    references = dict(
        Consultation.objects.filter(email__in=emails).values_list("email", "reference")
    )
    acked = {e["key"]: e["reference"] for e in acks["consultation"]}
    stored_once = sum(
        1 for email, ref in acked.items() if rows[email] == 1 and references[email] == ref
    )
    line(
        "consultation",
        len(emails),
        len(acked),
        stored_once,
        len(acked) - stored_once,
        sum(1 for email in emails if rows[email] > 1),
        sum(1 for email in emails if rows[email] and email not in acked),
    )

    # Pass uses: one Use per tap, found by the tap's idempotency key (user, offer, nonce).
    offer = Offer.objects.get(pk=plan["offer"])
    holders = {
        u.email: u for u in User.objects.filter(email__in=[h for h, _p in plan["pass_holders"]])
    }
    keys = {
        e["key"]: services.idempotency_key(holders[e["holder"]], e["key"], offer)
        for e in attempts["pass_use"]
    }
    uses = Counter(
        Use.objects.filter(idempotency_key__in=keys.values()).values_list(
            "idempotency_key", flat=True
        )
    )
    ids = dict(
        Use.objects.filter(idempotency_key__in=keys.values()).values_list("idempotency_key", "pk")
    )
    acked = {e["key"]: e["use_id"] for e in acks["pass_use"]}
    stored_once = sum(
        1 for nonce, pk in acked.items() if uses[keys[nonce]] == 1 and ids[keys[nonce]] == pk
    )
    # Every use of the bench's offer in this run belongs to one tap of the bench.
    since = min((e["start"] for e in entries if e["t"] == "req"), default=time.time())
    from datetime import UTC, datetime

    strays = (
        Use.objects.filter(offer=offer, used_at__gte=datetime.fromtimestamp(since, UTC))
        .exclude(idempotency_key__in=keys.values())
        .count()
    )
    line(
        "pass use",
        len(keys),
        len(acked),
        stored_once,
        len(acked) - stored_once,
        sum(1 for n in uses.values() if n > 1) + strays,
        sum(1 for nonce, key in keys.items() if uses[key] and nonce not in acked),
    )
    per_pass = (
        Use.objects.filter(offer=offer, idempotency_key__in=keys.values())
        .values("entry_pass")
        .annotate(n=Count("pk"))
    )
    print(f"  (pass uses spread over {len(per_pass)} passes)")
    return failed


if __name__ == "__main__":
    sys.exit(main())
