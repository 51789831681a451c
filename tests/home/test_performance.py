"""Query budgets per page type (after a warm-up request), and the cached site chrome."""

import pytest
from wagtail.models import Locale

from home.models import NavigationMenu, SiteIdentity

pytestmark = pytest.mark.django_db

BUDGETS = [
    ("/ja/", 10),
    ("/en/", 10),
    ("/ko/", 10),  # untranslated: Japanese content under the Korean chrome
    ("/ja/accounts/login/", 4),
    ("/ja/no-such-page/", 7),
    ("/fr/", 3),
]


@pytest.mark.parametrize(("url", "budget"), BUDGETS)
def test_query_budget(client, demo_site, django_assert_max_num_queries, url, budget):
    client.get(url)  # warm-up: fills the chrome cache
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code in (200, 404)


def test_menu_changes_show_at_once(client, demo_site):
    assert "苫小牧市公式サイト" in client.get("/ja/").content.decode()
    menu = NavigationMenu.objects.get(locale__language_code="ja", location="header")
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
