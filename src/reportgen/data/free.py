"""A clerk's own data, as the template sees it: text, numbers, dates, lists and records.

Fields that are not reportgen's (see :mod:`reportgen.data.namespace`) reach the template under
the names the clerk wrote, in the shape the clerk wrote them. A mapping becomes a
:class:`Record`, whose fields are reached as ``item.title`` and nothing else (a Python dict
would answer ``item.items`` with a method); text is prose, so it may name figures
(``全年签订{{ contracts }}份``); the placeholder 【待填写】 prints as it is and is listed, a
warning, until it is filled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined

from reportgen.data.messages import STILL_TO_FILL
from reportgen.data.own_tables import TableReader, names_a_table
from reportgen.data.rules import FIGURE_FIELDS, text_without_control_characters
from reportgen.data.yaml_source import SourceFile
from reportgen.errors import InvalidValue, Problem
from reportgen.text.printing import PENDING, Fields, Pending

#: Renders prose: ``(text, steps to it, dotted field)`` → the text with its tags printed.
Render = Callable[[str, tuple[str | int, ...], str], str]


#: The methods of a mapping that list a record's fields, where no field has their name.
_LISTING = frozenset({"items", "keys", "values"})


class Record(Fields):
    """A clerk's own fields, reached by name: ``{{ item.title }}``, ``{{ item['title'] }}``."""

    __slots__ = ("_fields",)

    def __init__(self, fields: dict[str, Any]) -> None:
        self._fields = fields

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self._fields[key]
        except KeyError:
            if key in _LISTING:  # -- {% for name, value in scores.items() %}, as in docxtpl --
                return _Listing(self, key, getattr(self._fields, key))
            raise AttributeError(key) from None

    def __getitem__(self, key: str) -> Any:
        return self._fields[key]

    def __contains__(self, key: object) -> bool:
        return key in self._fields

    def __getstate__(self) -> dict[str, Any]:
        return self._fields

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._fields = state

    def _field_names(self) -> list[str]:
        return list(self._fields)

    def __repr__(self) -> str:
        return f"Record({self._fields!r})"


class _Listing(StrictUndefined):
    """A record's ``items``, ``keys`` or ``values`` where it has no field of that name.

    Called (``scores.items()``, or by ``dictsort``), it lists the record's fields, as a
    mapping's method does; anything else (``{{ order.items }}``, a misspelt ``item``) is the
    missing field it is, said as such.
    """

    __slots__ = ("_listing",)
    # -- read by the sandbox and by Jinja before a call: an Undefined would fail when asked --
    unsafe_callable = False
    alters_data = False
    jinja_pass_arg = None

    def __init__(self, record: Record, name: str, listing: Callable[[], Any]) -> None:
        super().__init__(obj=record, name=name)
        self._listing = listing

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._listing(*args, **kwargs)


class OwnData:
    """Turns a file's own fields into template values, noting every placeholder still there."""

    def __init__(
        self, source: SourceFile, prefix: str, render: Render, tables: TableReader | None = None
    ) -> None:
        self.source = source
        self.prefix = prefix
        self.render = render
        self.reader = tables if tables is not None else TableReader()
        self.warnings: list[Problem] = []
        self.problems: list[Problem] = []
        #: The tables fields name (``rows: 名单.xlsx``), read: a change to one loads again.
        self.tables: list[Path] = []

    def values(self, fields: dict[str, Any]) -> dict[str, Any]:
        """Return ``fields`` (the file's top-level own fields) as the template sees them."""
        return {name: self.value(value, (name,)) for name, value in fields.items()}

    def value(self, value: Any, steps: tuple[str | int, ...]) -> Any:
        """Return one value, and everything inside it, as the template sees it."""
        if isinstance(value, str):
            return self.text(value, steps)
        if isinstance(value, list):
            return [self.value(item, (*steps, index)) for index, item in enumerate(value)]
        if isinstance(value, dict):
            if names_a_table(value, self.source.path.parent):
                return self.table(value, steps)
            return Record(
                {str(key): self.value(item, (*steps, str(key))) for key, item in value.items()}
            )
        return value

    def table(self, value: dict[str, Any], steps: tuple[str | int, ...]) -> list[Record]:
        """Return the rows of the table ``value`` names, each a record of its columns."""
        table = self.reader.read(value, self.source.path.parent, self.dotted(steps))
        if table.refused is not None:
            at = (*steps, "rows")
            self.problems.append(self.source.problem(table.refused, at, self.dotted(at)))
        if table.path is not None:
            self.tables.append(table.path)
        self.problems += table.problems
        self.warnings += table.warnings
        return [Record(fields) for fields in table.rows]

    def text(self, text: str, steps: tuple[str | int, ...]) -> str:
        """Return ``text`` rendered as prose, or the placeholder, noting it as still to fill."""
        dotted = self.dotted(steps)
        try:
            # -- "\x07" or "\uFFFE" in a quoted YAML value: Word refuses the document --
            text_without_control_characters(text)
        except InvalidValue as err:
            self.problems.append(self.source.problem(err.message, steps, dotted))
            return text
        if PENDING in text:
            self.warnings.append(still_to_fill(self.source, steps, dotted))
            if text.strip() == PENDING:
                return Pending()
        return self.render(text, steps, dotted)

    def dotted(self, steps: tuple[str | int, ...]) -> str:
        """Return the field at ``steps`` as problems name it: ``report.work_items.0.title``."""
        return ".".join(str(step) for step in (self.prefix, *steps))


def still_to_fill(source: SourceFile, steps: tuple[str | int, ...], dotted: str) -> Problem:
    """Return the warning that the field at ``steps`` still holds the placeholder."""
    line, column = source.locate(steps)
    return Problem(
        STILL_TO_FILL(placeholder=PENDING),
        file=source.path,
        line=line,
        column=column,
        field=dotted,
        severity="warning",
    )


def placeholders(value: Any, steps: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Yield the steps to every text in ``value`` (raw YAML data) that holds the placeholder."""
    if isinstance(value, str) and PENDING in value:
        yield steps
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from placeholders(item, (*steps, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from placeholders(item, (*steps, str(key)))


#: The fields of a figure that hold numbers, which the placeholder may stand in for.
_NUMBERS = ("value", "previous", "by_year")


def empty_pending_figures(figures: Any, prefix: str = "") -> tuple[Any, set[str]]:
    """Return a figures section with each figure that holds the placeholder emptied.

    Return too the dotted names of those figures (``indicators.new_members``): each prints
    【待填写】 until its numbers are written, and is listed as still to fill, not as an error.
    """
    if not isinstance(figures, dict):
        return figures, set()
    emptied: dict[Any, Any] = {}
    pending: set[str] = set()
    for name, node in figures.items():
        dotted = f"{prefix}{name}"
        if isinstance(node, str) and PENDING in node:
            emptied[name], pending = {"value": None}, pending | {dotted}
        elif isinstance(node, dict) and any(key in FIGURE_FIELDS for key in node):
            held = [key for key in _NUMBERS if any(True for _ in placeholders(node.get(key)))]
            if held:
                pending.add(dotted)
                node = {key: value for key, value in node.items() if key not in _NUMBERS}
                node["value"] = None
            emptied[name] = node
        elif isinstance(node, dict):
            emptied[name], inner = empty_pending_figures(node, dotted + ".")
            pending |= inner
        else:
            emptied[name] = node
    return emptied, pending
