"""A translation in a real browser, as the demo's translator and City editor: "Translate this
page" into Korean makes a draft, the translator fills the strings in wagtail-localize's editor
and submits it to City approval; until a City editor approves it the Korean address shows
nothing; approved, it shows the Korean text, and axe finds nothing on it.

The test makes its own Japanese page and deletes it (and its translation) at the end; the
translator's admin language is put back."""

import re
import uuid

import pytest
from django.utils import translation
from playwright.sync_api import expect

from home import demo_content
from tests.e2e.accounts import enter_code_if_asked
from tests.e2e.conftest import assert_no_axe_violations

TRANSLATOR = "translator@example.jp"
CITY_EDITOR = "city@example.jp"
TITLE_JA = "子育てのまち苫小牧"
INTRO_JA = "苫小牧で子どもを育てる家族の話です。"
TITLE_KO = "아이 키우기 좋은 도마코마이"
INTRO_KO = "도마코마이에서 아이를 키우는 가족 이야기입니다."


def t(message, language):
    with translation.override(language):
        return translation.gettext(message)


def log_in(page, site_url, email, next_url):
    page.goto(f"{site_url}/ja/accounts/login/?next={next_url}")
    page.get_by_label("メールアドレス").fill(email)
    page.get_by_label("パスワード").fill(demo_content.DEMO_PASSWORD)
    page.keyboard.press("Enter")
    enter_code_if_asked(page, email)
    expect(page).to_have_url(re.compile(re.escape(next_url) + "$"))


@pytest.fixture
def japanese_page(site_url):
    from wagtail.models import Page
    from wagtail_localize.models import TranslationSource

    from home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="ja", depth=2)
    page = StandardPage(
        title=TITLE_JA, slug=f"kosodate-{uuid.uuid4().hex[:8]}", intro=INTRO_JA, locale=home.locale
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    yield page
    for translated in Page.objects.filter(translation_key=page.translation_key):
        translated.delete()
    TranslationSource.objects.filter(object_id=page.translation_key).delete()


def admin_language(email, language):
    """Set a demo user's admin language for one test, then put it back (other browser tests
    on the shared demo server change it too: the city editor may have been left in English)."""
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(get_user_model().objects.get(email=email))
    original = profile.preferred_language
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])
    yield
    profile.preferred_language = original
    profile.save(update_fields=["preferred_language"])


@pytest.fixture
def translator_in_english(site_url):
    """The translator works in the English admin (the City editors get Japanese e-mail)."""
    yield from admin_language(TRANSLATOR, "en")


@pytest.fixture
def city_editor_in_japanese(site_url):
    yield from admin_language(CITY_EDITOR, "ja")


def fill_string(page, source, text):
    segment = page.locator("li").filter(has=page.get_by_text(source, exact=True)).last
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(text)
    segment.get_by_role("button", name="Save").click()
    expect(segment.get_by_text(text, exact=True)).to_be_visible()


def test_translator_submits_a_korean_translation_that_a_city_editor_publishes(
    page, browser, site_url, japanese_page, translator_in_english, city_editor_in_japanese
):
    from wagtail.models import Locale

    korean_locale = Locale.objects.get(language_code="ko")
    log_in(page, site_url, TRANSLATOR, "/admin/")

    # "Translate this page" (wagtail-localize) into Korean.
    page.goto(f"{site_url}/admin/localize/submit/page/{japanese_page.id}/")
    page.get_by_label(korean_locale.get_display_name()).check()
    page.get_by_role("button", name="Submit").click()
    korean = japanese_page.get_translation(korean_locale)
    expect(page).to_have_url(re.compile(rf"/admin/pages/{korean.id}/edit/$"))
    public_url = f"{site_url}{korean.url}"
    assert "/ko/" in public_url

    # The new translation is a draft: the public never sees it.
    assert page.request.get(public_url).status == 404

    # The strings, in wagtail-localize's translation editor.
    fill_string(page, TITLE_JA, TITLE_KO)
    fill_string(page, INTRO_JA, INTRO_KO)

    # The main action is the submit; no "Convert to alias page", no "Publish".
    footer = page.locator("footer[data-translation-workflow]")
    expect(page.get_by_text("Convert to alias page")).to_be_hidden()
    expect(page.get_by_role("button", name=re.compile("^Publish"))).to_have_count(0)
    footer.get_by_role("button", name="Submit to City approval").click()
    expect(page.locator(".messages")).to_contain_text("City approval")
    expect(footer).to_contain_text("waiting for a city editor")
    assert page.request.get(public_url).status == 404

    # A City editor (Japanese admin) approves it where they read it.
    editor_context = browser.new_context(locale="ja-JP")
    try:
        editor = editor_context.new_page()
        log_in(editor, site_url, CITY_EDITOR, f"/admin/pages/{korean.id}/edit/")
        review = editor.locator("[data-translation-review]")
        review.get_by_role("button", name=t("Approve", "ja"), exact=True).click()
        expect(editor.locator("[data-translation-review]")).to_have_count(0)
    finally:
        editor_context.close()

    # Published: the Korean address shows the Korean text (to a visitor).
    page.context.clear_cookies()
    response = page.goto(public_url)
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE_KO)
    expect(page.get_by_text(INTRO_KO)).to_be_visible()
    assert_no_axe_violations(page)
