"""Read what a form posts back: each value typed as the file holds it, only those that changed.

Every input is named after the place of its value (:func:`reportgen.serve.form.field_name`).
A list posts its items under one name, in the order the rows stand on the page; a list of
records posts each column under the list's name and ``@column``. The form also names its
lists and tables, so that one emptied of every row still counts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from reportgen.data.yaml_edit import Steps, Value, value_at
from reportgen.errors import Problem
from reportgen.i18n import Message
from reportgen.serve.form import LISTS_FIELD, RECORDS_FIELD, columns_of, parse_field_name
from reportgen.serve.messages import NOT_A_DATE, NOT_A_NUMBER
from reportgen.serve.typed_numbers import NotANumber, read_typed_number
from reportgen.text.printing import PENDING

#: What a posted form holds: each name with its values, in the page's order.
Posted = Mapping[str, list[str]]
Changes = dict[str, dict[Steps, Value]]
#: How much of an unreadable text a problem repeats.
_SHOWN_CHARS = 40


def changes_from_form(
    form: Posted, current: Mapping[str, Any], labels: Mapping[str, str] | None = None
) -> tuple[Changes, list[Problem]]:
    """Return the values ``form`` changes, by file and path, and the inputs that cannot be read.

    ``current`` holds each file's loaded data. A value equal to the file's is no change.
    ``labels`` names each input as the page shows it, for the problems of those not read.
    """
    labels = labels or {}
    changes: Changes = {}
    problems: list[Problem] = []
    lists = set(form.get(LISTS_FIELD, []))
    for name, values in form.items():
        place = _place(name, current)
        if place is None or name in lists or "@" in name.partition("#")[2]:
            continue  # -- not a value; or a list, or a table's cell, read below --
        file, steps = place
        old = value_at(current[file], steps)
        try:
            new = typed(values[-1], old)
        except ValueError as err:
            message = _unreadable(err, values[-1], labels.get(name, name))
            problems.append(Problem(message, file=file, field=name))
            continue
        if not _same(new, old):
            changes.setdefault(file, {})[steps] = new
    for name in lists:
        _read_list(name, form, current, changes)
    for name in form.get(RECORDS_FIELD, []):
        problems += _read_records(name, form, current, changes, labels.get(name, name))
    return changes, problems


def typed(text: str, old: Any) -> Value:
    """Return posted ``text`` as the kind of value the file holds there (``old``)."""
    text = _text(text)
    if isinstance(old, str) and old.strip() == PENDING:
        return _filled(text)
    if isinstance(old, bool | str):
        return text
    if isinstance(old, dt.date) or (old is None and _looks_like_date(text)):
        return _date(text)
    if old is None or isinstance(old, int | float):
        return read_typed_number(text)
    return text


def _filled(text: str) -> Value:
    """Return what a clerk typed over 【待填写】 as the file would hold it, had they typed it there.

    A date typed as the date box gives it is a date, a plain number a number (not 010010, a
    postcode, nor 0571-…, a telephone number), anything else text.
    """
    stripped = text.strip()
    if _looks_like_date(stripped):
        return _date(stripped)
    if _PLAIN_NUMBER.fullmatch(stripped):
        return float(stripped) if "." in stripped else int(stripped)
    return text


#: A number as YAML reads one and a clerk means one: no leading zero, no grouping.
_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9]\d{0,17})(?:\.\d+)?")


def _place(name: str, current: Mapping[str, Any]) -> tuple[str, Steps] | None:
    place = parse_field_name(name)
    return place if place is not None and place[0] in current else None


def _read_list(name: str, form: Posted, current: Mapping[str, Any], changes: Changes) -> None:
    place = _place(name, current)
    if place is None:
        return
    file, steps = place
    old = value_at(current[file], steps)
    new = [_text(value) for value in form.get(name, [])]
    unchanged = isinstance(old, list) and all(isinstance(item, str) for item in old) and new == old
    if not unchanged and (new or old):
        changes.setdefault(file, {})[steps] = new


def _read_records(
    name: str, form: Posted, current: Mapping[str, Any], changes: Changes, label: str
) -> list[Problem]:
    place = _place(name, current)
    if place is None:
        return []
    file, steps = place
    old = value_at(current[file], steps)
    columns = columns_of(old)
    cells = {column: form.get(f"{name}@{quote(column, safe='')}", []) for column in columns}
    count = max((len(values) for values in cells.values()), default=0)
    examples = {column: _example(old, column) for column in columns}
    rows, problems = [], []
    for index in range(count):
        row: dict[str, Any] = {}
        for column in columns:
            text = cells[column][index] if index < len(cells[column]) else ""
            try:
                row[column] = typed(text, examples[column]) if text.strip() else None
            except ValueError as err:
                cell = f"{label}：{column}（第 {index + 1} 行）"
                problems.append(Problem(_unreadable(err, text, cell), file=file, field=name))
        rows.append(row)
    if not problems and rows != _complete(old, columns):
        changes.setdefault(file, {})[steps] = rows
    return problems


def _example(rows: Any, column: str) -> Any:
    """Return the first value a table holds in ``column``: the kind its cells are read as."""
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict) and row.get(column) is not None:
            return row[column]
    return ""


def _complete(rows: Any, columns: list[str]) -> list[dict[str, Any]]:
    """Return a table's rows as a form posts them: every column, empty where there is none."""
    return [
        {column: row.get(column) for column in columns}
        for row in (rows if isinstance(rows, list) else [])
        if isinstance(row, dict)
    ]


def _text(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _unreadable(error: ValueError, text: str, label: str) -> Message:
    """Return why the text typed into the input ``label`` cannot be read, and what to type."""
    shown = text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS] + "…"
    if isinstance(error, NotANumber):
        return NOT_A_NUMBER(field=label, text=shown, advice=error.advice)
    return NOT_A_DATE(field=label, text=shown)


def _date(text: str) -> dt.date | None:
    if not text.strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(text) from None


def _looks_like_date(text: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()))


def _same(new: Value, old: Any) -> bool:
    if isinstance(old, bool):
        return False
    if isinstance(new, int | float) and isinstance(old, int | float):
        return Decimal(str(new)) == Decimal(str(old))
    return bool(new == old and type(new) is type(old)) or (new is None and old is None)
