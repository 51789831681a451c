"""One reporting layer: the figures that cross apps live in reports/, and no other app imports
it (dependencies point one way: reports reads the apps, never the reverse)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ["home", "members", "passes", "consultations", "campaigns", "content", "config"]
IMPORT = re.compile(r"^\s*(from reports[\s.]|import reports\b)", re.M)


def test_no_app_imports_reports():
    offenders = [
        str(path.relative_to(ROOT))
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if IMPORT.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_entry_pass_figures_moved_into_reports():
    assert not (ROOT / "passes" / "analytics.py").exists()
    assert (ROOT / "reports" / "entry_pass.py").exists()
    source = (ROOT / "reports" / "entry_pass.py").read_text(encoding="utf-8")
    assert "def effect(" in source
