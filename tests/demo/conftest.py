"""Tests about the demo itself: the demo bundle and the scenarios, as `make run` builds them.

The whole demo is built once per test database, on top of the test site, when the first of
these tests runs; they run after the other tests that keep the database (tests/conftest.py
orders them), so those never see it. Each test's own changes are rolled back as usual."""

import pytest
from wagtail.models import Site

from tests.sites import build_demo_site


@pytest.fixture(scope="session")
def _demo_database(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        build_demo_site()


@pytest.fixture
def demo_site(_demo_database, db):
    """The demo site as `make run` builds it."""
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def demo_site_full(demo_site):
    return demo_site
