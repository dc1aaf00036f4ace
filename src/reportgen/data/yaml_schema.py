"""YAML as clerks mean it: which plain values are numbers, dates, true or false, or text.

PyYAML reads YAML 1.1, in which ``no``, ``yes``, ``on``, ``off``, ``y`` and ``n`` are true or
false, ``12:30`` is the number 750 and ``010`` is 8: an item numbered ``no: 一`` becomes the key
False, and ``{yes: 30, no: 5, on: 12, off: 3}`` silently keeps two values. reportgen reads plain
values by the YAML 1.2 core schema instead, with two rules for what clerks type:

- ``true`` and ``false`` are the only words for true and false; every other word is text;
- a number is written as a number is written in a document: ``12``, ``-3``, ``4.5``, ``1e6``;
  one that starts with 0 (a postcode, ``010``) is text, and so is ``12:30`` or ``1_000``;
- a date is a date however a clerk writes it: ``2024-01-15``, ``2024.1.15``, ``2024/1/15`` or
  ``2024年1月15日`` (see :mod:`reportgen.text.dates`).

The tree is built here too, not by PyYAML's constructor, so that each value keeps its line and
column, and two keys that are the same key however they are spelt (``1`` and ``1.0``, ``2019``
and ``'2019'``) are reported with both lines instead of one silently replacing the other.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from reportgen.data.messages import (
    DUPLICATE_KEY_SPELLED,
    TAG_VALUE_UNREADABLE,
    YAML_ALIAS_LOOP,
    YAML_COMPLEX_KEY,
    YAML_DUPLICATE_KEY,
    YAML_TAG,
)
from reportgen.errors import InvalidValue
from reportgen.i18n import Message
from reportgen.text.dates import DATE_FORMS, NUMERAL_DATE, parse_date

NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
STR = "tag:yaml.org,2002:str"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"
#: A date as a clerk writes it; the tag is reportgen's own, never written in a file.
DATE = "tag:reportgen,2024:date"

_DIGITS = list("0123456789")
_RESOLVERS: list[tuple[str, re.Pattern[str], list[str]]] = [
    (NULL, re.compile(r"~|null|Null|NULL|"), ["~", "n", "N", ""]),
    (BOOL, re.compile(r"true|True|TRUE|false|False|FALSE"), list("tTfF")),
    (INT, re.compile(r"[-+]?(?:0|[1-9][0-9]*)|0o[0-7]+|0x[0-9a-fA-F]+"), ["-", "+", *_DIGITS]),
    (
        FLOAT,
        re.compile(
            r"[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
        ),
        ["-", "+", ".", *_DIGITS],
    ),
    # -- full-width digits too: a Chinese input method types them --
    (DATE, DATE_FORMS, [*_DIGITS, *"０１２３４５６７８９"]),
    # -- 二〇二四年一月十五日: a 成文日期 as written before GB/T 9704-2012 --
    (DATE, NUMERAL_DATE, [*"〇○零OＯ一二三四五六七八九"]),
]

try:  # the C parser is much faster on large batch tables, and optional
    _Base: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.SafeLoader


class _Whole:
    """A pattern PyYAML's resolver matches against the whole of a value (it calls ``match``).

    PyYAML's own patterns end in $, which would let a number followed by a line break through.
    The pattern is matched in full as it is, not compiled a second time with an anchor at its
    end: compiling them again took every load of a report 0.8 ms.
    """

    __slots__ = ("match",)

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.match = pattern.fullmatch


class ClerkLoader(_Base):  # type: ignore[valid-type,misc]
    """PyYAML's safe loader, with the plain values resolved as :mod:`this module <.>` says."""

    yaml_implicit_resolvers: dict[Any, list[tuple[str, _Whole]]] = {}


class PureClerkLoader(yaml.SafeLoader):
    """The same loader on PyYAML's Python parser, where its C parser is not built."""

    yaml_implicit_resolvers: dict[Any, list[tuple[str, _Whole]]] = {}


for _tag, _pattern, _first in _RESOLVERS:
    for _loader in (ClerkLoader, PureClerkLoader):
        _loader.add_implicit_resolver(_tag, _Whole(_pattern), _first)


def compose(text: str, loader_class: type[yaml.SafeLoader] = ClerkLoader) -> yaml.Node | None:
    """Return the node tree of the YAML ``text``, its plain values resolved the clerk's way.

    Raise yaml.YAMLError on bad syntax.
    """
    loader = loader_class(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


#: A path to a value: keys and list positions, as text.
Steps = tuple[str, ...]


class Built:
    """A node tree built into Python values, with each value's place and what is wrong."""

    def __init__(self) -> None:
        self.data: Any = None
        #: The line and column of each value; a mapping's entry is at its key.
        self.positions: dict[Steps, tuple[int, int]] = {}
        #: ``(message, line, column, steps)`` for each value that cannot be read.
        self.problems: list[tuple[Message, int, int, Steps]] = []


def build(node: yaml.Node) -> Built:
    """Return the values of the tree under ``node``, their places, and what is wrong."""
    builder = _Builder()
    builder.built.data = builder.value(node, (), frozenset())
    return builder.built


class _Builder:
    """Builds values once each (an alias shares its value), recording places as it goes."""

    def __init__(self) -> None:
        self.built = Built()
        self.values: dict[int, Any] = {}

    def problem(self, message: Message, node: yaml.Node, steps: Steps) -> None:
        mark = node.start_mark
        self.built.problems.append((message, mark.line + 1, mark.column + 1, steps))

    def value(self, node: yaml.Node, steps: Steps, ancestors: frozenset[int]) -> Any:
        self.built.positions.setdefault(steps, _place(node))
        if id(node) in ancestors:
            # -- an alias inside the very value it names (&a [*a]): the data would never end --
            self.problem(YAML_ALIAS_LOOP(), node, steps)
            return None
        if id(node) in self.values:
            return self.values[id(node)]  # -- an alias: built once, its places are the anchor's --
        inner = ancestors | {id(node)}
        if isinstance(node, yaml.MappingNode):
            value: Any = self.mapping(node, steps, inner)
        elif isinstance(node, yaml.SequenceNode):
            items = enumerate(node.value)
            value = [self.value(item, (*steps, str(index)), inner) for index, item in items]
        else:
            value = self.scalar(node, steps)
        self.values[id(node)] = value
        return value

    def mapping(
        self, node: yaml.MappingNode, steps: Steps, ancestors: frozenset[int]
    ) -> dict[Any, Any]:
        mapping: dict[Any, Any] = {}
        first: dict[str, tuple[int, str]] = {}  # -- a key's identity: its line and spelling --
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(YAML_COMPLEX_KEY(), key_node, steps)
                continue
            key = self.scalar(key_node, steps)
            identity = _identity(key)  # -- ~ and null, true and True: one key --
            line = key_node.start_mark.line + 1
            if identity in first:
                message = _duplicate(key_node.value, *first[identity])
                self.problem(message, key_node, (*steps, str(key_node.value)))
                continue
            first[identity] = (line, key_node.value)
            if key is None or isinstance(key, bool):
                key = key_node.value  # -- named as written (~, true), not as Python's None --
            child = (*steps, str(key))
            mapping[key] = self.value(value_node, child, ancestors)
            self.built.positions[child] = _place(key_node)
            if key_node.value != str(key):  # -- found by the key as written, too --
                self.built.positions[(*steps, key_node.value)] = _place(key_node)
        return mapping

    def scalar(self, node: yaml.Node, steps: Steps) -> Any:
        try:
            return _scalar(node)
        except InvalidValue as err:
            self.problem(err.message, node, steps)
            return None


def _scalar(node: yaml.Node) -> Any:
    """Return the value of a scalar node by its tag; raise InvalidValue if it cannot be read."""
    text = str(node.value)
    tag = node.tag
    if tag == STR:
        return text
    if tag == NULL and _matches(NULL, text):
        return None
    if tag == BOOL and _matches(BOOL, text):
        return text.lower() == "true"
    if tag == DATE:
        return parse_date(text)
    try:
        if tag == INT:
            return _int(text)
        if tag == FLOAT:
            return _float(text)
    except ValueError:
        raise InvalidValue(TAG_VALUE_UNREADABLE(text=text, tag=tag.rsplit(":", 1)[-1])) from None
    if tag in (NULL, BOOL):
        raise InvalidValue(TAG_VALUE_UNREADABLE(text=text, tag=tag.rsplit(":", 1)[-1]))
    raise InvalidValue(YAML_TAG())


def _matches(tag: str, text: str) -> bool:
    return any(name == tag and pattern.fullmatch(text) for name, pattern, _ in _RESOLVERS)


def _int(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    base = {"0o": 8, "0x": 16}.get(digits[:2].lower(), 10)
    return sign * int(digits[2:] if base != 10 else digits, base)


def _float(text: str) -> float:
    lowered = text.lower().lstrip("+")
    if lowered in (".inf", "-.inf"):
        return -math.inf if lowered.startswith("-") else math.inf
    if lowered == ".nan":
        return math.nan
    return float(text)


def _identity(key: Any) -> str:
    """Return what makes two keys one in the data, however each is spelt."""
    if isinstance(key, bool) or key is None:
        return str(key).lower()
    if isinstance(key, int | float):
        try:
            return format(Decimal(str(key)).normalize(), "f")  # -- 1 and 1.0 are one key --
        except InvalidOperation:
            return str(key)
    if isinstance(key, dt.date):
        return key.isoformat()
    return str(key)


def _duplicate(spelling: str, first_line: int, first_spelling: str) -> Message:
    if spelling == first_spelling:
        return YAML_DUPLICATE_KEY(key=spelling, first=first_line)
    return DUPLICATE_KEY_SPELLED(key=spelling, other=first_spelling, first=first_line)


def _place(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1
