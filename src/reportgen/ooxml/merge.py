"""Join .docx documents made from one template into one, each from a new page.

The documents of a batch share their styles, numbering, settings and theme, so the first
document's package is the base and the others contribute their body. Each document keeps
its sections: its last section's properties (the page size, margins, headers and footers of
the template) move into a section break at its end, and its first section starts on a new
page. Pictures, headers and footers come along under names of their own, and one that is
byte for byte one already there (the same seal on every certificate) is kept once. Drawing
and bookmark ids are numbered again so that they stay unique. The same documents in the same
order give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.ooxml.package import Package

DOCUMENT = "word/document.xml"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
CONTENT_TYPES = "[Content_Types].xml"

_BODY = re.compile(r"(<w:body>)(.*)(<w:sectPr\b.*?</w:sectPr>)\s*(</w:body>)", re.DOTALL)
_RELATIONSHIP = re.compile(r"<Relationship\b[^>]*?/>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_REFERENCE = re.compile(r'\b(r:(?:id|embed|link|pict))="([^"]+)"')
_DRAWING_ID = re.compile(r'(<wp:docPr\b[^>]*?\bid=")(\d+)(")')
_BOOKMARK_ID = re.compile(r'(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")')
_WORD_2010_IDS = re.compile(r'\sw14:(?:paraId|textId)="[^"]*"')
_SECTION_TYPE = re.compile(r"<w:type\b[^>]*/>")
_FIRST_SECTION = re.compile(r"<w:sectPr\b[^>]*>")
_OVERRIDE = re.compile(r'<Override\b[^>]*PartName="([^"]+)"[^>]*/>')
_DEFAULT = re.compile(r"<Default\b[^>]*/>")
#: The kinds of relationship whose targets a body names and that come along with it.
_CARRIED = ("/image", "/header", "/footer", "/hyperlink")


@dataclass
class _Base:
    """The first document: its package, and its document.xml around the body."""

    package: Package
    head: str
    tail: str
    relationships: str
    types: str
    added_parts: dict[str, bytes] = field(default_factory=dict)
    added_relationships: list[str] = field(default_factory=list)


class MergedDocument:
    """Documents joined one after another, each from a new page (see the module's text)."""

    def __init__(self) -> None:
        self._base: _Base | None = None
        self._body: list[str] = []
        self._pending_section = ""  # -- the last section of the document before --
        self._count = 0
        self._drawings = 0
        self._parts_by_digest: dict[bytes, str] = {}
        #: Characters of body XML held so far, which the joined document will hold.
        self.size = 0

    def add(self, document: bytes) -> None:
        """Append ``document`` (a .docx's bytes, from the same template as the others)."""
        with zipfile.ZipFile(io.BytesIO(document)) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
        xml = parts[DOCUMENT].decode("utf-8")
        found = _BODY.search(xml)
        if found is None:
            raise ValueError("a document without a body and its section properties")
        body, section = found.group(2), found.group(3)
        self._count += 1
        if self._base is None:
            self._start(parts, xml, found)
        else:
            body, section = self._carry(parts, body, section)
            body = _WORD_2010_IDS.sub("", body)
            body, section = _starting_on_new_page(body, section)
        body = _BOOKMARK_ID.sub(self._bookmark, body)
        body = _DRAWING_ID.sub(self._drawing, body)
        self._body.append(self._pending_section + body)
        self.size += len(body)
        self._pending_section = f"<w:p><w:pPr>{section}</w:pPr></w:p>"

    def to_bytes(self) -> bytes:
        """Return the joined document; ValueError if no document was added."""
        if self._base is None:
            raise ValueError("no document to join")
        base = self._base
        last_section = self._pending_section.removeprefix("<w:p><w:pPr>").removesuffix(
            "</w:pPr></w:p>"
        )
        document = base.head + "".join(self._body) + last_section + base.tail
        relationships = base.relationships.replace(
            "</Relationships>", "".join(base.added_relationships) + "</Relationships>"
        )
        replaced = {
            DOCUMENT: document.encode("utf-8"),
            DOCUMENT_RELS: relationships.encode("utf-8"),
            CONTENT_TYPES: base.types.encode("utf-8"),
            **base.added_parts,
        }
        return base.package.to_bytes(replaced)

    # -- the first document --

    def _start(self, parts: dict[str, bytes], xml: str, found: re.Match[str]) -> None:
        package = Package(Path("-"), parts, {})
        relationships = parts.get(DOCUMENT_RELS, b"").decode("utf-8")
        self._base = _Base(
            package,
            head=xml[: found.start(2)],
            tail=xml[found.start(4) :],
            relationships=relationships,
            types=parts[CONTENT_TYPES].decode("utf-8"),
        )
        for relationship in _RELATIONSHIP.findall(relationships):
            attributes = dict(_ATTRIBUTE.findall(relationship))
            target = _part_name(attributes.get("Target", ""))
            if target in parts and attributes.get("TargetMode") != "External":
                self._parts_by_digest.setdefault(_digest(parts[target]), target)

    # -- the documents after it --

    def _carry(self, parts: dict[str, bytes], body: str, section: str) -> tuple[str, str]:
        """Bring the pictures, headers and footers ``body`` and ``section`` name into the base."""
        assert self._base is not None
        renamed: dict[str, str] = {}
        relationships = parts.get(DOCUMENT_RELS, b"").decode("utf-8")
        for relationship in _RELATIONSHIP.findall(relationships):
            attributes = dict(_ATTRIBUTE.findall(relationship))
            kind = attributes.get("Type", "")
            if not kind.endswith(_CARRIED):
                continue  # -- styles, numbering, settings: the base's serve every document --
            old_id = attributes["Id"]
            new_id = f"rIdMerged{self._count}x{old_id}"
            target = attributes.get("Target", "")
            if attributes.get("TargetMode") != "External":
                target = self._carry_part(parts, _part_name(target))
            mode = ' TargetMode="External"' if attributes.get("TargetMode") == "External" else ""
            self._base.added_relationships.append(
                f'<Relationship Id="{new_id}" Type="{kind}" Target="{target}"{mode}/>'
            )
            renamed[old_id] = new_id

        def rename(match: re.Match[str]) -> str:
            return f'{match.group(1)}="{renamed.get(match.group(2), match.group(2))}"'

        return _REFERENCE.sub(rename, body), _REFERENCE.sub(rename, section)

    def _carry_part(self, parts: dict[str, bytes], name: str) -> str:
        """Return the target, relative to word/, of ``name``'s bytes in the base."""
        assert self._base is not None
        data = parts[name]
        digest = _digest(data)
        existing = self._parts_by_digest.get(digest)
        if existing is None:
            stem, dot, extension = name.rpartition(".")
            existing = f"{stem}-merged{self._count}{dot}{extension}"
            self._base.added_parts[existing] = data
            self._parts_by_digest[digest] = existing
            self._add_content_type(parts, name, existing)
            rels = f"{name.rpartition('/')[0]}/_rels/{name.rpartition('/')[2]}.rels"
            if rels in parts:
                folder, _, file = existing.rpartition("/")
                self._base.added_parts[f"{folder}/_rels/{file}.rels"] = parts[rels]
        return existing.removeprefix("word/")

    def _add_content_type(self, parts: dict[str, bytes], name: str, new_name: str) -> None:
        assert self._base is not None
        types = parts[CONTENT_TYPES].decode("utf-8")
        for override in _OVERRIDE.finditer(types):
            if override.group(1) == f"/{name}":
                added = override.group(0).replace(f'"/{name}"', f'"/{new_name}"')
                self._base.types = self._base.types.replace("</Types>", added + "</Types>")
                return
        extension = re.escape(name.rpartition(".")[2])
        wanted = re.compile(rf'Extension="{extension}"', re.IGNORECASE)
        if any(wanted.search(default) for default in _DEFAULT.findall(self._base.types)):
            return
        for default in _DEFAULT.findall(types):
            if wanted.search(default):
                opening = re.search(r"<Types[^>]*>", self._base.types)
                assert opening is not None
                end = opening.end()
                self._base.types = self._base.types[:end] + default + self._base.types[end:]
                return

    def _drawing(self, match: re.Match[str]) -> str:
        self._drawings += 1
        return f"{match.group(1)}{10_000 + self._drawings}{match.group(3)}"

    def _bookmark(self, match: re.Match[str]) -> str:
        return f"{match.group(1)}{self._count * 100_000 + int(match.group(2))}{match.group(3)}"


def merge_documents(documents: Iterable[bytes]) -> bytes:
    """Return ``documents`` (.docx bytes from one template) joined, each from a new page."""
    merged = MergedDocument()
    for document in documents:
        merged.add(document)
    return merged.to_bytes()


def _starting_on_new_page(body: str, section: str) -> tuple[str, str]:
    """Make the first section of a document start on a new page (its sections stay as given)."""
    text = body + "\x00" + section
    first = _FIRST_SECTION.search(text)
    assert first is not None
    end = text.find("</w:sectPr>", first.end())
    inner = _SECTION_TYPE.sub("", text[first.end() : end])
    # -- w:type comes after the headers and footers, before the page size (CT_SectPr) --
    place = re.search(r"<w:(?:pgSz|pgMar|paperSrc|pgBorders|lnNumType|pgNumType|cols)\b", inner)
    cut = place.start() if place else len(inner)
    inner = inner[:cut] + '<w:type w:val="nextPage"/>' + inner[cut:]
    text = text[: first.end()] + inner + text[end:]
    body, _, section = text.partition("\x00")
    return body, section


def _part_name(target: str) -> str:
    """Return the package part name of a target relative to word/ (or absolute)."""
    return target.removeprefix("/") if target.startswith("/") else f"word/{target}"


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()
