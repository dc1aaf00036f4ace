"""Give a table whose columns a ``{%tc for %}`` loop repeated the grid of its new columns.

A Word table lists its column widths once (``w:tblGrid``) and each cell's preferred
width again (``w:tcW``). A column loop repeats cells but not grid columns, so the
grid no longer fits the rows, and Word and LibreOffice each guess. Here the grid is
built anew from the widths of the widest row's cells, scaled so that the table keeps
the width it has in the template: five year columns in a table made for five fill it
exactly, and more or fewer share the same width.
"""

from __future__ import annotations

import re

from reportgen.patterns import LazyPattern

_TABLE = re.compile(r"<w:tbl>.*?</w:tbl>|<w:tbl .*?</w:tbl>", re.DOTALL)
_GRID = LazyPattern(r"<w:tblGrid>(.*?)</w:tblGrid>", re.DOTALL)
_GRID_COLUMN = LazyPattern(r'<w:gridCol w:w="(\d+)"\s*/>')
_ROW = LazyPattern(r"<w:tr[ >].*?</w:tr>", re.DOTALL)
#: A cell's width in twips, its attributes in either order (python-docx writes the type first).
_CELL_WIDTH = LazyPattern(r'<w:tcW (?:w:w="(\d+)" w:type="dxa"|w:type="dxa" w:w="(\d+)")\s*/>')
_SPAN = LazyPattern(r'<w:gridSpan w:val="(\d+)"\s*/>')


def fit_table_grids(xml: str) -> str:
    """Return ``xml`` (a rendered part) with the grid of every table fitted to its rows.

    Only a table whose widest row's cell widths differ from its grid is changed, and only
    when each cell of that row gives its width in twips and no cell of it spans columns; a
    table of merged cells (docxtpl's {% colspan %} and {% hm %} make them) only when its rows
    cover more or fewer columns than its grid has. A nested table (which this simple reading
    cannot tell apart) is left as it is.
    """
    return _TABLE.sub(lambda match: _fit(match.group(0)), xml)


def _fit(table: str) -> str:
    grid = _GRID.search(table)
    if grid is None or table.count("<w:tbl>") + table.count("<w:tbl ") > 1:
        return table
    columns = [int(width) for width in _GRID_COLUMN.findall(grid.group(1))]
    rows = _ROW.findall(table)
    # -- the widths of the row of most cells, of those where no cell spans columns --
    widths = max((_widths(row) for row in rows if "w:gridSpan" not in row), key=len, default=[])
    cells = max(map(_columns_of, rows), default=0)
    # -- three years in a table made for five have as many cells as the template's grid has
    #    columns (two of them the loop's tags), so the widths are compared, not the counts --
    if not columns or len(widths) != cells or widths == columns:
        return table
    if "w:gridSpan" in table and cells == len(columns):
        return table  # -- merged cells on a grid that fits: as the template laid them out --
    # -- scale to the template's width; the rounding remainder goes to the first column --
    total = sum(columns)
    scaled = [width * total // sum(widths) for width in widths]
    scaled[0] += total - sum(scaled)
    new_grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in scaled)
    table = table[: grid.start(1)] + new_grid + table[grid.end(1) :]
    return _ROW.sub(lambda row: _rewidth(row.group(0), scaled), table)


def _widths(row: str) -> list[int]:
    """Return the widths ``row``'s cells give in twips."""
    return [int(first or second) for first, second in _CELL_WIDTH.findall(row)]


def _columns_of(row: str) -> int:
    """Return how many columns of the grid ``row`` covers: a cell each, a merged cell its span."""
    cells = row.count("<w:tc>") + row.count("<w:tc ")
    return cells + sum(int(span) - 1 for span in _SPAN.findall(row))


def _rewidth(row: str, widths: list[int]) -> str:
    # -- a row of as many cells as the grid: its cells take the grid's widths --
    if len(_widths(row)) != len(widths):
        return row
    numbers = iter(widths)
    return _CELL_WIDTH.sub(lambda _: f'<w:tcW w:w="{next(numbers)}" w:type="dxa"/>', row)
