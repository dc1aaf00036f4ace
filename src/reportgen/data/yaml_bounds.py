"""Bounds on a YAML file: its size, how deep it nests, and how many values its aliases make.

A YAML alias (``*name``) repeats a value written once (``&name``). Aliases of aliases make a
few kilobytes stand for billions of values, which every step after parsing would walk. So
the tree PyYAML composes, where each aliased value is one node however often it is
repeated, is measured before anything is built from it: each node once, counting how many
times the aliases repeat it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

from reportgen.data.messages import (
    DATA_FILE_TOO_LARGE,
    YAML_ALIAS_LOOP,
    YAML_TOO_DEEP,
    YAML_TOO_MANY_VALUES,
)
from reportgen.errors import Problem
from reportgen.i18n import Message

#: The largest data file read, in bytes: a table of 100,000 rows is a tenth of it.
MAX_FILE_BYTES = 20_000_000
#: How deep values may nest (a report's data nests five or six levels).
MAX_DEPTH = 100
#: How many values a file may hold with every alias expanded.
MAX_VALUES = 1_000_000


def size_problem(path: Path, size: int) -> Problem | None:
    """Return a Problem if a data file of ``size`` bytes is too large to read."""
    if size <= MAX_FILE_BYTES:
        return None
    return Problem(DATA_FILE_TOO_LARGE(size=f"{size:,}", limit=f"{MAX_FILE_BYTES:,}"), file=path)


def tree_problems(root: yaml.Node, path: Path, *, aliases: bool = True) -> list[Problem]:
    """Return the problems of the tree at ``root``: too deep, an alias in itself, too many values.

    Each node is visited once, so an alias bomb is measured in the time its text takes to read.
    ``aliases`` is False for a text without a ``*``, which can hold no alias.
    """
    if not aliases and _fits(root):
        return []
    order: list[yaml.Node] = []  # -- every node after all of its children --
    on_path: set[int] = set()
    done: set[int] = set()
    stack: list[tuple[yaml.Node, tuple[str, ...], Iterator[tuple[str | None, yaml.Node]]]] = []

    def enter(node: yaml.Node, steps: tuple[str, ...]) -> None:
        on_path.add(id(node))
        stack.append((node, steps, _children(node)))

    enter(root, ())
    while stack:
        node, steps, children = stack[-1]
        for step, child in children:
            child_steps = steps if step is None else (*steps, step)
            if id(child) in on_path:
                field = ".".join((path.stem, *child_steps))
                return [_at(child, path, YAML_ALIAS_LOOP(), field)]
            if id(child) in done:
                continue
            if len(stack) >= MAX_DEPTH:
                return [_at(child, path, YAML_TOO_DEEP(limit=MAX_DEPTH))]
            enter(child, child_steps)
            break
        else:
            stack.pop()
            on_path.discard(id(node))
            done.add(id(node))
            order.append(node)
    return _count_problems(root, order, path)


def _fits(root: yaml.Node) -> bool:
    """Return whether a tree in which no node appears twice (no alias) is within the bounds.

    Its values are its nodes, and it is walked a level at a time: what the walk above keeps
    for aliases took a load of a report's files half a millisecond. A tree beyond a bound is
    walked again by that walk, for the problem to name.
    """
    level = [root]
    values = 0
    for _ in range(MAX_DEPTH):
        values += len(level)
        if values > MAX_VALUES:
            return False
        below: list[yaml.Node] = []
        for node in level:
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    below += (key, value)
            elif isinstance(node, yaml.SequenceNode):
                below += node.value
        if not below:
            return True
        level = below
    return False


def _count_problems(root: yaml.Node, order: list[yaml.Node], path: Path) -> list[Problem]:
    # -- the times each node appears once aliases are expanded: parents before children --
    times = {id(root): 1}
    for node in reversed(order):
        for _, child in _children(node):
            times[id(child)] = times.get(id(child), 0) + times[id(node)]
    total = sum(times.values())
    if total <= MAX_VALUES:
        return []
    # -- of the values repeated most, the outermost: the one an anchor (&name) names --
    repeated = max(reversed(order), key=lambda node: times[id(node)])
    message = YAML_TOO_MANY_VALUES(
        times=f"{times[id(repeated)]:,}", count=f"{total:,}", limit=f"{MAX_VALUES:,}"
    )
    return [_at(repeated, path, message)]


def _children(node: yaml.Node) -> Iterator[tuple[str | None, yaml.Node]]:
    """Yield each child of ``node`` with the step a data path takes to it (None for a key)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield None, key
            yield str(key.value), value
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield str(index), item


def _at(node: yaml.Node, path: Path, message: Message, field: str | None = None) -> Problem:
    mark = node.start_mark
    return Problem(message, file=path, line=mark.line + 1, column=mark.column + 1, field=field)
