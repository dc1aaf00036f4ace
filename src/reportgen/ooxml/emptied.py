"""Mend what a rendered block left behind that Word calls unreadable.

A table cell must hold a paragraph, and end with one (ISO/IEC 29500 17.4.66), and so must a
text box. A false ``{%p if %}`` that held a cell's every paragraph, or its last one after a
nested table, leaves the cell without: the document the template's author meant has an empty
cell there, which is an empty paragraph. A table must hold a row (MS-OI29500): a ``{%tr for
%}`` over an empty list, in a table of nothing else, leaves one without; the author meant no
table there, and it is taken away.
"""

from __future__ import annotations

import re

from reportgen.patterns import LazyPattern

_GAP = r"(?:\s|<w:bookmarkEnd[^>]*/>|<w:commentRangeEnd[^>]*/>)*"
#: A cell closed right after its properties or its start, or right after a table.
_CELL_WITHOUT_END = LazyPattern(rf"(</w:tcPr>|<w:tc>|</w:tbl>)({_GAP}</w:tc>)")
_EMPTY_TEXT_BOX = LazyPattern(rf"(<w:txbxContent(?:\s[^>]*)?>)({_GAP}</w:txbxContent>)")
_EMPTY_PARAGRAPH = "<w:p/>"
#: A table (holding no other) closed right after its grid: it has no row.
_TABLE_WITHOUT_ROWS = LazyPattern(
    r"<w:tbl>(?:(?!</?w:tbl[ >]).)*?</w:tblGrid>\s*</w:tbl>", re.DOTALL
)


def mend_emptied(xml: str) -> str:
    """Return a rendered part mended where a block emptied a table, a table cell or a text box."""
    if "</w:tbl>" in xml:
        xml = _TABLE_WITHOUT_ROWS.sub("", xml)
    if "</w:tc>" in xml:
        xml = _CELL_WITHOUT_END.sub(rf"\1{_EMPTY_PARAGRAPH}\2", xml)
    if "</w:txbxContent>" in xml:
        xml = _EMPTY_TEXT_BOX.sub(rf"\1{_EMPTY_PARAGRAPH}\2", xml)
    return xml
