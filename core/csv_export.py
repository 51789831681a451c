"""CSV that spreadsheets open safely (every export of this site uses it): a cell that starts
with = + - @ (or a tab or carriage return) would run as a formula in Excel, so it is prefixed
with an apostrophe."""

import io

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list):
        value = ";".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


# Excel reads a CSV file as UTF-8 (not as Shift_JIS, which turns Japanese into mojibake) only
# when it starts with a byte order mark.
BOM = "\ufeff"


def for_excel(text):
    """CSV text as Excel opens it correctly: with the byte order mark in front."""
    return text if text.startswith(BOM) else BOM + text


def excel_text_stream(binary_file):
    """A text stream over a binary file (a ZIP member, a file on disk) for CSV written row by
    row, as Excel opens it correctly: the byte order mark first, then UTF-8."""
    stream = io.TextIOWrapper(binary_file, encoding="utf-8", newline="")
    stream.write(BOM)
    return stream


def csv_response(text, filename):
    """A CSV download (with the BOM) that no cache keeps: exports hold names and figures."""
    from django.http import HttpResponse

    from core.responses import make_private

    response = HttpResponse(for_excel(text), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return make_private(response)
