"""Warn of tracked changes a template still holds, which every document made from it shows.

A clerk who edits a report with Track Changes on (审阅→修订) and saves it as a template keeps
every insertion and deletion as a revision. docxtpl renders around them: each document opens
with the template's revisions, struck through and underlined, and Word prints the markup it
shows. The words are right once the revisions are accepted, so this is a warning, counting
them and naming the first; a deletion that holds a tag is an error of its own (the tag runs).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from lxml import etree

from reportgen.errors import Problem
from reportgen.ooxml.places import Place, paragraph_places, part_place
from reportgen.ooxml.wordml import W
from reportgen.template.messages import TRACKED_CHANGES

#: Revisions: inserted, deleted and moved text, and changed formatting of a run or paragraph.
_REVISIONS = tuple(
    f"{W}{name}" for name in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")
)
_ANY_REVISION = re.compile(rb"<w:(?:ins|del|moveFrom|moveTo|rPrChange|pPrChange)\b")


def tracked_change_warnings(path: Path, parts: Mapping[str, bytes]) -> list[Problem]:
    """Return a warning if the ``parts`` holding the template's text have tracked changes."""
    count = 0
    first: Place | None = None
    for name, blob in parts.items():
        if not _ANY_REVISION.search(blob):
            continue
        root = etree.fromstring(blob)
        found = sum(1 for _ in root.iter(*_REVISIONS))
        if found and first is None:
            first = _first_place(root, blob, name)
        count += found
    if first is None:
        return []
    message = TRACKED_CHANGES(count=count, place=first)
    return [Problem(message, file=path, severity="warning")]


def _first_place(root: etree._Element, blob: bytes, name: str) -> Place:
    """Return the place of the first paragraph of part ``name`` that holds a revision."""
    for index, paragraph in enumerate(root.iter(f"{W}p")):
        if next(paragraph.iter(*_REVISIONS), None) is not None:
            return paragraph_places(blob, name)[index][0]
    return part_place(name)  # -- a row inserted or deleted: its mark is in the row's properties --
