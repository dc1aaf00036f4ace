"""Changes made to a part's tree before docxtpl prepares it, all on one parse of the part.

Several steps mend a hand-made template's part: a table's head kept with its rows, headings
kept with their text, a long title broken between words, a section break kept from a tag's
paragraph, a cell merged down a looped row. Each looks at the part's text first, cheaply, to
say whether it may apply; the part is parsed once for those that may, each changes the tree
in turn, and it is written out again only when one of them changed it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from lxml import etree

from reportgen.template.split_tags import part_text


class TreeEdit(NamedTuple):
    """A change to a part's tree, and a quick look at the part's XML saying if it may apply."""

    may_apply: Callable[[str], bool]
    apply: Callable[[etree._Element], bool]  # -- True when it changed the tree --


def edit_part(xml: str, edits: Sequence[TreeEdit]) -> str:
    """Return a part's XML with ``edits`` applied in turn, parsed once; as it was if none did."""
    wanted = [edit for edit in edits if edit.may_apply(xml)]
    if not wanted:
        return xml
    root = etree.fromstring(xml.encode("utf-8"))
    changed = False
    for edit in wanted:
        changed = edit.apply(root) | changed
    return part_text(root, xml) if changed else xml
