"""Find a package's document under another name than ``word/document.xml``.

Word for the web (and Office 365 through SharePoint) saves the document as
``word/document2.xml``, or ``document22.xml``, and names it in the package's relationships,
as the format allows. Every reader of a template here, as docxtpl's, looks for
``word/document.xml``; so the part is given that name when the package is read, and the few
places naming it (its relationships' part, the package's relationship, its content type)
follow. The documents made are then as Word itself saves them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

DOCUMENT = "word/document.xml"
_PACKAGE_RELATIONSHIPS = "_rels/.rels"
_CONTENT_TYPES = "[Content_Types].xml"
#: The main document's part name, in its folder (word/) and nothing else.
_ELSEWHERE = re.compile(r"word/[\w.-]+\.xml")


def document_part_renamed(parts: Mapping[str, bytes]) -> dict[str, bytes] | None:
    """Return ``parts`` with the document the package names moved to ``word/document.xml``.

    Return None when the package names no document part that it holds.
    """
    name = _named_document(parts)
    if name is None:
        return None
    renamed_relationships = f"word/_rels/{name.removeprefix('word/')}.rels"
    names = {name: DOCUMENT, renamed_relationships: "word/_rels/document.xml.rels"}
    moved = {names.get(part, part): blob for part, blob in parts.items()}
    moved[_PACKAGE_RELATIONSHIPS] = _renamed_in(moved[_PACKAGE_RELATIONSHIPS], name)
    if _CONTENT_TYPES in moved:  # -- PartName="/word/document2.xml" --
        old, new = f'"/{name}"'.encode(), f'"/{DOCUMENT}"'.encode()
        moved[_CONTENT_TYPES] = moved[_CONTENT_TYPES].replace(old, new)
    return moved


def _named_document(parts: Mapping[str, bytes]) -> str | None:
    """Return the part the package's relationships name as its document, if it holds it."""
    target = named_document(parts)
    return target if target and _ELSEWHERE.fullmatch(target) and target in parts else None


def named_document(parts: Mapping[str, bytes]) -> str | None:
    """Return the zip name of the part the package's relationships name as its document."""
    from lxml import etree  # -- only when a package's document is looked for --

    from reportgen.ooxml.defects import relationship_target

    blob = parts.get(_PACKAGE_RELATIONSHIPS)
    if blob is None:
        return None
    try:
        root = etree.fromstring(blob)
    except etree.XMLSyntaxError:
        return None
    for relationship in root:
        if (relationship.get("Type") or "").endswith("/officeDocument"):
            return relationship_target(_PACKAGE_RELATIONSHIPS, relationship.get("Target", ""))
    return None


def _renamed_in(blob: bytes, name: str) -> bytes:
    """Return the package's relationships naming ``word/document.xml`` where they named ``name``.

    The target is written relative or from the root: word/document2.xml, /word/document2.xml.
    """
    return re.sub(
        rb'(Target=")(/?)' + re.escape(name.encode()) + rb'"',
        lambda found: found[1] + found[2] + DOCUMENT.encode() + b'"',
        blob,
    )
