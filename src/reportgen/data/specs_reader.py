"""Read a data file that is plainly valid into its spec, without pydantic.

Nearly every file a render reads is valid as written, and importing pydantic and building its
validators takes longer than the rest of a render. So a file is first read here, by the rules
of :mod:`.rules`, accepting only values of the exact types a YAML file gives (text, whole
numbers, …). Anything else — a value of another type pydantic might convert, an unknown field,
a value a rule refuses — makes :func:`read_spec` return None, and the caller validates the
file with the pydantic models instead, which say what is wrong and where. A test checks that
whatever is read here, the models read alike.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from reportgen.data import rules
from reportgen.data.specs import (
    AttachmentSpec,
    BatchSpec,
    Content,
    DerivedSpec,
    DocumentNumberSpec,
    FigureSpec,
    FiguresSheetSpec,
    ImprintSpec,
    OfficialSpec,
    PartFile,
    Period,
    ReportFile,
    Spec,
)

SpecType = TypeVar("SpecType", bound=Spec)
#: Checks one value: returns it as the spec holds it, or raises _Unsure (or InvalidValue).
Check = Callable[[Any], Any]
#: Marks a field a file must give.
REQUIRED = object()


class _Unsure(Exception):
    """The value is not plainly valid: the pydantic models read it, and say what is wrong."""


def read_spec(spec: type[SpecType], data: Any) -> SpecType | None:
    """Return ``data`` read as ``spec``, or None when it is not plainly valid."""
    try:
        return _record(spec, data)
    except (_Unsure, ValueError):  # -- InvalidValue, or a date that does not exist --
        return None


def _record(spec: type[SpecType], data: Any) -> SpecType:
    """Return the mapping ``data`` as ``spec``, its fields checked by SHAPES, then as a whole."""
    fields = SHAPES[spec]
    if type(data) is not dict or not all(key in fields for key in data):
        raise _Unsure  # -- not a mapping, or a field the spec does not have --
    values: dict[str, Any] = {}
    for name, (check, default) in fields.items():
        if name in data:
            values[name] = check(data[name])
        elif default is REQUIRED:
            raise _Unsure
        else:
            values[name] = default() if callable(default) else default
    made = spec(**values)
    for rule in WHOLE_RULES.get(spec, ()):
        rule(made)
    return made


# -- checks of one value --


def _exactly(kind: type) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not kind:
            raise _Unsure
        return value

    return check


def _text(value: Any) -> str:
    if type(value) not in (str, int, float):
        raise _Unsure
    return rules.text(value)


def _plain_text(value: Any) -> str:
    return rules.no_tag(_text(value))


def _whole(least: int, most: int | None = None) -> Check:
    def check(value: Any) -> int:
        if type(value) is not int or value < least or (most is not None and value > most):
            raise _Unsure
        return value

    return check


def _choice(*choices: str) -> Check:
    def check(value: Any) -> str:
        if type(value) is not str or value not in choices:
            raise _Unsure
        return value

    return check


def _optional(check: Check) -> Check:
    return lambda value: None if value is None else check(value)


def _then(check: Check, rule: Check) -> Check:
    return lambda value: rule(check(value))


def _items(check: Check, least: int = 0, most: int | None = None) -> Check:
    def items(value: Any) -> list[Any]:
        if type(value) is not list:  # -- first: None (an empty `signers:`) has no length --
            raise _Unsure
        if len(value) < least or (most is not None and len(value) > most):
            raise _Unsure
        return [check(item) for item in value]

    return items


def _pair(value: Any) -> tuple[str, str]:
    if type(value) not in (list, tuple) or len(value) != 2:
        raise _Unsure
    if type(value[0]) is not str or type(value[1]) is not str:
        raise _Unsure
    return (value[0], value[1])


def _named(check: Check) -> Check:
    def named(value: Any) -> dict[str, Any]:
        if type(value) is not dict:
            raise _Unsure
        return {_name(key): check(item) for key, item in value.items()}

    return named


def _name(value: Any) -> str:
    if type(value) is not str:
        raise _Unsure
    name: str = rules.name(value)
    return name


def _number(value: Any) -> float | int:
    if type(value) not in (int, float):
        raise _Unsure
    number: float | int = rules.number(value)
    return number


def _by_year(value: Any) -> dict[int, float | int | None]:
    if type(value) is not dict or not all(type(year) is int for year in value):
        raise _Unsure
    return {year: None if amount is None else _number(amount) for year, amount in value.items()}


def _figure_node(value: Any) -> Any:
    kind = rules.figure_kind(value)
    if kind == "figure":
        return _record(FigureSpec, value)
    if kind == "group":
        return _named(_figure_node)(value)
    return _number(value)


def _date(value: Any) -> Any:
    return rules.date(value)


def _spec(spec: type[Spec]) -> Check:
    return lambda value: _record(spec, value)


_optional_text = _optional(_text)
_optional_plain = _optional(_plain_text)

#: Each spec's fields, in order: how a value is checked, and what stands when it is not given.
SHAPES: dict[type, dict[str, tuple[Check, Any]]] = {}
SHAPES[FigureSpec] = {
    "value": (_optional(_number), None),
    "by_year": (_optional(_by_year), None),
    "previous": (_optional(_number), None),
    "label": (_optional_plain, None),
    "unit": (_optional_plain, None),
    "qualifier": (_optional(_choice("近", "约", "多", "余")), None),
    "scale": (_optional(_choice("万", "亿")), None),
    "precision": (_whole(0, 4), 0),
}
SHAPES[DerivedSpec] = {
    "label": (_optional_plain, None),
    "unit": (_optional_plain, None),
    "precision": (_whole(0, 4), 0),
    "share": (_optional(_pair), None),
    "growth": (_optional(_pair), None),
    "sum": (_optional(_items(_exactly(str), least=1)), None),
    "difference": (_optional(_pair), None),
}
SHAPES[FiguresSheetSpec] = {
    "file": (_then(_text, rules.workbook_file), REQUIRED),
    "sheet": (_optional_text, None),
    "rows": (_optional(_then(_text, rules.row_range)), None),
}
SHAPES[Content] = {
    "figures": (_named(_figure_node), dict),
    "derived": (_named(_spec(DerivedSpec)), dict),
    "lists": (_named(_items(_text)), dict),
    "figures_sheet": (_optional(_spec(FiguresSheetSpec)), None),
    "pictures": (_named(_text), dict),
}
SHAPES[PartFile] = {
    **SHAPES[Content],
    "lead": (_text, REQUIRED),
    "paragraphs": (_items(_text, least=1), REQUIRED),
}
SHAPES[Period] = {
    "start": (_whole(1900, 2200), REQUIRED),
    "end": (_whole(1900, 2200), REQUIRED),
}
SHAPES[BatchSpec] = {
    "rows": (_then(_text, rules.table_file), REQUIRED),
    "sheet": (_optional_text, None),
    "output": (_then(_text, rules.row_field_named), REQUIRED),
    "merged": (_optional(_then(_text, rules.facts_only)), None),
}
SHAPES[AttachmentSpec] = {
    "title": (_text, "主要指标情况表"),
    "figures": (_items(_text, least=1), REQUIRED),
    "chart": (_optional_text, None),
}
SHAPES[DocumentNumberSpec] = {
    "code": (_plain_text, REQUIRED),
    "year": (_optional(_whole(1900, 2200)), None),
    "serial": (_whole(1), REQUIRED),
}
SHAPES[ImprintSpec] = {
    "copies": (_items(_plain_text), list),
    "issuer": (_plain_text, REQUIRED),
    "date": (_date, REQUIRED),
}
SHAPES[OfficialSpec] = {
    "mark": (_optional_plain, None),
    "number": (_spec(DocumentNumberSpec), REQUIRED),
    "signers": (_items(_plain_text, most=2), list),
    "addressee": (_optional_plain, None),
    "signature": (_optional_plain, None),
    "seal": (_optional(_then(_text, rules.seal_file)), None),
    "imprint": (_optional(_spec(ImprintSpec)), None),
}
SHAPES[ReportFile] = {
    **SHAPES[Content],
    "template": (_text, REQUIRED),
    "output": (_optional_text, None),
    "organisation": (_optional_plain, None),
    "title": (_optional_plain, None),
    "period": (_optional(_spec(Period)), None),
    "date": (_optional(_date), None),
    "opening": (_items(_text), list),
    "parts": (_items(_name), list),
    "batch": (_optional(_spec(BatchSpec)), None),
    "attachment": (_optional(_spec(AttachmentSpec)), None),
    "official": (_optional(_spec(OfficialSpec)), None),
}

#: The rules a spec's fields follow together, checked once each field is read.
WHOLE_RULES: dict[type, tuple[Callable[[Any], None], ...]] = {
    FigureSpec: (lambda figure: rules.one_source(figure.value, figure.by_year),),
    DerivedSpec: (lambda derived: rules.one_operation(derived._asdict()),),
    Period: (lambda period: rules.ordered(period.start, period.end),),
    ReportFile: (
        lambda report: rules.one_output(report.batch, report.output),
        lambda report: rules.parts_once(report.parts),
    ),
}
