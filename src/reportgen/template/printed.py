"""Check, from the data's own values, that everything a template prints prints as text.

Before a report is rendered, each name a template prints is looked up in the data as Jinja will
look it up (loops followed item by item), and each name given to one of reportgen's filters is
given to it: a list, a record, a method, nothing, or a figure without the previous value that
``cn_change`` needs is reported at its paragraph or cell with the name, before any document is
made. What only rendering can tell (a value computed in the template) is caught when the
document is rendered (see :mod:`reportgen.text.printing` and :mod:`reportgen.template.compiled`).
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from jinja2 import Environment, Undefined

from reportgen.errors import InvalidValue, Problem
from reportgen.i18n import Message
from reportgen.template.compiled import CompiledTemplate
from reportgen.template.messages import (
    CELL_COLOUR,
    LOOP_OVER_TEXT,
    MARKUP_TAG_TEXT,
    SAYS_NO_AS_TEXT,
)
from reportgen.template.standing import placed_reason
from reportgen.template.usage import CONDITION, FILTER, ITERATED, NUMBER, PRINTED, Use
from reportgen.text.filters import FILTERS
from reportgen.text.printing import PENDING, unprintable

#: Items a check looks at in one list: enough to find a bad one in any real document.
_MAX_ITEMS = 10_000
#: Text a clerk writes for "no" in a condition's field (YAML 1.2 reads no, n and off as text).
_NO = frozenset({"否", "不", "不是", "无", "没有", "未", "非", "假", "no", "n", "off", "false"})


def check_printed(
    template: CompiledTemplate, context: Mapping[str, Any], skip: Collection[str] = ()
) -> list[Problem]:
    """Return a problem for each name ``template`` prints that would not print as text.

    Names whose first step is in ``skip`` (a batch's ``row``) are left to the render, but
    where their tags stand: a table's cell is text, which a {{r …}} tag would lose.
    """
    problems: list[Problem] = []
    reported: set[tuple[str, str]] = set()
    shown = _shown_paths(template)
    for use in template.uses():
        if (use.path, use.how) in reported:
            continue
        row = use.steps[0].removesuffix("[]") in skip
        values = [] if row else _values(template.environment, context, use.steps)
        reason = None if row else _reason(use, values, shown)
        line, written = use.line, use.written
        if reason is None and use.how == PRINTED and (values or row):
            reason, line, written = placed_reason(template, use, values)
        if reason is None:
            continue
        reported.add((use.path, use.how))
        filter_name = use.how.removeprefix(FILTER) if use.how.startswith(FILTER) else ""
        where, tag = template.locate(use.part, line, written, also=filter_name)
        if reason.kind in (MARKUP_TAG_TEXT, CELL_COLOUR):
            tag = ""  # -- not the tag as written: {{r name }} prepared, {% cellbg %} gone --
        problems.append(
            Problem(reason, file=template.path, where=where, field=use.path, tag=tag or None)
        )
    return problems


def _reason(use: Use, values: list[Any], shown: Collection[str] = ()) -> Message | None:
    """Return why the first of ``values`` that fails its use fails it, or None if none does.

    A condition's text saying no is refused only where the template does not also print it
    (备注：{{ 备注 }} prints 无 as meant).
    """
    check = FILTERS.get(use.how.removeprefix(FILTER)) if use.how.startswith(FILTER) else None
    for value in values:
        if use.how == ITERATED and isinstance(value, str) and PENDING not in value:
            return LOOP_OVER_TEXT(name=use.written)
        if use.how == CONDITION and use.path not in shown and says_no(value):
            return SAYS_NO_AS_TEXT(value=value)
        if use.how == NUMBER and isinstance(value, str) and PENDING not in value:
            return _not_a_number(value)  # -- '3,500' * 2, or summed: refused, or text repeated --
        if use.how == PRINTED:
            reason = unprintable(value)
            if reason is not None and not (use.conditional and value is None):
                return reason
        elif check is not None:
            try:
                check(value)
            except InvalidValue as err:
                return err.message
            except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as err:
                from reportgen.text.jinja_errors import render_error_message

                return render_error_message(err)  # -- rendering says the same --
    return None


def _not_a_number(text: str) -> Message:
    """Return that ``text`` should be a number, with what to write if it says one (3,500)."""
    from reportgen.data.messages import NOT_A_NUMBER, NOT_A_NUMBER_ADVICE
    from reportgen.data.rules import shown
    from reportgen.data.written_numbers import number_advice

    advice = number_advice(text)
    if advice is not None:
        return NOT_A_NUMBER_ADVICE(shown=shown(text), advice=advice)
    return NOT_A_NUMBER(shown=shown(text))


def says_no(value: Any) -> bool:
    """Return whether ``value`` is text a clerk writes for "no" (which a condition takes as yes)."""
    return isinstance(value, str) and value.strip().lower() in _NO


def condition_columns(template: CompiledTemplate, row: str) -> dict[str, bool]:
    """Return the columns of a batch's ``row`` whose value alone decides a condition.

    Each says whether the template also prints it (备注：{{ row.备注 }}).
    """
    shown = _shown_paths(template)
    return {
        use.steps[1]: use.path in shown
        for use in template.uses()
        if use.how == CONDITION and use.steps[0] == row and len(use.steps) == 2
    }


def _shown_paths(template: CompiledTemplate) -> set[str]:
    """Return the names the template prints, itself or through a filter."""
    return {use.path for use in template.uses() if use.how == PRINTED or use.how.startswith(FILTER)}


def _values(environment: Environment, context: Mapping[str, Any], steps: list[str]) -> list[Any]:
    """Return every value at ``steps`` in ``context``, as Jinja would look each one up."""
    first = steps[0].removesuffix("[]")
    if first not in context:
        return []  # -- a missing name: check_variables reports it --
    current = [context[first]]
    for index, step in enumerate(steps):
        if index:
            found = [environment.getattr(value, step.removesuffix("[]")) for value in current]
            current = [value for value in found if not isinstance(value, Undefined)]
        if step.endswith("[]"):
            current = _items(current)
    return current


def _items(values: list[Any]) -> list[Any]:
    """Return the items of each list (or group) in ``values``, as a for loop meets them."""
    items: list[Any] = []
    for value in values:
        if isinstance(value, str | Mapping) or not isinstance(value, Iterable):
            continue  # -- not a list: rendering says so --
        items.extend(itertools.islice(value, _MAX_ITEMS))
    return items
