"""Read a batch's table: one row a document, from a CSV file or a YAML list, as a stream.

A CSV table names its columns in its first line; a YAML table is a list of
mappings (``- name: …``). Every row becomes a mapping of column names to text,
with the line it starts on, so that a problem in a row names the file and line a
clerk has to fix. A bad row does not stop the others: it comes with its problems.

:func:`open_table` reads the file through once, holding one row at a time, to refuse a
table that is wrong as a whole (no such file, not UTF-8, broken CSV quoting, no column
names, no rows) before any row is rendered; :meth:`Table.rows` then yields the rows one
at a time, reading the file again as it goes, so a table of a million
rows takes no more memory than one of ten. Every kind of table (CSV, YAML, and any
other source of rows) gives the same :class:`Row` objects through the same interface.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.errors import DataError, Problem
from reportgen.i18n import Message


@functools.cache
def _validator(kind: str) -> Callable[[Any], str]:
    # Made on first use: pydantic and building its validators take milliseconds that
    # plain reports need not wait.
    from pydantic import TypeAdapter

    from reportgen.data.models import Name, Text

    adapter: Any = TypeAdapter(Name if kind == "name" else Text)
    return adapter.validate_python  # type: ignore[no-any-return]


def _validate(kind: str, value: Any) -> tuple[str | None, str | None]:
    """Return ``(text, None)`` for a good ``value`` of ``kind`` (name or text), else the message."""
    from pydantic import ValidationError

    try:
        return _validator(kind)(value), None
    except ValidationError as err:
        return None, _message(err)


@dataclass(frozen=True)
class Row:
    """One row of a table: its fields as text, where it is, and its problems if it is bad.

    A row with problems is not rendered; its problems are reported at its line.
    """

    line: int
    fields: dict[str, str]
    #: The line and column of each field, when the file tells them (YAML does).
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, path: Path, message: Message | str, column: str | None = None) -> Problem:
        """Return a Problem at this row (at ``column``'s value when its place is known)."""
        line, col = self.positions.get(column, (self.line, None)) if column else (self.line, None)
        return Problem(
            message, file=path, line=line, column=col, field=f"row.{column}" if column else None
        )


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
    #: The column names every row has (a CSV header). None where each row names its own.
    columns: list[str] | None = None
    #: About how many rows the table holds, for a progress bar; None when unknown.
    size_hint: int | None = None

    def rows(self) -> Iterator[Row]:
        """Yield every row in the table's order, each with its problems (none if it is good)."""
        for line, values, positions in self.records():
            if isinstance(values, Problem):
                yield Row(line, {}, problems=[values])
                continue
            yield _checked_row(self.path, Row(line, {}, positions), values)


def open_table(path: Path) -> Table:
    """Open the table at ``path``; raise DataError if the file as a whole cannot be read."""
    if not path.is_file():
        raise DataError([Problem("file not found", file=path)])
    if path.suffix.lower() == ".csv":
        return _open_csv(path)
    return _open_yaml(path)


# -- CSV --


def _open_csv(path: Path) -> Table:
    header, count = _scan_csv(path)
    if header is None:
        raise DataError(
            [Problem("the table is empty: write the column names in line 1", file=path)]
        )
    header_line, cells = header
    columns = [cell.strip() for cell in cells]
    problems = _check_columns(path, header_line, columns)
    if problems:
        raise DataError(problems)
    if count == 1:
        raise DataError([Problem("the table has no rows under its column names", file=path)])

    def rows() -> Iterator[Record]:
        records = _csv_records(path)
        next(records)  # the column names
        for line, cells in records:
            if len(cells) != len(columns):
                message = (
                    f"the row has {len(cells)} cells, but the table has {len(columns)} columns "
                    f"({', '.join(columns)}): check for a missing or extra comma"
                )
                yield line, Problem(message, file=path, line=line), {}
                continue
            yield line, dict(zip(columns, cells, strict=True)), {}

    return Table(path, rows, columns, size_hint=count - 1)


def _scan_csv(path: Path) -> tuple[tuple[int, list[str]] | None, int]:
    """Read the whole file once; return its first record and how many records it has.

    Raise DataError if it is not UTF-8 or not CSV, so that a table broken anywhere is
    refused before any row of it is rendered. Only one record is held at a time.
    """
    header = None
    count = 0
    try:
        for record in _csv_records(path):
            header = header or record
            count += 1
    except UnicodeDecodeError as err:
        raise DataError(
            [
                Problem(
                    f"not UTF-8 text ({err.reason}): in Excel or WPS, save it as "
                    "“CSV UTF-8 (逗号分隔)”",
                    file=path,
                )
            ]
        ) from err
    except OSError as err:
        raise DataError([Problem(f"cannot read the file ({err.strerror})", file=path)]) from err
    return header, count


def _csv_records(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line, cells)`` for each record of the CSV file that is not blank."""
    # utf-8-sig: Excel and WPS start a UTF-8 CSV with a byte order mark.
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream, strict=True)
        line = 1
        try:
            for cells in reader:
                # reader.line_num is the last line the record took (a quoted cell may span lines).
                if any(cell.strip() for cell in cells):
                    yield line, cells
                line = reader.line_num + 1
        except csv.Error as err:
            raise DataError([Problem(f"CSV error: {err}", file=path, line=line)]) from err


def _check_columns(path: Path, line: int, columns: list[str]) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for index, column in enumerate(columns, start=1):
        where = f"column {index}"
        if not column:
            problems.append(Problem(f"{where} has no name", file=path, line=line))
            continue
        _, message = _validate("name", column)
        if message is not None:
            problems.append(Problem(f"{where}: {message}", file=path, line=line))
        if column in seen:
            problems.append(Problem(f"{where}: '{column}' is named twice", file=path, line=line))
        seen.add(column)
    return problems


# -- YAML --


def _open_yaml(path: Path) -> Table:
    from reportgen.data.yaml_source import load_yaml

    # A YAML table is read whole: its rows' places come from the parsed document.
    source = load_yaml(path)
    if not isinstance(source.data, list) or not source.data:
        raise DataError(
            [
                source.problem(
                    "the file should hold a list of rows, each written '- column: value'"
                    if not isinstance(source.data, list)
                    else "the table has no rows"
                )
            ]
        )
    items: list[Any] = source.data

    def records() -> Iterator[Record]:
        for index, item in enumerate(items):
            line = source.locate((index,))[0] or 1
            if not isinstance(item, dict):
                message = f"the row should be written 'column: value', not {_kind(item)}"
                yield line, Problem(message, file=path, line=line), {}
                continue
            places = {}
            for key in item:
                key_line, key_column = source.locate((index, key))
                if key_line is not None:
                    places[str(key)] = (key_line, key_column or 1)
            yield line, item, places

    return Table(path, records, None, size_hint=len(items))


# -- every row --


def _checked_row(path: Path, row: Row, values: dict[str, Any]) -> Row:
    """Return ``row`` with ``values`` checked as its fields, or with their problems."""
    bad_names = [
        row.problem(path, message, str(key))
        for key in values
        if (message := _validate("name", key)[1]) is not None
    ]
    if bad_names:
        row.problems.extend(bad_names)
        return row
    for column, value in values.items():
        # Surrounding spaces are never meant on a certificate or a notice; CSV often has them.
        if isinstance(value, str):
            value = value.strip()
        text, message = _validate("text", value)
        if message is not None:
            row.problems.append(row.problem(path, message, column))
        elif not text:
            row.problems.append(row.problem(path, "is empty: write the text", column))
        else:
            row.fields[column] = text
    return row


def _message(err: Any) -> str:
    message = str(err.errors()[0]["msg"])
    return message.removeprefix("Value error, ")


def _kind(value: Any) -> str:
    return f"the text '{value}'" if isinstance(value, str) else f"a {type(value).__name__}"
