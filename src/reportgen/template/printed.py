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
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment, Undefined

from reportgen.errors import InvalidValue, Problem
from reportgen.i18n import Message
from reportgen.template.compiled import CompiledTemplate
from reportgen.template.messages import (
    CELL_COLOUR,
    LOOP_OVER_FILE_NAME,
    LOOP_OVER_TEXT,
    MARKUP_TAG_TEXT,
    PRINTED_BY,
    SAYS_NO_AS_TEXT,
    WRITTEN_AT,
)
from reportgen.template.standing import placed_reason
from reportgen.template.usage import CONDITION, FILTER, ITERATED, NUMBER, PRINTED, Use
from reportgen.text.filters import FILTERS
from reportgen.text.messages import NEEDS_NUMBER, NEEDS_NUMBER_ADVISED
from reportgen.text.printing import PENDING, unprintable

#: Items a check looks at in one list: enough to find a bad one in any real document.
_MAX_ITEMS = 10_000
#: Text a clerk writes for "no" in a condition's field (YAML 1.2 reads no, n and off as text).
_NO = frozenset({"否", "不", "不是", "无", "没有", "未", "非", "假", "no", "n", "off", "false"})


#: Steps from the context to one value: names, and the index of an item in a list.
Steps = tuple[str | int, ...]


def check_printed(
    template: CompiledTemplate,
    context: Mapping[str, Any],
    skip: Collection[str] = (),
    files: Sequence[Path] = (),
) -> list[Problem]:
    """Return a problem for each name ``template`` prints that would not print as text.

    Names whose first step is in ``skip`` (a batch's ``row``) are left to the render, but
    where their tags stand: a table's cell is text, which a {{r …}} tag would lose. A value
    found in one of the data ``files`` (report.yaml first) is reported at its line there too.
    """
    locate: Callable[[Steps, Any], tuple[Path, int | None, int | None] | None] | None = None
    problems: list[Problem] = []
    reported: set[tuple[str, str]] = set()
    shown = _shown_paths(template)
    for use in template.uses():
        if (use.path, use.how) in reported:
            continue
        row = use.steps[0].removesuffix("[]") in skip
        found = [] if row else _values(template.environment, context, use.steps)
        failed = None if row else _failure(use, found, shown)
        line, written = use.line, use.written
        value: Any = None
        steps: Steps | None = None
        if failed is not None:
            reason, value, steps = failed
        elif use.how == PRINTED and (found or row):
            placed, line, written = placed_reason(template, use, [item for item, _ in found])
            if placed is None:
                continue
            reason = placed
        else:
            continue
        reported.add((use.path, use.how))
        filter_name = use.how.removeprefix(FILTER) if use.how.startswith(FILTER) else ""
        where, tag = template.locate(use.part, line, written, also=filter_name)
        if reason.kind in (MARKUP_TAG_TEXT, CELL_COLOUR):
            tag = ""  # -- not the tag as written: {{r name }} prepared, {% cellbg %} gone --
        problem = Problem(reason, file=template.path, where=where, field=use.path, tag=tag or None)
        if steps is not None:
            if locate is None:  # -- the files are parsed again only once a value fails --
                from reportgen.data.written_at import value_finder

                locate = value_finder(files)
            problem = _in_data(problem, reason, template, locate(steps, value), steps)
        problems.append(problem)
    return problems


def _in_data(
    problem: Problem,
    reason: Message,
    template: CompiledTemplate,
    in_data: tuple[Path, int | None, int | None] | None,
    steps: Steps,
) -> Problem:
    """Return ``problem`` naming the line of the data file its value was written on, if known."""
    from reportgen.data.messages import NOT_A_NUMBER_ADVICE  # -- only once a value fails --

    if in_data is None or in_data[1] is None:
        return problem
    file, line, column = in_data
    if reason.kind in (NEEDS_NUMBER_ADVISED, NOT_A_NUMBER_ADVICE):
        # -- a number written as text: the data is to be mended, so it is shown there --
        printed_by = PRINTED_BY(
            reason=reason, template=template.path.name, where=problem.where, tag=problem.tag or ""
        )
        return Problem(printed_by, file=file, line=line, column=column, field=_dotted(steps))
    # -- the template or the data may be wrong (a name given to `percent`): both are named --
    written = WRITTEN_AT(reason=reason, file=f"{file.parent.name}/{file.name}", line=line)
    return problem._replace(message=written)


def _dotted(steps: Steps) -> str:
    return ".".join(str(step) for step in steps)


def _failure(
    use: Use, values: list[tuple[Any, Steps]], shown: Collection[str] = ()
) -> tuple[Message, Any, Steps] | None:
    """Return why the first of ``values`` that fails its use fails it, with the value and steps."""
    check = FILTERS.get(use.how.removeprefix(FILTER)) if use.how.startswith(FILTER) else None
    for value, steps in values:
        reason = _reason(use, check, value, shown)
        if reason is not None:
            return reason, value, steps
    return None


def _reason(
    use: Use, check: Callable[[Any], Any] | None, value: Any, shown: Collection[str] = ()
) -> Message | None:
    """Return why ``value`` fails ``use`` (``check`` is the filter it is given to), or None.

    A condition's text saying no is refused only where the template does not also print it
    (备注：{{ 备注 }} prints 无 as meant).
    """
    if use.how == ITERATED and isinstance(value, str) and PENDING not in value:
        from reportgen.data.rules import TABLE_SUFFIXES  # -- a render that is well needs none --

        if value.strip().lower().endswith(TABLE_SUFFIXES):
            # -- 名单: 名单.xlsx, where the rows of that table were meant --
            return LOOP_OVER_FILE_NAME(name=use.steps[-1].removesuffix("[]"), file=value.strip())
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
            return _with_advice(err.message, value)
        except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as err:
            from reportgen.text.jinja_errors import render_error_message

            return render_error_message(err)  # -- rendering says the same --
    return None


def _with_advice(reason: Message, value: Any) -> Message:
    """Return ``reason``, and for a number written as text (``12,345.6``) what to write instead."""
    if reason.kind is not NEEDS_NUMBER or not isinstance(value, str):
        return reason
    from reportgen.data.written_numbers import plain_number_advice

    advice = plain_number_advice(value)
    return reason if advice is None else NEEDS_NUMBER_ADVISED(**reason.params, advice=advice)


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


def _values(
    environment: Environment, context: Mapping[str, Any], steps: list[str]
) -> list[tuple[Any, Steps]]:
    """Return every value at ``steps`` in ``context``, as Jinja would look each one up.

    Each comes with the steps to it, an item of a list by its index.
    """
    first = steps[0].removesuffix("[]")
    if first not in context:
        return []  # -- a missing name: check_variables reports it --
    current: list[tuple[Any, Steps]] = [(context[first], (first,))]
    for index, step in enumerate(steps):
        if index:
            name = step.removesuffix("[]")
            found = [(environment.getattr(value, name), (*at, name)) for value, at in current]
            current = [(value, at) for value, at in found if not isinstance(value, Undefined)]
        if step.endswith("[]"):
            current = _items(current)
    return current


def _items(values: list[tuple[Any, Steps]]) -> list[tuple[Any, Steps]]:
    """Return the items of each list (or group) in ``values``, as a for loop meets them."""
    items: list[tuple[Any, Steps]] = []
    for value, steps in values:
        if isinstance(value, str | Mapping) or not isinstance(value, Iterable):
            continue  # -- not a list: rendering says so --
        numbered = itertools.islice(enumerate(value), _MAX_ITEMS)
        items.extend((item, (*steps, number)) for number, item in numbered)
    return items
