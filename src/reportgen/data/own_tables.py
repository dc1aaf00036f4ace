"""A table that a field of the clerk's own names, read as a list of records.

A report may print a list kept in a spreadsheet (获奖名单, a table of sessions) in one document::

    获奖名单:
      rows: 获奖名单.xlsx     # beside the data file: a workbook, a CSV or a YAML list
      sheet: 先进集体          # optional: the sheet (default: the first shown)

and the template loops over it as over any list of records, ``{%tr for w in 获奖名单 %}
{{ w.姓名 }}``. The table is read as a batch's is (:mod:`reportgen.data.table`): cells as they
show, dates as dates, total and hidden rows said; a row it cannot read is a problem at its
cell, and the report is not rendered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportgen.data.messages import (
    DIGITS_LOST,
    FILE_NOT_FOUND,
    FORMULA_NOT_COMPUTED,
    HIDDEN_ROWS,
    OWN_HIDDEN_ROWS,
    OWN_TABLE_TOO_LONG,
    OWN_TOTAL_ROW,
    TABLE_FILE_NAME_ONLY,
    TOTAL_ROW,
)
from reportgen.data.rules import TABLE_SUFFIXES
from reportgen.errors import DataError, Problem
from reportgen.i18n import Message
from reportgen.workspace import one_file_named, outside_problem

#: The rows one document's table may hold: a longer list is a batch's (a document a row).
MAX_ROWS = 20_000
_KEYS = ({"rows"}, {"rows", "sheet"})


class OwnTable:
    """What reading a table gave: its rows' fields, the file, and what to tell the clerk.

    ``refused`` is the problem of the field itself (no such file), to be placed at its line.
    A plain class: a NamedTuple costs every run a tenth of a millisecond to make.
    """

    __slots__ = ("path", "problems", "refused", "rows", "warnings")

    def __init__(
        self,
        rows: list[dict[str, Any]],
        path: Path | None,
        problems: list[Problem],
        warnings: list[Problem],
        refused: Message | None = None,
    ) -> None:
        self.rows = rows
        self.path = path
        self.problems = problems
        self.warnings = warnings
        self.refused = refused


def names_a_table(value: Any, directory: Path) -> bool:
    """Return whether ``value``, a field's value, is a ``rows:`` (and ``sheet:``) naming a table.

    Only a record of exactly those keys is one, whose ``rows`` is text ending as a table file
    does, or the name of one in ``directory`` as Windows shows it (名单 for 名单.xlsx).
    """
    if not isinstance(value, dict) or {str(key) for key in value} not in _KEYS:
        return False
    rows, sheet = value.get("rows"), value.get("sheet")
    if not isinstance(rows, str) or not isinstance(sheet, str | None):
        return False
    name = rows.strip()
    if name.lower().endswith(TABLE_SUFFIXES):
        return True
    return "." not in name and _named_as_windows_shows(name, directory) is not None


def _named_as_windows_shows(name: str, directory: Path) -> Path | None:
    return one_file_named(directory, [name, *(name + suffix for suffix in TABLE_SUFFIXES)])


class TableReader:
    """Reads the tables a report's fields name: each once, at most :data:`MAX_ROWS` in all.

    A table named by several fields is read once (its problems said once); the bound is on the
    rows of every table together, so that no number of fields makes one document unbounded.
    """

    def __init__(self) -> None:
        self._read: dict[tuple[Path, str | None], list[dict[str, Any]]] = {}
        self.rows_left = MAX_ROWS

    def read(self, value: dict[str, Any], directory: Path, dotted: str) -> OwnTable:
        """Return the rows of the table ``value`` names, a file in ``directory``, as fields.

        A problem of a cell names its field as the template reaches it: ``dotted``, the field
        naming the table, then the column.
        """
        name = str(value["rows"]).strip()
        if "/" in name or "\\" in name:
            return OwnTable([], None, [], [], refused=TABLE_FILE_NAME_ONLY())
        path = _named_as_windows_shows(name, directory)
        if path is None:
            return OwnTable([], None, [], [], refused=FILE_NOT_FOUND())
        outside = outside_problem(path, directory)
        if outside is not None:
            return OwnTable([], path, [outside], [])
        key = (path, value.get("sheet"))
        if key in self._read:
            return OwnTable(self._read[key], path, [], [])
        table = self._rows(path, value.get("sheet"), dotted)
        self._read[key] = table.rows
        self.rows_left -= len(table.rows)
        return table

    def _rows(self, path: Path, sheet: str | None, dotted: str) -> OwnTable:
        from reportgen.data.table import open_table

        try:
            table = open_table(path, sheet)
            rows: list[dict[str, Any]] = []
            problems: list[Problem] = []
            warnings: list[Problem] = []
            for row in table.rows():
                if len(rows) >= self.rows_left:
                    problems.append(row.problem(path, OWN_TABLE_TOO_LONG(limit=f"{MAX_ROWS:,}")))
                    break
                problems += [_field_named(problem, dotted) for problem in row.problems]
                for column in row.fields:
                    message = table.cell_problem(row, column)
                    if message is not None and message.kind in (DIGITS_LOST, FORMULA_NOT_COMPUTED):
                        # -- said, not refused: the column may be one the template does not print
                        found = row.problem(path, message, column, field=f"{dotted}.{column}")
                        warnings.append(found._replace(severity="warning"))
                # -- a cell refused is empty here: the report stops at its problem, not at a
                # column the template prints that this row would seem to lack --
                rows.append(dict.fromkeys(table.columns or (), "") | row.fields)
        except DataError as err:
            return OwnTable([], path, list(err.problems), [])
        notes = [note._replace(message=_in_a_list(note.message)) for note in table.notes]
        return OwnTable(rows, path, problems, [*notes, *warnings])


def _field_named(problem: Problem, dotted: str) -> Problem:
    """Return ``problem`` naming its field as the template reaches it, not as a batch's row."""
    if problem.field is None or not problem.field.startswith("row."):
        return problem
    return problem._replace(field=f"{dotted}.{problem.field.removeprefix('row.')}")


#: A batch's words for rows left out or still rendered, and a list's.
_LIST_WORDS = {TOTAL_ROW: OWN_TOTAL_ROW, HIDDEN_ROWS: OWN_HIDDEN_ROWS}


def _in_a_list(message: Message | str) -> Message | str:
    """Return a note about the table in the words of a list, not of a batch's documents."""
    if isinstance(message, Message) and message.kind in _LIST_WORDS:
        return _LIST_WORDS[message.kind](**message.params)
    return message
