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
"""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Mapping
from typing import Any

from jinja2 import Environment, Template, Undefined

#: ``{{ name }}``, ``{{ a.b.c }}`` or ``{{ name | filter }}``: a tag that only prints a value.
_PRINT_TAG = re.compile(
    r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*"
    r"(?:\|\s*([A-Za-z_][A-Za-z0-9_]*)\s*)?\}\}"
)
#: What makes text between such tags more than text to Jinja (\r: Jinja normalises line ends).
_SYNTAX = re.compile(r"\{\{|\{%|\{#|\r")


def print_values(environment: Environment, text: str, scope: Mapping[str, Any]) -> str | None:
    """Return ``text`` with its tags printed, or None if Jinja has to render it."""
    if environment.finalize is not None or environment.autoescape is not False:
        return None  # output goes through more than str(): leave it to Jinja
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
        return str(value)
    except Exception:
        return None


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
