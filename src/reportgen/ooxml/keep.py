"""Keep a paragraph on the page of the paragraph (or table) after it."""

from __future__ import annotations

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def keep_with_next(paragraph: etree._Element) -> bool:
    """Give ``paragraph`` keep-with-next; return False if its author set it either way."""
    properties = paragraph.find(f"{_W}pPr")
    if properties is None:
        properties = etree.Element(f"{_W}pPr")
        paragraph.insert(0, properties)
    if properties.find(f"{_W}keepNext") is not None:
        return False
    # -- the schema's order: keepNext is second in pPr, after the paragraph's style --
    style = properties.find(f"{_W}pStyle")
    properties.insert(0 if style is None else 1, etree.Element(f"{_W}keepNext"))
    return True
