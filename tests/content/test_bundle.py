"""Content bundles: export, import into an empty site, update, and bad bundles."""

import json
import re
import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation

from content.exporter import SNIPPETS
from content.importer import import_bundle
from content.models import ImportRecord
from home.models import StoryPage
from home.services import translate_through_localize

pytestmark = pytest.mark.django_db


def files_of(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def wipe_content():
    """Leave the site as a fresh install would be: no pages, snippets, images or records."""
    from django.apps import apps

    for label in reversed(SNIPPETS):
        apps.get_model(label).objects.all().delete()
    root = Page.get_first_root_node()
    Site.objects.update(root_page=root)
    for page in Page.objects.filter(depth=2):
        page.delete()
    get_image_model().objects.all().delete()
    ImportRecord.objects.all().delete()
    assert Page.objects.count() == 1


_MEDIA = re.compile(r"/media/[^\"' )]+")
# What differs between two renderings of the same content: signed per-request tokens (CSRF,
# the forms' time trap) and publication times (a new install publishes its pages anew).
_CSRF = re.compile(r'name="(csrfmiddlewaretoken|form_started)" value="[^"]+"')
_TIMES = re.compile(r'"(datePublished|dateModified)": "[^"]+"')


def rendered(paths):
    client = Client()
    pages = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        html = _MEDIA.sub("/media/…", response.content.decode())
        pages[path] = _TIMES.sub("", _CSRF.sub("", html))
    return pages


def live_urls():
    return sorted(page.get_url() for page in Page.objects.live().public().filter(depth__gt=1))


@pytest.fixture
def exported(tmp_path):
    target = tmp_path / "bundle"
    call_command("export_content", str(target), stdout=StringIO())
    return target


def test_round_trip_through_an_empty_site(exported, tmp_path):
    urls = live_urls()
    before = rendered(urls)
    languages = {url.split("/")[1] for url in urls}
    assert {"ja", "en"} <= languages

    wipe_content()
    out = StringIO()
    call_command("import_content", str(exported), stdout=out)
    assert "to create" in out.getvalue()

    again = tmp_path / "again"
    call_command("export_content", str(again), stdout=StringIO())
    assert files_of(again) == files_of(exported)
    assert live_urls() == urls
    after = rendered(urls)
    different = [url for url in urls if after[url] != before[url]]
    assert different == []


def test_importing_the_same_bundle_again_changes_nothing(exported):
    out = StringIO()
    call_command("import_content", str(exported), stdout=out)
    assert "0 to create, 0 to change" in out.getvalue()
    revisions = {p.pk: p.latest_revision_id for p in Page.objects.all()}
    call_command("import_content", str(exported), stdout=StringIO())
    assert {p.pk: p.latest_revision_id for p in Page.objects.all()} == revisions


def test_a_zip_bundle_holds_the_same_files(exported, tmp_path):
    archive = tmp_path / "site.zip"
    call_command("export_content", str(archive), stdout=StringIO())
    wipe_content()
    import_bundle(archive)
    again = tmp_path / "again"
    call_command("export_content", str(again), stdout=StringIO())
    assert files_of(again) == files_of(exported)


def test_translations_stay_translations_of_their_source_after_import(exported):
    wipe_content()
    import_bundle(exported)
    ja, en = Locale.objects.get(language_code="ja"), Locale.objects.get(language_code="en")
    story = StoryPage.objects.filter(locale=ja).live().first()
    english = story.get_translation(en)
    assert english.title != story.title
    record = Translation.objects.get(source__object_id=story.translation_key, target_locale=en)
    assert record.source.locale == ja
    # A translator goes on in wagtail-localize: the English page follows the new string.
    strings = {s["source"]: s["text"] for s in _entry(exported, english)["strings"]}
    strings[story.title] = "A new English title"
    translate_through_localize(story, "en", strings)
    english.refresh_from_db()
    assert english.title == "A new English title"


def _entry(bundle, page):
    language = page.locale.language_code
    for path in (bundle / "pages" / language).rglob("index.json"):
        data = json.loads(path.read_text())
        if data["key"] == str(page.translation_key):
            return data
    raise AssertionError(f"{page} not in the bundle")


def test_the_bundle_holds_no_personal_data_and_no_database_ids(exported):
    text = "\n".join(p.read_text() for p in exported.rglob("*.json"))
    for email in ("member@example.jp", "visitor@example.jp", "partner@example.jp"):
        assert email not in text
    assert '"id": 1,' not in text and '"pk"' not in text
    home = json.loads((exported / "pages" / "ja" / "index.json").read_text())
    assert home["type"] == "home.homepage" and home["live"] is True
    assert "seo_title" in home["fields"] and "search_description" in home["fields"]
    manifest = json.loads((exported / "manifest.json").read_text())
    assert manifest["format"] == "tsunagaru-content/1"


def test_dry_run_lists_what_would_change_and_writes_nothing(exported):
    story = StoryPage.objects.filter(locale__language_code="ja").live().first()
    entry_file = next(
        p
        for p in (exported / "pages" / "ja").rglob("index.json")
        if json.loads(p.read_text())["key"] == str(story.translation_key)
    )
    data = json.loads(entry_file.read_text())
    data["fields"]["title"] = "書き換えたタイトル"
    entry_file.write_text(json.dumps(data, ensure_ascii=False))
    out = StringIO()
    call_command("import_content", str(exported), "--dry-run", stdout=out)
    assert f"change page:{story.translation_key}:ja" in out.getvalue()
    assert "Would import" in out.getvalue() and "1 to change" in out.getvalue()
    story.refresh_from_db()
    assert story.title != "書き換えたタイトル"
    call_command("import_content", str(exported), stdout=StringIO())
    story.refresh_from_db()
    assert story.title == "書き換えたタイトル"


def test_an_editors_change_is_not_overwritten_without_force(exported):
    call_command("import_content", str(exported), stdout=StringIO())  # the records are fresh
    story = StoryPage.objects.filter(locale__language_code="ja").live().first()
    original_title = story.title
    story.title = "編集者が直したタイトル"
    story.save_revision().publish()
    # The bundle changes the same page too.
    entry_file = next(
        p
        for p in (exported / "pages" / "ja").rglob("index.json")
        if json.loads(p.read_text())["key"] == str(story.translation_key)
    )
    data = json.loads(entry_file.read_text())
    data["fields"]["summary"] = "新しい要約"
    entry_file.write_text(json.dumps(data, ensure_ascii=False))

    with pytest.raises(CommandError) as error:
        call_command("import_content", str(exported), stdout=StringIO())
    assert f"page:{story.translation_key}:ja" in str(error.value)
    assert "--force" in str(error.value)
    story.refresh_from_db()
    assert story.title == "編集者が直したタイトル"

    import_bundle(exported, keep_changed=True)
    story.refresh_from_db()
    assert story.title == "編集者が直したタイトル"

    call_command("import_content", str(exported), "--force", stdout=StringIO())
    story.refresh_from_db()
    assert story.title == original_title and story.summary == "新しい要約"


def _break(bundle, how):
    if how == "missing file":
        image = next((bundle / "images").glob("*.webp"))
        image.unlink()
        return image.relative_to(bundle).as_posix(), "missing file"
    if how == "broken JSON":
        path = bundle / "pages" / "ja" / "index.json"
        path.write_text(path.read_text()[:-20])
        return "pages/ja/index.json", "broken JSON"
    if how == "unknown page type":
        path = next((bundle / "pages" / "ja" / "stories").rglob("index.json"))
        data = json.loads(path.read_text())
        data["type"] = "home.nosuchpage"
        path.write_text(json.dumps(data))
        return path.relative_to(bundle).as_posix(), "unknown type 'home.nosuchpage'"
    if how == "unknown block":
        path = next(
            p
            for p in sorted((bundle / "pages" / "ja").rglob("index.json"))
            if json.loads(p.read_text()).get("fields", {}).get("body")
        )
        data = json.loads(path.read_text())
        data["fields"]["body"][0]["type"] = "marquee"
        path.write_text(json.dumps(data))
        return path.relative_to(bundle).as_posix(), "unknown block 'marquee'"
    if how == "image missing":
        used = re.search(r'"image": "(images/[^"]+)"', (bundle / "pages/ja/index.json").read_text())
        index = bundle / "images" / "index.json"
        entries = [e for e in json.loads(index.read_text()) if e["file"] != used.group(1)]
        index.write_text(json.dumps(entries))
        (bundle / used.group(1)).unlink()
        return "", f"image {used.group(1)}, which is not in the bundle"
    if how == "parent missing":
        stories = bundle / "pages" / "ja" / "stories"
        (stories / "index.json").unlink()
        return "pages/ja/stories/", "parent page /ja/stories/ is not in the bundle"
    if how == "unknown format":
        path = bundle / "manifest.json"
        data = json.loads(path.read_text())
        data["format"] = "tsunagaru-content/9"
        path.write_text(json.dumps(data))
        return "manifest.json", "format 'tsunagaru-content/9' is not known"
    raise AssertionError(how)


@pytest.mark.parametrize(
    "how",
    [
        "missing file",
        "broken JSON",
        "unknown page type",
        "unknown block",
        "image missing",
        "parent missing",
        "unknown format",
    ],
)
def test_a_bad_bundle_names_the_file_and_imports_nothing(exported, tmp_path, how):
    bad = tmp_path / "bad"
    shutil.copytree(exported, bad)
    where, problem = _break(bad, how)
    wipe_content()
    with pytest.raises(CommandError) as error:
        call_command("import_content", str(bad), stdout=StringIO())
    message = str(error.value)
    assert "\n" not in message
    assert where in message and problem in message
    assert Page.objects.count() == 1
    assert get_image_model().objects.count() == 0
    assert not ImportRecord.objects.exists()
    assert Site.objects.filter(is_default_site=True).exists()


def _user_in(group):
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    user = UserFactory()
    user.groups.add(Group.objects.get(name=group))
    return user


def test_city_editors_download_the_whole_site_as_a_bundle(client, tmp_path):
    import zipfile

    client.force_login(_user_in("City editors"))
    page = client.get("/admin/hand-over/content/")
    assert page.status_code == 200
    assert "Download the content bundle" in page.content.decode() or "ダウンロード" in (
        page.content.decode()
    )
    response = client.post("/admin/hand-over/content/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    archive = tmp_path / "site.zip"
    archive.write_bytes(response.content)
    names = zipfile.ZipFile(archive).namelist()
    assert "manifest.json" in names and "pages/ja/index.json" in names
    assert any(name.startswith("pages/en/") for name in names)


@pytest.mark.parametrize(
    "group", ["Contractor editors", "Translators", "Consultation staff", "Partner staff"]
)
def test_only_city_editors_download_the_bundle(client, group):
    client.force_login(_user_in(group))
    response = client.post("/admin/hand-over/content/")
    assert response.status_code in (302, 403)
    assert response.get("Content-Type") != "application/zip"
