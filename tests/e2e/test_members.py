"""Members in a real browser: registration with an error on the way, verification from the
outbox, login, the card, activity sign-up, the waiting list moving up, data download and
account deletion; axe-core on every step, error states included."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from home.demo_content import DEMO_PASSWORD
from tests.e2e.accounts import enter_code_if_asked
from tests.e2e.conftest import assert_no_axe_violations

PASSWORD = "umi-to-mori-2026"

TEXT = {
    "ja": {
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
        "interest": "二地域居住",
        "consent": "プライバシーポリシーを読み、同意します",
        "register": "登録する",
        "mismatch": "2つのパスワードが一致しません。",
        "sent": "メールをご確認ください",
        "confirm": "確認する",
        "login": "ログイン",
        "login_email": "メールアドレス",
        "card": "会員証",
    },
    "en": {
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
        "interest": "Two-region living",
        "consent": "I have read the privacy policy and agree to it",
        "register": "Register",
        "mismatch": "The two passwords are not the same.",
        "sent": "Check your e-mail",
        "confirm": "Confirm",
        "login": "Sign In",
        "login_email": "Email",
        "card": "Membership card",
    },
}


def field(text):
    """A form field's label: its text, then "(required)" when it is required."""
    return re.compile("^" + re.escape(text) + r"\s*(（必須）|\(required\))?$")


def log_in(page, site_url, email, password, language="ja", succeed=True):
    page.goto(f"{site_url}/{language}/accounts/login/")
    page.get_by_label(TEXT[language]["login_email"]).fill(email)
    page.get_by_label(TEXT[language]["password"]).fill(password)
    page.get_by_role("button", name=TEXT[language]["login"]).click()
    if succeed:
        enter_code_if_asked(page, email)
        expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def log_out(page):
    """Log out as a person would (the header's button posts the logout form)."""
    page.get_by_role("navigation", name="アカウント").get_by_role(
        "button", name="ログアウト"
    ).click()
    expect(
        page.get_by_role("navigation", name="アカウント").get_by_role("link", name="ログイン")
    ).to_be_visible()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_register_verify_log_in_and_see_the_card(page, site_url, language):
    t = TEXT[language]
    email = f"new-{language}@example.jp"
    page.goto(f"{site_url}/{language}/members/register/")
    assert_no_axe_violations(page)
    page.get_by_label(t["relationship"]).check()
    page.get_by_role("button", name=t["next"]).click()
    # Step 2, with a mistake first.
    page.get_by_label(field(t["family"])).fill("苫小牧")
    page.get_by_label(field(t["given"])).fill("はるか")
    page.get_by_label(field(t["email"])).fill(email)
    page.get_by_label(field(t["password"])).fill(PASSWORD)
    page.get_by_label(field(t["again"])).fill(PASSWORD + "x")
    page.get_by_label(field(t["prefecture"])).select_option(label=t["pref_value"])
    page.get_by_label(field(t["municipality"])).select_option(label=t["muni_value"])
    page.get_by_label(field(t["age"])).select_option(index=3)
    page.get_by_role("button", name=t["next"]).click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text(t["mismatch"])
    expect(summary).to_be_focused()
    assert_no_axe_violations(page)
    page.get_by_label(field(t["password"])).fill(PASSWORD)
    page.get_by_label(field(t["again"])).fill(PASSWORD)
    page.get_by_role("button", name=t["next"]).click()
    page.get_by_label(t["interest"]).check()
    page.get_by_role("button", name=t["next"]).click()
    expect(page.get_by_text(email)).to_be_visible()  # the review shows what was entered
    assert_no_axe_violations(page)
    page.get_by_label(t["consent"]).check()
    page.get_by_role("button", name=t["register"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t["sent"])
    assert_no_axe_violations(page)

    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(site_url + re.sub(r"^https?://[^/]+", "", link))
    page.get_by_role("button", name=t["confirm"]).click()

    log_in(page, site_url, email, PASSWORD, language)
    page.goto(f"{site_url}/{language}/members/my/")
    card = page.get_by_role("region", name=t["card"])
    expect(card).to_contain_text(re.compile(r"TMK-\d{6}"))
    expect(card.locator("svg")).to_be_visible()
    assert_no_axe_violations(page)


def test_sign_up_cancel_waiting_list_download_and_delete(page, site_url):
    # Kenta waits for the full festival; Hanako gives her place up; Kenta moves up.
    log_in(page, site_url, "member2@example.jp", DEMO_PASSWORD)
    page.goto(f"{site_url}/ja/activities/hokki-festival-staff/")
    expect(page.get_by_text("キャンセル待ちです")).to_be_visible()
    assert_no_axe_violations(page)
    log_out(page)

    log_in(page, site_url, "member@example.jp", DEMO_PASSWORD)
    page.goto(f"{site_url}/ja/activities/beach-cleanup/")
    page.get_by_role("button", name="申し込みを取り消す").click()
    expect(page.get_by_role("button", name="この活動に申し込む")).to_be_visible()
    page.get_by_role("button", name="この活動に申し込む").click()
    expect(page.get_by_text("申し込み済みです。")).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(f"{site_url}/ja/activities/hokki-festival-staff/")
    page.get_by_role("button", name="申し込みを取り消す").click()
    expect(page.get_by_text("お申し込みを取り消しました。")).to_be_visible()
    assert any("参加が確定" in m.subject for m in mail.outbox)
    log_out(page)

    log_in(page, site_url, "member2@example.jp", DEMO_PASSWORD)
    page.goto(f"{site_url}/ja/members/my/")
    festival = page.locator(".signup").filter(has_text="ほっき貝まつり 運営ボランティア")
    expect(festival).to_contain_text("申込済み")
    expect(page.get_by_text("空きが出たため")).to_be_visible()
    page.get_by_text("チェックインコードを表示").first.click()
    assert_no_axe_violations(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="自分のデータをすべてダウンロード（JSON）").click()
    assert download.value.suggested_filename.endswith(".json")

    page.get_by_role("link", name="アカウントを削除する").click()
    page.get_by_role("button", name="アカウントを削除する").click()
    expect(page.get_by_role("alert")).to_contain_text("チェックを入れてください")
    assert_no_axe_violations(page)
    page.get_by_label("アカウントと個人情報が消去されることを理解しました").check()
    page.get_by_role("button", name="アカウントを削除する").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("アカウントを削除しました")
    assert_no_axe_violations(page)
    log_in(page, site_url, "member2@example.jp", DEMO_PASSWORD, succeed=False)
    expect(page.get_by_text("正しくありません")).to_be_visible()


def test_public_member_pages_pass_axe(page, site_url):
    for path in [
        "/ja/furusato-resident/",
        "/en/furusato-resident/",
        "/ja/activities/",
        "/en/activities/",
        "/ja/members/benefits/",
        "/en/members/benefits/",
    ]:
        page.goto(f"{site_url}{path}")
        assert_no_axe_violations(page)


def test_member_and_organizer_pages_pass_axe(page, site_url):
    log_in(page, site_url, "member@example.jp", DEMO_PASSWORD)
    for path in [
        "/ja/members/my/",
        "/en/members/my/",
        "/ja/members/my/profile/",
        "/ja/members/benefits/",
        "/en/activities/beach-cleanup/",
    ]:
        page.goto(f"{site_url}{path}")
        assert_no_axe_violations(page)
    page.goto(f"{site_url}/ja/members/my/profile/")
    page.get_by_label(field("姓")).fill("")
    page.get_by_role("button", name="保存する").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_no_axe_violations(page)
    log_out(page)
    log_in(page, site_url, "city@example.jp", DEMO_PASSWORD)
    page.goto(f"{site_url}/ja/members/checkin/")
    page.get_by_label(field("チェックインコード")).fill("WRONG123")
    page.get_by_role("button", name="チェックイン").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_no_axe_violations(page)
