"""Query budgets per page type (after a warm-up request), and the cached site chrome."""

import pytest
from wagtail.models import Locale

from home.models import NavigationMenu, SiteIdentity

pytestmark = pytest.mark.django_db

# The budgets: home ≤ 12, story ≤ 10, any listing ≤ 12 however many items it shows.
BUDGETS = [
    ("/ja/", 12),
    ("/en/", 12),
    ("/ko/", 12),  # untranslated: Japanese content under the Korean chrome
    ("/ja/stories/hokki-clam-mornings/", 10),
    ("/en/stories/hokki-clam-mornings/", 10),
    ("/ja/stories/", 12),
    ("/ja/stories/?theme=food", 12),
    ("/ja/news/", 12),
    ("/ja/news/2026/", 12),
    ("/ja/events/", 12),
    ("/ja/events/past/", 12),
    ("/ja/moving/", 12),
    ("/ja/privacy/", 12),
    ("/ja/news/consultation-desk-opens/", 12),
    ("/ja/events/online-two-region-seminar/", 12),
    ("/ja/search/?q=二地域", 12),
    ("/ja/accounts/login/", 4),
    ("/ja/no-such-page/", 7),
    ("/fr/", 3),
]
# A page that is not there answers 404; every other page in the list answers 200.
NOT_FOUND = {"/ja/no-such-page/", "/fr/"}


@pytest.mark.parametrize(("url", "budget"), BUDGETS)
def test_query_budget(client, demo_site, django_assert_max_num_queries, url, budget):
    client.get(url)  # warm-up: fills the chrome cache
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == (404 if url in NOT_FOUND else 200)


def test_menu_changes_show_at_once(client, demo_site):
    assert "苫小牧市公式サイト" in client.get("/ja/").content.decode()
    menu = NavigationMenu.objects.get(locale__language_code="ja", location="footer")
    item = menu.items.get(link_url__startswith="https://")
    item.label = "市役所のサイト"
    item.save()
    assert "市役所のサイト" in client.get("/ja/").content.decode()


def test_identity_changes_show_at_once(client, demo_site):
    client.get("/en/")
    identity = SiteIdentity.objects.get(locale=Locale.objects.get(language_code="en"))
    identity.site_name = "Connect with Tomakomai"
    identity.save()
    assert "Connect with Tomakomai" in client.get("/en/").content.decode()


def test_unpublished_translation_is_replaced_by_the_original_at_once(client, demo_site):
    assert "Tomakomai: a second place to live." in client.get("/en/").content.decode()
    en_home = demo_site.root_page.get_translation(Locale.objects.get(language_code="en"))
    en_home.unpublish()
    html = client.get("/en/").content.decode()
    assert "Tomakomai: a second place to live." not in html
    assert '<div lang="ja">' in html


def test_listing_budget_holds_however_many_items(client, demo_site, django_assert_max_num_queries):
    from home.models import StoryIndexPage, StoryPage

    index = StoryIndexPage.objects.get(locale__language_code="ja")
    for number in range(20):
        index.add_child(
            instance=StoryPage(title=f"追加{number}", slug=f"more-{number}", locale=index.locale)
        )
    client.get(index.url)
    with django_assert_max_num_queries(12):
        html = client.get(index.url).content.decode()
    assert html.count('class="card story-card"') == 12


def test_cached_listing_changes_when_a_story_is_published(client, demo_site):
    from home.models import StoryIndexPage, StoryPage

    index = StoryIndexPage.objects.get(locale__language_code="ja")
    client.get(index.url)  # cached
    story = StoryPage(title="植苗で始めた小さな養蜂", slug="beekeeping", locale=index.locale)
    index.add_child(instance=story)
    story.save_revision().publish()
    assert "植苗で始めた小さな養蜂" in client.get(index.url).content.decode()
    story.unpublish()
    assert "植苗で始めた小さな養蜂" not in client.get(index.url).content.decode()
