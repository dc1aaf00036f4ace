"""The one place Jinja environments are made.

Every template and every piece of prose in the data is rendered through an
environment built here: sandboxed (neither a template nor a data value can
reach Python internals), bounded (no value, loop or render without end: see
:mod:`reportgen.text.limits`), with StrictUndefined (a missing name is an error,
never a blank) and with reportgen's filters registered.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextvars import ContextVar
from typing import Any

from jinja2 import StrictUndefined, Template

from reportgen.text.filters import FILTERS
from reportgen.text.limits import (
    MAX_DOCUMENT,
    LimitExceeded,
    budget,
    budget_running,
    check_size,
    check_value,
)
from reportgen.text.messages import DOCUMENT_TOO_LARGE
from reportgen.text.printing import refuse_unprintable
from reportgen.text.sandbox import BoundedSandbox

#: Values printed by ``{{ … }}`` during the current render, for the check that
#: every printed value reached the document (see template.find_lost_values).
printed_values: ContextVar[list[str] | None] = ContextVar("printed_values", default=None)


def _record_printed(value: Any) -> Any:
    if type(value) is str:  # -- most of what a document prints: text, printable as it is --
        record = printed_values.get()
        if record is not None:
            check_size(len(value))
            record.append(value)
        return value
    if type(value) is int:  # -- a whole number (a year, a day) prints as it is, not looked for --
        return value
    refuse_unprintable(value)
    record = printed_values.get()
    # Markup is template-made XML and a bare number may sit in an attribute
    # (docxtpl's colspan): only text and values that print as text (figures) are looked for.
    if (
        record is not None
        and not hasattr(value, "__html__")
        and not isinstance(value, bool | int | float)
        and value is not None
    ):
        text = str(check_value(value))
        check_size(len(text))
        record.append(text)
    return value


def make_environment(*, for_docx: bool) -> BoundedSandbox:
    """Return a strict, sandboxed environment.

    ``for_docx`` turns autoescaping on: a template's output is XML, so a value
    such as ``A & B <c>`` must be escaped to print literally. Prose in the
    data renders to plain text and is escaped later, when the template prints it.
    Either refuses to print a value that would not print as text (a list, a method, None).
    """
    environment = BoundedSandbox(
        undefined=StrictUndefined,
        autoescape=for_docx,
        keep_trailing_newline=True,
        finalize=_record_printed if for_docx else refuse_unprintable,
    )
    filters: dict[str, Callable[..., Any]] = dict(FILTERS)
    if for_docx:
        from reportgen.ooxml.pictures import picture  # -- a picture is a document's, not prose's --

        filters["picture"] = picture
        # -- |safe would put the data's text into the XML as markup: A & B breaks the part,
        #    and a value could bring elements of its own (a field fetching a web address);
        #    |urlize an HTML link, which loses its text in Word's XML --
        filters["safe"] = filters["urlize"] = _text_as_it_is
    environment.add_filters(filters)
    return environment


def _text_as_it_is(value: Any, *_: Any, **__: Any) -> Any:
    """Return ``value`` unmarked: printed into a .docx, text is escaped, markup stays markup."""
    return value


def render_part(template: Template, context: Mapping[str, Any], room: int = MAX_DOCUMENT) -> str:
    """Return ``template`` rendered with ``context``, refusing more than ``room`` characters.

    The output is measured as it is made, so a template that would print gigabytes stops
    at the bound. Run inside :func:`reportgen.text.limits.budget` to share one budget of
    loops and time among the parts of a document.
    """
    return "".join(rendered_pieces(template, context, room))


def rendered_pieces(
    template: Template, context: Mapping[str, Any], room: int = MAX_DOCUMENT
) -> list[str]:
    """Return what :func:`render_part` joins: the template's text as str, values as Markup."""
    if budget_running():  # -- a document's parts share the budget its render opened --
        return _pieces(template, context, room)
    with budget():
        return _pieces(template, context, room)


def _pieces(template: Template, context: Mapping[str, Any], room: int) -> list[str]:
    pieces: list[str] = []
    size = 0
    # -- what Template.generate does, without the two generators that only hand each piece
    # on: a batch renders every part of every document through here --
    made = template.root_render_func(template.new_context(dict(context)))
    try:
        for piece in made:
            size += len(piece)
            if size > room:
                break
            pieces.append(piece)
    except Exception:
        template.environment.handle_exception()  # -- raised with the template's lines --
    if size > room:
        raise LimitExceeded(DOCUMENT_TOO_LARGE(limit=f"{MAX_DOCUMENT:,}"))
    return pieces
