"""The app deployed as the README's "Deploying" section says, on this machine, for the load
bench (scripts/bench_load.py) and the deploy test (tests/deploy/):

    production settings (config.settings.production) with PostgreSQL (127.0.0.1:5432, a database
    of its own, created if missing), Redis (127.0.0.1:6379, a database number of its own) and an
    SMTP server (aiosmtpd, started here, that keeps what it receives);
    compilemessages, collectstatic, migrate (when a migration is missing), seed_demo --force
    (once per database), the task worker (manage.py db_worker), gunicorn with --preload and
    3 workers, and nginx from Debian with the project's deploy/nginx/tsunagaru.conf in front,
    terminating HTTPS with a self-signed certificate.

Everything listens on 127.0.0.1 on free ports and is stopped by its pid when the block ends
(also on an error or Ctrl-C). As a command it serves until Ctrl-C:

    .venv/bin/python scripts/production_server.py [--database NAME] [--cache-db N]

Its files (certificate, nginx configuration, logs, the media directory and the secret key that
belong to the database) are in var/production/<database>/. Deleting that directory makes the
next start drop and rebuild the database: the demo's uploaded files live there.
"""

import argparse
import contextlib
import fcntl
import logging
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PYTHON = str(BIN / "python")
NGINX = "/usr/sbin/nginx"
NGINX_CONF = ROOT / "deploy" / "nginx" / "tsunagaru.conf"
PG_HOST, PG_PORT = "127.0.0.1", 5432
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
HOST = "127.0.0.1"
# What the children inherit from the caller's environment; everything else is set here, so a
# test run's DJANGO_SETTINGS_MODULE, DATABASE_URL or .env never leaks into "production".
INHERITED = ("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "USER")


# `collectstatic --no-input`, skipped when no static file changed since the last one: WhiteNoise
# compresses every file again on each run (15-20 s here), for every start of the server.
COLLECTSTATIC_WHEN_CHANGED = """
import hashlib
from pathlib import Path
from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
digest = hashlib.sha256()
for finder in get_finders():
    for path, storage in finder.list(["CVS", ".*", "*~"]):
        stat = Path(storage.path(path)).stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns};".encode())
stamp = Path(settings.STATIC_ROOT) / ".collected"
manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
if not (manifest.exists() and stamp.exists() and stamp.read_text() == digest.hexdigest()):
    call_command("collectstatic", interactive=False, verbosity=0)
    stamp.write_text(digest.hexdigest())
"""


class HarnessError(RuntimeError):
    """Something the production server needs is missing or did not start."""


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def require_services(pg_host=PG_HOST, pg_port=PG_PORT):
    """PostgreSQL and Redis must be running: a clear message when one is not."""
    missing = []
    for name, port, hint in (
        ("PostgreSQL", pg_port, "pg_ctlcluster <version> main start"),
        ("Redis", REDIS_PORT, "redis-server --daemonize yes --bind 127.0.0.1"),
    ):
        try:
            socket.create_connection(
                (pg_host if name == "PostgreSQL" else REDIS_HOST, port), 2
            ).close()
        except OSError:
            missing.append(f"{name} is not running on 127.0.0.1:{port} (start it: {hint})")
    if missing:
        raise HarnessError("; ".join(missing))


@dataclass
class SmtpSink:
    """An SMTP server (aiosmtpd) that accepts and keeps every message."""

    messages: list = field(default_factory=list)
    controller: object = None
    port: int = 0

    def start(self):
        from aiosmtpd.controller import Controller

        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd)
                sink.messages.append((envelope.mail_from, list(envelope.rcpt_tos)))
                return "250 OK"

        self.port = free_port()
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's per-command log
        self.controller = Controller(Handler(), hostname=HOST, port=self.port)
        self.controller.start()
        return self

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


class ProductionServer:
    """``with ProductionServer(database="tsunagaru_bench_load") as server: server.url``.

    ``extra_env`` adds or overrides variables everywhere; ``server_env`` only those of the
    served processes (gunicorn, the worker, nginx), not of the setup commands (the bench:
    TRUSTED_PROXY_COUNT=2 and FORM_TIME_TRAP_SECONDS=0; seed_demo's requests carry one
    X-Forwarded-For address). ``log`` receives one line per step.
    """

    def __init__(
        self,
        database="tsunagaru_production",
        cache_db=12,
        extra_env=None,
        server_env=None,
        workers=3,
        log=print,
        pg_host=PG_HOST,
        pg_port=PG_PORT,
    ):
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", database):
            raise ValueError(f"not a plain database name: {database!r}")
        self.database = database
        self.cache_db = cache_db
        self.extra_env = dict(extra_env or {})
        self.server_env = dict(server_env or {})
        self.workers = workers
        self.log = log
        self.pg_host, self.pg_port = pg_host, pg_port
        self.dir = ROOT / "var" / "production" / database
        self.run_dir = None
        self.processes = {}
        self.smtp = SmtpSink()
        self.port = None
        self.http_port = None
        self.app_port = None
        self.nginx_config_source = None
        self.worker_restarts = 0
        self.supervisor = None
        self.stopping = threading.Event()

    # -- what the app is given ------------------------------------------------------------
    @property
    def url(self):
        return f"https://{HOST}:{self.port}"

    @property
    def database_url(self):
        return f"postgres://postgres@{self.pg_host}:{self.pg_port}/{self.database}"

    @property
    def media_root(self):
        return self.dir / "media"

    def secret_key(self):
        path = self.dir / "secret_key"
        if not path.exists():
            path.write_text(secrets.token_urlsafe(50))
            path.chmod(0o600)
        return path.read_text().strip()

    @property
    def env(self):
        env = {name: os.environ[name] for name in INHERITED if name in os.environ}
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "config.settings.production",
                "DJANGO_ENV_FILE": "/nonexistent",  # not the developer's .env
                "SECRET_KEY": self.secret_key(),
                "ALLOWED_HOSTS": HOST,
                "DATABASE_URL": self.database_url,
                "CACHE_URL": f"redis://{REDIS_HOST}:{REDIS_PORT}/{self.cache_db}",
                "EMAIL_URL": f"smtp://{HOST}:{self.smtp.port or 25}",
                "WAGTAILADMIN_BASE_URL": self.url if self.port else f"https://{HOST}",
                # nginx passes Host without the port; the browser's Origin has it.
                "CSRF_TRUSTED_ORIGINS": self.url if self.port else f"https://{HOST}",
                "MEDIA_ROOT": str(self.media_root),
                "CONSULTATION_PRIVATE_ROOT": str(self.dir / "private"),
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.update(self.extra_env)
        return env

    # -- start and stop --------------------------------------------------------------------
    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        started = time.monotonic()
        require_services(self.pg_host, self.pg_port)
        self.dir.mkdir(parents=True, exist_ok=True)
        remove_stale_run_dirs(self.dir)
        self.run_dir = self.dir / f"run-{os.getpid()}"
        shutil.rmtree(self.run_dir, ignore_errors=True)
        self.run_dir.mkdir()
        self.port, self.http_port, self.app_port = free_port(), free_port(), free_port()
        self.smtp.start()
        with self.setup_lock():
            self.prepare_database()
            self.step("compilemessages", "compilemessages", "--ignore=.venv", "-v0")
            self.step("collectstatic", "shell", "-c", COLLECTSTATIC_WHEN_CHANGED)
            if self.manage("migrate", "--check", check=False).returncode != 0:
                self.step("migrate", "migrate", "--no-input", "-v0")
            if not (self.dir / "seeded").exists():
                self.step("seed_demo --force", "seed_demo", "--force", "-v0")
                (self.dir / "seeded").write_text(self.database)
        self.start_worker()
        self.start_gunicorn()
        self.start_nginx()
        self.wait_until_healthy()
        self.log(f"production server up at {self.url} in {time.monotonic() - started:.1f} s")
        return self

    def stop(self):
        self.stopping.set()
        if self.supervisor is not None:
            self.supervisor.join(timeout=10)
        for name in ("nginx", "gunicorn", "worker"):
            process = self.processes.pop(name, None)
            if process is None or process.poll() is not None:
                continue
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        self.smtp.stop()

    @contextlib.contextmanager
    def setup_lock(self):
        """One setup at a time on this machine: collectstatic writes the shared var/static, and
        two starts on one database must not both migrate or seed it."""
        lock_path = ROOT / "var" / "production" / ".setup.lock"
        with open(lock_path, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def prepare_database(self):
        """Create the database; a database whose media directory is gone is rebuilt."""
        import psycopg

        with psycopg.connect(
            host=self.pg_host,
            port=self.pg_port,
            user="postgres",
            dbname="postgres",
            autocommit=True,
        ) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [self.database]
            ).fetchone()
            if exists and not self.media_root.exists():
                self.log(f"dropping {self.database}: its media directory is not there")
                connection.execute(f'DROP DATABASE "{self.database}" WITH (FORCE)')
                exists = None
            if not exists:
                connection.execute(f'CREATE DATABASE "{self.database}"')
                self.log(f"created database {self.database}")
                (self.dir / "seeded").unlink(missing_ok=True)
        self.media_root.mkdir(exist_ok=True)

    def manage(self, *args, check=True, timeout=900):
        result = subprocess.run(  # noqa: S603 (our own manage.py)
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and result.returncode != 0:
            raise HarnessError(
                f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
                f"{result.stdout[-3000:]}{result.stderr[-3000:]}"
            )
        return result

    def step(self, label, *args):
        started = time.monotonic()
        self.manage(*args)
        self.log(f"{label}: {time.monotonic() - started:.1f} s")

    def spawn(self, name, args, **kwargs):
        log = open(self.run_dir / f"{name}.log", "ab")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(  # noqa: S603
            args,
            cwd=ROOT,
            env={**self.env, **self.server_env},
            stdout=log,
            stderr=subprocess.STDOUT,
            **kwargs,
        )
        log.close()
        self.processes[name] = process
        return process

    def start_worker(self):
        """The task worker, restarted when it exits, as its service manager would do
        (systemd: Restart=always): db_worker stops when the database goes away."""
        command = [PYTHON, "manage.py", "db_worker", "--no-startup-delay"]
        self.spawn("worker", command)

        def supervise():
            while not self.stopping.wait(1):
                worker = self.processes.get("worker")
                if worker is not None and worker.poll() is not None:
                    if self.stopping.wait(2):  # RestartSec=2
                        return
                    self.worker_restarts += 1
                    self.spawn("worker", command)

        self.supervisor = threading.Thread(target=supervise, daemon=True)
        self.supervisor.start()

    def start_gunicorn(self):
        self.spawn(
            "gunicorn",
            [
                str(BIN / "gunicorn"),
                "config.wsgi",
                "--preload",
                "--bind",
                f"{HOST}:{self.app_port}",
                "--workers",
                str(self.workers),
                "--timeout",
                "30",
                "--pid",
                str(self.run_dir / "gunicorn.pid"),
            ],
        )

    # -- nginx -----------------------------------------------------------------------------
    def certificate(self):
        cert, key = self.run_dir / "cert.pem", self.run_dir / "key.pem"
        subprocess.run(  # noqa: S603
            [
                "/usr/bin/openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                f"/CN={HOST}",
                "-days",
                "1",
                "-keyout",
                str(key),
                "-out",
                str(cert),
            ],
            check=True,
            capture_output=True,
        )
        return cert, key

    def server_block(self, cert, key):
        """The project's deploy/nginx/tsunagaru.conf with this machine's paths and ports filled
        into its placeholders (or, while that file is not there, the README's equivalent)."""
        values = {
            "__SERVER_NAME__": HOST,
            "__LISTEN_HTTPS__": f"{HOST}:{self.port} ssl",
            "__LISTEN_HTTP__": f"{HOST}:{self.http_port}",
            "__CERT__": str(cert),
            "__CERT_KEY__": str(key),
            "__MEDIA_ROOT__": str(self.media_root),
            "__APP__": f"{HOST}:{self.app_port}",
        }
        if NGINX_CONF.exists():
            self.nginx_config_source = str(NGINX_CONF.relative_to(ROOT))
            return substitute(NGINX_CONF.read_text(), values)
        self.nginx_config_source = "built-in (deploy/nginx/tsunagaru.conf is not there)"
        return substitute(
            """server {
    listen __LISTEN_HTTPS__;
    server_name __SERVER_NAME__;
    ssl_certificate __CERT__;
    ssl_certificate_key __CERT_KEY__;
    location /media/ { alias __MEDIA_ROOT__/; expires 30d; }
    location / {
        proxy_pass http://__APP__;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
    }
}
""",
            values,
        )

    def start_nginx(self):
        if not Path(NGINX).exists():
            raise HarnessError(f"{NGINX} is missing (Debian: apt-get install nginx-light)")
        cert, key = self.certificate()
        temp = self.run_dir / "nginx"
        temp.mkdir()
        config = self.run_dir / "nginx.conf"
        config.write_text(
            f"""daemon off;
worker_processes 1;
pid {self.run_dir}/nginx.pid;
error_log {self.run_dir}/nginx-error.log;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    access_log {self.run_dir}/nginx-access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{self.server_block(cert, key)}
}}
"""
        )
        self.spawn(
            "nginx",
            [
                NGINX,
                "-c",
                str(config),
                "-p",
                str(temp),
                "-e",
                str(self.run_dir / "nginx-error.log"),
            ],
        )

    def wait_until_healthy(self, timeout=60):
        deadline = time.monotonic() + timeout
        status = None
        while time.monotonic() < deadline:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise HarnessError(f"{name} stopped: {self.tail(name)}")
            try:
                status, _headers, _body = self.get("/healthz/")
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise HarnessError(
            f"/healthz/ did not answer 200 (last: {status}): {self.tail('gunicorn')}"
        )

    def tail(self, name, lines=30):
        path = self.run_dir / f"{name}.log"
        if name == "nginx":
            path = self.run_dir / "nginx-error.log"
        if not path.exists():
            return "(no log)"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    # -- a small client --------------------------------------------------------------------
    def get(self, path, headers=None, method="GET", data=None):
        """(status, headers, body) of one request through nginx, redirects not followed."""
        request = urllib.request.Request(  # noqa: S310 (https://127.0.0.1 only)
            self.url + path, data=data, method=method, headers=dict(headers or {})
        )
        opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=insecure_context()), NoRedirect()
        )
        try:
            with opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()


def remove_stale_run_dirs(directory):
    """The logs of earlier runs whose process has ended (the last one's are kept)."""
    runs = sorted(directory.glob("run-*"), key=lambda path: path.stat().st_mtime)
    for path in runs[:-1]:
        with contextlib.suppress(ValueError):
            pid = int(path.name.removeprefix("run-"))
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                shutil.rmtree(path, ignore_errors=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def insecure_context():
    """The certificate is self-signed for 127.0.0.1."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def substitute(text, values):
    """Fill the configuration's __PLACEHOLDERS__; one this harness does not know is an error
    (the deploy file changed: teach the harness its new placeholder)."""
    text = re.sub(r"__[A-Z_]+__", lambda match: values.get(match.group(0), match.group(0)), text)
    unknown = sorted(set(re.findall(r"__[A-Z_]+__", text)))
    if unknown:
        raise HarnessError(
            f"{NGINX_CONF.name} has placeholders the harness does not fill: {unknown}"
        )
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="tsunagaru_production")
    parser.add_argument("--cache-db", type=int, default=12)
    parser.add_argument(
        "--env", action="append", default=[], metavar="NAME=VALUE", help="extra variable"
    )
    args = parser.parse_args()
    extra = dict(item.split("=", 1) for item in args.env)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        with ProductionServer(
            database=args.database, cache_db=args.cache_db, extra_env=extra
        ) as server:
            print(f"Serving {server.url}/ (nginx: {server.nginx_config_source}); Ctrl-C stops it.")
            print(f"Logs: {server.run_dir}")
            while not stop.wait(1):
                pass
    except KeyboardInterrupt:
        pass
    except HarnessError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
