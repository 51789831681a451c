"""The results report's renderers, read back the way its readers get it: the PDF through
poppler (text, fonts, page size), the XLSX and DOCX through openpyxl and python-docx, the chart
SVG as markup a screen reader gets."""

import csv
import io
import re
import subprocess
import zipfile
import zlib
from xml.etree import ElementTree

import pytest
from django.core.checks import Error
from django.test import override_settings
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from reports import checks
from reports.charts import PALETTE, chart_svg
from reports.render import render_data_zip, render_docx, render_html, render_pdf, sheet_names
from tests.reports.snapshots import (
    CONSULTATIONS_TOTAL,
    PHOTO_FILE,
    english_snapshot,
    japanese_snapshot,
    write_photo,
)

SVG = "{http://www.w3.org/2000/svg}"


def charts(snapshot):
    return [b for s in snapshot["sections"] for b in s["blocks"] if b["type"] == "chart"]


def blocks(snapshot):
    return [b for s in snapshot["sections"] for b in s["blocks"]]


@pytest.fixture(scope="module")
def media_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("media")
    write_photo(root)
    with override_settings(MEDIA_ROOT=str(root)):
        yield root


@pytest.fixture(scope="module")
def pdf_path(media_root, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(render_pdf(japanese_snapshot()))
    return path


def poppler(tool, path, *options):
    output = ["-"] if tool == "pdftotext" else []  # pdftotext writes to a file by default
    return subprocess.run(
        [tool, *options, str(path), *output], capture_output=True, text=True, check=True, timeout=60
    ).stdout


def pdf_objects(data):
    """The PDF's objects as bytes, object streams inflated (the catalogue is in one)."""
    inflated = [data]
    # Up to "endstream" with the end-of-line before it: a compressed stream may itself end in
    # a \r byte (stripping it broke one stream in 256); the inflater ignores what follows.
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, flags=re.S):
        try:
            inflated.append(zlib.decompressobj().decompress(stream))
        except zlib.error:
            pass
    return b"\n".join(inflated)


# --- Charts ----------------------------------------------------------------------------------


@pytest.mark.parametrize("block", charts(japanese_snapshot()), ids=lambda b: b["chart"])
def test_chart_svg_is_one_named_and_described_image(block):
    svg = chart_svg(block, prefix="p-")
    root = ElementTree.fromstring(svg)
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == block["title"]
    assert desc.text == block["description"]
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    assert title.get("id") == f"p-{block['id']}-title"
    # It scales with its container: no fixed size, the viewBox kept.
    assert root.get("width") == "100%"
    assert root.get("height") is None
    assert root.get("viewBox")
    assert not svg.startswith("<?xml") and "<!DOCTYPE" not in svg


def test_two_charts_on_one_page_share_no_id(media_root):
    first, second = charts(japanese_snapshot())[:2]
    page = chart_svg(first) + chart_svg(second)
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)) > 10
    # Every reference points to an id of its own chart.
    for svg, block in ((chart_svg(first), first), (chart_svg(second), second)):
        own = set(re.findall(r'\bid="([^"]+)"', svg))
        references = re.findall(r"url\(#([^)]+)\)", svg) + re.findall(r'href="#([^"]+)"', svg)
        assert references and set(references) <= own
        assert all(i.startswith(f"{block['id']}-") for i in own)
    # The whole report too (charts, tables, sections).
    html = render_html(japanese_snapshot())
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_chart_text_stays_text():
    monthly, _line, by_partner, _stacked = charts(japanese_snapshot())
    texts = [t.text for t in ElementTree.fromstring(chart_svg(monthly)).iter(f"{SVG}text")]
    assert "8月" in texts  # a category label
    assert "電話" in texts  # a series name, in the legend
    texts = [t.text for t in ElementTree.fromstring(chart_svg(by_partner)).iter(f"{SVG}text")]
    assert "飲食店" in texts
    assert "1,520" in texts  # a bar's value label, with a thousands separator


def test_chart_value_axis_has_thousands_separators_and_starts_at_zero():
    block = charts(japanese_snapshot())[1]  # residents, up to 2,480
    texts = [t.text for t in ElementTree.fromstring(chart_svg(block)).iter(f"{SVG}text")]
    assert "0" in texts
    assert any(re.fullmatch(r"\d,\d{3}", t or "") for t in texts), texts


def test_chart_draws_no_bar_for_a_missing_figure():
    block = {
        "type": "chart",
        "id": "gap",
        "chart": "bar",
        "title": "t",
        "description": "d",
        "categories": ["a", "b", "c"],
        "series": [{"name": "s", "values": [5, None, 7]}],
        "unit": "",
        "note": "",
    }
    svg = chart_svg(block)
    bars = re.findall(r'<g id="gap-patch_\d+">', svg)
    block["series"][0]["values"] = [5, 6, 7]
    assert len(re.findall(r'<g id="gap-patch_\d+">', chart_svg(block))) == len(bars) + 1


def relative_luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("colour", PALETTE)
def test_chart_colours_have_three_to_one_contrast_against_white(colour):
    assert 1.05 / (relative_luminance(colour) + 0.05) >= 3


# --- HTML and PDF ----------------------------------------------------------------------------


def test_html_preview_in_japanese(media_root):
    html = render_html(japanese_snapshot(), media_url="/media/")
    assert '<html lang="ja">' in html
    assert "目次" in html and "コメントはありません。" in html
    assert f'src="/media/{PHOTO_FILE}"' in html
    assert 'alt="相談窓口で職員が来訪者に説明している様子"' in html
    assert '<th scope="col">件数</th>' in html
    assert '<th scope="row">電話</th>' in html
    assert "<details" in html  # the charts' figures, folded on screen
    assert html.count('role="img"') == len(charts(japanese_snapshot()))


def test_english_snapshot_renders_english_headings(media_root):
    html = render_html(english_snapshot())
    assert '<html lang="en">' in html
    assert ">Contents<" in html and "No comment." in html
    assert "目次" not in html and "コメントはありません" not in html
    assert "Consultations by month and channel" in html


def test_pdf_file_urls_only_for_the_pdf(media_root):
    html = render_html(japanese_snapshot(), for_pdf=True)
    assert f'src="{(media_root / PHOTO_FILE).as_uri()}"' in html
    assert "<details" not in html  # the figures are printed


def test_pdf_holds_every_heading_the_key_figures_and_page_numbers(pdf_path):
    text = poppler("pdftotext", pdf_path, "-layout")
    snapshot = japanese_snapshot()
    for section in snapshot["sections"]:
        assert section["title"] in text
    assert f"{CONSULTATIONS_TOTAL:,}" == "1,234"
    assert "1,234" in text
    assert "2,480" in text  # from a chart's figures
    assert "<5" in text
    assert "コメントはありません。" in text  # the empty narrative
    assert "飲食店" in text  # a chart's category label, as text
    pages = int(re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", pdf_path))[1])
    assert pages > 1
    assert f"2 / {pages}" in text and f"{pages} / {pages}" in text


def test_pdf_is_a4_tagged_titled_and_has_its_language(pdf_path):
    info = poppler("pdfinfo", pdf_path)
    assert re.search(r"Page size:\s+595(\.\d+)? x 841\.89 pts \(A4\)", info), info
    assert "Tagged:          yes" in info
    assert "令和8年度 移住・関係人口ポータル 成果報告書" in info
    assert re.search(rb"/Lang\s*\(ja\)", pdf_objects(pdf_path.read_bytes()))


def test_pdf_embeds_the_japanese_font_for_all_text(pdf_path):
    """Latin text and the page numbers too: margin boxes do not inherit the body's font."""
    lines = poppler("pdffonts", pdf_path).splitlines()[2:]
    assert lines
    for line in lines:
        name, emb = line.split()[0], line.split()[-5]
        assert "+Noto-Sans-CJK-JP" in name, line
        assert emb == "yes", line


def test_pdf_links_toc_entries_to_their_pages(pdf_path):
    text = poppler("pdftotext", pdf_path, "-layout")
    toc = re.search(r"\(1\) 相談窓口\s*\.{5,}\s*(\d+)", text)
    assert toc and int(toc[1]) >= 2


# --- Data zip --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def data_zip():
    return zipfile.ZipFile(io.BytesIO(render_data_zip(japanese_snapshot())))


def test_xlsx_has_one_sheet_per_block_with_the_snapshots_values(data_zip):
    snapshot = japanese_snapshot()
    workbook = load_workbook(io.BytesIO(data_zip.read("figures.xlsx")))
    assert len(workbook.worksheets) == len(blocks(snapshot))
    for sheet, block in zip(workbook.worksheets, blocks(snapshot)):
        assert sheet.title == block["title"][:31]
        values = [list(row) for row in sheet.iter_rows(values_only=True)]
        assert values[0][0] == block["title"]
        assert snapshot["period"]["label"] in values[1][0]
        if block["type"] == "table":
            assert values[2] == block["columns"]
            expected = block["rows"]
        else:
            assert values[2] == ["分類", *(s["name"] for s in block["series"])]
            expected = [
                [c, *(s["values"][i] for s in block["series"])]
                for i, c in enumerate(block["categories"])
            ]
        assert values[3 : 3 + len(expected)] == expected
    table = workbook.worksheets[0]
    assert table["B4"].value == 1234 and table["B4"].data_type == "n"
    assert table["B7"].value == "<5" and table["B7"].data_type == "s"
    formula = next(ws for ws in workbook.worksheets if ws.title == "流入経路別の訪問数")
    assert formula["A5"].value == '=HYPERLINK("x")' and formula["A5"].data_type == "s"


def test_sheet_names_are_valid_and_unique():
    names = sheet_names(["a/b[c]:d*e?f\\g", "x" * 40, "x" * 40, "X" * 40, ""])
    assert names[0] == "abcdefg"
    assert all(len(n) <= 31 for n in names)
    assert len({n.casefold() for n in names}) == len(names)
    assert names[4]


def test_csv_per_block_with_bom_and_formulas_escaped(data_zip):
    snapshot = japanese_snapshot()
    names = sorted(n for n in data_zip.namelist() if n.endswith(".csv"))
    assert names == [f"{i:02d}-{b['id']}.csv" for i, b in enumerate(blocks(snapshot), start=1)]
    raw = data_zip.read("01-consultations-by-channel.csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["経路", "件数", "割合（%）"]
    assert rows[1] == ["電話", "1234", "52.4"]
    assert rows[4] == ["窓口（来所）", "<5", ""]
    links = next(n for n in names if n.endswith("campaign-links.csv"))
    rows = list(csv.reader(io.StringIO(data_zip.read(links).decode("utf-8-sig"))))
    assert rows[2][0] == '\'=HYPERLINK("x")'
    readme = data_zip.read("README.txt").decode("utf-8")
    assert snapshot["title"] in readme and snapshot["period"]["label"] in readme


# --- Word ------------------------------------------------------------------------------------


def test_docx_is_a4_with_headings_japanese_font_and_alt_text(media_root):
    snapshot = japanese_snapshot()
    document = Document(io.BytesIO(render_docx(snapshot)))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [s["title"] for s in snapshot["sections"]]
    for name in ("Normal", "Heading 1", "Heading 2"):
        fonts = document.styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) == "Noto Sans CJK JP", name
        assert fonts.get(qn("w:eastAsiaTheme")) is None, name
    assert "コメントはありません。" in [p.text for p in document.paragraphs]
    # One picture per chart and the photo, each with its alt text.
    descriptions = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert descriptions == [
        "相談窓口で職員が来訪者に説明している様子",
        *(c["description"] for c in charts(snapshot)),
    ]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "1,234" in cells and "<5" in cells


# --- System check ----------------------------------------------------------------------------


@pytest.fixture
def fresh_check_cache():
    checks.clear_cache()
    yield
    checks.clear_cache()


def test_check_is_silent_when_the_font_is_installed(fresh_check_cache):
    assert [m for m in checks.check_report_fonts() if m.id == "reports.E001"] == []


def test_check_fails_when_the_report_font_is_missing(fresh_check_cache):
    with override_settings(REPORTS_PDF_FONT="Nonexistent Gothic W9"):
        messages = checks.check_report_fonts()
    errors = [m for m in messages if m.id == "reports.E001"]
    assert len(errors) == 1 and isinstance(errors[0], Error)
    assert "fonts-noto-cjk" in errors[0].hint


def test_check_fails_when_fontconfig_is_missing(fresh_check_cache, monkeypatch):
    monkeypatch.setattr(checks.shutil, "which", lambda name: None)
    assert [m.id for m in checks.check_report_fonts()][:1] == ["reports.E001"]


def test_check_warns_without_harfbuzz_subset(fresh_check_cache, monkeypatch):
    monkeypatch.setattr(checks.ctypes.util, "find_library", lambda name: None)
    warnings = [m for m in checks.check_report_fonts() if m.id == "reports.W001"]
    assert warnings and "libharfbuzz-subset0" in warnings[0].hint


def test_check_is_registered():
    from django.core.checks.registry import registry

    assert checks.check_report_fonts in registry.get_checks()
