"""Read a sheet of a workbook (.xlsx, .xlsm, .xls, .ods, WPS's .et) as rows of values.

python-calamine reads every format here, in Rust, ten times as fast as openpyxl reads .xlsx.
Cells come as Python values: text, whole numbers as ``int`` (a spreadsheet stores 16489 as
16489.0), other numbers as ``float``, date cells as ``datetime.date`` (with a time, as
``datetime.datetime``), and empty cells as ``""``; in a table of an .xlsx, a column of numbers
shown as percentages comes as numbers that print as shown (0.351 as 35.1%; see
:mod:`reportgen.data.sheet_formats`). Each row keeps its number in the sheet and
each cell its column, so a problem is named as a clerk finds it: ``获奖名单!C7``.

A workbook is untrusted input. calamine holds a sheet as a dense grid from its first cell to
its last, so a file of a few kilobytes naming cells A1 and XFD1048576 would ask for hundreds
of gigabytes and abort the process. Before calamine opens one, its parts are measured
(:mod:`reportgen.data.sheet_extent`): the file, the XML unpacked, and the grid of every
sheet are bounded.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.data.messages import (
    NO_SUCH_SHEET,
    NOT_A_WORKBOOK,
    SHEET_PASSWORD,
    UNREADABLE_FILE,
    WORKBOOK_EMPTY,
)
from reportgen.data.sheet_extent import check_extent
from reportgen.errors import DataError, Problem
from reportgen.messages import os_reason

#: The file types read as workbooks, by suffix. .et is WPS's own: an .xls inside.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".et")

#: A value a cell holds, once read.
CellValue = str | int | float | dt.date | dt.time | dt.timedelta | bool


@dataclass(frozen=True)
class SheetRow:
    """One row of a sheet: its number (from 1) and its cells, the first in column ``first``."""

    number: int
    first: int  # the column of the first cell, from 0 (A)
    cells: list[CellValue]


def column_letters(index: int) -> str:
    """Return the letters of the column at ``index`` from 0: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def cell_name(sheet: str, column: int, row: int) -> str:
    """Return a cell's name as a clerk reads it: ``获奖名单!C7`` (``column`` from 0)."""
    return f"{sheet}!{column_letters(column)}{row}"


class Sheet:
    """One sheet of a workbook, read on demand: its name and its rows, top to bottom."""

    def __init__(self, path: Path, name: str, calamine_sheet: Any) -> None:
        self.path = path
        self.name = name
        self._sheet = calamine_sheet
        self._percents: dict[int, int] | None = None

    @property
    def height(self) -> int:
        """Return the number of the sheet's last row with anything in it."""
        end = self._sheet.end
        return int(end[0]) + 1 if end is not None else 0

    def rows(self) -> Iterator[SheetRow]:
        """Yield each row that has a cell with something in it, in the sheet's order."""
        start = self._sheet.start
        if start is None:
            return
        first = start[1]
        # -- calamine yields the empty rows above the first too, so a row's index is its place --
        for index, cells in enumerate(self._sheet.iter_rows()):
            values = list(map(plain_value, cells))
            if values.count("") < len(values):
                yield SheetRow(index + 1, first, values)

    def table_rows(self, *, percentages: bool = False) -> Iterator[SheetRow]:
        """Yield the rows of the table on the sheet, its column names first.

        With ``percentages``, the numbers of a column an .xlsx shows as percentages print so.

        A title above the table (a row of one cell, often merged across, over a row of
        several) is passed over; a merged cell's value stands in every cell it covers, as a
        reader of the sheet takes it. A head of two rows, a group's name merged across the
        names of its columns (基本信息 over 姓名 and 单位), gives the names of the row below.
        """
        rows = self.rows()
        header = next(rows, None)
        following = next(rows, None)
        while (
            header is not None and following is not None and is_title(header.cells, following.cells)
        ):
            header, following = following, next(rows, None)
        if header is None:
            return
        ranges = getattr(self._sheet, "merged_cell_ranges", None) or []
        merges = _Merges(ranges)
        filled = map(
            merges.fill,
            itertools.chain([header], [following] if following is not None else [], rows),
        )
        table = _two_row_head_joined(filled, _groups(ranges))
        percents = self._percent_columns() if percentages else {}
        for row in table:
            yield _shown_as_percent(row, percents) if percents else row

    def _percent_columns(self) -> dict[int, int]:
        if self._percents is None:  # -- read once, however often the table is gone through --
            from reportgen.data.sheet_formats import percent_columns

            self._percents = percent_columns(self.path, self.name)
        return self._percents

    def problem(self, message: Any, column: int | None, row: int, **location: Any) -> Problem:
        """Return a Problem at a cell of this sheet (at the row's first cell without ``column``)."""
        where = cell_name(self.name, column if column is not None else 0, row)
        return Problem(message, file=self.path, line=row, cell=where, **location)


def is_title(row: Sequence[Any], below: Sequence[Any]) -> bool:
    """Return whether the cells ``row`` are a title over a table whose column names are ``below``.

    A title is one cell (merged across the table or not); column names are several.
    """
    return _filled(row) == 1 and _filled(below) > 1


def _groups(ranges: list[Any]) -> dict[int, list[tuple[int, int]]]:
    """Return the merges across columns within one row, as their columns by row (from 1)."""
    groups: dict[int, list[tuple[int, int]]] = {}
    for (top, left), (bottom, right) in ranges:
        if top == bottom and right > left:
            groups.setdefault(top + 1, []).append((left, right))
    return groups


def _two_row_head_joined(
    table: Iterator[SheetRow], groups: dict[int, list[tuple[int, int]]]
) -> Iterator[SheetRow]:
    """Yield ``table`` with a head of two rows made one, named by its lower row.

    ``基本信息`` merged over ``姓名`` and ``单位`` gives ``姓名`` and ``单位``. The head is of
    two rows when its row merges cells across and the row below names every
    column under each merge; a name merged down over both rows (序号) stands in both.
    """
    header = next(table, None)
    if header is None:
        return
    spans = groups.get(header.number, [])
    below = next(table, None) if spans else None
    if below is None or not _names_every_column(below, spans, header):
        yield header
        if below is not None:
            yield below
        yield from table
        return
    inside = {column for left, right in spans for column in range(left, right + 1)}
    width = max(len(header.cells), len(below.cells))
    names = [
        _cell(below, header.first + index)
        if header.first + index in inside or _cell(header, header.first + index) == ""
        else _cell(header, header.first + index)
        for index in range(width)
    ]
    yield SheetRow(below.number, header.first, names)
    yield from table


def _names_every_column(below: SheetRow, spans: list[tuple[int, int]], header: SheetRow) -> bool:
    """Return whether ``below`` names every merged column, and holds nothing beside them."""
    inside = set()
    for left, right in spans:
        group = _cell(header, left)
        for column in range(left, right + 1):
            name = _cell(below, column)
            # -- a year heads a column as a number (2019) --
            if isinstance(name, bool) or not isinstance(name, str | int) or name in ("", group):
                return False
            inside.add(column)
    # -- beside the groups, a head's second row is empty or merged down from the first; a
    # row of values is not --
    return all(
        _cell(below, column) in ("", _cell(header, column))
        for column in range(header.first, header.first + len(header.cells))
        if column not in inside
    )


def _cell(row: SheetRow, column: int) -> CellValue:
    index = column - row.first
    return row.cells[index] if 0 <= index < len(row.cells) else ""


def _filled(cells: Sequence[Any]) -> int:
    return sum(str(cell).strip() != "" for cell in cells)


class _Merges:
    """The merged cells of a sheet, to give each covered cell the value of the merge's first.

    Ranges are taken up as the rows come, so a merge over a million rows costs no more than
    one over two; a range is ``((first row, first column), (last row, last column))`` from 0.
    """

    def __init__(self, ranges: list[tuple[tuple[int, int], tuple[int, int]]]) -> None:
        self._waiting = sorted(ranges, reverse=True)  # -- the next to start, last --
        self._open: list[tuple[int, int, int, CellValue]] = []  # last row, columns, value

    def fill(self, row: SheetRow) -> SheetRow:
        """Return ``row`` (numbered from 1) with the cells merges cover filled in."""
        index = row.number - 1
        self._open = [merge for merge in self._open if merge[0] >= index]
        cells = row.cells
        while self._waiting and self._waiting[-1][0][0] <= index:
            (top, left), (bottom, right) = self._waiting.pop()
            if top == index and bottom >= index and 0 <= left - row.first < len(cells):
                self._open.append((bottom, left, right, cells[left - row.first]))
        if not self._open:
            return row
        cells = list(cells)
        for _, left, right, value in self._open:
            for column in range(max(left, row.first), min(right + 1, row.first + len(cells))):
                if cells[column - row.first] == "":
                    cells[column - row.first] = value
        return SheetRow(row.number, row.first, cells)


def _shown_as_percent(row: SheetRow, percents: dict[int, int]) -> SheetRow:
    """Return ``row`` with the numbers of the columns shown as percentages printing so."""
    from reportgen.data.sheet_formats import SheetPercent

    cells = list(row.cells)
    for index, cell in enumerate(cells):
        places = percents.get(row.first + index)
        if places is not None and isinstance(cell, int | float) and not isinstance(cell, bool):
            cells[index] = SheetPercent(cell, places)
    return SheetRow(row.number, row.first, cells)


def plain_value(cell: Any) -> CellValue:
    """Return a cell as the value it shows: 16489.0 as 16489, text without its outer spaces."""
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    if isinstance(cell, str):
        return cell.strip()
    return cell  # type: ignore[no-any-return]


def open_sheet(path: Path, sheet: str | None = None) -> Sheet:
    """Open the sheet named ``sheet`` (default: the first) of the workbook at ``path``.

    Raise DataError when the file cannot be read as a workbook, is too large to read safely,
    or has no such sheet.
    """
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    check_extent(path)
    try:
        with path.open("rb") as stream:
            # -- read by content, not suffix: WPS's .et is an .xls, and a renamed file is read --
            workbook = CalamineWorkbook.from_filelike(stream)
            names = [meta.name for meta in workbook.sheets_metadata if _is_worksheet(meta)]
            if not names:
                raise DataError([Problem(WORKBOOK_EMPTY(), file=path)])
            named = _sheet_named(sheet, names) if sheet is not None else None
            if sheet is not None and named is None:
                raise DataError([Problem(NO_SUCH_SHEET(sheet=sheet, sheets=names), file=path)])
            # -- by default the first sheet the clerk sees: one kept hidden is no table of theirs --
            shown = [meta.name for meta in workbook.sheets_metadata if _is_shown(meta)]
            name = named if named is not None else (shown or names)[0]
            return Sheet(path, name, workbook.get_sheet_by_name(name))
    except DataError:
        raise
    except PasswordError as err:
        raise DataError([Problem(SHEET_PASSWORD(), file=path)]) from err
    except (CalamineError, ValueError) as err:
        raise DataError([Problem(NOT_A_WORKBOOK(detail=str(err)), file=path)]) from err
    except OSError as err:
        raise DataError([Problem(UNREADABLE_FILE(reason=os_reason(err)), file=path)]) from err


def _sheet_named(sheet: str, names: list[str]) -> str | None:
    """Return the sheet of ``names`` that ``sheet`` names, or None if none or several do.

    Excel takes 名单 and 名单 (a space typed after it on the tab) for two sheets, and Sheet1
    and sheet1 for one; a clerk writing the name in report.yaml sees no difference.
    """
    if sheet in names:
        return sheet
    found = [name for name in names if _sheet_key(name) == _sheet_key(sheet)]
    return found[0] if len(found) == 1 else None


def _sheet_key(name: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKC", name).strip().casefold()


def _is_worksheet(meta: Any) -> bool:
    return str(meta.typ).endswith("WorkSheet")


def _is_shown(meta: Any) -> bool:
    return _is_worksheet(meta) and str(getattr(meta, "visible", "Visible")).endswith("Visible")
