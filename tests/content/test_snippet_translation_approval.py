"""Snippet translations (here the header menu) reach the public only through a city editor's
approval: "Translate" makes a hidden draft (the public keeps the Japanese original, marked
lang="ja"), translators submit it and never publish, stop or sync-publish it, city editors are
told in Japanese and publish it (content/snippet_translation_review.py)."""

import pytest
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation as django_translation
from wagtail.models import Locale
from wagtail_localize.models import Translation

from content.models import SnippetTranslationReview
from home.models import NavigationMenu
from tests.factories import UserFactory
from tests.factories.translations import assert_refused, fill_strings
from tests.html_lang import between, lang_of

pytestmark = pytest.mark.django_db

KOREAN = {"移住・定住": "이주·정주", "ストーリー": "이야기", "お知らせ": "알림", "イベント": "행사"}


@pytest.fixture
def japanese_menu(demo_site):
    return NavigationMenu.objects.get(locale__language_code="ja", location="header")


@pytest.fixture
def translator(client):
    user = UserFactory(groups=["Translators"])
    client.force_login(user)
    return user


@pytest.fixture
def city_editor():
    return UserFactory(groups=["City editors"])


def translate_menu(client, menu, language_code="ko"):
    """What "Translate" on the snippet does (wagtail-localize's submit view)."""
    locale = Locale.objects.get(language_code=language_code)
    response = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["home", "navigationmenu", quote(menu.pk)],
        ),
        {"locales": [locale.id]},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return menu.get_translation(locale), Translation.objects.get(
        source__object_id=menu.translation_key, target_locale=locale
    )


def edit_url(menu):
    return reverse("wagtailsnippets_home_navigationmenu:edit", args=[quote(menu.pk)])


def public_nav(language="ko"):
    html = Client().get(f"/{language}/").content.decode()
    return between(html, '<nav class="site-nav"', "</nav>")


def labels(menu):
    return sorted(NavigationMenu.objects.get(pk=menu.pk).items.values_list("label", flat=True))


def review_of(menu):
    return SnippetTranslationReview.objects.get(
        translation_key=menu.translation_key, locale=menu.locale
    )


def test_a_new_snippet_translation_is_a_hidden_draft(client, translator, japanese_menu):
    korean, _translation = translate_menu(client, japanese_menu)
    assert review_of(korean).state == SnippetTranslationReview.DRAFT
    assert review_of(korean).approved_at is None
    # The copy of the Japanese is not shown as Korean: the original is, marked lang="ja".
    assert lang_of(public_nav(), "移住・定住", default="ko") == "ja"


def test_a_city_editors_new_translation_is_a_draft_too(client, city_editor, japanese_menu):
    client.force_login(city_editor)
    korean, _translation = translate_menu(client, japanese_menu)
    assert review_of(korean).approved_at is None
    assert lang_of(public_nav(), "移住・定住", default="ko") == "ja"


def test_a_translator_cannot_publish_in_the_translation_editor(client, translator, japanese_menu):
    korean, translation = translate_menu(client, japanese_menu)
    before = labels(korean)
    fill_strings(translation, KOREAN)
    assert_refused(client.post(edit_url(korean), {"action": "publish"}))
    assert labels(korean) == before
    assert review_of(korean).approved_at is None
    assert "이주·정주" not in public_nav()


def test_a_translator_cannot_publish_from_the_sync(client, translator, japanese_menu):
    korean, translation = translate_menu(client, japanese_menu)
    fill_strings(translation, KOREAN)
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    assert 'name="publish_translations"' not in client.get(url).content.decode()
    client.post(url, {"publish_translations": "on"})
    assert "이주·정주" not in labels(korean)
    assert review_of(korean).approved_at is None
    assert "이주·정주" not in public_nav()


def test_a_translator_cannot_stop_the_synced_translation(client, translator, japanese_menu):
    korean, translation = translate_menu(client, japanese_menu)
    response = client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.id]),
        {"next": edit_url(korean)},
    )
    assert_refused(response)
    translation.refresh_from_db()
    assert translation.enabled


def test_a_translator_cannot_save_a_stopped_translation_from_the_plain_form(
    client, translator, japanese_menu
):
    korean, translation = translate_menu(client, japanese_menu)
    translation.enabled = False  # stopped by a city editor
    translation.save()
    assert_refused(client.post(edit_url(korean), {"title": "한국어 메뉴", "location": "header"}))
    assert NavigationMenu.objects.get(pk=korean.pk).title == korean.title


def test_submitted_then_published_by_a_city_editor(client, translator, city_editor, japanese_menu):
    korean, translation = translate_menu(client, japanese_menu)
    editor_html = client.get(edit_url(korean)).content.decode()
    assert 'value="submit-for-approval"' in editor_html
    fill_strings(translation, KOREAN)
    mail.outbox.clear()
    response = client.post(edit_url(korean), {"action": "submit-for-approval"})
    assert response.status_code == 302
    review = review_of(korean)
    assert review.state == SnippetTranslationReview.SUBMITTED
    assert review.submitted_by == translator and review.approved_at is None
    waiting = client.get(edit_url(korean)).content.decode()
    assert "data-translation-workflow" in waiting and 'value="submit-for-approval"' not in waiting
    # The strings wait in wagtail-localize: nothing public changed.
    assert "이주·정주" not in labels(korean)
    assert lang_of(public_nav(), "移住・定住", default="ko") == "ja"
    # City editors are told, in Japanese (their admin language by default).
    (message,) = [m for m in mail.outbox if city_editor.email in m.to]
    with django_translation.override("ja"):
        city_approval = django_translation.gettext("City approval")
    assert city_approval != "City approval" and city_approval in message.body
    assert "http://testserver" + edit_url(korean) in message.body
    assert translator.email not in message.body
    # The report shows the translation waiting.
    from content.translation_status import translation_status_rows

    (row,) = [r for r in translation_status_rows(["ko"]) if r.title == str(japanese_menu)]
    assert row.awaiting_approval

    client.force_login(city_editor)
    assert 'value="submit-for-approval"' not in client.get(edit_url(korean)).content.decode()
    response = client.post(edit_url(korean), {"action": "publish"})
    assert response.status_code == 302
    review = review_of(korean)
    assert review.state == SnippetTranslationReview.APPROVED
    assert review.approved_by == city_editor and review.approved_at is not None
    nav = public_nav()
    assert lang_of(nav, "이주·정주", default="ko") == "ko"
    assert "移住・定住" not in nav


def test_a_later_edit_waits_for_the_next_approval(client, translator, city_editor, japanese_menu):
    korean, translation = translate_menu(client, japanese_menu)
    fill_strings(translation, KOREAN)
    client.force_login(city_editor)
    client.post(edit_url(korean), {"action": "publish"})
    assert "이주·정주" in public_nav()

    client.force_login(translator)
    fill_strings(translation, {**KOREAN, "移住・定住": "이주와 정착"})
    client.post(edit_url(korean), {"action": "submit-for-approval"})
    assert review_of(korean).state == SnippetTranslationReview.SUBMITTED
    nav = public_nav()
    assert "이주·정주" in nav and "이주와 정착" not in nav  # the approved text stays

    client.force_login(city_editor)
    client.post(edit_url(korean), {"action": "publish"})
    assert "이주와 정착" in public_nav()


def test_a_city_editor_may_publish_from_the_sync(client, city_editor, japanese_menu):
    client.force_login(city_editor)
    korean, translation = translate_menu(client, japanese_menu)
    fill_strings(translation, KOREAN)
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    assert 'name="publish_translations"' in client.get(url).content.decode()
    client.post(url, {"publish_translations": "on"})
    assert review_of(korean).approved_by == city_editor
    assert "이주·정주" in public_nav()


def test_a_campaigns_creator_in_a_draft_translation_is_shown_as_the_original(
    client, translator, demo_site
):
    """A campaign page (translated by the city) shows a creator's Korean profile only once
    a City editor has published that translation; until then, the Japanese one."""
    from campaigns.models import Creator
    from campaigns.templatetags.campaign_tags import localized_creators

    original = Creator.objects.filter(locale__language_code="ja").first()
    korean = original.copy_for_translation(Locale.objects.get(language_code="ko"))
    korean.save()
    with django_translation.override("ko"):
        assert localized_creators([original]) == [korean]  # made in code, not in review: public
        SnippetTranslationReview.objects.create(
            content_type=ContentType.objects.get_for_model(Creator),
            translation_key=korean.translation_key,
            locale=korean.locale,
        )
        assert localized_creators([original]) == [original]
        assert localized_creators([korean]) == [original]


def test_a_mail_outage_does_not_undo_the_submit(
    client, translator, city_editor, japanese_menu, settings
):
    """With the mail server down the submit still stands: the review waits for approval and
    the Translation status report lists it."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    korean, translation = translate_menu(client, japanese_menu)
    fill_strings(translation, KOREAN)
    response = client.post(edit_url(korean), {"action": "submit-for-approval"})
    assert response.status_code == 302
    assert review_of(korean).state == SnippetTranslationReview.SUBMITTED
