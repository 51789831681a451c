"""The Content-Security-Policy in a real browser: the admin screens an editor uses every day
work under the admin's policy, and a public page with the editor's userbar works under the
strict one. Any violation on any page fails the test (tests/e2e/conftest.py)."""

import logging

from playwright.sync_api import expect

from tests.e2e.accounts import log_in_as_city_editor


def log_in(page, site_url, next_url):
    log_in_as_city_editor(page, site_url, next_url, reload=False)


def policy_of(response):
    return response.headers["content-security-policy"]


def test_editor_works_in_the_admin_under_its_policy(page, site_url):
    from home.models import HomePage
    from home.models.site import NavigationMenu

    home = HomePage.objects.filter(locale__language_code="ja", depth=2).first()
    log_in(page, site_url, "/admin/")
    response = page.reload()
    assert "'unsafe-inline'" in policy_of(response)
    assert "frame-ancestors 'self'" in policy_of(response)

    # The page editor with its preview panel: the preview is framed by the admin.
    page.goto(f"{site_url}/admin/pages/{home.pk}/edit/")
    page.locator("button[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    expect(preview.locator("main#main")).to_be_visible(timeout=15_000)

    # The image chooser (a modal loaded by script) from the hero image field.
    # The hero image is chosen: its "…" menu offers to change it.
    page.locator(".chooser:not(.blank) [data-w-dropdown-target='toggle']").first.click()
    page.locator("[data-chooser-action-choose]:visible").first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog.locator("a[data-chooser-modal-choice], .listing img").first).to_be_visible(
        timeout=15_000
    )
    page.keyboard.press("Escape")

    # An image's own page (the focal-point editor draws on the image).
    page.goto(f"{site_url}/admin/images/")
    page.locator(".listing a[href*='/admin/images/']").first.click()
    expect(page.locator("img").first).to_be_visible()

    # A snippet's editor.
    menu = NavigationMenu.objects.first()
    if menu is not None:
        page.goto(f"{site_url}/admin/snippets/home/navigationmenu/edit/{menu.pk}/")
        expect(page.locator("form#w-editor-form")).to_be_visible()

    # The page's draft in its own tab (an admin URL that renders the public template).
    response = page.goto(f"{site_url}/admin/pages/{home.pk}/view_draft/")
    assert "'unsafe-inline'" in policy_of(response)
    expect(page.locator("main#main")).to_be_visible()


def test_public_page_with_the_editors_userbar_keeps_the_strict_policy(page, site_url):
    log_in(page, site_url, "/admin/")
    response = page.goto(f"{site_url}/ja/")
    policy = policy_of(response)
    assert "script-src 'self' 'nonce-" in policy
    assert "'unsafe-inline'" not in policy
    userbar = page.locator("wagtail-userbar")
    expect(userbar).to_be_attached()
    userbar.locator("#wagtail-userbar-trigger").click()
    expect(userbar.locator("#wagtail-userbar-items")).to_be_visible()


def test_a_blocked_resource_is_reported_to_the_logging_endpoint(
    page, site_url, caplog, fail_on_csp_violation
):
    caplog.set_level(logging.WARNING, logger="tsunagaru.csp")
    page.goto(f"{site_url}/ja/")
    # What an injected tag would do: load an image from elsewhere.
    page.evaluate(
        """document.body.insertAdjacentHTML(
            "beforeend", '<img alt="" src="https://evil.example/pixel.png">')"""
    )
    for _ in range(20):
        lines = [r.getMessage() for r in caplog.records if r.name == "tsunagaru.csp"]
        if lines:
            break
        page.wait_for_timeout(500)
    assert any(
        "directive=img-src blocked=https://evil.example/pixel.png" in line for line in lines
    ), lines
    assert any("img-src" in message for message in fail_on_csp_violation)
    fail_on_csp_violation.clear()  # the violation this test caused on purpose
