"""The partner's printable poster: a new poster version retires the short code, and the city
name comes from the site identity."""

import re

import pytest

from passes import services
from passes.models import Partner
from tests.factories import UserFactory
from tests.factories.passes import PartnerFactory

pytestmark = pytest.mark.django_db


def test_raising_the_poster_version_issues_a_new_short_code():
    partner = PartnerFactory()
    old = partner.short_code
    partner.poster_version += 1
    partner.save()
    partner.refresh_from_db()
    assert partner.short_code != old
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{6}", partner.short_code)
    assert services.partner_from_short_code(old) is None
    assert services.partner_from_short_code(partner.short_code) == partner
    # An editor who types a new code with the new version keeps it; other saves keep the code.
    partner.poster_version += 1
    partner.short_code = "HAKKA2"
    partner.save()
    partner.name = "改名"
    partner.save()
    partner.refresh_from_db()
    assert partner.short_code == "HAKKA2"


def test_the_poster_takes_the_city_name_from_the_site_identity(client, demo_site):
    from home.models import SiteIdentity

    SiteIdentity.objects.filter(locale__language_code="ja").update(city_name="試験市")
    SiteIdentity.objects.filter(locale__language_code="en").update(city_name="Testville")
    client.force_login(UserFactory(groups=["City editors"]))
    partner = Partner.objects.get(slug="hokkitei", locale__language_code="ja")
    html = client.get(f"/admin/entry-pass/poster/{partner.pk}/").content.decode()
    assert "試験市 エントリーパス" in html and "TESTVILLE ENTRY PASS" in html
    assert "苫小牧" not in html.split("<main", 1)[1].split("<h1>", 1)[0]
