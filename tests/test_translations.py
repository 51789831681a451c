"""Every UI string goes through gettext, and the Japanese catalogue is complete."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parents[1]
JA_PO = BASE_DIR / "locale" / "ja" / "LC_MESSAGES" / "django.po"
IGNORED = {".venv", "var", ".git", "node_modules", "tests", "locale", ".ruff_cache"}


def japanese_catalogues():
    """The project's catalogue and the apps' own (<app>/locale/ja/...)."""
    return [JA_PO, *sorted(BASE_DIR.glob("*/locale/ja/LC_MESSAGES/django.po"))]


def test_japanese_catalogues_have_no_untranslated_or_fuzzy_entries():
    for path in japanese_catalogues():
        po = polib.pofile(str(path))
        assert po.untranslated_entries() == [], path
        assert po.fuzzy_entries() == [], path
    assert len(polib.pofile(str(JA_PO)).translated_entries()) > 50


def test_japanese_catalogue_holds_every_string_in_the_code(tmp_path):
    """Extract the strings from a copy of the code and compare with the committed catalogue."""
    copy = tmp_path / "src"
    shutil.copytree(BASE_DIR, copy, ignore=lambda d, names: [n for n in names if n in IGNORED])
    (copy / "locale" / "ja" / "LC_MESSAGES").mkdir(parents=True)
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ja", "--no-location", "-v0"],
        cwd=copy,
        capture_output=True,
        text=True,
        env={
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "PATH": "/usr/bin:/bin",
            "DJANGO_ENV_FILE": "/nonexistent",
        },
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    extracted = {
        e.msgid for e in polib.pofile(str(copy / "locale/ja/LC_MESSAGES/django.po")) if e.msgid
    }
    committed = {e.msgid for po in japanese_catalogues() for e in polib.pofile(str(po)) if e.msgid}
    assert len(extracted) > 50
    missing = extracted - committed
    assert not missing, f"run `make makemessages` and translate: {sorted(missing)}"


OTHER_LANGUAGES = ("zh_Hans", "zh_Hant", "ko")


def test_chinese_and_korean_catalogues_translate_every_string_of_their_japanese_one():
    """A Chinese or Korean catalogue holds every msgid of the Japanese catalogue beside it,
    translated and not fuzzy: a missing one would show Japanese (the fallback language)
    in the middle of a Chinese or Korean page."""
    written = 0
    for japanese in japanese_catalogues():
        source = {(e.msgctxt, e.msgid) for e in polib.pofile(str(japanese)) if e.msgid}
        for language in OTHER_LANGUAGES:
            path = japanese.parents[2] / language / "LC_MESSAGES" / "django.po"
            assert path.exists(), f"{path} is missing: every Japanese catalogue has siblings"
            written += 1
            po = polib.pofile(str(path))
            assert po.untranslated_entries() == [], path
            assert po.fuzzy_entries() == [], path
            assert source - {(e.msgctxt, e.msgid) for e in po if e.msgid} == set(), path
    assert written >= 1
