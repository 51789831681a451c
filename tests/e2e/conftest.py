"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live_server.

Nothing is downloaded: `playwright install` cannot reach its servers here, so the tests use
/usr/bin/chromium. When it is missing the tests fail (never skip): `make test` installs it.
"""

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import ensure_wagtail_base

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run `make test` (it installs Debian's chromium)"
        )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--disable-quic",
        ],
    }


@pytest.fixture
def site_url(live_server, transactional_db, django_capture_on_commit_callbacks):
    """The demo site on a live server; the database is flushed after every browser test."""
    from django.core.management import call_command

    ensure_wagtail_base()
    call_command("seed_demo", "--force", verbosity=0, stdout=open(os.devnull, "w"))
    return live_server.url


_axe = Axe()


def assert_no_axe_violations(page):
    """axe-core with the WCAG 2.0/2.1 A and AA rules (JIS X 8341-3:2016 AA is WCAG 2.0 AA)."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}})
    violations = results.response["violations"]
    assert violations == [], results.generate_report()


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Most visitors browse in Japanese; tests that need English go to /en/ explicitly.
    return {**browser_context_args, "locale": "ja-JP"}
