"""Change values in a YAML file as text, at the positions YAML reports for them.

Data files are written by people: their comments explain each field, their order and
layout are the clerk's. Loading a file and dumping it again would lose all of that, so
every change reportgen makes to a data file (a new period's figures emptied, a value
saved from the browser) replaces only the characters of the values it changes, and
keeps every other character of the file. :func:`set_values` then reads the new text
back and refuses it unless exactly the values asked for changed.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from reportgen.data.messages import EDIT_NOT_FOUND, EDIT_UNSAFE
from reportgen.data.yaml_lists import Item, set_sequence
from reportgen.data.yaml_source import parse_yaml
from reportgen.data.yaml_text import (
    Scalar,
    TextEdits,
    add_field,
    compose,
    is_null,
    node_at,
    set_scalar,
)
from reportgen.errors import DataError, Problem

#: A value a data file holds where a form changes it: a scalar, or a list of texts or records.
Value = Scalar | Sequence[Item]
#: The keys (and list positions, as text) from the top of a file down to a value.
Steps = tuple[str, ...]


def set_values(text: str, path: Path, changes: Mapping[Steps, Value]) -> str:
    """Return ``text`` with the value at each path of ``changes`` replaced, and nothing else.

    A list replaces the list's items one by one, adding or removing items at its end; a
    record's fields change one by one. Raise DataError if the text does not parse, a path
    is not in it, or the new text would read back as anything but the old data with those
    values changed.
    """
    old = parse_yaml(text, path).data
    root = compose(text)
    edits = TextEdits(text, path)
    expected = copy.deepcopy(old)
    for steps, value in changes.items():
        node = node_at(root, steps)
        was = value_at(old, steps)
        if isinstance(value, list) and (isinstance(node, yaml.SequenceNode) or is_null(node)):
            set_sequence(edits, node, value, was)  # type: ignore[arg-type]
            value = _as_written(value, was)
        elif not isinstance(value, list) and isinstance(node, yaml.ScalarNode):
            set_scalar(edits, node, value)  # type: ignore[arg-type]
        elif _can_add(root, steps, node, value):
            add_field(edits, node_at(root, steps[:-1]), steps[-1], value)  # type: ignore[arg-type]
        else:
            raise _problem(EDIT_NOT_FOUND, path, steps, node)
        expected = _put(expected, steps, value)
    new_text = edits.result()
    try:
        new = parse_yaml(new_text, path).data
    except DataError:
        new = _UNREADABLE
    if new != expected:
        steps = next(iter(changes), ())
        raise _problem(EDIT_UNSAFE, path, steps, node_at(root, steps))
    return new_text


def value_at(data: Any, steps: Steps) -> Any:
    """Return the value at ``steps`` in loaded data, keys matched as text; None if not there."""
    for step in steps:
        if isinstance(data, dict):
            data = next((value for key, value in data.items() if str(key) == step), None)
        elif isinstance(data, list) and step.isdigit() and int(step) < len(data):
            data = data[int(step)]
        else:
            return None
    return data


_UNREADABLE = object()


def _as_written(values: list[Any], old: Any) -> list[Any]:
    """Return a list as it reads back: a record's empty new fields are not written at all."""
    old_rows = old if isinstance(old, list) else []
    written = []
    for index, value in enumerate(values):
        if isinstance(value, Mapping):
            was = old_rows[index] if index < len(old_rows) else {}
            keys = {str(key) for key in was} if isinstance(was, dict) else set()
            value = {key: cell for key, cell in value.items() if cell is not None or key in keys}
        written.append(value)
    return written


def _can_add(root: yaml.Node | None, steps: Steps, node: yaml.Node | None, value: Any) -> bool:
    """Return whether ``value`` goes in as a new field: its mapping is there, the key is not."""
    if node is not None or not steps or value is None or isinstance(value, list):
        return False
    parent = node_at(root, steps[:-1])
    return isinstance(parent, yaml.MappingNode) and bool(parent.value)


def _problem(kind: Any, path: Path, steps: Steps, node: yaml.Node | None) -> DataError:
    line = node.start_mark.line + 1 if node is not None else None
    return DataError([Problem(kind(field=".".join(steps)), file=path, line=line)])


def _put(data: Any, steps: Steps, value: Any) -> Any:
    """Return ``data`` with the value at ``steps`` set, keys matched as text as node_at does."""
    if not steps:
        return value
    parent = value_at(data, steps[:-1])
    if isinstance(parent, dict):
        key = next((key for key in parent if str(key) == steps[-1]), steps[-1])
        parent[key] = value
    elif isinstance(parent, list):
        parent[int(steps[-1])] = value
    return data
