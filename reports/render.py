"""The results report from its frozen snapshot: HTML (browser preview and the PDF's source),
PDF, the figures as XLSX and CSV in a zip, and Word.

Every renderer takes the snapshot alone (a JSON-able dict, see the schema in
``tests/reports/snapshots.py``) and writes in the snapshot's language, whoever asks for it.
"""

import csv
import datetime
import io
import logging
import re
import zipfile
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.translation import gettext as _

from core.csv_export import for_excel, safe_cell

from .templatetags.report_blocks import chart_rows, format_cell, is_figure

# WeasyPrint logs every layout step at INFO: thirty lines a report.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

# Fallbacks after the report's own font, for the browser preview on machines without it.
FONT_FALLBACKS = ('"Hiragino Sans"', '"Yu Gothic UI"', "Meiryo", "sans-serif")


def _font_family():
    name = getattr(settings, "REPORTS_PDF_FONT", "Noto Sans CJK JP").replace('"', "")
    return ", ".join([f'"{name}"', *FONT_FALLBACKS])


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _datetime(value):
    try:
        return datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _media_root():
    return Path(settings.MEDIA_ROOT).resolve()


def _media_file(name):
    """The photo's file under MEDIA_ROOT, or None (missing, or a path that leaves it)."""
    root = _media_root()
    path = (root / name).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path


def _sections(snapshot, *, for_pdf, media_url):
    sections = []
    for section in snapshot.get("sections", []):
        photos = []
        for photo in section.get("photos", []):
            if for_pdf:
                path = _media_file(photo["file"])
                if path is None:
                    continue
                src = path.as_uri()
            else:
                src = media_url + quote(photo["file"])
            photos.append({**photo, "src": src})
        sections.append({**section, "photos": photos})
    return sections


def render_html(snapshot, *, for_pdf=False, media_url=None):
    """The whole report as an HTML document. ``for_pdf``: photos as file:// URLs from
    MEDIA_ROOT (what WeasyPrint reads) and the charts' figures printed, not folded."""
    if media_url is None:
        media_url = settings.MEDIA_URL
    period = snapshot.get("period", {})
    context = {
        "snapshot": snapshot,
        "sections": _sections(snapshot, for_pdf=for_pdf, media_url=media_url),
        "for_pdf": for_pdf,
        "font_family": _font_family(),
        "period_start": _date(period.get("start")),
        "period_end": _date(period.get("end")),
        "generated_at": _datetime(snapshot.get("generated_at")),
        "id_prefix": "fig-",
    }
    with translation.override(snapshot.get("language", settings.LANGUAGE_CODE)):
        return render_to_string("reports/report.html", context)


def _url_fetcher():
    """WeasyPrint may read files under MEDIA_ROOT and data: URLs, nothing else: the narrative
    is editors' HTML, and an <img src="http://…"> in it must not make the server fetch."""
    from weasyprint.urls import URLFetcher

    root = _media_root()

    class MediaOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if url.startswith("file:"):
                from urllib.parse import unquote, urlsplit

                path = Path(unquote(urlsplit(url).path)).resolve()
                if path.is_relative_to(root):
                    return super().fetch(url, headers)
            raise ValueError(f"not fetched for the report: {url}")

    return MediaOnlyFetcher(allowed_protocols=("file", "data"))


def render_pdf(snapshot):
    """The report as a tagged PDF (PDF/UA-1: structure, /Lang, title, chart alt text), fonts
    embedded and subset."""
    from weasyprint import HTML

    html = render_html(snapshot, for_pdf=True)
    document = HTML(string=html, base_url=_media_root().as_uri() + "/", url_fetcher=_url_fetcher())
    return document.write_pdf(pdf_variant="pdf/ua-1")


# --- Figures as data -------------------------------------------------------------------------

SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31


def _blocks(snapshot):
    return [block for s in snapshot.get("sections", []) for block in s.get("blocks", [])]


def block_table(block):
    """Header and rows of a table or chart block, cells as in the snapshot."""
    if block["type"] == "chart":
        header = [_("Category"), *(item["name"] for item in block.get("series", []))]
        return header, chart_rows(block)
    return list(block.get("columns", [])), [list(row) for row in block.get("rows", [])]


def sheet_names(titles):
    """Excel sheet names: at most 31 characters, none of []:*?/\\, not blank, unique (Excel
    compares them without case)."""
    names, taken = [], set()
    for index, title in enumerate(titles, start=1):
        base = SHEET_NAME_FORBIDDEN.sub("", str(title)).strip().strip("'")
        base = base[:SHEET_NAME_LENGTH].strip() or f"Sheet{index}"
        name, number = base, 1
        while name.casefold() in taken:
            number += 1
            suffix = f" ({number})"
            name = base[: SHEET_NAME_LENGTH - len(suffix)].rstrip() + suffix
        taken.add(name.casefold())
        names.append(name)
    return names


def _period_text(snapshot):
    period = snapshot.get("period", {})
    text = period.get("label", "")
    if period.get("start") and period.get("end"):
        text += f" ({period['start']} – {period['end']})"
    return text


def _xlsx(snapshot, blocks):
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    period = _period_text(snapshot)
    for block, name in zip(blocks, sheet_names(b.get("title", "") for b in blocks), strict=True):
        sheet = workbook.create_sheet(name)
        header, rows = block_table(block)
        sheet.append([block.get("title", "")])
        sheet["A1"].font = Font(bold=True, size=12)
        sheet.append([period])
        sheet.append(header)
        for cell in sheet[3]:
            cell.font = bold
        for row in rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                # openpyxl stores a string that starts with "=" as a formula: keep it text.
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        notes = [block.get("unit") and f"{_('Unit')}: {block['unit']}", block.get("note")]
        for note in filter(None, notes):
            sheet.append([note])
        sheet.freeze_panes = "B4"
        for index in range(1, len(header) + 1):
            sheet.column_dimensions[get_column_letter(index)].width = 14 if index > 1 else 24
    workbook.properties.title = snapshot.get("title", "")
    workbook.properties.language = snapshot.get("language", "")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _csv_cell(value):
    # Numbers stay numbers ("-3" is not a formula); text goes through the formula guard.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return safe_cell(value)


def _csv(block):
    header, rows = block_table(block)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in header])
    for row in rows:
        writer.writerow([_csv_cell(c) for c in row])
    return for_excel(buffer.getvalue())


def csv_names(blocks):
    return [
        f"{index:02d}-{re.sub(r'[^A-Za-z0-9_-]+', '-', block['id']).strip('-') or 'block'}.csv"
        for index, block in enumerate(blocks, start=1)
    ]


def _readme(snapshot, blocks, names):
    lines = [
        snapshot.get("title", ""),
        snapshot.get("site_name", ""),
        f"{_('Period')}: {_period_text(snapshot)}",
    ]
    generated = _datetime(snapshot.get("generated_at"))
    if generated:
        lines.append(f"{_('Generated on')}: {formats.date_format(generated, 'DATE_FORMAT')}")
    lines += [
        "",
        _("figures.xlsx: every table and chart of the report, one sheet each."),
        _("One CSV file (UTF-8) per table or chart:"),
    ]
    lines += [
        f"  {name}  {block.get('title', '')}" for name, block in zip(names, blocks, strict=True)
    ]
    lines += [
        "",
        _("“<5”: fewer than five, not shown to protect privacy. An empty cell: no figure."),
    ]
    return "\r\n".join(lines) + "\r\n"


def render_data_zip(snapshot):
    """The report's figures as data: figures.xlsx, one CSV per block, README.txt."""
    blocks = _blocks(snapshot)
    names = csv_names(blocks)
    buffer = io.BytesIO()
    with translation.override(snapshot.get("language", settings.LANGUAGE_CODE)):
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("README.txt", _readme(snapshot, blocks, names).encode("utf-8"))
            archive.writestr("figures.xlsx", _xlsx(snapshot, blocks))
            for name, block in zip(names, blocks, strict=True):
                archive.writestr(name, _csv(block).encode("utf-8"))
    return buffer.getvalue()


# --- Word ------------------------------------------------------------------------------------

DOCX_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Caption")


def _set_fonts(style, font, language):
    """python-docx's font.name sets only the Latin fonts; Japanese text takes w:eastAsia, and
    the theme fonts of the built-in headings would override both."""
    from docx.oxml.ns import qn

    style.font.name = font
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)
    if style.name == "Normal":
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = rpr.makeelement(qn("w:lang"), {})
            rpr.append(lang)
        lang.set(qn("w:val"), "ja-JP" if language == "ja" else "en-US")
        lang.set(qn("w:eastAsia"), "ja-JP")


def _repeat_header(row):
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    header = trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
    trpr.append(header)


def _docx_table(document, block, header, rows, caption):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document.add_paragraph(caption, style="Caption")
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = "" if text is None else str(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    _repeat_header(table.rows[0])
    for row in rows:
        cells = table.add_row().cells
        for index, (cell, value) in enumerate(zip(cells, row, strict=False)):
            cell.text = format_cell(value)
            if index and is_figure(value):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if block.get("note"):
        document.add_paragraph(block["note"])


def _narrative(document, html):
    """Editors' rich text as Word paragraphs: headings, paragraphs and list items."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"]):
        if element.find_parent(["li", "blockquote"]) is not None:
            continue
        text = element.get_text(" ", strip=True)
        if not text:
            continue
        if element.name in ("h2", "h3"):
            document.add_heading(text, level=2 if element.name == "h2" else 3)
        elif element.name in ("h4", "h5", "h6"):
            document.add_heading(text, level=3)
        elif element.name == "li":
            ordered = element.find_parent("ol") is not None
            document.add_paragraph(text, style="List Number" if ordered else "List Bullet")
        else:
            document.add_paragraph(text)
    if not soup.find(["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"]):
        text = soup.get_text(" ", strip=True)
        if text:
            document.add_paragraph(text)


def _picture(document, image, width, alt):
    from docx.shared import Mm

    document.add_picture(image, width=Mm(width))
    # python-docx has no API for alt text: it is the drawing's docPr/@descr.
    document.inline_shapes[-1]._inline.docPr.set("descr", alt)


def render_docx(snapshot):
    """The report as a Word document (A4, Japanese font set for East Asian text)."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Mm

    from .charts import chart_png

    language = snapshot.get("language", settings.LANGUAGE_CODE)
    font = getattr(settings, "REPORTS_PDF_FONT", "Noto Sans CJK JP")
    with translation.override(language):
        document = Document()
        section = document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = section.bottom_margin = Mm(20)
        section.left_margin = section.right_margin = Mm(18)
        for name in DOCX_STYLES:
            _set_fonts(document.styles[name], font, language)
        document.core_properties.title = snapshot.get("title", "")
        document.core_properties.language = language
        document.core_properties.author = snapshot.get("site_name", "")

        document.add_paragraph(snapshot.get("site_name", ""), style="Subtitle")
        document.add_heading(snapshot.get("title", ""), level=0)
        document.add_paragraph(f"{_('Period')}: {_period_text(snapshot)}")
        generated = _datetime(snapshot.get("generated_at"))
        if generated:
            date = formats.date_format(generated, "DATE_FORMAT")
            document.add_paragraph(f"{_('Generated on')}: {date}")
        document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)

        for index, part in enumerate(snapshot.get("sections", [])):
            if index:
                document.add_page_break()
            document.add_heading(part.get("title", ""), level=1)
            if part.get("narrative"):
                _narrative(document, part["narrative"])
            else:
                document.add_paragraph(_("No comment."))
            for photo in part.get("photos", []):
                path = _media_file(photo["file"])
                if path is None:
                    continue
                _picture(document, str(path), 120, photo.get("alt", ""))
                if photo.get("caption"):
                    document.add_paragraph(photo["caption"], style="Caption")
            if part.get("highlights"):
                document.add_heading(_("Highlights"), level=2)
                for item in part["highlights"]:
                    kind = f" ({item['kind']})" if item.get("kind") else ""
                    text = f"{item.get('title', '')}{kind} {item.get('url', '')}"
                    document.add_paragraph(text, style="List Bullet")
            for block in part.get("blocks", []):
                header, rows = block_table(block)
                if block["type"] == "chart":
                    document.add_paragraph(block.get("title", ""), style="Caption")
                    alt = block.get("description") or block.get("title", "")
                    _picture(document, io.BytesIO(chart_png(block)), 170, alt)
                    caption = _("Figures: %(title)s") % {"title": block.get("title", "")}
                    if block.get("unit"):
                        caption += f" ({block['unit']})"
                    _docx_table(document, block, header, rows, caption)
                elif block["type"] == "table":
                    _docx_table(document, block, header, rows, block.get("title", ""))
        buffer = io.BytesIO()
        document.save(buffer)
    return buffer.getvalue()
