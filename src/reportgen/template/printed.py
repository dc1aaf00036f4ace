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
from reportgen.template.messages import LOOP_OVER_FILE_NAME, LOOP_OVER_TEXT, PRINTED_BY, WRITTEN_AT
from reportgen.template.usage import FILTER, ITERATED, PRINTED, Use
from reportgen.text.filters import FILTERS
from reportgen.text.messages import NEEDS_NUMBER, NEEDS_NUMBER_ADVISED
from reportgen.text.printing import PENDING, unprintable

#: Items a check looks at in one list: enough to find a bad one in any real document.
_MAX_ITEMS = 10_000


#: Steps from the context to one value: names, and the index of an item in a list.
Steps = tuple[str | int, ...]


def check_printed(
    template: CompiledTemplate,
    context: Mapping[str, Any],
    skip: Collection[str] = (),
    files: Sequence[Path] = (),
) -> list[Problem]:
    """Return a problem for each name ``template`` prints that would not print as text.

    Names whose first step is in ``skip`` (a batch's ``row``) are left to the render. A value
    found in one of the data ``files`` (report.yaml first) is reported at its line there too.
    """
    locate: Callable[[Steps, Any], tuple[Path, int | None, int | None] | None] | None = None
    problems: list[Problem] = []
    reported: set[tuple[str, str]] = set()
    for use in template.uses():
        if use.steps[0].removesuffix("[]") in skip or (use.path, use.how) in reported:
            continue
        failed = _failure(use, _values(template.environment, context, use.steps))
        if failed is None:
            continue
        reason, value, steps = failed
        reported.add((use.path, use.how))
        filter_name = use.how.removeprefix(FILTER) if use.how.startswith(FILTER) else ""
        where, tag = template.locate(use.part, use.line, use.written, also=filter_name)
        if locate is None:  # -- the files are parsed again only once a value fails --
            from reportgen.data.written_at import value_finder

            locate = value_finder(files)
        written = locate(steps, value)
        if written is None or written[1] is None:
            problems.append(
                Problem(reason, file=template.path, where=where, field=use.path, tag=tag or None)
            )
            continue
        file, line, column = written
        if reason.kind is NEEDS_NUMBER_ADVISED:
            # -- a number written as text: the data is to be mended, so it is shown there --
            printed_by = PRINTED_BY(
                reason=reason, template=template.path.name, where=where, tag=tag
            )
            problems.append(
                Problem(printed_by, file=file, line=line, column=column, field=_dotted(steps))
            )
            continue
        # -- the template or the data may be wrong (a name given to `percent`): both are named --
        reason = WRITTEN_AT(reason=reason, file=f"{file.parent.name}/{file.name}", line=line)
        problems.append(
            Problem(reason, file=template.path, where=where, field=use.path, tag=tag or None)
        )
    return problems


def _dotted(steps: Steps) -> str:
    return ".".join(str(step) for step in steps)


def _failure(use: Use, values: list[tuple[Any, Steps]]) -> tuple[Message, Any, Steps] | None:
    """Return why the first of ``values`` that fails its use fails it, with the value and steps."""
    check = FILTERS.get(use.how.removeprefix(FILTER)) if use.how.startswith(FILTER) else None
    for value, steps in values:
        reason = _reason(use, check, value)
        if reason is not None:
            return reason, value, steps
    return None


def _reason(use: Use, check: Callable[[Any], Any] | None, value: Any) -> Message | None:
    """Return why ``value`` fails ``use`` (``check`` is the filter it is given to), or None."""
    if use.how == ITERATED and isinstance(value, str) and PENDING not in value:
        from reportgen.data.rules import TABLE_SUFFIXES  # -- a render that is well needs none --

        if value.strip().lower().endswith(TABLE_SUFFIXES):
            # -- 名单: 名单.xlsx, where the rows of that table were meant --
            return LOOP_OVER_FILE_NAME(name=use.steps[-1].removesuffix("[]"), file=value.strip())
        return LOOP_OVER_TEXT(name=use.written)
    if use.how == PRINTED:
        reason = unprintable(value)
        if reason is not None and not (use.conditional and value is None):
            return reason
    elif check is not None:
        try:
            check(value)
        except InvalidValue as err:
            return _with_advice(err.message, value)
        except (TypeError, ValueError, ArithmeticError, LookupError) as err:
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
