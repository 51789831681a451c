"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live_server.

Nothing is downloaded: `playwright install` cannot reach its servers here, so the tests use
/usr/bin/chromium. When it is missing the tests fail (never skip): `make test` installs it.
"""

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

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


@pytest.fixture(scope="session")
def demo_server(django_db_setup, django_db_blocker):
    """The whole demo (tests/sites.py: the demo bundle and the scenarios), built once per test
    database and served by a live server that the browser tests share.

    Browser tests run last (tests/conftest.py orders them), after the tests that flush the
    database, so it is built on an empty database. It is not flushed between browser tests:
    each test makes its own users and records (distinct e-mail addresses) and leaves the
    demo's own state as it found it, or changes it at the end of its flow."""
    from pytest_django.live_server_helper import LiveServer

    from tests.sites import build_demo_site

    # Open for the whole session: the server thread also answers the requests a page sends
    # after its test has ended (beacons on unload), and pytest-django's blocker is global.
    with django_db_blocker.unblock():
        build_demo_site()
        server = LiveServer(os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost"))
        yield server
        server.stop()


@pytest.fixture
def site_url(demo_server, django_db_blocker):
    """The address of the demo on the live server; the test may read and write the database
    as the server does (committed at once, no transaction around the test)."""
    demo_server._live_server_modified_settings.enable()
    with django_db_blocker.unblock():
        yield demo_server.url
    demo_server._live_server_modified_settings.disable()


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
