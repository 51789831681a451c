"""First-party page views: what is counted, what is stored (nothing personal), the daily
rollup in Japan time, and the totals the reports read."""

import datetime as dt
import threading

import pytest
from django.db import DatabaseError, connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.japan_time import JST
from reports import pageviews
from reports.models import PageView, PageViewDay

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
)
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
ADDRESS = "203.0.113.7"


@pytest.fixture
def visitor():
    """A person's browser (Django's test client sends no user agent: that is a bot here)."""
    return Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=ADDRESS)


def page_at(url_path):
    return Page.objects.get(url_path=url_path)


def jst(*args):
    return dt.datetime(*args, tzinfo=JST)


# -- what is counted ------------------------------------------------------------------------


def test_a_served_page_counts_one_view_with_its_section_and_language(visitor, demo_site):
    response = visitor.get("/ja/entry-pass/partners/")
    assert response.status_code == 200
    view = PageView.objects.get()
    assert view.page_id == page_at("/home/entry-pass/partners/").pk
    assert (view.section, view.language) == ("entry-pass", "ja")

    visitor.get("/en/moving/")
    view = PageView.objects.latest("id")
    assert (view.page_id, view.section, view.language) == (
        page_at("/home-1/moving/").pk,
        "moving",
        "en",
    )


def test_the_home_page_is_section_empty(visitor, demo_site):
    assert visitor.get("/ja/").status_code == 200
    assert PageView.objects.get().section == ""


def test_not_found_is_not_counted(visitor, demo_site):
    assert visitor.get("/ja/no-such-page/").status_code == 404
    assert not PageView.objects.exists()


def test_head_is_not_counted(visitor, demo_site):
    assert visitor.head("/ja/moving/").status_code == 200
    assert not PageView.objects.exists()


@pytest.mark.parametrize("agent", [GOOGLEBOT, "", "   "])
def test_bots_and_empty_user_agents_are_not_counted(demo_site, agent):
    response = Client(HTTP_USER_AGENT=agent).get("/ja/moving/")
    assert response.status_code == 200
    assert not PageView.objects.exists()


@pytest.mark.parametrize("header", ["HTTP_SEC_PURPOSE", "HTTP_PURPOSE"])
def test_prefetches_are_not_counted(visitor, demo_site, header):
    assert visitor.get("/ja/moving/", **{header: "prefetch"}).status_code == 200
    assert not PageView.objects.exists()


def test_admin_preview_is_not_counted(visitor, demo_site):
    page = page_at("/home/privacy/")
    assert visitor.login(email="admin@example.jp", password="tsunagaru-demo-2026")
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    data = nested_form_data(
        {
            "title": "プレビューだけの題",
            "slug": page.slug,
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    assert visitor.post(preview_url, data).json()["is_valid"]
    response = visitor.get(preview_url)
    assert response.status_code == 200
    assert "プレビューだけの題" in response.content.decode()
    assert not PageView.objects.exists()
    # A logged-in editor on the public site is a visitor like any other.
    assert visitor.get("/ja/privacy/").status_code == 200
    assert PageView.objects.count() == 1


def test_a_request_marked_as_preview_is_not_counted(rf, demo_site):
    request = rf.get("/ja/moving/", HTTP_USER_AGENT=BROWSER)
    request.is_preview = True
    pageviews.mark_page_view(page_at("/home/moving/"), request, (), {})
    assert not hasattr(request, pageviews.REQUEST_ATTRIBUTE)


def test_a_password_form_is_not_counted(visitor, demo_site):
    from wagtail.models import PageViewRestriction

    page = page_at("/home/moving/")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hokki-2026"
    )
    response = visitor.get("/ja/moving/")
    assert response.status_code == 200 and 'name="password"' in response.content.decode()
    assert not PageView.objects.exists()


def test_a_login_redirect_is_not_counted(visitor, demo_site):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=page_at("/home/moving/"), restriction_type=PageViewRestriction.LOGIN
    )
    assert visitor.get("/ja/moving/").status_code == 302
    assert not PageView.objects.exists()


def test_the_setting_turns_counting_off(visitor, demo_site, settings):
    settings.REPORTS_COUNT_PAGE_VIEWS = False
    assert visitor.get("/ja/moving/").status_code == 200
    assert not PageView.objects.exists()


# -- nothing personal -----------------------------------------------------------------------


def test_no_address_user_agent_or_cookie_is_kept(visitor, demo_site):
    fields = {field.name for field in PageView._meta.get_fields()}
    assert fields == {"id", "viewed_at", "page", "section", "language"}
    response = visitor.get("/ja/moving/")
    assert PageView.objects.count() == 1
    assert not response.cookies  # no Set-Cookie at all on a plain page view
    stored = " ".join(str(value) for value in PageView.objects.values().get().values())
    assert ADDRESS not in stored and "iPhone" not in stored


# -- a view never breaks the page, and costs one INSERT -------------------------------------


def test_a_database_error_while_recording_still_serves_the_page(
    visitor, demo_site, monkeypatch, caplog
):
    def broken(**kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(PageView.objects, "create", broken)
    response = visitor.get("/ja/moving/")
    assert response.status_code == 200
    assert page_at("/home/moving/").title in response.content.decode()
    assert "not recorded" in caplog.text
    assert not PageView.objects.exists()


def test_a_view_costs_one_insert(visitor, demo_site, settings):
    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert visitor.get(url).status_code == 200
        # Savepoints wrap the INSERT only inside the test's transaction (see record_page_view).
        return [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]

    for url in ("/ja/", "/ja/moving/", "/en/stories/hokki-clam-mornings/"):
        visitor.get(url)  # warm up
        settings.REPORTS_COUNT_PAGE_VIEWS = False
        without = queries(url)
        settings.REPORTS_COUNT_PAGE_VIEWS = True
        counted = queries(url)
        extra = len(counted) - len(without)
        assert extra == 1, url
        assert sum('INSERT INTO "reports_pageview"' in sql for sql in counted) == 1


# -- rollup ---------------------------------------------------------------------------------


def test_rollup_folds_into_japan_days_and_deletes_the_raw_rows(demo_site):
    page = page_at("/home/moving/")
    PageView.objects.create(
        viewed_at=jst(2026, 3, 31, 23, 59), page=page, section="moving", language="ja"
    )
    PageView.objects.create(
        viewed_at=jst(2026, 4, 1, 0, 0), page=page, section="moving", language="ja"
    )
    PageView.objects.create(
        viewed_at=jst(2026, 4, 1, 9, 0), page=page, section="moving", language="ja"
    )
    PageView.objects.create(viewed_at=jst(2026, 4, 1, 9, 5), page=None, section="", language="en")

    with timezone.override(dt.UTC):  # Japan days whatever time zone is active
        assert pageviews.rollup() == 4
    assert not PageView.objects.exists()
    days = set(PageViewDay.objects.values_list("day", "page_id", "section", "language", "views"))
    assert days == {
        (dt.date(2026, 3, 31), page.pk, "moving", "ja", 1),
        (dt.date(2026, 4, 1), page.pk, "moving", "ja", 2),
        (dt.date(2026, 4, 1), None, "", "en", 1),
    }

    assert pageviews.rollup() == 0  # idempotent
    again = set(PageViewDay.objects.values_list("day", "page_id", "section", "language", "views"))
    assert again == days

    # A later view of the same day adds to its count.
    PageView.objects.create(
        viewed_at=jst(2026, 4, 1, 22, 0), page=page, section="moving", language="ja"
    )
    assert pageviews.rollup() == 1
    assert PageViewDay.objects.get(day=dt.date(2026, 4, 1), page=page).views == 3


def test_rollup_command_prints_how_many_it_folded(demo_site):
    from io import StringIO

    from django.core.management import call_command

    PageView.objects.create(viewed_at=jst(2026, 5, 1, 12), section="", language="ja")
    out = StringIO()
    call_command("rollup_page_views", stdout=out)
    assert "Folded 1 page views" in out.getvalue()


def test_totals_count_folded_and_unfolded_views(visitor, demo_site):
    moving, home_en = page_at("/home/moving/"), page_at("/home-1/")
    for when, page, section, language in [
        (jst(2026, 4, 1, 10), moving, "moving", "ja"),
        (jst(2026, 4, 1, 11), moving, "moving", "ja"),
        (jst(2026, 4, 2, 10), home_en, "", "en"),
        (jst(2026, 4, 30, 23, 59), moving, "moving", "ja"),
        (jst(2026, 5, 1, 0, 0), moving, "moving", "ja"),  # outside April
    ]:
        PageView.objects.create(viewed_at=when, page=page, section=section, language=language)
    pageviews.rollup()
    PageView.objects.create(
        viewed_at=jst(2026, 4, 2, 12), page=moving, section="moving", language="ja"
    )

    april = (dt.date(2026, 4, 1), dt.date(2026, 4, 30))
    assert pageviews.page_view_totals(*april) == [
        {"day": dt.date(2026, 4, 1), "views": 2},
        {"day": dt.date(2026, 4, 2), "views": 2},
        {"day": dt.date(2026, 4, 30), "views": 1},
    ]
    assert pageviews.page_view_totals(*april, group_by=("section",)) == [
        {"section": "", "views": 1},
        {"section": "moving", "views": 4},
    ]
    assert pageviews.page_view_totals(*april, group_by=("language", "page")) == [
        {"language": "en", "page": home_en.pk, "views": 1},
        {"language": "ja", "page": moving.pk, "views": 4},
    ]
    assert pageviews.page_view_totals(*april, group_by=("section", "day")) == [
        {"section": "", "day": dt.date(2026, 4, 2), "views": 1},
        {"section": "moving", "day": dt.date(2026, 4, 1), "views": 2},
        {"section": "moving", "day": dt.date(2026, 4, 2), "views": 1},
        {"section": "moving", "day": dt.date(2026, 4, 30), "views": 1},
    ]
    for wrong in [(), ("user_agent",)]:
        with pytest.raises(ValueError):
            pageviews.page_view_totals(*april, group_by=wrong)


def test_totals_read_in_the_database(demo_site, django_assert_num_queries):
    PageView.objects.create(viewed_at=jst(2026, 4, 1, 10), section="", language="ja")
    with django_assert_num_queries(1):
        pageviews.page_view_totals(dt.date(2026, 4, 1), dt.date(2026, 4, 30), ("day", "page"))


# -- two rollups at once, while views arrive ------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_rollups_at_once_fold_each_view_once():
    PageView.objects.bulk_create(
        PageView(viewed_at=jst(2026, 4, 1, 8) + dt.timedelta(minutes=i), section="s", language="ja")
        for i in range(300)
    )
    arriving = 100
    start = threading.Barrier(3)
    errors, folded = [], []

    def run(target):
        try:
            start.wait()
            target()
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    def roll():
        for _ in range(3):
            folded.append(pageviews.rollup())

    def arrive():
        for i in range(arriving):
            PageView.objects.create(
                viewed_at=jst(2026, 4, 2, 8, i % 60), section="s", language="ja"
            )

    threads = [threading.Thread(target=run, args=(t,)) for t in (roll, roll, arrive)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    folded.append(pageviews.rollup())
    assert sum(folded) == 300 + arriving
    assert not PageView.objects.exists()
    counts = dict(PageViewDay.objects.values_list("day", "views"))
    assert counts == {dt.date(2026, 4, 1): 300, dt.date(2026, 4, 2): arriving}
