"""Bounds on a .docx read as a template: its size, its parts, what they inflate to.

A .docx is a zip, and a zip of a few megabytes can inflate to gigabytes (a "zip bomb").
Every bound here is checked on what the archive declares before any part is inflated;
:mod:`zipfile` then refuses to inflate a part beyond the size its entry declares.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

from reportgen.errors import WorkspaceError
from reportgen.ooxml.messages import (
    TEMPLATE_HAS_DTD,
    TEMPLATE_PART_TOO_LARGE,
    TEMPLATE_TOO_LARGE,
    TEMPLATE_TOO_LARGE_INFLATED,
    TEMPLATE_TOO_MANY_PARTS,
)

#: The largest template file read: Word's own templates are well under a megabyte.
MAX_FILE_BYTES = 100_000_000
#: The most parts a template may hold (a document with pictures has a few dozen).
MAX_PARTS = 1_000
#: The most its parts may take together once inflated.
MAX_INFLATED_BYTES = 300_000_000
#: The most one XML part (the document, a header, the styles…) may take once inflated.
MAX_XML_PART_BYTES = 20_000_000

_END_RECORD = struct.Struct("<4s4H2LH")
_END_SIGNATURE = b"PK\x05\x06"
#: The end record sits within the last 64 KiB (its comment) and its own 22 bytes.
_END_SEARCH = 65_535 + _END_RECORD.size


def check_file_size(path: Path, size: int) -> None:
    """Raise WorkspaceError if a template of ``size`` bytes is too large to read."""
    if size > MAX_FILE_BYTES:
        message = TEMPLATE_TOO_LARGE(size=f"{size:,}", limit=f"{MAX_FILE_BYTES:,}")
        raise WorkspaceError(message, path=path)


def check_entry_count(path: Path, blob: bytes) -> None:
    """Raise WorkspaceError if the zip's end record counts more parts than a template may hold.

    Read before zipfile reads the central directory, which would take memory for each.
    """
    start = blob.rfind(_END_SIGNATURE, max(0, len(blob) - _END_SEARCH))
    if start < 0 or start + _END_RECORD.size > len(blob):
        return  # -- not a zip: zipfile says so --
    count = _END_RECORD.unpack_from(blob, start)[4]
    if count > MAX_PARTS:
        raise WorkspaceError(TEMPLATE_TOO_MANY_PARTS(count=count, limit=MAX_PARTS), path=path)


def check_entries(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Raise WorkspaceError if the parts would inflate beyond the bounds."""
    if len(infos) > MAX_PARTS:
        raise WorkspaceError(TEMPLATE_TOO_MANY_PARTS(count=len(infos), limit=MAX_PARTS), path=path)
    for info in infos:
        if _is_xml(info.filename) and info.file_size > MAX_XML_PART_BYTES:
            message = TEMPLATE_PART_TOO_LARGE(
                part=info.filename, size=f"{info.file_size:,}", limit=f"{MAX_XML_PART_BYTES:,}"
            )
            raise WorkspaceError(message, path=path)
    total = sum(info.file_size for info in infos)
    if total > MAX_INFLATED_BYTES:
        message = TEMPLATE_TOO_LARGE_INFLATED(size=f"{total:,}", limit=f"{MAX_INFLATED_BYTES:,}")
        raise WorkspaceError(message, path=path)


def check_part(path: Path, name: str, blob: bytes) -> None:
    """Raise WorkspaceError if XML part ``name`` declares a DTD, which a .docx may not hold.

    A DTD's entities can expand a few bytes into gigabytes, or name files on the disk, in
    whatever reads the part afterwards (lxml here, LibreOffice for a PDF).
    """
    if _is_xml(name) and (b"<!DOCTYPE" in blob or b"<!ENTITY" in blob):
        raise WorkspaceError(TEMPLATE_HAS_DTD(part=name), path=path)


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels"))
