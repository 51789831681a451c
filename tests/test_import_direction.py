"""Dependencies between the project's apps point one way (issue 17):

    config -> {reports, content} -> campaigns -> {passes, consultations} -> members -> home -> core

An app may use itself and any app to its right, never one to its left. Apps on the same step
do not use each other: passes and consultations are independent desks, and reports and
content are two separate ends of the site (the figures, the hand-over) that neither needs;
reaching across would join them for no rule. core uses no app at all.

"Uses" is read from the source, without importing it, so a wrong direction hidden in a
function, or written as a string, counts as much as a top-level import:
- `import app...` and `from app... import ...` (relative ones too), at any depth;
- `apps.get_model("app", "Model")` and `apps.get_model("app.Model")`;
- any other string "app.Model" in code: ForeignKey / ParentalKey / ManyToManyField targets,
  `parent_page_types` / `subpage_types`, choosers (`page_type="app.Model"`).
Migrations (a frozen history) and tests are not read."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Each step lists the apps on it; an app may depend on apps of later steps only.
LAYERS = (
    ("config",),
    ("reports", "content"),
    ("campaigns",),
    ("passes", "consultations"),
    ("members",),
    ("home",),
    ("core",),
)
STEP = {app: index for index, layer in enumerate(LAYERS) for app in layer}
DIRECTION = " -> ".join(
    "{" + ", ".join(layer) + "}" if len(layer) > 1 else layer[0] for layer in LAYERS
)


def allowed(source_app, target_app):
    return source_app == target_app or STEP[source_app] < STEP[target_app]


def model_reference_app(text):
    """The app of a string "app.Model" (Model in CapWords), else None."""
    app, dot, model = text.partition(".")
    if (
        dot
        and app in STEP
        and model.isidentifier()
        and model[:1].isupper()
        and not model[1:].isdigit()  # a system check's id, "config.W001"
    ):
        return app
    return None


def _docstring_nodes(tree):
    """The docstrings of a module, its classes and functions (prose, not references)."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                yield body[0].value


def dependencies(source, module_name):
    """(line, app, how) for every use of a project app in the source of `module_name`."""
    tree = ast.parse(source)
    package_parts = module_name.split(".")
    found = []
    get_model_strings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if top in STEP:
                    found.append((node.lineno, top, f"import {alias.name}"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                # `from . import x` in a.b.c is a.b; each extra dot climbs one more package.
                base = package_parts[: len(package_parts) - node.level]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            top = target.split(".")[0]
            if top in STEP:
                found.append((node.lineno, top, f"from {'.' * node.level}{node.module or ''}"))
        elif isinstance(node, ast.Call):
            function = node.func
            name = (
                function.attr
                if isinstance(function, ast.Attribute)
                else getattr(function, "id", "")
            )
            if name == "get_model" and node.args and isinstance(node.args[0], ast.Constant):
                first = node.args[0]
                if isinstance(first.value, str):
                    app = first.value.split(".")[0]
                    if app in STEP:
                        found.append((node.lineno, app, f"get_model({first.value!r})"))
                        get_model_strings.add(id(first))
    docstrings = {id(node) for node in _docstring_nodes(tree)}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and id(node) not in get_model_strings
        ):
            app = model_reference_app(node.value)
            if app:
                found.append((node.lineno, app, f"model reference {node.value!r}"))
    return found


def project_modules():
    for app in STEP:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if "migrations" in relative.parts or "tests" in relative.parts:
                continue
            module = ".".join(relative.with_suffix("").parts)
            if module.endswith(".__init__"):
                module = module.removesuffix(".__init__")
            yield path, module


def violations_in(source, module_name, shown_path):
    source_app = module_name.split(".")[0]
    return [
        f"{shown_path}:{line}: {source_app} -> {target} ({how})"
        for line, target, how in sorted(dependencies(source, module_name))
        if not allowed(source_app, target)
    ]


def all_violations():
    found = []
    for path, module in project_modules():
        found += violations_in(path.read_text(encoding="utf-8"), module, path.relative_to(ROOT))
    return found


def test_no_import_runs_against_the_direction():
    found = all_violations()
    assert not found, (
        f"{len(found)} use(s) against the direction {DIRECTION} "
        "(an app may use only apps to its right; passes/consultations and reports/content "
        "not each other; core no app):\n" + "\n".join(found)
    )


# The checker itself: each kind of use against the direction is found, with its line, and
# the allowed ones are not.
@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("home.models", "from campaigns.models import CampaignPage\n", ["home -> campaigns"]),
        (
            "members.views",
            "def f():\n    import consultations.services\n",
            ["members -> consultations"],
        ),
        ("passes.models", "from consultations import services\n", ["passes -> consultations"]),
        ("consultations.views", "from passes.models import Pass\n", ["consultations -> passes"]),
        ("core.qr", "from home.models import HomePage\n", ["core -> home"]),
        ("reports.figures", "from content.models import GlossaryTerm\n", ["reports -> content"]),
        ("content.data_export", "import reports.figures\n", ["content -> reports"]),
        ("campaigns.x", "def f():\n    from config import urls\n", ["campaigns -> config"]),
        (
            "members.services",
            "def f(apps):\n    return apps.get_model('passes', 'Pass')\n",
            ["members -> passes"],
        ),
        (
            "passes.analytics",
            "from django.apps import apps\nM = apps.get_model('members.User')\n",
            [],
        ),
        (
            "passes.analytics",
            "from django.apps import apps\nM = apps.get_model('consultations.Thread')\n",
            ["passes -> consultations"],
        ),
        (
            "home.models",
            "from django.db import models\n"
            "class NewsPage:\n"
            "    link = models.ForeignKey('campaigns.TrackingLink', on_delete=None)\n",
            ["home -> campaigns"],
        ),
        (
            "home.models",
            "class HomePage:\n    subpage_types = ['campaigns.CampaignIndexPage']\n",
            ["home -> campaigns"],
        ),
        # Allowed: downward, itself, relative imports inside the app, prose and non-models.
        ("campaigns.models", "from passes.models import Offer\nfrom members import services\n", []),
        ("config.urls", "import reports.views\nfrom home import views\n", []),
        ("home.blocks", "from . import models\nfrom .models import HomePage\n", []),
        (
            "core.x",
            '"""See home.HomePage and campaigns.CampaignPage."""\nX = "campaigns.html"\n',
            [],
        ),
        ("members.x", "from core.japan_time import today\nfrom home.models import HomePage\n", []),
        ("home.checks", 'Warning("...", id="config.W001")\n', []),
    ],
)
def test_the_checker_finds_each_use_against_the_direction(module, source, expected):
    found = violations_in(source, module, module.replace(".", "/") + ".py")
    assert [line.split(": ", 1)[1].split(" (")[0] for line in found] == expected, found


def test_a_violation_names_the_file_line_and_direction():
    source = "import json\n\n\ndef running():\n    from campaigns.models import CampaignPage\n"
    assert violations_in(source, "home.models", "home/models.py") == [
        "home/models.py:5: home -> campaigns (from campaigns.models)"
    ]


def test_a_relative_import_that_climbs_out_of_the_app_counts():
    # `from .. import x` in home/models/base.py is the package `home`: allowed; one level
    # more would leave the project, never an app.
    assert violations_in("from .. import blocks\n", "home.models.base", "home/models/base.py") == []
    assert violations_in("from . import x\n", "core.sub.mod", "core/sub/mod.py") == []
