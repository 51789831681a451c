"""Reading and writing a bundle: a folder or a .zip with the same files (content/README.md)."""

import io
import json
import zipfile
from pathlib import Path, PurePosixPath

from content.serializer import BundleError, canonical

FORMAT = "tsunagaru-content/1"
MANIFEST = "manifest.json"


class BundleReader:
    """Files of a bundle by their path inside it, whether a folder or a zip."""

    def __init__(self, path):
        self.path = Path(path)
        if self.path.is_dir():
            self._zip = None
            self._names = sorted(
                p.relative_to(self.path).as_posix() for p in self.path.rglob("*") if p.is_file()
            )
        elif self.path.is_file() and zipfile.is_zipfile(self.path):
            self._zip = zipfile.ZipFile(self.path)
            names = [n for n in self._zip.namelist() if not n.endswith("/")]
            # A zip of the folder itself (tomakomai/manifest.json …) is read as the folder.
            prefix = _common_folder(names)
            self._prefix = prefix
            self._names = sorted(n[len(prefix) :] for n in names)
        else:
            raise BundleError(str(path), "no such bundle (a folder or a .zip)")

    def names(self, under=""):
        return [n for n in self._names if n.startswith(under)]

    def exists(self, name):
        return name in self._names

    def read_bytes(self, name):
        if not self.exists(name):
            raise BundleError(name, "missing file")
        if self._zip is None:
            return (self.path / name).read_bytes()
        return self._zip.read(self._prefix + name)

    def read_json(self, name):
        try:
            return json.loads(self.read_bytes(name).decode("utf-8"))
        except UnicodeDecodeError:
            raise BundleError(name, "not UTF-8 text") from None
        except json.JSONDecodeError as error:
            raise BundleError(name, f"broken JSON (line {error.lineno}: {error.msg})") from None


def _common_folder(names):
    if MANIFEST in names or not names:
        return ""
    first = PurePosixPath(names[0]).parts[0] + "/"
    return first if all(n.startswith(first) for n in names) else ""


class BundleWriter:
    """Collects files, then writes them as a folder or a zip (by the target's suffix)."""

    def __init__(self):
        self.files = {}

    def add_json(self, name, data):
        self.files[name] = canonical(data).encode("utf-8")

    def add_bytes(self, name, data):
        self.files[name] = data

    def write(self, target):
        target = Path(target)
        if target.suffix == ".zip":
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self.zip_bytes())
            return
        target.mkdir(parents=True, exist_ok=True)
        wanted = set(self.files)
        # Files of an earlier export that this one no longer has are removed.
        for old in target.rglob("*"):
            if old.is_file() and old.relative_to(target).as_posix() not in wanted:
                old.unlink()
        for name, data in sorted(self.files.items()):
            path = target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists() or path.read_bytes() != data:
                path.write_bytes(data)
        for folder in sorted(target.rglob("*"), reverse=True):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()

    def zip_bytes(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in sorted(self.files.items()):
                info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
        return buffer.getvalue()
