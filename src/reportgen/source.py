"""Read YAML data files and remember where every value came from.

Errors about data must name the file and line a clerk has to fix, so loading
keeps a map from each value's path (``("figures", "adopted", "value")``) to
its line and column. PyYAML builds the node tree, which carries those marks;
this module turns the tree into plain Python values and the map side by side.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem

Path_ = tuple[str | int, ...]

try:  # the C loader is much faster on large batch tables, and optional
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


@dataclass
class SourceFile:
    """A parsed YAML file: its data and the line and column of every value in it."""

    path: Path
    data: Any
    positions: dict[tuple[str, ...], tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_) -> tuple[int | None, int | None]:
        """Return the line and column of ``path``, or of its nearest ancestor that has one."""
        # Keys are compared as text: YAML's key 2019 and the path's 2019 are one.
        steps = tuple(str(step) for step in path)
        for length in range(len(steps), -1, -1):
            found = self.positions.get(steps[:length])
            if found is not None:
                return found
        return None, None

    def problem(self, message: str, path: Path_ = (), field: str | None = None) -> Problem:
        """Return a Problem located at ``path`` in this file."""
        line, column = self.locate(path)
        return Problem(message, file=self.path, line=line, column=column, field=field)


def load_yaml(path: Path) -> SourceFile:
    """Parse the YAML file at ``path``; raise DataError with line and column on bad syntax."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise DataError([Problem(f"not UTF-8 text ({err.reason})", file=path)]) from err
    except OSError as err:
        raise DataError([Problem(f"cannot read the file ({err.strerror})", file=path)]) from err
    return parse_yaml(text, path)


def parse_yaml(text: str, path: Path) -> SourceFile:
    """Parse YAML ``text`` that came from ``path``."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message = " ".join(part for part in (err.context, err.problem) if part)
        raise DataError(
            [
                Problem(
                    f"YAML syntax error: {message or 'cannot parse'}",
                    file=path,
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                )
            ]
        ) from err
    except yaml.YAMLError as err:
        raise DataError([Problem(f"YAML error: {err}", file=path)]) from err
    finally:
        loader.dispose()
    source = SourceFile(path, data)
    if node is not None:
        problems: list[Problem] = []
        _record_positions(node, (), source, problems)
        if problems:
            raise DataError(problems)
    return source


def _record_positions(
    node: yaml.Node, path: tuple[str, ...], source: SourceFile, problems: list[Problem]
) -> None:
    source.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                # PyYAML keeps the last of two equal keys without a word: that loses data.
                problems.append(
                    Problem(
                        f"'{key}' appears twice (first on line {seen[key]}); keep one",
                        file=source.path,
                        line=line,
                        column=key_node.start_mark.column + 1,
                    )
                )
                continue
            seen[key] = line
            child = (*path, str(key))
            _record_positions(value_node, child, source, problems)
            source.positions[child] = (line, key_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_positions(item, (*path, str(index)), source, problems)
