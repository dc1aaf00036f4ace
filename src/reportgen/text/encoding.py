"""Read a text file in whichever encoding a Chinese office wrote it: the one place that decodes.

Data files and CSV tables come from Notepad, WPS and Excel on Chinese Windows, which write
UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark (Notepad's
"Unicode") or GBK (Notepad's "ANSI", and every CSV Excel saves there). Each is read: UTF-8
first, since it is the norm and a GBK file is almost never valid UTF-8; then GB18030, the
superset of GBK, when the bytes decode cleanly as such, with a note saying so. What is
neither says how to save it as UTF-8 in each of those programs. Word and Excel files given
where text belongs are named as such.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from reportgen.errors import DataError, Problem
from reportgen.i18n import Message
from reportgen.messages import CANNOT_READ_FILE, FILE_NOT_FOUND, os_reason
from reportgen.text.messages import (
    NOT_TEXT_ENCODING,
    OLE_NOT_TEXT,
    READ_AS_GB18030,
    UTF16_DAMAGED,
    ZIP_NOT_TEXT,
)

#: The encodings :func:`decode_text` may report.
UTF8, UTF16, UTF32, GB18030 = "utf-8", "utf-16", "utf-32", "gb18030"

#: The byte order marks, longest first: UTF-32's little-endian mark starts as UTF-16's does.
_BOMS = (
    (codecs.BOM_UTF32_LE, UTF32),
    (codecs.BOM_UTF32_BE, UTF32),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, UTF16),
    (codecs.BOM_UTF16_BE, UTF16),
)
_ZIP = b"PK\x03\x04"  # .docx, .xlsx, .wps of today: zip archives
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, old .wps
#: What GBK text never holds once decoded: control characters other than tab and line ends,
#: and the private-use area, where GB18030 puts the byte pairs that GBK leaves unassigned.
_NOT_GBK_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")


@dataclass(frozen=True)
class DecodedText:
    """A file's text, the encoding it was read in, and a note when that was not UTF-8."""

    text: str
    encoding: str
    #: Said once to the user: the file was read as GBK, and how to save it as UTF-8.
    note: Message | None = None


class UndecodableText(ValueError):
    """Raised when bytes are no text reportgen can read; ``message`` says what to do."""

    def __init__(self, message: Message, line: int | None = None) -> None:
        super().__init__(message.text("en"))
        self.message = message
        self.line = line


def decode_text(data: bytes) -> DecodedText:
    """Return ``data`` decoded; raise UndecodableText naming the line where reading failed."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(
                    data.decode(encoding), UTF8 if encoding == "utf-8-sig" else encoding
                )
            except UnicodeDecodeError as err:
                if encoding == "utf-8-sig":
                    break  # -- a UTF-8 mark on bytes that are not: try GBK below --
                line = _line_at(data, err.start, encoding)
                raise UndecodableText(UTF16_DAMAGED(line=line), line) from err
    if data.startswith(_ZIP):
        raise UndecodableText(ZIP_NOT_TEXT())
    if data.startswith(_OLE):
        raise UndecodableText(OLE_NOT_TEXT())
    try:
        return DecodedText(data.decode("utf-8-sig"), UTF8)
    except UnicodeDecodeError as err:
        failure = err
    try:
        text = data.decode(GB18030)
    except UnicodeDecodeError:
        text = None
    if text is not None and not _NOT_GBK_TEXT.search(text):
        return DecodedText(text, GB18030, READ_AS_GB18030())
    line = data.count(b"\n", 0, failure.start) + 1
    raise UndecodableText(NOT_TEXT_ENCODING(line=line), line) from failure


def read_text(path: Path) -> DecodedText:
    """Return the text of the file at ``path``; raise DataError saying why it cannot be read."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise DataError([Problem(FILE_NOT_FOUND(), file=path)]) from err
    except OSError as err:
        raise DataError([Problem(CANNOT_READ_FILE(reason=os_reason(err)), file=path)]) from err
    try:
        return decode_text(data)
    except UndecodableText as err:
        raise DataError([Problem(err.message, file=path, line=err.line)]) from err


def _line_at(data: bytes, index: int, encoding: str) -> int:
    """Return the line of byte ``index`` in text of a wide ``encoding``."""
    return data[:index].decode(encoding, errors="replace").count("\n") + 1
