"""System checks for the results report's PDF: the Japanese font it names must be installed
(without it every Japanese glyph is a box), and HarfBuzz's subsetter should be (without it
WeasyPrint subsets fonts with fontTools, about twenty times slower)."""

import ctypes.util
import functools
import re
import shutil
import subprocess

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.utils.translation import gettext as _

DEFAULT_FONT = "Noto Sans CJK JP"


def report_font():
    return getattr(settings, "REPORTS_PDF_FONT", DEFAULT_FONT)


@functools.cache
def font_installed(family):
    """True when fontconfig knows the family, None when fontconfig's fc-list is missing.
    Cached: checks run on every management command."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    # In a fontconfig pattern, \ - : , = are syntax.
    escaped = re.sub(r"([\\\-:,=])", r"\\\1", family)
    result = subprocess.run(  # noqa: S603 (fixed program, no shell)
        [fc_list, f":family={escaped}", "family"],
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    names = {
        name.strip().casefold() for line in result.stdout.splitlines() for name in line.split(",")
    }
    return family.casefold() in names


@functools.cache
def harfbuzz_subset_found():
    return ctypes.util.find_library("harfbuzz-subset") is not None


def clear_cache():
    font_installed.cache_clear()
    harfbuzz_subset_found.cache_clear()


def check_report_fonts(app_configs=None, **kwargs):
    messages = []
    family = report_font()
    installed = font_installed(family)
    if installed is None:
        messages.append(
            Error(
                _("fontconfig (fc-list) is not installed: the report's font cannot be found."),
                hint=_("Install the Debian packages fontconfig and fonts-noto-cjk."),
                id="reports.E001",
            )
        )
    elif not installed:
        messages.append(
            Error(
                _("The font of the results report, %(font)s, is not installed.") % {"font": family},
                hint=_(
                    "Install the Debian package fonts-noto-cjk (or set REPORTS_PDF_FONT to an "
                    "installed Japanese font)."
                ),
                id="reports.E001",
            )
        )
    if not harfbuzz_subset_found():
        messages.append(
            Warning(
                _("libharfbuzz-subset is not installed: PDF reports are rendered much slower."),
                hint=_("Install the Debian package libharfbuzz-subset0."),
                id="reports.W001",
            )
        )
    return messages


def register_checks():
    register(check_report_fonts)
