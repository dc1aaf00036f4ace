"""docxtpl-lint's findings in reportgen's words.

docxtpl-lint names each finding by a stable rule (DTL101: a block never closed) and keeps the
values its message is made of; reportgen words each rule itself, in the clerk's terms and in
either language, and names places as :class:`~reportgen.ooxml.places.Place` does. Rules that
speak of docxtpl-lint's own command line (its --filters option, its sample data) are reworded
to say what to change in the template instead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from reportgen.i18n import Message, MessageKind
from reportgen.ooxml.places import Place, part_name
from reportgen.template.messages import (
    BLOCK_NEVER_CLOSED,
    CELL_TAG_OUTSIDE_TABLE,
    COLUMN_LOOP_ACROSS_ROWS,
    CONTENT_BESIDE_PREFIX,
    LINT_OTHER,
    LOOP_NAME_OUTSIDE,
    NEVER_CLOSED,
    NO_OPENING,
    NO_PREFIX,
    PARAGRAPH_LOOP_IN_ONE_PARAGRAPH,
    PREFIX_MISMATCH,
    PREFIX_OUTSIDE_TABLE,
    PREFIXED_TAG_SYMBOLS,
    ROW_LOOP_IN_ONE_ROW,
    ROWS_ACROSS_TABLES,
    SPACE_AFTER_BRACE,
    THE_PREFIX,
    TRACKED_DELETION,
    UNIT_CELL,
    UNIT_PARAGRAPH,
    UNIT_ROW,
)
from reportgen.text.jinja_errors import syntax_message, unknown_filter, unknown_test

#: Where a paragraph is, from its part (as docxtpl-lint names it) and its number.
Locate = Callable[[str, int], Place]

_UNITS = {"paragraph": UNIT_PARAGRAPH, "table row": UNIT_ROW, "table cell": UNIT_CELL}

#: Rules whose message is made of docxtpl-lint's parameters renamed: rule → (kind, names).
_RENAMED: dict[str, tuple[MessageKind, dict[str, str]]] = {
    "DTL001": (NEVER_CLOSED, {"open": "open", "close": "close"}),
    "DTL003": (TRACKED_DELETION, {}),
    "DTL101": (BLOCK_NEVER_CLOSED, {"keyword": "kw"}),
    "DTL102": (NO_OPENING, {"tag": "raw"}),
    "DTL106": (LOOP_NAME_OUTSIDE, {"name": "name"}),
    "DTL201": (PREFIXED_TAG_SYMBOLS, {"prefix": "prefix"}),
    "DTL202": (SPACE_AFTER_BRACE, {"prefix": "prefix"}),
    "DTL203": (PREFIX_OUTSIDE_TABLE, {"tag": "raw", "prefix": "prefix"}),
    "DTL205": (
        ROWS_ACROSS_TABLES,
        {"open": "open_raw", "close": "close_raw", "first": "t1", "second": "t2"},
    ),
    "DTL206": (
        ROW_LOOP_IN_ONE_ROW,
        {"open": "open_raw", "close": "close_raw", "table": "table", "row": "row"},
    ),
    "DTL207": (COLUMN_LOOP_ACROSS_ROWS, {"open": "open_raw", "close": "close_raw"}),
    "DTL208": (CELL_TAG_OUTSIDE_TABLE, {"tag": "raw"}),
    "DTL210": (PARAGRAPH_LOOP_IN_ONE_PARAGRAPH, {"open": "open_raw", "close": "close_raw"}),
}


def lint_message(issue: Any, locate: Locate, environment: Any) -> Message:
    """Return a docxtpl-lint finding in reportgen's words."""
    params: Mapping[str, Any] = issue.params
    if issue.rule in _RENAMED:
        kind, names = _RENAMED[issue.rule]
        return kind(**{ours: params.get(theirs, "") for ours, theirs in names.items()})
    if issue.rule == "DTL103":
        return syntax_message(str(params["msg"]))
    if issue.rule == "DTL104":
        return unknown_filter(params["name"], environment.filters)
    if issue.rule == "DTL105":
        return unknown_test(params["name"], environment.tests)
    if issue.rule == "DTL204":
        return PREFIX_MISMATCH(
            close=params["close_raw"],
            close_prefix=_prefix(params["close_prefix"]),
            open=params["open_raw"],
            opened=locate(part_name(params["_open_part"]), params["_open_paragraph"]),
            open_prefix=_prefix(params["open_prefix"]),
        )
    if issue.rule == "DTL209":
        unit = _UNITS.get(str(params.get("unit")), UNIT_PARAGRAPH)
        return CONTENT_BESIDE_PREFIX(tag=params["raw"], unit=unit(), rest=params["rest"])
    return LINT_OTHER(rule=issue.rule, detail=str(issue.message))


def _prefix(prefix: str) -> Message:
    return NO_PREFIX() if prefix in ("", "-") else THE_PREFIX(prefix=prefix)
