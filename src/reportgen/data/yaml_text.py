"""The pieces of changing YAML as text: positions, scalars written to read back the same.

:mod:`reportgen.data.yaml_edit` changes values with them, :mod:`reportgen.data.yaml_lists`
the items of lists, and the new-period command moves figures on.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import yaml

from reportgen.data.messages import EDIT_NEEDS_OWN_LINE
from reportgen.data.yaml_schema import compose as clerk_compose
from reportgen.data.yaml_source import parse_yaml
from reportgen.errors import DataError, Problem

#: A single value a data file holds where a form changes it.
Scalar = str | int | float | dt.date | None

INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
NULL_TAG = "tag:yaml.org,2002:null"
STR_TAG = "tag:yaml.org,2002:str"

# -- plain scalars that read back as other text, or as no text at all --
_NEEDS_QUOTES = re.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`~]|[:#]\s|\s[#:]|\s$|^$|[\n\t]|:$")


class TextEdits:
    """Collects replacements at character positions of a text, then applies them all at once."""

    def __init__(self, text: str, path: Path) -> None:
        self.text = text
        self.path = path
        self.edits: list[tuple[int, int, str]] = []

    def replace(self, node: yaml.Node, new: str, *, align: bool = True) -> None:
        """Replace ``node``'s text by ``new``; with ``align``, keep a comment after it in place."""
        start, end = node.start_mark.index, node.end_mark.index
        if align:
            spaces = len(self.text[end:]) - len(self.text[end:].lstrip(" "))
            if self.text.startswith("#", end + spaces) and spaces:
                # -- the comments of a file line up in one column: keep them there --
                new += " " * max(1, spaces - (len(new) - (end - start)))
                end += spaces
        self.edits.append((start, end, new))

    def replace_span(self, start: int, end: int, new: str) -> None:
        """Replace the characters from ``start`` to ``end`` by ``new``."""
        self.edits.append((start, end, new))

    def insert(self, index: int, new: str) -> None:
        """Insert ``new`` before the character at ``index``."""
        self.edits.append((index, index, new))

    def result(self) -> str:
        """Return the text with every edit made."""
        text = self.text
        # -- from the end backwards, so earlier positions stay valid --
        for start, end, new in sorted(self.edits, key=lambda edit: edit[:2], reverse=True):
            text = text[:start] + new + text[end:]
        return text

    def line_start(self, key: yaml.Node) -> tuple[int, str]:
        """Return where the line of ``key`` starts and its indentation; it must start the line."""
        index = key.start_mark.index
        start = self.text.rfind("\n", 0, index) + 1
        indent = self.text[start:index]
        if indent.strip():
            raise DataError(
                [
                    Problem(
                        EDIT_NEEDS_OWN_LINE(),
                        file=self.path,
                        line=key.start_mark.line + 1,
                        column=key.start_mark.column + 1,
                    )
                ]
            )
        return start, indent

    def add_line_before(self, key: yaml.Node, line: str) -> None:
        """Add ``line`` before the line of ``key``, indented as it is."""
        start, indent = self.line_start(key)
        self.insert(start, f"{indent}{line}\n")

    def add_line_after(self, key: yaml.Node, value: yaml.Node, line: str) -> None:
        """Add ``line`` after the line of ``key: value``; a comment on that line moves with it."""
        _, indent = self.line_start(key)
        end = self.text.find("\n", value.end_mark.index)
        end = len(self.text) if end < 0 else end
        rest = self.text[value.end_mark.index : end]
        new_line = f"{indent}{line}"
        if rest.strip().startswith("#"):
            comment_column = value.end_mark.column + len(rest) - len(rest.lstrip())
            new_line += " " * max(1, comment_column - len(new_line)) + rest.strip()
        self.edits.append((value.end_mark.index, end, f"\n{new_line}"))


def compose(text: str) -> yaml.Node | None:
    """Return the node tree of a YAML text, with the position of every node.

    Plain values are read as the data reads them (see reportgen.data.yaml_schema).
    """
    return clerk_compose(text)


def node_at(root: yaml.Node | None, steps: Sequence[str]) -> yaml.Node | None:
    """Return the node at ``steps`` (keys, and list positions as text) below ``root``."""
    node = root
    for step in steps:
        if isinstance(node, yaml.MappingNode):
            node = next((value for key, value in node.value if str(key.value) == step), None)
        elif isinstance(node, yaml.SequenceNode) and step.isdigit() and int(step) < len(node.value):
            node = node.value[int(step)]
        else:
            return None
    return node


def is_number(node: yaml.Node) -> bool:
    """Return whether ``node`` is a number written in the file."""
    return isinstance(node, yaml.ScalarNode) and node.tag in (INT_TAG, FLOAT_TAG)


def is_null(node: yaml.Node | None) -> bool:
    """Return whether ``node`` is an empty value (``~``, ``null`` or nothing)."""
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG


def yaml_scalar(value: Scalar) -> str:
    """Return ``value`` as a YAML scalar that reads back as the same value, on one line."""
    if value is None:
        return "~"
    if isinstance(value, bool):
        raise TypeError("a data file holds no true or false")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number_text(Decimal(repr(value)))
    if isinstance(value, dt.date):
        return value.isoformat()
    if not _NEEDS_QUOTES.search(value) and _reads_as_text(value):
        return value
    return json.dumps(value, ensure_ascii=False)  # -- a JSON string is a YAML string --


def _reads_as_text(value: str) -> bool:
    """Return whether ``value`` written bare reads back as that text, as reportgen reads YAML.

    And as YAML 1.1 reads it (PyYAML, older editors), where yes and no are true and false:
    the file then means the same to every program that opens it.
    """
    text = f"_: {value}\n"
    try:
        ours = parse_yaml(text, Path("value.yaml")).data
        theirs = yaml.safe_load(text)
    except (DataError, yaml.YAMLError, ValueError):
        return False
    return bool(ours == {"_": value} and theirs == {"_": value})


def number_text(number: Decimal) -> str:
    """Return a number as a data file writes it: 12, 3.5; never 1E+3."""
    if number == number.to_integral():
        return str(int(number))
    return format(number.normalize(), "f")


def set_scalar(edits: TextEdits, node: yaml.Node, value: Scalar) -> None:
    if not isinstance(node, yaml.ScalarNode):
        raise TypeError("only a single value is replaced this way")
    if node.style in ("|", ">") and isinstance(value, str) and value:
        start, end = block_span(edits.text, node)
        edits.replace_span(start, end, block_scalar(edits.text, node, value))
        return
    new = yaml_scalar(value)
    if isinstance(value, str) and node.style == "'" and "\n" not in value:
        new = "'" + value.replace("'", "''") + "'"  # -- keep the clerk's quotes --
    if node.start_mark.index == node.end_mark.index:
        new = " " + new  # -- `key:` with nothing after it --
    edits.replace(node, new)


def block_span(text: str, node: yaml.Node) -> tuple[int, int]:
    """Return a block scalar's span without the blank lines YAML counts into it."""
    start, end = node.start_mark.index, node.end_mark.index
    return start, start + len(text[start:end].rstrip())


def block_scalar(text: str, node: yaml.ScalarNode, value: str) -> str:
    """Return ``value`` as a block scalar (``>-`` or ``|``) indented as ``node``'s lines are."""
    header_end = text.find("\n", node.start_mark.index)
    body = text[header_end + 1 : node.end_mark.index]
    first = next((line for line in body.split("\n") if line.strip()), "")
    indent = first[: len(first) - len(first.lstrip(" "))] or " " * (node.start_mark.column + 2)
    lines = value.rstrip("\n").split("\n")
    trailing = len(value) - len(value.rstrip("\n"))
    chomping = "-" if trailing == 0 else ("" if trailing == 1 else "+")
    style = ">" if node.style == ">" and len(lines) == 1 else "|"
    if value != value.strip(" ") or lines[0].startswith(" "):
        return json.dumps(value, ensure_ascii=False)  # -- spaces a block would not keep --
    content = "\n".join(indent + line if line else "" for line in lines)
    return f"{style}{chomping}\n{content}" + "\n" * max(0, trailing - 1)


def add_field(edits: TextEdits, mapping: yaml.MappingNode, key: str, value: Scalar) -> None:
    """Add ``key: value`` to ``mapping``, after its last field, written as its fields are."""
    last = mapping.value[-1][1]
    if mapping.flow_style:
        edits.insert(last.end_mark.index, f", {yaml_scalar(key)}: {yaml_scalar(value)}")
        return
    line = f"{' ' * mapping.start_mark.column}{yaml_scalar(key)}: {yaml_scalar(value)}"
    edits.insert(end_of_line(edits.text, mapping), "\n" + line)


def end_of_line(text: str, node: yaml.Node) -> int:
    """Return where the last line of ``node`` ends, after any comment, before its line break."""
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        return block_span(text, node)[1]
    start = node.start_mark.index
    # -- a block collection's span runs into the next line's indentation: stop at its text --
    end = start + len(text[start : node.end_mark.index].rstrip())
    line_end = text.find("\n", end)
    return len(text) if line_end < 0 else line_end
