"""Keep out of a document what its template may carry but no .docx should.

A template comes from another office, saved as whatever Word offered:

- a Word template (.dotx, 模板) or a macro-enabled file (.docm, .dotm): its main part has that
  type, and a .docx of that type is refused by Word; the documents get the type of a .docx;
- macros (``vbaProject.bin``, with the parts that go with it): a .docx may not hold them, and
  they are code from elsewhere; they are left out;
- a link to the template it was made from (``w:attachedTemplate``), which Word follows each
  time a document is opened, to a file share or a web address (a known way to run another's
  macros, or to leak the reader's Windows password hash); it is left out.

What was left out is returned, so that the template's author can be told.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from typing import NamedTuple

from lxml import etree

from reportgen.ooxml.wordml import W
from reportgen.patterns import LazyPattern

_CONTENT_TYPES = "[Content_Types].xml"
_MAIN = "word/document.xml"
_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_VBA_TYPE = "application/vnd.ms-office.vbaProject"
#: Relationships to parts that hold or serve macros.
_MACRO_RELATIONSHIPS = ("/vbaProject", "/keyMapCustomizations", "/attachedToolbars", "/wordVbaData")
_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_SETTINGS = "word/settings.xml"
#: A link Word would follow out of the computer: a web address or a file share.
_REMOTE = LazyPattern(r"^(?:https?:|ftp:|file://(?!/)|\\\\|//)", re.IGNORECASE)


def is_remote(target: str) -> bool:
    """Return whether a relationship's ``target`` is a web address or a file share."""
    return bool(_REMOTE.match(target))


class LeftOut(NamedTuple):
    """What a template held that its documents do not: ``macros`` or a ``remote-template``."""

    kind: str
    detail: str  # the macro parts' names, or where the template was attached


def without_active_content(parts: Mapping[str, bytes]) -> tuple[dict[str, bytes], list[LeftOut]]:
    """Return a template's parts as a document's may be, and what was left out worth telling."""
    kept = dict(parts)
    left_out: list[LeftOut] = []
    removed = _remove_macros(kept)
    if removed:
        left_out.append(LeftOut("macros", ", ".join(removed)))
    remote = _remove_attached_template(kept)
    if remote is not None and is_remote(remote):
        left_out.append(LeftOut("remote-template", remote))
    if _CONTENT_TYPES in kept:
        kept[_CONTENT_TYPES] = _document_types(kept[_CONTENT_TYPES], set(parts) - set(kept))
    return kept, left_out


def _remove_macros(parts: dict[str, bytes]) -> list[str]:
    """Take the macro parts out of ``parts``, with the relationships to them; return their names."""
    removed: list[str] = []
    rels = _rels_name(_MAIN)
    if rels not in parts:
        return removed
    root = etree.fromstring(parts[rels])
    for relationship in list(root):
        if relationship.get("TargetMode") == "External":
            continue
        if not relationship.get("Type", "").endswith(_MACRO_RELATIONSHIPS):
            continue
        target = posixpath.normpath(posixpath.join("word", relationship.get("Target", "")))
        root.remove(relationship)
        for name in (target, _rels_name(target), *_related(parts, target)):
            if parts.pop(name, None) is not None:
                removed.append(name)
    if removed:
        parts[rels] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return [name for name in removed if not name.endswith(".rels")]


def _related(parts: Mapping[str, bytes], name: str) -> list[str]:
    """Return the parts that part ``name``'s own relationships point at (vbaData.xml)."""
    rels = parts.get(_rels_name(name))
    if rels is None:
        return []
    folder = posixpath.dirname(name)
    return [
        posixpath.normpath(posixpath.join(folder, relationship.get("Target", "")))
        for relationship in etree.fromstring(rels)
        if relationship.get("TargetMode") != "External"
    ]


def _remove_attached_template(parts: dict[str, bytes]) -> str | None:
    """Take out the settings' link to an attached template; return where it led, if it did."""
    rels = _rels_name(_SETTINGS)
    if _SETTINGS not in parts or b"attachedTemplate" not in parts[_SETTINGS]:
        return None
    settings = etree.fromstring(parts[_SETTINGS])
    relationships = etree.fromstring(parts[rels]) if rels in parts else None
    target = None
    for attached in settings.iter(f"{W}attachedTemplate"):
        identifier = attached.get(f"{_R}id")
        attached.getparent().remove(attached)
        for relationship in list(relationships if relationships is not None else []):
            if relationship.get("Id") == identifier:
                target = relationship.get("Target")
                relationships.remove(relationship)  # type: ignore[union-attr]
    parts[_SETTINGS] = etree.tostring(
        settings, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    if relationships is not None:
        parts[rels] = etree.tostring(
            relationships, xml_declaration=True, encoding="UTF-8", standalone=True
        )
    return target


def _document_types(blob: bytes, removed: set[str]) -> bytes:
    """Return [Content_Types].xml with the main part typed as a .docx's, none for ``removed``."""
    root = etree.fromstring(blob)
    changed = False
    for entry in list(root):
        part = (entry.get("PartName") or "").lstrip("/")
        if entry.tag == f"{_TYPES_NS}Override" and part == _MAIN:
            if entry.get("ContentType") != _DOCUMENT_TYPE:
                entry.set("ContentType", _DOCUMENT_TYPE)
                changed = True
        elif part in removed or entry.get("ContentType") == _VBA_TYPE:
            root.remove(entry)
            changed = True
    if not changed:
        return blob
    typed: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return typed


def _rels_name(name: str) -> str:
    folder, base = posixpath.split(name)
    return posixpath.join(folder, "_rels", f"{base}.rels")
