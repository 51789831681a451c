"""The shared e-mail signature (templates/emails/_signature.*): the city's desk, its phone,
hours and e-mail from the site identity and the site settings, in the active language, and the
site's configured public address."""

import pytest
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import translation

pytestmark = pytest.mark.django_db


@override_settings(WAGTAILADMIN_BASE_URL="https://tsunagaru.example.jp")
@pytest.mark.parametrize(
    "language, expected",
    [
        ("ja", ["つながる苫小牧", "苫小牧市", "0144-00-1234", "平日 8:45〜17:15"]),
        ("en", ["Tsunagaru Tomakomai", "Tomakomai City", "0144-00-1234", "Weekdays 8:45–17:15"]),
    ],
)
def test_signature_names_the_desk_in_the_active_language(demo_site, language, expected):
    with translation.override(language):
        text = render_to_string("emails/_signature.txt", {})
        html = render_to_string("emails/_signature.html", {})
    for part in [*expected, "tsunagaru@example.jp", "https://tsunagaru.example.jp/"]:
        assert part in text, text
        assert part in html, html
    assert 'href="tel:0144001234"' in html
    assert "127.0.0.1" not in text + html


def test_signature_without_site_settings_still_names_the_desk(demo_site):
    from home.models import SiteSettings

    SiteSettings.objects.all().delete()
    with translation.override("en"):
        text = render_to_string("emails/_signature.txt", {})
    assert "Tsunagaru Tomakomai" in text
    assert "Phone:" not in text
    assert "Weekdays 8:45–17:15" in text
