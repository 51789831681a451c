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


# Runs in every frame before the page's own scripts: a violation the policy blocks shows up
# as a console message the fixture below collects (Chromium also logs its own "Refused to …
# because it violates the following Content Security Policy directive" messages).
CSP_VIOLATION_LISTENER = """
window.addEventListener("securitypolicyviolation", function (event) {
  console.error("Content Security Policy violation: " + event.effectiveDirective + " blocked "
    + (event.blockedURI || "inline") + " on " + event.documentURI + " ("
    + (event.sourceFile || "") + ":" + event.lineNumber + ")");
}, true);
"""


def _is_csp_violation(message):
    text = message.text
    return "Content Security Policy" in text or "Content-Security-Policy" in text


@pytest.fixture(autouse=True)
def fail_on_csp_violation(request, monkeypatch):
    """Every browser test fails when a page it opened breaks the Content-Security-Policy.

    Watches every context the test makes (pytest-playwright's `context`/`page` and the test's
    own browser.new_context()), with pytest-playwright's fixtures only. A test that causes a
    violation on purpose asks for this fixture and empties the list it yields."""
    if "browser" not in request.fixturenames:
        yield []
        return
    browser = request.getfixturevalue("browser")
    violations = []

    def watch(context):
        context.add_init_script(CSP_VIOLATION_LISTENER)
        context.on(
            "console",
            lambda message: violations.append(message.text) if _is_csp_violation(message) else None,
        )
        return context

    original_new_context = browser.new_context
    monkeypatch.setattr(
        browser, "new_context", lambda *args, **kwargs: watch(original_new_context(*args, **kwargs))
    )
    if "context" in request.fixturenames:
        request.getfixturevalue("context")  # made now, through the watched new_context
    yield violations
    if violations:
        unique = list(dict.fromkeys(violations))
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(unique), pytrace=False)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Most visitors browse in Japanese; tests that need English go to /en/ explicitly.
    return {**browser_context_args, "locale": "ja-JP"}
