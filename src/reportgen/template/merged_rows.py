"""Keep a cell merged down over the rows a ``{%tr for %}`` repeats.

A clerk's table often has a first column merged down over its rows (类别 written once beside
the rows of its category). When those rows come from a ``{%tr for %}`` loop, the row copied
for each item carries the start of the merge, so every copy starts a merge of its own: 类别 is
printed again beside every item. docxtpl merges a cell down its copies when the cell holds
``{% vm %}``, which no clerk knows to write; so before docxtpl sees the part, a cell of a
looped row that starts a vertical merge gets ``{% vm %}`` in place of its merge mark. Only a
loop of one row is changed: in a loop of several rows a merge may join the rows of one item.
"""

from __future__ import annotations

import re

from lxml import etree

from reportgen.ooxml.wordml import W, text_of
from reportgen.template.tree_edits import TreeEdit

#: The tags of a row loop: ``{%tr for … %}`` and ``{%tr endfor %}``.
ROW_LOOP = re.compile(r"\{%-?\s*tr\s+for\b")
ROW_LOOP_END = re.compile(r"\{%-?\s*tr\s+endfor\b")


def _merge_down_in(root: etree._Element) -> bool:
    """Mark each looped cell starting a vertical merge ``{% vm %}``; True if one was.

    Only a loop of one row is changed: in a loop of several rows a merge may be meant to
    join the rows of one item, and is kept as it is.
    """
    changed = False
    for table in root.iter(f"{W}tbl"):
        for row in _single_looped_rows(table):
            for merge in row.findall(f"{W}tc/{W}tcPr/{W}vMerge"):
                if merge.get(f"{W}val") == "restart":
                    _mark(merge)
                    changed = True
    return changed


def _single_looped_rows(table: etree._Element) -> list[etree._Element]:
    """Return each row of ``table`` alone between a ``{%tr for %}`` row and a ``{%tr endfor %}``."""
    rows = table.findall(f"{W}tr")
    texts = [text_of(row) for row in rows]
    return [
        rows[index]
        for index in range(1, len(rows) - 1)
        if ROW_LOOP.search(texts[index - 1])
        and ROW_LOOP_END.search(texts[index + 1])
        and not ROW_LOOP.search(texts[index])
        and not ROW_LOOP_END.search(texts[index])
    ]


def _mark(merge: etree._Element) -> None:
    """Put ``{% vm %}`` before the text of the cell whose merge mark is ``merge``; drop the mark."""
    properties = merge.getparent()
    cell = properties.getparent() if properties is not None else None
    if properties is None or cell is None:
        return
    properties.remove(merge)  # -- docxtpl writes the mark of each copy itself --
    first = cell.find(f".//{W}t")
    if first is not None:
        first.text = "{% vm %}" + (first.text or "")
        return
    paragraph = cell.find(f"{W}p")
    if paragraph is None:
        paragraph = etree.SubElement(cell, f"{W}p")
    run = etree.SubElement(paragraph, f"{W}r")
    etree.SubElement(run, f"{W}t").text = "{% vm %}"


#: The edit, for preparing a part with the others on one parse.
MERGED_ROWS = TreeEdit(lambda xml: "vMerge" in xml and "tr for" in xml, _merge_down_in)
