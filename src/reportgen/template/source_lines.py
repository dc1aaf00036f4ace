"""Lay a prepared part out so that Jinja's line numbers point at the tag that failed.

Jinja names a failing tag by its line only. So the prepared source holds one paragraph a
line, and every tag docxtpl lifted out of its paragraph, row or cell (``{%p if %}`` becomes
a bare ``{% if %}`` between two paragraphs) on a line of its own: otherwise it would share
the line of the paragraph before it, and a failing ``{%p if %}`` would be reported at that
paragraph's ``{{ … }}``. The line breaks stand between elements only, and are taken out
again after rendering: a lifted tag's break carries a mark (a control character, which no
XML holds) so that no line break the part had of its own is taken with them.

The breaks are taken out of the compiled template's text once (:func:`joined_code`), not out
of each rendered part: the code keeps its line numbers, and a value printed keeps its own.
"""

from __future__ import annotations

import re
from types import CodeType

from reportgen.patterns import LazyPattern

#: A tag standing between elements, or a run of them, after the element before it.
_LIFTED = LazyPattern(r"(<[^<>]*>)((?:\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\})+)", re.DOTALL)
_TAG = LazyPattern(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.DOTALL)
#: An element whose content is text: a tag after its start is in the text, not lifted.
_TEXT_START = LazyPattern(r"<w:(?:t|instrText|delText|delInstrText)(?:\s[^>]*)?>")
_PARAGRAPH = LazyPattern(r"<w:p([ >])")
#: The line break put before a lifted tag.
_LIFTED_BREAK = "\n\x01"


def lines(source: str) -> str:
    """Return a part's prepared source with each paragraph and each lifted tag on a line."""

    def own_lines(found: re.Match[str]) -> str:
        if _TEXT_START.fullmatch(found[1]):
            return found[0]
        return found[1] + "".join(_LIFTED_BREAK + tag for tag in _TAG.findall(found[2]))

    return _PARAGRAPH.sub(r"\n<w:p\1", _LIFTED.sub(own_lines, source))


def joined(rendered: str) -> str:
    """Return a rendered part without the line breaks :func:`lines` put in."""
    # -- str.replace, not a pattern with a group: a batch joins every part of every document --
    without = rendered.replace(_LIFTED_BREAK, "")
    return without.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")


def joined_code(code: CodeType) -> CodeType:
    """Return compiled template ``code`` with the text it prints :func:`joined`, lines kept.

    Only the constants change (the template's text, in this code and the functions it
    defines: blocks, macros, loops' bodies), not the line table: a failing tag is still
    named by the line of the prepared source it stands on.
    """
    constants = tuple(
        joined(constant)
        if isinstance(constant, str)
        else joined_code(constant)
        if isinstance(constant, CodeType)
        else constant
        for constant in code.co_consts
    )
    return code.replace(co_consts=constants)
