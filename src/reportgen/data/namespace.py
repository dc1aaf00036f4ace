"""Which fields of a data file are reportgen's, and which are the clerk's own.

A data file may hold whatever its template uses, under the names the clerk chose. A few names
also mean something to reportgen (``title``, ``date``, ``figures``, a part's ``lead``, …); such
a field is read as reportgen's only when its value has the shape reportgen reads there, and
otherwise is the clerk's own, given to the template as written. So the committee's
``figures:``, a list of records, is its own table and not reportgen's numbers, and its
``opening:``, one text, is its own text and not reportgen's list of paragraphs:

==================================  ======================================================
reportgen reads                     when the value is
==================================  ======================================================
``template`` ``output`` ``batch``   always (these name no data of the clerk's)
``figures_sheet``
``organisation`` ``title``          text (or a number)
``period`` ``figures`` ``derived``  fields (``name: value``)
``lists`` ``attachment`` ``pictures``
``official``
``opening``                         a list of text
a part's ``lead`` ``paragraphs``    always (they are the part's own members in a template)
``figures`` ``lists``
``parts``                           a list of names
``date``                            a date, the placeholder 【待填写】, or nothing (~)
==================================  ======================================================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from reportgen.text.dates import is_begun_date, parse_date
from reportgen.text.printing import PENDING


def _any(value: Any) -> bool:
    return True


def _text(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _fields(value: Any) -> bool:
    return isinstance(value, Mapping)


def _texts(value: Any) -> bool:
    return isinstance(value, list) and all(_text(item) or item is None for item in value)


def _names(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _date(value: Any) -> bool:
    if value is None or isinstance(value, dt.date):
        return True
    if isinstance(value, int) and not isinstance(value, bool):
        # -- 20240115, written as Excel shows it: reportgen says how to write a date --
        return 1000_01_01 <= value <= 9999_12_31
    if not isinstance(value, str):
        return False
    try:
        # -- begun as a date but not one (2024年1月, no day): reportgen says what to write --
        return value.strip() == PENDING or parse_date(value) is not None or is_begun_date(value)
    except ValueError:
        return True  # -- written as a date that does not exist: reportgen says so --


_SECTIONS = ("figures", "derived", "lists", "pictures")

#: What each test above accepts, as JSON Schema: an editor then accepts the clerk's own too.
JSON_SHAPES: dict[Callable[[Any], bool], dict[str, Any]] = {
    _text: {"type": ["string", "number"]},
    _fields: {"type": "object"},
    _texts: {"type": "array", "items": {"type": ["string", "number", "null"]}},
    _names: {"type": "array", "items": {"type": "string"}},
}

#: reportgen's fields of report.yaml, each with the test its value passes when it is reportgen's.
REPORT_FIELDS: dict[str, Callable[[Any], bool]] = {
    "template": _any,
    "output": _any,
    "batch": _any,
    "figures_sheet": _any,
    "organisation": _text,
    "title": _text,
    "period": _fields,
    "date": _date,
    "opening": _texts,
    "parts": _names,
    "attachment": _fields,
    "official": _fields,
    **{section: _fields for section in _SECTIONS},
}
#: reportgen's fields of a part file.
#: A part's prose, figures and lists are its members in a template whatever they hold, so no
#: field of the clerk's own can take these names: a value of the wrong shape is reportgen's,
#: and is told what shape to have.
PART_FIELDS: dict[str, Callable[[Any], bool]] = {
    **{section: _fields for section in _SECTIONS},
    "figures_sheet": _any,
    "lead": _any,
    "paragraphs": _any,
    "figures": _any,
    "lists": _any,
}


def open_schema(schema: dict[str, Any], ours: Mapping[str, Callable[[Any], bool]]) -> None:
    """Let a model's JSON Schema accept, for each of reportgen's fields, a clerk's own value.

    A value of another shape than reportgen's (``figures:`` as a list) is the clerk's own.
    """
    properties = schema.get("properties", {})
    for name, test in ours.items():
        shape = JSON_SHAPES.get(test)
        if name in properties and shape is not None:
            properties[name] = {"anyOf": [properties.pop(name), {"not": shape}]}


def split_fields(
    data: Mapping[Any, Any], ours: Mapping[str, Callable[[Any], bool]]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return a file's fields in two: reportgen's (by ``ours``), and the clerk's own."""
    reportgen: dict[str, Any] = {}
    own: dict[str, Any] = {}
    for key, value in data.items():
        name = str(key)
        if name in ours and ours[name](value):
            reportgen[name] = value
        else:
            own[name] = value
    return reportgen, own
