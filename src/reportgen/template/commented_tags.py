"""Warn of a tag in a Word comment (批注): comments are not filled in, so it stays as written.

docxtpl renders the body, headers, footers and notes; the comments part is copied as it is.
An author who put ``{{ report.title }}`` in a comment, or left a comment quoting a tag, sends
every document out with that comment in its margin, the tag in it unfilled.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from lxml import etree

from reportgen.errors import Problem
from reportgen.ooxml.wordml import W
from reportgen.template.messages import TAG_IN_COMMENT

#: The part that holds a document's comments.
COMMENTS_PART = "word/comments.xml"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
#: How much of a tag a warning quotes.
_QUOTED = 60


def commented_tag_warnings(path: Path, parts: Mapping[str, bytes]) -> list[Problem]:
    """Return a warning for each comment in ``parts`` that holds a tag."""
    blob = parts.get(COMMENTS_PART)
    if blob is None or b"{" not in blob:
        return []
    warnings = []
    root = etree.fromstring(blob)
    for number, comment in enumerate(root.iter(f"{W}comment"), 1):
        text = "".join(element.text or "" for element in comment.iter(f"{W}t"))
        found = _TAG.search(text)
        if found is None:
            continue
        author = comment.get(f"{W}author") or "?"
        message = TAG_IN_COMMENT(number=number, author=author, tag=found.group()[:_QUOTED])
        warnings.append(Problem(message, file=path, severity="warning"))
    return warnings
