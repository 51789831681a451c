"""The "Translation status" report: per language, every Japanese page and translatable snippet
as translated, out of date (the Japanese changed after the translation was last written) or
missing, with links; filtered by language and status; a fixed number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from home.models import StandardPage, StoryTheme
from home.services import translate_through_localize
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("content_translation_status:index")


@pytest.fixture
def translator_client(client):
    client.force_login(UserFactory(groups=["Translators"]))
    return client


def add_japanese_page(home, slug, title):
    page = StandardPage(title=title, slug=slug, intro="はじめに", locale=home.locale)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def rows_for(client, title, **filters):
    """(language, status) of the report's rows for one Japanese title."""
    from content.translation_status import translation_status_rows

    response = client.get(URL, filters)
    assert response.status_code == 200
    shown = response.content.decode()
    rows = [row for row in translation_status_rows() if row.title == title]
    wanted = {
        (row.language_code, row.status)
        for row in rows
        if filters.get("language", row.language_code) == row.language_code
        and filters.get("status", row.status) == row.status
    }
    return shown, wanted


def test_a_new_japanese_page_is_missing_in_every_language(translator_client, demo_site):
    page = add_japanese_page(demo_site.root_page, "status-new", "翻訳状況のテスト")
    html, rows = rows_for(translator_client, page.title)
    assert rows == {(code, "missing") for code in ("en", "zh-hans", "zh-hant", "ko")}
    assert page.title in html
    assert reverse("wagtail_localize:submit_page_translation", args=[page.id]) in html
    csv = translator_client.get(URL, {"export": "csv", "language": "ko"})
    assert page.title in b"".join(csv.streaming_content).decode("utf-8-sig")


def test_a_translation_is_translated_then_out_of_date_when_the_japanese_changes(
    translator_client, demo_site, django_capture_on_commit_callbacks
):
    page = add_japanese_page(demo_site.root_page, "status-changed", "変わるページ")
    with django_capture_on_commit_callbacks(execute=True):
        english = translate_through_localize(
            page,
            "en",
            {
                "変わるページ": "A page that changes",
                "status-changed": "status-changed",
                "はじめに": "Introduction",
            },
        )
    _html, rows = rows_for(translator_client, page.title, language="en")
    assert rows == {("en", "translated")}

    page.intro = "新しいはじめに"
    revision = page.save_revision()
    revision.publish()
    StandardPage.objects.filter(pk=page.pk).update(
        last_published_at=timezone.now() + datetime.timedelta(minutes=1)
    )
    html, rows = rows_for(translator_client, page.title, language="en", status="out_of_date")
    assert rows == {("en", "out_of_date")}
    assert reverse("wagtailadmin_pages:edit", args=[english.id]) in html
    assert "/admin/localize/update/" in html


def test_filters_keep_only_the_language_and_status_asked_for(translator_client, demo_site):
    page = add_japanese_page(demo_site.root_page, "status-filter", "絞り込みのページ")
    translated_home = demo_site.root_page.title  # the test site's home is in English too
    response = translator_client.get(URL, {"language": "en", "status": "missing"})
    table = response.content.decode().split("<tbody")[-1]
    assert page.title in table
    assert translated_home not in table
    assert "English" in table and "한국어" not in table


def test_snippets_are_listed_and_out_of_date_after_an_edit_of_the_japanese(
    translator_client, demo_site
):
    japanese = StoryTheme.objects.filter(locale__language_code="ja").first()
    assert StoryTheme.objects.filter(
        translation_key=japanese.translation_key, locale__language_code="en"
    ).exists()
    _html, rows = rows_for(translator_client, str(japanese), language="en")
    assert rows == {("en", "translated")}
    with timezone.override("UTC"):
        log(japanese, "wagtail.edit", timestamp=timezone.now() + datetime.timedelta(minutes=1))
    _html, rows = rows_for(translator_client, str(japanese), language="en")
    assert rows == {("en", "out_of_date")}
    _html, rows = rows_for(translator_client, str(japanese), language="ko")
    assert rows == {("ko", "missing")}


@pytest.mark.parametrize("role", ["City editors", "Contractor editors", "Translators"])
def test_editors_and_translators_see_the_report(client, demo_site, role):
    client.force_login(UserFactory(groups=[role]))
    assert client.get(URL).status_code == 200
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()


def test_others_do_not(client, demo_site):
    client.force_login(UserFactory(groups=["Consultation staff"]))
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_query_count_does_not_grow_with_the_pages(
    translator_client, demo_site, django_assert_max_num_queries
):
    home = demo_site.root_page
    for number in range(5):
        add_japanese_page(home, f"budget-{number}", f"予算のページ{number}")
    translator_client.get(URL)  # warm up
    # 34: two fixed queries tell which translations wait for approval (pages, snippets).
    with django_assert_max_num_queries(34) as five_pages:
        assert translator_client.get(URL).status_code == 200
    for number in range(5, 20):
        add_japanese_page(home, f"budget-{number}", f"予算のページ{number}")
    with django_assert_max_num_queries(len(five_pages.captured_queries)):
        assert translator_client.get(URL).status_code == 200


def test_a_translators_submit_does_not_make_a_stale_translation_current(
    translator_client, demo_site, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import Translation, TranslationSource

    page = add_japanese_page(demo_site.root_page, "status-stale", "古くなるページ")
    with django_capture_on_commit_callbacks(execute=True):
        translate_through_localize(
            page,
            "en",
            {"古くなるページ": "A page", "status-stale": "status-stale", "はじめに": "Intro"},
        )
    now = timezone.now()
    # wagtail-localize read the Japanese ten minutes ago; it changed five minutes ago…
    TranslationSource.objects.filter(object_id=page.translation_key).update(
        last_updated_at=now - datetime.timedelta(minutes=10)
    )
    StandardPage.objects.filter(pk=page.pk).update(
        last_published_at=now - datetime.timedelta(minutes=5)
    )
    _html, rows = rows_for(translator_client, page.title, language="en")
    assert rows == {("en", "out_of_date")}
    # …and the translator submits (a new write, from the old reading, without a sync).
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(
            source__object_id=page.translation_key, target_locale__language_code="en"
        ).save_target(publish=False)
    _html, rows = rows_for(translator_client, page.title, language="en")
    assert rows == {("en", "out_of_date")}
