"""CSV that spreadsheets open safely (every export of this site uses it): a cell that starts
with = + - @ (or a tab or carriage return) would run as a formula in Excel, so it is prefixed
with an apostrophe."""

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
