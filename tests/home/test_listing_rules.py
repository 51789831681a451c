"""The rules the listings share (home.models.base.listing_vary, home.models.scheduled.
not_past): what a cached listing fragment varies on, and which scheduled pages are still
listed as upcoming."""

from datetime import timedelta

from django.test import RequestFactory
from django.utils import timezone

from home.models.base import listing_vary
from home.models.scheduled import not_past
from members.models import ActivityIndexPage, ActivityPage
from tests.factories.members import add_activity


def test_a_listing_varies_on_its_filters_and_a_short_page_number():
    request = RequestFactory().get("/news/", {"page": "1234567890"})
    assert listing_vary(request, 2025, None) == "2025|None|123456"
    assert listing_vary(RequestFactory().get("/events/"), False) == "False|"


def test_upcoming_means_not_past_and_keeps_ongoing_activities(client, demo_site):
    index = ActivityIndexPage.objects.filter(locale__language_code="ja").first()
    soon = add_activity(index, title="これからの活動")
    ongoing = add_activity(index, title="毎週の活動")
    ongoing.start = ongoing.end = None
    ongoing.schedule_note = "毎週土曜"
    ongoing.save_revision().publish()
    over = add_activity(index, title="終わった活動", start=timezone.now() - timedelta(days=2))

    listed = set(not_past(ActivityPage.objects.filter(pk__in=[soon.pk, ongoing.pk, over.pk])))
    assert listed == {soon, ongoing}
    assert {page for page in (soon, ongoing, over) if not page.is_past} == listed

    html = client.get(index.url).content.decode()
    assert "これからの活動" in html and "毎週の活動" in html
    assert "終わった活動" not in html
