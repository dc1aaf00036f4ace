"""Keep the section break a ``{%p %}`` tag's paragraph carries.

Word keeps a section break (page size, orientation, margins, headers of the section before
it) in the properties of its section's last paragraph. When that paragraph is a ``{%p endif
%}``, docxtpl takes it away with the tag, and the break with it: two sections become one, and
an attachment set landscape is printed upright. So before docxtpl sees the part, the tag is
moved to a paragraph of its own beside an empty one that keeps the break: before it for a tag
that closes or continues a block, after it for one that opens a block, so that the break
stands outside the block whichever way it goes.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from reportgen.ooxml.wordml import W, text_of
from reportgen.template.tree_edits import TreeEdit

_P_TAG = re.compile(r"\{%-?\s*p\s+(\w+)")
_OPENING = {"if", "for", "with", "macro", "call", "filter", "block"}


def _keep_breaks_in(root: etree._Element) -> bool:
    """Put each ``{%p %}`` paragraph's section break on a paragraph apart; True if one was."""
    changed = False
    for properties in list(root.iter(f"{W}pPr")):
        paragraph = properties.getparent()
        if properties.find(f"{W}sectPr") is None or paragraph is None:
            continue
        text = text_of(paragraph).strip()
        found = _P_TAG.match(text)
        if found is None or not text.endswith("%}"):
            continue
        tag = copy.deepcopy(paragraph)
        tag_properties = tag[list(paragraph).index(properties)]
        tag_properties.remove(tag_properties.find(f"{W}sectPr"))
        for child in [child for child in paragraph if child is not properties]:
            paragraph.remove(child)  # -- the break's paragraph keeps its properties alone --
        if found.group(1) in _OPENING:
            paragraph.addnext(tag)
        else:
            paragraph.addprevious(tag)
        changed = True
    return changed


#: The edit, for preparing a part with the others on one parse.
SECTION_BREAKS = TreeEdit(lambda xml: "sectPr" in xml and "{%" in xml, _keep_breaks_in)
