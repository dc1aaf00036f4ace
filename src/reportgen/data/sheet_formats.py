"""Which columns of an .xlsx sheet show their numbers as percentages, and to how many places.

Excel keeps 35.1% as the number 0.351 with the format ``0.0%``; calamine reads the number and
not the format, so a 完成率 column printed 0.351 in every certificate. The format of a cell is
in the sheet's XML (its style ``s``) and the workbook's styles (the style's ``numFmtId`` and,
for a format of the workbook's own, its code). The first rows of the sheet are read for it, as
a stream; a column whose numbers there are all shown as percentages is a column of them.

Only .xlsx (and .xlsm) are read so; an .xls, .et or .ods gives its numbers as they are. The
workbook was measured before (:mod:`reportgen.data.sheet_extent`), and its XML is read
without entities or network access.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TypeVar

from lxml import etree

from reportgen.data.sheet_extent import column_number

#: The rows read for the columns' formats: a table's first rows show how it is kept.
SAMPLED_ROWS = 50
#: Excel's own percentage formats, by numFmtId: 0% and 0.00%.
_BUILT_IN_PERCENT = {9: 0, 10: 2}
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CELL_REFERENCE = re.compile(r"([A-Z]{1,3})\d+$")


class SheetPercent(float):
    """A number a sheet shows as a percentage: it prints as shown, and computes as the number."""

    places: int

    def __new__(cls, value: float, places: int) -> SheetPercent:
        number = super().__new__(cls, value)
        number.places = places
        return number

    def __str__(self) -> str:
        # -- rounded half up, as the spreadsheet shows it (12.5% at 0% is 13%), from the
        #    float's own digits (0.351 is 35.1%, not 35.099999…%) --
        from decimal import ROUND_HALF_UP, Decimal

        hundredths = Decimal(repr(float(self))).scaleb(2)
        shown = hundredths.quantize(Decimal(1).scaleb(-self.places), rounding=ROUND_HALF_UP)
        return f"{shown:f}%"

    def __reduce__(self) -> tuple[type[SheetPercent], tuple[float, int]]:
        return (SheetPercent, (float(self), self.places))


def percent_columns(path: Path, sheet: str) -> dict[int, int]:
    """Return the columns (from 0) of ``sheet`` shown as percentages, each with its places.

    A workbook that is not an .xlsx, or whose parts cannot be followed, has none.
    """

    def read(workbook: zipfile.ZipFile, part: str) -> dict[int, int]:
        percent_styles = _percent_styles(workbook)
        if not percent_styles:
            return {}
        with workbook.open(part) as stream:
            return _columns(stream, percent_styles)

    # -- a part missing or damaged, an encrypted or odd entry: the numbers as they are --
    return read_sheet_part(path, sheet, read, {})


T = TypeVar("T")

#: What reading a workbook's parts can raise when they are missing, damaged or odd.
_UNREADABLE = (
    OSError, KeyError, ValueError, EOFError, RuntimeError, NotImplementedError,
    zipfile.BadZipFile, zlib.error, etree.LxmlError,
)  # fmt: skip


def read_sheet_part(
    path: Path,
    sheet: str,
    read: Callable[[zipfile.ZipFile, str], T],
    default: T,
    mentions: tuple[bytes, ...] = (),
) -> T:
    """Return ``read(workbook, part)`` for the part holding ``sheet`` of the .xlsx at ``path``.

    ``default`` when the sheet has no part, its part holds none of ``mentions`` (when given),
    or the workbook's parts cannot be read: what calamine reads stands as it is.
    """
    try:
        with zipfile.ZipFile(path) as workbook:
            part = sheet_part(workbook, sheet)
            if part is None or mentions and not part_mentions(workbook, part, mentions):
                return default
            return read(workbook, part)
    except _UNREADABLE:
        return default


def _percent_styles(workbook: zipfile.ZipFile) -> dict[int, int]:
    """Return the cell styles (by index) whose number format is a percentage, with places."""
    codes: dict[int, str] = {}
    percent: dict[int, int] = {}
    style = 0
    with workbook.open("xl/styles.xml") as stream:
        in_cell_formats = False
        for event, element in xml_elements(stream, ("start", "end")):
            name = etree.QName(element).localname
            if event == "start":
                in_cell_formats |= name == "cellXfs"
                continue
            if name == "numFmt":
                codes[int(element.get("numFmtId", "-1"))] = element.get("formatCode", "")
            elif name == "xf" and in_cell_formats:
                places = _percent_places(int(element.get("numFmtId", "0")), codes)
                if places is not None:
                    percent[style] = places
                style += 1
            elif name == "cellXfs":
                break
            element.clear()
    return percent


def _percent_places(format_id: int, codes: dict[int, str]) -> int | None:
    """Return the decimal places of a percentage format, or None if it is no percentage."""
    if format_id in _BUILT_IN_PERCENT:
        return _BUILT_IN_PERCENT[format_id]
    code = codes.get(format_id)
    if code is None:
        return None
    # -- the format of positive numbers, without its quoted text and [colour] --
    shown = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code.split(";")[0])
    if "%" not in shown:
        return None
    decimals = re.search(r"\.(0+)", shown)
    return len(decimals.group(1)) if decimals else 0


def sheet_part(workbook: zipfile.ZipFile, sheet: str) -> str | None:
    """Return the name of the part holding the sheet named ``sheet``."""
    identifier = None
    with workbook.open("xl/workbook.xml") as stream:
        for _, element in xml_elements(stream, ("end",)):
            if etree.QName(element).localname == "sheet" and element.get("name") == sheet:
                identifier = element.get(_RELATIONSHIP)
                break
    if identifier is None:
        return None
    with workbook.open("xl/_rels/workbook.xml.rels") as stream:
        for _, element in xml_elements(stream, ("end",)):
            if element.get("Id") == identifier:
                target = element.get("Target", "")
                return (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join("xl", target))
                )
    return None


def _columns(stream: IO[bytes], percent_styles: dict[int, int]) -> dict[int, int]:
    """Return the columns whose numbers, in the first rows, are all shown as percentages."""
    shown: dict[int, int] = {}
    plain: set[int] = set()
    rows = 0
    for _, element in xml_elements(stream, ("end",)):
        name = etree.QName(element).localname
        if name == "row":
            rows += 1
            element.clear()
            if rows >= SAMPLED_ROWS:
                break
        elif name == "c" and element.get("t", "n") == "n" and _holds_value(element):
            column = _column(element.get("r", ""))
            if column is None:
                continue
            places = percent_styles.get(int(element.get("s", "0")))
            if places is None:
                plain.add(column)
            else:
                shown[column] = places
    return {column: places for column, places in shown.items() if column not in plain}


def _holds_value(cell: etree._Element) -> bool:
    return cell.find(f"{_MAIN}v") is not None


def _column(reference: str) -> int | None:
    found = _CELL_REFERENCE.match(reference)
    return None if found is None else column_number(found.group(1).encode("ascii")) - 1


def part_mentions(workbook: zipfile.ZipFile, part: str, marks: tuple[bytes, ...]) -> bool:
    """Return whether the bytes of ``part`` hold any of ``marks``: cheaper than parsing it."""
    longest = max(len(mark) for mark in marks)
    tail = b""
    with workbook.open(part) as stream:
        while chunk := stream.read(_MENTIONS_CHUNK):
            piece = tail + chunk
            if any(mark in piece for mark in marks):
                return True
            tail = piece[-longest:]
    return False


#: How much of a part :func:`part_mentions` reads at once.
_MENTIONS_CHUNK = 1 << 20


def xml_elements(
    stream: IO[bytes], events: tuple[str, ...]
) -> Iterator[tuple[str, etree._Element]]:
    """Yield the elements of an untrusted XML part as they are read: no entities, no network."""
    yield from etree.iterparse(
        stream, events=events, resolve_entities=False, no_network=True, huge_tree=False
    )
