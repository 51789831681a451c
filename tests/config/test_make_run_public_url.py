"""`make run PORT=…` (and `make seed`) give the site the address they serve at, unless the
public address is configured: on the command line, in the environment or in .env."""

import os
import re
import subprocess
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def base_url_seen_by_seed(tmp_path, *make_args, env_file_text="", environment=None):
    """WAGTAILADMIN_BASE_URL in the environment `make seed` gives seed_demo (MANAGE is
    replaced by `env`, nothing is installed or seeded)."""
    env_file = tmp_path / ".env"
    env_file.write_text(env_file_text)
    env = {k: v for k, v in os.environ.items() if k not in {"WAGTAILADMIN_BASE_URL", "MAKEFLAGS"}}
    env.update(DJANGO_ENV_FILE=str(env_file), **(environment or {}))
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/.runtime", "seed", "MANAGE=env #", *make_args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    found = re.findall(r"^WAGTAILADMIN_BASE_URL=(.*)$", result.stdout, re.MULTILINE)
    return found[0] if found else None


@pytest.mark.parametrize(
    ("make_args", "expected"),
    [
        ((), "http://127.0.0.1:8000"),
        (("PORT=8123",), "http://127.0.0.1:8123"),
        (("HOST=localhost", "PORT=8124"), "http://localhost:8124"),
        (("PORT=8123", "WAGTAILADMIN_BASE_URL=https://demo.example.jp"), "https://demo.example.jp"),
    ],
)
def test_make_gives_seed_demo_the_address_it_serves_at(tmp_path, make_args, expected):
    assert base_url_seen_by_seed(tmp_path, *make_args) == expected


def test_address_from_the_environment_is_kept(tmp_path):
    environment = {"WAGTAILADMIN_BASE_URL": "https://tunnel.example.jp"}
    url = base_url_seen_by_seed(tmp_path, "PORT=8123", environment=environment)
    assert url == "https://tunnel.example.jp"


def test_address_in_the_env_file_is_left_to_django(tmp_path):
    # Django reads .env only for variables the environment does not set: make sets none.
    text = 'SECRET_KEY=x\nWAGTAILADMIN_BASE_URL="https://demo.example.jp"\n'
    assert base_url_seen_by_seed(tmp_path, "PORT=8123", env_file_text=text) is None
