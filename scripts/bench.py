"""Benchmark: how fast gunicorn serves the portal's pages, next to the same HTML as static files.

Run with `make bench` or `.venv/bin/python scripts/bench.py [--requests N --concurrency C]`.

Everything happens in a temporary directory on 127.0.0.1: a fresh SQLite database with the demo
site (`migrate`, `seed_demo --force`), gunicorn serving Django (config.settings.dev, DEBUG off,
so no production variables are needed), and a second gunicorn with the same number of workers
serving, through WhiteNoise, the very HTML that Django returned, saved to files. The ratio
dynamic/static is then the cost of Django, Wagtail and the database on the same HTTP stack.

The script prints figures and never judges them: timings depend on the machine.
"""

import argparse
import http.client
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # never anything else
PYTHON = BASE_DIR / ".venv" / "bin" / "python"
GUNICORN = BASE_DIR / ".venv" / "bin" / "gunicorn"

STATIC_APP = '''"""The saved HTML as static files, served by WhiteNoise."""

from whitenoise import WhiteNoise


def not_found(environ, start_response):
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"not found"]


application = WhiteNoise(not_found, root={root!r}, prefix="/", autorefresh=False)
'''


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=400, help="measured requests per URL")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads")
    parser.add_argument("--warmup", type=int, default=20, help="unmeasured requests per URL")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    if args.requests < 2 or args.concurrency < 1 or args.warmup < 0 or args.workers < 1:
        parser.error("--requests must be at least 2, --concurrency and --workers at least 1")
    return args


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def django_env(work):
    env_file = work / "bench.env"
    env_file.write_text(f"SECRET_KEY={secrets.token_urlsafe(50)}\n", encoding="utf-8")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DJANGO_ENV_FILE": str(env_file),
        "DATABASE_URL": f"sqlite:///{work / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "DEBUG": "False",
        "ALLOWED_HOSTS": HOST,
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }
    for name in ("CACHE_URL", "EMAIL_URL", "SECRET_KEY"):  # nothing from the caller's setup
        env.pop(name, None)
    return env


def manage(env, *arguments):
    started = time.perf_counter()
    subprocess.run(  # noqa: S603 - fixed arguments, the project's own interpreter
        [str(PYTHON), "manage.py", *arguments],
        cwd=BASE_DIR,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"  manage.py {' '.join(arguments)}: {time.perf_counter() - started:.1f} s")


# A phone's browser: tracking-link clicks from crawlers are not counted, so the bench is not one.
USER_AGENT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)


def get(port, path, timeout):
    """One GET on a new connection (gunicorn's sync workers close it after each response)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Accept-Language": "ja", "User-Agent": USER_AGENT})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


class Server:
    """A gunicorn process on 127.0.0.1, always terminated by stop()."""

    def __init__(self, name, app, env, workers, work, chdir=BASE_DIR):
        self.name = name
        self.port = free_port()
        self.log_path = work / f"{name}.log"
        self.log = open(self.log_path, "wb")  # closed in stop()
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments, local binary
            [
                str(GUNICORN),
                app,
                "--bind",
                f"{HOST}:{self.port}",
                "--workers",
                str(workers),
                "--chdir",
                str(chdir),
                "--log-level",
                "warning",
            ],
            cwd=chdir,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def wait_until_ready(self, path, timeout=60.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                status, _body = get(self.port, path, timeout=5)
                if status < 500:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        log = self.log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"{self.name} server did not start on port {self.port}:\n{log}")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()


@dataclass
class Result:
    latencies: list = field(default_factory=list)
    errors: int = 0
    wall: float = 0.0

    @property
    def rps(self):
        return len(self.latencies) / self.wall if self.wall else 0.0

    @property
    def p50(self):
        return statistics.median(self.latencies) * 1000

    @property
    def p95(self):
        return statistics.quantiles(self.latencies, n=100)[94] * 1000


def load(port, path, requests, concurrency, timeout):
    """`requests` GETs from `concurrency` threads; stops when they are all answered."""
    result = Result()
    lock = threading.Lock()
    remaining = [requests]

    def worker():
        while True:
            with lock:
                if remaining[0] == 0:
                    return
                remaining[0] -= 1
            started = time.perf_counter()
            try:
                status, _body = get(port, path, timeout)
                ok = status in (200, 302)
            except OSError:
                ok = False
            elapsed = time.perf_counter() - started
            with lock:
                if ok:
                    result.latencies.append(elapsed)
                else:
                    result.errors += 1

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.wall = time.perf_counter() - started
    return result


def first_story_path(port, timeout):
    status, body = get(port, "/ja/stories/", timeout)
    match = re.search(rb'href="(/ja/stories/[^"?#]+/)"', body)
    if status != 200 or not match:
        raise SystemExit(f"/ja/stories/ answered {status} without a link to a story")
    return match.group(1).decode()


def print_table(rows):
    header = f"{'page':<40} {'server':<15} {'rps':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6}"
    print(header)
    print("-" * len(header))
    for label, path, dynamic, static in rows:
        name = f"{label} {path}"
        if len(name) > 40:
            name = name[:39] + "…"
        for server, result in (("dynamic", dynamic), ("static", static)):
            if result.latencies:
                figures = f"{result.rps:>8.1f} {result.p50:>8.2f} {result.p95:>8.2f}"
            else:
                figures = f"{'-':>8} {'-':>8} {'-':>8}"
            print(f"{name:<40} {server:<15} {figures} {result.errors:>6}")
            name = ""
        if dynamic.latencies and static.latencies:
            print(
                f"{'':<40} {'dynamic/static':<15} {dynamic.rps / static.rps:>8.2f} "
                f"{dynamic.p50 / static.p50:>8.2f} {dynamic.p95 / static.p95:>8.2f}"
            )


def main():
    args = parse_args()
    for binary in (PYTHON, GUNICORN):
        if not binary.exists():
            raise SystemExit(f"{binary} is missing: run `make test` or `make run` first")
    work = Path(tempfile.mkdtemp(prefix="tsunagaru-bench-"))
    servers = []
    try:
        env = django_env(work)
        print(f"Building the demo site in {work}")
        manage(env, "migrate", "--no-input")
        manage(env, "seed_demo", "--force")
        # No collectstatic: the figures are for HTML only, and config.settings.dev uses plain
        # (not manifest) static storage, so pages render without collected files.

        dynamic = Server("dynamic", "config.wsgi", env, args.workers, work)
        servers.append(dynamic)
        dynamic.wait_until_ready("/ja/")
        targets = [
            ("home", "/ja/"),
            ("story", first_story_path(dynamic.port, args.timeout)),
            ("stories", "/ja/stories/"),
            ("campaign", "/ja/campaigns/winter-2026/"),
            # A tracking-link click: one row written per request, then a redirect.
            ("click", "/go/winter-aki-ig"),
        ]

        # The same HTML, as Django returns it after warm-up, saved for the static server.
        docroot = work / "docroot"
        docroot.mkdir()
        for label, path in targets:
            for _ in range(args.warmup):
                get(dynamic.port, path, args.timeout)
            status, body = get(dynamic.port, path, args.timeout)
            if status not in (200, 302):
                raise SystemExit(f"{path} answered {status}")
            (docroot / f"{label}.html").write_bytes(body)
        (work / "bench_static.py").write_text(STATIC_APP.format(root=str(docroot)))
        static_env = {k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"}
        static = Server("static", "bench_static:application", static_env, args.workers, work, work)
        servers.append(static)
        static.wait_until_ready(f"/{targets[0][0]}.html")

        print(
            f"\n{args.requests} requests per URL, {args.concurrency} client threads, "
            f"{args.warmup} warm-up requests, gunicorn with {args.workers} sync workers, "
            f"{os.cpu_count()} CPUs\n"
        )
        rows = []
        for label, path in targets:
            static_path = f"/{label}.html"
            for _ in range(args.warmup):
                get(static.port, static_path, args.timeout)
            dynamic_result = load(dynamic.port, path, args.requests, args.concurrency, args.timeout)
            static_result = load(
                static.port, static_path, args.requests, args.concurrency, args.timeout
            )
            rows.append((label, path, dynamic_result, static_result))
        print_table(rows)
    finally:
        for server in servers:
            server.stop()
        if args.keep:
            print(f"Kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
