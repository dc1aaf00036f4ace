"""Take a data file's figures from a spreadsheet, as a statistics office sends them.

Such a sheet has an indicator a row and a year a column, with a unit column: its first row
with anything in it names the columns: ``指标`` (or ``指标名称``, ``项目``; else the first
column), ``单位``, a column a year (``2019``, ``2019年`` or ``2019年度``), and optionally
``合计`` (the period's figure, for one not given by year) and ``上期`` (the previous
period's). A data file names the sheet and, if not every row, which rows hold its
indicators::

    figures_sheet:
      file: 统计数据.xlsx
      sheet: 合理化建议
      rows: 3-8
    figures:
      collected: {label: 征集合理化建议, unit: 条}

Each indicator is matched by name to a figure of the file (its label, or its own name) that
has no value written: the figure's years of the period come from the year columns (or its
value from ``合计``), and its previous value from ``上期`` when the file gives none. Every
problem names its cell: ``统计数据.xlsx:合理化建议!C5``. :mod:`reportgen.commands.fill_sheet`
writes such a sheet for a new period, to be filled in and read back here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.data.figures import PeriodView
from reportgen.data.messages import (
    SHEET_FIGURE_NUMBER,
    SHEET_FIGURE_TWICE,
    SHEET_FIGURE_UNIT,
    SHEET_FIGURE_WRITTEN,
    SHEET_FILE_MISSING,
    SHEET_FORMULA_NOT_COMPUTED,
    SHEET_NO_FIGURE,
    SHEET_NO_INDICATORS,
    SHEET_NO_YEARS,
    SHEET_YEAR_EMPTY,
)
from reportgen.data.specs import AnyContent, FigureSpec
from reportgen.data.spreadsheet import Sheet, SheetRow, open_sheet
from reportgen.data.written_numbers import read_number
from reportgen.errors import DataError, Problem, did_you_mean
from reportgen.i18n import Message
from reportgen.workspace import outside_problem

#: How the columns are headed, in the sheets statistics offices send and the one reportgen writes.
INDICATOR_HEADINGS = ("指标", "指标名称", "项目", "名称")
UNIT_HEADINGS = ("单位", "计量单位")
TOTAL_HEADINGS = ("合计", "本期合计", "本期")
PREVIOUS_HEADINGS = ("上期", "上一周期", "上期合计")
#: A year's column as statistics offices head it: 2019, 2019年, 2019年度 (full-width digits too).
_YEAR = re.compile(r"(\d{4})\s*(?:年度?)?")


@dataclass
class _Columns:
    """Where each kind of column is on the sheet (from 0), found from its first row."""

    indicator: int
    unit: int | None = None
    total: int | None = None
    previous: int | None = None
    years: dict[int, int] = field(default_factory=dict)  # year: column


@dataclass
class SheetFigures:
    """What a sheet gave: the data file's content with the figures filled, and problems."""

    content: AnyContent
    problems: list[Problem]
    files: list[Path]
    #: The figures whose cells are still empty: reported at their cells, not again in the file.
    pending: set[str] = field(default_factory=set)


def fill_from_sheet(content: AnyContent, directory: Path, period: PeriodView) -> SheetFigures:
    """Return ``content`` with the figures its ``figures_sheet`` gives, and the problems found.

    Raise DataError when the workbook or its sheet cannot be read at all.
    """
    spec = content.figures_sheet
    if spec is None:
        return SheetFigures(content, [], [])
    path = directory / spec.file
    outside = outside_problem(path, directory)
    if outside is not None:  # -- a link to a workbook elsewhere: its figures would be printed --
        raise DataError([outside])
    if not path.is_file():  # -- missing, a folder, or a pipe, which would wait for ever --
        raise DataError([Problem(SHEET_FILE_MISSING(), file=path)])
    sheet = open_sheet(path, spec.sheet)
    rows = sheet.table_rows()
    header = next(rows, None)
    if header is None:
        raise DataError([Problem(SHEET_NO_INDICATORS(), file=path)])
    columns = _find_columns(header)
    if not columns.years and columns.total is None:
        raise DataError([sheet.problem(SHEET_NO_YEARS(), header.first, header.number)])
    reader = _Reader(sheet, columns, content, period)
    for row in _chosen(rows, spec.row_range):
        reader.read(row)
    figures = _with_filled(content.figures, reader.filled)
    filled = content._replace(figures=figures)
    return SheetFigures(filled, reader.problems, [path], reader.pending)


def leaf_figures(nodes: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Yield ``(dotted name, node)`` for every figure under ``nodes``, through its groups."""
    for name, node in nodes.items():
        if isinstance(node, dict):
            yield from leaf_figures(node, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", node


def _with_filled(nodes: dict[str, Any], filled: dict[str, FigureSpec]) -> dict[str, Any]:
    """Return ``nodes`` with each figure named (dotted) in ``filled`` replaced."""
    result = dict(nodes)
    for dotted, spec in filled.items():
        *groups, name = dotted.split(".")
        level = result
        for group in groups:
            level[group] = dict(level[group])
            level = level[group]
        level[name] = spec
    return result


def _chosen(rows: Iterator[SheetRow], span: tuple[int, int] | None) -> Iterator[SheetRow]:
    for row in rows:
        if span is None or span[0] <= row.number <= span[1]:
            yield row


def _find_columns(header: SheetRow) -> _Columns:
    headings = {index: _heading(cell) for index, cell in enumerate(header.cells)}
    found = _Columns(indicator=header.first)
    for index, text in headings.items():
        column = header.first + index
        if text in INDICATOR_HEADINGS:
            found.indicator = column
        elif text in UNIT_HEADINGS:
            found.unit = column
        elif text in TOTAL_HEADINGS:
            found.total = column
        elif text in PREVIOUS_HEADINGS:
            found.previous = column
        elif (year := _year(header.cells[index])) is not None:
            found.years[year] = column
    return found


def _heading(cell: Any) -> str:
    return str(cell).replace(" ", "").replace("\u3000", "") if isinstance(cell, str) else ""


def _year(cell: Any) -> int | None:
    if isinstance(cell, int) and 1900 <= cell <= 2200:
        return cell
    text = unicodedata.normalize("NFKC", cell).strip() if isinstance(cell, str) else ""
    match = _YEAR.fullmatch(text)
    return int(match.group(1)) if match and 1900 <= int(match.group(1)) <= 2200 else None


class _Reader:
    """Matches each indicator row to a figure and reads its numbers, collecting problems."""

    def __init__(
        self, sheet: Sheet, columns: _Columns, content: AnyContent, period: PeriodView
    ) -> None:
        self.sheet = sheet
        self.columns = columns
        self.period = period
        self.problems: list[Problem] = []
        self.filled: dict[str, FigureSpec] = {}
        self.pending: set[str] = set()
        self.seen: dict[str, int] = {}
        #: The cells holding a formula with no value, read when an empty cell is found.
        self.uncomputed: frozenset[tuple[int, int]] | None = None
        # -- a figure is found by its label, or by its own name --
        self.figures: dict[str, str] = {}
        self.specs = dict(leaf_figures(content.figures))
        for name, node in self.specs.items():
            label = node.label if isinstance(node, FigureSpec) else None
            self.figures.setdefault(label or name, name)
            self.figures.setdefault(name, name)

    def cell(self, row: SheetRow, column: int | None) -> Any:
        if column is None:
            return ""
        index = column - row.first
        return row.cells[index] if 0 <= index < len(row.cells) else ""

    def problem(self, message: Any, row: SheetRow, column: int) -> None:
        self.problems.append(self.sheet.problem(message, column, row.number))

    def read(self, row: SheetRow) -> None:
        indicator = str(self.cell(row, self.columns.indicator)).strip()
        if not indicator:
            return  # -- a heading row or a note between groups of indicators --
        name = self.figures.get(indicator)
        if name is None:
            hint = did_you_mean(indicator, list(self.figures))
            self.problem(
                SHEET_NO_FIGURE(indicator=indicator, hint=hint), row, self.columns.indicator
            )
            return
        if name in self.seen:
            message = SHEET_FIGURE_TWICE(indicator=indicator, row=self.seen[name])
            self.problem(message, row, self.columns.indicator)
            return
        self.seen[name] = row.number
        node = self.specs[name]
        spec = node if isinstance(node, FigureSpec) else None
        if spec is None or spec.value is not None or _written(spec.by_year):
            self.problem(SHEET_FIGURE_WRITTEN(name=name), row, self.columns.indicator)
            return
        self._fill(name, spec, row)

    def _fill(self, name: str, spec: FigureSpec, row: SheetRow) -> None:
        # -- until filled, the figure's problems are at its cells, not again in the data file --
        self.pending.add(name)
        unit = str(self.cell(row, self.columns.unit)).strip()
        if unit and spec.unit and unit != spec.unit:
            message = SHEET_FIGURE_UNIT(name=name, sheet_unit=unit, unit=spec.unit)
            self.problem(message, row, self.columns.unit or 0)
            return
        update: dict[str, Any] = {"unit": spec.unit or unit or None}
        by_year = self._years(row)
        if by_year is None:
            return
        if by_year:
            update["by_year"] = by_year
        else:
            total = self._number(row, self.columns.total, allow_empty=True)
            if total is None:
                column = self.columns.total
                self.problem(self._empty(row, column, self.period), row, column or 0)
                return
            update["value"] = total
        if spec.previous is None and self.columns.previous is not None:
            previous = self._number(row, self.columns.previous, allow_empty=True)
            if previous is not None:
                update["previous"] = previous
        self.filled[name] = spec._replace(**update)
        self.pending.discard(name)

    def _years(self, row: SheetRow) -> dict[int, float | int] | None:
        """Return the figure's value in each year of the period, {} if given by total, or None."""
        years = [year for year in self.period.years if year in self.columns.years]
        cells = {year: self.cell(row, self.columns.years[year]) for year in years}
        if not any(cell != "" for cell in cells.values()) and self.columns.total is not None:
            return {}
        values: dict[int, float | int] = {}
        for year in self.period.years:
            column = self.columns.years.get(year)
            if column is None:
                self.problem(SHEET_YEAR_EMPTY(year=year), row, self._first_value_column())
                return None
            number = self._number(row, column, allow_empty=False, year=year)
            if number is None:
                return None
            values[year] = number
        return values

    def _number(
        self, row: SheetRow, column: int | None, *, allow_empty: bool, year: int | None = None
    ) -> float | int | None:
        value = self.cell(row, column)
        if value == "" and allow_empty:
            return None
        if value == "":
            self.problem(self._empty(row, column, year), row, column or 0)
            return None
        if isinstance(value, str) and (number := read_number(value)) is not None:
            value = number  # -- a number stored as text, as Excel shows it --
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            self.problem(SHEET_FIGURE_NUMBER(value=str(value)), row, column or 0)
            return None
        return value

    def _empty(self, row: SheetRow, column: int | None, year: object) -> Message:
        """Return the problem of an empty cell: a formula Excel never worked out says so."""
        if self.uncomputed is None:
            from reportgen.data.sheet_formulas import uncomputed_cells

            self.uncomputed = uncomputed_cells(self.sheet.path, self.sheet.name)
        if (row.number, column) in self.uncomputed:
            return SHEET_FORMULA_NOT_COMPUTED(year=year, file=self.sheet.path.name)
        return SHEET_YEAR_EMPTY(year=year)

    def _first_value_column(self) -> int:
        candidates = [*self.columns.years.values(), self.columns.total]
        return min(column for column in candidates if column is not None)


def _written(by_year: dict[int, Any] | None) -> bool:
    return bool(by_year) and any(value is not None for value in (by_year or {}).values())
