"""The static hand-over copy of the portal (`manage.py export_static DIR`).

Every live, public page of every language is rendered through Django's test client, so the
copy is exactly what a visitor sees (middleware, templates, caches), and written as
<path>/index.html. The links of the written pages are followed, so listings (?page=, filters),
yearly archives, past events, .ics files and feeds are written too and every internal link of
the copy leads to a file. django-distill (one URL for every language, aborts on a translated
slug) and wagtail-bakery (no Wagtail 8, the default locale only) could not do this.

What only the application can do (search, forms, login, the Entry Pass, the consultation desk,
tracking links) links to the live site when one is given, otherwise a notice gives the desk's
phone and e-mail. Media, documents and static files are copied after rendering: exactly those
that the written files refer to.
"""

import mimetypes
import re
import shutil
import time
import uuid
from collections import Counter, deque
from dataclasses import dataclass, field
from functools import cache
from html import unescape
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.test import Client, override_settings
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from core.locales import in_default_locale
from home.models import SiteIdentity, SiteSettings

# Written into DIR so that --clear only ever empties an earlier export.
MARKER = ".static-export"
NOTICE_ID = "static-copy-notice"
# Views whose GET answer is the same for every visitor; every other view needs the app.
STATIC_VIEWS = {"wagtail_serve", "sitemap", "robots_txt", "news_rss", "news_atom"}
# A runaway crawl (a link that makes new links) stops here instead of filling the disk.
MAX_URLS = 20_000
# The attributes whose URLs the crawl follows; srcset and inline CSS carry only media.
LINK_ATTRIBUTES = {
    "a": "href",
    "area": "href",
    "link": "href",
    "img": "src",
    "script": "src",
    "source": "src",
    "iframe": "src",
}
TEXT_TYPES = ("text/", "application/xml", "application/rss+xml", "application/atom+xml")
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
_LINK = re.compile(r"""\s(?:href|src)=(["'])(.*?)\1""", re.DOTALL)
_UNSAFE_SEGMENT = re.compile(r"[^\w.=~-]+")


class StaticExportError(Exception):
    pass


@dataclass
class ExportResult:
    directory: Path
    base_url: str
    pages: Counter = field(default_factory=Counter)  # language → Wagtail pages written
    views: int = 0  # listings, archives, feeds, .ics files, sitemap, robots.txt
    redirects: int = 0
    files: int = 0
    media: int = 0
    documents: int = 0
    static: int = 0
    seconds: float = 0.0
    broken_links: list = field(default_factory=list)  # (page, href): kept as plain text
    missing_files: list = field(default_factory=list)  # referenced, not in storage


@dataclass
class _Answer:
    """What the crawl found at one URL."""

    kind: str  # "file", "redirect", "dynamic" or "missing"
    public: str = ""  # the URL of the written file in the copy (unquoted path)
    file: str = ""  # relative to DIR
    html: bool = False
    target: str = ""  # redirects: the key (internal) or URL (external) it leads to


def _key(path, query=""):
    """One name per URL: the unquoted path and the sorted query."""
    params = sorted(parse_qsl(query, keep_blank_values=True))
    return unquote(path) + ("?" + urlencode(params) if params else "")


def _quote(path):
    return quote(path, safe="/=~-._")


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def _check_url(url, name, origin_only=False):
    url = (url or "").strip().rstrip("/")
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise StaticExportError(f"{name} must be an http(s) URL, not {url!r}.")
    if origin_only and (parts.path or parts.query):
        raise StaticExportError(
            f"{name} must be an origin such as https://www.city.example.jp: the copy is "
            "served from the root of its domain."
        )
    return url


class StaticExporter:
    def __init__(self, directory, base_url=None, dynamic_url=None, clear=False, log=None):
        self.directory = Path(directory).resolve()
        self.site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if self.site is None:
            raise StaticExportError("There is no default site to export.")
        self.secure = self.site.port == 443 or getattr(settings, "SECURE_SSL_REDIRECT", False)
        default_port = 443 if self.secure else 80
        self.host = self.site.hostname + (
            f":{self.site.port}" if self.site.port not in (default_port, 80, 443) else ""
        )
        rendered_origin = f"{'https' if self.secure else 'http'}://{self.host}"
        if base_url is None:
            base_url = settings.STATIC_EXPORT_BASE_URL
        if dynamic_url is None:
            dynamic_url = settings.STATIC_EXPORT_DYNAMIC_URL
        self.base_url = _check_url(base_url, "The base URL", origin_only=True) or _origin(
            self.site.root_url
        )
        self.dynamic_url = _check_url(dynamic_url, "The dynamic URL")
        # Absolute URLs the app writes (canonical, hreflang, og:image, sitemap, feeds) carry the
        # host they were rendered for: the site's root URL or the request's host.
        self.origins = sorted(
            {
                o
                for o in (
                    _origin(self.site.root_url),
                    rendered_origin,
                    _origin(getattr(settings, "WAGTAILADMIN_BASE_URL", "")),
                )
                if o and o != self.base_url
            },
            key=len,
            reverse=True,
        )
        self.media_url = settings.MEDIA_URL
        if _origin(self.media_url):  # media on object storage: the copy holds them under /media/
            self.media_url = "/media/"
        self.clear = clear
        self.log = log or (lambda message: None)
        self.client = Client(HTTP_HOST=self.host)
        self.answers = {}
        self.page_keys = {}  # key → language of the Wagtail page rendered there
        self.documents = {}  # document id → (file name in storage, path in the copy)
        self.result = ExportResult(directory=self.directory, base_url=self.base_url)
        self._contact = {}

    # The run ---------------------------------------------------------------------------------

    def run(self):
        started = time.monotonic()
        self._prepare_directory()
        hosts = [*settings.ALLOWED_HOSTS, self.site.hostname]
        with override_settings(DEBUG=False, ALLOWED_HOSTS=hosts):
            self._crawl()
            self._write_not_found_page()
            for key, answer in list(self.answers.items()):
                if answer.kind == "file" and answer.html:
                    self._rewrite_html(key, answer)
                elif answer.kind == "redirect":
                    self._write_redirect(answer)
            self._write_root()
            self._copy_assets()
        result = self.result
        result.files = sum(1 for p in self.directory.rglob("*") if p.is_file()) - 1  # the marker
        result.seconds = time.monotonic() - started
        return result

    def _prepare_directory(self):
        directory = self.directory
        if directory.exists() and any(directory.iterdir()):
            if not self.clear:
                raise StaticExportError(f"{directory} is not empty (use --clear to replace it).")
            if not (directory / MARKER).exists():
                raise StaticExportError(
                    f"{directory} does not hold an earlier static export: not emptying it."
                )
            shutil.rmtree(directory)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / MARKER).write_text("Written by manage.py export_static\n")

    # Crawling --------------------------------------------------------------------------------

    def _pages(self):
        """Every live, public page of the default site, in every language."""
        roots = Page.objects.filter(translation_key=self.site.root_page.translation_key)
        pages = Page.objects.none()
        for root in roots:
            pages = pages | Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().select_related("locale").order_by("path")

    def _crawl(self):
        queue = deque()
        for page in self._pages():
            url = page.get_url()
            if url and url.startswith("/"):
                key = _key(*urlsplit(url)[2:4])
                self.page_keys[key] = page.locale.language_code
                queue.append(key)
        for language in sorted(set(self.page_keys.values())):
            queue.extend([f"/feeds/{language}/news.rss", f"/feeds/{language}/news.atom"])
        queue.extend(["/sitemap.xml", "/robots.txt"])
        while queue:
            key = queue.popleft()
            if key in self.answers:
                continue
            if len(self.answers) >= MAX_URLS:
                self.log(f"Stopped after {MAX_URLS} URLs; the rest are not in the copy.")
                break
            for found in self._fetch(key):
                if found not in self.answers:
                    queue.append(found)

    def _get(self, url):
        return self.client.get(url, secure=self.secure)

    def _fetch(self, key):
        """Render one URL, write it, and return the keys of the static URLs it links to."""
        path, _sep, query = key.partition("?")
        try:
            response = self._get(_quote(path) + ("?" + query if query else ""))
        except Exception as error:
            raise StaticExportError(f"{key} failed to render: {error!r}") from error
        if response.status_code in (301, 302, 303, 307, 308):
            return self._redirected(key, response["Location"])
        if response.status_code == 404:
            self.answers[key] = _Answer("missing")
            return []
        if response.status_code != 200:
            # 403, 405…: what the app decides per visitor.
            self.answers[key] = _Answer("dynamic")
            return []
        content_type = response.get("Content-Type", "application/octet-stream")
        is_html = content_type.startswith("text/html")
        file, public = self._location(path, query, content_type, response)
        body = self._absolute_urls(response, content_type)
        target = self.directory / file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
        self.answers[key] = _Answer("file", public=public, file=file, html=is_html)
        if key in self.page_keys:
            self.result.pages[self.page_keys[key]] += 1
        else:
            self.result.views += 1
        return self._links(body.decode("utf-8"), key) if is_html else []

    def _redirected(self, key, location):
        """A redirect page at the old URL; links to it go straight to where it leads."""
        path, query = key.partition("?")[::2]
        file, public = self._location(path, query, "text/html", None)
        target = self._internal(location, key)
        if target is None:
            self.answers[key] = _Answer("redirect", public=public, file=file, target=location)
            return []
        if self._route(target.path) in ("dynamic", "admin"):
            self.answers[key] = _Answer("dynamic")  # e.g. a private page: the login
            return []
        target_key = _key(target.path, target.query)
        self.answers[key] = _Answer("redirect", public=public, file=file, target=target_key)
        return [target_key]

    def _final(self, key):
        """The answer a chain of redirects ends at (None: it leaves the site or loops)."""
        answer, seen = self.answers.get(key), {key}
        while answer is not None and answer.kind == "redirect":
            if not answer.target.startswith("/") or answer.target in seen:
                return None
            seen.add(answer.target)
            answer = self.answers.get(answer.target)
        return answer

    def _location(self, path, query, content_type, response):
        """(file relative to DIR, its URL in the copy) for an answer rendered at path?query.

        A static server ignores query strings, so ?page=2&theme=food becomes path segments
        (page=2/theme=food/); a slug never contains "=", so they never meet a page."""
        params = sorted(parse_qsl(query, keep_blank_values=True))
        if params and path.endswith("/"):
            path += "".join(_UNSAFE_SEGMENT.sub("-", f"{k}={v}") + "/" for k, v in params)
        last = path.rsplit("/", 1)[-1]
        if content_type.startswith("text/html"):
            if path.endswith("/"):
                return path.lstrip("/") + "index.html", path
            if "." in last:
                return path.lstrip("/"), path
            return path.lstrip("/") + "/index.html", path
        if path.endswith("/"):
            # A download served at a directory URL (an event's ics/): a file with its own name.
            name = ""
            disposition = response.get("Content-Disposition", "") if response else ""
            match = re.search(r'filename="?([^";]+)"?', disposition)
            if match:
                name = _UNSAFE_SEGMENT.sub("-", match.group(1)).strip(".-")
            if not name:
                extension = mimetypes.guess_extension(content_type.split(";")[0].strip())
                name = "index" + (extension or ".bin")
            path += name
        return path.lstrip("/"), path

    def _absolute_urls(self, response, content_type):
        """The body with the app's own host replaced by the public base URL."""
        body = response.content
        if not content_type.startswith(TEXT_TYPES):
            return body
        text = body.decode(response.charset or "utf-8")
        if self.media_url != settings.MEDIA_URL:
            text = text.replace(settings.MEDIA_URL, self.base_url + self.media_url)
        for origin in self.origins:
            text = re.sub(re.escape(origin) + r"(?=[/?#\"'<>),;&\s]|$)", self.base_url, text)
        return text.encode("utf-8")

    def _links(self, html, key):
        """The keys of the static URLs the page links to (a quick scan: the page is parsed
        once, when it is rewritten)."""
        keys = []
        for match in _LINK.finditer(html):
            target = self._internal(unescape(match.group(2)), key)
            if target is not None and self._route(target.path) == "page":
                keys.append(_key(target.path, target.query))
        return keys

    def _internal(self, url, current):
        """The path, query and fragment of a URL of this site, or None for anything else."""
        url = url.strip()
        if url.startswith("#"):
            return None
        if url == self.base_url or url.startswith(self.base_url + "/"):
            url = url[len(self.base_url) :] or "/"
        parts = urlsplit(urljoin(current, url))
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            return None
        return parts

    @cache  # noqa: B019 (one exporter per run)
    def _route(self, path):
        """What the app does at a path: "page" (in the copy), "root", "media", "static",
        "document", "admin" or "dynamic" (only the app can answer)."""
        path = unquote(path)
        if path.startswith(self.media_url):
            return "media"
        if path.startswith(settings.STATIC_URL):
            return "static"
        if path == "/":
            return "root"
        if path.startswith("/admin/") or path == "/admin":
            return "admin"
        language = path.split("/")[1]
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        with translation.override(language):
            try:
                match = resolve(path)
            except Resolver404:
                return "page"  # crawled: a 404 there makes it a broken link
        if match.url_name == "wagtaildocs_serve":
            return "document"
        return "page" if match.url_name in STATIC_VIEWS else "dynamic"

    # Writing ---------------------------------------------------------------------------------

    def _write_not_found_page(self):
        missing = f"/{settings.LANGUAGE_CODE}/{uuid.uuid4().hex}/"
        response = self._get(missing)
        content_type = response.get("Content-Type", "text/html")
        (self.directory / "404.html").write_bytes(self._absolute_urls(response, content_type))
        self.answers["/404.html"] = _Answer("file", public="/404.html", file="404.html", html=True)

    def _write_redirect(self, answer):
        if answer.target.startswith("/"):
            final = self._final(answer.target)
            if final is None or final.kind != "file":
                return
            location = _quote(final.public)
        else:
            location = answer.target
        self._write_redirect_page(answer.file, location)
        self.result.redirects += 1

    def _write_redirect_page(self, file, location):
        target = self.directory / file
        target.parent.mkdir(parents=True, exist_ok=True)
        href = location.replace("&", "&amp;").replace('"', "&quot;")
        target.write_text(
            "<!DOCTYPE html>\n"
            f'<html lang="{settings.LANGUAGE_CODE}"><head><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="0; url={href}">'
            f'<link rel="canonical" href="{href}"><title>{href}</title></head>'
            f'<body><p><a href="{href}">{href}</a></p></body></html>\n',
            encoding="utf-8",
        )

    def _write_root(self):
        """/ redirects to the home page in the default language (the app picks the
        visitor's language; a static server cannot)."""
        home = next(
            (
                page.get_url()
                for page in Page.objects.filter(
                    translation_key=self.site.root_page.translation_key, **in_default_locale()
                ).live()
            ),
            None,
        )
        self._write_redirect_page("index.html", home or f"/{settings.LANGUAGE_CODE}/")

    def _rewrite_html(self, key, answer):
        """Links to what needs the app go to the live site or to the notice; query strings
        become the copy's paths; links to nothing become text."""
        target_file = self.directory / answer.file
        soup = BeautifulSoup(target_file.read_text(encoding="utf-8"), "html.parser")
        language = self._language(soup)
        state = {"needs_notice": False}
        if key == "/404.html":  # answered at any URL: no canonical address of its own
            for tag in soup.select('link[rel="canonical"], meta[property="og:url"]'):
                tag.decompose()
        with translation.override(language):
            for form in soup.find_all("form"):
                self._replace_form(form, key, soup, state)
            for tag in soup.find_all(list(LINK_ATTRIBUTES)):
                attribute = LINK_ATTRIBUTES[tag.name]
                if tag.get(attribute):
                    self._rewrite_link(tag, attribute, key, state)
            if state["needs_notice"] and soup.find(id=NOTICE_ID) is None:
                notice = self._notice(soup, is_form=False, live_url="")
                (soup.find("main") or soup.body or soup).append(notice)
        target_file.write_text(str(soup), encoding="utf-8")

    def _language(self, soup):
        lang = (soup.html.get("lang", "") if soup.html else "").lower()
        return lang if lang in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE

    def _replace_form(self, form, key, soup, state):
        method = (form.get("method") or "get").lower()
        action = self._internal(form.get("action") or key, key)
        if action is None:
            return  # a form of another site (e.g. a newsletter service) keeps working
        if method == "get" and self.dynamic_url:
            form["action"] = self.dynamic_url + _quote(unquote(action.path))
            return
        if method == "get":
            # The header's search box and listing filters: a link to the notice instead.
            button = form.find(["button", "input"], attrs={"type": "submit"}) or form.find("button")
            label = (button.get("value") if button and button.name == "input" else None) or (
                button.get_text(" ", strip=True) if button else ""
            )
            paragraph = soup.new_tag("p", attrs={"class": form.get("class", [])})
            link = soup.new_tag("a", href=f"#{NOTICE_ID}")
            link.string = label or _("Not available in this copy of the site")
            paragraph.append(link)
            form.replace_with(paragraph)
            state["needs_notice"] = True
            return
        page_path = _quote(unquote(key.partition("?")[0]))
        live_url = self.dynamic_url + page_path if self.dynamic_url else ""
        form.replace_with(self._notice(soup, is_form=True, live_url=live_url))

    def _rewrite_link(self, tag, attribute, key, state):
        url = tag[attribute]
        target = self._internal(url, key)
        if target is None:
            return
        route = self._route(target.path)
        kind = route
        if route == "page":
            key_of_target = _key(target.path, target.query)
            answer = self.answers.get(key_of_target)
            if answer is not None and answer.kind == "redirect":
                final = self._final(key_of_target)
                if final is None:  # leads off the site: the redirect page is written
                    final = answer
                answer = final
            kind = answer.kind if answer else "missing"
            if kind == "file" or (kind == "redirect" and answer.file):
                if _key(answer.public) != _key(target.path) or target.query:
                    absolute = self.base_url if url.startswith(self.base_url) else ""
                    fragment = f"#{target.fragment}" if target.fragment else ""
                    tag[attribute] = absolute + _quote(answer.public) + fragment
                return
        elif route == "document":
            kind = self._document(target.path)
        elif route in ("root", "media", "static"):
            return
        if kind == "dynamic":
            if self.dynamic_url:
                tag[attribute] = (
                    self.dynamic_url
                    + _quote(unquote(target.path))
                    + (f"?{target.query}" if target.query else "")
                    + (f"#{target.fragment}" if target.fragment else "")
                )
            elif tag.name in ("a", "area"):
                tag[attribute] = f"#{NOTICE_ID}"
                for name in ("download", "target", "rel"):
                    tag.attrs.pop(name, None)
                state["needs_notice"] = True
            else:
                tag.decompose()
            return
        if kind == "missing":
            self.result.broken_links.append((key, url))
        # The admin (a link for staff only) and links to nothing: their text, no link.
        if tag.name == "a":
            tag.unwrap()
        elif tag.name != "area":
            tag.decompose()

    def _document(self, path):
        """ "file" for a public document (copied later), "dynamic" for a private one."""
        parts = unquote(path).strip("/").split("/")
        Document = get_document_model()
        document = (
            Document.objects.filter(pk=parts[1]).select_related("collection").first()
            if len(parts) >= 3 and parts[1].isdigit()
            else None
        )
        if document is None or not document.file:
            return "missing"
        if document.collection.get_view_restrictions().exists():
            return "dynamic"
        self.documents[document.pk] = (document.file.name, unquote(path).lstrip("/"))
        return "file"

    def _notice(self, soup, is_form, live_url):
        contact = self._contact_details()
        first = soup.find(id=NOTICE_ID) is None
        count = len(soup.select(".static-notice"))
        html = render_to_string(
            "content/static_notice.html",
            {
                **contact,
                "is_form": is_form,
                "live_url": live_url,
                "notice_id": NOTICE_ID if first else "",
                "heading_id": f"{NOTICE_ID}-title-{count}",
            },
        )
        return BeautifulSoup(html, "html.parser")

    def _contact_details(self):
        """The desk's phone and e-mail (site settings) and hours (site identity, per language)."""
        language = translation.get_language()
        if language not in self._contact:
            site_settings = SiteSettings.for_site(self.site)
            identity = SiteIdentity.for_active_locale()
            self._contact[language] = {
                "phone": site_settings.contact_phone,
                "email": site_settings.contact_email,
                "hours": identity.contact_hours if identity else "",
            }
        return self._contact[language]

    # Media, documents, static files ------------------------------------------------------------

    def _copy_assets(self):
        media_pattern = re.compile(re.escape(self.media_url) + r"[^\s\"'<>()\\,?#]+")
        static_pattern = re.compile(re.escape(settings.STATIC_URL) + r"[^\s\"'<>()\\,?#]+")
        media, static = set(), set()
        for path in self.directory.rglob("*"):
            if path.is_file() and path.suffix in (".html", ".xml", ".rss", ".atom", ".txt"):
                text = path.read_text(encoding="utf-8", errors="replace")
                media.update(unquote(u[len(self.media_url) :]) for u in media_pattern.findall(text))
                static.update(
                    unquote(u[len(settings.STATIC_URL) :]) for u in static_pattern.findall(text)
                )
        for name in sorted(media):
            if self._copy_from_storage(default_storage, name, Path("media") / name):
                self.result.media += 1
        for name, relative in sorted(self.documents.values()):
            if self._copy_from_storage(default_storage, name, Path(relative)):
                self.result.documents += 1
        self._copy_static(static)

    def _copy_from_storage(self, storage, name, relative):
        destination = self.directory / relative
        if not destination.resolve().is_relative_to(self.directory):
            return False
        try:
            with storage.open(name, "rb") as source:
                destination.parent.mkdir(parents=True, exist_ok=True)
                with open(destination, "wb") as out:
                    shutil.copyfileobj(source, out)
        except (FileNotFoundError, OSError, ValueError):
            self.result.missing_files.append(str(relative))
            return False
        return True

    def _copy_static(self, names):
        """The static files the pages use and those their CSS imports: from the finders (the
        source in development), else from the collected files (hashed names in production)."""
        queue, done = deque(sorted(names)), set()
        while queue:
            name = queue.popleft()
            if name in done:
                continue
            done.add(name)
            destination = self.directory / "static" / name
            if not destination.resolve().is_relative_to(self.directory):
                continue
            found = finders.find(name)
            if found:
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(found, destination)
            elif not self._copy_from_storage(staticfiles_storage, name, Path("static") / name):
                continue
            self.result.static += 1
            if name.endswith(".css"):
                css = destination.read_text(encoding="utf-8", errors="replace")
                for match in _CSS_URL.finditer(css):
                    ref = (match.group(1) or match.group(2)).split("#")[0].split("?")[0]
                    if ref.startswith("data:") or _origin(ref):
                        continue
                    url = urljoin(settings.STATIC_URL + name, ref)
                    if url.startswith(settings.STATIC_URL):
                        queue.append(unquote(url[len(settings.STATIC_URL) :]))


def export_static(directory, base_url=None, dynamic_url=None, clear=False, log=None):
    """Write the static copy of the default site into directory; return an ExportResult."""
    return StaticExporter(directory, base_url, dynamic_url, clear=clear, log=log).run()
