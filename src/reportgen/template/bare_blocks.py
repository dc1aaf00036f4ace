"""Warn of a block tag that stands alone in its paragraph without docxtpl's ``p`` prefix.

Jinja's own ``{% for x in items %}`` on a paragraph of its own is how an author who knows
Jinja writes a loop. docxtpl renders it, but only the tag goes: its paragraph stays in the
document, empty, a blank line where the tag stood (in a loop, one for each item). ``{%p for
… %}`` takes the paragraph away with the tag. The document is still right in its words, so
this is a warning, naming the paragraph and the tag to write.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from reportgen.errors import Problem
from reportgen.ooxml.places import paragraph_places
from reportgen.template.messages import BARE_BLOCK

#: A block tag, with no prefix and no ``-`` (which joins the paragraph to the one before it).
_BARE_BLOCK = re.compile(r"\{%\s+((?:for|endfor|if|elif|else|endif|with|endwith)\b[^%]*?)\s*%\}")


def bare_block_warnings(path: Path, parts: Mapping[str, bytes]) -> list[Problem]:
    """Return a warning for each paragraph in ``parts`` holding nothing but a bare block tag."""
    warnings = []
    for name, blob in parts.items():
        if b"{%" not in blob:
            continue
        for place, text in paragraph_places(blob, name):
            found = _BARE_BLOCK.fullmatch(text.strip())
            if found is None:
                continue
            message = BARE_BLOCK(tag=found.group(), fixed=f"{{%p {found.group(1)} %}}")
            warnings.append(Problem(message, file=path, where=place, severity="warning"))
    return warnings
