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


def test_one_page_of_a_listing_reads_its_rows_and_their_number_in_one_query(demo_site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from home.models import NewsPage
    from home.models.base import paginate
    from tests.factories.home import NewsPageFactory

    NewsPageFactory.create_batch(8)
    news = NewsPage.objects.filter(locale__language_code="ja").order_by("pk")
    total = news.count()
    assert total > 3

    def page(number):
        return paginate(RequestFactory().get("/news/", {"page": number}), news, 3)

    expected = [n.pk for n in news[3:6]]
    with CaptureQueriesContext(connection) as queries:
        second = page(2)
        assert second.paginator.count == total
        assert second.paginator.num_pages == -(-total // 3)
        assert [n.pk for n in second] == expected
    assert len(queries) == 1
    last = second.paginator.num_pages
    # Past the end, below 1 or not a number: as Paginator.get_page answers.
    assert page(last + 5).number == last and page(0).number == last
    assert page("x").number == 1 and len(page("x")) == 3
    empty = paginate(RequestFactory().get("/news/"), news.none(), 3)
    assert empty.number == 1 and empty.paginator.count == 0 and list(empty) == []
