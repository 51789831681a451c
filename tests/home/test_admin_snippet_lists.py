"""Every snippet list in the admin, as staff read it (core.admin_lists):

- a translatable snippet (menus, site identity, story themes, benefits, partners, offers,
  creators) is listed once, as its Japanese original; the "Language" filter shows another
  language's translations, or all;
- yes/no fields read as a word beside a tick or a cross, never "True"/"False".
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from core.admin_lists import SnippetListViewSet

pytestmark = pytest.mark.django_db

TRANSLATABLE = [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


@pytest.fixture
def admin(client, demo_site):
    client.force_login(get_user_model().objects.get(email="admin@example.jp"))
    return client


def listing(html):
    """The listing's table body (the page has other tables: the keyboard shortcuts)."""
    table = html.index('<table class="listing')
    return html[html.index("<tbody", table) : html.index("</tbody>", table)]


def listed_edit_urls(html, model):
    """The edit links of the listing's rows (one per row)."""
    viewset = model.snippet_viewset
    prefix = reverse(viewset.get_url_name("edit"), args=[0])[: -len("0/")]
    return set(re.findall(rf'href="({re.escape(prefix)}\d+/)"', listing(html)))


def edit_urls(model, language=None):
    rows = model.objects.all()
    if language:
        rows = rows.filter(locale__language_code=language)
    viewset = model.snippet_viewset
    return {reverse(viewset.get_url_name("edit"), args=[row.pk]) for row in rows}


def test_the_demo_has_japanese_and_english_rows_of_every_translatable_snippet(demo_site):
    assert {m.__name__ for m in TRANSLATABLE} >= {
        "NavigationMenu",
        "SiteIdentity",
        "StoryTheme",
        "Benefit",
        "Partner",
        "Offer",
        "Creator",
    }
    for model in TRANSLATABLE:
        assert edit_urls(model, "ja") and edit_urls(model, "en"), model


@pytest.mark.parametrize("model", TRANSLATABLE, ids=lambda m: m.__name__)
def test_a_translatable_snippet_is_listed_once_as_its_original(admin, model):
    url = reverse(model.snippet_viewset.get_url_name("list"))
    html = admin.get(url).content.decode()
    assert listed_edit_urls(html, model) == edit_urls(model, "ja")
    # The filter says so: 日本語 is the chosen language.
    assert re.search(r'<input[^>]*name="locale"[^>]*value="ja"[^>]*checked', html)

    html = admin.get(url, {"locale": "en"}).content.decode()
    assert listed_edit_urls(html, model) == edit_urls(model, "en")

    # "All" (an empty value), over every page of the listing.
    listed, page = set(), 1
    while True:
        response = admin.get(url, {"locale": "", "p": page})
        rows = (
            listed_edit_urls(response.content.decode(), model)
            if response.status_code == 200
            else set()
        )
        if not rows or rows <= listed:
            break
        listed |= rows
        page += 1
    assert listed == edit_urls(model)


def test_yes_no_fields_read_as_words_not_true_or_false(admin):
    for name in ("passes/partner", "passes/offer", "members/benefit"):
        html = admin.get(f"/admin/snippets/{name}/").content.decode()
        tbody = listing(html)
        cells = re.sub(r"<[^>]+>", " ", tbody)
        assert "True" not in cells and "False" not in cells, name
        assert "はい" in cells, name
        assert "icon-check" in tbody, name


def test_every_snippet_list_follows_the_site_conventions():
    ours = {"core", "home", "members", "passes", "consultations", "campaigns", "reports"}
    ours.add("content")
    checked = 0
    for model in get_snippet_models():
        if model._meta.app_label not in ours:
            continue  # another package's snippets (none registered today)
        # A bare register_snippet(Model) gets Wagtail's plain SnippetViewSet: refused too.
        assert isinstance(model.snippet_viewset, SnippetListViewSet), model
        checked += 1
    assert checked >= 10
