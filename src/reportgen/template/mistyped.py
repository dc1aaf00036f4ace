"""Find what a template's author meant to be filled in, but reportgen would print as it is.

Neither is a syntax error, so nothing else stops them, and a formal document would carry them
to the reader:

- a tag typed with a Chinese input method's full-width braces (``｛｛ name ｝｝``, ``{％``) or
  with a space between its braces (``{ {``);
- a mail-merge field of Word (``MERGEFIELD 姓名``, shown as ``«姓名»``), from a template that
  was used with Word's 邮件合并 before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from lxml import etree

from reportgen.errors import Problem
from reportgen.ooxml.places import Place, paragraph_places
from reportgen.ooxml.wordml import W
from reportgen.template.messages import LOOKALIKE_TAG, MERGE_FIELD

#: Two braces, or a brace and a percent sign, of either width, with spaces between or not;
#: then, if near, the end of the tag.
_BRACES = re.compile(r"[{｛][ \t\u3000]*[{｛%％]([^{}｛｝\n]{0,80}?[}｝%％][ \t\u3000]*[}｝])?")
_TRUE_OPENINGS = ("{{", "{%")
_MERGE_FIELD = re.compile(r"\bMERGEFIELD\s+(\"[^\"]+\"|[^\s\\]+)", re.IGNORECASE)


def lookalike_tags(path: Path, paragraphs: Iterable[tuple[Place, str]]) -> list[Problem]:
    """Return a problem for each tag typed with lookalike braces in ``(where, text)``."""
    return [
        Problem(LOOKALIKE_TAG(snippet=snippet), file=path, where=where)
        for where, snippet in _lookalikes(paragraphs, closed=True)
    ]


def loose_brace_warnings(path: Path, parts: Mapping[str, bytes]) -> list[Problem]:
    """Return a warning for each lookalike opening of a tag that no tag's end follows.

    Such braces may be prose (the ``{ {`` of a sheet explaining tags): said, not refused.
    """
    paragraphs = (
        pair
        for name, blob in parts.items()
        if b"{" in blob or "｛".encode() in blob
        for pair in paragraph_places(blob, name)
    )
    return [
        Problem(LOOKALIKE_TAG(snippet=snippet), file=path, where=where, severity="warning")
        for where, snippet in _lookalikes(paragraphs, closed=False)
    ]


def _lookalikes(
    paragraphs: Iterable[tuple[Place, str]], *, closed: bool
) -> Iterator[tuple[Place, str]]:
    """Yield ``(where, braces)`` of each lookalike tag whose end is found, or is not."""
    for where, text in paragraphs:
        for found in _BRACES.finditer(text):
            if not found.group().startswith(_TRUE_OPENINGS) and (found[1] is not None) == closed:
                yield where, found.group()


def merge_fields(path: Path, parts: Mapping[str, bytes]) -> list[Problem]:
    """Return a problem for each mail-merge field of Word in the ``parts`` of a template."""
    problems = []
    for name, blob in parts.items():
        if b"MERGEFIELD" not in blob.upper():
            continue
        root = etree.fromstring(blob)
        places = paragraph_places(blob, name)
        for (place, _), paragraph in zip(places, root.iter(f"{W}p"), strict=True):
            for field in _MERGE_FIELD.finditer(_instructions(paragraph)):
                message = MERGE_FIELD(name=field.group(1).strip('"'))
                problems.append(Problem(message, file=path, where=place))
    return problems


def _instructions(paragraph: etree._Element) -> str:
    """Return the field instructions of a paragraph (not of paragraphs in its text boxes)."""
    pieces = []
    for element in paragraph.iter(f"{W}instrText", f"{W}fldSimple"):
        if next(element.iterancestors(f"{W}p"), None) is not paragraph:
            continue
        if element.tag == f"{W}fldSimple":
            pieces.append(f" {element.get(f'{W}instr', '')} ")
        else:
            pieces.append(element.text or "")
    return "".join(pieces)
