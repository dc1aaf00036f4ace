"""Name the places in a template that a person can find in Word.

A problem in a template is reported as ``body, paragraph 4`` or ``footer 1, table 1, row 2,
cell 3``: the part of the document, then the paragraph or the table cell. Paragraphs are counted
outside tables, the way a reader counts them on the page; a paragraph inside a table is named by
its cell (and by its number in the cell when the cell holds several). Tables are counted in
document order, nested tables too, as docxtpl-lint counts them.
"""

from __future__ import annotations

import html
import re
from typing import Any

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_BEARERS = (f"{_W}t", f"{_W}tab", f"{_W}br")


def part_label(name: str) -> str:
    """Return how a person names a part: word/document.xml → body, word/header2.xml → header 2."""
    stem = name.rsplit("/", 1)[-1].removesuffix(".xml")
    if stem == "document":
        return "body"
    return re.sub(r"(\D+)(\d*)", lambda m: f"{m.group(1)} {m.group(2)}".strip(), stem)


def part_name(lint_label: str) -> str:
    """Return the zip name of a part docxtpl-lint calls ``body``, ``header1`` or ``footnotes``."""
    if lint_label in ("body", "document"):
        return "word/document.xml"
    return f"word/{lint_label}.xml"


def paragraph_places(xml: bytes) -> list[tuple[str, str]]:
    """Return ``(place, text)`` for every paragraph of a part, in document order.

    The order is the order of ``w:p`` elements in the XML, so the n-th entry is the paragraph
    docxtpl-lint numbers n.
    """
    root = etree.fromstring(xml)
    table_numbers = {table: number for number, table in enumerate(root.iter(f"{_W}tbl"), 1)}
    places: list[tuple[str, str]] = []
    outside_tables = 0
    for paragraph in root.iter(f"{_W}p"):
        cell = next(paragraph.iterancestors(f"{_W}tc"), None)
        if cell is None:
            outside_tables += 1
            places.append((f"paragraph {outside_tables}", _own_text(paragraph)))
            continue
        row = cell.getparent()
        table = row.getparent() if row is not None else None
        if row is None or table is None or table not in table_numbers:
            places.append(("a table", _own_text(paragraph)))
            continue
        row_number = list(table.iterchildren(f"{_W}tr")).index(row) + 1
        cell_number = list(row.iterchildren(f"{_W}tc")).index(cell) + 1
        place = f"table {table_numbers[table]}, row {row_number}, cell {cell_number}"
        in_cell = list(cell.iterchildren(f"{_W}p"))
        if len(in_cell) > 1 and paragraph in in_cell:
            place += f", paragraph {in_cell.index(paragraph) + 1}"
        places.append((place, _own_text(paragraph)))
    return places


def cell_of(place: str) -> str:
    """Return the table cell a place lies in ("table 1, row 2, cell 3"), or "" outside tables."""
    if not place.startswith("table "):
        return ""
    return re.sub(r", paragraph \d+$", "", place)


def find_tag(xml: bytes, tag: str, occurrence: int = 0) -> str | None:
    """Return the place of the paragraph holding ``tag`` after ``occurrence`` earlier ones."""
    wanted = normalise(tag)
    for place, text in paragraph_places(xml):
        found = normalise(text).count(wanted)
        if occurrence < found:
            return place
        occurrence -= found
    return None


def normalise(text: str) -> str:
    """Return ``text`` as docxtpl reads a tag: no entities, smart quotes, prefixes or spaces."""
    text = html.unescape(text)
    text = text.translate(str.maketrans("“”‘’", "\"\"''"))
    # -- {%p if %} is {% if %} once docxtpl has lifted it out of its paragraph --
    text = re.sub(r"(\{[{%#])(?:p|tr|tc|r) ", r"\1 ", text)
    return re.sub(r"\s+", "", text)


def _own_text(paragraph: Any) -> str:
    # The text of this paragraph's runs, not of paragraphs nested in its text boxes.
    pieces = []
    for element in paragraph.iter(*_TEXT_BEARERS):
        owner = next(element.iterancestors(f"{_W}p"), None)
        if owner is not paragraph:
            continue
        pieces.append(element.text or "" if element.tag == f"{_W}t" else " ")
    return "".join(pieces)
