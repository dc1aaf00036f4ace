"""Write the sheet a statistics office fills in for a report's new period, and point the data at it.

``reportgen fill-sheet REPORT`` writes ``指标填报.xlsx`` into the report's folder: a sheet for
each data file with figures still to enter (``value: ~``, as ``new-period`` leaves them), a row
a figure: its label, its unit, a column for each year of the period (or ``合计`` for a figure
given for the whole period), and the last period's value beside (``上期``). The cells to fill
accept only numbers of 0 or more, as Excel and WPS check them while they are typed. Each data
file then names its sheet under ``figures_sheet:``, so the filled workbook is read back as it is
(:mod:`reportgen.data.sheet_figures`): saving it beside the data is all that is left to do.

The workbook is written with XlsxWriter, with fixed properties, so the same data gives the same
bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.commands.messages import FILL_SHEET_NOTHING
from reportgen.data.outline import read_outline
from reportgen.data.report import REPORT_FILE
from reportgen.data.sheet_figures import PREVIOUS_HEADINGS, TOTAL_HEADINGS, UNIT_HEADINGS
from reportgen.errors import DataError
from reportgen.files import write_atomically
from reportgen.workspace import Workspace

#: The workbook written, beside the report's data.
WORKBOOK = "指标填报.xlsx"
#: A sheet's name may have at most 31 characters (Excel's rule).
_SHEET_NAME_LIMIT = 31
_INDICATOR = "指标"


@dataclass(frozen=True)
class SheetRow:
    """One figure to fill: its name, what the sheet shows, and its previous value."""

    name: str
    label: str
    unit: str
    by_year: bool  # -- filled a year a cell, or as one total --
    previous: float | int | None


@dataclass(frozen=True)
class FillSheet:
    """What was written: the workbook, and the data files now pointing at it, with their sheets."""

    workbook: Path
    sheets: dict[str, list[SheetRow]]
    files: list[Path]


def write_fill_sheet(workspace: Workspace, report: str) -> FillSheet:
    """Write the fill-in workbook for report ``report``; return what was written.

    Raise DataError when no figure of the report awaits its value.
    """
    directory = workspace.report_dir(report)
    outline = read_outline(directory)
    if outline.source is None:
        raise DataError(outline.problems)
    period = outline.period
    if period is None:
        raise DataError([outline.problem(FILL_SHEET_NOTHING(report=report))])
    files = [directory / REPORT_FILE] + [directory / f"{part}.yaml" for part in outline.parts]
    sheets: dict[str, list[SheetRow]] = {}
    sources: dict[str, Path] = {}
    for path in files:
        rows = _figures_to_fill(path)
        if rows:
            name = path.stem[:_SHEET_NAME_LIMIT]
            sheets[name] = rows
            sources[name] = path
    if not sheets:
        raise DataError([outline.problem(FILL_SHEET_NOTHING(report=report))])
    years = list(range(period[0], period[1] + 1))
    workbook = directory / WORKBOOK
    write_atomically(workbook, workbook_bytes(sheets, years))
    pointed = [path for name, path in sources.items() if _point_at(path, name)]
    return FillSheet(workbook, sheets, pointed)


def _figures_to_fill(path: Path) -> list[SheetRow]:
    """Return a row for each figure of the data file at ``path`` that awaits its value."""
    from reportgen.data.yaml_source import load_yaml

    if not path.is_file():
        return []
    data = load_yaml(path).data
    figures = data.get("figures") if isinstance(data, dict) else None
    rows = []
    for name, node in _figure_mappings(figures if isinstance(figures, dict) else {}):
        by_year = node.get("by_year")
        awaits_years = isinstance(by_year, dict) and all(v is None for v in by_year.values())
        awaits_value = "value" in node and node["value"] is None and by_year is None
        if not (awaits_years or awaits_value):
            continue
        previous = node.get("previous")
        rows.append(
            SheetRow(
                str(name),
                str(node.get("label") or name),
                str(node.get("unit") or ""),
                awaits_years,
                previous if isinstance(previous, int | float) else None,
            )
        )
    return rows


def _figure_mappings(nodes: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Yield ``(dotted name, mapping)`` for every figure written as a mapping, through groups."""
    figure_keys = {"value", "by_year", "previous", "label", "unit"}
    for name, node in nodes.items():
        if not isinstance(node, dict):
            continue
        if figure_keys & set(node):
            yield f"{prefix}{name}", node
        else:
            yield from _figure_mappings(node, f"{prefix}{name}.")


def workbook_bytes(sheets: dict[str, list[SheetRow]], years: list[int]) -> bytes:
    """Return the fill-in workbook: a sheet a data file, a row a figure, a column a year."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    # -- fixed properties: the same data gives the same bytes --
    book.set_properties({"created": dt.datetime(2000, 1, 1), "author": "reportgen"})
    styles = _styles(book)
    for name, rows in sheets.items():
        _write_sheet(book.add_worksheet(name), rows, years, styles)
    book.close()
    return buffer.getvalue()


def _styles(book: Any) -> dict[str, Any]:
    return {
        "heading": book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1}),
        "label": book.add_format({"border": 1}),
        "fill": book.add_format({"border": 1, "bg_color": "#FFF2CC", "locked": False}),
        "closed": book.add_format({"border": 1, "bg_color": "#D9D9D9"}),
        "previous": book.add_format({"border": 1, "font_color": "#595959"}),
    }


def _write_sheet(
    sheet: Any, rows: list[SheetRow], years: list[int], styles: dict[str, Any]
) -> None:
    headings = [_INDICATOR, UNIT_HEADINGS[0], *(f"{year}年" for year in years)]
    headings += [TOTAL_HEADINGS[0], PREVIOUS_HEADINGS[0]]
    sheet.write_row(0, 0, headings, styles["heading"])
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 1, 8)
    sheet.set_column(2, len(headings) - 1, 12)
    sheet.freeze_panes(1, 1)
    total_column = 2 + len(years)
    for index, row in enumerate(rows, start=1):
        sheet.write_string(index, 0, row.label, styles["label"])
        sheet.write_string(index, 1, row.unit, styles["label"])
        for column in range(2, total_column + 1):
            open_cell = (column < total_column) == row.by_year
            sheet.write_blank(index, column, None, styles["fill" if open_cell else "closed"])
            if open_cell:
                _only_numbers(sheet, index, column)
        if row.previous is not None:
            sheet.write_number(index, total_column + 1, row.previous, styles["previous"])
        else:
            sheet.write_blank(index, total_column + 1, None, styles["previous"])


def _only_numbers(sheet: Any, row: int, column: int) -> None:
    sheet.data_validation(
        row,
        column,
        row,
        column,
        {
            "validate": "decimal",
            "criteria": ">=",
            "value": 0,
            "input_title": "请填写数字",
            "input_message": "不小于 0 的数字，不带单位",
            "error_title": "只能填写数字",
            "error_message": "请填写不小于 0 的数字，不要带单位或文字。",
        },
    )


def _point_at(path: Path, sheet: str) -> bool:
    """Add ``figures_sheet:`` naming ``sheet`` to the data file at ``path``; False if it has one."""
    text = path.read_text(encoding="utf-8-sig")
    if any(line.startswith("figures_sheet:") for line in text.splitlines()):
        return False
    ending = "" if text.endswith("\n") else "\n"
    text += (
        f"{ending}figures_sheet:                 # 数字取自统计部门填好的表格（fill-sheet 生成）\n"
        f"  file: {WORKBOOK}\n"
        f"  sheet: {sheet}\n"
    )
    write_atomically(path, text.encode("utf-8"))
    return True
