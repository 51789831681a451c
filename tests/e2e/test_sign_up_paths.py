"""Signing up in a real browser (issue 16, points 9 and 10): from the login page's sign-up
link into the registration wizard, the e-mailed link opened in the same browser, and the
person is logged in on their card; an Entry Pass applicant lands on their pass; allauth's
bare sign-up address leads into the wizard. axe-core on the login page and the landings.

The e-mails are read from the locmem outbox (the live server shares this process)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_axe_violations

PASSWORD = "minato-no-asa-2026"
TEXT = {
    "ja": {
        "register_link": "ふるさと住民に登録",
        "pass_link": "エントリーパスを申し込んで",
        "relationship": "以前この市に住んでいた",
        "next": "次へ",
        "family": "姓",
        "given": "名",
        "email": "メールアドレス",
        "password": "パスワード",
        "again": "パスワード（確認）",
        "prefecture": "都道府県",
        "municipality": "市区町村",
        "age": "年代",
        "pref_value": "東京都",
        "muni_value": "世田谷区",
        "consent": "プライバシーポリシーを読み、同意します",
        "register": "登録する",
        "sent": "メールをご確認ください",
        "confirm": "確認する",
        "card": "会員証",
        "logout": "ログアウト",
        "account_nav": "アカウント",
        "apply": "パスを発行する",
        "stay_from": "滞在の初日",
        "stay_until": "滞在の最終日",
        "purpose": "ワーケーション",
        "party": "人数",
    },
    "en": {
        "register_link": "Register as a furusato resident",
        "pass_link": "get the Entry Pass",
        "relationship": "I used to live here",
        "next": "Next",
        "family": "Family name",
        "given": "Given name",
        "email": "E-mail address",
        "password": "Password",
        "again": "Password (again)",
        "prefecture": "Prefecture",
        "municipality": "Municipality",
        "age": "Age",
        "pref_value": "Tokyo",
        "muni_value": "Setagaya Ward",
        "consent": "I have read the privacy policy and agree to it",
        "register": "Register",
        "sent": "Check your e-mail",
        "confirm": "Confirm",
        "card": "Membership card",
        "logout": "Log out",
        "account_nav": "Account",
        "apply": "Get the pass",
        "stay_from": "First day of your stay",
        "stay_until": "Last day of your stay",
        "purpose": "Workcation",
        "party": "Number of people in your party",
    },
}


def field(text):
    """A form field's label: its text, then "(required)" when it is required."""
    return re.compile("^" + re.escape(text) + r"\s*(（必須）|\(required\))?$")


def open_link_from_the_mail(page, site_url, email):
    message = next(m for m in reversed(mail.outbox) if m.to == [email])
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    page.goto(site_url + re.sub(r"^https?://[^/]+", "", link))


@pytest.mark.parametrize("language", ["ja", "en"])
def test_sign_up_from_the_login_page_and_land_logged_in_on_the_card(page, site_url, language):
    t = TEXT[language]
    email = f"signup-path-{language}@example.jp"
    page.goto(f"{site_url}/{language}/accounts/login/")
    assert_no_axe_violations(page)
    expect(page.get_by_role("link", name=t["pass_link"])).to_have_attribute(
        "href", f"/{language}/pass/apply/"
    )
    page.get_by_role("link", name=t["register_link"]).click()
    expect(page).to_have_url(f"{site_url}/{language}/members/register/")

    page.get_by_label(t["relationship"]).check()
    page.get_by_role("button", name=t["next"]).click()
    page.get_by_label(field(t["family"])).fill("苫小牧")
    page.get_by_label(field(t["given"])).fill("みなと")
    page.get_by_label(field(t["email"])).fill(email)
    page.get_by_label(field(t["password"])).fill(PASSWORD)
    page.get_by_label(field(t["again"])).fill(PASSWORD)
    page.get_by_label(field(t["prefecture"])).select_option(label=t["pref_value"])
    page.get_by_label(field(t["municipality"])).select_option(label=t["muni_value"])
    page.get_by_label(field(t["age"])).select_option(index=3)
    page.get_by_role("button", name=t["next"]).click()
    page.get_by_role("button", name=t["next"]).click()
    page.get_by_label(t["consent"]).check()
    page.get_by_role("button", name=t["register"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t["sent"])

    open_link_from_the_mail(page, site_url, email)
    page.get_by_role("button", name=t["confirm"]).click()
    # Logged in, on the card: no second login.
    expect(page).to_have_url(f"{site_url}/{language}/members/my/")
    card = page.get_by_role("region", name=t["card"])
    expect(card).to_contain_text(re.compile(r"TMK-\d{6}"))
    expect(
        page.get_by_role("navigation", name=t["account_nav"]).get_by_role(
            "button", name=t["logout"]
        )
    ).to_be_visible()
    assert_no_axe_violations(page)


def test_a_pass_applicant_lands_logged_in_on_the_pass(page, site_url):
    t = TEXT["en"]
    email = "signup-path-pass@example.jp"
    page.goto(f"{site_url}/en/pass/apply/")
    today = timezone.localdate()
    page.get_by_label(t["prefecture"]).select_option("13")
    page.get_by_label(t["municipality"]).select_option("13104")
    page.get_by_label(t["stay_from"]).fill(today.isoformat())
    page.get_by_label(t["stay_until"]).fill((today + timedelta(days=2)).isoformat())
    page.get_by_label(t["purpose"]).check()
    page.get_by_label(t["party"]).fill("2")
    page.get_by_label(t["email"]).fill(email)
    page.get_by_role("button", name=t["apply"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t["sent"])

    open_link_from_the_mail(page, site_url, email)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{site_url}/en/pass/")
    expect(page.locator("[data-pass-code-text]")).to_have_text(re.compile(r"^[A-Z0-9]+-\d{6}$"))
    assert_no_axe_violations(page)


def test_the_bare_sign_up_address_opens_the_wizard(page, site_url):
    page.goto(f"{site_url}/ja/accounts/signup/?next=/ja/pass/")
    expect(page).to_have_url(f"{site_url}/ja/members/register/?next=/ja/pass/")
    expect(page.get_by_label(TEXT["ja"]["relationship"])).to_be_visible()
