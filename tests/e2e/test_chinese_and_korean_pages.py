"""The core pages in Simplified Chinese, Traditional Chinese and Korean, in a real browser: the
page is in the visitor's language (interface and demo content), and axe-core finds nothing,
error states included."""

import json
from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_axe_violations

BUNDLE = Path(__file__).resolve().parents[2] / "content" / "tomakomai" / "pages"
LANGUAGES = ["zh-hans", "zh-hant", "ko"]


def bundle_text(language, path, context):
    """What the demo bundle's translator wrote for one string of a page."""
    page = json.loads((BUNDLE / language / path / "index.json").read_text(encoding="utf-8"))
    return next(s["text"] for s in page["strings"] if s["context"] == context)


def ui(language, message):
    with translation.override(language):
        return translation.gettext(message)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_is_in_the_visitors_language_and_passes_axe(page, site_url, language):
    page.goto(f"{site_url}/{language}/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        bundle_text(language, ".", "hero_catch_copy")
    )
    # The interface around the content is in the same language.
    expect(page.locator("header")).to_contain_text(ui(language, "Search"))
    assert_no_axe_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_registration_and_its_error_state_pass_axe(page, site_url, language):
    page.goto(f"{site_url}/{language}/members/register/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_no_axe_violations(page)
    page.get_by_role("button", name=ui(language, "Next")).click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_no_axe_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_entry_pass_pages_and_the_application_error_state_pass_axe(page, site_url, language):
    page.goto(f"{site_url}/{language}/entry-pass/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        bundle_text(language, "entry-pass", "title")
    )
    assert_no_axe_violations(page)
    page.goto(f"{site_url}/{language}/pass/apply/")
    assert_no_axe_violations(page)
    page.get_by_role("button", name=ui(language, "Get the pass")).click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_no_axe_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_consultation_page_and_its_error_state_pass_axe(page, site_url, language):
    page.goto(f"{site_url}/{language}/consultation/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        bundle_text(language, "consultation", "title")
    )
    assert_no_axe_violations(page)
    page.get_by_role("button", name=ui(language, "Check your entries")).click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_no_axe_violations(page)


def test_korean_404_page_is_in_korean(page, site_url):
    response = page.goto(f"{site_url}/ko/no-such-page/")
    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("ko", "Page not found"))
    assert_no_axe_violations(page)
