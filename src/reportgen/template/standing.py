"""Where a tag stands in its part's XML, and what may be printed there.

docxtpl prepares a part so that a tag prints in a run's text (``{{ name }}``), where a run or a
paragraph goes (``{{r name }}``, ``{{p name }}``: a RichText or a subdocument a program made),
or in an attribute (``{% cellbg name %}``: a cell's colour). The data's text is lost in the
second, and the third reads only a colour; a 公文's paragraphs (its 署名) break the first.
"""

from __future__ import annotations

import re
from typing import Any

from reportgen.i18n import Message
from reportgen.template.compiled import CompiledTemplate, is_cell_colour
from reportgen.template.messages import CELL_COLOUR, MARKUP_TAG_TEXT, PARAGRAPHS_IN_TEXT
from reportgen.template.usage import Use
from reportgen.text.printing import unprintable


def placed_reason(
    template: CompiledTemplate, use: Use, values: list[Any]
) -> tuple[Message | None, int, str]:
    """Return why text cannot go where ``use``'s tag stands in its part's XML.

    docxtpl's {{r …}} and {{p …}} put a value where a run or a paragraph goes, not in a
    text element, and its {% cellbg %} into a cell's colour: text is lost in the one, and
    the other reads only a colour. Also return the line and name that place the problem:
    the tag's own, or for a colour (in no text) the cell's first tag that prints.
    """
    line = template.source_line(use.part, use.line)
    tag = re.search(r"\{\{-?\s*" + re.escape(use.written) + r"\s*-?\}\}", line)
    if tag is None:
        return None, use.line, use.written  # -- a tag of filters or sums: the render checks it --
    before = line[: tag.start()]
    if before.endswith('w:fill="'):
        wrong = [value for value in values if not is_cell_colour(value)]
        reason = CELL_COLOUR(value=wrong[0]) if wrong else None
        # -- the cell's paragraphs follow its properties, each on a line of its own --
        cell, number = line[tag.end() :], use.line
        while number < use.line + _CELL_LINES:
            printed = _PRINTED_IN_CELL.search(re.sub(r"<[^>]+>", "", cell.split("</w:tc>")[0]))
            if printed or "</w:tc>" in cell:
                return reason, number, printed.group(1).strip() if printed else use.written
            number += 1
            cell = template.source_line(use.part, number)
        return reason, use.line, use.written
    if before.rfind("<") > before.rfind(">"):
        return None, use.line, use.written  # -- in another attribute: a field's, a shape's --
    opened = max(before.rfind(opening) for opening in _TEXT_OPENINGS)
    if opened >= 0 and opened > max(before.rfind(closing) for closing in _TEXT_CLOSINGS):
        # -- in a run's text: paragraphs there (the 署名's) are lost, or break the document --
        if any(getattr(value, "prints_paragraphs", False) is True for value in values):
            return PARAGRAPHS_IN_TEXT(name=use.written), use.line, use.written
        return None, use.line, use.written
    # -- no values: a batch's row, whose cells are text --
    if not values or any(unprintable(v) is None and not hasattr(v, "__html__") for v in values):
        return MARKUP_TAG_TEXT(name=use.written), use.line, use.written
    return None, use.line, use.written


#: The lines of a cell looked through for a tag that names it: its first paragraphs.
_CELL_LINES = 20
#: What a cell's first print tag prints, to name the cell whose colour a {% cellbg %} gives.
_PRINTED_IN_CELL = re.compile(r"\{\{-?(.*?)-?\}\}")


#: Where a tag prints text: in a run's text, a field's instructions, a drawing's text.
_TEXT_OPENINGS = ("<w:t>", "<w:t ", "<w:instrText", "<a:t>")
_TEXT_CLOSINGS = ("</w:t>", "</w:instrText>", "</a:t>")
