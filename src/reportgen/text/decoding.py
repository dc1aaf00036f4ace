"""Read text files as Chinese Windows writes them: UTF-8 (with or without a BOM) or GB18030.

Excel and WPS on Chinese Windows save "CSV (逗号分隔)" in the system's code page, GBK, and
"CSV UTF-8" with a byte order mark; Notepad and editors write UTF-8 without one. GB18030 is
the superset of GBK (and of GB2312) that covers all of Unicode, so one rule reads them all:
a BOM names the encoding; text that is valid UTF-8 is UTF-8 (GBK text of any length almost
never is); anything else is read as GB18030.

Files too large to hold are read as a stream of lines (:class:`TextLines`): the encoding is
chosen from their first :data:`SNIFF_BYTES`, and a line further on that does not decode is
reported when it is reached.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

#: Control characters that XML 1.0, and so a Word document, cannot hold (tab, line feed and
#: carriage return it can): pasted from other programs, invisible in an editor.
FORBIDDEN_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

#: How much of a file is looked at to choose its encoding.
SNIFF_BYTES = 1 << 16

UTF8 = "utf-8-sig"  # -- reads a leading BOM as nothing, and text without one as UTF-8 --
GB18030 = "gb18030"
_BOMS = ((codecs.BOM_UTF8, UTF8),)


def text_encoding(head: bytes, *, complete: bool = False) -> str:
    """Return the encoding of text that starts with ``head`` (all of it when ``complete``).

    A multi-byte character cut at the end of ``head`` does not count against UTF-8 unless
    ``head`` is the whole text.
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=complete)
    except UnicodeDecodeError:
        return GB18030
    return UTF8


def decode_text(data: bytes) -> str:
    """Return ``data`` decoded by :func:`text_encoding`; raise UnicodeDecodeError if it cannot be.

    A BOM is dropped; line endings are kept as they are.
    """
    return data.decode(text_encoding(data, complete=True))


def read_text(path: Path) -> str:
    """Return the text of the file at ``path``, decoded as :func:`decode_text` does.

    Raise OSError if it cannot be read, UnicodeDecodeError if it is no text reportgen reads.
    """
    return decode_text(path.read_bytes())


class TextLines:
    """The lines of a text file in the encoding its start shows, decoded one at a time.

    A line keeps its line break, as the csv module wants. Iterating raises
    UnicodeDecodeError at the first line that does not decode, after the lines before it.
    """

    def __init__(self, path: Path) -> None:
        """Open the file at ``path``; raise OSError if it cannot be."""
        self._stream = path.open("rb")
        try:
            head = self._stream.read(SNIFF_BYTES)
            self._stream.seek(0)
        except BaseException:
            self._stream.close()
            raise
        self.encoding = text_encoding(head, complete=len(head) < SNIFF_BYTES)

    def __iter__(self) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(self.encoding)()
        # -- both UTF-8 and GB18030 keep byte 0x0A for the line feed alone: split, then decode --
        for raw in self._stream:
            yield decoder.decode(raw)
        rest = decoder.decode(b"", final=True)
        if rest:
            yield rest

    def close(self) -> None:
        """Close the file."""
        self._stream.close()
