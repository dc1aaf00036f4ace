"""What a data file says, validated: report.yaml's and a part's fields as plain values.

Loading reads these, whichever reader validated the file: :mod:`.specs_reader` for a file
that is plainly valid, or the pydantic models of :mod:`.models`, which also explain what is
wrong and give the files' JSON Schema. Each class has the fields of the model of the same
name, in the same order (a test compares them); the models hold their descriptions.

They are named tuples rather than dataclasses: as immutable, and made at import in a small
part of the time, which every render pays. For the same reason their annotations are not
postponed (no ``from __future__ import annotations``): a named tuple turns each postponed
one into a reference it compiles. A named tuple cannot add fields to another's, so
report.yaml's and a part's classes each repeat the five fields of :class:`Content`.
"""

import re
from typing import Any, NamedTuple

from reportgen.data.rules import OPERATIONS
from reportgen.text.dates import Date

#: A node of ``figures:``: a number, a figure written in full, or a group of nodes by name.
FigureNode = Any


class FigureSpec(NamedTuple):
    """A figure written in full: its value (or values by year) and how it prints."""

    value: float | int | None
    by_year: dict[int, float | int | None] | None
    previous: float | int | None
    label: str | None
    unit: str | None
    qualifier: str | None  # 近 or 约 before the number, 多 or 余 after it
    scale: str | None  # 万 or 亿
    precision: int


class DerivedSpec(NamedTuple):
    """A figure computed from others: exactly one of share, growth, sum and difference."""

    label: str | None
    unit: str | None
    precision: int
    share: tuple[str, str] | None
    growth: tuple[str, str] | None
    sum: list[str] | None
    difference: tuple[str, str] | None

    @property
    def operation(self) -> tuple[str, list[str]]:
        """Return the operation's name and the figure names it uses."""
        for name in OPERATIONS:
            operands = getattr(self, name)
            if operands is not None:
                return name, list(operands)
        raise AssertionError("validated to have one operation")


class FiguresSheetSpec(NamedTuple):
    """A statistics office's workbook the figures come from: its file, sheet and rows."""

    file: str
    sheet: str | None
    rows: str | None

    @property
    def row_range(self) -> tuple[int, int] | None:
        """Return the first and last row holding indicators, or None for every row."""
        if self.rows is None:
            return None
        first, last = (int(number) for number in re.findall(r"\d+", self.rows))
        return (min(first, last), max(first, last))


class Content(NamedTuple):
    """The sections report.yaml and a part file share: figures, derived, lists, pictures."""

    figures: dict[str, FigureNode]
    derived: dict[str, DerivedSpec]
    lists: dict[str, list[str]]
    figures_sheet: FiguresSheetSpec | None
    pictures: dict[str, str]


class PartFile(NamedTuple):
    """A part's file: the shared sections, then its lead sentence and paragraphs."""

    figures: dict[str, FigureNode]
    derived: dict[str, DerivedSpec]
    lists: dict[str, list[str]]
    figures_sheet: FiguresSheetSpec | None
    pictures: dict[str, str]
    lead: str
    paragraphs: list[str]


class Period(NamedTuple):
    """The years a report covers, both included."""

    start: int
    end: int


class BatchSpec(NamedTuple):
    """A document for each row of a table: the table, and each document's file name."""

    rows: str
    sheet: str | None
    output: str
    merged: str | None


class AttachmentSpec(NamedTuple):
    """The attachment's table of figures by year, and the figure charted."""

    title: str
    figures: list[str]
    chart: str | None


class DocumentNumberSpec(NamedTuple):
    """A 公文's number: 江工发〔2023〕12号."""

    code: str
    year: int | None
    serial: int


class ImprintSpec(NamedTuple):
    """A 公文's 版记: who receives copies, who issues it, and when."""

    copies: list[str]
    issuer: str
    date: Date


class OfficialSpec(NamedTuple):
    """The parts of a 公文 (GB/T 9704-2012) report.yaml asks for."""

    mark: str | None
    number: DocumentNumberSpec
    signers: list[str]
    addressee: str | None
    signature: str | None
    seal: str | None
    imprint: ImprintSpec | None


class ReportFile(NamedTuple):
    """report.yaml: the shared sections, then the report's template, facts and parts."""

    figures: dict[str, FigureNode]
    derived: dict[str, DerivedSpec]
    lists: dict[str, list[str]]
    figures_sheet: FiguresSheetSpec | None
    pictures: dict[str, str]
    template: str
    output: str | None
    organisation: str | None
    title: str | None
    period: Period | None
    date: Date | None
    opening: list[str]
    parts: list[str]
    batch: BatchSpec | None
    attachment: AttachmentSpec | None
    official: OfficialSpec | None


#: What holds the sections figures and lists are read from.
AnyContent = Content | PartFile | ReportFile
#: Every kind of spec, each read from a mapping of its fields.
Spec = (
    FigureSpec
    | DerivedSpec
    | FiguresSheetSpec
    | Content
    | PartFile
    | Period
    | BatchSpec
    | AttachmentSpec
    | DocumentNumberSpec
    | ImprintSpec
    | OfficialSpec
    | ReportFile
)
