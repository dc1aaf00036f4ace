"""Save a form into its report's files: only the changed values, only if no one changed them first.

The page records each file's version (its SHA-256) when it is made. A save compares those
with the files on disk under the report's lock, and writes nothing if any differs: another
tab or an editor saved in between, and writing over it would lose their work. Otherwise the
values change in the text (:func:`reportgen.data.yaml_edit.set_values`) and each file is
replaced whole (:func:`reportgen.files.write_atomically`), so a reader never sees half a file.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.data.yaml_edit import Steps, Value
from reportgen.errors import Problem, ReportgenError
from reportgen.files import write_atomically
from reportgen.serve.drafts import apply_changes
from reportgen.serve.form import version_of
from reportgen.serve.messages import CONFLICT, NOT_IN_REPORT
from reportgen.text.decoding import UndecodableText, decode_text, encode_like


class ConflictError(ReportgenError):
    """Raised when a file changed on disk after the page that saves into it was made."""


@dataclass
class SaveResult:
    """What a save wrote, or the problems that kept it from writing."""

    written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class Saver:
    """Saves into report folders, one save at a time for each report."""

    def __init__(self) -> None:
        self._locks: dict[Path, threading.Lock] = {}
        self._guard = threading.Lock()

    def lock(self, directory: Path) -> threading.Lock:
        """Return the lock that saves into ``directory`` take."""
        with self._guard:
            return self._locks.setdefault(directory.resolve(), threading.Lock())

    def save(
        self,
        name: str,
        directory: Path,
        files: list[Path],
        versions: Mapping[str, str],
        changes: Mapping[str, Mapping[Steps, Value]],
    ) -> SaveResult:
        """Write ``changes`` into the files of report ``name``; raise ConflictError if one moved on.

        ``files`` are the report's data files; ``versions`` what the page read of each.
        """
        known = {path.name: path for path in files}
        for file in changes:
            if file not in known:
                raise ConflictError(NOT_IN_REPORT(file=file, name=name), path=directory)
        with self.lock(directory):
            raw = {file: known[file].read_bytes() for file in changes}
            for file, data in raw.items():
                if versions.get(file) != version_of(data):
                    raise ConflictError(CONFLICT(file=file), path=known[file])
            texts: dict[str, str] = {}
            for file, data in raw.items():
                try:
                    texts[file] = decode_text(data).text
                except UndecodableText as err:  # -- changed on disk into no text at all --
                    problem = Problem(err.message, file=known[file], line=err.line)
                    return SaveResult(problems=[problem])
            new, problems = apply_changes(texts, changes)
            if problems:
                return SaveResult(problems=problems)
            result = SaveResult()
            for file, text in new.items():
                if text != texts[file]:
                    write_atomically(known[file], encode_like(text, raw[file]))
                    result.written.append(known[file])
            return result
