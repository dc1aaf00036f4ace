"""PyYAML's syntax errors in the clerk's terms.

PyYAML (and libyaml, its C loader, in words of its own) explains a syntax error in terms of
its parser: ``while scanning for the next token found character that cannot start any
token``. Each error is matched here by what the parser was doing and what it found, with a
look at the text itself where the C loader does not say which character it met, and becomes
a message that says what to change: a tab to replace with spaces, a value to put in quotes,
a bracket or quote to close.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from reportgen.data.messages import (
    YAML_ANCHOR,
    YAML_BAD_ESCAPE,
    YAML_BAD_START,
    YAML_BLOCK_SCALAR,
    YAML_COLON_IN_VALUE,
    YAML_COMPLEX_KEY,
    YAML_DUPLICATE_ANCHOR,
    YAML_FIELD_INDENT,
    YAML_FULL_WIDTH_COLON,
    YAML_FULL_WIDTH_SPACE,
    YAML_ITEM_AMONG_FIELDS,
    YAML_ITEM_INDENT,
    YAML_MISSING_COLON,
    YAML_OTHER,
    YAML_SPACE_AFTER_COLON,
    YAML_TAB,
    YAML_TAG,
    YAML_TOO_DEEP,
    YAML_TWO_DOCUMENTS,
    YAML_UNCLOSED_BRACKET,
    YAML_UNCLOSED_QUOTE,
    YAML_UNDEFINED_ALIAS,
)
from reportgen.data.yaml_bounds import MAX_DEPTH
from reportgen.i18n import Message
from reportgen.patterns import LazyPattern


class _Error:
    """A PyYAML error with the text it was found in, asked what it says and where."""

    def __init__(self, err: yaml.MarkedYAMLError, text: str) -> None:
        self.context = err.context or ""
        self.problem = err.problem or ""
        self.mark = err.problem_mark or err.context_mark
        self.start = err.context_mark or self.mark
        self.lines = text.split("\n")

    def says(self, pattern: str) -> bool:
        return re.search(pattern, f"{self.context} | {self.problem}") is not None

    def char(self) -> str:
        """Return the character at the problem's mark (libyaml does not name it)."""
        if self.mark is None or self.mark.line >= len(self.lines):
            return ""
        line = self.lines[self.mark.line]
        return line[self.mark.column] if self.mark.column < len(line) else ""

    def start_line(self) -> int:
        return self.start.line + 1 if self.start is not None else 1

    def start_column(self) -> int:
        return self.start.column + 1 if self.start is not None else 1

    def indented_with_tab(self) -> bool:
        if self.mark is None or self.mark.line >= len(self.lines):
            return False
        line = self.lines[self.mark.line]
        return "\t" in line[: len(line) - len(line.lstrip(" \t"))] or self.char() == "\t"


def _quoted(char: str) -> str:
    return f"“{char}”"


def _unexpected_start(error: _Error) -> Message:
    if error.indented_with_tab():
        return YAML_TAB(line=error.mark.line + 1 if error.mark else 1)
    if error.char() == "-":
        return YAML_ITEM_AMONG_FIELDS()
    return YAML_BAD_START(char=_quoted(error.char() or "?"))


def _block_mapping(error: _Error) -> Message:
    if error.indented_with_tab():
        return YAML_TAB(line=error.mark.line + 1 if error.mark else 1)
    if error.char() == "-":
        return YAML_ITEM_AMONG_FIELDS()
    return YAML_FIELD_INDENT(start=error.start_line())


def _flow(error: _Error) -> Message:
    opening, closing = ("[", "]") if "sequence" in error.context else ("{", "}")
    return YAML_UNCLOSED_BRACKET(
        open=opening, close=closing, line=error.start_line(), column=error.start_column()
    )


def _flow_node(error: _Error) -> Message:
    """Return the message of a flow value cut short: an unclosed [ or {, or a bad start."""
    opened = _unclosed_bracket(error.lines, error.mark.line if error.mark else len(error.lines))
    if opened is None:
        return _unexpected_start(error)
    bracket, line, column = opened
    closing = "]" if bracket == "[" else "}"
    return YAML_UNCLOSED_BRACKET(open=bracket, close=closing, line=line, column=column)


def _unclosed_bracket(lines: list[str], last: int) -> tuple[str, int, int] | None:
    """Return the innermost [ or { left open up to line ``last``, with its line and column."""
    stack: list[tuple[str, int, int]] = []
    for number, line in enumerate(lines[: last + 1], start=1):
        quote = ""
        for column, char in enumerate(line, start=1):
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'" and (column == 1 or line[column - 2] in " [{,:"):
                quote = char
            elif char == "#" and (column == 1 or line[column - 2] == " "):
                break
            elif char in "[{":
                stack.append((char, number, column))
            elif char in "]}" and stack:
                stack.pop()
    return stack[-1] if stack else None


def _alias(error: _Error) -> Message:
    found = (
        re.search(r"\*[^\s,\]}]*", error.lines[error.mark.line][error.mark.column :])
        if (error.mark is not None and error.mark.line < len(error.lines))
        else None
    )
    return YAML_UNDEFINED_ALIAS(alias=found.group() if found else "*")


#: What the parser was doing and what it found (both loaders' words), and the message.
_RULES: list[tuple[str, Callable[[_Error], Message]]] = [
    (r"cannot start any token|tab character that violates", _unexpected_start),
    (r"mapping values are not allowed", lambda error: YAML_COLON_IN_VALUE()),
    (r"could not find expected ':'", lambda error: YAML_MISSING_COLON(line=error.start_line())),
    (r"while parsing a block mapping", _block_mapping),
    (r"while parsing a block collection", lambda e: YAML_ITEM_INDENT(start=e.start_line())),
    (
        r"while scanning a quoted scalar",
        lambda e: YAML_UNCLOSED_QUOTE(line=e.start_line(), column=e.start_column()),
    ),
    (r"while parsing a flow (sequence|mapping)", _flow),
    (r"while parsing a flow node", _flow_node),
    (r"unknown escape character|escape sequence", lambda error: YAML_BAD_ESCAPE()),
    (r"while scanning an? (anchor|alias)", lambda error: YAML_ANCHOR()),
    (r"found undefined alias", _alias),
    (r"expected a single document", lambda error: YAML_TWO_DOCUMENTS()),
    (r"constructor for the tag|while (scanning|parsing) a tag", lambda error: YAML_TAG()),
    (r"duplicate anchor", lambda e: YAML_DUPLICATE_ANCHOR(first=e.start_line())),
    (r"while scanning a block scalar", lambda error: YAML_BLOCK_SCALAR()),
    (r"unhashable key", lambda error: YAML_COMPLEX_KEY()),
    (r"exceeded maximum nesting depth", lambda error: YAML_TOO_DEEP(limit=MAX_DEPTH)),
    (r"node content|are not allowed here", _unexpected_start),
]


#: What a Chinese input method, or a paste from Word, puts where YAML wants plain ASCII.
_FULL_WIDTH_COLON = LazyPattern(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w.-]*)[ \t]*：")
_FULL_WIDTH_INDENT = LazyPattern(r"^[ \t]*\u3000")
_NO_SPACE_AFTER_COLON = LazyPattern(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w.-]*):[^ \t\r\n:/]")


#: Where a mistyped line is: its line and column (1-based), the clerk's place to look.
Place = tuple[int, int]


def _mistyped_line(error: _Error) -> tuple[Message, Place] | None:
    """Return the message of a line the error lies on typed as YAML cannot read it, and where.

    The parser notices such a line at the next one, or where the construct it broke began:
    the lines from the line before that start to the error are looked at, the last first.
    """
    last = error.mark.line if error.mark is not None else len(error.lines) - 1
    first = error.start.line if error.start is not None else last
    for index in range(min(last, len(error.lines) - 1), max(min(first, last) - 2, -1), -1):
        line = error.lines[index]
        if found := _FULL_WIDTH_COLON.match(line):
            return YAML_FULL_WIDTH_COLON(line=index + 1, key=found[1]), (index + 1, found.end())
        if found := _FULL_WIDTH_INDENT.match(line):
            return YAML_FULL_WIDTH_SPACE(line=index + 1), (index + 1, found.end())
        if found := _NO_SPACE_AFTER_COLON.match(line):
            return YAML_SPACE_AFTER_COLON(line=index + 1, key=found[1]), (
                index + 1,
                found.end(1) + 1,
            )
    return None


def yaml_error_message(err: yaml.MarkedYAMLError, text: str) -> tuple[Message, Place | None]:
    """Return PyYAML's error ``err``, found in ``text``, as what the clerk should change.

    The place is the line and column to change when it is not where the parser noticed the
    error (a full-width colon on the line above the one it stopped at), else None.
    """
    error = _Error(err, text)
    mistyped = _mistyped_line(error)
    if mistyped is not None:
        return mistyped
    return _reworded(error, err), None


def _reworded(error: _Error, err: yaml.MarkedYAMLError) -> Message:
    for pattern, explain in _RULES:
        if error.says(pattern):
            return explain(error)
    detail = " ".join(part for part in (err.context, err.problem) if part)
    return YAML_OTHER(detail=detail or "?")
