"""What a batch renders: the checks before the first row, and each row's file, as a stream.

The template and the file name pattern are checked against the report and the table's
columns once, before any row: what every row would fail alike is one problem, not a
million. Then :func:`plan_rows` turns the table's rows into tasks one at a time, each
with the name of the file it writes; a row whose name another row already writes is a
problem of that row. The names seen are kept in a :class:`NameRegister`, 16 to 32
bytes a row: the one thing a batch keeps that grows with its rows.
"""

from __future__ import annotations

import hashlib
import string
from array import array
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from reportgen.data.report import (
    REPORT_FILE,
    ROW,
    BatchFacts,
    ReportData,
    file_name_key,
    file_stem,
    file_stem_problem,
    is_row,
)
from reportgen.data.table import Row, Value, cell_text
from reportgen.errors import DataError, Problem, TemplateError
from reportgen.i18n import Message
from reportgen.messages import (
    CELL_SAYS_NO,
    ROW_LACKS_COLUMN,
    ROW_NAME_TAKEN,
    SAME_FILE_AS_ROW,
    TABLE_LACKS_COLUMN,
)
from reportgen.prepare import check_template

if TYPE_CHECKING:
    from reportgen.data.table import Table
    from reportgen.template.compiled import CompiledTemplate

__all__ = ["ROW", "PlanItem", "Task", "check_report", "plan_rows"]


class Task(NamedTuple):
    """One row to render, and the name of its file in the batch's folder or archive."""

    row: Row
    name: str

    @property
    def line(self) -> int:
        """Return the row's line in its table (its number, in a sheet)."""
        return self.row.line


#: What the plan gives for each row, in the table's order: a task, or the row's problems.
PlanItem = Task | list[Problem]


def check_report(
    data: ReportData,
    spec: BatchFacts,
    template: Path,
    compiled: CompiledTemplate,
    variables: list[str],
    table: Table,
) -> set[str]:
    """Check what the template and file names need from the report; return the row columns.

    Raise ProblemsFound when the report cannot give what the template needs, or a
    table with a header lacks a column the template or the file names use: every row
    would fail alike.
    """
    report_file = data.directory / REPORT_FILE
    if ROW in data.context:
        raise DataError([Problem(ROW_NAME_TAKEN(row=ROW), file=report_file)])
    problems = check_template(data, template, compiled, variables, rows=True)
    if problems:
        raise TemplateError(problems)

    names = variables + _pattern_names(spec.output)
    wanted = {column for name in names if (column := _column(name)) is not None}
    if table.columns is not None:
        problems = [
            Problem(
                TABLE_LACKS_COLUMN(row=ROW, column=column, columns=table.columns),
                file=table.path,
                line=1,
            )
            for column in sorted(wanted - set(table.columns))
        ]
        # -- a column named twice: which one is meant only matters to a template printing it --
        problems += [table.twice[column] for column in sorted(wanted & table.twice.keys())]
        if problems:
            raise DataError(problems)
    return wanted


def _column(variable: str) -> str | None:
    """Return the column a dotted name such as ``row.name`` uses, or None if it is no row's."""
    steps = [step.removesuffix("[]") for step in variable.split(".")]
    return steps[1] if is_row(variable) and len(steps) > 1 else None


def _pattern_names(pattern: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(pattern) if name]


def plan_rows(
    data: ReportData,
    spec: BatchFacts,
    table: Table,
    wanted: set[str],
    conditions: Mapping[str, bool] | None = None,
) -> Iterator[PlanItem]:
    """Yield a task for each row that can be rendered and the problems of each other row.

    A column in ``conditions`` decides a condition ({%p if row.备注 %}): empty is its no; its
    value says whether the template prints it too.
    """
    facts = data.facts.placeholders()
    pattern = _parse_pattern(spec.output)
    names = NameRegister()
    ordered = sorted(wanted)
    for row in table.rows():
        if row.problems:
            yield row.problems
            continue
        if not row.fields.keys() >= wanted:
            missing = sorted(wanted - row.fields.keys())
            yield [row.problem(table.path, ROW_LACKS_COLUMN(column=column)) for column in missing]
            continue
        unusable = [
            row.problem(table.path, message, column)
            for column in ordered
            if (message := _cell_problem(table, row, column, conditions or {}))
        ]
        if unusable:  # -- an empty cell, digits Excel lost --
            yield unusable
            continue
        stem = _output_stem(pattern, facts, row.fields)
        unfit = file_stem_problem(stem)  # -- too long for a file system, a device name --
        if unfit is not None:
            yield [row.problem(table.path, unfit)]
            continue
        name = f"{stem}.docx"
        # -- Windows and macOS: A.docx is a.docx --
        first = names.add(file_name_key(name), row.line)
        if first is not None:
            yield [row.problem(table.path, SAME_FILE_AS_ROW(file=name, line=first))]
            continue
        yield Task(row, name)


def _cell_problem(
    table: Table, row: Row, column: str, conditions: Mapping[str, bool]
) -> Message | None:
    """Return what is wrong with ``row``'s cell in ``column``, which the template uses."""
    if column in conditions:
        from reportgen.template.printed import says_no

        value = row.fields[column]
        if not conditions[column] and says_no(value):
            return CELL_SAYS_NO(value=value, column=column)
        if value == "":
            return None  # -- the condition's no, as the clerk meant it --
    return table.cell_problem(row, column)


def _parse_pattern(pattern: str) -> list[tuple[str, str | None, str | None]]:
    """Return ``(text, fact, column)`` for each piece of a file name pattern, in order."""
    # The pattern was checked when the report loaded: every name is a fact or a row's column.
    pieces = []
    for literal, name, _, _ in string.Formatter().parse(pattern):
        column = _column(name) if name else None
        pieces.append((literal, name if name and column is None else None, column))
    return pieces


def _output_stem(
    pattern: list[tuple[str, str | None, str | None]],
    facts: Mapping[str, str],
    fields: Mapping[str, Value],
) -> str:
    """Return the file name a parsed ``pattern`` gives a row, without extension."""
    pieces = []
    for literal, fact, column in pattern:
        pieces.append(literal)
        if fact is not None:
            pieces.append(facts[fact])
        if column is not None:
            pieces.append(cell_text(fields[column]))
    return file_stem("".join(pieces))


class NameRegister:
    """The file names a batch has given out, each with the line of the row that took it.

    A set of a million names would take over a hundred megabytes; this keeps a 64-bit
    fingerprint of each and its line, in flat arrays (open addressing, at most three
    quarters full), 16 to 32 bytes a name. Two different names share a fingerprint once in about
    10^13 pairs: for a million rows, about once in 30 million batches.
    """

    def __init__(self) -> None:
        self._size = 1024
        self._count = 0
        self._keys = array("Q", bytes(8 * self._size))
        self._lines = array("I", bytes(4 * self._size))

    def add(self, name: str, line: int) -> int | None:
        """Take ``name`` for the row on ``line``; return the line that took it first, if one did."""
        key = int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest()) or 1
        slot = self._slot(key)
        if self._keys[slot] == key:
            return self._lines[slot]
        self._keys[slot] = key
        self._lines[slot] = line
        self._count += 1
        if self._count * 4 > self._size * 3:
            self._grow()
        return None

    def _slot(self, key: int) -> int:
        """Return where ``key`` is, or the empty slot where it would go."""
        mask = self._size - 1
        slot = key & mask
        while self._keys[slot] not in (0, key):
            slot = (slot + 1) & mask
        return slot

    def _grow(self) -> None:
        keys, lines = self._keys, self._lines
        self._size *= 2
        self._keys = array("Q", bytes(8 * self._size))
        self._lines = array("I", bytes(4 * self._size))
        for key, line in zip(keys, lines, strict=True):
            if key:
                slot = self._slot(key)
                self._keys[slot] = key
                self._lines[slot] = line
