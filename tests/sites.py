"""The sites the tests start from.

- ``build_test_site()``: the small test bundle (tests/bundle/: 15 pages in Japanese and English,
  every block type, the demo's snippets and settings) and one login per role. What a test
  needs beyond that it makes with the factories in tests/factories.
- ``build_demo_site()``: the whole demo as `make run` builds it (seed_demo: the demo bundle and
  the scenarios), for the tests about the demo itself and the browser tests that walk its flows.
"""

import os
from pathlib import Path

from django.core.management import call_command

TEST_BUNDLE = Path(__file__).resolve().parent / "bundle"


def ensure_test_database():
    """pytest-django makes the test database only when a collected test asks for one (a
    django_db marker or the db fixtures). Browser tests ask for none — they share the demo
    server, not a transaction — so a run of browser tests alone would reach the development
    database: make the test database then. Returns what teardown_databases needs, or None."""
    from django.db import connection
    from django.test.utils import setup_databases

    if connection.settings_dict["NAME"] == connection.creation._get_test_db_name():
        return None
    return setup_databases(verbosity=0, interactive=False, aliases={"default"})


def build_test_site():
    from content.importer import import_bundle
    from content.management.commands.seed_demo import Command as SeedDemo
    from home.models import HomePage
    from tests.conftest import ensure_wagtail_base

    ensure_wagtail_base()
    import_bundle(TEST_BUNDLE)
    seed = SeedDemo()
    seed.ensure_site(HomePage.objects.get(depth=2, locale__language_code="ja"))
    seed.ensure_users()


def build_demo_site():
    from tests.conftest import ensure_wagtail_base

    ensure_wagtail_base()
    call_command("seed_demo", "--force", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
