"""A city editor who works in Japanese sees the whole admin in Japanese (and so do the other
staff roles).

The test walks every admin page a city editor reaches from the menu (the sidebar, its submenus,
each snippet's listing and creation form, the reports), the dashboard, the page explorer, a
page's edit view and the translation editor of a translated page, and reads the text a person
sees: text nodes, and the title, aria-label, placeholder and value of controls, plus the labels
of the sidebar menu (Wagtail renders it from JSON). It fails when that text holds

- an English msgid of this project's catalogues that has a different Japanese translation:
  a project string rendered without gettext or outside the active language, or
- one of the English strings Japanese staff reported (KNOWN_OFFENDERS), which the admin
  catalogue (locale_admin/) and home/workflow_names.py translate.

Content is not interface text: values stored in the content apps' tables (an English page
title in a listing), text marked with another lang, and the languages' own names.
"""

import json
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils.translation import override
from wagtail.admin.menu import SubmenuMenuItem, admin_menu
from wagtail.models import Workflow
from wagtail.snippets.models import get_snippet_models
from wagtail.users.models import UserProfile

from tests.factories import UserFactory
from tests.factories.home import StandardPageFactory, translate_into_english

pytestmark = pytest.mark.django_db

# What Japanese staff found in English or mistranslated (issue 14, point 5): never on a page.
KNOWN_OFFENDERS = {
    "City approval",
    "City editor approval",
    "Pages",
    "Translate",
    "Translations",
    "Sync translated pages",
}
# ... nor inside a longer text ("City approvalに提出する", "84 Pages").
KNOWN_OFFENDER_PARTS = ["City approval", "City editor approval", " Pages"]
# The Pages menu itself ("ページ", not the public pagination label "ページ送り", which has its own
# msgctxt) is checked in tests/home/test_admin_catalogue.py.

# Apps whose rows are content (titles, names, glossary terms): text equal to a row's value is
# the editors' data shown as such, e.g. the English translation of a menu in a listing.
CONTENT_APPS = {"home", "members", "passes", "consultations", "campaigns", "reports", "content"}
CONTENT_APPS |= {"wagtailcore"}

# Elements whose text is not read as interface text: code, and text marked as another language
# (a glossary's English term is English on purpose).
SKIPPED_TAGS = {"script", "style", "template", "noscript", "code", "kbd", "samp"}
LABEL_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
# Wagtail 8.0.1 writes value="Search" into the hidden submit button of its search forms
# (wagtailadmin/home.html, shared/header.html) without gettext: not this project's string.
UPSTREAM_UNTRANSLATABLE_VALUES = {"Search"}
# ... and aria-label="Actions" on the header's actions <nav> (wagtailadmin/shared/headers/
# _actions.html), also without gettext; "Actions" is a msgid of ours (a column heading).
UPSTREAM_UNTRANSLATABLE_LABELS = {"Actions"}
# Names that are the same in every language and happen to be English msgids of the catalogue:
# the blogging platform note (campaigns' "note" msgid is a memo).
PROPER_NAMES = {"note"}


def project_msgids():
    """English msgid → Japanese msgstr of this project's catalogues, where they differ."""
    base = Path(settings.BASE_DIR)
    catalogues = [base / "locale/ja/LC_MESSAGES/django.po"]
    catalogues += sorted(base.glob("*/locale/ja/LC_MESSAGES/django.po"))
    msgids = {}
    for path in catalogues:
        for entry in polib.pofile(str(path)).translated_entries():
            if not entry.msgid_plural and entry.msgstr and entry.msgstr != entry.msgid:
                msgids[entry.msgid] = entry.msgstr
    return msgids


def content_strings():
    """Every short text value stored in the content apps' tables."""
    strings = set()
    for model in apps.get_models():
        if model._meta.app_label not in CONTENT_APPS or model._meta.proxy:
            continue
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField)
        ]
        if fields:
            for row in model._base_manager.values_list(*fields):
                strings.update(" ".join(value.split()) for value in row if isinstance(value, str))
    return strings


class VisibleText(HTMLParser):
    """The text a person sees or hears: text nodes, the labels and values of controls, and the
    labels of the sidebar menu (JSON in <script id="wagtail-sidebar-props">)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self.menu_labels = []
        self.skipped = []  # [tag, depth] of the element being skipped
        self.sidebar_json = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.skipped:
            if tag == self.skipped[0]:
                self.skipped[1] += 1
            return
        if attrs.get("id") == "wagtail-sidebar-props":
            self.sidebar_json = []
        lang = attrs.get("lang")
        if tag in SKIPPED_TAGS or (tag != "html" and lang and not lang.startswith("ja")):
            self.skipped = [tag, 1]
            return
        self.texts += [
            attrs[name]
            for name in LABEL_ATTRIBUTES
            if attrs.get(name)
            and not (name == "aria-label" and attrs[name] in UPSTREAM_UNTRANSLATABLE_LABELS)
        ]
        if tag in ("button", "input") and attrs.get("type") in ("submit", "button", "reset"):
            if attrs.get("value") and attrs["value"] not in UPSTREAM_UNTRANSLATABLE_VALUES:
                self.texts.append(attrs["value"])

    def handle_endtag(self, tag):
        if self.skipped and tag == self.skipped[0]:
            self.skipped[1] -= 1
            if not self.skipped[1]:
                self.skipped = []
                if self.sidebar_json is not None:
                    self.menu_labels += json_labels(json.loads("".join(self.sidebar_json)))
                    self.sidebar_json = None

    def handle_data(self, data):
        if self.sidebar_json is not None:
            self.sidebar_json.append(data)
        elif not self.skipped:
            self.texts.append(data)


def json_labels(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "label" and isinstance(item, str):
                yield item
            else:
                yield from json_labels(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_labels(item)


def english_on(html, msgids, content):
    """The English of this project or of the known offenders in a page of the admin."""
    parser = VisibleText()
    parser.feed(html)
    texts = {" ".join(text.split()) for text in parser.texts} | set(parser.menu_labels)
    interface_texts = (texts - content - PROPER_NAMES) | set(parser.menu_labels)
    found = {text for text in interface_texts if text in msgids}
    found |= texts & KNOWN_OFFENDERS
    for text in texts:
        found.update(part.strip() for part in KNOWN_OFFENDER_PARTS if part in text)
    return found


def menu_urls(user):
    """Every URL of the admin menu as this user sees it, submenus included."""
    request = RequestFactory().get("/admin/")
    request.user = user
    urls = []

    def walk(items):
        for item in items:
            if isinstance(item, SubmenuMenuItem):
                walk(item.menu.menu_items_for_request(request))
            else:
                urls.append(str(item.url))

    with override("ja"):
        walk(admin_menu.menu_items_for_request(request))
    return urls


def snippet_creation_urls(user):
    urls = []
    for model in get_snippet_models():
        viewset = model.snippet_viewset
        if viewset.permission_policy.user_has_permission(user, "add"):
            try:
                urls.append(reverse(viewset.get_url_name("add")))
            except NoReverseMatch:  # a translatable snippet's form asks for the locale
                urls.append(reverse(viewset.get_url_name("add")) + "?locale=ja")
    return urls


def log_in_in_japanese(client, role):
    user = UserFactory(groups=[role])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ja"
    profile.save()
    client.force_login(user)
    return user


def admin_urls(user):
    page = StandardPageFactory(title="移住相談会のご案内", intro="相談会の日程です。")
    english = translate_into_english(
        page,
        {"移住相談会のご案内": "Relocation consultation", "相談会の日程です。": "The dates."},
    )
    # A contractor's page awaiting the city's approval: the dashboard's review panel, the
    # status panel, the lock message, the workflow reports and history show the names.
    contractor = UserFactory(groups=["Contractor editors"])
    in_review = StandardPageFactory(title="二地域居住の体験記")
    in_review.save_revision(user=contractor)
    with override("en"):  # the contractor works in English: the history entry holds English
        Workflow.objects.get(name="City approval").start(in_review, contractor)
    urls = ["/admin/", "/admin/pages/", f"/admin/pages/{page.pk}/edit/"]
    urls.append(f"/admin/pages/{english.pk}/edit/")  # wagtail-localize's translation editor
    urls.append(f"/admin/pages/{in_review.pk}/edit/")
    urls.append(f"/admin/pages/{in_review.pk}/history/")
    urls.append(f"/admin/pages/{in_review.pk}/workflow_history/")
    urls += menu_urls(user)
    urls += snippet_creation_urls(user)
    return [url for url in dict.fromkeys(urls) if url.startswith("/")]


def test_every_admin_page_a_city_editor_opens_is_in_japanese(client, demo_site):
    assert_admin_in_japanese(client, "City editors")


@pytest.mark.parametrize("role", ["Contractor editors", "Translators", "Consultation staff"])
def test_the_other_staff_roles_see_their_admin_pages_in_japanese(client, demo_site, role):
    assert_admin_in_japanese(client, role)


def assert_admin_in_japanese(client, role):
    user = log_in_in_japanese(client, role)
    urls = admin_urls(user)
    if role == "City editors":
        assert len(urls) > 30 and "/admin/reports/workflow/" in urls
    msgids = project_msgids()
    # settings.LANGUAGES names each language in itself ("English"), on purpose.
    content = content_strings() | {name for _code, name in settings.LANGUAGES}
    failures = []
    for url in urls:
        response = client.get(url, follow=True)
        if response.status_code != 200:
            failures.append(f"{url}: HTTP {response.status_code}")
            continue
        for text in sorted(english_on(response.content.decode(), msgids, content)):
            failures.append(f"{url}: {text!r}")
    assert not failures, "English in the Japanese admin:\n" + "\n".join(failures)


def test_workflow_names_are_stored_in_english_and_read_in_the_readers_language():
    workflow = Workflow.objects.get(name="City approval")
    with override("ja"):
        assert workflow.name == "市の承認" and str(workflow) == "市の承認"
        # A form's round trip hands the displayed name back: the msgid is stored again.
        workflow.name = workflow.name
        workflow.full_clean()
        workflow.save()
    with override("en"):
        assert Workflow.objects.get(pk=workflow.pk).name == "City approval"
    assert Workflow.objects.filter(pk=workflow.pk, name="City approval").exists()
    task = workflow.tasks.get()
    with override("ko"):
        assert task.name == "시청 편집자 승인"
        task.save()
    assert type(task).objects.filter(pk=task.pk, name="City editor approval").exists()
