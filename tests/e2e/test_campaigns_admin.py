"""The campaign admin in a real browser as the demo City editor, in Japanese and English:
the dashboard with figures and in its error state, the tracking-link list and edit form;
axe (WCAG 2.0/2.1 A and AA) finds nothing on any of them."""

import pytest
from playwright.sync_api import expect

from tests.e2e.accounts import log_in_as_city_editor
from tests.e2e.conftest import assert_no_axe_violations


def grant_campaign_permissions():
    """Browser tests flush the database; this rebuilds the campaign roles (their migration)."""
    from importlib import import_module

    from django.apps import apps

    import_module("campaigns.migrations.0002_roles").grant(apps, None)


def figures():
    """A click and a registration through a link of a running campaign, and a fee."""
    from campaigns.models import TrackingLink
    from tests.factories.campaigns import (
        CampaignCostFactory,
        ClickFactory,
        ConversionFactory,
        CreatorFactory,
        TrackingLinkFactory,
    )

    # The browser tests share one demo database: the second language finds the first's link.
    existing = TrackingLink.objects.filter(code="e2e-admin-ig").first()
    if existing is not None:
        return existing
    link = TrackingLinkFactory(
        code="e2e-admin-ig", creator=CreatorFactory(name="浜辺 みなと", handle="@minato")
    )
    ClickFactory(link=link, visitor="e2e-visitor")
    ConversionFactory(link=link, kind="registration")
    CampaignCostFactory(campaign=link.campaign, creator=link.creator, amount=30000)
    return link


def log_in(page, site_url, next_url):
    log_in_as_city_editor(page, site_url, next_url)


def use_admin_language(language):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(get_user_model().objects.get(email="city@example.jp"))
    profile.preferred_language = language
    profile.save()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_campaign_admin_screens_are_accessible(page, site_url, language):
    grant_campaign_permissions()
    link = figures()
    use_admin_language(language)
    try:
        _walk_the_admin(page, site_url, language, link)
    finally:
        use_admin_language("")  # the shared demo's City editor keeps the default language


def _walk_the_admin(page, site_url, language, link):
    log_in(page, site_url, "/admin/campaigns/")
    expect(page.locator("html")).to_have_attribute("lang", language)

    # The dashboard with figures (the default period: the last 30 days).
    creator_table = page.locator("#table-creator")
    expect(creator_table).to_contain_text("浜辺 みなと")
    expect(creator_table.locator("tr", has_text="浜辺 みなと")).to_contain_text("¥30,000")
    expect(page.locator("#table-link")).to_contain_text("e2e-admin-ig")
    assert_no_axe_violations(page)

    # The error state: the last day before the first.
    page.locator("#id_date_from").fill("2026-05-01")
    page.locator("#id_date_to").fill("2026-04-01")
    page.locator(".campaign-dashboard__filters button[type=submit]").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("#id_date_to")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#table-campaign")).to_have_count(0)
    assert_no_axe_violations(page)

    # The tracking links and one link's form with its short address and QR downloads.
    page.goto(f"{site_url}/admin/snippets/campaigns/trackinglink/")
    expect(page.get_by_role("link", name="e2e-admin-ig", exact=True)).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(f"{site_url}/admin/snippets/campaigns/trackinglink/edit/{link.pk}/")
    expect(page.locator("#short-url")).to_contain_text("/go/e2e-admin-ig")
    with page.expect_download() as download:
        page.locator(f"a[href$='/links/{link.pk}/qr.png']").first.click()
    assert download.value.suggested_filename == "qr-e2e-admin-ig.png"
    assert_no_axe_violations(page)
