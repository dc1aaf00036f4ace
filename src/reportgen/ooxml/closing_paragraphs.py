"""Give back the paragraph a rendered block took from where Word cannot do without one.

A table cell must hold a paragraph, and end with one (ISO/IEC 29500 17.4.66; Word calls a
document without it unreadable), and so must a text box. A false ``{%p if %}`` that held a
cell's every paragraph, or its last one after a nested table, leaves the cell without: the
document the template's author meant has an empty cell there, which is an empty paragraph.
"""

from __future__ import annotations

import re

_GAP = r"(?:\s|<w:bookmarkEnd[^>]*/>|<w:commentRangeEnd[^>]*/>)*"
#: A cell closed right after its properties or its start, or right after a table.
_CELL_WITHOUT_END = re.compile(rf"(</w:tcPr>|<w:tc>|</w:tbl>)({_GAP}</w:tc>)")
_EMPTY_TEXT_BOX = re.compile(rf"(<w:txbxContent(?:\s[^>]*)?>)({_GAP}</w:txbxContent>)")
_EMPTY_PARAGRAPH = "<w:p/>"


def add_closing_paragraphs(xml: str) -> str:
    """Return a rendered part with an empty paragraph where a cell or text box lacks its last."""
    if "</w:tc>" in xml:
        xml = _CELL_WITHOUT_END.sub(rf"\1{_EMPTY_PARAGRAPH}\2", xml)
    if "</w:txbxContent>" in xml:
        xml = _EMPTY_TEXT_BOX.sub(rf"\1{_EMPTY_PARAGRAPH}\2", xml)
    return xml
