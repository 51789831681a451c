"""Real files of each accepted type, made by the programs' own libraries, and fakes."""

import io
import zipfile
from functools import cache
from pathlib import Path

from django.core.files import File
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile


@cache
def pdf_bytes():
    from weasyprint import HTML

    return HTML(string="<h1>苫小牧市 移住計画</h1><p>テスト</p>").write_pdf()


def docx_bytes():
    import docx

    document = docx.Document()
    document.add_paragraph("苫小牧市 移住計画")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes():
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["項目", "人数"])
    workbook.active.append(["移住相談", 12])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def docx_with_macros_bytes():
    """A .docm's macro project slipped into a file named .docx."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro project")
    return out.getvalue()


def plain_zip_bytes():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "not an office document")
    return out.getvalue()


def padded_pdf_bytes(size):
    """A real PDF followed by a comment up to ``size`` bytes (readers ignore it)."""
    pdf = pdf_bytes()
    return pdf + b"%" + b"x" * (size - len(pdf) - 1)


HTML_BYTES = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SHIFT_JIS_CSV = "地区,人数\n苫小牧,12\n白老,3\n".encode("shift_jis")


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


class ObjectStorage(FileSystemStorage):
    """Like S3-compatible storage (django-storages): files have URLs but no local path."""

    def path(self, name):
        raise NotImplementedError("no local paths")

    def _local(self, name):
        return Path(FileSystemStorage.path(self, name))

    def exists(self, name):
        return self._local(name).exists()

    def _open(self, name, mode="rb"):
        return File(self._local(name).open(mode))

    def _save(self, name, content):
        target = self._local(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"".join(content.chunks()))
        return name

    def size(self, name):
        return self._local(name).stat().st_size

    def delete(self, name):
        self._local(name).unlink(missing_ok=True)


def use_media_dir(settings, root, backend="django.core.files.storage.FileSystemStorage"):
    """Real files under ``root`` (the test settings keep media in memory, which Wagtail's
    document view cannot serve: it reports local paths that do not exist)."""
    settings.MEDIA_ROOT = str(root)
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": backend}}
