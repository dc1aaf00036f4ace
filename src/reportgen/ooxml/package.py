"""Read and write .docx packages (zip files) reproducibly and atomically.

A .docx is a zip of XML parts. reportgen writes the zip itself rather than
through python-docx so that the same input gives byte-identical output: parts
keep the template's order, every entry gets the same fixed timestamp, and only
the parts that rendering changed are deflated again; the others are copied as
they are, which is also the fastest way to write a document.

:mod:`zipfile` cannot copy an entry's compressed bytes into a new archive: it
would deflate every part of every document again, which is most of the time a
document takes. So the archive is written here with ``struct``, entry for entry
as ``zipfile`` writes it (a test compares the bytes), from parts deflated once.
"""

from __future__ import annotations

import functools
import io
import os
import struct
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path

from reportgen.errors import NotFoundError, OutputError, WorkspaceError
from reportgen.i18n import Message
from reportgen.messages import FILE_UNREADABLE, os_reason
from reportgen.ooxml import bounds
from reportgen.ooxml.messages import (
    DOCUMENT_TOO_LARGE,
    EMPTY_TEMPLATE,
    NO_DOCUMENT_PART,
    NOT_A_ZIP,
    OLD_WORD_FILE,
    OLD_WPS_FILE,
    OPEN_DOCUMENT_FILE,
    PART_TOO_LARGE,
    TEMPLATE_FILE_MISSING,
    ZIP_DAMAGED,
    ZIP_NOT_ZIP,
)

#: The zip timestamp of every entry: the earliest a zip file can hold, as Word does.
FIXED_DATE_TIME = (1980, 1, 1, 0, 0, 0)

# -- the zip records, as zipfile packs them (see the zip format's APPNOTE.TXT, 4.3) --
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_CENTRAL_HEADER = struct.Struct("<4s4B4HL2L5H2L")
_END_RECORD = struct.Struct("<4s4H2LH")
_OFFSET = struct.Struct("<L")  # the last field of a central record
_VERSION = 20  # zip 2.0: deflate
_UNIX = 3  # the system that made the entry, so that the permissions below are read as Unix ones
_PERMISSIONS = 0o600 << 16  # rw for the owner: what zipfile gives an entry without a mode
_UTF8_NAME = 0x800  # flag: the entry's name is UTF-8, not the IBM PC code page
_DOS_TIME = FIXED_DATE_TIME[3] << 11 | FIXED_DATE_TIME[4] << 5 | FIXED_DATE_TIME[5] // 2
_DOS_DATE = (FIXED_DATE_TIME[0] - 1980) << 9 | FIXED_DATE_TIME[1] << 5 | FIXED_DATE_TIME[2]
#: How many added or replaced parts a package keeps deflated for the next document.
_RECENT_PARTS = 32
#: The largest part and archive written: zipfile needs its 64-bit extension a little above.
_ZIP32_LIMIT = 2_000_000_000


class _Entry:
    """One part deflated: what its local header, its data and its central record need.

    Both records are packed once for each entry: a batch copies the entry of a part that
    does not change into every document.
    """

    # -- a plain class, not a dataclass: making one at import costs a render ~0.5 ms --

    def __init__(self, name: bytes, flags: int, crc: int, size: int, deflated: bytes) -> None:
        self.name = name
        self.flags = flags
        self.crc = crc
        self.size = size
        self.deflated = deflated

    @classmethod
    def deflate(cls, name: str, blob: bytes) -> _Entry:
        """Return ``blob`` deflated as zipfile deflates it (default level, raw stream)."""
        if len(blob) > _ZIP32_LIMIT:
            raise OutputError(PART_TOO_LARGE(part=name, size=len(blob)))
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        deflated = compressor.compress(blob) + compressor.flush()
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), _UTF8_NAME
        return cls(encoded, flags, zlib.crc32(blob), len(blob), deflated)

    @functools.cached_property
    def header(self) -> bytes:
        """Return the header that precedes the entry's data."""
        header = _LOCAL_HEADER.pack(
            b"PK\x03\x04",
            _VERSION,  # needed to extract
            0,  # (the version's high byte)
            self.flags,
            zipfile.ZIP_DEFLATED,
            _DOS_TIME,
            _DOS_DATE,
            self.crc,
            len(self.deflated),
            self.size,
            len(self.name),
            0,  # no extra field
        )
        return header + self.name

    def central_record(self, offset: int) -> bytes:
        """Return the entry's record in the central directory, for data at ``offset``."""
        return self._central_start + _OFFSET.pack(offset) + self.name

    @functools.cached_property
    def _central_start(self) -> bytes:
        """Return the entry's central record up to the offset of its data."""
        record = _CENTRAL_HEADER.pack(
            b"PK\x01\x02",
            _VERSION,  # made by
            _UNIX,
            _VERSION,  # needed to extract
            0,  # (the version's high byte)
            self.flags,
            zipfile.ZIP_DEFLATED,
            _DOS_TIME,
            _DOS_DATE,
            self.crc,
            len(self.deflated),
            self.size,
            len(self.name),
            0,  # no extra field
            0,  # no comment
            0,  # disk number
            0,  # internal attributes
            _PERMISSIONS,
            0,  # the offset, which central_record adds
        )
        return record[: -_OFFSET.size]


def _zip(entries: list[_Entry]) -> bytes:
    """Return the zip archive holding ``entries`` in their order."""
    chunks: list[bytes] = []
    offsets: list[int] = []
    position = 0
    for entry in entries:
        offsets.append(position)
        header = entry.header
        chunks += (header, entry.deflated)
        position += len(header) + len(entry.deflated)
    directory = b"".join(
        entry.central_record(offset) for entry, offset in zip(entries, offsets, strict=True)
    )
    if position + len(directory) > _ZIP32_LIMIT:
        raise OutputError(DOCUMENT_TOO_LARGE(size=position))
    end = _END_RECORD.pack(
        b"PK\x05\x06", 0, 0, len(entries), len(entries), len(directory), position, 0
    )
    return b"".join((*chunks, directory, end))


def read_template(path: Path) -> bytes:
    """Return the bytes of the template at ``path``; raise WorkspaceError if it cannot be read."""
    try:
        with path.open("rb") as stream:
            blob = stream.read(bounds.MAX_FILE_BYTES + 1)
            size = max(len(blob), os.fstat(stream.fileno()).st_size)
    except FileNotFoundError as err:
        raise NotFoundError(TEMPLATE_FILE_MISSING(), path=path) from err
    except OSError as err:
        raise WorkspaceError(FILE_UNREADABLE(reason=os_reason(err)), path=path) from err
    bounds.check_file_size(path, size)
    return blob


#: How every zip archive, and so every .docx, starts.
_ZIP_SIGNATURE = b"PK\x03\x04"
#: How the files of Word before 2007 (.doc) and of WPS (.wps) start: OLE compound files.
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _not_a_docx(path: Path, blob: bytes) -> Message:
    """Return what a file that is no zip archive is, in the clerk's terms, and what to do."""
    if not blob:
        return EMPTY_TEMPLATE()
    if blob.startswith(_OLE_SIGNATURE):
        return OLD_WPS_FILE() if path.suffix.lower() == ".wps" else OLD_WORD_FILE()
    return NOT_A_ZIP(reason=ZIP_NOT_ZIP())


class Package:
    """The parts of a .docx read into memory once, in their zip order."""

    #: Whether the file named its document otherwise (word/document2.xml): see document_part.
    document_renamed = False

    def __init__(self, path: Path, parts: dict[str, bytes], infos: dict[str, zipfile.ZipInfo]):
        self.path = path
        self.parts = parts
        self._infos = infos
        # Parts deflated once, on first use: unchanged parts are then only copied.
        self._deflated: dict[str, _Entry] = {}
        # Parts a render adds or replaces, deflated, by name and bytes: a batch stamps the
        # same seal and core properties on every document, deflated once.
        self._recent: dict[tuple[str, bytes], _Entry] = {}

    @classmethod
    def read(cls, path: Path) -> Package:
        """Read every part of the .docx at ``path``; raise WorkspaceError if it is not one."""
        return cls.from_bytes(path, read_template(path))

    @classmethod
    def from_bytes(cls, path: Path, blob: bytes) -> Package:
        """Return the package in ``blob``, read from ``path``; WorkspaceError if not a .docx."""
        bounds.check_file_size(path, len(blob))
        if not blob.startswith(_ZIP_SIGNATURE):
            raise WorkspaceError(_not_a_docx(path, blob), path=path)
        bounds.check_entry_count(path, blob)
        try:
            with zipfile.ZipFile(io.BytesIO(blob)) as archive:
                bounds.check_entries(path, archive.infolist())  # -- before inflating any --
                infos = {info.filename: info for info in archive.infolist()}
                parts = {name: archive.read(name) for name in infos}
        except WorkspaceError:
            raise
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as err:
            # zlib.error: a part whose compressed bytes are damaged
            raise WorkspaceError(NOT_A_ZIP(reason=ZIP_DAMAGED()), path=path) from err
        renamed = None
        if "word/document.xml" not in parts:
            # -- Word for the web names it word/document2.xml: given the usual name --
            from reportgen.ooxml.document_part import document_part_renamed

            renamed = document_part_renamed(parts)
            if renamed is None:
                odt = parts.get("mimetype", b"").startswith(b"application/vnd.oasis.opendocument")
                raise WorkspaceError((OPEN_DOCUMENT_FILE if odt else NO_DOCUMENT_PART)(), path=path)
            infos = {new: info for new, info in zip(renamed, infos.values(), strict=True)}
            parts = renamed
        for name, part in parts.items():
            bounds.check_part(path, name, part)
        package = cls(path, parts, infos)
        package.document_renamed = renamed is not None
        return package

    def to_bytes(self, replaced: Mapping[str, bytes]) -> bytes:
        """Return the package as zip bytes, with ``replaced`` parts swapped in.

        Parts keep the template's order; parts the template lacks come last.
        """
        entries = []
        for name, original in self.parts.items():
            if name in replaced:
                entries.append(self._replacement(name, replaced[name]))
                continue
            entry = self._deflated.get(name)
            if entry is None:
                entry = self._deflated[name] = _Entry.deflate(name, original)
            entries.append(entry)
        entries += [
            self._replacement(name, blob)
            for name, blob in replaced.items()
            if name not in self.parts
        ]
        return _zip(entries)

    def _replacement(self, name: str, blob: bytes) -> _Entry:
        """Return ``blob`` deflated as part ``name``, from the last few such parts if there."""
        key = (name, blob)
        entry = self._recent.pop(key, None)
        if entry is None:
            entry = _Entry.deflate(name, blob)
            if len(self._recent) >= _RECENT_PARTS:
                del self._recent[next(iter(self._recent))]  # the least recently used
        self._recent[key] = entry  # now the most recently used
        return entry
