"""The cells of an .xlsx sheet holding a formula with no value: never computed by Excel.

Excel saves each formula with the value it last computed. A workbook written by a program
(a database's export, a script with openpyxl) often holds the formula alone: Excel and WPS
compute it when the file is opened, so the clerk sees a value, but a reader of the file finds
none, and the cell reads as empty. The cells are found, so that an empty value from one says
to open the file in Excel and save it, which stores the values.

Only .xlsx (and .xlsm) are read so. The sheet's XML is first looked through for a formula
(``<f``) as bytes; only a sheet that has one is parsed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO

from lxml import etree

from reportgen.data.sheet_extent import column_number
from reportgen.data.sheet_formats import read_sheet_part, xml_elements

#: The cells found at most: enough to name every cell of any table a batch reads.
MAX_CELLS = 100_000
_FORMULA = (b"<f>", b"<f ", b":f>", b":f ")


def uncomputed_cells(path: Path, sheet: str) -> frozenset[tuple[int, int]]:
    """Return ``(row, column)`` of each formula cell of ``sheet`` with no value (column from 0)."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return frozenset()

    def read(workbook: zipfile.ZipFile, part: str) -> frozenset[tuple[int, int]]:
        with workbook.open(part) as stream:
            return frozenset(_uncomputed(stream))

    # -- a part missing or damaged: the cells as calamine reads them --
    return read_sheet_part(path, sheet, read, frozenset(), mentions=_FORMULA)


def _uncomputed(stream: IO[bytes]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for _, element in xml_elements(stream, ("end",)):
        if etree.QName(element).localname != "c":
            continue
        place = _place(element.get("r", ""))
        if place is not None and _formula_without_value(element):
            found.append(place)
            if len(found) >= MAX_CELLS:
                break
        element.clear()
    return found


def _formula_without_value(cell: etree._Element) -> bool:
    """Return whether ``cell`` holds a formula and no value (an empty text is Excel's value)."""
    children = {etree.QName(child).localname: child for child in cell}
    if "f" not in children:
        return False
    value = children.get("v")
    return value is None or (not value.text and cell.get("t") != "str")


def _place(reference: str) -> tuple[int, int] | None:
    letters = reference.rstrip("0123456789")
    digits = reference[len(letters) :]
    if not letters.isascii() or not letters.isalpha() or not digits.isdigit():
        return None
    return int(digits), column_number(letters.upper().encode("ascii")) - 1
