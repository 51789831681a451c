"""The header on a phone and on a desktop (issue 16, points 1 and 2).

On a phone (390×844) the header is one short row: the brand, the language button and the menu
button. The menu opens and closes with the keyboard, and without JavaScript; it leads to the
Entry Pass, the consultation desk, the local activities and the account pages. On a desktop
(1366 and 1280 wide) the main menu sits in one row. The language chooser is one button whose
list holds plain links to this page in each language.
"""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from home.demo_content import DEMO_PASSWORD
from tests.e2e.conftest import assert_no_axe_violations

PHONE = {"width": 390, "height": 844}
LANGUAGES = ["ja", "en", "zh-hans", "zh-hant", "ko"]
LANGUAGE_NAMES = {
    "ja": "日本語",
    "en": "English",
    "zh-hans": "简体中文",
    "zh-hant": "繁體中文",
    "ko": "한국어",
}
# The demo's header menu (content/tomakomai/snippets/home.navigationmenu.json): the core
# services with the page each label leads to.
SERVICES = {
    "ja": {
        "エントリーパス": "/ja/entry-pass/",
        "相談窓口": "/ja/consultation/",
        "地域の活動": "/ja/activities/",
    },
    "en": {
        "Entry Pass": "/en/entry-pass/",
        "Consultation desk": "/en/consultation/",
        "Local activities": "/en/activities/",
    },
}


def t(language, text):
    with translation.override(language):
        return translation.gettext(text)


def header(page):
    return page.get_by_role("banner")


def menu_button(page, language):
    return header(page).get_by_role("button", name=t(language, "Menu"), exact=True)


def main_menu(page, language):
    return page.get_by_role("navigation", name=t(language, "Main menu"))


def account_menu(page, language):
    return page.get_by_role("navigation", name=t(language, "Account"))


def language_chooser(page, language):
    return page.get_by_role("navigation", name=t(language, "Language"))


def language_button(page, language):
    return language_chooser(page, language).get_by_role("button")


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_phone_header_is_one_short_row(phone, site_url, language):
    phone.goto(f"{site_url}/{language}/")
    box = header(phone).bounding_box()
    print(f"header height at 390×844 ({language}): {box['height']:.0f} px")
    assert box["height"] <= 0.25 * PHONE["height"], box
    # The brand, the language button and the menu button sit side by side.
    brand = header(phone).get_by_role("link").first.bounding_box()
    for button in (language_button(phone, language), menu_button(phone, language)):
        expect(button).to_be_visible()
        assert abs(button.bounding_box()["y"] - brand["y"]) < brand["height"], button
    # The menu and the language list are closed.
    expect(main_menu(phone, language)).to_be_hidden()
    expect(account_menu(phone, language)).to_be_hidden()
    expect(language_chooser(phone, language).get_by_role("link", name="English")).to_be_hidden()
    expect(menu_button(phone, language)).to_have_attribute("aria-expanded", "false")


def test_the_phone_menu_opens_and_closes_with_the_keyboard(phone, site_url):
    phone.goto(f"{site_url}/ja/")
    button = menu_button(phone, "ja")
    # Tab from the top of the page reaches the menu button.
    for _ in range(8):
        phone.keyboard.press("Tab")
        if button.evaluate("el => el === document.activeElement"):
            break
    expect(button).to_be_focused()
    phone.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(main_menu(phone, "ja")).to_be_visible()
    # The next Tab goes into the menu: the search box first.
    phone.keyboard.press("Tab")
    expect(phone.get_by_role("searchbox")).to_be_focused()
    # Escape closes it and gives the focus back to the button.
    phone.keyboard.press("Escape")
    expect(main_menu(phone, "ja")).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    # Space opens it, the button closes it.
    phone.keyboard.press("Space")
    expect(main_menu(phone, "ja")).to_be_visible()
    button.click()
    expect(main_menu(phone, "ja")).to_be_hidden()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_phone_menu_leads_to_the_services_and_the_account_pages(phone, site_url, language):
    phone.goto(f"{site_url}/{language}/stories/")
    menu_button(phone, language).click()
    menu = main_menu(phone, language)
    links = menu.get_by_role("link")
    expect(links).to_have_count(10)
    for label, url in SERVICES[language].items():
        link = menu.get_by_role("link", name=label, exact=True)
        expect(link).to_be_visible()
        expect(link).to_have_attribute("href", url)
    for name in ("Log in", "Register"):
        expect(
            account_menu(phone, language).get_by_role("link", name=t(language, name))
        ).to_be_visible()
    # Every link in the open menu is on screen or reached by scrolling the menu.
    for index in range(links.count()):
        links.nth(index).scroll_into_view_if_needed()
        expect(links.nth(index)).to_be_in_viewport()
    menu.get_by_role("link", name=list(SERVICES[language])[0], exact=True).click()
    expect(phone).to_have_url(re.compile(re.escape(list(SERVICES[language].values())[0]) + "$"))


def test_a_member_reaches_my_page_from_the_phone_menu(phone, site_url):
    phone.goto(f"{site_url}/ja/accounts/login/")
    phone.get_by_label("メールアドレス").fill("member@example.jp")
    phone.get_by_label("パスワード").fill(DEMO_PASSWORD)
    phone.get_by_role("button", name="ログイン").click()
    expect(phone).not_to_have_url(re.compile(r"/accounts/login/"))
    phone.goto(f"{site_url}/ja/news/")
    menu_button(phone, "ja").click()
    account_menu(phone, "ja").get_by_role("link", name="マイページ").click()
    expect(phone).to_have_url(re.compile(r"/ja/members/my/$"))


def test_the_menu_and_the_languages_open_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, locale="ja-JP")
    phone = context.new_page()
    phone.goto(f"{site_url}/ja/")
    assert phone.evaluate("1 + 1") == 2  # Playwright's own evaluation still runs
    button = menu_button(phone, "ja")
    expect(main_menu(phone, "ja")).to_be_hidden()
    button.click()
    expect(main_menu(phone, "ja")).to_be_visible()
    expect(main_menu(phone, "ja").get_by_role("link", name="相談窓口")).to_be_visible()
    button.click()
    expect(main_menu(phone, "ja")).to_be_hidden()
    button.focus()
    phone.keyboard.press("Enter")
    expect(main_menu(phone, "ja")).to_be_visible()
    phone.keyboard.press("Escape")
    expect(main_menu(phone, "ja")).to_be_hidden()
    language_button(phone, "ja").click()
    language_chooser(phone, "ja").get_by_role("link", name="한국어").click()
    expect(phone).to_have_url(f"{site_url}/ko/")
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "viewport", [{"width": 1366, "height": 768}, {"width": 1280, "height": 800}]
)
def test_the_desktop_menu_sits_in_one_row(page, site_url, language, viewport):
    page.set_viewport_size(viewport)
    page.goto(f"{site_url}/{language}/")
    expect(menu_button(page, language)).to_be_hidden()
    links = main_menu(page, language).get_by_role("link")
    expect(links).to_have_count(10)
    tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
    assert len(tops) == 1, tops
    # Search and the account links are shown too, above the menu.
    expect(page.get_by_role("searchbox")).to_be_visible()
    login = account_menu(page, language).get_by_role("link", name=t(language, "Log in"))
    expect(login).to_be_visible()
    assert login.bounding_box()["y"] < min(tops)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_language_chooser_leads_to_each_language(phone, site_url, language):
    others = [code for code in LANGUAGES if code != language]
    phone.goto(f"{site_url}/{language}/entry-pass/")
    button = language_button(phone, language)
    expect(button).to_contain_text(LANGUAGE_NAMES[language])
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    chooser = language_chooser(phone, language)
    for code, name in LANGUAGE_NAMES.items():
        link = chooser.get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        expect(link).to_have_attribute("hreflang", code)
        expect(link).to_have_attribute("lang", code)
    expect(chooser.get_by_role("link", name=LANGUAGE_NAMES[language])).to_have_attribute(
        "aria-current", "true"
    )
    target = others[LANGUAGES.index(language) % len(others)]
    chooser.get_by_role("link", name=LANGUAGE_NAMES[target], exact=True).click()
    expect(phone).to_have_url(f"{site_url}/{target}/entry-pass/")
    expect(phone.locator("html")).to_have_attribute("lang", target)


def test_the_language_chooser_works_by_keyboard_on_a_desktop(page, site_url):
    page.goto(f"{site_url}/ja/")
    button = language_button(page, "ja")
    button.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(language_chooser(page, "ja").get_by_role("link", name="日本語")).to_be_focused()
    page.keyboard.press("Tab")
    english = language_chooser(page, "ja").get_by_role("link", name="English")
    expect(english).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}/en/")


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_header_passes_axe_open_and_closed(page, site_url, language):
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/{language}/")
    assert_no_axe_violations(page)
    menu_button(page, language).click()
    expect(main_menu(page, language)).to_be_visible()
    assert_no_axe_violations(page)
    page.keyboard.press("Escape")
    language_button(page, language).click()
    expect(language_chooser(page, language).get_by_role("link", name="한국어")).to_be_visible()
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{site_url}/{language}/consultation/")
    assert_no_axe_violations(page)
    language_button(page, language).click()
    assert_no_axe_violations(page)
