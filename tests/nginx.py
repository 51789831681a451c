"""Debian's nginx, started by a test on 127.0.0.1 in a temporary prefix and stopped by its pid.

`make test` installs nginx-light (not started as a service); a test that needs it fails, never
skips, when it is missing."""

import contextlib
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

NGINX = "/usr/sbin/nginx"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_nginx(temp, http_body, ports):
    """Run nginx with `http_body` (servers, includes) inside its http block; wait until it
    listens on every port of `ports`; stop it afterwards."""
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: `make test` installs nginx-light")
    temp = Path(temp)
    temp.mkdir(parents=True, exist_ok=True)
    config = temp / "nginx.conf"
    config.write_text(
        f"""daemon off;
master_process off;
pid {temp}/nginx.pid;
error_log {temp}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log {temp}/access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{http_body}
}}
"""
    )
    process = subprocess.Popen(  # noqa: S603
        [NGINX, "-c", str(config), "-p", str(temp), "-e", str(temp / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        for port in ports:
            _wait_until_listening(port, process, temp / "error.log")
        yield process
    finally:
        process.terminate()  # the nginx this test started, by its pid
        process.wait(timeout=10)
        shutil.rmtree(temp, ignore_errors=True)


def _wait_until_listening(port, process, log):
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error_log = log.read_text() if log.exists() else ""
            pytest.fail(f"nginx stopped: {process.stderr.read().decode()} {error_log}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail("nginx did not start listening")
