"""Keep what checking made between runs: compiled templates, loaded reports, drawings.

Two steps of a render depend only on files that seldom change and on the code
that reads them, and take longer than the rest of a render beside starting Python:

- Checking a template (docxtpl-lint and reportgen's own checks), preparing its XML
  the way docxtpl does, and compiling it with Jinja. These need docxtpl,
  python-docx and docxtpl-lint imported.
- Loading a report's data: YAML read, validated by the models, figures computed,
  prose rendered. This needs PyYAML and pydantic imported.

A checked template's entry keeps its warnings too, for each name it has (they name its file).
A third kind keeps what a render draws slowly, a chart or a long title's words (see
:mod:`reportgen.memo`), found by what each depends on.

Each result is kept in the cache folder, and the next run that meets the same
template, or the same report files byte for byte, reads it back instead. Every
key covers the Python bytecode version and the files of reportgen and of the
libraries above as installed (see :mod:`reportgen.cache.fingerprint`), so
upgrading any of them, or editing reportgen, starts afresh. Only what passed every
check is kept: a template or a report with problems is checked every run, and
every run lists all of them.

Entries hold compiled code and pickled objects, so the folder is reportgen's own and
every entry is sealed with a key only this user can read (:mod:`reportgen.cache.store`):
an entry that another user planted or a disk damaged is a miss, never read back. A
cache can only make a run faster, never make it fail: a folder that cannot be used
is passed over, and :meth:`Cache.refusal` says why.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import stat
from pathlib import Path
from typing import Any, NamedTuple

from reportgen.cache.fingerprint import code_fingerprint
from reportgen.cache.store import Store, entry_name
from reportgen.data.report import ReportData
from reportgen.errors import Problem
from reportgen.i18n import Message
from reportgen.template.compiled import CheckedTemplate, PreparedPart
from reportgen.template.usage import Use

#: The layout of an entry's content; a change of layout makes every older entry a miss.
_FORMAT = 3
TEMPLATES = "templates"
REPORTS = "reports"
DRAWN = "drawn"


#: Opening a pipe does not wait for a writer (there is no such flag on Windows, nor pipes
#: among a folder's files).
_NO_WAIT = getattr(os, "O_NONBLOCK", 0)


def user_cache_folder() -> Path:
    """Return the user's cache folder for reportgen, by the platform's convention."""
    import platformdirs  # ~/.cache on Linux, ~/Library/Caches on macOS, AppData on Windows

    return Path(platformdirs.user_cache_dir("reportgen", appauthor=False))


class CacheSummary(NamedTuple):
    """What the cache holds: its folder, and the entries and bytes of each kind."""

    root: Path
    entries: dict[str, int]
    size: int


class _Kind:
    """One kind of entry, each kept as a dict, found by a key of bytes."""

    KIND = ""  # the subfolder: one for each kind of entry

    def __init__(self, store: Store) -> None:
        self.store = store

    def _read(self, key: bytes) -> dict[str, Any] | None:
        payload = self.store.read(self.KIND, _name(key))
        if payload is None:
            return None
        try:
            # -- only bytes this user's reportgen sealed get here (see store) --
            entry = marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return None
        if not isinstance(entry, dict) or entry.get("format") != _FORMAT:
            return None
        return entry

    def _write(self, key: bytes, entry: dict[str, Any]) -> None:
        try:
            payload = marshal.dumps({"format": _FORMAT, **entry})
        except ValueError:
            return  # a value marshal cannot keep: made again next time
        self.store.write(self.KIND, _name(key), payload)


class TemplateCache(_Kind):
    """Checked templates, one entry each, found by the template's bytes."""

    KIND = TEMPLATES

    def load(self, template: bytes) -> CheckedTemplate | None:
        """Return what was kept for a template with these bytes, or None."""
        entry = self._read(template)
        if entry is None:
            return None
        try:
            parts = {
                name: PreparedPart(source, code, column_loops, tuple(Use(*use) for use in uses))
                for name, (source, code, column_loops, uses) in entry["parts"].items()
            }
            return CheckedTemplate(list(entry["variables"]), parts)
        except (TypeError, KeyError, ValueError):
            return None

    def save(self, template: bytes, checked: CheckedTemplate) -> None:
        """Keep ``checked`` for a template with these bytes."""
        parts = {
            name: (part.source, part.code, part.column_loops, _fields_of(part.uses or ()))
            for name, part in checked.parts.items()
        }
        self._write(template, {"variables": checked.variables, "parts": parts})

    def load_warnings(self, template: bytes, path: Path) -> list[Problem] | None:
        """Return the warnings kept with a template of these bytes named as ``path``, or None.

        They are kept for the file's name (their messages name it) and read back for its path.
        """
        entry = self._read(template)
        try:
            pickled = entry["warnings"][path.name] if entry is not None else None
            warnings = pickle.loads(pickled) if pickled is not None else None
        except (TypeError, KeyError, ValueError, pickle.UnpicklingError, EOFError):
            return None
        except (AttributeError, ImportError):
            return None  # a class the entry names is gone from reportgen
        if not isinstance(warnings, list) or not all(isinstance(w, Problem) for w in warnings):
            return None
        return [warning._replace(file=path) for warning in warnings]

    def save_warnings(self, template: bytes, path: Path, warnings: list[Problem]) -> None:
        """Keep ``warnings`` with the template of these bytes, for the name of ``path``.

        Only with a template kept already (one with problems never is), and only warnings
        about the template's own file.
        """
        entry = self._read(template)
        if entry is None or any(warning.file != path for warning in warnings):
            return
        try:
            unplaced = [warning._replace(file=None) for warning in warnings]
            pickled = pickle.dumps(unplaced, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return
        kept = entry.get("warnings")
        entry["warnings"] = {**(kept if isinstance(kept, dict) else {}), path.name: pickled}
        del entry["format"]
        self._write(template, entry)


class ReportCache(_Kind):
    """Loaded reports, one entry for each report folder, kept while its files are unchanged.

    An entry lists the files the report was loaded from with a digest of each,
    and the YAML files in its folder (loading reports one not listed in parts);
    it is used only while every file still has its digest and the folder the
    same YAML files. The report itself is kept with pickle, and read back only
    from an entry whose seal shows this user's reportgen wrote it.
    """

    KIND = REPORTS

    def load(self, directory: Path) -> ReportData | None:
        """Return the report in ``directory`` as loaded before, if its files are unchanged."""
        entry = self._read(str(directory.resolve()).encode())
        try:
            if entry is None or entry["listing"] != _yaml_listing(directory):
                return None
            for name, digest in entry["inputs"]:
                if _file_digest(directory / name) != digest:
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
            inputs = [(path.name, _file_digest(path)) for path in data.files]
            pickled = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
        except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return  # a file gone since, or a value that cannot be kept: load it again next time
        entry = {"listing": _yaml_listing(data.directory), "inputs": inputs, "data": pickled}
        self._write(str(data.directory.resolve()).encode(), entry)


class DrawnCache(_Kind):
    """Values a render makes slowly (a chart, a title's words), found by what they depend on.

    This is the cache's :class:`reportgen.memo.Memo`: a render run with it draws a chart
    only once for the same figures.
    """

    KIND = DRAWN

    def recall(self, key: bytes) -> bytes | None:
        """Return the value kept for ``key``, or None."""
        entry = self._read(key)
        value = entry.get("value") if entry is not None else None
        return value if isinstance(value, bytes) else None

    def keep(self, key: bytes, value: bytes) -> None:
        """Keep ``value`` for ``key``."""
        self._write(key, {"value": value})


class Cache:
    """The cache in one folder: templates, reports and drawings, each kind in a subfolder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.store = Store(root, (TemplateCache.KIND, ReportCache.KIND, DrawnCache.KIND))
        self.templates = TemplateCache(self.store)
        self.reports = ReportCache(self.store)
        self.drawn = DrawnCache(self.store)

    def refusal(self) -> Message | None:
        """Return why the folder is not used (another user's, open to others, …), or None."""
        return self.store.refusal()

    def summary(self) -> CacheSummary:
        """Return how many entries of each kind the cache holds, and their size."""
        sizes = self.store.sizes()
        entries = {kind: count for kind, (count, _) in sizes.items()}
        return CacheSummary(self.root, entries, sum(size for _, size in sizes.values()))

    def clear(self) -> int:
        """Remove every entry; return how many. Raise OutputError if they cannot be removed."""
        return self.store.clear()


def _name(key: bytes) -> str:
    return entry_name(code_fingerprint() + b"\0" + key)


def _fields_of(uses: tuple[Use, ...]) -> list[tuple[Any, ...]]:
    """Return each use as the tuple of its fields, which marshal keeps."""
    return [(u.path, u.written, u.part, u.line, u.how, u.conditional) for u in uses]


def _file_digest(path: Path) -> str:
    """Return the digest of the plain file at ``path``, read a piece at a time.

    A data file's name may stand for a pipe, which would wait for ever for a writer, or a
    link to /dev/zero, which never ends: such a file raises OSError here, before a byte is
    read, and its report is loaded afresh, where the loader names the file.
    """
    handle = os.open(path, os.O_RDONLY | _NO_WAIT)
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise OSError(f"{path}: not a plain file")
        return hashlib.file_digest(stream, "sha256").hexdigest()


def _yaml_listing(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.glob("*.y*ml"))
