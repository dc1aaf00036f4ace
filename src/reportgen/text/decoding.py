"""Read text files as Chinese Windows writes them: the one place reportgen decodes text.

Data files and CSV tables come from Notepad, WPS and Excel on Chinese Windows. They write
UTF-8 (with or without a byte order mark; "CSV UTF-8" has one), UTF-16 with a byte order
mark (Notepad's "Unicode"), or GBK, the system's code page (Notepad's "ANSI", and every
"CSV (逗号分隔)" Excel and WPS save there). One rule reads them all: a byte order mark names
the encoding; text that is valid UTF-8 is UTF-8 (GBK text of any length almost never is);
text that decodes cleanly as GB18030, the superset of GBK that covers all of Unicode, is
GB18030, with a note saying so and how to save the file as UTF-8. Anything else is refused
with the line where reading failed and the steps to save the file as UTF-8 in Notepad, WPS
and Excel; a Word or Excel file given where text belongs is named as such.

Files too large to hold are read as a stream of lines (:class:`TextLines`): the encoding is
chosen from their first :data:`SNIFF_BYTES`, and a line further on that does not decode is
reported when it is reached.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from reportgen.errors import DataError, Problem
from reportgen.i18n import Message
from reportgen.messages import FILE_NOT_FOUND, FILE_UNREADABLE, os_reason
from reportgen.patterns import LazyPattern
from reportgen.text.messages import (
    NOT_TEXT_ENCODING,
    OLE_NOT_TEXT,
    READ_AS_GB18030,
    UTF16_DAMAGED,
    ZIP_NOT_TEXT,
)

#: Control characters that XML 1.0, and so a Word document, cannot hold (tab, line feed and
#: carriage return it can): pasted from other programs, invisible in an editor.
FORBIDDEN_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

#: How much of a file is looked at to choose its encoding.
SNIFF_BYTES = 1 << 16

#: The encodings :class:`TextEncoding` names.
UTF8, UTF16, UTF32, GB18030 = "utf-8", "utf-16", "utf-32", "gb18030"

#: The byte order marks, longest first: UTF-32's little-endian mark starts as UTF-16's does.
_BOMS = (
    (codecs.BOM_UTF32_LE, UTF32),
    (codecs.BOM_UTF32_BE, UTF32),
    (codecs.BOM_UTF16_LE, UTF16),
    (codecs.BOM_UTF16_BE, UTF16),
)
#: Each byte order mark with the codec that writes what follows it.
_MARKED = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ZIP = b"PK\x03\x04"  # .docx, .xlsx and the .wps of today: zip archives
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls and the old .wps
#: What GBK text never holds once decoded: control characters other than tab and line ends,
#: and the private-use area, where GB18030 puts the byte pairs that GBK leaves unassigned.
_NOT_GBK_TEXT = LazyPattern("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")


class TextEncoding(NamedTuple):
    """How a file's bytes are read: the codec to open it with, and a note when not UTF-8."""

    codec: str  # a name open() and bytes.decode() take: utf-8-sig, utf-16, utf-32, gb18030
    #: Said once to the user: the file was read as GBK, and how to save it as UTF-8.
    note: Message | None = None

    @property
    def name(self) -> str:
        """Return the encoding's name: utf-8, utf-16, utf-32 or gb18030."""
        return UTF8 if self.codec == "utf-8-sig" else self.codec


class DecodedText(NamedTuple):
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


def text_encoding(head: bytes, *, complete: bool = False) -> TextEncoding:
    """Return the encoding of text that starts with ``head`` (all of it when ``complete``).

    A character cut at the end of ``head`` does not count against an encoding unless
    ``head`` is the whole text. Raise UndecodableText, naming the line, for text in no
    encoding reportgen reads, and for a Word or Excel file.
    """
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return TextEncoding(codec)
    if head.startswith(_ZIP):
        raise UndecodableText(ZIP_NOT_TEXT())
    if head.startswith(_OLE):
        raise UndecodableText(OLE_NOT_TEXT())
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
    except UnicodeDecodeError as err:
        failure = err
    else:
        return TextEncoding("utf-8-sig")
    try:
        text = codecs.getincrementaldecoder(GB18030)().decode(head, final=complete)
    except UnicodeDecodeError:
        text = None
    if text is not None and not _NOT_GBK_TEXT.search(text):
        return TextEncoding(GB18030, READ_AS_GB18030())
    line = head.count(b"\n", 0, failure.start) + 1
    raise UndecodableText(NOT_TEXT_ENCODING(line=line), line)


def decode_text(data: bytes) -> DecodedText:
    """Return ``data`` decoded; raise UndecodableText naming the line where reading failed.

    A byte order mark is dropped; line endings are kept as they are.
    """
    encoding = text_encoding(data, complete=True)
    try:
        text = data.decode(encoding.codec)
    except UnicodeDecodeError as err:  # -- a wide encoding named by its mark, damaged --
        line = data[: err.start].decode(encoding.codec, errors="replace").count("\n") + 1
        raise UndecodableText(UTF16_DAMAGED(line=line), line) from err
    return DecodedText(text, encoding.name, encoding.note)


def encode_like(text: str, original: bytes) -> bytes:
    """Return ``text`` encoded as the file ``original`` is: its encoding and byte order mark.

    A file Notepad saved as "ANSI" (GBK) stays GBK when a value in it changes, so that the
    program that wrote it reads it as before. Raise UndecodableText if ``original`` is no text.
    """
    for bom, codec in _MARKED:
        if original.startswith(bom):
            return bom + text.encode(codec)
    encoding = text_encoding(original, complete=True)
    return text.encode(GB18030 if encoding.name == GB18030 else "utf-8")


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


#: The longest line of a text file read as lines, in bytes: a CSV line of a thousand full
#: columns is under a tenth of it. A file without line breaks (a dump, a binary file renamed
#: .csv) would otherwise be read whole as one line.
MAX_LINE_BYTES = 16 * 1024 * 1024


class LineTooLong(ValueError):
    """Raised when a line of a file read as lines is longer than :data:`MAX_LINE_BYTES`."""


class TextLines:
    """The lines of a text file in the encoding its start shows, decoded one at a time.

    A line keeps its line break, as the csv module wants. Opening raises OSError if the
    file cannot be read and UndecodableText if its start is no text; iterating raises
    UnicodeDecodeError at the first line that does not decode, after the lines before it,
    and LineTooLong at a line longer than :data:`MAX_LINE_BYTES`.
    """

    def __init__(self, path: Path) -> None:
        """Open the file at ``path`` and choose its encoding from its start."""
        self._stream = path.open("rb")
        try:
            head = self._stream.read(SNIFF_BYTES)
            self._stream.seek(0)
            self.encoding = text_encoding(head, complete=len(head) < SNIFF_BYTES)
        except BaseException:
            self._stream.close()
            raise
        # -- a wide encoding: a byte 0x0A is no line feed; newline="" keeps each break --
        wide = self.encoding.codec in (UTF16, UTF32)
        self._text = (
            io.TextIOWrapper(self._stream, encoding=self.encoding.codec, newline="")
            if wide
            else None
        )

    def __iter__(self) -> Iterator[str]:
        if self._text is not None:
            # -- two or four bytes a character: the bound counted in characters --
            while text := self._text.readline(MAX_LINE_BYTES // 2 + 1):
                if len(text) > MAX_LINE_BYTES // 2:
                    raise LineTooLong(MAX_LINE_BYTES)
                yield text
            return
        decoder = codecs.getincrementaldecoder(self.encoding.codec)()
        # -- UTF-8 and GB18030 keep byte 0x0A for the line feed alone: split, then decode,
        #    so that a line that does not decode fails when it is reached --
        while raw := self._stream.readline(MAX_LINE_BYTES + 1):
            if len(raw) > MAX_LINE_BYTES:
                raise LineTooLong(MAX_LINE_BYTES)
            yield decoder.decode(raw)
        rest = decoder.decode(b"", final=True)
        if rest:
            yield rest

    def close(self) -> None:
        """Close the file."""
        (self._text or self._stream).close()
