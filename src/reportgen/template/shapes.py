"""The shape of the data a template needs, read from how it uses each name.

``{%p for item in work_items %}`` … ``{{ item.title }}`` needs ``work_items`` to be a list of
records each with a ``title``; ``{{ names | join_cn }}`` a list of text; ``{{ date | cn_date }}``
a date; ``{{ row | cn_change }}`` printed beside ``{{ row.previous }}`` a figure. ``reportgen
fields`` describes these shapes, and ``reportgen new-data`` writes a data file in them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportgen.template.usage import (
    CONDITION,
    FILTER,
    ITERATED,
    LISTED,
    NUMBER,
    PRINTED,
    TESTED,
    Use,
)

# -- the kinds of field, as fields and new-data name them --
TEXT = "text"
NUMBER_KIND = "number"
DATE = "date"
FIGURE = "figure"
FIGURES = "group of figures"
TEXTS = "list of text"
RECORDS = "list of records"
RECORD = "record"
PERIOD = "period"
YEAR = "year"
#: A name only a condition uses (``{%p if is_paid %}``): true or false, not text, which is
#: always true.
YES_NO = "true or false"
#: A record whose fields the template lists (``scores.items()``): names and values, any.
PAIRS = "names and values"
#: A section of report.yaml from which reportgen makes what the template uses (attachment).
SECTION = "section"

#: What a figure has beside its value (reportgen.data.figures.Figure).
FIGURE_FIELDS = {"value", "previous", "change", "label", "unit", "by_year", "name"}
_NUMBER_FILTERS = {"cn_numeral", "cn_ordinal", "amount", "percent"}
_TEXT_LIST_FILTERS = {"join_cn", "quoted", "cn_enumerate"}
#: Names a template uses that are no field of the data: Jinja's, and a batch's row.
_NOT_DATA = {"loop", "row"}
#: What reportgen makes from a section of report.yaml, by the section's name.
COMPUTED = {"attachment", "official"}


@dataclass
class Shape:
    """One name a template uses: how, where, and the names it holds."""

    name: str
    #: ``(part, line, written)`` of each tag that uses it.
    places: list[tuple[str, int, str]] = field(default_factory=list)
    hows: set[str] = field(default_factory=set)
    fields: dict[str, Shape] = field(default_factory=dict)
    #: The shape of its items, when it is looped over or an item of it is used.
    items: Shape | None = None
    #: Whether it is a top-level name reportgen makes from a section (see COMPUTED).
    computed: bool = False

    @property
    def kind(self) -> str:
        """Return what the data should hold here: text, a list of records, a figure, …."""
        if self.name in COMPUTED and self.computed:
            return SECTION
        if self.items is not None:
            return self._list_kind(self.items)
        if self.name == "period" and self.fields.keys() <= {"start", "end", "years", "length"}:
            return PERIOD
        if LISTED in self.hows:
            return PAIRS
        if self.fields:
            return FIGURE if self._is_figure() else RECORD
        return self._leaf_kind()

    def _list_kind(self, items: Shape) -> str:
        if items.fields:
            return FIGURES if items._is_figure() else RECORDS
        if items.kind == FIGURE:
            return FIGURES
        return TEXTS

    def _is_figure(self) -> bool:
        figure_use = PRINTED in self.hows or any(
            how.removeprefix(FILTER) in {"cn_change", *_NUMBER_FILTERS} for how in self.hows
        )
        return figure_use and self.fields.keys() <= FIGURE_FIELDS

    def _leaf_kind(self) -> str:
        filters = {how.removeprefix(FILTER) for how in self.hows if how.startswith(FILTER)}
        if "cn_date" in filters or self.name == "date":
            return DATE
        if "cn_change" in filters:
            return FIGURE
        if filters & _TEXT_LIST_FILTERS:
            return TEXTS
        if NUMBER in self.hows or filters & _NUMBER_FILTERS:
            return NUMBER_KIND
        if CONDITION in self.hows and self.hows <= {CONDITION, TESTED}:
            return YES_NO
        return TEXT

    def child(self, step: str) -> Shape:
        """Return the shape of ``step`` in this one (``name[]``: an item of ``name``)."""
        name = step.removesuffix("[]")
        shape = self.fields.setdefault(name, Shape(name))
        if step.endswith("[]"):
            if shape.items is None:
                shape.items = Shape(name)
            return shape.items
        return shape


def row_columns(uses: list[Use]) -> list[str]:
    """Return the columns of a batch's row the template uses (``row.name``), in the order used."""
    columns: dict[str, None] = {}
    for use in uses:
        if use.steps[0].removesuffix("[]") == "row" and len(use.steps) > 1:
            columns[use.steps[1].removesuffix("[]")] = None
    return list(columns)


def shapes_of(uses: list[Use]) -> dict[str, Shape]:
    """Return the top-level names the template uses, each with its shape, in the order used."""
    root = Shape("")
    for use in uses:
        steps = use.steps
        if steps[0].removesuffix("[]") in _NOT_DATA:
            continue
        if steps[0].removesuffix("[]") == "report" and len(steps) > 1:
            steps = steps[1:]  # -- report.title is the report's own title --
        shape = root
        for step in steps:
            shape = shape.child(step)
        top = root.fields[steps[0].removesuffix("[]")]
        top.computed = top.name in COMPUTED
        shape.hows.add(use.how)
        shape.places.append((use.part, use.line, use.written))
        if use.how == ITERATED:
            shape.items = shape.items or Shape(shape.name)
    return root.fields
