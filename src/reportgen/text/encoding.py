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
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportgen.errors import DataError, Problem
from reportgen.i18n import Message
from reportgen.messages import FILE_NOT_FOUND, FILE_UNREADABLE, os_reason
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
class TextEncoding:
    """How a file's bytes are read: the codec to open it with, and a note when not UTF-8."""

    codec: str  # a name open() and bytes.decode() take: utf-8-sig, utf-16, utf-32, gb18030
    #: Said once to the user: the file was read as GBK, and how to save it as UTF-8.
    note: Message | None = None

    @property
    def name(self) -> str:
        """Return the encoding's name: utf-8, utf-16, utf-32 or gb18030."""
        return UTF8 if self.codec == "utf-8-sig" else self.codec


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


def sniff_encoding(stream: BinaryIO) -> TextEncoding:
    """Return the encoding of the text in ``stream``, read once through in chunks.

    Raise UndecodableText naming the line where reading failed. The stream is left at its
    end; memory stays bounded whatever its size.
    """
    head = stream.read(len(_OLE))
    for bom, codec in _BOMS:
        if head.startswith(bom) and codec != "utf-8-sig":
            line = _failing_line(stream, head, codec)
            if line is not None:
                raise UndecodableText(UTF16_DAMAGED(line=line), line)
            return TextEncoding(codec)
    if head.startswith(_ZIP):
        raise UndecodableText(ZIP_NOT_TEXT())
    if head.startswith(_OLE):
        raise UndecodableText(OLE_NOT_TEXT())
    line = _failing_line(stream, head, "utf-8-sig")
    if line is None:
        return TextEncoding("utf-8-sig")
    stream.seek(0)
    if _failing_line(stream, b"", GB18030, _NOT_GBK_TEXT) is None:
        return TextEncoding(GB18030, READ_AS_GB18030())
    raise UndecodableText(NOT_TEXT_ENCODING(line=line), line)


def decode_text(data: bytes) -> DecodedText:
    """Return ``data`` decoded; raise UndecodableText naming the line where reading failed."""
    encoding = sniff_encoding(io.BytesIO(data))
    return DecodedText(data.decode(encoding.codec), encoding.name, encoding.note)


def read_text(path: Path) -> DecodedText:
    """Return the text of the file at ``path``; raise DataError saying why it cannot be read."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise DataError([Problem(FILE_NOT_FOUND(), file=path)]) from err
    except OSError as err:
        raise DataError([Problem(FILE_UNREADABLE(reason=os_reason(err)), file=path)]) from err
    try:
        return decode_text(data)
    except UndecodableText as err:
        raise DataError([Problem(err.message, file=path, line=err.line)]) from err


def text_encoding_of(path: Path) -> TextEncoding:
    """Return the encoding of the file at ``path``, read in chunks; DataError if it has none."""
    try:
        with path.open("rb") as stream:
            return sniff_encoding(stream)
    except FileNotFoundError as err:
        raise DataError([Problem(FILE_NOT_FOUND(), file=path)]) from err
    except OSError as err:
        raise DataError([Problem(FILE_UNREADABLE(reason=os_reason(err)), file=path)]) from err
    except UndecodableText as err:
        raise DataError([Problem(err.message, file=path, line=err.line)]) from err


#: How much of a file is decoded at a time.
_CHUNK = 1 << 20


def _failing_line(
    stream: BinaryIO, head: bytes, codec: str, refused: re.Pattern[str] | None = None
) -> int | None:
    """Return the line where ``head`` and the rest of ``stream`` stop decoding, or None.

    ``refused`` names characters that make the text wrong though it decodes. Lines are
    counted in the decoded text, so that wide encodings count them right too.
    """
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    lines = 0
    chunk, final = head, False
    while not final:
        more = stream.read(_CHUNK)
        final = not more
        try:
            text = decoder.decode(chunk, final=final)
        except UnicodeDecodeError as err:
            pending = len(decoder.getstate()[0])
            before = chunk[: max(0, err.start - pending)]
            return lines + before.decode(codec, errors="replace").count("\n") + 1
        if refused is not None and (found := refused.search(text)):
            return lines + text.count("\n", 0, found.start()) + 1
        lines += text.count("\n")
        chunk = more
    return None
