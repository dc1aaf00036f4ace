"""Read a batch's table, one row a document, as a stream: a CSV file, a YAML list or a sheet.

A CSV table names its columns in its first line and is read in UTF-8 (with or without a
BOM) or GB18030, as Excel and WPS save it on Chinese Windows. A YAML table is a list of
mappings (``- name: …``). A workbook (.xlsx, .xls, .ods, WPS's .et) is read from a named
sheet or the first, its column names from its first row with anything in it.

:func:`open_table` reads the file through once, holding one row at a time, to refuse a
table that is wrong as a whole (no such file, not text, broken CSV quoting, no column
names, no rows) before any row is rendered; :meth:`Table.rows` then yields the rows one at
a time, reading the file again as it goes, so a table of a million rows takes no more
memory than one of ten (a workbook's sheet is held whole by its library, at about 32 bytes
a cell). Every kind of table gives the same :class:`Row` objects through the same
interface, each keeping where it is, its line or its cell in a sheet, so that a problem
names the place a clerk has to fix: ``winners.csv:7`` or ``winners.xlsx:获奖名单!C7``. A
bad row does not stop the others: it comes with its problems.

Values keep their kind: text; whole numbers from a sheet as integers (16489, not 16489.0),
other numbers as floats; date cells as dates; an empty cell as ``""`` (a problem only where
the template uses its column, which the batch checks).
"""

from __future__ import annotations

import csv
import datetime as dt
import keyword
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.data.messages import (
    CELL_COUNT,
    CELL_KIND,
    COLUMN_BAD_NAME,
    COLUMN_TWICE,
    COLUMN_UNNAMED,
    CONTROL_CHARACTER,
    CSV_LINE_TOO_LONG,
    CSV_SYNTAX,
    DIGITS_LOST,
    FILE_NOT_FOUND,
    FORMULA_NOT_COMPUTED,
    HIDDEN_ROWS,
    HIDDEN_ROWS_MORE,
    KIND_DURATION,
    KIND_TIME,
    NO_ROWS,
    SHOWN_BOOLEAN,
    SHOWN_FIELDS,
    SHOWN_LIST,
    SHOWN_NUMBER,
    SHOWN_TEXT,
    TABLE_EMPTY,
    TEXT_EMPTY,
    TOTAL_ROW,
    UNREADABLE_FILE,
    WORKBOOK_IS_TEXT,
    YAML_NOT_LIST,
    YAML_ROW_NOT_MAPPING,
)
from reportgen.errors import DataError, InvalidValue, Problem
from reportgen.i18n import Message, Worded
from reportgen.messages import os_reason
from reportgen.patterns import LazyPattern
from reportgen.text.dates import parse_date, shown_date
from reportgen.text.decoding import (
    FORBIDDEN_CHARACTER,
    MAX_LINE_BYTES,
    LineTooLong,
    TextLines,
    UndecodableText,
)
from reportgen.text.messages import NOT_TEXT_ENCODING

if TYPE_CHECKING:
    from reportgen.data.spreadsheet import Sheet

#: What a row's field holds.
Value = str | int | float | dt.date

#: The file types read as YAML lists of rows.
YAML_SUFFIXES = (".yaml", ".yml")

# -- names the text of a template reads as constants, never as a column --
_JINJA_CONSTANTS = {"true", "false", "none"}


@dataclass(frozen=True)
class Row:
    """One row of a table: its fields, where it is, and its problems if it is bad.

    ``line`` is the row's line in a CSV or YAML file, or its number in a sheet. A YAML
    row knows the line and column of each field (``positions``); a sheet's row the sheet
    and the column of each field (``sheet``, ``columns``, from 0). A row with problems is
    not rendered; its problems are reported where it is.
    """

    line: int
    fields: dict[str, Value]
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    sheet: str | None = None
    columns: Mapping[str, int] = field(default_factory=dict)

    def problem(
        self,
        path: Path,
        message: Message | str,
        column: str | None = None,
        *,
        where: Worded | str | None = None,
        field: str | None = None,
        tag: str | None = None,
    ) -> Problem:
        """Return a Problem at this row, at ``column``'s value when its place is known."""
        field = field or (f"row.{column}" if column else None)
        if self.sheet is not None:
            from reportgen.data.spreadsheet import cell_name

            index = self.columns.get(column, 0) if column else min(self.columns.values(), default=0)
            cell = cell_name(self.sheet, index, self.line)
            return Problem(
                message, file=path, line=self.line, cell=cell, where=where, field=field, tag=tag
            )
        line, col = self.positions.get(column, (self.line, None)) if column else (self.line, None)
        return Problem(message, file=path, line=line, column=col, where=where, field=field, tag=tag)


#: One row as a source reads it: its line, its values by column (or why it cannot be
#: read), and the line and column of each value where the source knows them.
Record = tuple[int, dict[str, Any] | Problem, dict[str, tuple[int, int]]]


@dataclass
class Table:
    """A table opened for reading: where it is, its columns, and its rows as a stream.

    ``records`` starts reading the file again each time it is called, and yields a
    :data:`Record` for each row in the file's order; :meth:`rows` checks each as it comes.
    """

    path: Path
    records: Callable[[], Iterator[Record]]
    #: The column names every row has (a header). None where each row names its own.
    columns: list[str] | None = None
    #: About how many rows the table holds, for a progress bar; None when unknown.
    size_hint: int | None = None
    #: A workbook's sheet the rows are on, and the column (from 0) of each column name.
    sheet: str | None = None
    cells: Mapping[str, int] = field(default_factory=dict)
    #: Warnings about the table as a whole, such as its having been read as GBK.
    notes: list[Problem] = field(default_factory=list)
    #: The problem of each column name the header gives twice: a problem for a template
    #: that prints that column, whose value could be either (a row holds the last).
    twice: Mapping[str, Problem] = field(default_factory=dict)
    #: ``(row, column)`` of each cell holding a formula Excel never worked out (column from 0).
    uncomputed: frozenset[tuple[int, int]] = frozenset()

    def cell_problem(self, row: Row, column: str) -> Message | None:
        """Return what is wrong with the value of ``row`` in ``column``, which is printed.

        An empty cell holding a formula never worked out says to save the file in Excel.
        """
        value = row.fields[column]
        message = used_cell_problem(value, self.sheet is not None)
        if value == "" and (row.line, self.cells.get(column, -1)) in self.uncomputed:
            return FORMULA_NOT_COMPUTED(file=self.path.name)
        return message

    def rows(self) -> Iterator[Row]:
        """Yield every row in the table's order, each with its problems (none if it is good).

        A total row (合计, 总计, 小计 in its first cell) is no record: it is left out, and
        said among the table's notes.
        """
        for line, values, positions in self.records():
            row = Row(line, {}, positions, sheet=self.sheet, columns=self.cells)
            if isinstance(values, Problem):
                row.problems.append(values)
                yield row
                continue
            total = _total_word(values)
            if total is not None:
                note = row.problem(self.path, TOTAL_ROW(text=total), next(iter(values), None))
                self.notes.append(note._replace(severity="warning", field=None))
                continue
            yield _checked_row(self.path, row, values, self.columns is not None)


#: What the first cell of a spreadsheet's total row says, spaces taken out.
_TOTAL_WORDS = frozenset({"合计", "总计", "小计", "共计", "总合计", "累计"})
#: What the first cell of a total row, stripped, can start with: a total word's first
#: character, a colon taken out with the spaces, or nothing.
_TOTAL_STARTS = frozenset({"", ":", "：", *(word[0] for word in _TOTAL_WORDS)})


def _total_word(values: Mapping[str, Any]) -> str | None:
    """Return the first cell's text if it marks a total row (``合  计``), else None."""
    first = next(iter(values.values()), None)
    if not isinstance(first, str):
        return None
    text = first.strip()
    if text[:1] not in _TOTAL_STARTS:
        return None  # -- most rows: a first cell no total word, colon or nothing starts --
    return text if re.sub(r"[\s\u3000:：]", "", text) in _TOTAL_WORDS else None


def open_table(path: Path, sheet: str | None = None) -> Table:
    """Open the table at ``path`` (``sheet``: which sheet of a workbook; default the first).

    Raise DataError if the file as a whole cannot be read: missing, not a table, not text,
    with bad column names or no rows.
    """
    from reportgen.data.spreadsheet import WORKBOOK_SUFFIXES

    if not path.is_file():
        raise DataError([Problem(FILE_NOT_FOUND(), file=path)])
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES and _is_text(path):
        # -- a CSV renamed .xlsx, as if that made it a workbook: Excel opens it, so do we --
        table = _open_csv(path)
        note = Problem(WORKBOOK_IS_TEXT(suffix=suffix), file=path, severity="warning")
        table.notes.insert(0, note)
        return table
    if suffix in WORKBOOK_SUFFIXES:
        return _open_sheet(path, sheet)
    if suffix in YAML_SUFFIXES:
        return _open_yaml(path)
    return _open_csv(path)


#: How every workbook begins: a zip (.xlsx, .ods) or an OLE compound file (.xls, .et).
_WORKBOOK_MAGIC = (b"PK\x03\x04", bytes.fromhex("D0CF11E0A1B11AE1"))


def _is_text(path: Path) -> bool:
    """Return whether the file at ``path`` is text, not a workbook (no NUL in its start)."""
    try:
        with path.open("rb") as stream:
            start = stream.read(4096)
    except OSError:
        return False  # -- the workbook's reader says why it cannot be read --
    return bool(start) and not start.startswith(_WORKBOOK_MAGIC) and b"\0" not in start


def cell_text(value: Value) -> str:
    """Return a value as text, as a file name shows it: 16489, 12.5, 2024-01-18."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# -- CSV --


def _open_csv(path: Path) -> Table:
    header, count = _scan_csv(path)
    if header is None:
        raise DataError([Problem(TABLE_EMPTY(), file=path)])
    header_line, cells = header
    width = len(cells)
    columns = [_column_name(cell) for cell in cells]
    while columns and not columns[-1]:
        columns.pop()  # -- cells formatted but empty, beside the table, saved as ,, --
    problems, twice = _check_columns(path, columns, lambda index: (str(index), header_line, None))
    if problems:
        raise DataError(problems)
    if count == 1:
        raise DataError([Problem(NO_ROWS(), file=path)])

    def rows() -> Iterator[Record]:
        for line, cells in _csv_records(path):
            if line > header_line:  # -- below the column names (and a title over them) --
                yield line, _csv_values(path, line, cells, columns, width), {}

    notes = _encoding_notes(path)
    return Table(path, rows, columns, size_hint=count - 1, notes=notes, twice=twice)


def _csv_values(
    path: Path, line: int, cells: list[str], columns: list[str], width: int
) -> dict[str, Any] | Problem:
    """Return a CSV record's values by column, or why they cannot be read.

    The record may have as many cells as the first row, whose last columns may be unnamed;
    those cells must then be empty.
    """
    if not len(columns) <= len(cells) <= max(width, len(columns)):
        message = CELL_COUNT(cells=len(cells), count=len(columns), columns=columns)
        return Problem(message, file=path, line=line)
    for index in range(len(columns), len(cells)):
        if cells[index].strip():
            return Problem(COLUMN_UNNAMED(column=str(index + 1)), file=path, line=line)
    values: dict[str, Any] = dict(zip(columns, cells, strict=False))
    for column, cell in values.items():
        if 8 <= len(cell) <= 12 and cell[:1].isdigit() and cell[-1:] in _DATE_ENDS:
            values[column] = _csv_date(cell)
    return values


#: How a date a CSV holds ends: Excel writes a date cell as it shows it (2024/1/18 on Chinese
#: Windows), a clerk types 2024年1月18日.
_DATE_ENDS = frozenset("0123456789日号")


def _csv_date(cell: str) -> Value:
    """Return the date ``cell`` is written as, printed as the layout writes dates; else itself.

    A date cell of Excel's, saved as CSV, is text such as 2024/1/18: as a workbook's date cell
    it prints 2024年1月18日. Text that names no day that exists stays the text it is.
    """
    try:
        return parse_date(cell) or cell
    except InvalidValue:
        return cell


def _scan_csv(path: Path) -> tuple[tuple[int, list[str]] | None, int]:
    """Read the whole file once; return the record naming its columns, and the count from it on.

    Raise DataError if it is not text or not CSV, so that a table broken anywhere is
    refused before any row of it is rendered. Only one record is held at a time.
    """
    from reportgen.data.spreadsheet import is_title

    header = None
    count = 0
    for record in _csv_records(path):
        if header is not None and count == 1 and is_title(header[1], record[1]):
            header = record  # -- the record before was a title over the table --
            continue
        header = header or record
        count += 1
    return header, count


def _open_lines(path: Path) -> TextLines:
    """Open the CSV file at ``path`` as lines; raise DataError if it is no text to read."""
    try:
        return TextLines(path)
    except OSError as err:
        raise DataError([Problem(_unreadable(err), file=path)]) from err
    except UndecodableText as err:
        raise DataError([Problem(err.message, file=path, line=err.line)]) from err


def _encoding_notes(path: Path) -> list[Problem]:
    """Return the warning that the CSV file at ``path`` was read as GBK, if it was."""
    lines = _open_lines(path)
    lines.close()
    note = lines.encoding.note
    return [] if note is None else [Problem(note, file=path, severity="warning")]


def _csv_records(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line, cells)`` for each record of the CSV file that is not blank."""
    lines = _open_lines(path)
    line = 1
    try:
        reader = csv.reader(lines, strict=True)
        for cells in reader:
            # reader.line_num is the last line the record took (a quoted cell may span lines).
            if any(cell.strip() for cell in cells):
                yield line, cells
            line = reader.line_num + 1
    except csv.Error as err:
        raise DataError([Problem(CSV_SYNTAX(detail=str(err)), file=path, line=line)]) from err
    except LineTooLong as err:
        limit = f"{MAX_LINE_BYTES:,}"
        raise DataError([Problem(CSV_LINE_TOO_LONG(limit=limit), file=path, line=line)]) from err
    except UnicodeDecodeError as err:
        problem = Problem(NOT_TEXT_ENCODING(line=line), file=path, line=line)
        raise DataError([problem]) from err
    except OSError as err:
        raise DataError([Problem(_unreadable(err), file=path)]) from err
    finally:
        lines.close()


def _column_name(cell: str) -> str:
    """Return a column's name as the clerk reads it: 出生年月 for 出生 and 年月 in two lines."""
    return _LINE_BREAK.sub("", cell.strip())


#: A line break in a column's name (Alt+Enter in Excel), with the spaces around it.
_LINE_BREAK = LazyPattern(r"\s*[\r\n]+\s*")


def _check_columns(
    path: Path, columns: list[str], place: Callable[[int], tuple[str, int, str | None]]
) -> tuple[list[Problem], dict[str, Problem]]:
    """Return a problem for each column without a name, and for each name given twice.

    A name given twice is a problem only for a template that prints that column (see
    :attr:`Table.twice`): a sheet often repeats a heading (备注, 序号) no document prints.
    ``place(index)`` returns how the column at ``index`` (from 1) is named in a message,
    and the line and the cell (in a sheet) its name stands in.
    """
    problems = []
    twice: dict[str, Problem] = {}
    seen: set[str] = set()
    for index, name in enumerate(columns, start=1):
        label, line, cell = place(index)
        # -- a name no tag can write (职务（职称）) is no problem: a column the template does
        # not print may have it, and one it prints is said to be missing, the columns listed --
        if not name:
            problems.append(Problem(COLUMN_UNNAMED(column=label), file=path, line=line, cell=cell))
        elif name in seen:
            message = COLUMN_TWICE(column=label, name=name)
            twice.setdefault(name, Problem(message, file=path, line=line, cell=cell))
        seen.add(name)
    return problems, twice


# -- YAML --


def _open_yaml(path: Path) -> Table:
    from reportgen.data.yaml_source import load_yaml

    # A YAML table is read whole: its rows' places come from the parsed document.
    source = load_yaml(path)
    line, column = source.locate(())
    if not isinstance(source.data, list):
        raise DataError([Problem(YAML_NOT_LIST(), file=path, line=line, column=column)])
    if not source.data:
        raise DataError([Problem(NO_ROWS(), file=path, line=line, column=column)])
    items: list[Any] = source.data

    def records() -> Iterator[Record]:
        for index, item in enumerate(items):
            line = source.locate((index,))[0] or 1
            if not isinstance(item, dict):
                message = YAML_ROW_NOT_MAPPING(value=_kind(item))
                yield line, Problem(message, file=path, line=line), {}
                continue
            places = {}
            for key in item:
                key_line, key_column = source.locate((index, key))
                if key_line is not None:
                    places[str(key)] = (key_line, key_column or 1)
            yield line, item, places

    return Table(path, records, None, size_hint=len(items), notes=list(source.notes))


# -- workbooks --


def _open_sheet(path: Path, name: str | None) -> Table:
    from reportgen.data.spreadsheet import cell_name, column_letters, open_sheet

    sheet = open_sheet(path, name)
    header = next(sheet.table_rows(percentages=True), None)
    if header is None:
        raise DataError([Problem(TABLE_EMPTY(), file=path)])
    columns = [_column_name(str(cell)) for cell in header.cells]
    while columns and not columns[-1]:
        columns.pop()  # -- cells formatted but empty, beside the table --

    def place(index: int) -> tuple[str, int, str]:
        column = header.first + index - 1
        cell = cell_name(sheet.name, column, header.number)
        return column_letters(column), header.number, cell

    problems, twice = _check_columns(path, columns, place)
    if problems:
        raise DataError(problems)
    rows = sheet.table_rows(percentages=True)
    next(rows)  # the column names
    if next(rows, None) is None:
        raise DataError([Problem(NO_ROWS(), file=path)])

    def records() -> Iterator[Record]:
        rows = sheet.table_rows(percentages=True)
        next(rows)  # the column names
        for row in rows:
            yield row.number, _sheet_values(sheet, row.number, row.first, row.cells, columns), {}

    cells = {name: header.first + index for index, name in enumerate(columns)}
    size = sheet.height - header.number  # -- empty rows counted: about --
    from reportgen.data.sheet_formulas import uncomputed_cells

    notes = _hidden_rows_notes(path, sheet.name, header.number)
    return Table(
        path,
        records,
        columns,
        size_hint=size,
        sheet=sheet.name,
        cells=cells,
        notes=notes,
        twice=twice,
        uncomputed=uncomputed_cells(path, sheet.name),
    )


def _hidden_rows_notes(path: Path, sheet: str, header: int) -> list[Problem]:
    """Return a warning naming the rows below ``header`` hidden in Excel, if there are any."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return []
    from reportgen.data.sheet_hidden import hidden_rows
    from reportgen.data.spreadsheet import cell_name

    hidden = [number for number in hidden_rows(path, sheet) if number > header]
    if not hidden:
        return []
    shown = hidden[:_HIDDEN_ROWS_SHOWN]
    more = HIDDEN_ROWS_MORE() if len(hidden) > len(shown) else ""
    message = HIDDEN_ROWS(count=len(hidden), rows=[str(number) for number in shown], more=more)
    where = cell_name(sheet, 0, hidden[0])
    return [Problem(message, file=path, line=hidden[0], cell=where, severity="warning")]


#: The hidden rows a warning names, at most.
_HIDDEN_ROWS_SHOWN = 10


def _sheet_values(
    sheet: Sheet, number: int, first: int, cells: list[Any], columns: list[str]
) -> dict[str, Any] | Problem:
    """Return a sheet row's values by column, or the problem of a value in an unnamed column."""
    from reportgen.data.spreadsheet import column_letters

    for index in range(len(columns), len(cells)):
        if cells[index] != "":
            column = first + index
            return sheet.problem(COLUMN_UNNAMED(column=column_letters(column)), column, number)
    return {name: cells[index] if index < len(cells) else "" for index, name in enumerate(columns)}


# -- every row --


def _checked_row(path: Path, row: Row, values: dict[str, Any], names_checked: bool) -> Row:
    """Return ``row`` with ``values`` checked as its fields, or with their problems.

    ``names_checked``: the column names were checked once, in the table's first row.
    """
    if not names_checked:
        bad_names = [
            row.problem(path, COLUMN_BAD_NAME(column=key, name=key), str(key))
            for key in values
            if not _is_name(key)
        ]
        if bad_names:
            row.problems.extend(bad_names)
            return row
    for column, raw in values.items():
        if type(raw) is str:  # -- most cells: text with nothing wrong in it --
            value = _line_breaks(raw.strip())
            if not FORBIDDEN_CHARACTER.search(value):
                row.fields[column] = value
                continue
        checked, message = _cell_value(raw)
        if message is not None:
            row.problems.append(row.problem(path, message, column))
        else:
            row.fields[column] = checked
    return row


def used_cell_problem(value: Value, from_workbook: bool) -> Message | None:
    """Return what is wrong with a cell the template prints: empty, or digits Excel lost.

    Excel keeps 15 significant digits: an 18-digit identity card number typed into a cell of
    the General format is kept as 110101199001011000 and shown as 1.10101E+17, which is
    also what a CSV saved by Excel holds.
    """
    if value == "":
        return TEXT_EMPTY()
    if isinstance(value, str):
        if _SCIENTIFIC.fullmatch(value):
            return DIGITS_LOST(shown=SHOWN_NUMBER(number=value))
        return None
    if not from_workbook or isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if abs(value) >= _EXCEL_EXACT and float(value).is_integer():
        return DIGITS_LOST(shown=SHOWN_NUMBER(number=f"{value:.5E}"))
    return None


#: The first whole number Excel cannot hold to its last digit: it has 16 digits.
_EXCEL_EXACT = 10**15
#: A number as Excel shows one too long for its column (1.10101E+17), saved as text in a CSV.
_SCIENTIFIC = LazyPattern(r"[+-]?\d(?:\.\d+)?E\+\d{2}", re.IGNORECASE)


def _line_breaks(text: str) -> str:
    """Return ``text`` with Windows' and old Macs' line breaks (CR LF, CR) made plain ones."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _is_name(name: Any) -> bool:
    """Return whether ``name`` can name a column: ``row.name`` must read it back."""
    return (
        isinstance(name, str)
        and name.isidentifier()
        and not keyword.iskeyword(name)
        and name not in _JINJA_CONSTANTS
    )


def _cell_value(value: Any) -> tuple[Value, Message | None]:
    """Return a cell's value as a row holds it, or the reason it cannot be held."""
    if value is None:
        return "", None
    if isinstance(value, str):
        value = _line_breaks(value.strip())  # -- spaces around a name are never meant --
        forbidden = FORBIDDEN_CHARACTER.search(value)
        if forbidden:
            code = f"{ord(forbidden.group()):04X}"
            return "", CONTROL_CHARACTER(code=code, position=forbidden.start() + 1)
        return value, None
    if isinstance(value, bool):
        return "", CELL_KIND(kind=SHOWN_BOOLEAN())
    if isinstance(value, dt.date):
        # -- printed as the layout writes dates, 2024年1月18日, as a date in YAML prints: the
        # ISO form 2024-01-18 reached the certificates --
        return shown_date(value), None
    if isinstance(value, int | float):
        return value, None
    return "", CELL_KIND(kind=_kind(value))


def _kind(value: Any) -> Message:
    if isinstance(value, str):
        return SHOWN_TEXT(text=value)
    if isinstance(value, list | tuple):
        return SHOWN_LIST()
    if isinstance(value, dict):
        return SHOWN_FIELDS()
    if isinstance(value, dt.time):
        return KIND_TIME()
    if isinstance(value, dt.timedelta):
        return KIND_DURATION()
    return SHOWN_BOOLEAN() if isinstance(value, bool) else SHOWN_TEXT(text=str(value))


def _unreadable(err: OSError) -> Message:
    return UNREADABLE_FILE(reason=os_reason(err))
