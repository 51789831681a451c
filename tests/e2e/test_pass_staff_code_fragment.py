"""The visitor's pass QR opens the partner staff's screen as /ja/pass/staff/#code=…: the code
travels in the fragment (never sent to the server), and the screen's script puts it into the
code field and takes it out of the address bar."""

import re

from playwright.sync_api import expect

from home.demo_content import DEMO_PASSWORD

CODE = "ABC123-123456"


def test_scanning_the_pass_qr_fills_in_the_code_on_the_staff_screen(page, site_url):
    page.goto(f"{site_url}/ja/accounts/login/?next=/ja/pass/staff/")
    page.locator("input[name=login]").fill("partner@example.jp")
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/ja/pass/staff/$"))
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    # A scan while the screen is open changes only the fragment (no new request).
    page.goto(f"{site_url}/ja/pass/staff/#code={CODE}")
    expect(page.locator("input[name=code]")).to_have_value(CODE)
    expect(page).to_have_url(re.compile(r"/ja/pass/staff/$"))  # the fragment is gone
    # A scan that opens the screen afresh.
    page.goto(f"{site_url}/ja/")
    page.goto(f"{site_url}/ja/pass/staff/#code=XYZ789-654321")
    expect(page.locator("input[name=code]")).to_have_value("XYZ789-654321")
    expect(page).to_have_url(re.compile(r"/ja/pass/staff/$"))
    assert not [url for url in requested if "123456" in url or "654321" in url]  # no server saw it
