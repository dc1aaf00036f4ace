"""The one error hierarchy of reportgen.

Every error a user can cause derives from :class:`ReportgenError`. Errors keep their
location as fields (file, line, column, field path, template place) and build the human
text in ``__str__``, in the current language (see :mod:`reportgen.i18n`); nothing here
prints. Each class carries the exit code the command line returns for it, so the codes
are defined once, and inherits the builtin exception that matches its meaning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal, NamedTuple

from reportgen.i18n import Language, Message, MessageKind, Worded, text_of

Severity = Literal["error", "warning"]

PROBLEMS_FOUND = MessageKind(
    "problems.count",
    en="{count} {count:problem|problems} found",
    zh="共发现 {count} 个问题",
)
WARNINGS_FOUND = MessageKind(
    "problems.warnings",
    en="{count} {count:warning|warnings}",
    zh="{count} 条提醒",
)
BOTH_FOUND = MessageKind(
    "problems.both", en="{problems}, {warnings}", zh="{problems}，另有 {warnings}"
)
TAG_SEPARATOR = MessageKind("problems.tag-separator", en=": ", zh="：")
WARNING_PREFIX = MessageKind("problems.warning-prefix", en="warning: ", zh="提醒：")
DID_YOU_MEAN = MessageKind(
    "hint.did-you-mean", en=" (did you mean '{name}'?)", zh="（是否应为“{name}”？）"
)


class Problem(NamedTuple):
    """One thing wrong, and where: ``file:line:column: where: field: message: tag``.

    ``where`` names a place inside a template (a :class:`reportgen.ooxml.places.Place`,
    worded "body, paragraph 4" or 正文第4段); ``field`` is a dotted data path such as
    ``proposals.figures.adopted``. ``cell`` names a spreadsheet's cell (``获奖名单!C7``),
    printed in place of the line and column, which then only order the problems. A
    ``warning`` is shown but does not make a report fail.
    """

    message: Message | str
    file: Path | str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None
    where: Worded | str | None = None
    severity: Severity = "error"
    #: The template tag the problem is in, printed after the message as it is written.
    tag: str | None = None
    cell: str | None = None

    @property
    def code(self) -> str | None:
        """Return the stable code of the message, or None for a message without one."""
        return self.message.code if isinstance(self.message, Message) else None

    def location(self, language: Language | None = None) -> str:
        """Return where the problem is, as ``file:line:column: where: field: ``."""
        location = ""
        if self.file is not None:
            location = str(self.file)
            if self.cell is not None:
                location += f":{self.cell}"
            elif self.line is not None:
                location += f":{self.line}"
                if self.column is not None:
                    location += f":{self.column}"
            location += ": "
        if self.where:
            location += f"{text_of(self.where, language)}: "
        if self.field:
            location += f"{self.field}: "
        return location

    def text(self, language: Language | None = None) -> str:
        """Return the problem as one line in ``language`` (default: the current one)."""
        prefix = WARNING_PREFIX().text(language) if self.severity == "warning" else ""
        text = prefix + self.location(language) + text_of(self.message, language)
        if self.tag:
            text += TAG_SEPARATOR().text(language) + self.tag
        return text

    def worded(self, language: Language) -> str:
        """Return the problem in ``language``, as a parameter of a message."""
        return self.text(language)

    def __str__(self) -> str:
        return self.text()

    def position_key(self) -> tuple[Any, ...]:
        """Return a key that orders the problems of one file by their position in it.

        Numbers in a template place compare as numbers: paragraph 10 after paragraph 9.
        """
        where = text_of(self.where, "en") if self.where else ""
        return (
            self.line or 0,
            self.column or 0,
            _natural(where),
            self.field or "",
        )


def _natural(text: str) -> tuple[Any, ...]:
    return tuple(int(piece) if piece.isdigit() else piece for piece in re.split(r"(\d+)", text))


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Return ``problems`` grouped by file, then ordered by position within each file.

    Files come in the order their first problem came, which is the order reportgen reads
    them (report.yaml, then the parts as listed); the sort is stable, so problems at one
    place keep their order.
    """
    problems = list(problems)
    files = {
        str(problem.file or ""): index for index, problem in reversed(list(enumerate(problems)))
    }
    return sorted(
        problems, key=lambda problem: (files[str(problem.file or "")], problem.position_key())
    )


def distinct_problems(*problems: Problem) -> list[Problem]:
    """Return ``problems`` in their order, each worded the same way only once."""
    seen: set[str] = set()
    kept = []
    for problem in problems:
        text = problem.text("en")
        if text not in seen:
            seen.add(text)
            kept.append(problem)
    return kept


class ReportgenError(Exception):
    """Base of every error reportgen raises on purpose.

    ``message`` says what is wrong; ``path``, when given, is the file or folder it is
    about, and is printed before the message.
    """

    #: The process exit code the command line uses for this error.
    exit_code = 1

    def __init__(self, message: Message | str = "", *, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def text(self, language: Language | None = None) -> str:
        """Return the error as printed in ``language`` (default: the current one)."""
        message = text_of(self.message, language)
        return f"{self.path}: {message}" if self.path is not None else message

    def worded(self, language: Language) -> str:
        """Return the error in ``language``, as a parameter of a message."""
        return self.text(language)

    def __str__(self) -> str:
        return self.text()


class ProblemsFound(ReportgenError, ValueError):
    """Raised when checking data or templates found one or more problems.

    All problems are collected before raising, so a user sees every one of them in one
    run, not only the first. They are kept in file and position order.
    """

    exit_code = 1

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted_problems(problems)
        super().__init__(PROBLEMS_FOUND(count=len(self.problems)))

    @property
    def errors(self) -> list[Problem]:
        """Return the problems that are errors, not warnings."""
        return [problem for problem in self.problems if problem.severity == "error"]

    def text(self, language: Language | None = None) -> str:
        """Return every problem on a line of its own, then how many there are."""
        lines = [problem.text(language) for problem in self.problems]
        errors = len(self.errors)
        warnings = len(self.problems) - errors
        summary = PROBLEMS_FOUND(count=errors)
        if warnings:
            summary = BOTH_FOUND(problems=summary, warnings=WARNINGS_FOUND(count=warnings))
        lines.append(summary.text(language))
        return "\n".join(lines)

    def __reduce__(self) -> tuple[Any, ...]:
        # Raised in batch worker processes and sent back to the parent whole.
        return (type(self), (self.problems,))


class DataError(ProblemsFound):
    """Raised when a data file cannot be read or does not validate.

    ``context`` is what the template would have received, with stand-ins where values
    failed, when the report's files could be read: the template's names are checked against
    it, so that a problem in the data does not hide one in the template.
    """

    def __init__(
        self, problems: Iterable[Problem], context: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(problems)
        self.context = context


class TemplateError(ProblemsFound):
    """Raised when a template has a syntax error or needs data that is not there."""


class RenderError(ProblemsFound):
    """Raised when rendering fails, or the rendered document lost a printed value."""


class WorkspaceError(ReportgenError, OSError):
    """Raised when the workspace, a report, a data folder or a template is missing or unusable."""

    exit_code = 3


class NotFoundError(WorkspaceError, FileNotFoundError):
    """Raised when there is no workspace, no such report, or no such template."""


class AlreadyExistsError(WorkspaceError, FileExistsError):
    """Raised when a command would make a file or folder that is already there."""


class OutputError(ReportgenError, OSError):
    """Raised when an output file cannot be written; the previous output stays untouched."""

    exit_code = 4


class UsageError(ReportgenError, ValueError):
    """Raised when the command line asks for something it cannot do as given."""

    exit_code = 2


class ConversionError(ReportgenError, RuntimeError):
    """Raised when LibreOffice is missing or fails to convert a document to PDF."""

    exit_code = 5


class InvalidValue(ValueError):
    """Raised by a check of one value (a validator, a filter) with a message to place.

    Not a ReportgenError: whoever checks the value knows where it is, and makes the Problem.
    """

    def __init__(self, message: Message) -> None:
        super().__init__(message.text("en"))
        self.message = message


def single(cls: type[ProblemsFound], message: Message | str, **location: Any) -> ProblemsFound:
    """Return an error of ``cls`` holding one problem at ``location``."""
    return cls([Problem(message, **location)])


def did_you_mean(word: str, candidates: Iterable[str]) -> Message | str:
    """Return `` (did you mean 'x'?)`` for the candidate nearest ``word``, or nothing."""
    import difflib  # -- only when a name is wrong --

    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return DID_YOU_MEAN(name=matches[0]) if matches else ""
