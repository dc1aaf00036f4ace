"""A report as loading leaves it: its facts and the context its template receives.

These are plain values, with no tie to the YAML they were read from or to the
models that checked it, so that a report loaded once can be kept between runs
(see :mod:`reportgen.cache`) and read back without loading those libraries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.data.figures import Group, PeriodView

REPORT_FILE = "report.yaml"
#: The facts an output file name may use, in braces: ``{organisation}_{start}-{end}_{title}``.
REPORT_PLACEHOLDERS = ("organisation", "title", "start", "end")
DEFAULT_OUTPUT = "{organisation}_{start}-{end}_{title}"
#: The name templates and file name patterns give a batch's current row: ``{{ row.name }}``.
ROW = "row"


@dataclass(frozen=True)
class BatchFacts:
    """What ``batch:`` in report.yaml says: the table of rows, and each document's name."""

    rows: str  # the table's file, beside report.yaml
    output: str  # the pattern of each document's file name
    sheet: str | None = None  # the sheet of a workbook the rows are on (None: the first)
    merged: str | None = None  # the pattern of the name of one file holding every document


@dataclass(frozen=True)
class ReportFacts:
    """What report.yaml says about the report itself, beyond its content."""

    template: str
    output: str | None
    organisation: str
    title: str
    period: PeriodView
    date: dt.date
    batch: BatchFacts | None = None

    def placeholders(self) -> dict[str, str]:
        """Return the text of each fact an output file name may use, by its placeholder."""
        values = {
            "organisation": self.organisation,
            "title": self.title,
            "start": str(self.period.start),
            "end": str(self.period.end),
        }
        return {name: values[name] for name in REPORT_PLACEHOLDERS}

    def output_stem(self) -> str:
        """Return the output file name without extension, from the report's pattern."""
        return file_stem((self.output or DEFAULT_OUTPUT).format(**self.placeholders()))


@dataclass
class ReportData:
    """A report's data, validated and computed, ready for its template."""

    name: str
    directory: Path
    facts: ReportFacts
    context: dict[str, Any]
    #: Every file the report was loaded from, report.yaml first.
    files: list[Path] = field(default_factory=list)

    @property
    def template_name(self) -> str:
        """Return the file name of the template the report uses."""
        return self.facts.template

    def output_stem(self) -> str:
        """Return the output file name without extension, from the report's pattern."""
        return self.facts.output_stem()


class PartView(Group):
    """One part of a report as templates see it: its prose, figures and lists.

    ``part.lead`` and ``part.paragraphs`` are the rendered prose; any figure,
    derived figure or list of the part is reached by its name
    (``proposals.collected``), and ``part.figures`` iterates them all.
    """

    def __init__(
        self,
        name: str,
        lead: str,
        paragraphs: list[str],
        figures: Group,
        lists: dict[str, list[str]],
    ) -> None:
        members: dict[str, Any] = {**figures._children, **lists}
        members.update(name=name, lead=lead, paragraphs=paragraphs, figures=figures, lists=lists)
        super().__init__(name, members)


def is_row(variable: str) -> bool:
    """Return whether a dotted name a template uses (``row.name``) is a batch row's."""
    return variable.split(".")[0].removesuffix("[]") == ROW


def file_stem(text: str) -> str:
    """Return ``text`` made fit for a file name, without extension."""
    text = text.translate(_FILE_NAME_CHARACTERS)
    return " ".join(part for part in text.split(" ") if part).strip()


# Characters Windows forbids in file names become full-width look-alikes, and a line
# break (a long name set on two lines) becomes a space.
_FILE_NAME_CHARACTERS = str.maketrans('/\\:*?"<>|\t\n\r', "／＼：＊？＂＜＞｜   ")
