"""Choosing the city itself (苫小牧市) in the pass application gives one clear error, not a
second, false "choose your municipality" (issue 16, point 18)."""

import html as html_module
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from passes.models import Pass
from tests.passes.conftest import application

pytestmark = pytest.mark.django_db

CITY_MESSAGE = {
    "en": (
        "The Entry Pass is for visitors who live outside the city. Residents can use the "
        "city's own services instead."
    ),
    "ja": "エントリーパスは市外にお住まいの方が対象です。",
}


def text(fragment):
    """What a person reads: tags dropped, entities decoded."""
    return html_module.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def summary_items(html):
    summary = re.search(r'id="error-summary".*?</ul>', html, re.S).group(0)
    return [text(item) for item in re.findall(r"<li>(.*?)</li>", summary, re.S)]


def field_errors(html):
    return [text(error) for error in re.findall(r'class="field-error"[^>]*>(.*?)</p>', html, re.S)]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_choosing_the_city_itself_shows_exactly_one_error(client, demo_site, lang):
    response = client.post(
        f"/{lang}/pass/apply/",
        application(residence_prefecture="01", residence_municipality="01213"),
    )
    assert response.status_code == 400
    html = response.content.decode()
    items, inline = summary_items(html), field_errors(html)
    assert len(items) == 1, items
    assert len(inline) == 1, inline
    assert CITY_MESSAGE[lang] in items[0]
    assert CITY_MESSAGE[lang] in inline[0]
    with translation.override(lang):
        assert gettext("Choose your municipality.") not in html
    assert not Pass.objects.exists()


def test_a_missing_municipality_still_asks_for_one(client, demo_site):
    response = client.post(
        "/en/pass/apply/", application(residence_prefecture="01", residence_municipality="")
    )
    assert summary_items(response.content.decode()) == ["Municipality: Choose your municipality."]
