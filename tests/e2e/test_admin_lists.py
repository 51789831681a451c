"""The admin's lists on a 1366×768 laptop screen, as the demo City editor sees them with the
sidebar open, in Japanese and English:

- the campaign dashboard's tables fit: the last column of each table ends inside the window,
  or inside the table's own scrolling region (which a keyboard user can reach and scroll);
- a translatable snippet list (partners) shows the Japanese originals once, its Language filter
  shows the English ones; yes/no reads as はい/いいえ; axe finds nothing.
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.accounts import log_in_as_city_editor
from tests.e2e.conftest import assert_no_axe_violations
from tests.e2e.test_campaigns_admin import figures, grant_campaign_permissions, use_admin_language

LAPTOP = {"width": 1366, "height": 768}


def sidebar_is_open(page):
    """Wagtail's sidebar is expanded (not the slim, icon-only one)."""
    width = page.evaluate("document.querySelector('.sidebar').getBoundingClientRect().width")
    return width > 150


def last_column_is_reachable(page, table_id):
    """The right edge of the table's last header cell, the window's width, and the right edge
    and scrollable width of the table's scrolling region (None when there is none)."""
    return page.evaluate(
        """(id) => {
            const table = document.getElementById(id);
            const cells = table.querySelectorAll('thead th');
            const last = cells[cells.length - 1].getBoundingClientRect();
            let region = table.parentElement;
            while (region && getComputedStyle(region).overflowX === 'visible') {
                region = region.parentElement;
                if (region === document.body) { region = null; }
            }
            const info = {
                lastRight: last.right,
                lastLeft: last.left,
                viewport: document.documentElement.clientWidth,
                pageScrolls: document.documentElement.scrollWidth
                    > document.documentElement.clientWidth,
                region: null,
            };
            if (region) {
                const box = region.getBoundingClientRect();
                info.region = {
                    right: box.right,
                    left: box.left,
                    scrollWidth: region.scrollWidth,
                    clientWidth: region.clientWidth,
                    overflowX: getComputedStyle(region).overflowX,
                    tabindex: region.getAttribute('tabindex'),
                    label: region.getAttribute('aria-labelledby')
                        || region.getAttribute('aria-label'),
                };
            }
            return info;
        }""",
        table_id,
    )


def assert_table_fits(page, table_id):
    info = last_column_is_reachable(page, table_id)
    assert not info["pageScrolls"], f"{table_id}: the whole page scrolls sideways: {info}"
    if info["lastRight"] <= info["viewport"] + 0.5:
        return
    # Wider than the window: it scrolls within its own region, which ends inside the window
    # and can be scrolled far enough to show the last column.
    region = info["region"]
    assert region is not None, f"{table_id}: last column cut off at {info}"
    assert region["overflowX"] in ("auto", "scroll"), info
    assert region["right"] <= info["viewport"] + 0.5, info
    hidden = info["lastRight"] - region["right"]
    assert region["scrollWidth"] - region["clientWidth"] >= hidden - 1, info
    assert region["tabindex"] == "0" and region["label"], info  # keyboard users scroll too


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_campaign_dashboard_fits_a_laptop_screen(page, site_url, language):
    grant_campaign_permissions()
    figures()
    use_admin_language(language)
    try:
        page.set_viewport_size(LAPTOP)
        log_in_as_city_editor(page, site_url, "/admin/campaigns/")
        expect(page.locator("#table-link")).to_contain_text("e2e-admin-ig")
        assert sidebar_is_open(page)
        for table in ("table-campaign", "table-creator", "table-channel", "table-link"):
            assert_table_fits(page, table)
        # The last column of a scrolled table can be brought into view, and then it is seen.
        last = page.locator("#table-creator thead th").last
        last.scroll_into_view_if_needed()
        box = last.bounding_box()
        assert box["x"] + box["width"] <= LAPTOP["width"] + 0.5
        assert_no_axe_violations(page)
    finally:
        use_admin_language("")  # the shared demo's City editor keeps the default language


def test_a_snippet_list_shows_originals_with_a_language_filter(page, site_url):
    from passes.models import Partner

    use_admin_language("ja")
    try:
        page.set_viewport_size(LAPTOP)
        log_in_as_city_editor(page, site_url, "/admin/snippets/passes/partner/")
        rows = page.locator("table.listing tbody tr")
        japanese = Partner.objects.filter(locale__language_code="ja").count()
        expect(rows).to_have_count(min(japanese, 20))
        english_name = Partner.objects.filter(locale__language_code="en").first().name
        expect(page.locator("table.listing")).not_to_contain_text(english_name)
        expect(page.locator("table.listing tbody")).to_contain_text("はい")
        expect(page.locator("table.listing tbody")).not_to_contain_text("True")
        assert_no_axe_violations(page)

        # The filter: English shows the English partners.
        page.get_by_role("button", name="フィルターを表示").click()
        language = page.get_by_role("button", name="言語")
        expect(language).to_have_count(1)  # the one language filter, no second "locale" one
        language.click()
        expect(page.get_by_role("radio", name="日本語")).to_be_checked()
        page.get_by_role("radio", name="English").check()
        expect(page.locator("table.listing")).to_contain_text(english_name)
        assert_no_axe_violations(page)
    finally:
        use_admin_language("")
