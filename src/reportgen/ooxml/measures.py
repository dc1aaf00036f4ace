"""The measures of the GB/T 9704-2012 layout: page, grid, faces and sizes.

They are shared by :mod:`reportgen.ooxml.layout`, which builds the templates, and by
:mod:`reportgen.ooxml.official`, which lays out the parts of a 公文 while a document renders,
so this module imports nothing. Lengths are twips (1/20 pt), sizes half-points.
"""

from __future__ import annotations

# -- the page: A4, and margins that leave the 156 x 225 mm text block (版心) --
PAGE_WIDTH = 11906
PAGE_HEIGHT = 16838
MARGIN_TOP = 2098  # 37 mm
MARGIN_BOTTOM = 1984  # 35 mm
MARGIN_LEFT = 1587  # 28 mm
MARGIN_RIGHT = 1474  # 26 mm
#: The report has no header; Word still wants a distance (15 mm).
HEADER_DISTANCE = 851
#: Page bottom to the foot of the page-number line (25.5 mm): measured on a rendered page,
#: the dashes of ``— 1 —`` then sit 7.0 mm below the text block, as GB/T 9704 7.5 asks.
FOOTER_DISTANCE = 1445

# -- the grid: 22 lines a page --
#: 28.95 pt: 22 lines fill the 225 mm block (22 x 579 = 12738 of 12756 twips).
LINE_PITCH = 579
#: 28 characters of 16 pt (448 pt) are wider than the 442.25 pt block, so the body's
#: characters are drawn 98% wide (``w:w``): 28 x 15.68 pt = 439 pt fit, 29 (454.7 pt) do not,
#: and justification spreads the rest. The other roads to 28 fail in LibreOffice 7.4: a
#: character grid (``w:charSpace="-849"``, what Word reads) gives every character two cells,
#: 14 a line and twice the pages; condensing by 0.25 pt (``w:spacing -5``) gives 28, but a
#: comma hung at a line's end is then dropped from the page (four in the sample report).
BODY_CHAR_SCALE = 98

# -- faces and sizes (号), as GB/T 9704 names them --
LATIN_FONT = "Times New Roman"
FANGSONG = "仿宋_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONGTI = "宋体"
SIZE_2 = 44  # 二号, 22 pt
SIZE_3 = 32  # 三号, 16 pt
SIZE_4 = 28  # 四号, 14 pt
SIZE_SMALL_4 = 24  # 小四, 12 pt: the text of the attachment's table

#: One 三号 character, the unit of the first-line indent.
BODY_CHAR = 320
#: One 四号 character: how far the page number stands in from the text block's edge.
FOOTER_CHAR = 280

#: The width of the text block (版心): 156 mm.
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
