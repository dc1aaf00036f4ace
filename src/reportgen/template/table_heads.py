"""Keep a looped table's head with its rows, and the line that names the table with both.

A table whose rows come from a ``{%tr for %}`` loop grows with the data: this year's table
may cross a page where last year's did not. Word and LibreOffice then leave its head row alone
at the foot of a page, and the line above that names the table ("附：主要工作数据") with it,
and start the next page with rows nobody can read without the head. Made by hand, such tables
rarely say otherwise. So before the part is prepared, the row or two above a loop's row are
marked as the table's head, repeated on each page (``w:tblHeader``) and kept with the first
row below (``w:keepNext``), and a short line just above the table is kept with the table.

A head the template's author has marked already, or explicitly not repeated, is left as it is;
so is a table with more than two rows above its loop (a form, whose top is no heading).
"""

from __future__ import annotations

from lxml import etree

from reportgen.ooxml.wordml import W, keep_with_next, text_of
from reportgen.template.merged_rows import ROW_LOOP
from reportgen.template.tree_edits import TreeEdit, edit_part

#: The most rows above a loop taken for a head: a heading and, at most, units below it.
MAX_HEAD_ROWS = 2
#: The longest line above a table taken for the table's name and kept with it.
MAX_NAME_CHARACTERS = 40


def keep_table_heads(xml: str) -> str:
    """Return a part's XML with each looped table's head repeated and kept with its rows."""
    return edit_part(xml, [TABLE_HEADS])


def _keep_heads_in(root: etree._Element) -> bool:
    changed = False
    for table in root.iter(f"{W}tbl"):
        head = _head_rows(table)
        if head:
            changed = _mark_head(head) | changed
            changed = _keep_name_with(table) | changed
    return changed


def _head_rows(table: etree._Element) -> list[etree._Element]:
    """Return the rows above the table's first loop row, if they can be its head."""
    rows = table.findall(f"{W}tr")
    for index, row in enumerate(rows):
        # -- the row's own cells: a table nested in a cell has rows of its own --
        if ROW_LOOP.search("".join(map(text_of, row.findall(f"{W}tc/{W}p")))):
            above = rows[:index]
            # -- a row of tags ({%tr if %}) goes away or repeats: no head is made of it --
            tags = any("{%" in text_of(row) for row in above)
            return above if len(above) <= MAX_HEAD_ROWS and not tags else []
    return []


def _mark_head(rows: list[etree._Element]) -> bool:
    """Mark ``rows`` as the head; return False when the author has said how already."""
    if any(row.find(f"{W}trPr/{W}tblHeader") is not None for row in rows):
        return False
    for row in rows:
        properties = row.find(f"{W}trPr")
        if properties is None:
            properties = etree.Element(f"{W}trPr")
            # -- trPr comes after tblPrEx, and before the cells --
            before = row.find(f"{W}tblPrEx")
            row.insert(0 if before is None else row.index(before) + 1, properties)
        etree.SubElement(properties, f"{W}tblHeader")
        for paragraph in row.iter(f"{W}p"):
            keep_with_next(paragraph)
    return True


def _keep_name_with(table: etree._Element) -> bool:
    """Keep the short line just above ``table`` on the page the table starts on."""
    above = table.getprevious()
    if above is None or above.tag != f"{W}p":
        return False
    text = text_of(above).strip()
    if not text or len(text) > MAX_NAME_CHARACTERS or "{%" in text:
        return False  # -- no line, a paragraph of the text, or a tag's line that goes away --
    return keep_with_next(above)


#: The edit, for preparing a part with the others on one parse.
TABLE_HEADS = TreeEdit(
    # -- the tags are gathered: a loop's row reads whole in the XML --
    lambda xml: ROW_LOOP.search(xml) is not None,
    _keep_heads_in,
)
