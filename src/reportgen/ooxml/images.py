"""Read a picture file named by the data (a photo, a seal) as untrusted input, within bounds.

A picture is a PNG or a JPEG beside the data. Before it goes into a document its size on
disk and its pixel count are bounded, its kind is told from its bytes (not its name), and it
is decoded once whole, so a truncated or damaged file is found here, against the row or
field that names it, and not by Word when the document is opened.

A PNG goes into the document as it is. A JPEG from a phone or a camera says in its EXIF which
way is up, and Word and LibreOffice do not all read it: a JPEG turned so goes in with its
pixels turned upright. A JPEG's EXIF and XMP (where and when it was taken, the camera, often
the GPS position) stay out of a document that is sent beyond the office; the picture's pixels
are not touched for that. The same file gives the same document.
"""

from __future__ import annotations

import functools
import io
import warnings
from pathlib import Path
from typing import Any

from reportgen.i18n import Message
from reportgen.messages import os_reason
from reportgen.ooxml.messages import (
    PICTURE_CORRUPT,
    PICTURE_KIND,
    PICTURE_MISSING,
    PICTURE_NAME,
    PICTURE_OUTSIDE,
    PICTURE_PIXELS,
    PICTURE_TOO_LARGE,
    PICTURE_UNREADABLE,
)

#: The largest picture file read: a photo from a phone is 3–8 MB.
MAX_PICTURE_BYTES = 20 * 1024 * 1024
#: The most pixels a picture may have (a 48-megapixel photo; decoding takes 4 bytes a pixel).
MAX_PICTURE_PIXELS = 48_000_000
#: What the kinds of picture read are called in a package, and their content types.
FORMATS = {"PNG": ("png", "image/png"), "JPEG": ("jpeg", "image/jpeg")}
#: The resolution a picture is taken to have when its file names none.
DEFAULT_DPI = 96.0


class PictureError(ValueError):
    """A picture file that cannot be used, and why, in words for the clerk."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


class ImageFile:
    """A picture file read and checked: its bytes, its kind and its size in pixels."""

    def __init__(
        self,
        name: str,  # as the data names it
        data: bytes,
        extension: str,  # png or jpeg
        content_type: str,
        width_px: int,
        height_px: int,
        dpi: tuple[float, float],
    ) -> None:
        self.name = name
        self.data = data
        self.extension = extension
        self.content_type = content_type
        self.width_px = width_px
        self.height_px = height_px
        self.dpi = dpi

    def __str__(self) -> str:
        return self.name

    @property
    def natural_size_cm(self) -> tuple[float, float]:
        """Return the size the picture has at its own resolution, in centimetres."""
        return (self.width_px / self.dpi[0] * 2.54, self.height_px / self.dpi[1] * 2.54)


def resolve_picture(name: str, folder: Path) -> Path:
    """Return the path of the picture ``name`` in ``folder``; PictureError if it is not there.

    The name is a file's name, without a folder: a picture lies beside the data naming it.
    """
    if not name:
        raise PictureError(PICTURE_NAME(name=name))
    if "/" in name or "\\" in name or name in (".", ".."):
        raise PictureError(PICTURE_NAME(name=name))
    path = folder / name
    try:
        inside = path.resolve().parent == folder.resolve()
    except OSError as err:
        raise PictureError(PICTURE_UNREADABLE(name=name, reason=os_reason(err))) from err
    if not inside:
        raise PictureError(PICTURE_OUTSIDE(name=name))  # -- a link pointing elsewhere --
    if not path.is_file():
        raise PictureError(PICTURE_MISSING(name=name, folder=folder))
    return path


def read_image(name: str, folder: Path) -> ImageFile:
    """Return the picture ``name`` beside the data in ``folder``, read and checked.

    Raise PictureError if it is missing, too large, not a PNG or JPEG, or damaged.
    """
    path = resolve_picture(name, folder)
    try:
        stat = path.stat()
        if stat.st_size > MAX_PICTURE_BYTES:
            raise PictureError(
                PICTURE_TOO_LARGE(name=name, size=_megabytes(stat.st_size), limit="20 MB")
            )
        data = path.read_bytes()
    except OSError as err:
        raise PictureError(PICTURE_UNREADABLE(name=name, reason=os_reason(err))) from err
    return _checked(name, data, stat.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _checked(name: str, data: bytes, stamp: int) -> ImageFile:
    # -- the same seal on every certificate of a batch is decoded once --
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=list(FORMATS)) as image:
                width, height = image.size
                if width * height > MAX_PICTURE_PIXELS:
                    raise PictureError(
                        PICTURE_PIXELS(name=name, width=width, height=height, limit="48")
                    )
                kind = image.format or ""
                dpi = image.info.get("dpi")
                image.load()  # -- decoded whole: a truncated or damaged file fails here --
                if kind == "JPEG":
                    data, width, height = _upright_jpeg(image, data, dpi)
    except UnidentifiedImageError as err:
        raise PictureError(PICTURE_KIND(name=name)) from err
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Warning) as err:
        if isinstance(err, PictureError):
            raise
        raise PictureError(PICTURE_CORRUPT(name=name, detail=str(err))) from err
    extension, content_type = FORMATS[kind]
    resolution = _resolution(dpi)
    return ImageFile(name, data, extension, content_type, width, height, resolution)


#: EXIF's orientation tag: 1 is upright; 2 to 8 are the mirrorings and quarter turns.
_ORIENTATION = 0x0112
#: The JPEG quality a turned photo is saved at: no loss a printed page shows.
_TURNED_QUALITY = 95


def _upright_jpeg(image: Any, data: bytes, dpi: object) -> tuple[bytes, int, int]:
    """Return a JPEG's bytes upright and without EXIF or XMP, and its width and height."""
    from PIL import ImageOps

    if image.getexif().get(_ORIENTATION, 1) in range(2, 9):
        # -- turned by its EXIF: saved anew with its pixels turned (and no EXIF) --
        upright = ImageOps.exif_transpose(image)
        options: dict[str, Any] = {"quality": _TURNED_QUALITY}
        if isinstance(dpi, tuple):
            options["dpi"] = dpi
        if image.info.get("icc_profile"):
            options["icc_profile"] = image.info["icc_profile"]
        turned = io.BytesIO()
        upright.save(turned, format="JPEG", **options)
        return turned.getvalue(), upright.width, upright.height
    return without_metadata(data), image.width, image.height


#: The APP1 segments that hold a photo's metadata: EXIF, and Adobe's XMP.
_METADATA_PREFIXES = (b"Exif\0\0", b"http://ns.adobe.com/xap/1.0/\0")
_SOS, _APP1 = 0xDA, 0xE1
#: Markers that stand alone, with no length after them: TEM and RST0-7.
_LONE_MARKERS = frozenset({0x01, *range(0xD0, 0xD8)})


def without_metadata(jpeg: bytes) -> bytes:
    """Return ``jpeg`` without its EXIF and XMP segments, every other byte as it was.

    The segments before the image data are walked; a file whose segments do not add up is
    returned as it is (Pillow decoded it, so it is a picture; it is only not cut).
    """
    if not jpeg.startswith(b"\xff\xd8"):
        return jpeg
    kept = [jpeg[:2]]
    at = 2
    while at + 4 <= len(jpeg):
        if jpeg[at] != 0xFF:
            return jpeg
        marker = jpeg[at + 1]
        if marker == 0xFF:  # -- a fill byte before a marker --
            kept.append(jpeg[at : at + 1])
            at += 1
        elif marker == _SOS:  # -- the image data: the rest is kept whole --
            kept.append(jpeg[at:])
            return b"".join(kept)
        elif marker in _LONE_MARKERS:
            kept.append(jpeg[at : at + 2])
            at += 2
        else:
            end = at + 2 + int.from_bytes(jpeg[at + 2 : at + 4], "big")
            if end > len(jpeg) or end < at + 4:
                return jpeg
            if not (marker == _APP1 and jpeg[at + 4 : end].startswith(_METADATA_PREFIXES)):
                kept.append(jpeg[at:end])
            at = end
    return jpeg


def _resolution(dpi: object) -> tuple[float, float]:
    if isinstance(dpi, tuple) and len(dpi) == 2:
        try:
            x, y = float(dpi[0]), float(dpi[1])
        except (TypeError, ValueError):
            return (DEFAULT_DPI, DEFAULT_DPI)
        if 10 <= x <= 10_000 and 10 <= y <= 10_000:
            return (x, y)
    return (DEFAULT_DPI, DEFAULT_DPI)


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"
