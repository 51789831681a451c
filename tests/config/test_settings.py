"""Settings per environment: production refuses to start without its variables, passes the
deployment checklist with them, and development generates its own secret key."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 20 + "-production-test-key-that-is-long-and-random-9f8e7d6c5b4a",
    "ALLOWED_HOSTS": "tsunagaru.example.jp",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/tsunagaru",
    "CACHE_URL": "redis://127.0.0.1:6379/1",
    "EMAIL_URL": "smtp+tls://user:pass@smtp.example.jp:587",
    "WAGTAILADMIN_BASE_URL": "https://tsunagaru.example.jp",
}


def manage(*args, env_overrides=None, settings="config.settings.production", env_file=None):
    skip = {*PRODUCTION_ENV, "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env["DJANGO_SETTINGS_MODULE"] = settings
    env["DJANGO_ENV_FILE"] = str(env_file or "/nonexistent/.env")
    env.update(env_overrides or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_passes_the_deployment_checklist():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_refuses_to_start_without_a_required_variable(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", env_overrides=env)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert lines == [f"Missing required environment variable {missing} (see .env.example)."]


def test_production_refuses_sqlite():
    env = dict(PRODUCTION_ENV, DATABASE_URL="sqlite:////tmp/x.sqlite3")
    result = manage("check", env_overrides=env)
    assert result.returncode != 0
    assert "PostgreSQL" in result.stderr


def test_development_generates_a_secret_key_once(tmp_path):
    env_file = tmp_path / ".env"
    first = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        settings="config.settings.dev",
        env_file=env_file,
    )
    assert first.returncode == 0, first.stderr
    key = first.stdout.strip().splitlines()[-1]
    assert len(key) >= 50
    assert env_file.read_text() == f"SECRET_KEY={key}\n"
    second = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        settings="config.settings.dev",
        env_file=env_file,
    )
    assert second.stdout.strip().splitlines()[-1] == key
    assert env_file.read_text().count("SECRET_KEY=") == 1


def test_env_example_documents_every_variable_settings_read():
    documented = {
        line.split("=", 1)[0].lstrip("# ").strip()
        for line in (BASE_DIR / ".env.example").read_text().splitlines()
        if "=" in line and not line.startswith("#   ")
    }
    settings_text = "".join(p.read_text() for p in (BASE_DIR / "config" / "settings").glob("*.py"))
    import re

    read = set(
        re.findall(r'env\.(?:str|bool|int|list|db|cache|email)\(\s*"([A-Z_]+)"', settings_text)
    )
    read |= set(re.findall(r'"([A-Z_]+)",\n', settings_text.split("REQUIRED = (")[1].split(")")[0]))
    undocumented = read - documented - {"DJANGO_ENV_FILE"}
    assert not undocumented, f"add to .env.example: {sorted(undocumented)}"


def dev_settings_print(expression):
    """Print an expression over development settings in a fresh process; return its output."""
    result = manage(
        "shell",
        "-c",
        f"from django.conf import settings as s; print({expression})",
        settings="config.settings.dev",
        env_overrides={"SECRET_KEY": "dev-test"},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_default_database_is_sqlite_in_var_with_immediate_transactions():
    out = dev_settings_print(
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], "
        "s.DATABASES['default']['OPTIONS']"
    )
    assert out.startswith("django.db.backends.sqlite3 ")
    assert "/var/tsunagaru.sqlite3" in out
    assert "IMMEDIATE" in out and "journal_mode=WAL" in out and "'timeout': 20" in out


def test_development_defaults_need_no_services():
    out = dev_settings_print(
        "s.CACHES['default']['BACKEND'], s.EMAIL_TRANSPORT_BACKEND, s.MEDIA_ROOT"
    )
    assert "LocMemCache" in out
    assert "console.EmailBackend" in out
    assert out.endswith("var/media")
    # Every e-mail goes through the outbox, which sends through the console in development.
    assert "QueuedEmailBackend" in dev_settings_print("s.EMAIL_BACKEND")


def test_production_cache_talks_to_redis():
    """CACHE_URL=redis://… needs the Redis client installed; check --deploy never touches it."""
    result = manage(
        "shell",
        "-c",
        "from django.core.cache import cache; cache.set('tsunagaru-ci', 'ok', 5); "
        "print(cache.get('tsunagaru-ci'))",
        env_overrides=dict(PRODUCTION_ENV, CACHE_URL="redis://127.0.0.1:6379/15"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "ok"


def test_images_from_object_storage_are_allowed_by_the_content_security_policy():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']); "
        "print(s.CONTENT_SECURITY_POLICY_ADMIN['DIRECTIVES']['img-src'])",
        settings="config.settings.dev",
        env_overrides={"SECRET_KEY": "dev-test", "CSP_MEDIA_HOSTS": "https://media.example.jp"},
    )
    assert result.returncode == 0, result.stderr
    public, admin = result.stdout.strip().splitlines()[-2:]
    assert "https://media.example.jp" in public and "https://media.example.jp" in admin
    assert "https://media.example.jp" not in dev_settings_print(
        "s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']"
    )
