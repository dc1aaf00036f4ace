"""Print the values a sentence of prose names, without compiling a template for it.

Most prose in the data only prints values: ``共征集合理化建议{{ collected }}条``,
``{{ awards.city.teams }}``, ``{{ trades | quoted }}``. Compiling a Jinja template
for each such sentence takes milliseconds, most of the time a large report takes
to load. :func:`print_values` renders such prose directly, the way Jinja's compiled
code does: each name looked up in the scope, each attribute through the
environment's own (sandboxed) ``getattr``, the environment's own filter, and
``str`` of the result. Anything else (blocks, expressions, a name or attribute
that is not there, a filter that fails) gives None, and the caller renders the
prose with Jinja, which prints it or explains what is wrong.

:func:`render_prose` renders one piece of prose either way and says what is wrong with it,
at its file and line.
"""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Mapping
from typing import Any

from jinja2 import Environment, Template, TemplateSyntaxError, Undefined, UndefinedError
from jinja2.exceptions import SecurityError

from reportgen.data.messages import IN_TEXT
from reportgen.errors import did_you_mean
from reportgen.i18n import Message
from reportgen.text.limits import LimitExceeded
from reportgen.text.messages import TOO_DEEP, UNDEFINED_WITH_HINT

#: ``{{ name }}``, ``{{ a.b.c }}`` or ``{{ name | filter }}``: a tag that only prints a value.
_PRINT_TAG = re.compile(
    r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*"
    r"(?:\|\s*([A-Za-z_][A-Za-z0-9_]*)\s*)?\}\}"
)
#: What makes text between such tags more than text to Jinja (\r: Jinja normalises line ends).
_SYNTAX = re.compile(r"\{\{|\{%|\{#|\r")


def print_values(environment: Environment, text: str, scope: Mapping[str, Any]) -> str | None:
    """Return ``text`` with its tags printed, or None if Jinja has to render it."""
    finalize = environment.finalize
    if environment.autoescape is not False or hasattr(finalize, "jinja_pass_arg"):
        return None  # output goes through more than finalize() and str(): leave it to Jinja
    pieces: list[str] = []
    position = 0
    for tag in _PRINT_TAG.finditer(text):
        literal = text[position : tag.start()]
        if _SYNTAX.search(literal):
            return None
        value = _value(environment, tag.group(1), tag.group(2), scope)
        if value is None:
            return None
        pieces += (literal, value)
        position = tag.end()
    rest = text[position:]
    if _SYNTAX.search(rest):
        return None
    pieces.append(rest)
    return "".join(pieces)


def _value(
    environment: Environment, dotted: str, filter_name: str | None, scope: Mapping[str, Any]
) -> str | None:
    first, *attributes = dotted.split(".")
    if first not in scope:
        return None
    function = environment.filters.get(filter_name) if filter_name else None
    if filter_name and (function is None or hasattr(function, "jinja_pass_arg")):
        return None  # unknown, or wants Jinja's context or environment passed in
    # Whatever fails here fails again when Jinja renders the prose, which reports it.
    try:
        value = scope[first]
        for attribute in attributes:
            value = environment.getattr(value, attribute)
            if isinstance(value, Undefined):
                return None
        if function is not None:
            value = function(value)
        if environment.finalize is not None:
            value = environment.finalize(value)
        return str(value)
    except Exception:
        return None


def render_prose(
    environment: Environment, text: str, scope: Mapping[str, Any]
) -> tuple[str, Message | None]:
    """Return ``text`` with the values it names printed, or itself and what is wrong with it."""
    if "{" not in text:
        return text, None
    # Prose that only prints values needs no template compiled for it.
    printed = print_values(environment, text, scope)
    if printed is not None:
        return printed, None
    try:
        return render_in(environment.from_string(text), scope), None
    except _PROSE_ERRORS as err:
        return text, _explained(err, scope)


#: What rendering a piece of prose can raise, each explained by _explained.
_PROSE_ERRORS = (
    TemplateSyntaxError,
    UndefinedError,
    LimitExceeded,
    SecurityError,
    TypeError,
    ValueError,
    ArithmeticError,
    LookupError,
    AttributeError,  # -- a filter's own code asking a record for a method (dictsort) --
    RecursionError,
    SyntaxError,
)


def _explained(err: BaseException, scope: Mapping[str, Any]) -> Message:
    """Return what is wrong with a piece of prose that raised ``err``."""
    from reportgen.text.jinja_errors import render_error_message  # -- only for a problem --

    if isinstance(err, UndefinedError):
        problem = _undefined_with_hint(err, scope)
    elif isinstance(err, SyntaxError) and not isinstance(err, TemplateSyntaxError):
        problem = TOO_DEEP()  # -- blocks nested past what Python compiles --
    else:
        problem = render_error_message(err)  # -- a value that is not text, a bound, … --
    return IN_TEXT(message=problem)


def _undefined_with_hint(err: UndefinedError, scope: Mapping[str, Any]) -> Message:
    # StrictUndefined says "'collcted' is undefined"; offer the nearest known name.
    message = err.message or ""
    if message.startswith("'") and message.endswith("' is undefined"):
        name = message[1 : -len("' is undefined")]
        return UNDEFINED_WITH_HINT(name=name, hint=did_you_mean(name, list(scope)))
    from reportgen.text.jinja_errors import render_error_message

    return render_error_message(err)


def render_in(template: Template, scope: Mapping[str, Any]) -> str:
    """Render ``template`` with the names in ``scope``, without copying ``scope``.

    ``Template.render`` copies its variables into a new dict, and the environment's
    globals into another, each time: with the scope of a report of hundreds of parts,
    that copy is most of a render. Here the scope is looked through as it is, with the
    globals behind it.
    """
    names = ChainMap({}, scope, template.globals)  # type: ignore[arg-type]
    context = template.new_context(names, shared=True)  # type: ignore[arg-type]
    return str(template.environment.concat(template.root_render_func(context)))
