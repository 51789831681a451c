"""``{% report_block block prefix %}``: one table or chart of a results-report snapshot, the same
markup in the admin preview and in the PDF."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from reports.charts import chart_svg

register = template.Library()

NO_FIGURE = "—"


def format_cell(value):
    """A table cell as shown: thousands separators, None as a dash, text (such as "<5", a
    figure too small to publish) as it is."""
    if value is None:
        return NO_FIGURE
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if value.is_integer():
            return f"{int(value):,}"
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def is_figure(value):
    """Right-aligned: numbers, missing figures and suppressed ones ("<5")."""
    if isinstance(value, str):
        return value.startswith("<")
    return value is None or isinstance(value, (int, float))


def _cells(row):
    return [{"text": format_cell(value), "numeric": is_figure(value)} for value in row]


def chart_rows(block):
    """The figures of a chart as table rows: the category, then one value per series."""
    series = block.get("series", [])
    return [
        [category, *(item["values"][index] for item in series)]
        for index, category in enumerate(block.get("categories", []))
    ]


@register.simple_tag(takes_context=True)
def report_block(context, block, prefix=""):
    """Render one block; in the PDF (``for_pdf`` in the context) the figures of a chart are
    printed under it, on screen they sit in a <details>."""
    data = {"block": block, "prefix": prefix, "for_pdf": context.get("for_pdf", False)}
    if block["type"] == "chart":
        data["svg"] = mark_safe(chart_svg(block, prefix))  # noqa: S308 (our own SVG, text escaped)
        data["columns"] = [None, *(item["name"] for item in block.get("series", []))]
        rows = chart_rows(block)
    elif block["type"] == "table":
        data["columns"] = block.get("columns", [])
        rows = block.get("rows", [])
    else:
        return ""
    data["rows"] = [_cells(row) for row in rows]
    return render_to_string("reports/includes/block.html", data)
