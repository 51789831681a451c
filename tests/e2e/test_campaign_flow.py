"""A visitor follows a creator's tracking link, registers as a furusato resident, and the
campaign dashboard shows one click and one registration for that creator."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from home.demo_content import DEMO_PASSWORD
from tests.e2e.conftest import assert_no_axe_violations
from tests.e2e.test_members import PASSWORD, TEXT, field, log_in

# A phone's browser: headless Chromium names itself HeadlessChrome, which is (rightly) on the
# crawler list and would not be counted.
PHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="ja-JP", user_agent=PHONE)
    yield context.new_page()
    context.close()


def register(page, site_url, email):
    t = TEXT["ja"]
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
    page.get_by_label(t["interest"]).check()
    page.get_by_role("button", name=t["next"]).click()
    page.get_by_label(t["consent"]).check()
    page.get_by_role("button", name=t["register"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t["sent"])


def test_a_tracking_link_to_a_registration_on_the_dashboard(phone, site_url):
    from tests.factories.campaigns import (
        CampaignPageFactory,
        CreatorFactory,
        TrackingLinkFactory,
    )

    campaign = CampaignPageFactory(title="春の苫小牧 体験キャンペーン", code="spring-e2e")
    creator = CreatorFactory(name="港町みなみ", handle="@minato_minami")
    TrackingLinkFactory(
        code="spring-minami-ig", campaign=campaign, creator=creator, target="register"
    )
    mail.outbox = []

    page = phone
    page.goto(f"{site_url}/go/spring-minami-ig")
    expect(page).to_have_url(f"{site_url}/ja/furusato-resident/")
    page.goto(f"{site_url}/ja/members/register/")
    register(page, site_url, "minato@example.jp")

    # The city's editor opens the dashboard.
    log_in(page, site_url, "city@example.jp", DEMO_PASSWORD)
    page.goto(f"{site_url}/admin/campaigns/")
    assert_no_axe_violations(page)
    row = page.locator("#table-creator tbody tr").filter(has_text="港町みなみ")
    cells = row.locator("td")
    expect(cells.nth(0)).to_have_text("1")  # clicks
    expect(cells.nth(1)).to_have_text("1")  # unique visitors
    expect(cells.nth(2)).to_have_text("1")  # registrations
    expect(cells.nth(3)).to_have_text("0")  # Entry Passes
    campaign_row = page.locator("#table-campaign tbody tr").filter(has_text="春の苫小牧")
    expect(campaign_row.locator("td").nth(2)).to_have_text("1")
