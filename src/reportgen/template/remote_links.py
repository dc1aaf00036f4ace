r"""Warn of what a template links to elsewhere, which every document fetches when opened.

A picture inserted with Insert > Picture > Link to File (插入→图片→链接到文件), or an object
linked and not embedded, stays in the .docx as an address: a file share (``\\server\logo.png``)
or a web address. Word fetches it each time a document made from the template is opened, on
every reader's computer: the picture is missing wherever the address cannot be reached, and
the reader's computer tells that address who opened which document (a file share is also
sent the reader's Windows sign-in). The link stays, as removing it would break the picture;
the template's author is told how to insert the picture itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from lxml import etree

from reportgen.errors import Problem
from reportgen.ooxml.active_content import is_remote
from reportgen.template.messages import REMOTE_LINKS

_HYPERLINK = "/hyperlink"  # -- followed only when a reader clicks it --
#: The most addresses named in the warning; the rest are counted.
_NAMED = 3


def remote_link_warnings(path: Path, parts: Mapping[str, bytes]) -> list[Problem]:
    """Return a warning if the template at ``path`` links to pictures or objects elsewhere."""
    targets: list[str] = []
    for name, blob in parts.items():
        if not name.endswith(".rels") or b"External" not in blob:
            continue
        try:
            root = etree.fromstring(blob)
        except etree.XMLSyntaxError:
            continue  # -- told as damage where the package is checked --
        for relationship in root:
            target = relationship.get("Target", "")
            if (
                relationship.get("TargetMode") == "External"
                and not relationship.get("Type", "").endswith(_HYPERLINK)
                and is_remote(target)
                and target not in targets
            ):
                targets.append(target)
    if not targets:
        return []
    named = ", ".join(targets[:_NAMED]) + (" …" if len(targets) > _NAMED else "")
    message = REMOTE_LINKS(count=len(targets), targets=named)
    return [Problem(message, file=path, severity="warning")]
