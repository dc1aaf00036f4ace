"""Read a batch's table, one row a document: a CSV file, a YAML list or a spreadsheet's sheet.

A CSV table names its columns in its first line and is read in UTF-8 (with or without a
BOM) or GB18030, as Excel and WPS save it on Chinese Windows. A YAML table is a list of
mappings (``- name: …``). A workbook (.xlsx, .xls, .ods, WPS's .et) is read from a named
sheet or the first, its column names from its first row with anything in it.

Tables are read as a stream: :func:`open_table` reads the column names and returns a
:class:`TableReader`, which yields each row in the table's order as it reads it, so a table
of a million rows takes no more memory than one of ten (a workbook's sheet is held whole by
its library, at about 32 bytes a cell). Each row keeps where it is, its line, or its cells
in a sheet, so that a problem names the place a clerk has to fix: ``winners.csv:7`` or
``winners.xlsx:获奖名单!C7``. A bad row does not stop the others: it comes as a
:class:`BadRow` with its problems, and the rows after it still come.

Values keep their kind: text; whole numbers from a sheet as integers (16489, not 16489.0),
other numbers as floats; date cells as dates; an empty cell as ``""``.
"""

from __future__ import annotations

import csv
import datetime as dt
import keyword
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from reportgen.data.messages import (
    CELL_COUNT,
    CELL_KIND,
    COLUMN_BAD_NAME,
    COLUMN_TWICE,
    COLUMN_UNNAMED,
    CONTROL_CHARACTER,
    CSV_SYNTAX,
    FILE_NOT_FOUND,
    KIND_BOOLEAN,
    KIND_DURATION,
    KIND_LIST,
    KIND_MAPPING,
    KIND_TEXT,
    KIND_TIME,
    NO_ROWS,
    NOT_TEXT,
    TABLE_EMPTY,
    UNREADABLE_FILE,
    YAML_NOT_LIST,
    YAML_ROW_NOT_MAPPING,
)
from reportgen.errors import DataError, Problem
from reportgen.i18n import Message
from reportgen.text.decoding import FORBIDDEN_CHARACTER, TextLines

if TYPE_CHECKING:
    from reportgen.data.spreadsheet import Sheet, SheetRow

#: What a row's field holds.
Value = str | int | float | dt.date

#: The file types a table may be, by suffix.
CSV_SUFFIXES = (".csv",)
YAML_SUFFIXES = (".yaml", ".yml")

# -- names the text of a template reads as constants, never as a column --
_JINJA_CONSTANTS = {"true", "false", "none"}


@dataclass(frozen=True)
class Row:
    """One row of a table: its fields, and where it is.

    ``line`` is the row's line in a CSV or YAML file, or its number in a sheet. A YAML
    row knows the line and column of each field (``positions``); a sheet's row the sheet
    and the column of each field (``sheet``, ``columns``, from 0).
    """

    line: int
    fields: dict[str, Value]
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    sheet: str | None = None
    columns: Mapping[str, int] = field(default_factory=dict)

    def problem(
        self,
        path: Path,
        message: Message | str,
        column: str | None = None,
        *,
        where: Message | str | None = None,
        field: str | None = None,
    ) -> Problem:
        """Return a Problem at this row, at ``column``'s value when its place is known."""
        field = field or (f"row.{column}" if column else None)
        if self.sheet is not None:
            from reportgen.data.spreadsheet import cell_name

            index = self.columns.get(column, 0) if column else min(self.columns.values(), default=0)
            cell = cell_name(self.sheet, index, self.line)
            return Problem(message, file=path, line=self.line, cell=cell, where=where, field=field)
        line, col = self.positions.get(column, (self.line, None)) if column else (self.line, None)
        return Problem(message, file=path, line=line, column=col, where=where, field=field)


@dataclass(frozen=True)
class BadRow:
    """A row that cannot be used, with a problem for each thing wrong in it."""

    line: int
    problems: list[Problem]


@dataclass
class Table:
    """A table read whole: its good rows, and a problem for each bad one."""

    path: Path
    rows: list[Row]
    problems: list[Problem]
    #: The column names every row has. None for YAML, where each row names its own.
    columns: list[str] | None = None


class TableReader:
    """A table opened: its column names, and its rows to read one by one, in order."""

    def __init__(self, path: Path, columns: list[str] | None) -> None:
        self.path = path
        #: The column names every row has; None for YAML, where each row names its own.
        self.columns = columns

    def __iter__(self) -> Iterator[Row | BadRow]:
        """Yield each row, good or bad; raise DataError if the rest cannot be read."""
        raise NotImplementedError

    def close(self) -> None:
        """Let go of the file."""

    def __enter__(self) -> TableReader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_table(path: Path, sheet: str | None = None) -> TableReader:
    """Open the table at ``path`` (``sheet``: which sheet of a workbook; default the first).

    Raise DataError if the file as a whole cannot be read: missing, not a table, or with
    bad column names.
    """
    from reportgen.data.spreadsheet import WORKBOOK_SUFFIXES, open_sheet

    if not path.is_file():
        raise DataError([Problem(FILE_NOT_FOUND(), file=path)])
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return _SheetReader(path, open_sheet(path, sheet))
    if suffix in YAML_SUFFIXES:
        return _yaml_reader(path)
    return _CsvReader(path)


def read_table(path: Path, sheet: str | None = None) -> Table:
    """Read the whole table at ``path``; raise DataError if the file as a whole cannot be read."""
    with open_table(path, sheet) as reader:
        table = Table(path, [], [], reader.columns)
        for row in reader:
            if isinstance(row, BadRow):
                table.problems += row.problems
            else:
                table.rows.append(row)
    return table


def cell_text(value: Value) -> str:
    """Return a value as text, as a file name shows it: 16489, 12.5, 2024-01-18."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# -- CSV --


class _CsvReader(TableReader):
    """Reads a CSV file line by line; the column names from its first line with anything in it."""

    def __init__(self, path: Path) -> None:
        try:
            self._stream = TextLines(path)
        except OSError as err:
            raise DataError([Problem(_unreadable(err), file=path)]) from err
        try:
            self._reader = csv.reader(self._stream, strict=True)
            self._line = 1
            header = next(self._records(), None)
            if header is None:
                raise DataError([Problem(TABLE_EMPTY(), file=path)])
            line, cells = header
            columns = [cell.strip() for cell in cells]
            problems = _check_columns(path, columns, lambda index: (str(index), line, None))
            if problems:
                raise DataError(problems)
        except BaseException:
            self._stream.close()
            raise
        super().__init__(path, columns)

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        """Yield ``(line, cells)`` for each record with anything in it."""
        try:
            for cells in self._reader:
                # -- line_num is the last line the record took: a quoted cell may span lines --
                line, self._line = self._line, self._reader.line_num + 1
                if any(cell.strip() for cell in cells):
                    yield line, cells
        except csv.Error as err:
            raise DataError(
                [Problem(CSV_SYNTAX(detail=str(err)), file=self.path, line=self._line)]
            ) from err
        except UnicodeDecodeError as err:
            problem = Problem(NOT_TEXT(line=self._line, reason=err.reason), file=self.path)
            raise DataError([problem]) from err

    def __iter__(self) -> Iterator[Row | BadRow]:
        columns = self.columns or []
        count = 0
        for line, cells in self._records():
            count += 1
            if len(cells) != len(columns):
                message = CELL_COUNT(cells=len(cells), count=len(columns), columns=columns)
                yield BadRow(line, [Problem(message, file=self.path, line=line)])
                continue
            yield _checked(self.path, Row(line, {}), zip(columns, cells, strict=True))
        if not count:
            raise DataError([Problem(NO_ROWS(), file=self.path)])

    def close(self) -> None:
        self._stream.close()


# -- YAML --


def _yaml_reader(path: Path) -> TableReader:
    from reportgen.data.yaml_source import load_yaml

    source = load_yaml(path)
    line, column = source.locate(())
    if not isinstance(source.data, list):
        raise DataError([Problem(YAML_NOT_LIST(), file=path, line=line, column=column)])
    if not source.data:
        raise DataError([Problem(NO_ROWS(), file=path, line=line, column=column)])
    return _YamlReader(path, source)


class _YamlReader(TableReader):
    """Reads a YAML list of rows, each a mapping of column names to values."""

    def __init__(self, path: Path, source: Any) -> None:
        super().__init__(path, None)
        self.source = source

    def __iter__(self) -> Iterator[Row | BadRow]:
        for index, item in enumerate(self.source.data):
            line, _ = self.source.locate((index,))
            row = Row(line or 1, {})
            if not isinstance(item, dict):
                message = YAML_ROW_NOT_MAPPING(value=_kind(item))
                yield BadRow(row.line, [row.problem(self.path, message)])
                continue
            for key in item:
                key_line, key_column = self.source.locate((index, key))
                if key_line is not None:
                    row.positions[str(key)] = (key_line, key_column or 1)
            bad_names = [
                row.problem(self.path, COLUMN_BAD_NAME(column=key, name=key), str(key))
                for key in item
                if not _is_name(key)
            ]
            if bad_names:
                yield BadRow(row.line, bad_names)
                continue
            yield _checked(self.path, row, item.items())


# -- workbooks --


class _SheetReader(TableReader):
    """Reads a sheet of a workbook; the column names from its first row with anything in it."""

    def __init__(self, path: Path, sheet: Sheet) -> None:
        from reportgen.data.spreadsheet import cell_name, column_letters

        self.sheet = sheet
        self._rows = sheet.rows()
        header = next(self._rows, None)
        if header is None:
            raise DataError([Problem(TABLE_EMPTY(), file=path)])
        names = [str(cell) for cell in header.cells]
        while names and not names[-1]:
            names.pop()  # -- cells formatted but empty, beside the table --

        def place(index: int) -> tuple[str, int, str]:
            column = header.first + index - 1
            cell = cell_name(sheet.name, column, header.number)
            return column_letters(column), header.number, cell

        problems = _check_columns(path, names, place)
        if problems:
            raise DataError(problems)
        super().__init__(path, names)
        self._indexes = {name: header.first + index for index, name in enumerate(names)}

    def __iter__(self) -> Iterator[Row | BadRow]:
        columns = self.columns or []
        count = 0
        for sheet_row in self._rows:
            count += 1
            yield self._row(sheet_row, columns)
        if not count:
            raise DataError([Problem(NO_ROWS(), file=self.path)])

    def _row(self, sheet_row: SheetRow, columns: list[str]) -> Row | BadRow:
        from reportgen.data.spreadsheet import column_letters

        row = Row(sheet_row.number, {}, sheet=self.sheet.name, columns=self._indexes)
        cells = sheet_row.cells
        beyond = [index for index in range(len(columns), len(cells)) if cells[index] != ""]
        if beyond:
            column = sheet_row.first + beyond[0]
            message = COLUMN_UNNAMED(column=column_letters(column))
            problem = self.sheet.problem(message, column, sheet_row.number)
            return BadRow(row.line, [problem])
        values = [
            (name, cells[index] if index < len(cells) else "") for index, name in enumerate(columns)
        ]
        return _checked(self.path, row, values)


# -- checks every kind of table shares --


def _check_columns(path: Path, columns: list[str], place: Any) -> list[Problem]:
    """Return a problem for each column name that is empty, unusable or given twice.

    ``place(index)`` returns how the column at ``index`` (from 1) is named in a message,
    and the line and the cell it stands in.
    """
    problems = []
    seen: set[str] = set()
    for index, name in enumerate(columns, start=1):
        label, line, cell = place(index)
        if not name:
            message: Message = COLUMN_UNNAMED(column=label)
        elif not _is_name(name):
            message = COLUMN_BAD_NAME(column=label, name=name)
        elif name in seen:
            message = COLUMN_TWICE(column=label, name=name)
        else:
            seen.add(name)
            continue
        seen.add(name)
        problems.append(Problem(message, file=path, line=line, cell=cell))
    return problems


def _is_name(name: Any) -> bool:
    """Return whether ``name`` can name a column: ``row.name`` must read it back."""
    return (
        isinstance(name, str)
        and name.isidentifier()
        and not keyword.iskeyword(name)
        and name not in _JINJA_CONSTANTS
    )


def _checked(path: Path, row: Row, values: Any) -> Row | BadRow:
    """Return ``row`` with ``values`` as its fields, or a BadRow if one cannot be used."""
    problems = []
    for column, raw in values:
        value, message = _cell_value(raw)
        if message is not None:
            problems.append(row.problem(path, message, str(column)))
        else:
            row.fields[str(column)] = value
    return BadRow(row.line, problems) if problems else row


def _cell_value(value: Any) -> tuple[Value, Message | None]:
    """Return a cell's value as a row holds it, or the reason it cannot be held."""
    if value is None:
        return "", None
    if isinstance(value, str):
        value = value.strip()  # -- spaces around a name are never meant; CSV often has them --
        forbidden = FORBIDDEN_CHARACTER.search(value)
        if forbidden:
            code = f"{ord(forbidden.group()):04X}"
            return "", CONTROL_CHARACTER(code=code, position=forbidden.start() + 1)
        return value, None
    if isinstance(value, bool):
        return "", CELL_KIND(kind=KIND_BOOLEAN())
    if isinstance(value, int | float | dt.date):
        return value, None
    return "", CELL_KIND(kind=_kind(value))


def _kind(value: Any) -> Message:
    if isinstance(value, str):
        return KIND_TEXT(text=value)
    if isinstance(value, list | tuple):
        return KIND_LIST()
    if isinstance(value, dict):
        return KIND_MAPPING()
    if isinstance(value, dt.time):
        return KIND_TIME()
    if isinstance(value, dt.timedelta):
        return KIND_DURATION()
    return KIND_BOOLEAN() if isinstance(value, bool) else KIND_TEXT(text=str(value))


def _unreadable(err: OSError) -> Message:
    return UNREADABLE_FILE(reason=err.strerror or str(err))
