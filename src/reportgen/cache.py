"""Keep what checking made between runs: compiled templates and loaded reports.

Two steps of a render depend only on files that seldom change and on the code
that reads them, and take longer than the rest of a render beside starting Python:

- Checking a template (docxtpl-lint and reportgen's own checks), preparing its XML
  the way docxtpl does, and compiling it with Jinja. These need docxtpl,
  python-docx and docxtpl-lint imported.
- Loading a report's data: YAML read, validated by the models, figures computed,
  prose rendered. This needs PyYAML and pydantic imported.

Each result is kept in the user's cache folder, and the next run that meets the
same template, or the same report files byte for byte, reads it back instead.
Every key covers the Python bytecode version and the files of reportgen and of
the libraries above as installed (their sizes and times), so upgrading any of
them, or editing reportgen, starts afresh. Only what passed every check is
kept: a template or a report with problems is checked every run, and every run
lists all of them.

A cache can only make a run faster, never make it fail: an entry that cannot be
read is a miss, and a folder that cannot be written is passed over.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
import os
import pickle
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.data.report import ReportData
from reportgen.template.compiled import CheckedTemplate, PreparedPart

#: The layout of an entry; a change of layout makes every older entry a miss.
_FORMAT = 1
#: Entries not used for this long are removed when another is written.
_KEEP_SECONDS = 30 * 24 * 3600
#: The installed libraries whose behaviour an entry holds, beside reportgen itself.
_DEPENDENCIES = ("jinja2", "docxtpl", "docxtpl_lint", "pydantic", "pydantic_core", "yaml")


def user_cache_folder() -> Path:
    """Return the user's cache folder for reportgen, by the platform's convention."""
    import platformdirs  # ~/.cache on Linux, ~/Library/Caches on macOS, AppData on Windows

    return Path(platformdirs.user_cache_dir("reportgen", appauthor=False))


@dataclass(frozen=True)
class CacheSummary:
    """What the cache holds: its folder, and the entries and bytes of each kind."""

    root: Path
    entries: dict[str, int]
    size: int


def summarise_cache(root: Path) -> CacheSummary:
    """Return how many entries of each kind the cache in ``root`` holds, and their size."""
    entries, size = {}, 0
    for kind in _KINDS:
        files = [path for path in (root / kind).glob("*") if path.is_file()]
        entries[kind] = len(files)
        size += sum(path.stat().st_size for path in files)
    return CacheSummary(root, entries, size)


def clear_cache(root: Path) -> int:
    """Remove every entry of the cache in ``root``; return how many were removed.

    Only reportgen's own subfolders are emptied: REPORTGEN_CACHE_DIR may name a
    folder that holds other things too.
    """
    removed = 0
    for kind in _KINDS:
        for path in (root / kind).glob("*"):
            if path.is_file():
                path.unlink(missing_ok=True)
                removed += 1
    return removed


class _Folder:
    """A folder of entries, each written whole and read back as a dict, or as nothing."""

    KIND = ""  # the subfolder: one for each kind of entry

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _read(self, key: bytes) -> dict[str, Any] | None:
        path = self.directory / self._name(key)
        try:
            entry = marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return None  # not there, or cut short
        if not isinstance(entry, dict) or entry.get("format") != _FORMAT:
            return None  # written by another layout
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: kept another 30 days
        return entry

    def _write(self, key: bytes, entry: dict[str, Any]) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".part")
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(marshal.dumps({"format": _FORMAT, **entry}))
                # Whole or not at all: another run may be reading the same entry.
                os.replace(temporary, self.directory / self._name(key))
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            return
        self._remove_old()

    @staticmethod
    def _name(key: bytes) -> str:
        digest = hashlib.sha256(code_fingerprint())
        digest.update(key)
        return digest.hexdigest() + ".bin"

    def _remove_old(self) -> None:
        oldest = time.time() - _KEEP_SECONDS
        for path in self.directory.iterdir():  # entries, and files a killed run left half-written
            try:
                if path.stat().st_mtime < oldest:
                    path.unlink()
            except OSError:
                continue


class TemplateCache(_Folder):
    """Checked templates, one entry each, found by the template's bytes."""

    KIND = "templates"

    def load(self, template: bytes) -> CheckedTemplate | None:
        """Return what was kept for a template with these bytes, or None."""
        entry = self._read(template)
        if entry is None:
            return None
        try:
            parts = {
                name: PreparedPart(source, code, column_loops)
                for name, (source, code, column_loops) in entry["parts"].items()
            }
            return CheckedTemplate(list(entry["variables"]), parts)
        except (TypeError, KeyError, ValueError):
            return None

    def save(self, template: bytes, checked: CheckedTemplate) -> None:
        """Keep ``checked`` for a template with these bytes."""
        parts = {
            name: (part.source, part.code, part.column_loops)
            for name, part in checked.parts.items()
        }
        self._write(template, {"variables": checked.variables, "parts": parts})


class ReportCache(_Folder):
    """Loaded reports, one entry for each report folder, kept while its files are unchanged.

    An entry lists the files the report was loaded from with a digest of each,
    and the YAML files in its folder (loading reports one not listed in parts);
    it is used only while every file still has its digest and the folder the
    same YAML files. The report itself is kept with pickle, as Python keeps
    bytecode: the folder is the user's own, as ``__pycache__`` is.
    """

    KIND = "reports"

    def load(self, directory: Path) -> ReportData | None:
        """Return the report in ``directory`` as loaded before, if its files are unchanged."""
        entry = self._read(str(directory.resolve()).encode())
        try:
            if entry is None or entry["listing"] != _yaml_listing(directory):
                return None
            for name, digest in entry["inputs"]:
                if _digest((directory / name).read_bytes()) != digest:
                    return None
            data = pickle.loads(entry["data"])
        except (OSError, TypeError, KeyError, ValueError, pickle.UnpicklingError, EOFError):
            return None
        except (AttributeError, ImportError):
            return None  # a class the entry names is gone from reportgen
        return data if isinstance(data, ReportData) else None

    def save(self, data: ReportData) -> None:
        """Keep ``data`` for its folder, with the digests of the files it was loaded from."""
        try:
            inputs = [(path.name, _digest(path.read_bytes())) for path in data.files]
            pickled = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            return  # a file gone since, or a value that cannot be kept: load it again next time
        entry = {"listing": _yaml_listing(data.directory), "inputs": inputs, "data": pickled}
        self._write(str(data.directory.resolve()).encode(), entry)


#: The subfolders of the cache, one for each kind of entry.
_KINDS = (TemplateCache.KIND, ReportCache.KIND)


class Cache:
    """The cache in one folder: checked templates and loaded reports, each in a subfolder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.templates = TemplateCache(root / TemplateCache.KIND)
        self.reports = ReportCache(root / ReportCache.KIND)

    def summary(self) -> CacheSummary:
        """Return how many entries of each kind the cache holds, and their size."""
        return summarise_cache(self.root)

    def clear(self) -> int:
        """Remove every entry; return how many were removed."""
        return clear_cache(self.root)


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _yaml_listing(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.glob("*.y*ml"))


_fingerprint: bytes | None = None


def code_fingerprint() -> bytes:
    """Return what identifies the installed code that checks and compiles templates."""
    global _fingerprint
    if _fingerprint is None:
        files = sorted(Path(__file__).parent.rglob("*.py"))
        for name in _DEPENDENCIES:
            spec = importlib.util.find_spec(name)  # found, not imported
            if spec is not None and spec.origin:
                files.append(Path(spec.origin))
        # An upgrade rewrites a package's files, and an edit rewrites the file edited:
        # sizes and modification times tell, without reading every file.
        stamps = [f"{sys.implementation.cache_tag} {sys.version}"]
        for path in files:
            stat = path.stat()
            stamps.append(f"{path} {stat.st_size} {stat.st_mtime_ns}")
        _fingerprint = "\n".join(stamps).encode()
    return _fingerprint
