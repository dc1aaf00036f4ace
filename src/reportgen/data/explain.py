"""Word pydantic's validation errors as sentences for the person editing the file.

pydantic names what it expected in its own terms (``dict_type``, ``Input should be a valid
integer``); a clerk needs to read what the file holds there and what to write instead, in
the clerk's language.
"""

from __future__ import annotations

import sys
import types
import typing
from typing import Any

from pydantic import BaseModel

from reportgen.data.messages import (
    AT_LEAST,
    AT_MOST,
    EMPTY_LIST,
    INVALID,
    LESS_THAN,
    MISSING_FIELD,
    MORE_THAN,
    NOT_A_DATE,
    NOT_A_FIELD_NAME,
    NOT_A_LIST,
    NOT_A_NUMBER,
    NOT_A_WHOLE_NUMBER,
    NOT_FIELDS,
    NOT_ONE_OF,
    NOT_TEXT,
    NOT_TWO_NAMES,
    NOT_YES_NO,
    NUMBER_OR_FIGURE,
    ONE_MORE_NAME,
    TOO_MANY_ITEMS,
    UNKNOWN_FIELD,
)
from reportgen.data.rules import shown
from reportgen.errors import InvalidValue, did_you_mean
from reportgen.i18n import Message

#: pydantic's error types, by the message that explains them with what the file holds there.
_BY_TYPE = {
    "list_type": NOT_A_LIST,
    "dict_type": NOT_FIELDS,
    "model_type": NOT_FIELDS,
    "model_attributes_type": NOT_FIELDS,
    "tuple_type": NOT_TWO_NAMES,
    "invalid_key": NOT_A_FIELD_NAME,
    "int_parsing": NOT_A_WHOLE_NUMBER,
    "int_type": NOT_A_WHOLE_NUMBER,
    "int_from_float": NOT_A_WHOLE_NUMBER,
    "string_type": NOT_TEXT,
    "float_parsing": NOT_A_NUMBER,
    "float_type": NOT_A_NUMBER,
    "bool_parsing": NOT_YES_NO,
    "bool_type": NOT_YES_NO,
    "date_parsing": NOT_A_DATE,
    "date_type": NOT_A_DATE,
    "date_from_datetime_parsing": NOT_A_DATE,
    "date_from_datetime_inexact": NOT_A_DATE,
}
#: pydantic's error types about a limit, by the message and the name of the limit in ``ctx``.
_BY_LIMIT = {
    "greater_than_equal": (AT_LEAST, "ge"),
    "greater_than": (MORE_THAN, "gt"),
    "less_than_equal": (AT_MOST, "le"),
    "less_than": (LESS_THAN, "lt"),
}


def explain(error: Any, loc: tuple[Any, ...], model: type[BaseModel]) -> Message:
    """Return the pydantic ``error`` at ``loc`` (the user's keys only) in ``model`` as a message."""
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else "?"
        return UNKNOWN_FIELD(key=key, hint=did_you_mean(key, known_fields(model, loc[:-1])))
    if kind == "missing":
        return ONE_MORE_NAME() if loc and isinstance(loc[-1], int) else MISSING_FIELD()
    if kind in _BY_TYPE:
        return _BY_TYPE[kind](shown=shown(error.get("input")))
    if kind in _BY_LIMIT or kind == "too_long":
        return _beyond_limit(kind, error)
    if kind == "too_short":
        return EMPTY_LIST()
    if kind in {"value_error", "assertion_error"}:
        cause = error.get("ctx", {}).get("error")
        if isinstance(cause, InvalidValue):
            return cause.message
    if kind in {"union_tag_not_found", "union_tag_invalid"}:
        return NUMBER_OR_FIGURE()
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", ""))
        return NOT_ONE_OF(choices=expected, value=str(error.get("input")))
    return INVALID(detail=str(error["msg"]).removeprefix("Value error, "))


def _beyond_limit(kind: str, error: Any) -> Message:
    """Return a value beyond a bound the model sets (a least year, a most of items)."""
    if kind == "too_long":
        return TOO_MANY_ITEMS(limit=error["ctx"]["max_length"])
    limit_kind, limit = _BY_LIMIT[kind]
    return limit_kind(limit=error["ctx"][limit], shown=shown(error.get("input")))


def known_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Return the field names ``model`` allows in the mapping at ``loc``, or none if unknown.

    The path is followed through the models' annotations: a section of the report
    (``attachment``), a named entry of a mapping (``figures.collected``), an item of a list.
    """
    namespace = vars(sys.modules[model.__module__])
    annotation: Any = model
    for step in loc:
        annotation = _step_into(annotation, step, namespace)
        if annotation is None:
            return []
    found = _model_in(annotation, None, namespace)
    return list(found.model_fields) if found is not None else []


def _step_into(annotation: Any, step: Any, namespace: dict[str, Any]) -> Any:
    """Return the annotation of the value at ``step`` inside a value of ``annotation``."""
    model = _model_in(annotation, step, namespace)
    if model is not None:
        return model.model_fields[step].annotation
    for option in _options(annotation, namespace):
        origin = typing.get_origin(option)
        if origin is dict:
            return typing.get_args(option)[1]
        if origin in (list, tuple) and isinstance(step, int):
            return typing.get_args(option)[0]
    return None


def _model_in(annotation: Any, step: Any, namespace: dict[str, Any]) -> type[BaseModel] | None:
    """Return the model among ``annotation``'s options that has field ``step`` (any, if None)."""
    for option in _options(annotation, namespace):
        if not (isinstance(option, type) and issubclass(option, BaseModel)):
            continue
        if step is None or step in option.model_fields:
            return option
    return None


def _options(annotation: Any, namespace: dict[str, Any]) -> list[Any]:
    """Return the types ``annotation`` may be, with Annotated, aliases and unions unwrapped.

    A name in quotes (a recursive alias refers to itself so) is looked up in ``namespace``.
    """
    if isinstance(annotation, typing.ForwardRef):
        annotation = annotation.__forward_arg__
    if isinstance(annotation, str):
        return _options(namespace.get(annotation), namespace)
    value = getattr(annotation, "__value__", None)  # a TypeAliasType
    if value is not None:
        return _options(value, namespace)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _options(typing.get_args(annotation)[0], namespace)
    if origin is typing.Union or origin is types.UnionType:
        args = typing.get_args(annotation)
        return [option for arg in args for option in _options(arg, namespace)]
    return [annotation]
