"""Templates as clerks make them in Word, simulated with python-docx.

A clerk starts from Word's blank document, sets the fonts and the page by hand, types the tags
and formats as she goes: a tag ends up split across runs wherever its formatting changes (a
bold word inside it, a font changed mid-tag). These builders make the templates of the samples
``data/women-committee-2023`` and ``data/training-notice`` so; the committed .docx files are
their output (``python tests/hand_made.py`` writes them again).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from minimal_workspace import save_template

REPO = Path(__file__).resolve().parent.parent
COMMITTEE_TEMPLATE = REPO / "templates" / "women-committee-report.docx"
NOTICE_TEMPLATE = REPO / "templates" / "training-notice.docx"

FANGSONG, HEITI, XIAOBIAOSONG = "仿宋_GB2312", "黑体", "方正小标宋简体"


def clerk_document() -> Document:
    """Return Word's blank document with the page and body font a clerk sets for 公文."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(16)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FANGSONG)
    normal.paragraph_format.line_spacing = Pt(28.95)
    normal.paragraph_format.space_after = Pt(0)
    document.core_properties.author = "办公室"
    return document


def typed(
    paragraph: Paragraph,
    pieces: Sequence[str | tuple[str, str | None, bool]],
) -> Paragraph:
    """Type ``pieces`` into ``paragraph``: text, or (text, East Asian font, bold) as a run."""
    for piece in pieces:
        text, font, bold = (piece, None, False) if isinstance(piece, str) else piece
        run = paragraph.add_run(text)
        run.bold = bold or None
        if font is not None:
            run.font.name = font
            run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    return paragraph


def body(document: Document, *pieces: str | tuple[str, str | None, bool]) -> Paragraph:
    """Add a body paragraph, its first line indented two characters."""
    paragraph = typed(document.add_paragraph(), pieces)
    paragraph.paragraph_format.first_line_indent = Pt(32)
    return paragraph


def plain(document: Document, *pieces: str | tuple[str, str | None, bool]) -> Paragraph:
    """Add a paragraph without indent (a tag of its own, the addressee)."""
    return typed(document.add_paragraph(), pieces)


def title(document: Document, *pieces: str | tuple[str, str | None, bool]) -> Paragraph:
    """Add the title: 方正小标宋简体 二号, centred, a blank line after."""
    paragraph = document.add_paragraph()
    for piece in pieces:
        text, _, bold = (piece, None, False) if isinstance(piece, str) else piece
        typed(paragraph, [(text, XIAOBIAOSONG, bold)])
        paragraph.runs[-1].font.size = Pt(22)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph()
    return paragraph


def signed(
    document: Document,
    signature: Sequence[str | tuple[str, str | None, bool]],
    date: Sequence[str | tuple[str, str | None, bool]],
) -> None:
    """Add the signature and the date, right-aligned, 2 and 4 characters from the margin."""
    document.add_paragraph()
    for pieces, chars in ((signature, 2), (date, 4)):
        paragraph = typed(document.add_paragraph(), pieces)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.right_indent = Pt(16 * chars)


def table(
    document: Document,
    rows: Sequence[Sequence[str | Sequence[str | tuple[str, str | None, bool]]]],
    widths: Sequence[float],
) -> None:
    """Add a table with lines ('Table Grid'), the first row in 黑体, cells in 仿宋 小四."""
    grid = document.add_table(rows=len(rows), cols=len(widths))
    grid.style = document.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Cm(width)
    for row_index, row in enumerate(rows):
        for cell_index, content in enumerate(row):
            cell = grid.cell(row_index, cell_index)
            cell.width = Cm(widths[cell_index])
            paragraph = cell.paragraphs[0]
            pieces = [content] if isinstance(content, str) else list(content)
            face = HEITI if row_index == 0 else FANGSONG
            typed(
                paragraph,
                [(piece, face, False) if isinstance(piece, str) else piece for piece in pieces],
            )
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.line_spacing = 1.2
            for run in paragraph.runs:
                run.font.size = Pt(12)


def make_committee_template(path: Path = COMMITTEE_TEMPLATE) -> Path:
    """Make the women workers' committee's annual report template, as the committee made it."""
    document = clerk_document()
    # -- the clerk made 年工作报告 bold in the title, and the split runs came with it --
    title(document, "{{ org_name }}{{ ye", ("ar }}年工作报告", None, True))
    plain(document, "{{ addressee }}：")
    body(document, "{{ opening }}")
    plain(document, "{%p for item in work_items %}")
    body(
        document,
        ("{{ item.no }}、", HEITI, False),
        ("{{ item.", HEITI, True),
        ("title }}", HEITI, False),
    )
    body(document, "{{ item.text }}")
    plain(document, "{%p endfor %}")
    body(document, ("附：主要工作数据", HEITI, False))
    table(
        document,
        [
            ["项目", "数量", "单位"],
            ["{%tr for f in figures %}", "", ""],
            ["{{ f.name }}", ["{{ f.", ("value }}", FANGSONG, True)], "{{ f.unit }}"],
            ["{%tr endfor %}", "", ""],
        ],
        [7.0, 4.0, 3.0],
    )
    body(document, "{{ closing }}")
    signed(document, ["{{ org_name }}"], ["{{ date }}"])
    return save_template(document, path)


def make_notice_template(path: Path = NOTICE_TEMPLATE) -> Path:
    """Make a 通知 with a table of records: the sessions of a training, and who attends."""
    document = clerk_document()
    title(document, "关于举办{{ training.", ("name }}的通知", None, False))
    plain(document, "{{ recipients | join_cn }}：")
    body(document, "{{ purpose }}现将有关事项通知如下。")
    body(document, ("一、时间和地点", HEITI, False))
    body(document, "时间：{{ training.start }}至{{ training.", ("end }}", None, True), "。")
    body(document, "地点：{{ training.venue }}（{{ training.address }}）。")
    body(document, ("二、参加人员", HEITI, False))
    body(document, "{{ attendees }}每单位{{ quota | cn_numeral }}名，共{{ total }}人。")
    body(document, ("三、课程安排", HEITI, False))
    table(
        document,
        [
            ["日期", "时间", "课程", "授课人"],
            ["{%tr for session in sessions %}", "", "", ""],
            [
                "{{ session.day }}",
                "{{ session.time }}",
                "{{ session.topic }}",
                ["{{ session.", ("speaker.name }}", None, True), "（{{ session.speaker.title }}）"],
            ],
            ["{%tr endfor %}", "", "", ""],
        ],
        [2.8, 3.4, 5.2, 4.2],
    )
    body(document, ("四、有关要求", HEITI, False))
    plain(document, "{%p for rule in requirements %}")
    body(document, "（{{ loop.index | cn_numeral }}）{{ rule }}")
    plain(document, "{%p endfor %}")
    body(document, "联系人：{{ contact.name }}，电话：{{ contact.phone }}。")
    signed(document, ["{{ issuer }}"], ["{{ date }}"])
    return save_template(document, path)


if __name__ == "__main__":
    for made in (make_committee_template(), make_notice_template()):
        sys.stdout.write(f"{made.relative_to(REPO)}\n")
