"""Change the items of a YAML list as text: each in place, new ones like the last, the rest cut.

A list's new items replace its old ones position by position, so a list reordered, grown or
shortened changes only the items' values, and lines are added or removed at its end. Items
are text, or records (``- number: AK-01`` / ``  name: …``) whose fields change one by one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from reportgen.data.yaml_text import (
    STR_TAG,
    Scalar,
    TextEdits,
    add_field,
    block_scalar,
    end_of_line,
    set_scalar,
    yaml_scalar,
)

#: One item of a list: a text, or a record of fields.
Item = str | Mapping[str, Scalar]


def set_sequence(edits: TextEdits, node: yaml.Node, values: Sequence[Item], old: Any) -> None:
    """Make the list at ``node`` (or the empty value there) hold ``values``; ``old`` as loaded."""
    items: list[yaml.Node] = node.value if isinstance(node, yaml.SequenceNode) else []
    if not values or not items:
        new = "[" + ", ".join(_flow(value) for value in values) + "]"
        if node.start_mark.index == node.end_mark.index:
            new = " " + new
        start, end = node.start_mark.index, node.end_mark.index
        if isinstance(node, yaml.SequenceNode) and not node.flow_style:
            end = end_of_line(edits.text, items[-1])
        edits.replace_span(start, end, new)
        return
    old_items = old if isinstance(old, list) else []
    for index, (item, value) in enumerate(zip(items, values, strict=False)):
        was = old_items[index] if index < len(old_items) else None
        if isinstance(value, Mapping):
            _set_record(edits, item, value, was if isinstance(was, dict) else {})
        elif was != value or item.tag != STR_TAG:
            set_scalar(edits, item, value)
    if len(values) > len(items):
        _append_items(edits, node, items[-1], values[len(items) :])  # type: ignore[arg-type]
    elif len(values) < len(items):
        _remove_items(edits, node, items, len(values))  # type: ignore[arg-type]


def _set_record(
    edits: TextEdits, item: yaml.Node, record: Mapping[str, Scalar], old: Mapping[Any, Any]
) -> None:
    if not isinstance(item, yaml.MappingNode):
        set_scalar(edits, item, None)  # -- not a record: the read-back refuses the change --
        return
    fields = {str(key.value): value for key, value in item.value}
    was = {str(key): value for key, value in old.items()}
    for key, value in record.items():
        node = fields.get(key)
        if node is not None:
            if was.get(key) != value or type(was.get(key)) is not type(value):
                set_scalar(edits, node, value)
        elif value is not None:
            add_field(edits, item, key, value)


def _flow(value: Item) -> str:
    if isinstance(value, Mapping):
        fields = ", ".join(
            f"{yaml_scalar(key)}: {yaml_scalar(cell)}" for key, cell in value.items()
        )
        return "{" + fields + "}"
    return yaml_scalar(value)


def _block_item(prefix: str, last: yaml.Node, value: Item, text: str) -> str:
    """Return a new item written as ``last`` is: a block of prose, a record, or one line."""
    if isinstance(value, Mapping):
        if isinstance(last, yaml.MappingNode) and last.flow_style:
            return prefix + _flow(value)
        lines = [f"{yaml_scalar(key)}: {yaml_scalar(cell)}" for key, cell in value.items()]
        return prefix + ("\n" + " " * len(prefix)).join(lines)
    if isinstance(last, yaml.ScalarNode) and last.style in ("|", ">") and value:
        return prefix + block_scalar(text, last, value)
    return prefix + yaml_scalar(value)


def _append_items(
    edits: TextEdits, node: yaml.SequenceNode, last: yaml.Node, values: Sequence[Item]
) -> None:
    if node.flow_style:
        edits.insert(last.end_mark.index, "".join(f", {_flow(value)}" for value in values))
        return
    text = edits.text
    line_start = text.rfind("\n", 0, last.start_mark.index) + 1
    prefix = text[line_start : last.start_mark.index]  # -- "  - " --
    lines = [_block_item(prefix, last, value, text) for value in values]
    edits.insert(end_of_line(text, last), "".join("\n" + line for line in lines))


def _remove_items(
    edits: TextEdits, node: yaml.SequenceNode, items: list[yaml.Node], keep: int
) -> None:
    if node.flow_style:
        edits.replace_span(items[keep - 1].end_mark.index, items[-1].end_mark.index, "")
        return
    # -- from the end of the last item kept to the end of the last item --
    text = edits.text
    edits.replace_span(end_of_line(text, items[keep - 1]), end_of_line(text, items[-1]), "")
