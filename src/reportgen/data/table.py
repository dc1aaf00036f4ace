"""Read a batch's table: one row a document, from a CSV file or a YAML list.

A CSV table names its columns in its first line; a YAML table is a list of
mappings (``- name: …``). Every row becomes a mapping of column names to text,
with the line it starts on, so that a problem in a row names the file and line a
clerk has to fix. A bad row does not stop the others: :func:`read_table` returns
the good rows and a problem for each bad one.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from reportgen.data.models import Name, Text
from reportgen.data.yaml_source import load_yaml
from reportgen.errors import DataError, Problem
from reportgen.text.encoding import read_text


@functools.cache
def _validator(kind: Any) -> TypeAdapter[str]:
    # Made on first use: building one takes milliseconds that plain reports need not wait.
    return TypeAdapter(kind)


@dataclass(frozen=True)
class Row:
    """One row of a table: its fields as text, and where it is."""

    line: int
    fields: dict[str, str]
    #: The line and column of each field, when the file tells them (YAML does).
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)

    def problem(self, path: Path, message: str, column: str | None = None) -> Problem:
        """Return a Problem at this row (at ``column``'s value when its place is known)."""
        line, col = self.positions.get(column, (self.line, None)) if column else (self.line, None)
        return Problem(
            message, file=path, line=line, column=col, field=f"row.{column}" if column else None
        )


@dataclass
class Table:
    """The good rows of a table, and a problem for each bad one (and a warning, if any)."""

    path: Path
    rows: list[Row]
    problems: list[Problem]
    #: The CSV header: every row has these columns. None for YAML, where each row names its own.
    columns: list[str] | None = None


def read_table(path: Path) -> Table:
    """Read the table at ``path``; raise DataError if the file as a whole cannot be read."""
    if not path.is_file():
        raise DataError([Problem("file not found", file=path)])
    if path.suffix.lower() == ".csv":
        return _read_csv(path)
    return _read_yaml(path)


def _read_csv(path: Path) -> Table:
    # Excel and WPS save CSV as UTF-8 with a byte order mark, or as GBK on Chinese Windows.
    decoded = read_text(path)
    text = decoded.text
    notes = [] if decoded.note is None else [Problem(decoded.note, file=path, severity="warning")]

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for cells in reader:
            # reader.line_num is the last line the record took (a quoted cell may span lines).
            if any(cell.strip() for cell in cells):
                records.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as err:
        raise DataError([Problem(f"CSV error: {err}", file=path, line=line)]) from err
    if not records:
        raise DataError(
            [Problem("the table is empty: write the column names in line 1", file=path)]
        )

    header_line, header = records[0]
    columns = [cell.strip() for cell in header]
    problems = _check_columns(path, header_line, columns)
    if problems:
        raise DataError(problems)
    if len(records) == 1:
        raise DataError([Problem("the table has no rows under its column names", file=path)])

    table = Table(path, [], notes, columns)
    for line, cells in records[1:]:
        if len(cells) != len(columns):
            table.problems.append(
                Problem(
                    f"the row has {len(cells)} cells, but the table has {len(columns)} columns "
                    f"({', '.join(columns)}): check for a missing or extra comma",
                    file=path,
                    line=line,
                )
            )
            continue
        _add_row(table, Row(line, {}), dict(zip(columns, cells, strict=True)))
    return table


def _check_columns(path: Path, line: int, columns: list[str]) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for index, column in enumerate(columns, start=1):
        where = f"column {index}"
        if not column:
            problems.append(Problem(f"{where} has no name", file=path, line=line))
            continue
        try:
            _validator(Name).validate_python(column)
        except ValidationError as err:
            problems.append(Problem(f"{where}: {_message(err)}", file=path, line=line))
        if column in seen:
            problems.append(Problem(f"{where}: '{column}' is named twice", file=path, line=line))
        seen.add(column)
    return problems


def _read_yaml(path: Path) -> Table:
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
    table = Table(path, [], list(source.notes))
    for index, item in enumerate(source.data):
        line, _ = source.locate((index,))
        row = Row(line or 1, {})
        if not isinstance(item, dict):
            table.problems.append(
                row.problem(path, f"the row should be written 'column: value', not {_kind(item)}")
            )
            continue
        for key in item:
            key_line, key_column = source.locate((index, key))
            if key_line is not None:
                row.positions[str(key)] = (key_line, key_column or 1)
        bad_names = []
        for key in item:
            try:
                _validator(Name).validate_python(key)
            except ValidationError as err:
                bad_names.append(row.problem(path, _message(err), str(key)))
        if bad_names:
            table.problems.extend(bad_names)
            continue
        _add_row(table, row, item)
    return table


def _add_row(table: Table, row: Row, values: dict[str, Any]) -> None:
    """Check ``values`` and add them to ``row``; add ``row`` to the table if all are good."""
    problems = []
    for column, value in values.items():
        # Surrounding spaces are never meant on a certificate or a notice; CSV often has them.
        if isinstance(value, str):
            value = value.strip()
        try:
            text = _validator(Text).validate_python(value)
        except ValidationError as err:
            problems.append(row.problem(table.path, _message(err), column))
            continue
        if not text:
            problems.append(row.problem(table.path, "is empty: write the text", column))
            continue
        row.fields[column] = text
    if problems:
        table.problems.extend(problems)
    else:
        table.rows.append(row)


def _message(err: ValidationError) -> str:
    message = str(err.errors()[0]["msg"])
    return message.removeprefix("Value error, ")


def _kind(value: Any) -> str:
    return f"the text '{value}'" if isinstance(value, str) else f"a {type(value).__name__}"
