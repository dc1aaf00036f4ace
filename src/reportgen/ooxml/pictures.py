"""Pictures a template prints, such as a chart: ``{{ attachment.chart }}`` in a run of its own.

A picture prints as a run holding a ``<w:drawing>`` (the form Word writes for a picture
in line with text) and is added to the package as a media part, with a relationship
from the part that shows it and the content type of PNG. Ids and names are numbered in
the order the pictures are printed, so the same data gives the same bytes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property

#: English Metric Units in a centimetre, the unit of sizes in DrawingML.
EMU_PER_CM = 360_000
#: The first ``wp:docPr`` id given: far above the few ids a hand-made template uses.
FIRST_DRAWING_ID = 10_001

_IMAGE_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_PNG_DEFAULT = '<Default Extension="png" ContentType="image/png"/>'


class InlinePicture:
    """A PNG drawn on demand, printed in line at ``width_cm`` by ``height_cm``."""

    def __init__(
        self, description: str, width_cm: float, height_cm: float, draw: Callable[[], bytes]
    ) -> None:
        self.description = description
        self.width_cm = width_cm
        self.height_cm = height_cm
        self._draw = draw

    @cached_property
    def png(self) -> bytes:
        """Return the picture as PNG bytes, drawn the first time they are asked for."""
        return self._draw()

    def __str__(self) -> str:
        return self.description

    def __html__(self) -> str:
        # -- Jinja's autoescape asks for the markup: the drawing, in a run of its own --
        placed = placed_pictures.get()
        if placed is None:
            # Printed outside a document: the words only.
            return html.escape(self.description, quote=False)
        number = placed.place(self)
        return drawing_run(number, self)


@dataclass
class PlacedPictures:
    """The pictures printed while rendering one document, and the part each went into."""

    part: str = "word/document.xml"
    placed: list[tuple[str, InlinePicture]] = field(default_factory=list)

    def place(self, picture: InlinePicture) -> int:
        """Record ``picture`` as printed in the current part; return its number, from 1."""
        self.placed.append((self.part, picture))
        return len(self.placed)


#: The pictures of the document being rendered (set by CompiledTemplate.render).
placed_pictures: ContextVar[PlacedPictures | None] = ContextVar("placed_pictures", default=None)


def relationship_id(number: int) -> str:
    """Return the relationship id of the ``number``-th picture."""
    return f"rIdReportgenPicture{number}"


def media_name(number: int) -> str:
    """Return the part name of the ``number``-th picture."""
    return f"word/media/reportgen-picture{number}.png"


def drawing_run(number: int, picture: InlinePicture) -> str:
    """Return the XML that ends the current run, holds the picture, and opens a new run."""
    width, height = _extent(picture)
    return (
        "</w:t></w:r><w:r><w:drawing>"
        f'<wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="{_WP}">'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f"{_graphic(number, picture)}</wp:inline></w:drawing></w:r>"
        '<w:r><w:t xml:space="preserve">'
    )


def anchored_drawing_run(number: int, picture: InlinePicture, *, x: int, y: int) -> str:
    """Return a run holding ``picture`` in front of the text, not wrapped around it.

    It stands ``x`` EMU from the left margin and ``y`` EMU below the top of its paragraph
    (above it when negative), as a seal is pressed on the signature.
    """
    width, height = _extent(picture)
    return (
        '<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0"'
        ' relativeHeight="251659264" behindDoc="0" locked="1" layoutInCell="1"'
        f' allowOverlap="1" xmlns:wp="{_WP}"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="margin"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f"<wp:wrapNone/>{_graphic(number, picture)}</wp:anchor></w:drawing></w:r>"
    )


_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def _extent(picture: InlinePicture) -> tuple[int, int]:
    return round(picture.width_cm * EMU_PER_CM), round(picture.height_cm * EMU_PER_CM)


def _graphic(number: int, picture: InlinePicture) -> str:
    """Return a drawing's properties and its picture, the same inline and anchored."""
    width, height = _extent(picture)
    name = f"Picture {number}"
    # html.escape, not xml.sax.saxutils: importing xml.sax pulls in urllib, http and email.
    description = f'"{html.escape(picture.description)}"'
    return (
        f'<wp:docPr id="{FIRST_DRAWING_ID + number - 1}" name="{name}" descr={description}/>'
        "<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="
        '"http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/>'
        "</wp:cNvGraphicFramePr>"
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:nvPicPr><pic:cNvPr id="0" name="reportgen-picture{number}.png"/><pic:cNvPicPr/>'
        "</pic:nvPicPr><pic:blipFill>"
        f'<a:blip r:embed="{relationship_id(number)}" xmlns:r='
        '"http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
        "<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic>"
    )


def picture_parts(parts: Mapping[str, bytes], placed: PlacedPictures) -> dict[str, bytes]:
    """Return the parts to add or replace so that the package holds the ``placed`` pictures.

    ``parts`` are the template's: the relationships of each part that shows a picture
    gain one relationship a picture, and the content types learn PNG.
    """
    changed: dict[str, bytes] = {}
    relationships: dict[str, list[str]] = {}
    for number, (part, picture) in enumerate(placed.placed, start=1):
        changed[media_name(number)] = picture.png
        folder, _, file = part.rpartition("/")
        # -- a target is relative to the part's folder; elsewhere, absolute in the package --
        media = media_name(number)
        target = media.removeprefix("word/") if folder == "word" else "/" + media
        relationships.setdefault(f"{folder}/_rels/{file}.rels", []).append(
            f'<Relationship Id="{relationship_id(number)}" Type="{_IMAGE_RELATIONSHIP}" '
            f'Target="{target}"/>'
        )
    for rels_name, added in relationships.items():
        xml = parts.get(rels_name, b"").decode("utf-8") or (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'
        )
        xml = re.sub(r"<Relationships([^>]*)/>", r"<Relationships\1></Relationships>", xml)
        xml = xml.replace("</Relationships>", "".join(added) + "</Relationships>")
        changed[rels_name] = xml.encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    if not re.search(r'<Default Extension="png"', types, re.IGNORECASE):
        types = re.sub(r"(<Types[^>]*>)", lambda match: match.group(1) + _PNG_DEFAULT, types)
        changed["[Content_Types].xml"] = types.encode("utf-8")
    return changed
