"""The rows of an .xlsx sheet hidden in Excel: filtered out (筛选) or hidden by hand.

A clerk filters a 名单 to the rows wanted and expects a document for what the sheet shows;
calamine reads every row, shown or not. The rows are not left out (nothing is dropped
unsaid), but the table says which rows are hidden, in a warning.

Only .xlsx (and .xlsm) are read so. The sheet's XML is first looked through for the word
``hidden`` as bytes, which costs the unpacking alone; only a sheet that has some is parsed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO

from lxml import etree

from reportgen.data.sheet_formats import read_sheet_part, xml_elements

_HIDDEN = (b'hidden="1"', b'hidden="true"', b"hidden='1'", b"hidden='true'")


def hidden_rows(path: Path, sheet: str) -> list[int]:
    """Return the numbers of the rows of ``sheet`` hidden in Excel that hold a value."""

    def read(workbook: zipfile.ZipFile, part: str) -> list[int]:
        with workbook.open(part) as stream:
            return _hidden_with_values(stream)

    # -- a part missing or damaged: the rows as calamine reads them --
    return read_sheet_part(path, sheet, read, [], mentions=_HIDDEN)


def _hidden_with_values(stream: IO[bytes]) -> list[int]:
    hidden = []
    for _, element in xml_elements(stream, ("end",)):
        if etree.QName(element).localname != "row":
            continue
        if element.get("hidden") in ("1", "true") and _holds_a_value(element):
            hidden.append(int(element.get("r", "0")))
        element.clear()
    return hidden


def _holds_a_value(row: etree._Element) -> bool:
    return any(
        etree.QName(child).localname in ("v", "is") and "".join(child.itertext()).strip()
        for cell in row
        for child in cell
    )
