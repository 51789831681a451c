"""New translations are drafts that translators submit to City approval; city editors are
told (in their admin language, Japanese unless they chose another) and publish by approving."""

import html
import re
from html.parser import HTMLParser

import pytest
from django.core import mail
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, Workflow, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from tests.factories import UserFactory
from tests.factories.translations import assert_refused, fill_strings, published_japanese_page


def _ja(message):
    """The message as a Japanese admin user (the default) reads it."""
    with translation.override("ja"):
        return translation.gettext(message)


pytestmark = pytest.mark.django_db


@pytest.fixture
def japanese_page(demo_site):
    return published_japanese_page(demo_site)


@pytest.fixture
def translator(client):
    user = UserFactory(groups=["Translators"])
    client.force_login(user)
    return user


def translate_page(client, page, language_code="ko"):
    """What "Translate this page" does (wagtail-localize's submit view)."""
    locale = Locale.objects.get(language_code=language_code)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.id]),
        {"locales": [locale.id]},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return page.get_translation(locale), Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )


KOREAN = {
    "子育てのまち": "아이 키우기 좋은 도시",
    "苫小牧で子どもを育てる。": "도마코마이에서 아이를 키웁니다.",
}


def submit(client, page):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.id]), {"action": "submit-for-approval"}
    )


def test_translate_this_page_makes_a_draft_that_the_public_never_sees(
    client, translator, japanese_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        korean, _translation = translate_page(client, japanese_page)
    korean.refresh_from_db()
    assert not korean.live
    assert Client().get(f"/ko/{korean.slug}/").status_code == 404


def test_a_translator_cannot_publish_through_the_translation_editor(
    client, translator, japanese_page, django_capture_on_commit_callbacks
):
    korean, translation = translate_page(client, japanese_page)
    fill_strings(translation, KOREAN)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[korean.id]), {"action": "publish"}
        )
    assert_refused(response)
    korean.refresh_from_db()
    assert not korean.live


class EditFormFields(HTMLParser):
    """The fields of the page editor's form as a browser would post them (without the
    StreamField's JavaScript, which would add each block: an empty body here)."""

    def __init__(self):
        super().__init__()
        self.data, self.in_form, self.textarea, self.select = {}, False, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("id") == "page-edit-form"
        if not self.in_form or not attrs.get("name"):
            if tag == "option" and self.select and "selected" in attrs:
                self.data[self.select] = attrs.get("value", "")
            return
        name = attrs["name"]
        if tag == "input" and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.data[name] = attrs.get("value", "")
        elif tag == "textarea":
            self.textarea = name
            self.data[name] = ""
        elif tag == "select":
            self.select = name
            self.data.setdefault(name, "")

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None


def edit_form_data(client, page, **changes):
    parser = EditFormFields()
    parser.feed(client.get(reverse("wagtailadmin_pages:edit", args=[page.id])).content.decode())
    data = {"body-count": "0", **parser.data, **changes}
    data.pop("action-submit", None)
    return data


def test_a_translator_cannot_publish_through_the_page_editor(
    client, translator, japanese_page, django_capture_on_commit_callbacks
):
    korean, translation = translate_page(client, japanese_page)
    translation.enabled = False  # "Stop Synced translation": the ordinary page editor
    translation.save()
    data = edit_form_data(
        client, korean, title="아이 키우기 좋은 도시", intro="도마코마이", **{"action-publish": "1"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[korean.id]), data)
    korean.refresh_from_db()
    assert not korean.live
    assert not korean.permissions_for_user(translator).can_publish()
    # The same form is valid: a city editor's publish of it goes live.
    client.force_login(UserFactory(groups=["City editors"]))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[korean.id]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    korean.refresh_from_db()
    assert korean.live and korean.title == "아이 키우기 좋은 도시"


def test_a_translator_cannot_convert_a_translation_into_a_live_alias(
    client, translator, japanese_page
):
    korean, _translation = translate_page(client, japanese_page)
    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[korean.id]))
    assert_refused(response)
    korean.refresh_from_db()
    assert korean.alias_of_id is None and not korean.live


def test_the_translation_sync_offers_translators_no_publish_immediately(
    client, translator, japanese_page, django_capture_on_commit_callbacks
):
    korean, translation = translate_page(client, japanese_page)
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    assert 'name="publish_translations"' not in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"publish_translations": "on"})
    korean.refresh_from_db()
    assert not korean.live


def test_a_city_editor_may_publish_at_once_when_syncing(
    client, japanese_page, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory(groups=["City editors"]))
    korean, translation = translate_page(client, japanese_page)
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    assert 'name="publish_translations"' in client.get(url).content.decode()


def test_the_translation_editor_offers_translators_the_submit_not_the_alias(
    client, translator, japanese_page
):
    korean, _translation = translate_page(client, japanese_page)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[korean.id])).content.decode()
    assert 'value="submit-for-approval"' in html
    # wagtail-localize's own footer (convert to alias, stop translation) is hidden for them.
    assert ".js-translation-editor footer.footer { display: none; }" in html


def test_a_city_editor_keeps_wagtail_localize_publish_button(client, japanese_page):
    client.force_login(UserFactory(groups=["City editors"]))
    korean, _translation = translate_page(client, japanese_page)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[korean.id])).content.decode()
    assert 'value="submit-for-approval"' not in html


def test_the_page_editor_makes_the_submit_the_translators_main_action(
    client, translator, japanese_page
):
    korean, translation = translate_page(client, japanese_page)
    translation.enabled = False
    translation.save()
    html = client.get(reverse("wagtailadmin_pages:edit", args=[korean.id])).content.decode()
    assert 'name="localize-convert-to-alias"' not in html
    footer = html[html.index('<footer class="footer') :]
    assert re.search(r'<button[^>]*name="([a-z-]+)"', footer).group(1) == "action-submit"


def test_submitted_translation_waits_for_a_city_editor_then_goes_live(
    client, translator, japanese_page, django_capture_on_commit_callbacks
):
    city_editor = UserFactory(groups=["City editors"])
    korean, translation = translate_page(client, japanese_page)
    fill_strings(translation, KOREAN)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, korean)
    assert response.status_code == 302
    korean.refresh_from_db()
    assert not korean.live
    state = korean.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow == Workflow.objects.get(name="City approval")
    assert city_editor.email in {address for message in mail.outbox for address in message.to}
    assert Client().get(f"/ko/{korean.slug}/").status_code == 404

    client.force_login(city_editor)
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[korean.id, "approve", state.current_task_state.id],
    )
    # The city editor reviews in the translation editor, which offers the task's actions.
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[korean.id])).content.decode()
    assert f'action="{approve_url}"' in editor
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(approve_url)
    assert response.status_code in (200, 302)
    korean.refresh_from_db()
    assert korean.live
    public = Client().get(f"/ko/{korean.slug}/")
    assert public.status_code == 200
    assert "아이 키우기 좋은 도시" in public.content.decode()


def test_an_update_to_a_live_translation_stays_a_draft_until_approved(
    client, translator, japanese_page, django_capture_on_commit_callbacks
):
    korean, translation = translate_page(client, japanese_page)
    fill_strings(translation, KOREAN)
    translation.save_target(publish=True)  # approved and published earlier
    with django_capture_on_commit_callbacks(execute=True):
        pass
    korean = Page.objects.get(pk=korean.pk).specific
    korean.save_revision().publish()
    fill_strings(translation, {"子育てのまち": "새 제목", "苫小牧で子どもを育てる。": "새 소개"})
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, korean)
    korean = Page.objects.get(pk=korean.pk).specific
    assert korean.live and korean.title == "아이 키우기 좋은 도시"
    assert korean.has_unpublished_changes
    assert korean.get_latest_revision_as_object().title == "새 제목"
    assert "새 제목" not in Client().get(f"/ko/{korean.slug}/").content.decode()


def test_city_editors_are_told_in_japanese_unless_they_chose_english(
    client, japanese_page, django_capture_on_commit_callbacks
):
    translator = UserFactory(groups=["Translators"])
    UserProfile.get_for_user(translator).__class__.objects.filter(user=translator).update(
        preferred_language="en"
    )
    client.force_login(translator)
    japanese_reader = UserFactory(groups=["City editors"])
    english_reader = UserFactory(groups=["City editors"])
    profile = UserProfile.get_for_user(english_reader)
    profile.preferred_language = "en"
    profile.save()
    korean, translation = translate_page(client, japanese_page)
    fill_strings(translation, KOREAN)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, korean)
    by_recipient = {message.to[0]: message for message in mail.outbox}
    japanese_mail = by_recipient[japanese_reader.email]
    english_mail = by_recipient[english_reader.email]
    assert japanese_mail.subject != english_mail.subject
    assert "submitted" in english_mail.subject
    assert "submitted" not in japanese_mail.subject


def test_a_second_submit_while_waiting_is_refused_with_a_message(
    client, translator, japanese_page, django_capture_on_commit_callbacks
):
    korean, translation = translate_page(client, japanese_page)
    fill_strings(translation, KOREAN)
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, korean)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, korean)
    assert response.status_code == 302
    assert WorkflowState.objects.filter(object_id=str(korean.pk)).count() == 1
    shown = client.get(response.url).content.decode()
    assert _ja("This translation is already waiting for approval.") in html.unescape(shown)


def test_without_a_workflow_the_submit_is_refused_with_a_message(
    client, translator, japanese_page, django_capture_on_commit_callbacks
):
    korean, translation = translate_page(client, japanese_page)
    Workflow.objects.filter(name="City approval").update(active=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, korean)
    assert response.status_code == 302
    assert not WorkflowState.objects.filter(object_id=str(korean.pk)).exists()
    assert _ja(
        "No approval workflow applies to this page: ask a city editor to publish it."
    ) in html.unescape(client.get(response.url).content.decode())


def test_a_translation_sent_back_for_changes_can_be_resubmitted(
    client, translator, japanese_page, django_capture_on_commit_callbacks
):
    city_editor = UserFactory(groups=["City editors"])
    korean, translation = translate_page(client, japanese_page)
    fill_strings(translation, KOREAN)
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, korean)
    state = Page.objects.get(pk=korean.pk).current_workflow_state
    client.force_login(city_editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[korean.id, "reject", state.current_task_state.id],
            ),
            {"comment": "표현을 고쳐 주세요"},
        )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    client.force_login(translator)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, korean)
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_while_waiting_only_the_reviewers_change_the_strings(
    client, translator, japanese_page, django_capture_on_commit_callbacks
):
    """After the submit the translator cannot change what the city editor is reading (their
    "Approve" publishes the submitted revision); the city editor still can."""
    korean, translation = translate_page(client, japanese_page)
    fill_strings(translation, KOREAN)
    segment = StringSegment.objects.filter(source=translation.source).first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id])

    def put(user_client, value):
        """What the translation editor sends when a string is saved."""
        return user_client.put(
            url, encode_multipart(BOUNDARY, {"value": value}), content_type=MULTIPART_CONTENT
        )

    assert put(client, "초안").status_code == 200  # before the submit
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, korean)
    before = StringTranslation.objects.get(
        translation_of=segment.string, locale=translation.target_locale, context=segment.context
    ).data
    assert_refused(put(client, "몰래 바꾼 문장"))
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.id])
    assert_refused(client.post(upload, {}))
    assert (
        StringTranslation.objects.get(
            translation_of=segment.string, locale=translation.target_locale, context=segment.context
        ).data
        == before
    )

    city_editor = Client()
    city_editor.force_login(UserFactory(groups=["City editors"]))
    assert put(city_editor, "검토자가 고친 문장").status_code == 200
