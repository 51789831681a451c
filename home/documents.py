"""Documents editors upload: a size limit and a check of the bytes against the file name.

Wagtail's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE) is used by every admin upload: the
single and multiple upload views, the chooser's upload tab and replacing a file when editing.
A document's extension decides how browsers and office programs open it, so a file named
``plan.pdf`` must be a PDF: HTML renamed to .pdf would otherwise be stored and handed out
under the city's name. Downloads always go through Django as attachments
(WAGTAILDOCS_SERVE_METHOD, WAGTAILDOCS_INLINE_CONTENT_TYPES), never from MEDIA_ROOT directly.
"""

import re
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

MEGABYTE = 1024 * 1024
DEFAULT_MAX_UPLOAD_SIZE = 20 * MEGABYTE

# Product names, the same in every language.
KIND_NAMES = {"pdf": "PDF", "docx": "Word (.docx)", "xlsx": "Excel (.xlsx)"}
# Office Open XML: the package's manifest and the folder of the program's own part.
OFFICE_MAIN_FOLDER = {"docx": "word/", "xlsx": "xl/"}
TEXT_ENCODINGS = ("utf-8-sig", "cp932")  # CP932 is Windows' Shift_JIS, what Excel writes
# A text file a browser could take for a web page or a script, if ever shown inline.
LOOKS_LIKE_MARKUP = re.compile(
    rb"<\s*(!doctype|html|head|body|script|iframe|object|embed|svg|meta|link|style|\?xml)\b"
    rb"|javascript:",
    re.IGNORECASE,
)


def max_upload_size():
    return getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None) or DEFAULT_MAX_UPLOAD_SIZE


def size_text(size):
    """20 MB, not 20.0 MB, for whole megabytes."""
    if size % MEGABYTE == 0:
        return f"{size // MEGABYTE} MB"
    return filesizeformat(size)


def too_large_message():
    return _("This file is larger than %(max_size)s.") % {"max_size": size_text(max_upload_size())}


def not_real(extension):
    return ValidationError(
        _("This file is not a real %(kind)s.") % {"kind": KIND_NAMES[extension]},
        code="content_mismatch",
    )


def check_document_content(name, file):
    """Raise ValidationError unless the bytes of ``file`` are what ``name``'s extension says.

    ``file`` is an open file object; it is left at its start. Reads at most the whole file,
    which the size limit has already bounded.
    """
    extension = PurePath(name).suffix.lower().lstrip(".")
    file.seek(0)
    try:
        if extension == "pdf":
            if not file.read(5) == b"%PDF-":
                raise not_real(extension)
        elif extension in OFFICE_MAIN_FOLDER:
            check_office_file(extension, file)
        elif extension in ("csv", "txt"):
            check_text_file(file.read())
        else:
            # WAGTAILDOCS_EXTENSIONS refuses other extensions before this; never let one by.
            raise ValidationError(
                _("Files of this type are not accepted."), code="invalid_extension"
            )
    finally:
        file.seek(0)


def check_office_file(extension, file):
    if not zipfile.is_zipfile(file):
        raise not_real(extension)
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as package:
            names = package.namelist()  # the central directory only: nothing is unpacked
    except (zipfile.BadZipFile, OSError, ValueError):
        raise not_real(extension) from None
    folder = OFFICE_MAIN_FOLDER[extension]
    if "[Content_Types].xml" not in names or not any(n.startswith(folder) for n in names):
        raise not_real(extension)
    # Macros come in .docm/.xlsm; one in a file named .docx/.xlsx is a disguise.
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise ValidationError(_("Files with macros are not accepted."), code="macros")


def check_text_file(data):
    if b"\x00" in data:
        raise ValidationError(
            _("This is not a text file: it contains binary data."), code="binary_text"
        )
    for encoding in TEXT_ENCODINGS:
        try:
            data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValidationError(
            _("Text and CSV files must be in UTF-8 or Shift_JIS."), code="text_encoding"
        )
    if LOOKS_LIKE_MARKUP.search(data):
        raise ValidationError(
            _("Text and CSV files may not contain HTML or scripts."), code="markup_in_text"
        )


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form with our size message and the content check."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            # Wagtail's field refuses a file over WAGTAILDOCS_MAX_UPLOAD_SIZE by its size alone,
            # before anything reads it; the multiple upload page checks it in the browser too.
            field.max_upload_size = max_upload_size()
            field.help_text = _("Maximum filesize: %(max_upload_size)s.") % {
                "max_upload_size": size_text(max_upload_size())
            }
            field.error_messages["file_too_large"] = too_large_message()
            field.error_messages["file_too_large_unknown_size"] = too_large_message()

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not isinstance(file, UploadedFile):
            return file  # unchanged: the stored file was checked when it was uploaded
        if file.size is None or file.size > max_upload_size():
            raise ValidationError(too_large_message(), code="file_too_large")
        check_document_content(file.name, file)
        return file

    def _post_clean(self):
        # A refused file leaves the instance without one, and the model's own extension check
        # would then add 'File extension "" is not allowed' under the real reason: keep ours.
        refused = self._errors.get("file")
        refused = list(refused.as_data()) if refused else None
        super()._post_clean()
        if refused:
            self._errors["file"] = self.error_class(refused, renderer=self.renderer)
