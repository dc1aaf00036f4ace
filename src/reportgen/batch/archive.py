"""Write a batch's documents into one .zip as they come, in constant memory.

Each document is stored, not deflated again (a .docx is already deflated), with the
same fixed timestamp and permissions, in the table's order: the same rows give the
same archive, byte for byte. The archive is written under a temporary name beside its
place and moved there when complete. The central directory, which a zip keeps at its
end, is gathered in an unnamed temporary file rather than in memory, so a million
documents take no more memory than ten; past 65,535 documents or 4 GB the archive
uses the zip format's 64-bit extension (ZIP64), which every current unzip tool reads.
"""

from __future__ import annotations

import os
import shutil
import struct
import tempfile
import zlib
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from reportgen.errors import OutputError
from reportgen.files import TEMPORARY_SUFFIX, temporary_prefix
from reportgen.messages import CANNOT_WRITE_FILE, CANNOT_WRITE_HERE, os_reason

# -- the zip records (see the zip format's APPNOTE.TXT, 4.3 and 4.4) --
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_CENTRAL_HEADER = struct.Struct("<4s4B4HL2L5H2L")
_ZIP64_OFFSET = struct.Struct("<2HQ")  # the extra field holding a 64-bit offset
_ZIP64_END = struct.Struct("<4sQ2H2L4Q")
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_END = struct.Struct("<4s4H2LH")
_STORED = 0
_VERSION = 20  # zip 2.0
_VERSION_ZIP64 = 45  # zip 4.5: the 64-bit extension
_UNIX = 3
_PERMISSIONS = 0o644 << 16  # rw-r--r--, as documents written to a folder get
_UTF8_NAME = 0x800
_DOS_TIME = 0  # 00:00:00
_DOS_DATE = 1 << 5 | 1  # 1980-01-01, the earliest a zip can hold, as in each .docx
#: Past these, the archive's counts and offsets need the 64-bit extension.
ZIP32_ENTRIES = 0xFFFF
ZIP32_SIZE = 0xFFFFFFFF
#: The bytes gathered before they are written to the archive's file.
_BUFFER = 1 << 20
#: What a count or an offset reads in a 32-bit field when the 64-bit extension holds it.
_MANY, _FAR = 0xFFFF, 0xFFFFFFFF


class ArchiveWriter:
    """A .zip at ``path`` being written, one document at a time; a context manager.

    Leaving the ``with`` block normally finishes the archive and moves it into place;
    leaving it with an exception removes what was written.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0
        self._offset = 0
        self._directory_size = 0
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(
                dir=path.parent, prefix=temporary_prefix(path), suffix=TEMPORARY_SUFFIX
            )
        except OSError as err:
            raise OutputError(CANNOT_WRITE_HERE(reason=os_reason(err)), path=path.parent) from err
        self._temporary = Path(temporary)
        # -- a buffer of many documents: one write to the file for dozens of them, not each --
        self._stream: BinaryIO = os.fdopen(handle, "wb", buffering=_BUFFER)
        # Unnamed: gone with the process, whatever stops it.
        self._directory: BinaryIO = tempfile.TemporaryFile(dir=path.parent)  # noqa: SIM115

    def add(self, name: str, data: bytes) -> None:
        """Add the document ``data`` as ``name``."""
        # -- a Chinese name is UTF-8, flagged so; an ASCII one is the same bytes, unflagged --
        encoded, flags = name.encode("utf-8"), 0 if name.isascii() else _UTF8_NAME
        # What the local header and the central record both say: flags, method, time,
        # date, CRC, compressed and full size (the same: stored), length of the name.
        entry = (flags, _STORED, _DOS_TIME, _DOS_DATE, zlib.crc32(data), len(data), len(data))
        header = _LOCAL_HEADER.pack(b"PK\x03\x04", _VERSION, 0, *entry, len(encoded), 0)
        zip64 = self._offset >= ZIP32_SIZE
        extra = _ZIP64_OFFSET.pack(1, 8, self._offset) if zip64 else b""
        version = _VERSION_ZIP64 if zip64 else _VERSION
        offset = _FAR if zip64 else self._offset
        record = _CENTRAL_HEADER.pack(
            b"PK\x01\x02", version, _UNIX, version, 0, *entry, len(encoded), len(extra), 0, 0, 0,
            _PERMISSIONS, offset,
        )  # fmt: skip
        try:
            self._stream.write(header + encoded)
            self._stream.write(data)
            self._directory.write(record + encoded + extra)
        except OSError as err:
            raise OutputError(CANNOT_WRITE_FILE(reason=os_reason(err)), path=self.path) from err
        self._offset += len(header) + len(encoded) + len(data)
        self._directory_size += len(record) + len(encoded) + len(extra)
        self.count += 1

    def _finish(self) -> None:
        """Append the central directory and the end records; move the archive into place."""
        start = self._offset
        self._directory.seek(0)
        shutil.copyfileobj(self._directory, self._stream)
        size = self._directory_size
        zip64 = self.count >= ZIP32_ENTRIES or start >= ZIP32_SIZE or size >= ZIP32_SIZE
        if zip64:
            end64 = start + size
            self._stream.write(
                _ZIP64_END.pack(
                    b"PK\x06\x06",
                    _ZIP64_END.size - 12,
                    _VERSION_ZIP64,
                    _VERSION_ZIP64,
                    0,
                    0,
                    self.count,
                    self.count,
                    size,
                    start,
                )
            )
            self._stream.write(_ZIP64_LOCATOR.pack(b"PK\x06\x07", 0, end64, 1))
        entries = _MANY if zip64 else self.count
        self._stream.write(
            _END.pack(
                b"PK\x05\x06",
                0,
                0,
                entries,
                entries,
                _FAR if zip64 else size,
                _FAR if zip64 else start,
                0,
            )
        )
        self._stream.close()
        os.chmod(self._temporary, 0o644)
        os.replace(self._temporary, self.path)

    def __enter__(self) -> ArchiveWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if kind is None:
                try:
                    self._finish()
                except OSError as err:
                    message = CANNOT_WRITE_FILE(reason=os_reason(err))
                    raise OutputError(message, path=self.path) from err
        finally:
            self._stream.close()
            self._directory.close()
            self._temporary.unlink(missing_ok=True)
