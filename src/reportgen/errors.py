"""The one error hierarchy of reportgen.

Every error a user can cause derives from :class:`ReportgenError`. Errors keep
their location as fields (file, line, column, field path, template part) and
build the human text in ``__str__``; nothing here prints. Each class carries the
exit code the command line returns for it, so the codes are defined once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong, and where: ``file:line:column: field: message``.

    ``where`` names a place inside a template ("body, paragraph 4" or
    "table 1, row 2, cell 3"); ``field`` is a dotted data path such as
    ``proposals.figures.adopted``.
    """

    message: str
    file: Path | str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None
    where: str | None = None

    def __str__(self) -> str:
        location = ""
        if self.file is not None:
            location = str(self.file)
            if self.line is not None:
                location += f":{self.line}"
                if self.column is not None:
                    location += f":{self.column}"
            location += ": "
        if self.where:
            location += f"{self.where}: "
        if self.field:
            location += f"{self.field}: "
        return location + self.message


class ReportgenError(Exception):
    """Base of every error reportgen raises on purpose."""

    #: The process exit code the command line uses for this error.
    exit_code = 1


class ProblemsFound(ReportgenError, ValueError):
    """Raised when checking data or templates found one or more problems.

    All problems are collected before raising, so a user sees every one of them
    in one run, not only the first.
    """

    exit_code = 1

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self.problems)

    def __str__(self) -> str:
        count = len(self.problems)
        lines = [str(problem) for problem in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found")
        return "\n".join(lines)


class DataError(ProblemsFound):
    """Raised when a data file cannot be read or does not validate."""


class TemplateError(ProblemsFound):
    """Raised when a template has a syntax error or needs data that is not there."""


class RenderError(ProblemsFound):
    """Raised when rendering fails, or the rendered document lost a printed value."""


class WorkspaceError(ReportgenError, FileNotFoundError):
    """Raised when the workspace, a report, a data folder or a template is missing or unusable."""

    exit_code = 3


class OutputError(ReportgenError, OSError):
    """Raised when an output file cannot be written; the previous output stays untouched."""

    exit_code = 4


class ConversionError(ReportgenError, RuntimeError):
    """Raised when LibreOffice is missing or fails to convert a document to PDF."""

    exit_code = 5


def single(cls: type[ProblemsFound], message: str, **location: object) -> ProblemsFound:
    """Return an error of ``cls`` holding one problem at ``location``."""
    return cls([Problem(message, **location)])  # type: ignore[arg-type]


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """Return `` (did you mean 'x'?)`` for the candidate nearest ``word``, or nothing."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""
