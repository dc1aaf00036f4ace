"""Proofread a converted document's pages: a paragraph whose last line holds one character.

A 公文 avoids a paragraph ending in a single character on a line of its own (a 孤字, such as
``位。``): it wastes a line and looks careless. Only the laid-out page shows one, so this reads
the PDF LibreOffice wrote (with poppler's ``pdftotext``) against the paragraphs of the .docx,
and finds where each paragraph's text ends among the page's lines.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reportgen.errors import Problem
from reportgen.messages import LONELY_CHARACTER, PAGE
from reportgen.ooxml.wordml import W

#: Marks that do not count as a character of their own: 位。 is one character.
_MARKS = set("，。、；：！？”’）》」…—·,.;:!?)")
_PAGE_NUMBER = re.compile(r"^\s*—\s*\d+\s*—\s*$")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class LonelyLine:
    """A paragraph whose last line holds one character: its page, its start and that line."""

    page: int
    paragraph: str
    line: str


def lonely_lines(docx: Path, pdf: Path) -> list[LonelyLine]:
    """Return each paragraph of ``docx`` that ends with one character alone on a line of ``pdf``.

    Return nothing when poppler's ``pdftotext`` is not installed: the check is a nicety.
    """
    if shutil.which("pdftotext") is None:
        return []
    layout = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    ).stdout
    lines = list(_lines(layout))
    stream = "".join(text for _, text in lines)
    starts = []
    position = 0
    for _, text in lines:
        starts.append(position)
        position += len(text)
    found: list[LonelyLine] = []
    cursor = 0
    for paragraph in _paragraphs(docx):
        at = stream.find(paragraph, cursor)
        if at < 0:
            continue  # -- a paragraph laid out otherwise (a table's, a text box's): skip it --
        end = at + len(paragraph)
        cursor = end
        index = max(number for number, start in enumerate(starts) if start < end)
        tail = stream[starts[index] : end]
        if starts[index] > at and sum(1 for char in tail if char not in _MARKS) == 1:
            found.append(LonelyLine(lines[index][0], paragraph, tail))
    return found


def lonely_line_warnings(docx: Path, pdf: Path) -> list[Problem]:
    """Return a warning for each paragraph :func:`lonely_lines` finds, naming its page."""
    return [
        Problem(
            LONELY_CHARACTER(start=_start(line.paragraph), line=line.line),
            file=pdf,
            where=PAGE(number=line.page),
            severity="warning",
        )
        for line in lonely_lines(docx, pdf)
    ]


def _start(paragraph: str, length: int = 12) -> str:
    return paragraph if len(paragraph) <= length else paragraph[:length] + "…"


def _lines(layout: str) -> Iterator[tuple[int, str]]:
    """Yield (page, text without spaces) for each line of text that is not a page number."""
    for page, text in enumerate(layout.split("\f"), start=1):
        for line in text.splitlines():
            if line.strip() and not _PAGE_NUMBER.match(line):
                yield page, _SPACE.sub("", line)


def _paragraphs(docx: Path) -> Iterator[str]:
    """Yield the text of each paragraph of the body, without spaces, that has any."""
    from lxml import etree

    with zipfile.ZipFile(docx) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    body = root.find(f"{W}body")
    if body is None:
        return
    for paragraph in body.iterchildren(f"{W}p"):
        texts = [element.text or "" for element in paragraph.iter(f"{W}t")]
        if paragraph.find(f".//{W}txbxContent") is not None:
            continue  # -- the 版记's box: not text of the flow --
        text = _SPACE.sub("", "".join(texts))
        if text:
            yield text
