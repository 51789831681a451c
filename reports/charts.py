"""Charts of the results report, drawn on the server with matplotlib: one SVG for the admin
preview and the PDF (its text stays text, so it can be searched and read back), a PNG for Word,
which takes raster images only.

A chart block of the report snapshot:
``{"type": "chart", "id", "chart": "bar|barh|line|stacked", "title", "description",
"categories", "series": [{"name", "values"}], "unit", "note"}``.
"""

import hashlib
import io
import json
import logging
import math
import os
import re
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.core.cache import cache

# matplotlib writes its font cache to MPLCONFIGDIR when it is first imported; the default
# (~/.config/matplotlib) is not writable for the web server's user.
if "MPLCONFIGDIR" not in os.environ:
    _config_dir = Path(getattr(settings, "VAR_DIR", Path(settings.BASE_DIR) / "var")) / "matplotlib"
    _config_dir.mkdir(parents=True, exist_ok=True)
    os.environ["MPLCONFIGDIR"] = str(_config_dir)

import matplotlib  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.backends.backend_svg import FigureCanvasSVG  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

# The family list below names fonts that are not all installed; matplotlib logs each miss.
logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)

FONT_FAMILY = ["Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK KR", "sans-serif"]

# Okabe-Ito hues, darkened where needed: each has at least 3:1 contrast against white
# (WCAG 1.4.11, non-text contrast) and they stay apart for the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#C85200", "#007A5E", "#AA3377", "#5F4B8B", "#7A6300"]
TEXT_COLOUR = "#333333"
GRID_COLOUR = "#DDDDDD"

# Value labels on bars only while they do not crowd each other.
MAX_LABELLED_BARS = 12
FIGURE_WIDTH = 7.0  # inches; the SVG scales to its container

STYLE = {
    "svg.fonttype": "none",
    "font.family": FONT_FAMILY,
    # What "sans-serif" expands to in the SVG's font-family lists (matplotlib's own is long).
    "font.sans-serif": ["Noto Sans CJK JP", "DejaVu Sans"],
    "font.size": 10,
    "text.color": TEXT_COLOUR,
    "axes.labelcolor": TEXT_COLOUR,
    "axes.edgecolor": "#888888",
    "axes.titlesize": 11,
    "xtick.color": TEXT_COLOUR,
    "ytick.color": TEXT_COLOUR,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.axisbelow": True,
    "legend.frameon": False,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
}


def _number(value):
    """1234 → "1,234", 12.5 → "12.5": thousands separators, no needless decimals."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if float(value).is_integer():
        return f"{int(round(value)):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _values(series):
    """Series values as floats, None (no figure) as NaN: matplotlib draws nothing there."""
    return [math.nan if v is None else float(v) for v in series["values"]]


def _figure(block):
    categories = [str(c) for c in block.get("categories", [])]
    series = block.get("series", [])
    kind = block.get("chart", "bar")
    if kind == "barh":
        height = max(2.6, 0.9 + 0.32 * len(categories) * max(1, len(series)))
    else:
        height = 3.6
    # Margins are worked out from the labels rather than by matplotlib's constrained layout,
    # which measures every text twice and took half of each chart's drawing time.
    fig = Figure(figsize=(FIGURE_WIDTH, height))
    ax = fig.add_subplot()
    positions = list(range(len(categories)))
    all_values = [v for s in series for v in _values(s) if not math.isnan(v)]
    integers = all(float(v).is_integer() for v in all_values)
    label_bars = kind in ("bar", "barh") and len(categories) * len(series) <= MAX_LABELLED_BARS

    if kind in ("bar", "barh"):
        count = max(1, len(series))
        width = 0.8 / count
        for index, item in enumerate(series):
            offset = (index - (count - 1) / 2) * width
            shown = [
                (p + offset, v)
                for p, v in zip(positions, _values(item), strict=False)
                if not math.isnan(v)
            ]
            if not shown:
                continue
            where, heights = zip(*shown, strict=False)
            colour = PALETTE[index % len(PALETTE)]
            if kind == "bar":
                bars = ax.bar(where, heights, width * 0.92, label=item["name"], color=colour)
            else:
                bars = ax.barh(where, heights, width * 0.92, label=item["name"], color=colour)
            if label_bars:
                ax.bar_label(bars, labels=[_number(v) for v in heights], padding=2, fontsize=8)
    elif kind == "stacked":
        bottoms = [0.0] * len(categories)
        for index, item in enumerate(series):
            shown = [
                (p, v) for p, v in zip(positions, _values(item), strict=False) if not math.isnan(v)
            ]
            if not shown:
                continue
            where, heights = zip(*shown, strict=False)
            ax.bar(
                where,
                heights,
                0.6,
                bottom=[bottoms[p] for p in where],
                label=item["name"],
                color=PALETTE[index % len(PALETTE)],
                edgecolor="white",
                linewidth=0.6,
            )
            for p, v in shown:
                bottoms[p] += v
        all_values = bottoms or all_values
    elif kind == "line":
        for index, item in enumerate(series):
            ax.plot(
                positions,
                _values(item),
                label=item["name"],
                color=PALETTE[index % len(PALETTE)],
                marker="o",
                markersize=4,
                linewidth=2,
            )
    else:
        raise ValueError(f"unknown chart type {kind!r}")

    value_axis = ax.xaxis if kind == "barh" else ax.yaxis
    category_axis = ax.yaxis if kind == "barh" else ax.xaxis
    category_axis.set_ticks(positions, categories)
    value_axis.set_major_formatter(FuncFormatter(lambda v, _pos: _number(v)))
    value_axis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10], integer=integers))
    # The value axis starts at zero: bars that start elsewhere overstate differences.
    lowest = min([0.0, *all_values])
    highest = max([0.0, *all_values])
    headroom = (highest - lowest) * (0.12 if label_bars else 0.05) or 1
    if kind == "barh":
        ax.set_xlim(lowest, highest + headroom)
        ax.invert_yaxis()  # the first category on top, as read
        ax.grid(axis="x", color=GRID_COLOUR, linewidth=0.8)
        ax.spines["left"].set_visible(True)
        ax.tick_params(axis="y", length=0)
        if block.get("unit"):
            ax.set_xlabel(block["unit"])
    else:
        ax.set_ylim(lowest, highest + headroom)
        ax.grid(axis="y", color=GRID_COLOUR, linewidth=0.8)
        ax.tick_params(axis="x", length=0)
        if block.get("unit"):
            # Above the axis, read horizontally (a rotated "件" is hard to read).
            ax.set_title(f"({block['unit']})", loc="left", fontsize=9, pad=6)
        if len(categories) > 8 or max((len(c) for c in categories), default=0) > 8:
            for label in ax.get_xticklabels():  # the margin below is made for them
                label.set_rotation(30)
                label.set_horizontalalignment("right")
    rotated = kind != "barh" and (
        len(categories) > 8 or max((len(c) for c in categories), default=0) > 8
    )
    top = (
        0.25
        + (0.35 if len(series) > 1 else 0)
        + (0.3 if block.get("unit") and kind != "barh" else 0)
    )
    if kind == "barh":
        left = min(3.4, 0.35 + max((_text_width(c) for c in categories), default=1) * 0.14)
        bottom = 0.45 + (0.25 if block.get("unit") else 0)
    else:
        longest = max((_text_width(_number(v)) for v in [highest, lowest]), default=1)
        left = 0.3 + longest * 0.09
        widest = max((_text_width(c) for c in categories), default=1)
        bottom = 0.35 + (min(1.6, widest * 0.1) if rotated else 0.1)
    fig.subplots_adjust(
        left=left / FIGURE_WIDTH,
        right=1 - 0.25 / FIGURE_WIDTH,
        top=1 - top / height,
        bottom=bottom / height,
    )
    if len(series) > 1:
        fig.legend(
            loc="upper center",
            bbox_to_anchor=(0.5, 1 - 0.05 / height),
            ncols=min(len(series), 4),
        )
    return fig


def _text_width(text):
    """A label's width in full-width characters (a Latin letter or digit is about half)."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.55 for ch in str(text))


_ID = re.compile(r'\bid="([^"]+)"')


def _prefix_ids(svg, prefix):
    """Prefix every id and every reference to it, so that several charts on one page (the
    report, the dashboard) share no id: matplotlib names its clip paths and markers itself."""
    ids = set(_ID.findall(svg))
    svg = _ID.sub(lambda m: f'id="{prefix}{m[1]}"', svg)

    def reference(match):
        name = match[2]
        return f"{match[1]}{prefix}{name}{match[3]}" if name in ids else match[0]

    svg = re.sub(r"(url\(#)([^)]+)(\))", reference, svg)
    return re.sub(r'((?:xlink:)?href="#)([^"]+)(")', reference, svg)


_STYLE_ATTRIBUTE = re.compile(r'\sstyle="([^"]*)"')


def _presentation_attributes(svg):
    """matplotlib styles each element with style="fill: …" and one global <style>*{…}</style>.
    Inside an HTML page that <style> would apply to the whole document, and WeasyPrint checks
    style attributes as HTML CSS (a warning for every fill and stroke): SVG presentation
    attributes mean the same and are left alone."""
    svg = re.sub(r"<defs>\s*<style[^>]*>.*?</style>\s*</defs>\s*", "", svg, count=1, flags=re.S)

    def attributes(match):
        pairs = []
        for declaration in match[1].split(";"):
            name, _colon, value = declaration.partition(":")
            if name.strip() and value.strip():
                pairs.append(f' {name.strip()}="{value.strip()}"')
        return "".join(pairs)

    return _STYLE_ATTRIBUTE.sub(attributes, svg)


# Bump when the drawing changes: cached charts of the old look are then not used.
CHART_VERSION = 2
CACHE_SECONDS = 7 * 24 * 3600


def chart_svg(block, prefix=""):
    """The chart as inline SVG markup: it scales to its container (width 100%, viewBox kept),
    is announced as one image named by its <title> and described by its <desc>.

    Drawing takes matplotlib about a tenth of a second, and the dashboard has some twenty
    charts whose figures rarely all change between two views: a chart is cached under a hash
    of everything it is drawn from, so a changed figure is a different key (never stale)."""
    key = _cache_key(block, prefix)
    svg = cache.get(key)
    if svg is None:
        svg = _draw_svg(block, prefix)
        cache.set(key, svg, CACHE_SECONDS)
    return svg


def _cache_key(block, prefix):
    source = json.dumps(
        [CHART_VERSION, settings.REPORTS_PDF_FONT, prefix, block], sort_keys=True, default=str
    )
    return f"reports:chart:{hashlib.sha256(source.encode()).hexdigest()}"


def _draw_svg(block, prefix):
    base = f"{prefix}{block['id']}"
    with matplotlib.rc_context({**STYLE, "svg.hashsalt": base}):
        fig = _figure(block)
        buffer = io.StringIO()
        FigureCanvasSVG(fig).print_svg(buffer, metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]  # no XML prolog or DOCTYPE inside HTML
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, count=1, flags=re.S)
    svg = _presentation_attributes(svg)
    svg = _prefix_ids(svg, f"{base}-")
    title_id, desc_id = f"{base}-title", f"{base}-desc"
    root_end = svg.index(">") + 1
    root = svg[:root_end]
    root = re.sub(r'\s(width|height)="[^"]*"', "", root, count=2)
    root = root.replace(
        "<svg",
        f'<svg width="100%" role="img" aria-labelledby="{title_id} {desc_id}"'
        ' preserveAspectRatio="xMidYMid meet" stroke-linejoin="round" stroke-linecap="butt"',
        1,
    )
    accessible = (
        f"<title id={quoteattr(title_id)}>{escape(block.get('title', ''))}</title>"
        f"<desc id={quoteattr(desc_id)}>{escape(block.get('description', ''))}</desc>"
    )
    return root + accessible + svg[root_end:]


def chart_png(block, dpi=200):
    """The chart as PNG bytes (for Word documents)."""
    with matplotlib.rc_context(STYLE):
        fig = _figure(block)
        buffer = io.BytesIO()
        FigureCanvasAgg(fig)
        fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
