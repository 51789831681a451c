"""The demo's header menu leads to the core services in every language, on every page (issue 16,
point 2): the Entry Pass, the consultation desk and the local activities are items of the
editor-managed header menu (content/tomakomai/snippets/home.navigationmenu.json); the account
links (My page, or log in and register) sit in the same menu panel."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.models import Page

from home.models import NavigationMenu, NavigationMenuItem

pytestmark = pytest.mark.django_db

LANGUAGES = ["ja", "en", "zh-hans", "zh-hant", "ko"]
# label of the item in each language → the page's slug (the same in every language)
SERVICES = {
    "ja": {"エントリーパス": "entry-pass", "相談窓口": "consultation", "地域の活動": "activities"},
    "en": {
        "Entry Pass": "entry-pass",
        "Consultation desk": "consultation",
        "Local activities": "activities",
    },
    "zh-hans": {"入门通行证": "entry-pass", "咨询窗口": "consultation", "地方活动": "activities"},
    "zh-hant": {"入門通行證": "entry-pass", "諮詢窗口": "consultation", "地方活動": "activities"},
    "ko": {"엔트리 패스": "entry-pass", "상담 창구": "consultation", "지역 활동": "activities"},
}


def header_of(client, url):
    response = client.get(url)
    return BeautifulSoup(response.content, "html.parser").find("header", class_="site-header")


def menu_panel(header):
    """The popover the header's menu button opens."""
    button = header.select_one("button.site-menu-button")
    panel = header.find(id=button["popovertarget"])
    assert panel is not None and panel.has_attr("popover")
    return panel


def ui(language, text):
    with translation.override(language):
        return translation.gettext(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_menu_leads_to_the_services_in_each_language(client, demo_site, language):
    nav = menu_panel(header_of(client, f"/{language}/")).find("nav", class_="site-nav")
    links = {a.get_text(strip=True): a for a in nav.find_all("a")}
    for label, slug in SERVICES[language].items():
        link = links[label]
        assert link["href"] == f"/{language}/{slug}/"
        # The label is in the visitor's language and the page too: nothing marked Japanese.
        assert not link.has_attr("lang") and not link.has_attr("hreflang")
        page = Page.objects.get(slug=slug, locale__language_code=language)
        assert page.live
    # The portal's entrances stay in the menu, ten items in all.
    assert len(links) == 10


@pytest.mark.parametrize(
    "url",
    ["/ja/", "/ja/stories/", "/ja/entry-pass/", "/ja/accounts/login/", "/ja/pass/apply/"],
)
def test_every_page_has_the_services_and_the_account_links(client, demo_site, url):
    panel = menu_panel(header_of(client, url))
    hrefs = [a["href"] for a in panel.find("nav", class_="site-nav").find_all("a")]
    for slug in SERVICES["ja"].values():
        assert f"/ja/{slug}/" in hrefs, url
    account = panel.find("nav", class_="account-nav")
    labels = [a.get_text(strip=True) for a in account.find_all("a")]
    assert labels == [ui("ja", "Log in"), ui("ja", "Register")], url


def test_a_member_finds_my_page_in_the_menu(client, demo_site):
    client.force_login(get_user_model().objects.get(email="member@example.jp"))
    for url in ("/ja/", "/en/consultation/", "/ja/members/my/"):
        language = url.split("/")[1]
        account = menu_panel(header_of(client, url)).find("nav", class_="account-nav")
        my_page = account.find("a", string=ui(language, "My page"))
        assert my_page["href"] == f"/{language}/members/my/", url
        assert account.find("button", string=ui(language, "Log out")) is not None


def test_the_language_chooser_is_one_button_and_a_list_of_links(client, demo_site):
    header = header_of(client, "/en/entry-pass/")
    chooser = header.find("nav", class_="language-switcher")
    button = chooser.find("button")
    listing = chooser.find(id=button["popovertarget"])
    assert listing.has_attr("popover")
    assert "English" in button.get_text(" ", strip=True)
    links = {a["hreflang"]: (a["href"], a["lang"]) for a in listing.find_all("a")}
    assert links == {code: (f"/{code}/entry-pass/", code) for code in LANGUAGES}


def test_a_new_header_item_shows_at_once(client, demo_site):
    client.get("/ja/")  # fills the chrome cache
    menu = NavigationMenu.objects.get(locale__language_code="ja", location="header")
    resident = Page.objects.get(slug="furusato-resident", locale__language_code="ja")
    NavigationMenuItem.objects.create(
        menu=menu, locale=menu.locale, label="ふるさと住民登録", link_page=resident, sort_order=99
    )
    nav = menu_panel(header_of(client, "/ja/")).find("nav", class_="site-nav")
    assert nav.find("a", string="ふるさと住民登録")["href"] == "/ja/furusato-resident/"
    # Japanese visitors' change; the English menu has its own items.
    english = menu_panel(header_of(client, "/en/")).find("nav", class_="site-nav")
    assert english.find("a", string="ふるさと住民登録") is None
