"""Which admin strings of Wagtail and wagtail-localize a Japanese user would still see in English.

Run after upgrading Wagtail or wagtail-localize:

    .venv/bin/python scripts/admin_catalogue/missing.py

For each installed upstream package it takes the msgids of its source (django domain: extracted
with `makemessages` from a temporary copy of the package, because the packages' English .po files
can lag behind their code; djangojs domain: the package's English djangojs.po, as the JavaScript
sources are not shipped) and looks each one up in the Japanese catalogue exactly as Django merges
it (the apps' own catalogues, then LOCALE_PATHS: locale/ and locale_admin/). It prints the msgids
without a Japanese translation, by package, and exits with 1 if there are any. Translate them in
locale_admin/ja/LC_MESSAGES/django.po or djangojs.po (keep placeholders; no fuzzy entries).
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

import polib  # noqa: E402
from django.apps import apps  # noqa: E402
from django.utils.translation import trans_real  # noqa: E402

# Upstream packages whose strings reach the admin. wagtail_localize's own catalogue also holds
# the strings of its subpackages without a locale directory.
PACKAGES = ("wagtail", "wagtail_localize")
# msgids that only Wagtail's own test apps and apps this site does not install use.
IGNORED = {
    "Wagtail API v2",
    "Wagtail API v3",
    "Wagtail routable page tests",
    "Wagtail snippets tests",
    "Wagtail tests",
    "A lazy business child page description",
    "test edit view",
    "test delete view",
}


def installed_locale_dirs():
    """Locale directories of the installed apps that come from the upstream packages."""
    dirs = []
    for config in apps.get_app_configs():
        if config.name.split(".")[0] in PACKAGES and (Path(config.path) / "locale").is_dir():
            dirs.append((config.name, Path(config.path)))
    return dirs


def extracted_django_msgids(app_dirs, workdir):
    """{app name: [POEntry]} from makemessages run on a copy of each package."""
    result = {}
    for package in PACKAGES:
        source = Path(sys.modules[package].__file__).parent
        copy = workdir / package
        shutil.copytree(
            source,
            copy,
            ignore=lambda d, names: [n for n in names if n in {"tests", "test", "__pycache__"}],
        )
        for locale_dir in copy.rglob("locale"):
            if locale_dir.is_dir():
                shutil.rmtree(locale_dir)
                locale_dir.mkdir()
        subprocess.run(
            [sys.executable, "-m", "django", "makemessages", "-l", "ja", "--no-location", "-v0"],
            cwd=copy,
            check=True,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": ""},
        )
    for name, path in app_dirs:
        package = name.split(".")[0]
        relative = path.relative_to(Path(sys.modules[package].__file__).parent)
        po = workdir / package / relative / "locale" / "ja" / "LC_MESSAGES" / "django.po"
        if po.exists():
            result[name] = list(polib.pofile(str(po)))
    return result


def english_djangojs_msgids(app_dirs):
    result = {}
    for name, path in app_dirs:
        po = path / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"
        if po.exists():
            result[name] = list(polib.pofile(str(po)))
    return result


def untranslated(entries_by_app, domain):
    catalog = trans_real.DjangoTranslation("ja", domain=domain)._catalog
    missing, seen = {}, set()
    for app, entries in entries_by_app.items():
        for entry in entries:
            key = (f"{entry.msgctxt}\x04" if entry.msgctxt else "") + entry.msgid
            if key in seen or entry.msgid in IGNORED:
                continue
            seen.add(key)
            found = catalog.get((key, 0)) if entry.msgid_plural else catalog.get(key)
            if not found:
                missing.setdefault(app, []).append(entry.msgid)
    return missing, len(seen)


def main():
    app_dirs = installed_locale_dirs()
    with tempfile.TemporaryDirectory() as tmp:
        django_entries = extracted_django_msgids(app_dirs, Path(tmp))
    total_missing = 0
    for domain, entries in (
        ("django", django_entries),
        ("djangojs", english_djangojs_msgids(app_dirs)),
    ):
        missing, count = untranslated(entries, domain)
        print(f"{domain}: {count} msgids, {sum(map(len, missing.values()))} without Japanese")
        for app, msgids in missing.items():
            print(f"  {app}")
            for msgid in msgids:
                print(f"    {msgid!r}")
        total_missing += sum(map(len, missing.values()))
    return 1 if total_missing else 0


if __name__ == "__main__":
    sys.exit(main())
