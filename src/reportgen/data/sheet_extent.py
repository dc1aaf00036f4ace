"""Measure a workbook before it is opened: its size, its XML unpacked, the grid of its sheets.

calamine keeps a sheet as a dense grid, from its first cell to its last, allocated at once:
a 5 KB .xlsx naming cells A1 and XFD1048576 asks for 550 GB, and the process aborts without
an exception to catch. So the sheets of an .xlsx or .ods (zip files of XML) are scanned
first, as a stream, for the rows and columns their cells name, and a workbook whose grid
would pass :data:`MAX_CELLS` is refused with a problem instead. An .xls (and WPS's .et) holds
at most 65,536 rows of 256 columns, which stays within the bound; only its file size is.

The scan is a regular expression over the unpacked bytes, counted as they come, so a zip
bomb is stopped at :data:`MAX_UNPACKED` bytes; the numbers are upper bounds (a cell without
its reference counts as one more column), never less than what calamine will allocate.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from reportgen.data.messages import NOT_A_WORKBOOK, UNREADABLE_FILE, WORKBOOK_TOO_LARGE
from reportgen.errors import DataError, Problem
from reportgen.messages import os_reason

#: The most cells one sheet's grid may span: a million rows of 20 columns, about 640 MB in
#: calamine (32 bytes a cell).
MAX_CELLS = 20_000_000
#: The largest workbook file read.
MAX_FILE_BYTES = 256 * 1024 * 1024
#: The most bytes its parts may unpack to, all together.
MAX_UNPACKED = 1024 * 1024 * 1024
#: The longest stretch of XML without a ``>`` accepted (a tag longer than this is no sheet's).
_MAX_TAG = 1024 * 1024

_CHUNK = 1 << 20

# -- .xlsx: <row r="7"> and <c r="C7">, with or without a namespace prefix; a reference
# (letters and digits in an attribute r) is a cell's, wherever it stands --
_XLSX_REFERENCE = re.compile(rb"\br=[\"']([A-Z]{1,4})(\d{1,9})[\"']")
_XLSX_CELL_TAGS = (b"<c ", b"<c>", b"<c/", b":c ", b":c>", b":c/")
_XLSX_ROW_NUMBER = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\s[^>]*?\br=[\"'](\d{1,9})[\"']")

# -- .ods: tables, rows and cells, with how often each is repeated --
_ODS_TAG = re.compile(
    rb"<(/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*?)(/?)>"
)
_ODS_ROWS_REPEATED = re.compile(rb"table:number-rows-repeated=[\"'](\d{1,12})[\"']")
_ODS_COLUMNS_REPEATED = re.compile(rb"table:number-columns-repeated=[\"'](\d{1,12})[\"']")


@dataclass
class _Grid:
    """The rows and columns a sheet's cells reach, as far as the scan has come."""

    rows: int = 0
    columns: int = 0

    @property
    def cells(self) -> int:
        return self.rows * self.columns


def check_extent(path: Path) -> None:
    """Raise DataError if the workbook at ``path`` is too large to open safely."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise DataError([Problem(UNREADABLE_FILE(reason=os_reason(err)), file=path)]) from err
    if size > MAX_FILE_BYTES:
        raise _too_large(path, f"{size:,} bytes")
    if not zipfile.is_zipfile(path):
        return  # -- .xls or .et: the format itself bounds the grid --
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(path, archive)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as err:
        raise DataError([Problem(NOT_A_WORKBOOK(detail=str(err)), file=path)]) from err


def _check_archive(path: Path, archive: zipfile.ZipFile) -> None:
    budget = [MAX_UNPACKED]
    for info in archive.infolist():
        if not info.filename.lower().endswith(".xml"):
            continue
        # -- both scans on every part: calamine tells the format by content, not by names --
        scans = (_XlsxScan(), _OdsScan())
        with archive.open(info) as stream:
            for chunk in _chunks(path, stream, budget):
                for scan in scans:
                    scan.feed(chunk)
        for scan in scans:
            grid = scan.grid()
            if grid.cells > MAX_CELLS:
                raise _too_large(path, f"{grid.rows:,} × {grid.columns:,}")


def _chunks(path: Path, stream: IO[bytes], budget: list[int]) -> Iterator[bytes]:
    """Yield the part's XML in pieces that each end at a ``>``, counting every byte unpacked."""
    carry = b""
    while chunk := stream.read(_CHUNK):
        budget[0] -= len(chunk)
        if budget[0] < 0:
            raise _too_large(path, f"more than {MAX_UNPACKED:,} bytes unpacked")
        buffer = carry + chunk
        cut = buffer.rfind(b">") + 1
        carry = buffer[cut:]
        if len(carry) > _MAX_TAG:
            raise DataError([Problem(NOT_A_WORKBOOK(detail="a tag without end"), file=path)])
        yield buffer[:cut]
    yield carry


class _XlsxScan:
    """The rows and columns the ``<row r>`` and ``<c r>`` of an .xlsx sheet reach."""

    def __init__(self) -> None:
        self.last_row = self.last_column = 0
        self.rows_unnumbered = self.cells_unnamed = 0

    def feed(self, chunk: bytes) -> None:
        # -- two regular expressions and counts of bytes: the scan costs less than calamine --
        references = _XLSX_REFERENCE.findall(chunk)
        numbers = _XLSX_ROW_NUMBER.findall(chunk)
        if numbers:
            self.last_row = max(self.last_row, int(max(numbers, key=int)))
        if references:
            letters = {letters for letters, _ in references}
            self.last_column = max(self.last_column, *map(column_number, letters))
            self.last_row = max(self.last_row, max(int(row) for _, row in references))
        rows = chunk.count(b"<row") + chunk.count(b":row")
        cells = sum(chunk.count(tag) for tag in _XLSX_CELL_TAGS)
        self.rows_unnumbered += max(0, rows - len(numbers))
        # -- a cell without its reference comes after the one before: one column more --
        self.cells_unnamed += max(0, cells - len(references))

    def grid(self) -> _Grid:
        return _Grid(self.last_row + self.rows_unnumbered, self.last_column + self.cells_unnamed)


class _OdsScan:
    """The largest grid of any table in an .ods's content.xml, repeated rows and cells counted."""

    def __init__(self) -> None:
        self.largest = _Grid()
        self.table = _Grid()
        self.row = 0  # -- rows of the current table passed so far --
        self.row_repeat = self.column = self.row_end = 0

    def feed(self, chunk: bytes) -> None:
        for match in _ODS_TAG.finditer(chunk):
            closing, kind, attributes, empty = match.groups()
            if kind == b"table":
                if not closing:
                    self.table, self.row = _Grid(), 0
            elif kind == b"table-row":
                self._row(bool(closing), bool(empty), attributes)
            elif not closing:
                self.column += _repeat(_ODS_COLUMNS_REPEATED, attributes)
                if not empty or b"office:value-type" in attributes:
                    self.row_end = self.column  # -- a cell with something in it --

    def _row(self, closing: bool, empty: bool, attributes: bytes) -> None:
        if not closing:
            self.row_repeat = _repeat(_ODS_ROWS_REPEATED, attributes)
            self.column = self.row_end = 0
            if not empty:
                return
        if self.row_end:  # -- a row with something in it, repeated: the table reaches it --
            self.table.rows = self.row + self.row_repeat
            self.table.columns = max(self.table.columns, self.row_end)
            if self.table.cells > self.largest.cells:
                self.largest = _Grid(self.table.rows, self.table.columns)
        self.row += self.row_repeat
        self.row_end = 0

    def grid(self) -> _Grid:
        return self.largest


def _repeat(pattern: re.Pattern[bytes], attributes: bytes) -> int:
    found = pattern.search(attributes)
    return int(found.group(1)) if found else 1


def column_number(letters: bytes) -> int:
    """Return the number of the column named ``letters``, from 1: b"A" → 1, b"AA" → 27."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def _too_large(path: Path, size: str) -> DataError:
    return DataError([Problem(WORKBOOK_TOO_LARGE(size=size, limit=f"{MAX_CELLS:,}"), file=path)])
