"""The site in a real browser, in Japanese and English, by keyboard, with axe-core."""

import re

import pytest
from playwright.sync_api import expect

from home import demo_content
from tests.e2e.accounts import enter_code_if_asked
from tests.e2e.conftest import assert_no_axe_violations


@pytest.mark.parametrize(
    ("language", "heading"),
    [("ja", "苫小牧と、もうひとつの暮らしを。"), ("en", "Tomakomai: a second place to live.")],
)
def test_home_page_passes_axe(page, site_url, language, heading):
    page.goto(f"{site_url}/{language}/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_no_axe_violations(page)


@pytest.mark.parametrize(
    "path", ["/ja/accounts/login/", "/en/accounts/login/", "/ja/no-such-page/"]
)
def test_login_and_error_pages_pass_axe(page, site_url, path):
    page.goto(f"{site_url}{path}")
    assert_no_axe_violations(page)


def test_login_form_with_errors_passes_axe(page, site_url):
    page.goto(f"{site_url}/ja/accounts/login/")
    page.get_by_label("メールアドレス").fill("city@example.jp")
    page.get_by_label("パスワード").fill("wrong-password")
    page.get_by_role("button", name="ログイン").click()
    expect(page.get_by_text("正しくありません")).to_be_visible()
    assert_no_axe_violations(page)


def test_language_switcher_moves_between_japanese_and_english(page, site_url):
    page.goto(f"{site_url}/ja/")
    languages = page.get_by_role("navigation", name="言語")
    languages.get_by_role("button").click()
    languages.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{site_url}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tomakomai: a second place to live.")
    languages = page.get_by_role("navigation", name="Language")
    languages.get_by_role("button").click()
    languages.get_by_role("link", name="日本語").click()
    expect(page).to_have_url(f"{site_url}/ja/")
    expect(page.get_by_role("heading", level=1)).to_have_text("苫小牧と、もうひとつの暮らしを。")


def test_skip_link_and_switcher_work_by_keyboard(page, site_url):
    page.goto(f"{site_url}/ja/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="本文へスキップ")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.locator("main")).to_be_focused()
    # Tab from the top reaches the language button; Enter opens it, Tab reaches English.
    page.goto(f"{site_url}/ja/")
    languages = page.get_by_role("navigation", name="言語")
    button = languages.get_by_role("button")
    for _ in range(10):
        page.keyboard.press("Tab")
        if button.evaluate("el => el === document.activeElement"):
            break
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    english = languages.get_by_role("link", name="English")
    for _ in range(5):
        page.keyboard.press("Tab")
        if english.evaluate("el => el === document.activeElement"):
            break
    expect(english).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}/en/")


def test_editor_logs_into_the_admin(page, site_url):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    # The browser tests share the demo: other tests choose an admin language for this editor.
    profile = UserProfile.get_for_user(get_user_model().objects.get(email="city@example.jp"))
    profile.preferred_language = ""
    profile.save()
    page.goto(f"{site_url}/admin/")
    expect(page).to_have_url(re.compile(r"/ja/accounts/login/\?next=/admin/"))
    page.get_by_label("メールアドレス").fill("city@example.jp")
    page.get_by_label("パスワード").fill(demo_content.DEMO_PASSWORD)
    page.keyboard.press("Enter")  # submits from the keyboard
    enter_code_if_asked(page, "city@example.jp")
    expect(page).to_have_url(f"{site_url}/admin/")
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tsunagaru")
    expect(page).to_have_title(re.compile("ダッシュボード"))  # the admin speaks Japanese
