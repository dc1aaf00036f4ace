"""Find what makes Word offer to repair a package although each part is valid XML.

A schema validator reads one part at a time. Word also reads the parts against each other,
and these are the cross-part defects it repairs or lays out wrongly:

- a relationship whose target part is missing, or a ``r:id``/``r:embed`` naming no
  relationship of its part;
- a part without a content type, or a content type for a part that is not there;
- two drawings with the same ``wp:docPr`` id;
- a style used (``w:pStyle``, ``w:rStyle``, ``w:tblStyle``, ``w:numStyleLink``, a level's
  ``w:pStyle`` in numbering.xml, a style's ``w:basedOn``) that styles.xml does not define;
- a run whose text needs ``w:hint="eastAsia"`` and lacks it (see :mod:`.hints`).

Each defect is returned as data, a kind and its details; wording them is the caller's.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import NamedTuple

from lxml import etree

from reportgen.ooxml.hints import STORY_PART, needs_hint
from reportgen.ooxml.wordml import W
from reportgen.patterns import LazyPattern

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_CONTENT_TYPES = "[Content_Types].xml"
#: The elements that name a style, and the kind of style each names.
_STYLE_REFERENCES = {
    f"{W}pStyle": "paragraph",
    f"{W}rStyle": "character",
    f"{W}tblStyle": "table",
    f"{W}numStyleLink": "numbering",
    f"{W}styleLink": "numbering",
}
_XML_PART = LazyPattern(r".+\.(xml|rels)")


class Defect(NamedTuple):
    """One defect: its kind, the part it is in, and what is wrong there."""

    kind: str  # dangling-relationship, unknown-relationship-id, content-type, drawing-id,
    # undefined-style, missing-hint
    part: str
    detail: str
    #: What is missing or wrong, apart: the missing part a relationship points at, the id
    #: named, or for a content type "no-types", "untyped" or "no-part".
    subject: str = ""

    def __str__(self) -> str:
        return f"{self.part}: {self.kind}: {self.detail}"


def package_defects(parts: Mapping[str, bytes], *, breaking: bool = False) -> list[Defect]:
    """Return every cross-part defect of the package whose parts are ``parts`` (zip name → bytes).

    A part that is not well-formed XML is reported as such and not read further. With
    ``breaking``, only the defects that break the package are looked for: the parts, their
    relationships and content types, not the drawing ids, styles and hints that change how
    Word lays it out (looking for those took the check of a template 0.2 ms).
    """
    trees: dict[str, etree._Element] = {}
    defects: list[Defect] = []
    for name, blob in parts.items():
        if _XML_PART.fullmatch(name):
            try:
                trees[name] = etree.fromstring(blob)
            except etree.XMLSyntaxError as err:
                defects.append(Defect("not-xml", name, err.msg))
    defects += _relationship_defects(parts, trees)
    defects += _content_type_defects(parts, trees)
    if breaking:
        return defects
    defects += _drawing_id_defects(trees)
    defects += _style_defects(trees)
    defects += _hint_defects(trees)
    return defects


def relationships_part(name: str) -> str:
    """Return the zip name of the relationships of part ``name`` (``""`` for the package)."""
    folder, _, file = name.rpartition("/")
    return f"{folder}/_rels/{file}.rels" if folder else f"_rels/{file}.rels"


def _source_of(rels_name: str) -> str:
    folder, _, file = rels_name.rpartition("/")
    parent = folder.removesuffix("_rels").rstrip("/")
    return posixpath.join(parent, file.removesuffix(".rels"))


def relationship_target(rels_name: str, target: str) -> str:
    """Return the zip name a relationship in ``rels_name`` points at with ``target``."""
    if target.startswith("/"):
        return target.lstrip("/")
    base = posixpath.dirname(_source_of(rels_name))
    return posixpath.normpath(posixpath.join(base, target))


def _relationship_defects(
    parts: Mapping[str, bytes], trees: Mapping[str, etree._Element]
) -> Iterator[Defect]:
    for rels_name, tree in trees.items():
        if not rels_name.endswith(".rels"):
            continue
        ids = set()
        for relationship in tree.iter(f"{_PR}Relationship"):
            ids.add(relationship.get("Id"))
            if relationship.get("TargetMode") == "External":
                continue
            target = relationship_target(rels_name, relationship.get("Target", ""))
            if target not in parts:
                yield Defect(
                    "dangling-relationship",
                    rels_name,
                    f"{relationship.get('Id')} points at {target}, which is missing",
                    target,
                )
        source = _source_of(rels_name)
        if source in trees:
            for element in trees[source].iter():
                for attribute, value in element.attrib.items():
                    if attribute.startswith(_R) and value not in ids:
                        yield Defect(
                            "unknown-relationship-id",
                            source,
                            f"{etree.QName(element).localname} names {value}, which "
                            f"{rels_name} lacks",
                            value,
                        )


def _content_type_defects(
    parts: Mapping[str, bytes], trees: Mapping[str, etree._Element]
) -> Iterator[Defect]:
    types = trees.get(_CONTENT_TYPES)
    if types is None:
        yield Defect("content-type", _CONTENT_TYPES, "the package has no content types", "no-types")
        return
    defaults = {element.get("Extension", "").lower() for element in types.iter(f"{_CT}Default")}
    overrides = {
        element.get("PartName", "").lstrip("/") for element in types.iter(f"{_CT}Override")
    }
    for name in parts:
        if name == _CONTENT_TYPES or name.endswith("/"):
            continue
        extension = name.rpartition(".")[2].lower()
        if name not in overrides and extension not in defaults:
            yield Defect("content-type", name, "the part has no content type", "untyped")
    for name in sorted(overrides - set(parts)):
        yield Defect(
            "content-type", name, "a content type is given for a part that is missing", "no-part"
        )


def _drawing_id_defects(trees: Mapping[str, etree._Element]) -> Iterator[Defect]:
    ids: Counter[str] = Counter()
    for name, tree in trees.items():
        if STORY_PART.fullmatch(name):
            ids.update(element.get("id", "") for element in tree.iter(f"{_WP}docPr"))
    for drawing_id, count in sorted(ids.items()):
        if count > 1:
            yield Defect(
                "drawing-id", "word/document.xml", f"{count} drawings have id {drawing_id}"
            )


def defined_styles(styles: etree._Element) -> dict[str, str]:
    """Return the styles a styles part defines: id → type (paragraph, character, …)."""
    return {
        style.get(f"{W}styleId", ""): style.get(f"{W}type", "paragraph")
        for style in styles.iter(f"{W}style")
    }


def _style_defects(trees: Mapping[str, etree._Element]) -> Iterator[Defect]:
    styles = trees.get("word/styles.xml")
    if styles is None:
        return
    defined = defined_styles(styles)
    for name, tree in trees.items():
        if not (STORY_PART.fullmatch(name) or name in ("word/numbering.xml", "word/styles.xml")):
            continue
        missing: dict[str, str] = {}
        for element in tree.iter(*_STYLE_REFERENCES, f"{W}basedOn"):
            style_id = element.get(f"{W}val", "")
            if style_id not in defined:
                missing.setdefault(style_id, etree.QName(element).localname)
        for style_id, used_by in missing.items():
            yield Defect(
                "undefined-style", name, f"{used_by} names style {style_id}, which is not defined"
            )


def _hint_defects(trees: Mapping[str, etree._Element]) -> Iterator[Defect]:
    for name, tree in trees.items():
        if not STORY_PART.fullmatch(name):
            continue
        for run in tree.iter(f"{W}r"):
            text = "".join(element.text or "" for element in run.iterchildren(f"{W}t"))
            fonts = run.find(f"{W}rPr/{W}rFonts")
            hint = None if fonts is None else fonts.get(f"{W}hint")
            if needs_hint(text) and hint != "eastAsia":
                yield Defect("missing-hint", name, f"the run “{text[:20]}” has no eastAsia hint")
