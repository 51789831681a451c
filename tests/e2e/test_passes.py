"""The Entry Pass in a real browser, in Japanese and English: the public pages, applying,
verifying the e-mail (the link read from the locmem outbox: the live server shares this
process), using an offer through the partner's QR URL, using one through the staff screen,
and the used state; axe-core on every page and error state."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from home.demo_content import DEMO_PASSWORD
from passes import services
from passes.models import Partner, Use
from tests.e2e.conftest import assert_no_axe_violations

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 720}


def assert_within_viewport(page, locator):
    box = locator.bounding_box()
    size = page.viewport_size
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= size["height"], (box, size)
    assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"], (box, size)


TEXT = {
    "ja": {
        "apply": "パスを発行する",
        "prefecture": "都道府県",
        "municipality": "市区町村",
        "stay_from": "滞在の初日",
        "stay_until": "滞在の最終日",
        "purpose": "ワーケーション",
        "party": "人数",
        "email": "メールアドレス",
        "errors": "次の項目を確認してください",
        "sent": re.compile("メール.*確認"),
        "used": "優待を使いました",
        "state_used": "使用済み",
        "confirm": "利用を確定する",
        "code": "お客様のパスのコード",
        "city": "エントリーパスは市外にお住まいの方が対象です。",
        "code_used": "このパスのコードはすでに使われています。",
        "new_code": "新しいコードを表示",
    },
    "en": {
        "apply": "Get the pass",
        "prefecture": "Prefecture",
        "municipality": "Municipality",
        "stay_from": "First day of your stay",
        "stay_until": "Last day of your stay",
        "purpose": "Workcation",
        "party": "Number of people in your party",
        "email": "E-mail address",
        "errors": "Please check the following",
        "sent": "Check your e-mail",
        "used": "Offer used",
        "state_used": "Used",
        "confirm": "Confirm the use",
        "code": "Visitor's pass code",
        "city": "The Entry Pass is for visitors who live outside the city.",
        "code_used": "This pass code has already been used.",
        "new_code": "Show a new code",
    },
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_entry_pass_from_application_to_both_counter_flows(page, browser, site_url, lang):
    text = TEXT[lang]
    # The public pages.
    for path in ("entry-pass/", "entry-pass/partners/", "entry-pass/partners/hokkitei/"):
        page.goto(f"{site_url}/{lang}/{path}")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_no_axe_violations(page)

    # Apply: first with nothing filled in (the error state), then properly.
    page.goto(f"{site_url}/{lang}/pass/apply/")
    assert_no_axe_violations(page)
    page.get_by_role("button", name=text["apply"]).click()
    expect(page.get_by_role("alert")).to_contain_text(text["errors"])
    assert_no_axe_violations(page)
    today = timezone.localdate()
    page.get_by_label(text["stay_from"]).fill(today.isoformat())
    page.get_by_label(text["stay_until"]).fill((today + timedelta(days=2)).isoformat())
    page.get_by_label(text["purpose"]).check()
    page.get_by_label(text["party"]).fill("2")
    email = f"e2e-{lang}@example.jp"
    # The city itself (苫小牧市, under 北海道 once residence.js narrows the list): one error,
    # that the pass is for visitors from outside the city.
    page.get_by_label(text["prefecture"]).select_option("01")
    page.get_by_label(text["municipality"]).select_option("01213")
    page.get_by_label(text["email"]).fill(email)
    page.get_by_role("button", name=text["apply"]).click()
    expect(page.locator("#error-summary li")).to_have_count(1)
    expect(page.locator("#error-summary li")).to_contain_text(text["city"])
    expect(page.locator(".field-error")).to_have_count(1)
    expect(page.locator(".field-error")).to_contain_text(text["city"])
    assert_no_axe_violations(page)
    page.get_by_label(text["prefecture"]).select_option("13")
    page.get_by_label(text["municipality"]).select_option("13104")
    page.get_by_role("button", name=text["apply"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text["sent"])
    assert_no_axe_violations(page)

    # Verify the e-mail address with the link in the message: the pass becomes active.
    message = next(m for m in reversed(mail.outbox) if email in m.to)
    link = re.search(r"https?://\S+/confirm-email/\S+/", message.body).group(0)
    page.goto(site_url + "/" + link.split("/", 3)[3])
    page.locator("main form button[type=submit]").click()
    page.goto(f"{site_url}/{lang}/pass/")
    code_text = page.locator("[data-pass-code-text]")
    expect(code_text).to_have_text(re.compile(r"^[A-Z0-9]+-\d{6}$"))
    assert_no_axe_violations(page)

    # Use an offer through the partner's QR URL, on a phone.
    page.set_viewport_size(PHONE)
    hokkitei = Partner.objects.get(slug="hokkitei", locale__language_code="ja")
    page.goto(f"{site_url}/{lang}/pass/p/{services.poster_token(hokkitei)}/")
    assert_no_axe_violations(page)
    offer_title = page.locator(".offer__title").first.text_content().strip()
    page.locator("button.button--use").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text["used"])
    clock = page.locator("[data-live-clock]")
    first = clock.text_content()
    expect(clock).not_to_have_text(first, timeout=3000)  # the clock is live
    # What the shop checks is on the phone's first screen, without scrolling.
    assert page.evaluate("window.scrollY") == 0
    expect(page.locator(".completion__offer-title")).to_have_text(offer_title)
    proofs = (
        page.get_by_role("heading", level=1),
        clock,
        page.locator(".completion__offer-title"),
    )
    for proof in proofs:
        assert_within_viewport(page, proof)
    # Still so with the phone header as tall as issue 16 measured it (424 of 844 px): the
    # proof does not rely on the header staying compact, nor on a short benefit text.
    # (Through the CSSOM: the Content-Security-Policy refuses an inline style.)
    page.evaluate(
        "Object.assign(document.querySelector('.site-header').style,"
        " {minHeight: '424px', boxSizing: 'border-box'})"
    )
    assert page.locator(".site-header").bounding_box()["height"] >= 424
    for proof in proofs:
        assert_within_viewport(page, proof)
    assert_no_axe_violations(page)
    page.set_viewport_size(DESKTOP)
    page.go_back()
    page.reload()
    expect(page.locator(".offer--used").first).to_contain_text(text["state_used"])

    # Typing the partner's code: the page, a wrong code, and an old poster's QR (refusals).
    page.goto(f"{site_url}/{lang}/pass/use/")
    assert_no_axe_violations(page)
    page.locator("input[name=code]").fill("QQQQQQ")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_focused()  # forms.js
    assert_no_axe_violations(page)
    page.goto(f"{site_url}/{lang}/pass/p/not-a-poster/")
    expect(page.get_by_role("alert")).to_be_visible()
    assert_no_axe_violations(page)

    # Partner staff use another offer with the visitor's rotating code.
    page.goto(f"{site_url}/{lang}/pass/")
    code = code_text.text_content()
    staff = browser.new_context(locale="ja-JP" if lang == "ja" else "en-US").new_page()
    staff.goto(f"{site_url}/{lang}/accounts/login/?next=/{lang}/pass/staff/")
    staff.locator("input[name=login]").fill("partner@example.jp")
    staff.locator("input[name=password]").fill(DEMO_PASSWORD)
    staff.keyboard.press("Enter")
    expect(staff).to_have_url(re.compile(rf"/{lang}/pass/staff/$"))
    assert_no_axe_violations(staff)
    # A wrong code first: the error state.
    staff.get_by_label(text["code"]).fill("AAAAAA-000000")
    staff.locator("input[name=offer]").first.check()
    staff.get_by_role("button", name=text["confirm"]).click()
    expect(staff.get_by_role("alert")).to_be_visible()
    expect(staff.locator("#error-summary")).to_be_focused()
    assert_no_axe_violations(staff)
    staff.get_by_label(text["code"]).fill(code)
    staff.locator("input[name=offer]").first.check()
    staff.get_by_role("button", name=text["confirm"]).click()
    expect(staff.get_by_role("heading", level=1)).to_have_text(text["used"])
    assert_no_axe_violations(staff)
    assert email not in staff.content()

    # The visitor's open pass replaces the used code at once (passes.js), says so, and never
    # shows it again, not even on "Show a new code".
    expect(code_text).not_to_have_text(code, timeout=8000)
    expect(page.locator("[data-pass-code-notice]")).not_to_be_empty()
    assert_no_axe_violations(page)
    page.get_by_role("button", name=text["new_code"]).click()
    expect(code_text).to_have_text(re.compile(r"^[A-Z0-9]+-\d{6}$"))
    assert code not in page.content()
    # The used code at the counter: refused as used.
    staff.goto(f"{site_url}/{lang}/pass/staff/")
    staff.get_by_label(text["code"]).fill(code)
    staff.locator("input[name=offer]").first.check()
    staff.get_by_role("button", name=text["confirm"]).click()
    expect(staff.get_by_role("alert")).to_contain_text(text["code_used"])
    staff.context.close()

    # The visitor sees both uses.
    assert Use.objects.filter(entry_pass__user__email=email).count() == 2
    page.goto(f"{site_url}/{lang}/pass/")
    expect(page.locator(".use-list li")).to_have_count(2)
