"""/healthz/ tells the load balancer the truth: 200 when the database and the cache answer,
503 (not a 500) when either is down; plain text, never cached."""

import socket

import pytest
from django.db import connections
from django.test import Client, override_settings


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the probe is closed


def assert_not_cached(response):
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.django_db
def test_healthy_is_200_plain_text_and_not_cached():
    response = Client().get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert_not_cached(response)


@pytest.fixture
def database_down(django_db_setup, django_db_blocker):
    """The default connection pointed at a database that is not there, as during a restart."""
    connection = connections["default"]
    with django_db_blocker.unblock():
        connection.close()
        saved = dict(connection.settings_dict)
        if connection.vendor == "sqlite":
            connection.settings_dict["NAME"] = "/nonexistent-directory/down.sqlite3"
        else:
            connection.settings_dict.update(
                {"HOST": "127.0.0.1", "PORT": str(closed_port()), "OPTIONS": {}}
            )
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(saved)


def test_database_down_is_503(database_down):
    response = Client().get("/healthz/")
    assert response.status_code == 503
    assert response.content == b"unavailable: database\n"
    assert_not_cached(response)


@pytest.mark.django_db
def test_cache_down_is_503():
    redis_down = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }
    with override_settings(CACHES=redis_down):
        response = Client().get("/healthz/")
    assert response.status_code == 503
    assert response.content == b"unavailable: cache\n"
    assert_not_cached(response)
