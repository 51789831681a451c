"""Every CSV that the Wagtail admin writes goes through the site's formula guard.

Wagtail's `SpreadsheetExportMixin` (snippet listings with `list_export`, its own reports such
as site history, form submissions) writes CSV cells as they are: a creator named
`=HYPERLINK(...)` or a handle `@tomakomai` would run as a formula when a member of staff opens
the file in Excel. XLSX is safe already (Wagtail stores formula-looking cells as strings).

`install()` wraps the mixin's `write_csv_row` once, at start-up, so that the CSV writer it
hands on escapes every text cell; numbers and dates are written as they were. Views that
override `write_csv_row` and call `super()` are covered too; the residents' export escapes
its own cells with the same guard.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

_ORIGINAL_WRITE_CSV_ROW = "_write_csv_row_without_formula_guard"


class _FormulaSafeWriter:
    """A csv.DictWriter stand-in that escapes each text value before writing the row."""

    def __init__(self, writer, escape_text):
        self.writer = writer
        self.escape_text = escape_text

    def writerow(self, row_dict):
        return self.writer.writerow(
            {
                field: self.escape_text(value) if isinstance(value, str) else value
                for field, value in row_dict.items()
            }
        )

    def __getattr__(self, name):
        return getattr(self.writer, name)


def install(escape_text):
    """Make every CSV row that SpreadsheetExportMixin writes pass through escape_text (the
    site's guard, core.csv_export.safe_cell), which is called with text values only."""
    if hasattr(SpreadsheetExportMixin, _ORIGINAL_WRITE_CSV_ROW):
        return
    original = SpreadsheetExportMixin.write_csv_row

    def write_csv_row(self, writer, row_dict):
        return original(self, _FormulaSafeWriter(writer, escape_text), row_dict)

    write_csv_row.__doc__ = original.__doc__
    setattr(SpreadsheetExportMixin, _ORIGINAL_WRITE_CSV_ROW, original)
    SpreadsheetExportMixin.write_csv_row = write_csv_row
