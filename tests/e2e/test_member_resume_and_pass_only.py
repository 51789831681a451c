"""Issue 16 on a phone (390×844), in Japanese and English: reloading the registration wizard
mid-way resumes the step reached (Back still works, "Start again" starts at step 1); a
pass-only account's My page shows its Entry Pass and invites it to register; the card check
shows the member's name partly hidden; an organizer's check-in days early is refused with when
it opens. axe-core on every state."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from members import services
from tests.e2e.conftest import assert_no_axe_violations
from tests.e2e.test_members import TEXT, field, log_in
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.factories.members import MembershipFactory
from tests.factories.passes import PassFactory

PHONE = {"width": 390, "height": 844}
STEP = {"ja": "ステップ {n} / 4", "en": "Step {n} of 4"}


def t(language, text, context=None):
    with translation.override(language):
        if context:
            return translation.pgettext(context, text)
        return translation.gettext(text)


@pytest.fixture
def phone(browser):
    contexts = []

    def open_page(language):
        context = browser.new_context(
            viewport=PHONE, locale="ja-JP" if language == "ja" else "en-GB"
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def expect_step(page, language, n):
    expect(page.locator("#step-indicator")).to_contain_text(STEP[language].format(n=n))


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_reload_resumes_the_registration_where_it_was(phone, site_url, language):
    page = phone(language)
    tx = TEXT[language]
    page.goto(f"{site_url}/{language}/members/register/")
    page.get_by_label(tx["relationship"]).check()
    page.get_by_role("button", name=tx["next"]).click()
    expect_step(page, language, 2)
    page.get_by_label(field(tx["family"])).fill("苫小牧")
    page.get_by_label(field(tx["given"])).fill("はるか")
    page.get_by_label(field(tx["email"])).fill(f"resume-{language}@example.jp")
    page.get_by_label(field(tx["password"])).fill("umi-to-mori-2026")
    page.get_by_label(field(tx["again"])).fill("umi-to-mori-2026")
    page.get_by_label(field(tx["prefecture"])).select_option(label=tx["pref_value"])
    page.get_by_label(field(tx["municipality"])).select_option(label=tx["muni_value"])
    page.get_by_label(field(tx["age"])).select_option(index=3)
    page.get_by_role("button", name=tx["next"]).click()
    expect_step(page, language, 3)

    page.reload()
    expect_step(page, language, 3)
    notice = page.get_by_role("status").filter(
        has_text=t(language, "You are continuing where you left off. What you entered is kept.")
    )
    expect(notice).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("button", name=t(language, "Back")).click()
    expect_step(page, language, 2)
    expect(page.get_by_label(field(tx["family"]))).to_have_value("苫小牧")
    page.reload()
    expect_step(page, language, 2)
    expect(page.get_by_label(field(tx["given"]))).to_have_value("はるか")
    expect(page.get_by_role("alert")).to_have_count(0)
    assert_no_axe_violations(page)

    page.get_by_role("link", name=t(language, "Start again from step 1")).click()
    expect_step(page, language, 1)
    expect(page.get_by_label(tx["relationship"])).not_to_be_checked()
    assert_no_axe_violations(page)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_pass_only_account_finds_its_pass_on_my_page(phone, site_url, language):
    holder = PassFactory(
        user=UserFactory(
            email=f"pass-only-{language}@example.jp", first_name="Anna", last_name="Smith"
        )
    )
    page = phone(language)
    log_in(page, site_url, holder.user.email, DEFAULT_PASSWORD, language)
    page.goto(f"{site_url}/{language}/members/my/")
    expect(page).to_have_url(re.compile(rf"/{language}/members/my/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(t(language, "My page"))
    expect(page.get_by_text(re.compile("Anna Smith"))).to_be_visible()
    entry_pass = page.get_by_role("region", name=t(language, "My Entry Pass", "My page section"))
    expect(entry_pass).to_contain_text(holder.number)
    invite = page.get_by_role("region", name=t(language, "Become a furusato resident"))
    expect(invite).to_be_visible()
    assert_no_axe_violations(page)
    invite.get_by_role("link", name=t(language, "Register as a furusato resident")).click()
    expect_step(page, language, 1)
    page.go_back()
    entry_pass = page.get_by_role("region", name=t(language, "My Entry Pass", "My page section"))
    entry_pass.get_by_role("link").click()
    expect(page).to_have_url(re.compile(rf"/{language}/pass/$"))


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_card_check_shows_the_name_partly_hidden(phone, site_url, language):
    member = MembershipFactory(
        user=UserFactory(email=f"card-{language}@example.jp", first_name="花子", last_name="山田")
    )
    page = phone(language)
    page.goto(f"{site_url}/{language}/members/card/{services.card_token(member)}/")
    expect(page.locator(".card-check__name")).to_have_text("山○ 花○")
    expect(page.get_by_text("花子")).to_have_count(0)
    assert_no_axe_violations(page)


def test_a_check_in_days_early_is_refused_with_when_it_opens(page, site_url):
    from datetime import timedelta

    from django.utils import timezone

    from home.demo_content import DEMO_PASSWORD
    from members.models import ActivityIndexPage
    from tests.factories.members import add_activity

    index = ActivityIndexPage.objects.get(locale__language_code="ja")
    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    activity = add_activity(index, start=start + timedelta(days=12), title="海岸清掃（点検用）")
    try:
        signup, _ = services.sign_up(activity, MembershipFactory().user)
        log_in(page, site_url, "city@example.jp", DEMO_PASSWORD)
        for language, button in (("ja", "チェックイン"), ("en", "Check in")):
            page.goto(f"{site_url}/{language}/members/checkin/{signup.checkin_code}/")
            page.get_by_role("button", name=button, exact=True).click()
            alert = page.get_by_role("alert")
            expect(alert).to_contain_text("海岸清掃（点検用）")
            expect(alert).to_contain_text("6:00" if language == "ja" else "6 a.m.")
            assert_no_axe_violations(page)
        signup.refresh_from_db()
        assert signup.attended_at is None
    finally:
        activity.delete()
