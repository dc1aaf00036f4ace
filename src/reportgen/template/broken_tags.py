"""Warn of a tag an Enter broke in two: begun in one paragraph, closed in the next.

``{{ report.`` ¶ ``title }}`` reads as one tag to docxtpl, which joins the two paragraphs to
gather it: the document prints the title, but the text of the second paragraph runs on in the
first, and nothing says why. So each such tag is named, with both paragraphs, and what to do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from reportgen.errors import Problem
from reportgen.ooxml.places import Place, paragraph_places
from reportgen.template.messages import TAG_ACROSS_PARAGRAPHS

#: The opening and closing marks of print and block tags, in the order they stand.
_MARKS = re.compile(r"\{\{|\{%|\}\}|%\}")
_CLOSING = {"{{": "}}", "{%": "%}"}
#: How much of each piece a warning quotes.
_QUOTED = 30


def broken_tag_warnings(path: Path, parts: Mapping[str, bytes]) -> list[Problem]:
    """Return a warning for each tag in ``parts`` that an Enter broke over two paragraphs."""
    warnings = []
    for name, blob in parts.items():
        if b"{" not in blob:
            continue
        for (first, head), (second, tail) in _broken(paragraph_places(blob, name)):
            message = TAG_ACROSS_PARAGRAPHS(
                first=first, second=second, head=head[:_QUOTED], tail=tail[-_QUOTED:]
            )
            warnings.append(Problem(message, file=path, where=first, severity="warning"))
    return warnings


def _broken(
    paragraphs: Sequence[tuple[Place, str]],
) -> Iterator[tuple[tuple[Place, str], tuple[Place, str]]]:
    """Yield each tag left open at a paragraph's end and closed in the next one with text."""
    for index, (place, text) in enumerate(paragraphs):
        opened = _left_open(text)
        if opened is None:
            continue
        following = next((later for later in paragraphs[index + 1 :] if later[1].strip()), None)
        if following is None:
            continue
        closing = _CLOSING[text[opened : opened + 2]]
        end = _closed_at(following[1], closing)
        if end is not None:
            yield (place, text[opened:]), (following[0], following[1][:end])


def _left_open(text: str) -> int | None:
    """Return where the tag still open at the end of ``text`` begins, or None."""
    start: int | None = None
    for mark in _MARKS.finditer(text):
        if mark.group() in _CLOSING:
            start = mark.start()
        elif start is not None and _CLOSING[text[start : start + 2]] == mark.group():
            start = None
    return start


def _closed_at(text: str, closing: str) -> int | None:
    """Return where ``closing`` ends in ``text``, if it comes before any tag is opened."""
    for mark in _MARKS.finditer(text):
        if mark.group() in _CLOSING:
            return None
        if mark.group() == closing:
            return mark.end()
    return None
