"""The consultation desk in a real browser, in Japanese and English: the form with a
validation error, the confirmation step, the thank-you page, the staff reply in the admin,
the person's answer through the link in the e-mail, and status changes; axe on every state."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from home import demo_content
from tests.e2e.accounts import enter_code_if_asked
from tests.e2e.conftest import assert_no_axe_violations

TEXT = {
    "ja": {
        "topic": "二地域居住",
        "prefecture": "東京都",
        "check": "入力内容の確認",
        "send": "送信する",
        "thanks": "ご相談を受け付けました",
        "answer_button": "お返事を送る",
        "answer_time": "3営業日以内にお返事します。",
        "due": re.compile(
            r"3営業日以内（\d{4}年\d{1,2}月\d{1,2}日（[月火水木金]）まで）にお返事します。"
        ),
        "waiting": "回答済み",
        "waiting_note": "回答をお送りしました。",
        "internal_waiting": "相談者の返事待ち",
        "in_progress": "回答準備中",
        "error": "お名前を入力してください。",
        "too_fast": "送信が早すぎました",
    },
    "en": {
        "topic": "Two-region living",
        "prefecture": "Tokyo",
        "check": "Check your entries",
        "send": "Send",
        "thanks": "We have received your consultation",
        "answer_button": "Send your answer",
        "answer_time": "We answer within 3 working days.",
        "due": re.compile(r"We will answer within 3 working days, by \w+day, \w+ \d{1,2}, \d{4}\."),
        "waiting": "Answered",
        "waiting_note": "We have replied; please answer below if you have more questions.",
        "internal_waiting": "Waiting for the person",
        "in_progress": "Preparing our answer",
        "error": "Enter your name.",
        "too_fast": "That was faster than we expected.",
    },
}


def grant_consultation_permissions():
    """Browser tests flush the database; tests.conftest.ensure_wagtail_base rebuilds the
    roles of home's migration, and this rebuilds the desk's own grants (its migration)."""
    from importlib import import_module

    from django.apps import apps

    import_module("consultations.migrations.0002_staff_permissions").grant(apps, None)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_consultation_from_form_to_reply_and_answer(page, site_url, language):
    grant_consultation_permissions()
    text = TEXT[language]
    page.goto(f"{site_url}/{language}/consultation/")
    expect(page.locator("#id_topics_0")).to_be_visible()
    expect(page.locator(".consultation-answer-time")).to_contain_text(text["answer_time"])
    assert_no_axe_violations(page)

    # A validation error: the name is missing.
    page.get_by_label(text["topic"], exact=True).check()
    page.locator("#id_message").fill("夏だけ苫小牧で暮らしたいです。短期の住まいを探しています。")
    page.locator("#id_email").fill(f"person-{language}@example.com")
    page.locator("#id_residence_prefecture").select_option(label=text["prefecture"])
    page.locator("#id_consent").check()
    page.get_by_role("button", name=text["check"]).click()
    expect(page.get_by_role("alert")).to_contain_text(text["error"])
    expect(page.locator("#id_name")).to_have_attribute("aria-invalid", "true")
    assert_no_axe_violations(page)

    # The entries survive the error; fill the name and go to the confirmation step.
    expect(page.locator("#id_message")).to_have_value(re.compile("夏だけ苫小牧"))
    page.locator("#id_name").fill("苫小牧 花子")
    page.get_by_role("button", name=text["check"]).click()
    expect(page.locator(".consultation-summary")).to_contain_text("苫小牧 花子")
    assert_no_axe_violations(page)
    page.get_by_role("button", name=text["send"], exact=True).click()
    expect(page.locator(".consultation-thanks")).to_contain_text(text["thanks"])
    expect(page.locator(".consultation-due")).to_contain_text(text["due"])
    reference = page.locator(".consultation-reference strong").inner_text()
    assert re.fullmatch(r"C-\d{4}-\d{5}", reference)
    assert_no_axe_violations(page)

    # The acknowledgement e-mail carries the reference and the private link.
    ack = [m for m in mail.outbox if m.to == [f"person-{language}@example.com"]][-1]
    assert reference in ack.subject
    thread_url = re.search(r"http://testserver(/\S+/thread/\S+/)", ack.body).group(1)

    # The staff member replies in the admin.
    from consultations.models import Consultation

    consultation = Consultation.objects.get(reference=reference)
    page.goto(f"{site_url}/ja/accounts/login/?next=/admin/consultations/{consultation.pk}/")
    page.get_by_label("メールアドレス").fill("consult@example.jp")
    page.get_by_label("パスワード").fill(demo_content.DEMO_PASSWORD)
    page.keyboard.press("Enter")
    enter_code_if_asked(page, "consult@example.jp")
    expect(page).to_have_url(re.compile(rf"/admin/consultations/{consultation.pk}/$"))
    page.locator("#id_reply-body").fill("苫小牧駅近くの家具付き短期賃貸をご案内します。")
    page.locator("form[action$='/reply/'] button[type=submit]").click()
    expect(page.locator("#consultation-status")).to_have_text(re.compile("返事待ち"))
    page.reload()  # without the admin's fading "sent" message, which axe catches mid-fade
    assert_no_axe_violations(page)  # the staff's detail screen
    reply = [m for m in mail.outbox if m.to == [f"person-{language}@example.com"]][-1]
    assert "苫小牧駅近くの家具付き短期賃貸" in reply.body

    # The person reads the reply through the link and answers.
    page.context.clear_cookies()
    page.goto(f"{site_url}{thread_url}")
    expect(page.locator(".consultation-message--reply")).to_contain_text("家具付き短期賃貸")
    # In the person's words, never the desk's own status.
    expect(page.locator(".consultation-status")).to_have_text(text["waiting"])
    expect(page.locator(".consultation-status-note")).to_contain_text(text["waiting_note"])
    expect(page.locator("main")).not_to_contain_text(text["internal_waiting"])
    assert_no_axe_violations(page)
    # Answered at once after the page loaded: no time trap on the signed thread.
    page.locator("#id_message").fill("ありがとうございます。7月に内見できますか。")
    page.get_by_role("button", name=text["answer_button"]).click()
    expect(page.locator(".consultation-status")).to_have_text(text["in_progress"])
    expect(page.locator(".consultation-messages")).to_contain_text("7月に内見できますか")
    assert_no_axe_violations(page)

    # The thread's error state.
    page.get_by_role("button", name=text["answer_button"]).click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("#error-summary")).to_be_focused()  # static/js/forms.js
    assert_no_axe_violations(page)

    # The staff member resolves it.
    page.goto(f"{site_url}/ja/accounts/login/?next=/admin/consultations/{consultation.pk}/")
    page.get_by_label("メールアドレス").fill("consult@example.jp")
    page.get_by_label("パスワード").fill(demo_content.DEMO_PASSWORD)
    page.keyboard.press("Enter")
    enter_code_if_asked(page, "consult@example.jp")
    page.locator("#id_status").select_option("resolved")
    page.locator("form[action$='/update/'] button[type=submit]").click()
    expect(page.locator("#consultation-status")).to_have_text("解決")
    page.goto(f"{site_url}/admin/consultations/?status=resolved")
    expect(page.get_by_role("link", name=reference)).to_be_visible()
    assert_no_axe_violations(page)  # the inbox with a filter

    # Entering a consultation taken by phone or at an event: topics in a fieldset.
    page.goto(f"{site_url}/admin/consultations/new/")
    expect(page.locator("#id_topics_group legend")).to_be_visible()
    assert_no_axe_violations(page)
    page.locator("form[novalidate] button[type=submit]").click()
    expect(page.locator("#id_message_error")).to_be_visible()
    expect(page.locator("#id_message")).to_have_attribute("aria-invalid", "true")
    assert_no_axe_violations(page)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_quick_answer_in_the_thread_is_accepted_a_quick_first_form_is_not(
    page, site_url, settings, language
):
    """The time trap guards a public form's first submission, not the person's answer."""
    from consultations import services
    from consultations.models import Consultation, Message
    from tests.factories.consultations import ConsultationFactory

    settings.FORM_TIME_TRAP_SECONDS = 30
    text = TEXT[language]
    consultation = ConsultationFactory(language=language)
    page.goto(f"{site_url}/{language}/consultation/thread/{services.thread_token(consultation)}/")
    page.locator("#id_message").fill("すぐにお返事します。")
    page.get_by_role("button", name=text["answer_button"]).click()
    expect(page.locator(".consultation-messages")).to_contain_text("すぐにお返事します。")
    assert Message.objects.filter(consultation=consultation, body="すぐにお返事します。").exists()

    before = Consultation.objects.count()
    page.goto(f"{site_url}/{language}/consultation/")
    page.get_by_label(text["topic"], exact=True).check()
    page.locator("#id_message").fill("夏だけ苫小牧で暮らしたいです。")
    page.locator("#id_name").fill("苫小牧 花子")
    page.locator("#id_email").fill(f"quick-{language}@example.com")
    page.locator("#id_residence_prefecture").select_option(label=text["prefecture"])
    page.locator("#id_consent").check()
    page.get_by_role("button", name=text["check"]).click()
    expect(page.get_by_role("alert")).to_contain_text(text["too_fast"])
    expect(page.locator(".consultation-confirm")).to_have_count(0)
    assert_no_axe_violations(page)
    assert Consultation.objects.count() == before
