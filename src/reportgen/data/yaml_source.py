"""Read YAML data files and remember where every value came from.

Errors about data must name the file and line a clerk has to fix, so loading
keeps a map from each value's path (``("figures", "adopted", "value")``) to
its line and column. PyYAML builds the node tree, which carries those marks;
this module turns the tree into plain Python values and the map side by side.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

from reportgen.data.messages import (
    YAML_CHARACTER,
    YAML_CONTROL_CHARACTER,
    YAML_OTHER,
    YAML_TOO_DEEP,
    YAML_UNPRINTABLE,
)
from reportgen.data.yaml_bounds import MAX_DEPTH, MAX_FILE_BYTES, size_problem, tree_problems
from reportgen.data.yaml_schema import ClerkLoader, build, compose
from reportgen.errors import DataError, Problem
from reportgen.i18n import Message
from reportgen.messages import FILE_NOT_FOUND, FILE_UNREADABLE, os_reason
from reportgen.text.decoding import UndecodableText, decode_text

Path_ = tuple[str | int, ...]

#: The loader files are read with (tests swap in the Python parser's).
_Loader: type[yaml.SafeLoader] = ClerkLoader

# The characters YAML refuses in a file (PyYAML's own list): chiefly control characters pasted
# from other programs. They are looked for before parsing, so each is reported with its field,
# not as one unplaced parser error.
_UNPRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


class SourceFile:
    """A parsed YAML file: its data and the line and column of every value in it."""

    def __init__(
        self,
        path: Path,
        data: Any,
        positions: dict[tuple[str, ...], tuple[int, int]] | None = None,
        notes: list[Problem] | None = None,
    ) -> None:
        self.path = path
        self.data = data
        self.positions = positions if positions is not None else {}
        #: Warnings about the file as a whole, such as its having been read as GBK.
        self.notes = notes if notes is not None else []

    def __repr__(self) -> str:
        return f"SourceFile({self.path!r})"

    def locate(self, path: Path_) -> tuple[int | None, int | None]:
        """Return the line and column of ``path``, or of its nearest ancestor that has one."""
        # Keys are compared as text: YAML's key 2019 and the path's 2019 are one.
        steps = tuple(str(step) for step in path)
        for length in range(len(steps), -1, -1):
            found = self.positions.get(steps[:length])
            if found is not None:
                return found
        return None, None

    def problem(
        self, message: Message | str, path: Path_ = (), field: str | None = None
    ) -> Problem:
        """Return a Problem located at ``path`` in this file."""
        line, column = self.locate(path)
        return Problem(message, file=self.path, line=line, column=column, field=field)


def load_yaml(path: Path) -> SourceFile:
    """Parse the YAML file at ``path``; raise DataError with line and column on bad syntax."""
    try:
        with path.open("rb") as stream:
            content = stream.read(MAX_FILE_BYTES + 1)
            size = max(len(content), os.fstat(stream.fileno()).st_size)
    except FileNotFoundError as err:
        raise DataError([Problem(FILE_NOT_FOUND(), file=path)]) from err
    except OSError as err:
        raise DataError([Problem(FILE_UNREADABLE(reason=os_reason(err)), file=path)]) from err
    too_large = size_problem(path, size)
    if too_large is not None:
        raise DataError([too_large])
    try:
        decoded = decode_text(content)
    except UndecodableText as err:
        raise DataError([Problem(err.message, file=path, line=err.line)]) from err
    source = parse_yaml(decoded.text, path)
    if decoded.note is not None:
        source.notes.append(Problem(decoded.note, file=path, severity="warning"))
    return source


def parse_yaml(text: str, path: Path) -> SourceFile:
    """Parse YAML ``text`` that came from ``path``, its values read as clerks mean them.

    Raise DataError naming the line and column of every value that cannot be read.
    """
    unprintable = list(_UNPRINTABLE.finditer(text))
    if unprintable:
        raise DataError(_unprintable_problems(text, path, unprintable))
    try:
        node = compose(text, _Loader)
        # -- measured before anything is built: aliases may repeat a value billions of times --
        bounds = tree_problems(node, path, aliases="*" in text) if node is not None else []
        if bounds:
            raise DataError(bounds)
    except yaml.MarkedYAMLError as err:
        from reportgen.data.yaml_errors import yaml_error_message  # -- only for a syntax error --

        # The message says where a missing ] or " began; the line is where it was noticed.
        mark = err.problem_mark or err.context_mark
        message, place = yaml_error_message(err, text)
        if place is None and mark is not None:
            place = (mark.line + 1, mark.column + 1)
        line, column = place if place is not None else (None, None)
        problem = Problem(message, file=path, line=line, column=column)
        raise DataError([problem]) from err
    except yaml.YAMLError as err:
        raise DataError([Problem(YAML_OTHER(detail=str(err)), file=path)]) from err
    except RecursionError as err:  # -- PyYAML's own parser, where libyaml is missing --
        raise DataError([Problem(YAML_TOO_DEEP(limit=MAX_DEPTH), file=path)]) from err
    if node is None:
        return SourceFile(path, None)
    built = build(node)
    source = SourceFile(path, built.data, built.positions)
    if built.problems:
        raise DataError(
            Problem(message, file=path, line=line, column=column, field=_dotted(path, steps))
            for message, line, column, steps in built.problems
        )
    return source


def _dotted(path: Path, steps: tuple[str, ...]) -> str | None:
    return ".".join((path.stem, *steps)) if steps else None


def _unprintable_problems(text: str, path: Path, found: list[re.Match[str]]) -> list[Problem]:
    """Return a Problem for each character in ``found``, naming its line, column and field."""
    # A copy with the characters blanked parses, and tells which value holds each one.
    try:
        root = compose(_UNPRINTABLE.sub(" ", text), _Loader)
    except yaml.YAMLError:
        root = None
    problems = []
    for match in found:
        index = match.start()
        code = ord(match.group())
        kind = YAML_CONTROL_CHARACTER() if code < 0xA0 else YAML_CHARACTER()
        try:
            steps = _steps_at(root, index, set()) if root is not None else []
        except RecursionError:  # -- a thousand levels deep: the line and column tell --
            steps = []
        problems.append(
            Problem(
                YAML_UNPRINTABLE(kind=kind, code=f"{code:04X}"),
                file=path,
                line=text.count("\n", 0, index) + 1,
                column=index - text.rfind("\n", 0, index),
                field=".".join((path.stem, *steps)) if steps else None,
            )
        )
    return problems


def _steps_at(node: yaml.Node, index: int, seen: set[int]) -> list[str]:
    """Return the path of keys (and list positions) to the value holding character ``index``."""
    if id(node) in seen:
        return []
    seen.add(id(node))
    children: list[tuple[str, yaml.Node, yaml.Node | None]] = []
    if isinstance(node, yaml.MappingNode):
        children = [(str(key.value), value, key) for key, value in node.value]
    elif isinstance(node, yaml.SequenceNode):
        children = [(str(position), item, None) for position, item in enumerate(node.value)]
    for step, child, key in children:
        if key is not None and key.start_mark.index <= index < key.end_mark.index:
            return [step]
        if child.start_mark.index <= index < child.end_mark.index:
            return [step, *_steps_at(child, index, seen)]
    return []
