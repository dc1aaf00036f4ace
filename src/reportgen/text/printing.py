"""Only text reaches the page: what a template may print, and why the rest may not.

Jinja prints any value with ``str()``: a list as ``['市总工会']``, a record as ``{'name': …}``,
a method as ``<built-in method title of str object at 0x7f…>``, nothing as ``None``. None of
that belongs in a formal document. Every value printed (by a template or by prose in the data)
passes :func:`refuse_unprintable` first, and the static checks ask :func:`unprintable` about
the data's own values before anything is rendered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from jinja2 import Undefined

from reportgen.errors import InvalidValue
from reportgen.i18n import Message
from reportgen.text.messages import (
    PRINTS_FIELDS,
    PRINTS_LIST,
    PRINTS_METHOD,
    PRINTS_NOTHING,
    PRINTS_OBJECT,
    PRINTS_TRUE_OR_FALSE,
)

#: What a clerk still has to write: printed as it is, listed by ``reportgen check`` until then.
PENDING = "【待填写】"


class Printable:
    """Base of the values reportgen makes that print as text: a figure, a period, a date."""

    __slots__ = ()


class Fields:
    """Base of the values that hold named fields (a record, a group of figures).

    Such a value is never printed whole: a template prints one of its fields.
    """

    __slots__ = ()

    def _field_names(self) -> list[str]:
        raise NotImplementedError


class Pending(str):
    """Text still to write: the placeholder 【待填写】, which every filter prints as it is."""

    #: Filters pass through a value that awaits its data (see reportgen.text.filters).
    missing = True

    def __new__(cls) -> Pending:
        return super().__new__(cls, PENDING)

    def __reduce__(self) -> tuple[type[Pending], tuple[()]]:
        return Pending, ()  # -- a report kept in the cache keeps its placeholders --

    def _still(self, *_: object) -> Pending:
        return self

    # -- a sum with a number still to fill is still to fill: {{ total + 1 }} renders at once --
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _still
    __truediv__ = __rtruediv__ = __floordiv__ = __mod__ = __neg__ = __pos__ = _still
    __rmod__ = _still  # -- '%.1f' % rate --


def unprintable(value: Any) -> Message | None:
    """Return why printing ``value`` would put program text on the page, or None if it is text."""
    if value is None:
        return PRINTS_NOTHING()
    if isinstance(value, bool):
        return PRINTS_TRUE_OR_FALSE(value=str(value))  # -- as Python prints it --
    if isinstance(value, str | int | float | Decimal | dt.date | Printable | Undefined):
        return None  # -- Undefined: Jinja says itself that the name is missing --
    if hasattr(value, "__html__"):
        return None  # -- markup a template made, such as a picture --
    if callable(value):
        owner = getattr(value, "__self__", None)
        return PRINTS_METHOD(name=getattr(value, "__name__", "?"), owner=kind_of(owner))
    if isinstance(value, list | tuple | set | frozenset):
        return PRINTS_LIST()
    names = field_names(value)
    if names is not None:
        return PRINTS_FIELDS(names=names[:5], example=names[0] if names else "…")
    return PRINTS_OBJECT(kind=type(value).__name__)


def refuse_unprintable(value: Any) -> Any:
    """Return ``value``; raise InvalidValue when printing it would not print text."""
    reason = unprintable(value)
    if reason is not None:
        raise InvalidValue(reason)
    return value


def field_names(value: Any) -> list[str] | None:
    """Return the names of the fields ``value`` holds (a mapping, a record), or None if none."""
    if isinstance(value, Mapping):
        return [str(key) for key in value]
    if isinstance(value, Fields):
        return value._field_names()
    return None


def kind_of(value: Any) -> str:
    """Return what kind of value ``value`` is, as a template author would say it."""
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float | Decimal):
        return "a number"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dt.date):
        return "a date"
    return "a value"
