"""Gather each tag Word split across differently wrapped runs into the run where it starts.

docxtpl joins a tag split across runs by cutting out the markup between its pieces
(``</w:t></w:r><w:r><w:t>``). That keeps the XML whole only when the runs are siblings. Word
and WPS also wrap runs in markup of their own: a content control (``w:sdt``), a smart tag, a
hyperlink, a tracked insertion, custom XML. A tag that starts outside such a wrapper and ends
inside it (a clerk selected half of it) is cut through the wrapper's start or end, and the
rendered part is broken XML. So before docxtpl sees a part, the text of such a tag is moved
into its first piece and taken out of the others, which keep their markup, now holding less
text: what Word shows is the same, and docxtpl finds every tag in one run.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lxml import etree

from reportgen.ooxml.wordml import W

_PRESERVE = "{http://www.w3.org/XML/1998/namespace}space"
#: Any Jinja tag: a print tag, a block tag or a comment.
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


def gather_split_tags(xml: str) -> str:
    """Return a part's XML with every tag split across differently wrapped runs in one run."""
    if "{" not in xml:
        return xml
    root = etree.fromstring(xml.encode("utf-8"))
    changed = False
    for paragraph in root.iter(f"{W}p"):
        changed |= _gather_in(paragraph)
    return part_text(root, xml) if changed else xml


def part_text(root: etree._Element, original: str) -> str:
    """Return the part ``root`` as text, with the XML declaration ``original`` began with."""
    declaration = (
        original[: original.index("?>") + 2] + "\n" if original.startswith("<?xml") else ""
    )
    body: str = etree.tostring(root, encoding="unicode")
    return declaration + body


def _gather_in(paragraph: etree._Element) -> bool:
    """Gather the split tags of one paragraph (not of paragraphs in its text boxes)."""
    texts = [
        element
        for element in paragraph.iter(f"{W}t")
        if next(element.iterancestors(f"{W}p"), None) is paragraph
    ]
    if len(texts) < 2:
        return False
    starts = []
    joined = ""
    for element in texts:
        starts.append(len(joined))
        joined += element.text or ""
    changed = False
    # -- from the last tag back, so that no change moves a text an earlier tag starts in --
    for tag in reversed(list(TAG.finditer(joined))):
        first = _owner(starts, tag.start())
        last = _owner(starts, tag.end() - 1)
        if first == last or not _wrapped_apart(texts[first : last + 1]):
            continue  # -- in one run, or in sibling runs that docxtpl joins itself --
        head = texts[first]
        head.text = (head.text or "")[: tag.start() - starts[first]] + tag.group()
        head.set(_PRESERVE, "preserve")
        for middle in texts[first + 1 : last]:
            middle.text = ""
        tail = texts[last]
        tail.text = (tail.text or "")[tag.end() - starts[last] :]
        changed = True
    return changed


def _owner(starts: list[int], offset: int) -> int:
    """Return the index of the text element holding character ``offset`` of the paragraph."""
    return bisect_right(starts, offset) - 1


def _wrapped_apart(texts: list[etree._Element]) -> bool:
    """Return whether the runs holding ``texts`` are not all children of one element."""
    parents = {_run_parent(element) for element in texts}
    return len(parents) > 1


def _run_parent(text: etree._Element) -> etree._Element | None:
    run = text.getparent()
    return run.getparent() if run is not None else None
