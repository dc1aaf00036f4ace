"""Pictures a template prints: a chart, a photo from a table's row, a seal.

A picture prints as a run holding a ``<w:drawing>`` and is added to the package as a media
part, with a relationship from the part that shows it and the content type of its kind
(PNG or JPEG). Most pictures stand in line with the text (``wp:inline``, as Word inserts
one); a picture ``over_text`` floats in front of the text, centred on the place of its tag
(``wp:anchor``), as a seal is stamped over the date. Ids and names are numbered in the
order the pictures are printed, so the same data gives the same bytes.

Templates place a picture named by the data with the ``picture`` filter, at a size they
give, the aspect ratio kept::

    {{ row.photo | picture(width="3cm") }}
    {{ seal | picture(height="4cm", over_text=true) }}

A file name from a table's row is looked for in the folder of the data
(:data:`picture_folder`, set while a document is rendered).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from functools import cached_property
from pathlib import Path
from typing import Any

from reportgen.ooxml.escape import xml_attribute, xml_text
from reportgen.ooxml.images import ImageFile, PictureError, read_image
from reportgen.ooxml.messages import PICTURE_SIZE, PICTURE_VALUE
from reportgen.patterns import LazyPattern

#: English Metric Units in a centimetre, the unit of sizes in DrawingML.
EMU_PER_CM = 360_000
#: The first ``wp:docPr`` id given: far above the few ids a hand-made template uses.
FIRST_DRAWING_ID = 10_001
#: Centimetres in each unit a template may give a size in.
UNITS_CM = {"cm": 1.0, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72}
#: The widest a picture is printed when the template gives no size: an A4 text block.
DEFAULT_MAX_WIDTH_CM = 15.6

_IMAGE_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_LENGTH = LazyPattern(r"\s*(\d+(?:\.\d+)?)\s*(cm|mm|in|pt)?\s*")


class InlinePicture:
    """A picture drawn on demand, printed at ``width_cm`` by ``height_cm``.

    ``draw`` returns its bytes, of the kind ``extension`` names (png or jpeg). With
    ``over_text`` it floats in front of the text, centred on the place it is printed at.
    """

    def __init__(
        self,
        description: str,
        width_cm: float,
        height_cm: float,
        draw: Callable[[], bytes],
        *,
        extension: str = "png",
        content_type: str = "image/png",
        over_text: bool = False,
    ) -> None:
        self.description = description
        self.width_cm = width_cm
        self.height_cm = height_cm
        self._draw = draw
        self.extension = extension
        self.content_type = content_type
        self.over_text = over_text

    @cached_property
    def data(self) -> bytes:
        """Return the picture's bytes, drawn the first time they are asked for."""
        return self._draw()

    @property
    def png(self) -> bytes:
        """Return the bytes of a PNG picture (a chart)."""
        return self.data

    def __str__(self) -> str:
        return self.description

    def __html__(self) -> str:
        # -- Jinja's autoescape asks for the markup: the drawing, in a run of its own --
        placed = placed_pictures.get()
        if placed is None:
            # Printed outside a document: the words only.
            return xml_text(self.description)
        number = placed.place(self)
        return drawing_run(number, self)


class PlacedPictures:
    """The pictures printed while rendering one document, and the part each went into."""

    def __init__(self) -> None:
        self.part = "word/document.xml"
        self.placed: list[tuple[str, InlinePicture]] = []

    def place(self, picture: InlinePicture) -> int:
        """Record ``picture`` as printed in the current part; return its number, from 1."""
        self.placed.append((self.part, picture))
        return len(self.placed)


#: The pictures of the document being rendered (set by CompiledTemplate.render).
placed_pictures: ContextVar[PlacedPictures | None] = ContextVar("placed_pictures", default=None)
#: The folder a picture named by a row is looked for in (set by CompiledTemplate.render).
picture_folder: ContextVar[Path | None] = ContextVar("picture_folder", default=None)


def picture(
    value: Any,
    width: str | float | None = None,
    height: str | float | None = None,
    over_text: bool = False,
) -> InlinePicture:
    """Return the picture ``value`` names, to print at the size given, its aspect ratio kept.

    ``value`` is a picture the data names (``pictures:`` in a data file) or a file name from a
    table's row. With ``width`` or ``height`` (``"3cm"``, ``"25mm"``, ``"1in"``, ``"72pt"`` or
    a number of centimetres) the other follows the picture's shape; with both, it fits inside
    them; with neither, it has its own size, but no wider than an A4 text block. Raise
    PictureError (a ValueError) naming the file when the picture cannot be used.
    """
    image = _image_of(value)
    width_cm = _length("width", width)
    height_cm = _length("height", height)
    ratio = image.height_px / image.width_px
    if width_cm is None and height_cm is None:
        width_cm = min(image.natural_size_cm[0], DEFAULT_MAX_WIDTH_CM)
    if width_cm is not None and height_cm is not None:
        width_cm, height_cm = min(width_cm, height_cm / ratio), min(height_cm, width_cm * ratio)
    elif width_cm is not None:
        height_cm = width_cm * ratio
    else:
        assert height_cm is not None
        width_cm = height_cm / ratio
    return InlinePicture(
        image.name,
        width_cm,
        height_cm,
        lambda: image.data,
        extension=image.extension,
        content_type=image.content_type,
        over_text=bool(over_text),
    )


class DataPicture(ImageFile):
    """A picture the data names (``pictures:``), which a template may also print bare."""

    def __html__(self) -> str:
        # -- {{ seal }}, as docxtpl prints an InlineImage: at its own size, as picture() --
        return picture(self).__html__()


def data_picture(image: ImageFile) -> DataPicture:
    """Return ``image`` as a picture of the data, which prints as itself."""
    return DataPicture(
        image.name,
        image.data,
        image.extension,
        image.content_type,
        image.width_px,
        image.height_px,
        image.dpi,
    )


def _image_of(value: Any) -> ImageFile:
    if isinstance(value, ImageFile):
        return value
    if isinstance(value, str):
        folder = picture_folder.get()
        if folder is None:
            raise PictureError(PICTURE_VALUE(value=repr(value)))
        return read_image(value.strip(), folder)
    raise PictureError(PICTURE_VALUE(value=repr(value)))


def _length(argument: str, value: str | float | None) -> float | None:
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= 1000:
        return float(value)
    match = _LENGTH.fullmatch(value) if isinstance(value, str) else None
    if match is None or float(match.group(1)) <= 0:
        raise PictureError(PICTURE_SIZE(argument=argument, value=value))
    return float(match.group(1)) * UNITS_CM[match.group(2) or "cm"]


def relationship_id(number: int) -> str:
    """Return the relationship id of the ``number``-th picture."""
    return f"rIdReportgenPicture{number}"


def media_name(number: int, extension: str = "png") -> str:
    """Return the part name of the ``number``-th picture."""
    return f"word/media/reportgen-picture{number}.{extension}"


#: The drawings made, by number and picture: a batch stamps the same seal on every document.
_DRAWINGS: dict[tuple[Any, ...], str] = {}
_KEPT_DRAWINGS = 64


def drawing_run(number: int, picture: InlinePicture) -> str:
    """Return the XML that ends the current run, holds the picture, and opens a new run."""
    key = (
        number,
        picture.over_text,
        picture.width_cm,
        picture.height_cm,
        picture.extension,
        picture.description,
    )
    made = _DRAWINGS.get(key)
    if made is None:
        made = _drawing_run(number, picture)
        if len(_DRAWINGS) >= _KEPT_DRAWINGS:
            _DRAWINGS.clear()
        _DRAWINGS[key] = made
    return made


def _drawing_run(number: int, picture: InlinePicture) -> str:
    width, height = _extent(picture)
    graphic = _graphic(number, picture)
    extent = f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
    namespace = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    if picture.over_text:
        # -- centred on the tag's place: half its width left of it, half its height above --
        drawing = (
            f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
            f'relativeHeight="{251_659_264 + number}" behindDoc="0" locked="0" layoutInCell="1" '
            f'allowOverlap="1" {namespace}><wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="character"><wp:posOffset>{-width // 2}</wp:posOffset>'
            "</wp:positionH>"
            f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{-height // 2}</wp:posOffset>'
            f"</wp:positionV>{extent}<wp:wrapNone/>{graphic}</wp:anchor>"
        )
    else:
        drawing = (
            f'<wp:inline distT="0" distB="0" distL="0" distR="0" {namespace}>'
            f"{extent}{graphic}</wp:inline>"
        )
    return f'</w:t></w:r><w:r><w:drawing>{drawing}</w:drawing></w:r><w:r><w:t xml:space="preserve">'


def anchored_drawing_run(number: int, picture: InlinePicture, *, x: int, y: int) -> str:
    """Return a run holding ``picture`` in front of the text, not wrapped around it.

    It stands ``x`` EMU from the left margin and ``y`` EMU below the top of its paragraph
    (above it when negative), as a seal is pressed on a 公文's signature.
    """
    width, height = _extent(picture)
    return (
        '<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0"'
        f' relativeHeight="{251_659_264 + number}" behindDoc="0" locked="1" layoutInCell="1"'
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
    description = f'"{xml_attribute(picture.description)}"'
    return (
        f'<wp:docPr id="{FIRST_DRAWING_ID + number - 1}" name="{name}" descr={description}/>'
        "<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="
        '"http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/>'
        "</wp:cNvGraphicFramePr>"
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:nvPicPr><pic:cNvPr id="0" name="reportgen-picture{number}.{picture.extension}"/>'
        "<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>"
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
    gain one relationship a picture, and the content types learn each kind of picture.
    """
    changed: dict[str, bytes] = {}
    relationships: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for number, (part, picture) in enumerate(placed.placed, start=1):
        media = media_name(number, picture.extension)
        changed[media] = picture.data
        kinds[picture.extension] = picture.content_type
        folder, _, file = part.rpartition("/")
        # -- a target is relative to the part's folder; elsewhere, absolute in the package --
        target = media.removeprefix("word/") if folder == "word" else "/" + media
        relationships.setdefault(f"{folder}/_rels/{file}.rels", []).append(
            f'<Relationship Id="{relationship_id(number)}" Type="{_IMAGE_RELATIONSHIP}" '
            f'Target="{target}"/>'
        )
    for rels_name, added in relationships.items():
        changed[rels_name] = add_relationships(parts.get(rels_name, b""), added)
    types = content_types_with(parts["[Content_Types].xml"], kinds)
    if types is not None:
        changed["[Content_Types].xml"] = types
    return changed


def add_relationships(rels: bytes, added: list[str]) -> bytes:
    """Return a part's relationships (``rels``, perhaps empty) with the ``added`` ones."""
    xml = rels.decode("utf-8") or (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'
    )
    xml = re.sub(r"<Relationships([^>]*)/>", r"<Relationships\1></Relationships>", xml)
    xml = xml.replace("</Relationships>", "".join(added) + "</Relationships>")
    return xml.encode("utf-8")


def content_types_with(types: bytes, kinds: Mapping[str, str]) -> bytes | None:
    """Return ``[Content_Types].xml`` knowing each extension in ``kinds``, or None if it does."""
    xml = types.decode("utf-8")
    changed = False
    for extension, content_type in sorted(kinds.items()):
        if re.search(rf'<Default Extension="{extension}"', xml, re.IGNORECASE):
            continue
        opening = re.search(r"<Types[^>]*>", xml)
        if opening is None:
            continue  # -- not a package's content types: left for the checks to find --
        default = f'<Default Extension="{extension}" ContentType="{content_type}"/>'
        xml = xml[: opening.end()] + default + xml[opening.end() :]
        changed = True
    return xml.encode("utf-8") if changed else None
