"""The static hand-over copy (`manage.py export_static`): crawled like a visitor would, and
served by a real nginx without the application."""

import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from io import StringIO
from types import SimpleNamespace
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site

from consultations.models import ConsultationPage
from content.static_export import NOTICE_ID, export_static
from home.models import SiteSettings
from tests.nginx import free_port, running_nginx

BASE_URL = "https://www.city.example.jp"
DYNAMIC_URL = "https://app.city.example.jp"
# The exports are made once per module (see `exports`); the marker makes pytest-django build
# the test database even when only these tests run.
pytestmark = pytest.mark.django_db
# Where an internal URL can hide in the HTML.
URL_ATTRIBUTES = [
    ("a", "href"),
    ("area", "href"),
    ("link", "href"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("script", "src"),
    ("iframe", "src"),
    ("form", "action"),
]


def live_public_pages(site):
    roots = Page.objects.filter(translation_key=site.root_page.translation_key)
    pages = Page.objects.none()
    for root in roots:
        pages = pages | Page.objects.descendant_of(root, inclusive=True)
    return list(pages.live().public().select_related("locale"))


def give_a_translation_its_own_slug(site):
    """A Japanese page whose slug differs from its English translation's (and is not ASCII):
    what django-distill aborts on."""
    for page in Page.objects.filter(locale__language_code="ja", depth__gt=3).live().public():
        english = page.get_translations().filter(locale__language_code="en").live().first()
        if english is not None and not page.get_children().exists():
            page = page.specific
            page.slug = "翻訳済み-" + page.slug
            page.save_revision().publish()
            return Page.objects.get(pk=page.pk).get_url(), english.get_url()
    pytest.fail("the demo has no translated leaf page")


@pytest.fixture(scope="module")
def exports(django_db_setup, django_db_blocker, tmp_path_factory):
    """Two exports of the demo site, once: base URL and no live site from the settings; base
    URL and live site from the command's options (which beat the settings)."""
    plain_dir = tmp_path_factory.mktemp("static") / "copy"
    dynamic_dir = tmp_path_factory.mktemp("static-dynamic") / "copy"
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        site = Site.objects.get(is_default_site=True)
        unused = get_image_model().objects.create(
            title="Not on any page",
            description="An image no page uses",
            file=get_test_image_file(filename="unused-in-any-page.png"),
        )
        renamed_url, english_url = give_a_translation_its_own_slug(site)
        pages = live_public_pages(site)
        with override_settings(STATIC_EXPORT_BASE_URL=BASE_URL, STATIC_EXPORT_DYNAMIC_URL=""):
            result = export_static(plain_dir)
        output = StringIO()
        with override_settings(
            STATIC_EXPORT_BASE_URL="https://wrong.example", STATIC_EXPORT_DYNAMIC_URL=""
        ):
            call_command(
                "export_static",
                str(dynamic_dir),
                "--base-url",
                BASE_URL,
                "--dynamic-url",
                DYNAMIC_URL,
                stdout=output,
            )
        site_settings = SiteSettings.for_site(site)
        consultation = ConsultationPage.objects.live().public().filter(locale__language_code="ja")
        dynamic_urls = {}
        for code in ("ja", "en"):
            with translation.override(code):
                dynamic_urls[code] = {
                    "search": reverse("search"),
                    "login": reverse("account_login"),
                    "register": reverse("members:register"),
                }
        data = SimpleNamespace(
            plain=plain_dir,
            dynamic=dynamic_dir,
            result=result,
            output=output.getvalue(),
            pages=[(p.locale.language_code, p.get_url(), p.pk) for p in pages if p.depth > 1],
            app_origins={site.root_url, "http://testserver"},
            phone=site_settings.contact_phone,
            email=site_settings.contact_email,
            unused_image=unused.file.name,
            renamed_url=renamed_url,
            english_url=english_url,
            consultation_urls=[p.get_url() for p in consultation],
            dynamic_urls=dynamic_urls,
        )
        transaction.set_rollback(True)
    cache.clear()
    return data


def file_for(root, url):
    """The file a static server answers for a URL path (directory → index.html), or None."""
    path = unquote(urlsplit(url).path)
    target = root / path.lstrip("/")
    if target.is_file():
        return target
    if (target / "index.html").is_file():
        return target / "index.html"
    return None


def html_files(root):
    return sorted(root.rglob("*.html"))


def url_of(root, file):
    relative = "/" + file.relative_to(root).as_posix()
    return relative[: -len("index.html")] if relative.endswith("/index.html") else relative


def soup_of(file):
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def urls_in(soup):
    for tag_name, attribute in URL_ATTRIBUTES:
        for tag in soup.find_all(tag_name):
            value = tag.get(attribute)
            if not value:
                continue
            if attribute == "srcset":
                for candidate in value.split(","):
                    yield tag, candidate.strip().split(" ")[0]
            else:
                yield tag, value.strip()


def internal(url, page_url):
    """The URL as a path of the copy, or None when it leaves the copy."""
    if url.startswith(BASE_URL):
        url = url[len(BASE_URL) :] or "/"
    parts = urlsplit(urljoin(page_url, url))
    if parts.scheme or parts.netloc:
        return None
    return parts


# What is written ------------------------------------------------------------------------------


def test_every_live_public_page_of_every_language_is_written(exports):
    expected = {}
    for language, url, _pk in exports.pages:
        expected[language] = expected.get(language, 0) + 1
        assert file_for(exports.plain, url) is not None, url
        assert file_for(exports.dynamic, url) is not None, url
    assert {"ja", "en"} <= set(expected)
    assert dict(exports.result.pages) == expected
    assert f"ja {expected['ja']}" in exports.output and f"en {expected['en']}" in exports.output


def test_a_page_whose_translation_has_another_slug_is_written_in_both_languages(exports):
    assert unquote(exports.renamed_url) != unquote(exports.english_url).replace("/en/", "/ja/")
    japanese = file_for(exports.plain, exports.renamed_url)
    assert japanese is not None and "翻訳済み-" in str(japanese)
    assert soup_of(japanese).html["lang"] == "ja"
    english = file_for(exports.plain, exports.english_url)
    assert english is not None and soup_of(english).html["lang"] == "en"
    # The language switchers lead to each other.
    switcher = soup_of(english).select(".language-switcher a[hreflang=ja]")[0]["href"]
    assert file_for(exports.plain, switcher) == japanese


def test_sitemap_feeds_robots_404_and_root_are_written(exports):
    root = exports.plain
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [
        loc.text for loc in ET.parse(root / "sitemap.xml").getroot().iterfind(".//s:loc", ns)
    ]
    assert len(locations) == len(exports.pages)
    for location in locations:
        assert location.startswith(BASE_URL + "/"), location
        assert file_for(root, location) is not None, location
    for language in {language for language, _url, _pk in exports.pages}:
        for name in ("news.rss", "news.atom"):
            feed = ET.parse(root / "feeds" / language / name).getroot()
            links = [e.text or e.get("href") for e in feed.iter() if e.tag.endswith("link")]
            assert links and all(link.startswith(BASE_URL) for link in links), links
    robots = (root / "robots.txt").read_text()
    assert f"Sitemap: {BASE_URL}/sitemap.xml" in robots
    not_found = soup_of(root / "404.html")
    with translation.override("ja"):
        assert gettext("Page not found") in not_found.title.text
    assert 'url=/ja/"' in (root / "index.html").read_text()


def test_absolute_urls_use_the_public_base_url(exports):
    for root in (exports.plain, exports.dynamic):
        for file in root.rglob("*"):
            if file.suffix in (".html", ".xml", ".rss", ".atom", ".txt", ".ics"):
                text = file.read_text(encoding="utf-8")
                for origin in exports.app_origins:
                    assert origin + "/" not in text, (file, origin)
    for _language, url, _pk in exports.pages:
        soup = soup_of(file_for(exports.plain, url))
        assert soup.find("link", rel="canonical")["href"] == BASE_URL + url
        og_image = soup.find("meta", property="og:image")
        if og_image is not None:
            assert og_image["content"].startswith(BASE_URL + "/media/")
            assert file_for(exports.plain, og_image["content"]) is not None


# The crawl -----------------------------------------------------------------------------------


@pytest.mark.parametrize("copy", ["plain", "dynamic"])
def test_crawl_every_internal_link_leads_to_a_file_and_none_to_the_admin(exports, copy):
    root = getattr(exports, copy)
    checked = 0
    for file in html_files(root):
        page_url = url_of(root, file)
        soup = soup_of(file)
        ids = {tag["id"] for tag in soup.find_all(id=True)}
        assert not soup.find_all("form", method=lambda m: m and m.lower() == "post"), file
        for tag, url in urls_in(soup):
            assert "/admin/" not in url, (file, url)
            if url.startswith("#"):
                assert url == "#" or url[1:] in ids, (file, url)
                continue
            if url.startswith(DYNAMIC_URL):
                continue
            parts = internal(url, page_url)
            if parts is None:
                continue
            assert not parts.query, f"{file}: {url} (a static server ignores the query)"
            assert file_for(root, parts.path) is not None, f"{file}: {tag.name} {url}"
            checked += 1
    assert checked > 10 * len(exports.pages)


def test_without_a_live_site_forms_and_app_links_become_the_notice_with_phone_and_email(exports):
    assert exports.phone and exports.email
    for language, url, _pk in exports.pages:
        soup = soup_of(file_for(exports.plain, url))
        assert not soup.find_all("form"), url
        hrefs = [a.get("href", "") for a in soup.find_all("a")]
        for dynamic in exports.dynamic_urls[language].values():
            assert not [h for h in hrefs if dynamic in h], (url, dynamic)
        notice = soup.find(id=NOTICE_ID)
        assert notice is not None, url
        text = notice.get_text(" ")
        assert exports.phone in text and exports.email in text
        with translation.override(language):
            assert gettext("This is a copy of the site") in text
        # The login link leads to the notice.
        assert soup.select(f'.account-nav a[href="#{NOTICE_ID}"]'), url
    assert exports.consultation_urls
    for url in exports.consultation_urls:
        notice = soup_of(file_for(exports.plain, url)).find(id=NOTICE_ID)
        with translation.override("ja"):
            assert gettext("This form cannot be sent from this copy of the site.") in notice.text


def test_with_a_live_site_app_links_and_search_go_there(exports):
    for language, url, _pk in exports.pages:
        soup = soup_of(file_for(exports.dynamic, url))
        hrefs = {a.get("href") for a in soup.find_all("a")}
        urls = exports.dynamic_urls[language]
        assert DYNAMIC_URL + urls["login"] in hrefs, url
        assert DYNAMIC_URL + urls["register"] in hrefs, url
        search = soup.find("form", role="search")
        assert search["action"] == DYNAMIC_URL + urls["search"], url
        assert search.get("method", "get").lower() == "get"
    for url in exports.consultation_urls:
        notice = soup_of(file_for(exports.dynamic, url)).find(id=NOTICE_ID)
        assert notice.find("a", href=DYNAMIC_URL + url), url


def test_exactly_the_media_the_pages_use_are_copied(exports):
    root = exports.plain
    referenced = set()
    for file in html_files(root):
        soup = soup_of(file)
        for _tag, url in urls_in(soup):
            parts = internal(url, url_of(root, file))
            if parts and parts.path.startswith("/media/"):
                referenced.add(unquote(parts.path))
        for meta in soup.find_all("meta", content=True):
            if meta["content"].startswith(BASE_URL + "/media/"):
                referenced.add(unquote(meta["content"][len(BASE_URL) :]))
    copied = {
        "/" + p.relative_to(root).as_posix() for p in (root / "media").rglob("*") if p.is_file()
    }
    assert referenced and copied == referenced
    assert exports.result.media == len(copied)
    assert not (root / "media" / exports.unused_image).exists()


def test_an_existing_directory_is_only_replaced_with_clear(tmp_path):
    from django.core.management.base import CommandError

    (tmp_path / "notes.txt").write_text("the city's own file")
    with pytest.raises(CommandError, match="not empty"):
        call_command("export_static", str(tmp_path), stdout=StringIO())
    with pytest.raises(CommandError, match="does not hold an earlier static export"):
        call_command("export_static", str(tmp_path), "--clear", stdout=StringIO())
    assert (tmp_path / "notes.txt").exists()
    with pytest.raises(CommandError, match="origin"):
        call_command("export_static", str(tmp_path / "x"), "--base-url", BASE_URL + "/portal")


# Served without the application ----------------------------------------------------------------


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (local nginx)
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


@pytest.fixture
def nginx(exports, tmp_path):
    port = free_port()
    server = f"""    server {{
        listen 127.0.0.1:{port};
        root {exports.plain};
        location / {{ try_files $uri $uri/index.html =404; }}
        error_page 404 /404.html;
    }}"""
    with running_nginx(tmp_path / "nginx", server, [port]):
        yield f"http://127.0.0.1:{port}"


def test_nginx_serves_the_copy_without_the_application(exports, nginx):
    status, body, _headers = fetch(nginx + "/ja/")
    assert status == 200 and b'<html lang="ja"' in body
    english = next(
        url for language, url, _pk in exports.pages if language == "en" and url != "/en/"
    )
    status, body, _headers = fetch(nginx + english)
    assert status == 200 and b'<html lang="en"' in body
    status, body, _headers = fetch(nginx + "/")
    assert status == 200 and b'url=/ja/"' in body
    status, body, _headers = fetch(nginx + "/ja/no-such-page-in-the-copy/")
    assert status == 404 and body == (exports.plain / "404.html").read_bytes()
    image = next(p for p in (exports.plain / "media").rglob("*") if p.is_file())
    status, body, headers = fetch(nginx + "/" + image.relative_to(exports.plain).as_posix())
    assert status == 200 and body == image.read_bytes()
    assert headers["Content-Type"].startswith("image/")
    status, _body, headers = fetch(nginx + "/static/css/site.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css")
