"""Find a picture that a ``{%p %}`` or ``{%tr %}`` tag would take away with its paragraph or row.

docxtpl replaces the whole paragraph of a ``{%p %}`` tag (the whole row of a ``{%tr %}``) by
the tag. docxtpl-lint reports text beside such a tag; a picture there (a logo or a seal
anchored to that paragraph, a drawn line) goes too, without a word, and the document is
written without it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from lxml import etree

from reportgen.errors import Problem
from reportgen.ooxml.places import paragraph_places
from reportgen.ooxml.wordml import W
from reportgen.patterns import LazyPattern
from reportgen.template.messages import PICTURE_BESIDE_PREFIX, UNIT_PARAGRAPH, UNIT_ROW

_PICTURES = (f"{W}drawing", f"{W}pict", f"{W}object")
_PREFIXED = LazyPattern(r"\{%-?\s*(p|tr)\s[^%]*%\}")


def pictures_beside_tags(path: Path, parts: Mapping[str, bytes]) -> list[Problem]:
    """Return a problem for each picture a prefixed tag's paragraph or row would take away."""
    problems = []
    for name, blob in parts.items():
        if b"{%" not in blob or not any(tag in blob for tag in (b"drawing", b"pict", b"object")):
            continue
        root = etree.fromstring(blob)
        places = paragraph_places(blob, name)
        for (place, text), paragraph in zip(places, root.iter(f"{W}p"), strict=True):
            found = _PREFIXED.search(text)
            if found is None:
                continue
            holder = _holder(paragraph, found.group(1))
            if holder is not None and next(holder.iter(*_PICTURES), None) is not None:
                unit = UNIT_PARAGRAPH() if found.group(1) == "p" else UNIT_ROW()
                message = PICTURE_BESIDE_PREFIX(unit=unit, tag=found.group())
                problems.append(Problem(message, file=path, where=place, tag=found.group()))
    return problems


def _holder(paragraph: etree._Element, prefix: str) -> etree._Element | None:
    """Return what the tag takes away: its paragraph, or for ``tr`` its table row."""
    if prefix == "p":
        return paragraph
    return next(paragraph.iterancestors(f"{W}tr"), None)
