"""A city editor without two-factor authentication logs in, is sent to set it up, does it by
keyboard with the code their app shows, and logs in with a code from then on — in Japanese and
English, with axe-core on every page of the way, its error state included."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.accounts import code_from_secret, current_code
from tests.e2e.conftest import assert_no_axe_violations
from tests.factories import DEFAULT_PASSWORD, UserFactory

TEXT = {
    "ja": {"locale": "ja-JP", "email": "メールアドレス", "incorrect": "コードが正しくありません"},
    "en": {"locale": "en-US", "email": "Email", "incorrect": "Incorrect code."},
}


def submit_login(page, site_url, language, email, next_url="/admin/"):
    t = TEXT[language]
    page.goto(f"{site_url}/{language}/accounts/login/?next={next_url}")
    page.get_by_label(t["email"], exact=False).first.fill(email)
    page.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    page.keyboard.press("Enter")


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_city_editor_sets_up_two_factor_by_keyboard_and_logs_in_with_it(
    browser, site_url, staff_without_authenticator_app, language
):
    from django.contrib.auth import get_user_model

    email = f"two-factor-{language}@example.jp"
    get_user_model().objects.filter(email=email).delete()
    user = UserFactory(email=email, groups=["City editors"])
    page = browser.new_context(locale=TEXT[language]["locale"]).new_page()

    # The admin is out of reach: the password again (allauth's rule), then the setup.
    submit_login(page, site_url, language, email)
    expect(page).to_have_url(re.compile(rf"/{language}/accounts/reauthenticate/"))
    assert_no_axe_violations(page)
    page.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/{language}/accounts/2fa/totp/activate/$"))
    expect(page.locator("html")).to_have_attribute("lang", language)
    qr_code = page.get_by_role("img", name=re.compile("QR"))
    expect(qr_code).to_be_visible()
    assert_no_axe_violations(page)

    # The secret is text the person can type into their app; the app's code activates it.
    secret = page.locator("#authenticator_secret").text_content().strip()
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)
    page.locator("input[name=code]").focus()
    page.keyboard.type("000000" if code_from_secret(secret) != "000000" else "111111")
    page.keyboard.press("Enter")
    expect(page.get_by_text(TEXT[language]["incorrect"])).to_be_visible()
    assert_no_axe_violations(page)  # the error state
    page.locator("input[name=code]").fill("")
    page.locator("input[name=code]").focus()
    page.keyboard.type(code_from_secret(secret))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/{language}/accounts/2fa/recovery-codes/$"))
    expect(page.locator("#recovery_codes")).to_have_value(re.compile(r"^\d{8}\n"))
    assert_no_axe_violations(page)
    page.goto(f"{site_url}/admin/")
    expect(page).to_have_url(f"{site_url}/admin/")

    # From now on the login asks for the code; a wrong one is refused.
    page.context.clear_cookies()
    submit_login(page, site_url, language, email)
    expect(page).to_have_url(re.compile(rf"/{language}/accounts/2fa/authenticate/$"))
    code_field = page.locator("input[name=code]")
    assert_no_axe_violations(page)
    code_field.focus()
    page.keyboard.type("999999" if current_code(user) != "999999" else "888888")
    page.keyboard.press("Enter")
    expect(page.get_by_text(TEXT[language]["incorrect"])).to_be_visible()
    assert_no_axe_violations(page)  # the error state
    code_field.fill("")
    code_field.focus()
    page.keyboard.type(current_code(user))
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}/admin/")
    page.context.close()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_member_adds_a_security_key_and_logs_in_with_it(browser, site_url, language):
    """WebAuthn with Chromium's virtual authenticator (DevTools protocol), as a USB key or
    the phone's fingerprint would answer."""
    from django.contrib.auth import get_user_model

    email = f"security-key-{language}@example.jp"
    get_user_model().objects.filter(email=email).delete()
    UserFactory(email=email)
    context = browser.new_context(locale=TEXT[language]["locale"])
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    devtools.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": False,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    home = f"/{language}/"
    submit_login(page, site_url, language, email, home)
    expect(page).to_have_url(f"{site_url}{home}")
    page.goto(f"{site_url}/{language}/accounts/2fa/webauthn/add/")
    page.locator("input[name=password]").fill(DEFAULT_PASSWORD)  # the password again
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/{language}/accounts/2fa/webauthn/add/$"))
    assert_no_axe_violations(page)
    page.locator("input[name=name]").fill("USB key")
    page.locator("#mfa_webauthn_add").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/webauthn/add/" not in url)
    assert_no_axe_violations(page)

    context.clear_cookies()
    submit_login(page, site_url, language, email, home)
    expect(page).to_have_url(re.compile(rf"/{language}/accounts/2fa/authenticate/$"))
    assert_no_axe_violations(page)
    page.locator("#mfa_webauthn_authenticate").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}{home}")
    context.close()
