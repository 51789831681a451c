"""Moderation and comment e-mails reach each member of staff in their own admin language.

The sender here always works in English; a city editor who never chose a language is Japanese
staff and reads Japanese (the account form's "Use server language: 日本語"), one who chose
English reads English, and the workflow's and task's names come in the same language.
"""

import pytest
from django.core import mail
from wagtail.models import Page, PageSubscription, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from tests.factories import UserFactory
from tests.factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db

# Sentences of Wagtail's notification templates: none may reach a Japanese reader in English.
ENGLISH_SENTENCES = [
    "has been submitted",
    "has been approved",
    "has been rejected",
    "You can",
    "Hello",
    "Edit your notification preferences",
    "The following comment was left",
    "New comments",
    "City approval",
    "City editor approval",
]


def staff(role, language=""):
    user = UserFactory(groups=[role])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def mail_to(user):
    messages = [m for m in mail.outbox if m.to == [user.email]]
    assert len(messages) == 1, [m.subject for m in mail.outbox]
    return messages[0]


def english_in(message):
    text = message.subject + "\n" + message.body
    return [sentence for sentence in ENGLISH_SENTENCES if sentence in text]


def edit_form(page, **extra):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "body": streamfield([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


@pytest.fixture
def page(demo_site):
    return StandardPageFactory(title="移住相談会のご案内")


@pytest.fixture
def city_editor_ja():
    return staff("City editors")


@pytest.fixture
def city_editor_en():
    return staff("City editors", "en")


def submit(client, page, user):
    client.force_login(user)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", edit_form(page, **{"action-submit": "Submit"})
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.workflow_in_progress


def test_a_submission_by_an_english_speaking_contractor_reaches_city_editors_in_their_language(
    client, page, city_editor_ja, city_editor_en
):
    contractor = staff("Contractor editors", "en")
    mail.outbox = []

    submit(client, page, contractor)

    japanese = mail_to(city_editor_ja)
    assert "市の編集者の承認" in japanese.subject and "移住相談会のご案内" in japanese.subject
    assert "市の編集者の承認" in japanese.body
    assert english_in(japanese) == []
    english = mail_to(city_editor_en)
    assert (
        'The page "移住相談会のご案内" has been submitted for approval to moderation stage '
        '"City editor approval"' in english.body
    )


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_the_contractor_hears_of_approval_or_rejection_in_their_language(
    client, page, city_editor_en, action
):
    contractor = staff("Contractor editors")  # no language chosen: Japanese staff
    page.save_revision(user=contractor)
    workflow_state = Workflow.objects.get(name="City approval").start(page, contractor)
    task_state = workflow_state.current_task_state
    client.force_login(city_editor_en)
    mail.outbox = []

    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/",
        {"comment": "ご確認ください。"},
    )

    assert response.status_code == 302
    japanese = mail_to(contractor)
    assert "市の承認" in japanese.subject + japanese.body
    assert english_in(japanese) == []


def test_comment_notifications_follow_the_recipients_language(client, page, city_editor_ja):
    commenter = staff("City editors", "en")
    subscriber_en = staff("City editors", "en")
    for user in (city_editor_ja, subscriber_en):
        PageSubscription.objects.create(user=user, page=page, comment_notifications=True)
    client.force_login(commenter)
    mail.outbox = []

    comment = {
        "id": "",
        "DELETE": "",
        "resolved": "",
        "contentpath": "title",
        "text": "見出しを短くしてください。",
        "position": "",
        "replies": inline_formset([]),
    }
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", edit_form(page, comments=inline_formset([comment]))
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Page.objects.get(pk=page.pk).wagtail_admin_comments.count() == 1
    japanese = mail_to(city_editor_ja)
    assert "見出しを短くしてください。" in japanese.body
    assert english_in(japanese) == []
    assert "New comments" in mail_to(subscriber_en).body
