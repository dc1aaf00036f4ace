"""WordprocessingML's names, and the small things every reader of a part's tree does with them."""

from __future__ import annotations

from lxml import etree

#: The namespace of WordprocessingML, as lxml writes it before a tag's name.
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def text_of(element: etree._Element) -> str:
    """Return the text of ``element``'s text runs (``w:t``), joined as Word shows it."""
    return "".join(element.itertext(f"{W}t"))


def keep_with_next(paragraph: etree._Element) -> bool:
    """Give ``paragraph`` keep-with-next; return False if its author set it either way."""
    properties = paragraph.find(f"{W}pPr")
    if properties is None:
        properties = etree.Element(f"{W}pPr")
        paragraph.insert(0, properties)
    if properties.find(f"{W}keepNext") is not None:
        return False
    # -- the schema's order: keepNext is second in pPr, after the paragraph's style --
    style = properties.find(f"{W}pStyle")
    properties.insert(0 if style is None else 1, etree.Element(f"{W}keepNext"))
    return True
