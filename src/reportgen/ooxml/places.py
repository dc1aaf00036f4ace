"""Name the places in a template that a person can find in Word.

A problem in a template is reported as ``body, paragraph 4`` or ``footer 1, table 1, row 2,
cell 3`` (正文第4段, 页脚1表1第2行第3格): the part of the document, then the paragraph or the
table cell. A :class:`Place` keeps these as numbers and words itself when it is printed.
Paragraphs are counted outside tables, the way a reader counts them on the page; a paragraph
inside a table is named by its cell (and by its number in the cell when the cell holds
several). Tables are counted in document order, nested tables too, as docxtpl-lint counts them.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from lxml import etree

from reportgen.i18n import Language, Message, MessageKind, current_language
from reportgen.ooxml.messages import (
    PART_BODY,
    PART_ENDNOTES,
    PART_FOOTER,
    PART_FOOTNOTES,
    PART_HEADER,
    PLACE_CELL,
    PLACE_CELL_PARAGRAPH,
    PLACE_IN_TABLE,
    PLACE_NOTE,
    PLACE_PARAGRAPH,
    PLACE_TEXT_BOX,
)
from reportgen.ooxml.wordml import W

_TEXT_BEARERS = (f"{W}t", f"{W}tab", f"{W}br")
#: The part of the body's text.
BODY_PART = "word/document.xml"
#: A part of no kind a person knows by name: named by its file.
_LITERAL = MessageKind("place.part-file", en="{text}", zh="{text}")


class Place(NamedTuple):
    """A place in a template: a part, then a paragraph or a table cell, worded in a language.

    ``paragraph`` counts the part's paragraphs outside tables; in a cell, ``paragraph`` is the
    paragraph's number in the cell, given when the cell holds several. ``table`` is None
    outside tables (and 0 for a cell whose table cannot be numbered).
    """

    part: str = BODY_PART  # the part's name in the package: word/document.xml, word/header1.xml
    paragraph: int | None = None
    table: int | None = None
    row: int = 0
    cell: int = 0
    text_box: int | None = None  # a text box's number in its part; ``paragraph`` is then in it
    note: int | None = None  # a footnote's or endnote's number; ``paragraph`` is then in it

    def worded(self, language: Language) -> str:
        """Return the place as a person finds it in Word: body, paragraph 4 / 正文第4段."""
        part = _part_message(self.part)
        if self.text_box is not None:
            message = PLACE_TEXT_BOX(part=part, box=self.text_box, paragraph=self.paragraph)
        elif self.note is not None:
            message = PLACE_NOTE(part=part, note=self.note, paragraph=self.paragraph)
        elif self.table == 0:
            message = PLACE_IN_TABLE(part=part)
        elif self.table is not None:
            kind = PLACE_CELL if self.paragraph is None else PLACE_CELL_PARAGRAPH
            message = kind(
                part=part, table=self.table, row=self.row, cell=self.cell, paragraph=self.paragraph
            )
        elif self.paragraph is not None:
            message = PLACE_PARAGRAPH(part=part, paragraph=self.paragraph)
        else:
            message = part
        return message.text(language)

    def __str__(self) -> str:
        return self.worded(current_language())

    def cell_place(self) -> Place | None:
        """Return the table cell this place lies in (any paragraph of it), or None outside."""
        return self._replace(paragraph=None) if self.table is not None else None


_PART_KINDS = {
    "header": PART_HEADER,
    "footer": PART_FOOTER,
    "footnotes": PART_FOOTNOTES,
    "endnotes": PART_ENDNOTES,
}


def _part_message(name: str) -> Message:
    stem = name.rsplit("/", 1)[-1].removesuffix(".xml")
    if stem == "document":
        return PART_BODY()
    found = re.fullmatch(r"(\D+)(\d*)", stem)
    kind = _PART_KINDS.get(found.group(1)) if found else None
    if kind is None or found is None:
        return _LITERAL(text=stem)
    return kind(number=found.group(2) or "")


def part_place(name: str) -> Place:
    """Return the place that is a whole part: word/header2.xml → header 2 (页眉2)."""
    return Place(name)


def part_name(lint_label: str) -> str:
    """Return the zip name of a part docxtpl-lint calls ``body``, ``header1`` or ``footnotes``."""
    if lint_label in ("body", "document"):
        return BODY_PART
    return f"word/{lint_label}.xml"


@functools.lru_cache(maxsize=8)
def paragraph_places(xml: bytes, part: str = BODY_PART) -> Sequence[tuple[Place, str]]:
    """Return ``(place, text)`` for every paragraph of the part ``part`` holding ``xml``.

    The order is the order of ``w:p`` elements in the XML, so the n-th entry is the paragraph
    docxtpl-lint numbers n. Made once a part, and shared: the check of a template and its
    warnings each read them, and making them again for each took a first render 0.4 ms.
    """
    root = etree.fromstring(xml)
    table_numbers = {table: number for number, table in enumerate(root.iter(f"{W}tbl"), 1)}
    boxes = _text_box_numbers(root)
    notes = _note_numbers(root)
    places: list[tuple[Place, str]] = []
    outside_tables = 0
    for paragraph in root.iter(f"{W}p"):
        box = next(paragraph.iterancestors(_TEXT_BOX), None)
        if box is not None:
            in_box = [p for p in box.iter(f"{W}p") if next(p.iterancestors(_TEXT_BOX)) is box]
            place = Place(part, in_box.index(paragraph) + 1, text_box=boxes[box])
            places.append((place, _own_text(paragraph)))
            continue
        cell = next(paragraph.iterancestors(f"{W}tc"), None)
        note = next(paragraph.iterancestors(*_NOTES), None)
        if cell is None and note is not None:
            in_note = [p for p in note.iter(f"{W}p") if p.getparent() is note]
            where = in_note.index(paragraph) + 1 if paragraph in in_note else None
            place = Place(part, where, note=notes.get(note, 0))
            places.append((place, _own_text(paragraph)))
            continue
        if cell is None:
            outside_tables += 1
            places.append((Place(part, outside_tables), _own_text(paragraph)))
            continue
        row = cell.getparent()
        table = row.getparent() if row is not None else None
        if row is None or table is None or table not in table_numbers:
            places.append((Place(part, table=0), _own_text(paragraph)))
            continue
        in_cell = list(cell.iterchildren(f"{W}p"))
        place = Place(
            part,
            in_cell.index(paragraph) + 1 if len(in_cell) > 1 and paragraph in in_cell else None,
            table_numbers[table],
            list(table.iterchildren(f"{W}tr")).index(row) + 1,
            list(row.iterchildren(f"{W}tc")).index(cell) + 1,
        )
        places.append((place, _own_text(paragraph)))
    return places


_TEXT_BOX = f"{W}txbxContent"
_NOTES = (f"{W}footnote", f"{W}endnote")


def _note_numbers(root: Any) -> dict[Any, int]:
    """Return each footnote's or endnote's number as Word shows it, from 1.

    The part begins with the separator lines Word draws above the notes, notes of a type of
    their own; they are not counted.
    """
    notes = [note for note in root.iter(*_NOTES) if note.get(f"{W}type", "normal") == "normal"]
    return {note: number for number, note in enumerate(notes, 1)}


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def _text_box_numbers(root: Any) -> dict[Any, int]:
    """Return each text box's number in its part, counted as a reader sees them.

    Word writes a text box twice, a drawing and, for Words before 2010, its copy in VML
    (``mc:Choice`` and ``mc:Fallback``); the copy takes the number of the box it copies.
    """
    numbers: dict[Any, int] = {}
    count = 0
    for box in root.iter(_TEXT_BOX):
        fallback = next(box.iterancestors(f"{_MC}Fallback"), None)
        if fallback is None:
            count += 1
            numbers[box] = count
            continue
        choice = fallback.getprevious()
        copied = list(choice.iter(_TEXT_BOX)) if choice is not None else []
        index = list(fallback.iter(_TEXT_BOX)).index(box)
        if index < len(copied) and copied[index] in numbers:
            numbers[box] = numbers[copied[index]]
        else:
            count += 1
            numbers[box] = count
    return numbers


#: What holds paragraphs as a unit of its own: a cell, a content control, a text box.
_CONTAINERS = (f"{W}tc", f"{W}sdtContent", _TEXT_BOX)


def paragraph_containers(xml: bytes) -> list[int]:
    """Return, for every paragraph of a part in document order, what holds it, as a number.

    Two paragraphs are in one table cell, content control or text box (or in none) when their
    numbers are equal; the number is the holder's place among the part's holders, 0 for none.
    """
    root = etree.fromstring(xml)
    numbers = {holder: number for number, holder in enumerate(root.iter(*_CONTAINERS), 1)}
    return [
        numbers.get(next(paragraph.iterancestors(*_CONTAINERS), None), 0)
        for paragraph in root.iter(f"{W}p")
    ]


def find_tag(xml: bytes, part: str, tag: str, occurrence: int = 0) -> Place | None:
    """Return the place of the paragraph holding ``tag`` after ``occurrence`` earlier ones."""
    wanted = normalise(tag)
    places, text, starts = _normalised_paragraphs(xml, part)
    end = found = 0
    for _ in range(occurrence + 1):
        found = text.find(wanted, end)
        if found < 0 or not wanted:
            return None
        end = found + len(wanted)
    return places[bisect.bisect_right(starts, found) - 1]


@functools.lru_cache(maxsize=4)
def _normalised_paragraphs(xml: bytes, part: str) -> tuple[list[Place], str, list[int]]:
    """Return a part's paragraphs' places, their texts normalised and joined, where each starts.

    Made once a part: a template's every field is looked for in it (new-data, a problem at
    each field), and a part parsed for each of 10,000 fields took a quarter of an hour.
    """
    places: list[Place] = []
    texts: list[str] = []
    starts: list[int] = []
    offset = 0
    for place, text in paragraph_places(xml, part):
        normal = normalise(text)
        places.append(place)
        texts.append(normal)
        starts.append(offset)
        offset += len(normal) + 1
    # -- a character no normalised tag holds: no tag is found across two paragraphs --
    return places, "\x00".join(texts), starts


def normalise(text: str) -> str:
    """Return ``text`` as docxtpl reads a tag: no entities, smart quotes, prefixes or spaces."""
    import html  # -- only to find a tag, once a problem is found --

    text = html.unescape(text)
    text = text.translate(str.maketrans("“”‘’", "\"\"''"))
    # -- {%p if %} is {% if %} once docxtpl has lifted it out of its paragraph --
    text = re.sub(r"(\{[{%#])(?:p|tr|tc|r) ", r"\1 ", text)
    return re.sub(r"\s+", "", text)


def _own_text(paragraph: Any) -> str:
    # The text of this paragraph's runs, not of paragraphs nested in its text boxes.
    pieces = []
    for element in paragraph.iter(*_TEXT_BEARERS):
        owner = next(element.iterancestors(f"{W}p"), None)
        if owner is not paragraph:
            continue
        pieces.append(element.text or "" if element.tag == f"{W}t" else " ")
    return "".join(pieces)
