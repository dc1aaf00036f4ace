"""The rules a data file's values follow, as plain functions that raise InvalidValue.

Both readers of a data file apply them: :mod:`reportgen.data.specs_reader`, which reads a
well-formed file without pydantic, and the pydantic models of :mod:`reportgen.data.models`,
which explain what is wrong with any other. Each rule is written once, here, so that the two
cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import keyword
import math
import re
import string
from collections.abc import Sequence
from typing import Any

from reportgen.data.messages import (
    BAD_NAME,
    BATCH_AND_OUTPUT,
    BRACE_ALONE,
    BRACE_NOT_CLOSED,
    BRACE_NOT_OPENED,
    CONSTANT_NAME,
    CONTROL_CHARACTER,
    END_BEFORE_START,
    FILE_NAME_ONLY,
    HOLDS_TAG,
    NEGATIVE,
    NO_FIGURE_VALUE,
    NOT_A_DATE,
    NOT_A_NUMBER,
    NOT_A_NUMBER_ADVICE,
    NOT_FINITE,
    NOT_TEXT,
    ONE_OPERATION,
    OPERATIONS_FOUND,
    OUTPUT_NEEDS_COLUMN,
    PART_LISTED_TWICE,
    REPORT_PLACEHOLDER_ONLY,
    SEAL_FILE_NAME,
    SHEET_ROWS,
    SHOWN_BOOLEAN,
    SHOWN_DATE,
    SHOWN_FIELDS,
    SHOWN_LIST,
    SHOWN_NOTHING,
    SHOWN_NUMBER,
    SHOWN_OTHER,
    SHOWN_TEXT,
    TABLE_FILE_NAME_ONLY,
    TABLE_FILE_TYPE,
    TEXT_EMPTY,
    UNKNOWN_PLACEHOLDER,
    UNREADABLE_BRACES,
    VALUE_AND_BY_YEAR,
)
from reportgen.data.report import REPORT_PLACEHOLDERS
from reportgen.errors import InvalidValue
from reportgen.i18n import Message
from reportgen.text.dates import Date, parse_date
from reportgen.text.decoding import FORBIDDEN_CHARACTER

#: The fields of a figure written in full (``value``, ``label``, …); any of them makes a figure.
FIGURE_FIELDS = ("value", "by_year", "previous", "label", "unit", "qualifier", "scale", "precision")
#: How a derived figure is computed; it names exactly one.
OPERATIONS = ("share", "growth", "sum", "difference")
#: The file types a batch table may be: CSV, YAML, and the workbooks calamine reads.
TABLE_SUFFIXES = (".csv", ".yaml", ".yml", ".xlsx", ".xlsm", ".xls", ".ods", ".et")
#: Names Jinja reads as its constants: {{ none }} would print the constant, never the figure.
_JINJA_CONSTANTS = {"true", "false", "none"}


def shown(value: Any) -> Message:
    """Return how a clerk would name a value found in the file: the text '…', a list."""
    if isinstance(value, str):
        return SHOWN_TEXT(text=value)
    if value is None:
        return SHOWN_NOTHING()
    if isinstance(value, bool):
        return SHOWN_BOOLEAN()
    if isinstance(value, int | float):
        return SHOWN_NUMBER(number=value)
    if isinstance(value, dt.date):
        return SHOWN_DATE(date=value)
    if isinstance(value, list | tuple):
        return SHOWN_LIST()
    if isinstance(value, dict):
        return SHOWN_FIELDS()
    return SHOWN_OTHER(kind=type(value).__name__)


# -- one value --


def text(value: Any) -> str:
    """Return ``value`` as text: text as it is, a number as written; nothing else."""
    if isinstance(value, str):
        return text_without_control_characters(value)
    if value is None:
        raise InvalidValue(TEXT_EMPTY())
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidValue(NOT_TEXT(shown=shown(value)))
    return str(value)


def text_without_control_characters(value: str) -> str:
    """Return ``value`` if it holds no character a document may not hold (U+0007, U+FFFE)."""
    forbidden = FORBIDDEN_CHARACTER.search(value)
    if forbidden:
        # Rejected rather than stripped: the character is invisible in an
        # editor, so only its position lets a clerk find and delete it.
        code = f"{ord(forbidden.group()):04X}"
        raise InvalidValue(CONTROL_CHARACTER(code=code, position=forbidden.start() + 1))
    return value


def no_tag(value: str) -> str:
    """Return text printed as it is (a title, a label) if it holds no template tag."""
    for delimiter in ("{{", "}}", "{%", "%}"):
        if delimiter in value:
            # Printed as it is, not rendered: a tag here would reach the document unrendered.
            raise InvalidValue(HOLDS_TAG(delimiter=delimiter))
    return value


def number(value: Any) -> Any:
    """Return a figure's number if it is one: finite and not negative."""
    if value is None:
        raise InvalidValue(NO_FIGURE_VALUE())
    if isinstance(value, bool) or not isinstance(value, int | float):
        from reportgen.data.written_numbers import number_advice  # -- only when it is wrong --

        advice = number_advice(value) if isinstance(value, str) else None
        if advice is not None:
            raise InvalidValue(NOT_A_NUMBER_ADVICE(shown=shown(value), advice=advice))
        raise InvalidValue(NOT_A_NUMBER(shown=shown(value)))
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidValue(NOT_FINITE(value=value))
    if value < 0:
        raise InvalidValue(NEGATIVE(value=value))
    return value


def name(value: Any) -> Any:
    """Return a name a template can use (``adoption_rate``), if it is one."""
    if not isinstance(value, str) or not value.isidentifier() or keyword.iskeyword(value):
        raise InvalidValue(BAD_NAME(name=str(value)))
    if value in _JINJA_CONSTANTS:
        raise InvalidValue(CONSTANT_NAME(name=value))
    return value


def date(value: Any) -> Date:
    """Return a date as a clerk writes it (2024年1月15日, 2024-01-15, …) as a Date."""
    if isinstance(value, dt.date):
        return Date.of(value)
    parsed = parse_date(value) if isinstance(value, str) else None
    if parsed is None:
        raise InvalidValue(NOT_A_DATE(shown=shown(value)))
    return parsed


def figure_kind(value: Any) -> str:
    """Return what a node of ``figures:`` is: a figure in full, a group of figures, a number."""
    if isinstance(value, dict):
        # Any of a figure's own keys makes a figure, so that a misspelt key beside `label`
        # is reported as unknown (with the key it resembles), not as a figure of a group.
        return "figure" if any(key in FIGURE_FIELDS for key in value) else "group"
    return "number"


# -- a value among its neighbours --


def one_source(value: Any, by_year: Any) -> None:
    """Refuse a figure that gives both its value and its value by year."""
    if value is not None and by_year is not None:
        raise InvalidValue(VALUE_AND_BY_YEAR())


def one_operation(operands: dict[str, Any]) -> None:
    """Refuse a derived figure that names no operation, or several (``operands`` by name)."""
    given = [name for name in OPERATIONS if operands.get(name) is not None]
    if len(given) != 1:
        raise InvalidValue(ONE_OPERATION(found=OPERATIONS_FOUND(names=given) if given else ""))


def workbook_file(value: str) -> str:
    """Return the file name of a statistics office's workbook, if it names no folder."""
    if "/" in value or "\\" in value:
        raise InvalidValue(FILE_NAME_ONLY())
    return value


def row_range(value: str | None) -> str | None:
    """Return the rows of a sheet that hold indicators (``3-8``), if written so."""
    if value is not None and not re.fullmatch(r"\s*\d+\s*[-–—~]\s*\d+\s*", value):
        raise InvalidValue(SHEET_ROWS(value=value))
    return value


def ordered(start: int, end: int) -> None:
    """Refuse a period that ends before it starts."""
    if end < start:
        raise InvalidValue(END_BEFORE_START(end=end, start=start))


def _brace_error(error: str) -> Message | str:
    """Return Python's words for braces it cannot read in the clerk's terms."""
    if error.startswith("expected '}'"):
        return BRACE_NOT_CLOSED()
    if error.startswith("Single '}'"):
        return BRACE_NOT_OPENED()
    if error.startswith("Single '{'"):
        return BRACE_ALONE()
    return error


def output_placeholders(pattern: str) -> list[str]:
    """Return the names in braces in a batch's file name ``pattern``, in order.

    Raise InvalidValue if the braces do not match or a name is neither a report fact
    nor a row field (``row.name``), so that formatting the pattern cannot fail later.
    """
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as err:
        raise InvalidValue(UNREADABLE_BRACES(error=_brace_error(str(err)))) from None
    names = []
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        field = name.removeprefix("row.")
        if (
            spec
            or conversion
            or not (name in REPORT_PLACEHOLDERS or (field != name and field.isidentifier()))
        ):
            written = f"{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}"
            facts = ", ".join("{" + fact + "}" for fact in REPORT_PLACEHOLDERS)
            raise InvalidValue(UNKNOWN_PLACEHOLDER(name=written, facts=facts))
        names.append(name)
    return names


def facts_only(value: str | None) -> str | None:
    """Return the name pattern of a batch's merged document, if it uses no row's field."""
    for name in output_placeholders(value) if value is not None else []:
        if name.startswith("row."):
            facts = ", ".join(f"{{{fact}}}" for fact in REPORT_PLACEHOLDERS)
            raise InvalidValue(REPORT_PLACEHOLDER_ONLY(name=name, facts=facts))
    return value


def table_file(value: str) -> str:
    """Return the file name of a batch's table, if it names no folder and is of a known type."""
    if "/" in value or "\\" in value:
        raise InvalidValue(TABLE_FILE_NAME_ONLY())
    if not value.lower().endswith(TABLE_SUFFIXES):
        raise InvalidValue(TABLE_FILE_TYPE(name=value))
    return value


def row_field_named(value: str) -> str:
    """Return the name pattern of a batch's documents, if it uses a row's field."""
    if not any(name.startswith("row.") for name in output_placeholders(value)):
        raise InvalidValue(OUTPUT_NEEDS_COLUMN())
    return value


def seal_file(value: str | None) -> str | None:
    """Return the file name of a seal's picture, if it is a .png beside report.yaml."""
    if value is not None and ("/" in value or "\\" in value or not value.lower().endswith(".png")):
        raise InvalidValue(SEAL_FILE_NAME())
    return value


def one_output(batch: Any, output: Any) -> None:
    """Refuse a report.yaml that names both one output file and a batch's."""
    if batch is not None and output is not None:
        raise InvalidValue(BATCH_AND_OUTPUT())


def parts_once(parts: Sequence[str]) -> None:
    """Refuse a list of parts that names a part twice."""
    seen: set[str] = set()
    for name in parts:
        if name in seen:
            raise InvalidValue(PART_LISTED_TWICE(name=name))
        seen.add(name)
