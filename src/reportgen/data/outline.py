"""Read what report.yaml says about the report itself, leniently, without loading the report.

Several steps need one or two facts of a report before (or without) loading it whole: whether
it is a batch, the template it names, its parts, its period, the file it writes. They all read
them here, from a report.yaml that may have problems: a fact that cannot be read is None, and
loading the report explains why.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.data.figures import PeriodView
from reportgen.data.namespace import REPORT_FIELDS, split_fields
from reportgen.data.report import REPORT_FILE, BatchFacts, ReportFacts
from reportgen.data.rules import TABLE_SUFFIXES
from reportgen.data.yaml_source import Path_, SourceFile, load_yaml
from reportgen.errors import DataError, Problem
from reportgen.i18n import Message
from reportgen.text.dates import Date
from reportgen.workspace import one_file_named

if TYPE_CHECKING:
    from reportgen.data.specs import ReportFile


class ReportOutline:
    """report.yaml as far as it can be read; ``source`` is None when it cannot be parsed."""

    def __init__(
        self, path: Path, source: SourceFile | None, problems: list[Problem] | None = None
    ) -> None:
        self.path = path
        self.source = source
        #: Why the file could not be parsed, when it could not.
        self.problems = problems if problems is not None else []

    @property
    def fields(self) -> dict[str, Any]:
        """Return the file's top-level fields, or nothing when it holds none."""
        data = self.source.data if self.source is not None else None
        return data if isinstance(data, dict) else {}

    @property
    def template(self) -> str | None:
        """Return the template file the report names, or None."""
        template = self.fields.get("template")
        return template if isinstance(template, str) else None

    @property
    def parts(self) -> list[str]:
        """Return the part names listed in ``parts:``, in order."""
        parts = self.fields.get("parts")
        return [str(part) for part in parts] if isinstance(parts, list) else []

    @property
    def is_batch(self) -> bool:
        """Return whether the report renders a document for each row of a table."""
        return "batch" in self.fields

    @property
    def period(self) -> tuple[int, int] | None:
        """Return the first and last year of the period, or None if they are not both there."""
        period = self.fields.get("period")
        years = [period.get(key) if isinstance(period, dict) else None for key in ("start", "end")]
        start, end = years
        if isinstance(start, int) and isinstance(end, int) and start <= end:
            return start, end
        return None

    def locate(self, path: Path_) -> tuple[int | None, int | None]:
        """Return the line and column of the value at ``path``, when the file was parsed."""
        return self.source.locate(path) if self.source is not None else (None, None)

    def problem(
        self, message: Message | str, path: Path_ = (), field: str | None = None
    ) -> Problem:
        """Return a Problem located at ``path`` in report.yaml."""
        line, column = self.locate(path)
        return Problem(message, file=self.path, line=line, column=column, field=field)

    def facts(self) -> ReportFacts | None:
        """Return the report's facts, or None while report.yaml has a problem that hides them.

        The date is not needed: a new period's ``date: ~`` does not hide the output name.
        """
        from reportgen.data.specs import ReportFile
        from reportgen.data.validation import valid_or_none

        if self.source is None:
            return None
        ours, _ = split_fields(self.fields, REPORT_FIELDS)
        ours.pop("date", None)
        spec = valid_or_none(ReportFile, ours)
        return report_facts(spec, self.path.parent.name) if spec is not None else None


def read_outline(directory: Path) -> ReportOutline:
    """Return what the report.yaml in ``directory`` says, as far as it can be read."""
    path = directory / REPORT_FILE
    try:
        source = load_yaml(path)
    except DataError as err:
        return ReportOutline(path, None, err.problems)
    if isinstance(source.data, dict):
        name_files_as_windows_shows(source.data, directory)
    return ReportOutline(path, source)


#: The files report.yaml names beside it, by section and field (None: every field of the
#: section), with the suffixes each may have.
_FILES_BESIDE: tuple[tuple[str, str | None, tuple[str, ...]], ...] = (
    ("batch", "rows", TABLE_SUFFIXES),
    ("official", "seal", (".png",)),
    ("pictures", None, (".png", ".jpg", ".jpeg")),
)


def name_files_as_windows_shows(data: dict[str, Any], directory: Path) -> None:
    """Give a file named as Windows shows it (名单 for 名单.xlsx, its suffix hidden) its suffix.

    Only a name without a suffix, that one file beside report.yaml has with a suffix it may
    have, is completed; any other is left for the checks of its field to name.
    """
    for section, key, suffixes in _FILES_BESIDE:
        fields = data.get(section)
        if not isinstance(fields, dict):
            continue
        for field in [key] if key is not None else list(fields):
            found = _file_beside(fields.get(field), suffixes, directory)
            if found is not None:
                fields[field] = found


def _file_beside(name: Any, suffixes: tuple[str, ...], directory: Path) -> str | None:
    """Return the one file in ``directory`` that is ``name`` with one of ``suffixes``."""
    if not isinstance(name, str) or not name or "." in name or "/" in name or "\\" in name:
        return None
    found = one_file_named(directory, [f"{name}{suffix}" for suffix in suffixes])
    return None if found is None else found.name


def report_facts(spec: ReportFile, name: str) -> ReportFacts:
    """Return the facts of a validated report.yaml as plain values; ``name``, its folder's."""
    batch = (
        BatchFacts(spec.batch.rows, spec.batch.output, spec.batch.sheet, spec.batch.merged)
        if spec.batch
        else None
    )
    return ReportFacts(
        template=spec.template,
        output=spec.output,
        organisation=spec.organisation,
        title=spec.title,
        period=PeriodView(spec.period.start, spec.period.end) if spec.period else None,
        date=Date.of(spec.date) if spec.date else None,
        batch=batch,
        name=name,
    )
