"""Campaign pages in a real browser, in Japanese and English: axe (WCAG 2.0/2.1 A and AA)
on the running campaign, the ended one, the campaign index and the home page with its
campaign section; the calls to action and share links are reachable with the keyboard."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_axe_violations

MAX_TABS = 120


def tab_targets(page):
    """Press Tab through the page; the addresses of the links that received focus."""
    page.locator("body").click(position={"x": 1, "y": 1})
    reached = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        href = page.evaluate(
            "() => document.activeElement && document.activeElement.getAttribute('href')"
        )
        if href:
            reached.append(href)
        if href and href.startswith("https://social-plugins.line.me/"):
            break  # the last share link: everything before it was reachable
    return reached


@pytest.mark.parametrize("language", ["ja", "en"])
def test_campaign_pages_are_accessible_and_keyboard_reachable(page, site_url, language):
    page.goto(f"{site_url}/{language}/campaigns/winter-2026/")
    expect(page.locator(".pr-label")).to_be_visible()
    expect(page.locator("h1")).to_be_visible()
    assert_no_axe_violations(page)

    reached = tab_targets(page)
    ctas = page.locator("[data-cta]")
    assert ctas.count() == 4
    for n in range(ctas.count()):
        assert ctas.nth(n).get_attribute("href") in reached
    for prefix in (
        "https://x.com/intent/post?",
        "https://www.facebook.com/sharer/sharer.php?",
        "https://social-plugins.line.me/lineit/share?",
    ):
        assert any(href.startswith(prefix) for href in reached), prefix

    # The ended campaign: its notice, related content and calls to action.
    page.goto(f"{site_url}/{language}/campaigns/summer-2026/")
    expect(page.locator(".campaign__ended")).to_be_visible()
    expect(page.locator(".campaign__related a").first).to_be_visible()
    assert page.locator("[data-cta]").count() == 4
    assert_no_axe_violations(page)
    register = page.locator('[data-cta="register"]')
    target = register.get_attribute("href")
    register.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{site_url}{target}"
    expect(page.locator("h1")).to_be_visible()
    assert_no_axe_violations(page)

    # The campaign index and the home page's campaign section.
    page.goto(f"{site_url}/{language}/campaigns/")
    expect(page.locator(".campaign-card").first).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(f"{site_url}/{language}/")
    section = page.locator(".home-campaigns")
    expect(section).to_be_visible()
    # Other browser tests may add running campaigns of their own: look at the first card.
    expect(section.locator(".pr-label").first).to_be_visible()
    assert_no_axe_violations(page)
