"""Machine translation is off unless DEEPL_API_KEY is set; then wagtail-localize's DeepL
translator is configured from it (the settings read in a fresh process)."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from config.settings.base import machine_translator_setting

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "import django; django.setup();"
    "from django.conf import settings;"
    "from wagtail_localize.machine_translators import get_machine_translator;"
    "translator = get_machine_translator();"
    "print(type(translator).__name__ if translator else None);"
    "print((settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR or {}).get('OPTIONS'))"
)


def settings_in_a_fresh_process(**variables):
    environment = {key: value for key, value in os.environ.items() if key not in {"DEEPL_API_KEY"}}
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DJANGO_ENV_FILE=str(ROOT / "var" / "no-such-env-file"),
        **variables,
    )
    result = subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().splitlines()


def test_there_is_no_machine_translation_by_default():
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None or os.environ.get("DEEPL_API_KEY")
    assert machine_translator_setting("") is None
    assert settings_in_a_fresh_process() == ["None", "None"]


def test_a_deepl_key_switches_deepl_on():
    assert machine_translator_setting("secret:fx") == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "secret:fx"},
    }
    assert settings_in_a_fresh_process(DEEPL_API_KEY="secret:fx") == [
        "DeepLTranslator",
        "{'AUTH_KEY': 'secret:fx'}",
    ]
