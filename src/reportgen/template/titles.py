"""Break a hand-made template's long title between words, as GB/T 9704 7.3.1 asks.

A clerk types the title as a centred line in a large face ("关于举办{{ training.name }}的通
知") and Word breaks it where the line is full, often inside a word ("业务培训 / 班的通知").
reportgen's own templates print their title through the ``title_lines`` filter; a hand-made
one gets the same before the part is prepared: a title of plain text is set on its lines
there and then, and a title holding tags is set in a ``{% filter title_lines(N) %}`` block,
so that its values are printed (and checked) as anywhere else and the whole is broken once
printed. N, the characters a line holds, comes from the title's size and the width of the
page's text block.

Only a title that is clearly one is touched: the body's first line of text, centred, in one
formatting of at least 18 pt, with no line break, block, picture or docxtpl paragraph or run
tag in it.
"""

from __future__ import annotations

import re

from lxml import etree

from reportgen.ooxml.wordml import W, text_of
from reportgen.template.tree_edits import TreeEdit, edit_part
from reportgen.text.titles import break_title

#: What a title set as lines may not hold: a block, a comment, docxtpl's paragraph, run or
#: cell tags ({{p …}}, {{r …}}), a picture, or a break of its own.
_NOT_PLAIN = re.compile(r"\{%|\{#|\{\{-?\s*(?:p|r|tr|tc)\s|picture|title_lines")
#: The smallest size taken for a title's, in half points: 小二, 18 pt.
MIN_TITLE_SIZE = 36


def break_long_title(xml: str) -> str:
    """Return a part's XML with its title set to break between words, if it has one."""
    return edit_part(xml, [LONG_TITLE])


def _break_title_in(root: etree._Element) -> bool:
    body = root.find(f"{W}body")
    title = _title_paragraph(body) if body is not None else None
    if body is None or title is None:
        return False
    runs = [run for run in title.iter(f"{W}r") if run.find(f"{W}t") is not None]
    per_line = _characters_a_line(body, runs)
    if per_line is None:
        return False
    text = text_of(title)
    if "{{" in text:
        _set_text(runs, f"{{% filter title_lines({per_line}) %}}{text}{{% endfilter %}}")
        return True
    lines = break_title(text, per_line)
    if len(lines) == 1:
        return False
    _set_lines(runs, lines)
    return True


def _title_paragraph(body: etree._Element) -> etree._Element | None:
    """Return the body's first paragraph with text, if it looks like a title."""
    for paragraph in body.iterchildren(f"{W}p"):
        text = text_of(paragraph).strip()
        if not text:
            continue
        centred = paragraph.find(f"{W}pPr/{W}jc[@{W}val='center']") is not None
        plain = not _NOT_PLAIN.search(text)
        if centred and plain and paragraph.find(f".//{W}br") is None:
            return paragraph
        return None
    return None


def _characters_a_line(body: etree._Element, runs: list[etree._Element]) -> int | None:
    """Return how many of the title's characters a line holds; None if it is no title's size."""
    formats = {_format(run) for run in runs}
    size = runs[0].find(f"{W}rPr/{W}sz") if runs else None
    if len(formats) != 1 or size is None:
        return None  # -- mixed formatting is the author's own; a size from a style, unknown --
    half_points = _number(size.get(f"{W}val"))
    section = body.find(f"{W}sectPr")
    if half_points < MIN_TITLE_SIZE or section is None:
        return None
    page, margins = section.find(f"{W}pgSz"), section.find(f"{W}pgMar")
    if page is None or margins is None:
        return None
    width = _number(page.get(f"{W}w"))
    block = width - _number(margins.get(f"{W}left")) - _number(margins.get(f"{W}right"))
    per_line = block // (half_points * 10)  # -- twips: a character is as wide as it is high --
    return per_line if per_line >= 4 else None


def _set_text(runs: list[etree._Element], text: str) -> None:
    """Put ``text`` in the first run and empty the others, which share its formatting."""
    for index, run in enumerate(runs):
        for text_element in run.findall(f"{W}t"):
            run.remove(text_element)
        if index == 0:
            etree.SubElement(run, f"{W}t").text = text


def _set_lines(runs: list[etree._Element], lines: list[str]) -> None:
    """Put ``lines`` in the first run, a line break between each, and empty the others."""
    _set_text(runs, lines[0])
    for line in lines[1:]:
        etree.SubElement(runs[0], f"{W}br")
        etree.SubElement(runs[0], f"{W}t").text = line


def _format(run: etree._Element) -> bytes:
    properties = run.find(f"{W}rPr")
    return b"" if properties is None else etree.tostring(properties)


def _number(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


#: The edit, for preparing a part with the others on one parse.
LONG_TITLE = TreeEdit(lambda xml: "body" in xml, _break_title_in)
