"""The translators' workflow in the demo: an English translation a translator submitted waits
for a city editor, who finds it on the dashboard; the public does not see it yet."""

from django.test import Client
from wagtail.models import Locale, WorkflowState

from home.models import StoryPage
from tests.factories import UserFactory


def test_a_submitted_english_story_waits_for_the_city_editors_approval(demo_site):
    japanese = StoryPage.objects.get(locale__language_code="ja", slug="raising-kids-in-itoi")
    english = japanese.get_translation(Locale.objects.get(language_code="en")).specific
    assert not english.live
    assert english.get_latest_revision_as_object().title == (
        "Raising children in Itoi, with the park and the sea close by"
    )
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(english.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by.email == "translator@example.jp"
    assert Client().get("/en/stories/raising-kids-in-itoi/").status_code == 404

    city = Client()
    city.force_login(UserFactory(groups=["City editors"]))
    dashboard = city.get("/admin/").content.decode()
    assert "Raising children in Itoi" in dashboard
