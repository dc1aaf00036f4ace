"""The one place Jinja environments are made.

Every template and every piece of prose in the data is rendered through an
environment built here: sandboxed (neither a template nor a data value can
reach Python internals), with StrictUndefined (a missing name is an error,
never a blank) and with reportgen's filters registered.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from reportgen.text.filters import FILTERS

#: Values printed by ``{{ … }}`` during the current render, for the check that
#: every printed value reached the document (see template.find_lost_values).
printed_values: ContextVar[list[str] | None] = ContextVar("printed_values", default=None)


def _record_printed(value: Any) -> Any:
    record = printed_values.get()
    # Markup is template-made XML and a bare number may sit in an attribute
    # (docxtpl's colspan): only text and values that print as text (figures) are looked for.
    if (
        record is not None
        and not hasattr(value, "__html__")
        and not isinstance(value, bool | int | float)
        and value is not None
    ):
        record.append(str(value))
    return value


def make_environment(*, for_docx: bool) -> ImmutableSandboxedEnvironment:
    """Return a strict, sandboxed environment.

    ``for_docx`` turns autoescaping on: a template's output is XML, so a value
    such as ``A & B <c>`` must be escaped to print literally. Prose in the
    data renders to plain text and is escaped later, when the template prints it.
    """
    environment = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=for_docx,
        keep_trailing_newline=True,
        finalize=_record_printed if for_docx else None,
    )
    filters: dict[str, Callable[..., Any]] = dict(FILTERS)
    if for_docx:
        from reportgen.ooxml.pictures import picture  # -- a picture is a document's, not prose's --

        filters["picture"] = picture
    environment.filters.update(filters)
    return environment
