"""The admin in Japanese, translation editor included (issue 14, point 5).

Wagtail's and wagtail-localize's own Japanese catalogues are incomplete (wagtail-localize's has
a handful of strings) and partly wrong; locale_admin/ja/LC_MESSAGES/django.po and djangojs.po
supply the rest. LOCALE_PATHS puts them above the apps' catalogues, for the django domain and
for the JavaScript catalogues too: Django's JavaScriptCatalog merges LOCALE_PATHS even when
given packages=, so the translation editor (a React app) gets its strings from djangojs.po
through wagtail_localize's /admin/localize/jsi18n/.

scripts/admin_catalogue/missing.py lists the upstream strings still without Japanese (after
an upgrade of Wagtail or wagtail-localize).
"""

import gettext as gettext_module
import json
import os
import re
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext, override, trans_real
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from tests.factories import UserFactory
from tests.factories.translations import published_japanese_page

BASE_DIR = Path(__file__).resolve().parents[2]
CATALOGUES = BASE_DIR / "locale_admin" / "ja" / "LC_MESSAGES"
JAPANESE = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")


@pytest.fixture(scope="module", autouse=True)
def compiled_admin_catalogues():
    """`make test` compiles the catalogues first (`make messages`); a lone pytest run may find
    no .mo or a stale one, so compile what is older than its .po and drop Django's cache."""
    compiled = False
    for domain in ("django", "djangojs"):
        po, mo = CATALOGUES / f"{domain}.po", CATALOGUES / f"{domain}.mo"
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            partial = mo.with_name(f"{domain}.mo.{os.getpid()}")
            polib.pofile(str(po)).save_as_mofile(str(partial))
            os.replace(partial, mo)
            compiled = True
    if compiled:  # Python's gettext caches each .mo it has read, Django each language
        gettext_module._translations.clear()
        trans_real._translations = {}
        trans_real._default = None


@pytest.fixture
def japanese_admin(client, demo_site):
    user = UserFactory(is_superuser=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ja"
    profile.save()
    client.force_login(user)
    return user


@pytest.fixture
def japanese_page(demo_site):
    return published_japanese_page(demo_site)


@pytest.fixture
def english_translation(client, japanese_admin, japanese_page):
    """What "Translate this page" does: the English draft and its Translation."""
    english = Locale.objects.get(language_code="en")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[japanese_page.id]),
        {"locales": [english.id]},
    )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=japanese_page.translation_key, target_locale=english
    )
    return japanese_page.get_translation(english), translation


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_japanese(body, strings):
    """Each (English, Japanese) pair: the Japanese is on the screen and the English is not."""
    for english, japanese in strings:
        assert japanese in body, f"{japanese!r} ({english!r}) missing"
        assert f">{english}<" not in body and f'"{english}"' not in body, english


def sidebar_labels(body):
    """{menu item name: label} from the sidebar's JSON props."""
    props = json.loads(
        re.search(
            r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
            body,
            re.S,
        ).group(1)
    )
    labels = {}

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("name"), str) and isinstance(node.get("label"), str):
                labels[node["name"]] = node["label"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(props)
    return labels


def js_catalogue(client, url):
    body = page(client, url)
    return json.loads(re.search(r"const newcatalog = (\{.*?\});", body, re.S).group(1))


# (a) the screens ------------------------------------------------------------------------------


# The public pagination label and a story's date label carry a msgctxt ("pagination", "date"),
# so the project's ページ送り and 公開日 no longer replace Wagtail's Pages menu and Published.
def test_the_project_catalogue_leaves_wagtails_pages_and_published_alone(client, japanese_admin):
    assert sidebar_labels(page(client, reverse("wagtailadmin_home")))["explorer"] == "ページ"
    with override("ja"):
        published = "Published"  # a variable: makemessages must not extract it from a test
        assert gettext(published) == "公開"


def test_dashboard_is_japanese(client, japanese_admin):
    body = page(client, reverse("wagtailadmin_home"))
    # "84 Pages", "12 Images", ... in the site summary
    assert re.search(r"\d+ページ<span class=\"w-sr-only\">（.+?で作成）</span>", body)
    assert re.search(r"\d+件の画像<span class=\"w-sr-only\">", body)
    assert_japanese(
        body,
        [
            ("Site summary", "サイトの概要"),
            ("Search all pages…", "すべてのページを検索…"),
            ("Keyboard shortcuts", "キーボードショートカット"),
            ("Toggle sidebar", "サイドバーの開閉"),
        ],
    )
    assert sidebar_labels(body)["locked-pages"] == "ロック中のページ"


def test_page_explorer_is_japanese(client, japanese_admin, japanese_page):
    body = page(client, reverse("wagtailadmin_explore", args=[japanese_page.get_parent().id]))
    assert_japanese(
        body,
        [
            ("Bulk actions", "一括操作"),
            ("Has child pages", "子ページあり"),
            ("Change privacy", "公開範囲を変更"),
            ("Current page status:", "現在のページの状態:"),
            ("Not visible to the public", "一般には公開されていません"),
        ],
    )


def test_page_editor_and_its_action_menu_are_japanese(client, japanese_admin, japanese_page):
    body = page(client, reverse("wagtailadmin_pages:edit", args=[japanese_page.id]))
    assert_japanese(
        body,
        [
            ("Save draft", "下書きを保存"),
            ("Schedule publication", "公開を予約"),
            ("Preview in desktop size", "パソコンのサイズでプレビュー"),
            ("Content metrics", "コンテンツの指標"),
            ("For search engines", "検索エンジン用"),
            ("Meta description", "メタディスクリプション"),
            (
                "The page title as you'd like it to be seen by the public",
                "一般に表示するページのタイトル",
            ),
        ],
    )


def test_translation_editor_is_japanese(client, japanese_admin, english_translation):
    english_page, _translation = english_translation
    body = page(client, reverse("wagtailadmin_pages:edit", args=[english_page.id]))
    assert reverse("wagtail_localize:javascript_catalog") in body
    assert_japanese(body, [("Switch locales", "ロケールを切り替え"), ("Status: ", "ステータス: ")])
    props = json.loads(
        re.search(r'class="js-translation-editor" data-props="([^"]*)"', body)
        .group(1)
        .replace("&quot;", '"')
        .replace("&amp;", "&")
    )
    assert [tab["label"] for tab in props["tabs"]] == ["コンテンツ", "プロモート", "設定"]
    title = next(s for s in props["segments"] if s["contentPath"] == "title")
    assert title["location"]["fieldHelpText"] == "一般に表示するページのタイトル"


def test_translation_submit_and_update_views_are_japanese(
    client, japanese_admin, japanese_page, english_translation
):
    _english_page, translation = english_translation
    body = page(
        client, reverse("wagtail_localize:submit_page_translation", args=[japanese_page.id])
    )
    assert_japanese(body, [("Translate page", "ページを翻訳"), ("Select all", "すべて選択")])
    body = page(
        client, reverse("wagtail_localize:update_translations", args=[translation.source_id])
    )
    assert_japanese(
        body,
        [
            ("Update existing translations", "既存の翻訳を更新"),
            ("Why would I sync my page?", "ページを同期する理由は？"),
            ("Publish immediately", "すぐに公開する"),
        ],
    )


# (b) the JavaScript catalogues ------------------------------------------------------------------

EDITOR_STRINGS = {
    "Publish in ": "公開: ",
    "Stop Synced translation": "同期翻訳を停止",
    "Download PO file": "POファイルをダウンロード",
    "Upload PO file": "POファイルをアップロード",
    "segments translated": "件翻訳済み",
    "Not translated": "未翻訳",
    "Unpublish": "非公開にする",
    "Convert to alias page": "エイリアスページに変換",
}


def test_translation_editor_gets_its_strings_in_japanese(client, japanese_admin):
    catalogue = js_catalogue(client, reverse("wagtail_localize:javascript_catalog"))
    for english, japanese in EDITOR_STRINGS.items():
        assert catalogue.get(english) == japanese, english
    # every string of the editor's bundle, not only these
    source = polib.pofile(
        str(
            Path(apps.get_app_config("wagtail_localize").path) / "locale/en/LC_MESSAGES/djangojs.po"
        )
    )
    untranslated = [e.msgid for e in source if not JAPANESE.search(str(catalogue.get(e.msgid)))]
    assert not untranslated


def test_wagtail_admin_javascript_is_japanese(client, japanese_admin):
    catalogue = js_catalogue(client, reverse("wagtailadmin_javascript_catalog"))
    assert catalogue["Main menu"] == "メインメニュー"
    assert catalogue["Changes have been autosaved."] == "変更を自動保存しました。"
    assert catalogue["%(num)s error"] == ["%(num)s件のエラー"]


# (c) the catalogues themselves ------------------------------------------------------------------

PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sd]|\{\w*\}")
TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_catalogue_is_clean_and_keeps_placeholders_and_tags(domain):
    po = polib.pofile(str(CATALOGUES / f"{domain}.po"))
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert len(po) > (1000 if domain == "django" else 60)
    assert not po.fuzzy_entries()
    assert not po.untranslated_entries()
    assert not po.obsolete_entries()
    for entry in po:
        if entry.msgid_plural:
            assert list(entry.msgstr_plural) == [0], entry.msgid
            msgstr = entry.msgstr_plural[0]
            sources = [entry.msgid_plural, entry.msgid]
        else:
            msgstr, sources = entry.msgstr, [entry.msgid]
        assert msgstr.strip(), entry.msgid
        # the same placeholders and tags as the msgid (a plural: as its plural or singular form)
        assert any(
            sorted(PLACEHOLDER.findall(msgstr)) == sorted(PLACEHOLDER.findall(source))
            for source in sources
        ), entry.msgid
        assert any(
            sorted(TAG.findall(msgstr)) == sorted(TAG.findall(source)) for source in sources
        ), entry.msgid
        # Japanese, not English copied over (what remains without placeholders has no words)
        rest = PLACEHOLDER.sub("", msgstr)
        assert JAPANESE.search(msgstr) or not re.search(r"[A-Za-z]{3,}", rest), entry.msgid


def test_every_admin_string_of_the_installed_upstream_apps_has_japanese():
    """The apps' English catalogues list their msgids; each has a Japanese translation in the
    catalogue Django merges (apps, then LOCALE_PATHS)."""
    catalogue = trans_real.DjangoTranslation("ja")._catalog
    not_installed = {"Wagtail API v2", "Wagtail API v3"}  # wagtail.api's app names
    missing = []
    for config in apps.get_app_configs():
        if config.name.split(".")[0] not in ("wagtail", "wagtail_localize"):
            continue
        english = Path(config.path) / "locale/en/LC_MESSAGES/django.po"
        if not english.exists():
            continue
        for entry in polib.pofile(str(english)):
            key = (f"{entry.msgctxt}\x04" if entry.msgctxt else "") + entry.msgid
            found = catalogue.get((key, 0)) if entry.msgid_plural else catalogue.get(key)
            if not found and entry.msgid not in not_installed:
                missing.append((config.name, entry.msgid))
    assert not missing


def test_the_admin_catalogue_changes_no_string_that_other_apps_translate():
    """LOCALE_PATHS outranks every app's catalogue, and a msgid is one string for the whole
    site: locale_admin must not retranslate what the project's apps, allauth or Django already
    translate (their public and admin screens would change)."""
    import django

    ours = {
        (f"{e.msgctxt}\x04" if e.msgctxt else "") + e.msgid: e
        for e in polib.pofile(str(CATALOGUES / "django.po"))
    }
    others = [("django", Path(django.__file__).parent / "conf" / "locale")] + [
        (config.name, Path(config.path) / "locale")
        for config in apps.get_app_configs()
        if config.name.split(".")[0] not in ("wagtail", "wagtail_localize")
    ]
    changed = []
    for name, locale_dir in others:
        po, mo = (locale_dir / "ja/LC_MESSAGES/django.po", locale_dir / "ja/LC_MESSAGES/django.mo")
        catalogue = (
            polib.pofile(str(po)) if po.exists() else polib.mofile(str(mo)) if mo.exists() else []
        )
        for entry in catalogue:
            key = (f"{entry.msgctxt}\x04" if entry.msgctxt else "") + entry.msgid
            theirs = entry.msgstr_plural.get(0) if entry.msgid_plural else entry.msgstr
            if key in ours and theirs and not entry.fuzzy:
                mine = (
                    ours[key].msgstr_plural.get(0) if ours[key].msgid_plural else ours[key].msgstr
                )
                if mine != theirs:
                    changed.append((name, entry.msgid, theirs, mine))
    assert not changed


def test_menus_first_built_in_english_still_read_japanese(client, japanese_admin):
    """Wagtail builds its menu items once per process, in the language of the first request;
    the wagtail-localize report's label and the check-in page's address (under the language
    prefix) are worked out again for each reader."""
    from wagtail.admin.menu import admin_menu

    from reports.wagtail_hooks import reports_menu

    for menu in (admin_menu, reports_menu):
        menu.__dict__.pop("registered_menu_items", None)
    with override("en"):
        for menu in (admin_menu, reports_menu):
            assert menu.registered_menu_items
    body = page(client, reverse("wagtailadmin_home"))
    labels = sidebar_labels(body)
    assert "翻訳" in labels.values()
    assert "Translations" not in labels.values()
    assert "/ja/members/checkin/" in body
    assert "/en/members/checkin/" not in body
