"""Build the default report template, laid out as GB/T 9704-2012 lays out official documents.

The template is made from code rather than kept as a hand-edited file, so that every measure
in it can be reviewed here and the file rebuilt byte for byte with
``python -m reportgen.ooxml.layout templates/five-year-report.docx``. The building blocks (page,
styles, page-number footers, fixed properties) are public so that other templates get the
same layout from :func:`new_formal_document`.

Measures are written as the XML writes them: lengths in twips (1/20 pt), font sizes in
half-points. Every measure was checked on pages rendered by LibreOffice 7.4.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Twips
from docx.text.paragraph import Paragraph

from reportgen.errors import ReportgenError
from reportgen.files import write_atomically
from reportgen.ooxml.hints import hinted_parts
from reportgen.ooxml.measures import (
    BODY_CHAR,
    BODY_CHAR_SCALE,
    FANGSONG,
    FOOTER_CHAR,
    FOOTER_DISTANCE,
    HEADER_DISTANCE,
    HEITI,
    KAITI,
    LATIN_FONT,
    LINE_PITCH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SIZE_2,
    SIZE_3,
    SIZE_4,
    SIZE_SMALL_4,
    SONGTI,
    TEXT_WIDTH,
    XIAOBIAOSONG,
)
from reportgen.ooxml.package import Package

#: The date the template's properties carry, so that two builds give the same bytes.
FIXED_TIMESTAMP = dt.datetime(2024, 1, 1, 0, 0, 0)
FIVE_YEAR_TITLE = "五年工作汇报材料 模板"

#: Parts of python-docx's default template that only mislead in ours: a Word 2010 copy of
#: the styles with theme fonts, a bibliography stub, lists linked to styles ours do not
#: define, a thumbnail of another page and "Microsoft Macintosh Word" statistics. Word
#: writes what it needs of them on save.
_LEFTOVER_PART_RELATIONSHIPS = (
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    RT.CUSTOM_XML,
    RT.NUMBERING,
)
_LEFTOVER_PACKAGE_RELATIONSHIPS = (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES)

#: The font table: name, the name to look for when it is missing (Windows 10 has 仿宋 but
#: not 仿宋_GB2312), character set (86 = GB2312), family and pitch. Word and LibreOffice
#: take a stand-in of the same kind for a font that is not installed.
_FONTS = (
    (LATIN_FONT, "", "00", "roman", "variable"),
    (FANGSONG, "仿宋", "86", "modern", "fixed"),
    (XIAOBIAOSONG, "", "86", "auto", "fixed"),
    (HEITI, "SimHei", "86", "modern", "fixed"),
    (KAITI, "楷体", "86", "modern", "fixed"),
    (SONGTI, "SimSun", "86", "auto", "variable"),
)


@dataclass(frozen=True)
class Typeface:
    """A face for Chinese text, one for Latin letters and digits, and a size in half-points."""

    east_asian: str
    half_points: int = SIZE_3
    latin: str = LATIN_FONT
    #: Added to every character's advance, in 1/20 pt; negative condenses.
    spacing: int = 0
    #: The width of every character, in per cent of its natural width.
    scale: int = 100

    def run_properties(self) -> str:
        """Return the ``w:rPr`` children that select this face, in schema order."""
        # -- spacing and width are written even when plain, so no style inherits Normal's --
        return (
            f'<w:rFonts w:ascii="{self.latin}" w:hAnsi="{self.latin}"'
            f' w:eastAsia="{self.east_asian}" w:cs="{self.latin}"/>'
            '<w:color w:val="000000"/>'
            f'<w:spacing w:val="{self.spacing}"/><w:w w:val="{self.scale}"/>'
            f'<w:sz w:val="{self.half_points}"/><w:szCs w:val="{self.half_points}"/>'
        )


BODY_FACE = Typeface(FANGSONG, scale=BODY_CHAR_SCALE)
#: The whole title in the title face, digits included: 方正小标宋 has its own.
TITLE_FACE = Typeface(XIAOBIAOSONG, SIZE_2, latin=XIAOBIAOSONG)
HEADING_1_FACE = Typeface(HEITI, scale=BODY_CHAR_SCALE)
HEADING_2_FACE = Typeface(KAITI, scale=BODY_CHAR_SCALE)
#: Page numbers: 宋体 with its own half-width digits, so Latin is 宋体 too.
PAGE_NUMBER_FACE = Typeface(SONGTI, SIZE_4, latin=SONGTI)
#: The attachment's mark (附件) in 黑体 三号, and its table in 小四: 仿宋, headings in 黑体.
ATTACHMENT_FACE = Typeface(HEITI)
TABLE_FACE = Typeface(FANGSONG, SIZE_SMALL_4)
TABLE_HEADING_FACE = Typeface(HEITI, SIZE_SMALL_4)

# -- the attachment's table: 小四 lines of 18 pt, off the 22-line grid, across the text block --
TABLE_LINE = 360
#: Rows at least 8 mm high, so one-line rows do not look cramped.
TABLE_ROW_HEIGHT = 454
#: 1 mm of space inside a cell on the left and right, instead of Word's 1.9 mm.
TABLE_CELL_MARGIN = 57
#: Widths of the columns for a five-year period (label, each year, total, previous,
#: change); a column loop repeats the year's width, and reportgen.tables scales the
#: columns of a longer or shorter period to the same total width. A year's column holds
#: 2019年 in 黑体 小四 on one line: LibreOffice 7.4 broke it at 880 twips, not at 900; the
#: label column takes the rest, five characters a line.
TABLE_YEAR_WIDTH = 920
TABLE_TOTAL_WIDTH = 1080
TABLE_PREVIOUS_WIDTH = 800
TABLE_CHANGE_WIDTH = 980
TABLE_LABEL_WIDTH = (
    TEXT_WIDTH
    - 5 * TABLE_YEAR_WIDTH
    - (TABLE_TOTAL_WIDTH + TABLE_PREVIOUS_WIDTH + TABLE_CHANGE_WIDTH)
)


def _exact_spacing(after: int = 0) -> str:
    # -- exact spacing at the grid pitch keeps every line on the 22-line grid --
    return f'<w:spacing w:before="0" w:after="{after}" w:line="{LINE_PITCH}" w:lineRule="exact"/>'


def _indent(chars: int) -> str:
    # -- Word reads the Chars attribute, LibreOffice the twips: write both --
    return f'<w:ind w:firstLineChars="{chars * 100}" w:firstLine="{chars * BODY_CHAR}"/>'


def _paragraph_style(
    style_id: str,
    name: str,
    face: Typeface,
    paragraph: str,
    *,
    ui_priority: int,
    quick_style: bool = True,
) -> str:
    # -- Normal is the default and has no base; every other style builds on it --
    is_normal = style_id == "Normal"
    default = ' w:default="1"' if is_normal else ""
    base = "" if is_normal else '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
    return (
        f'<w:style {nsdecls("w")} w:type="paragraph"{default} w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/>{base}<w:uiPriority w:val="{ui_priority}"/>'
        f"{'<w:qFormat/>' if quick_style else ''}"
        f"<w:pPr>{paragraph}</w:pPr><w:rPr>{face.run_properties()}</w:rPr></w:style>"
    )


def _heading_style(level: int, face: Typeface) -> str:
    # -- headings sit on the body grid, indented two characters like the body --
    paragraph = (
        f'<w:keepNext/><w:widowControl w:val="0"/>{_exact_spacing()}{_indent(2)}'
        f'<w:jc w:val="both"/><w:outlineLvl w:val="{level - 1}"/>'
    )
    return _paragraph_style(f"Heading{level}", f"heading {level}", face, paragraph, ui_priority=9)


def _table_paragraph(no_indent: str) -> str:
    # -- off the 22-line grid, which would give every 小四 line a 三号 line's height; no
    #    extra space between digits and Chinese, so 2019年 fits its column on one line --
    return (
        '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>'
        f'<w:spacing w:before="0" w:after="0" w:line="{TABLE_LINE}" w:lineRule="exact"/>'
        f'{no_indent}<w:jc w:val="center"/>'
    )


def _styles() -> list[str]:
    """Return every style of a formal document, complete, as XML."""
    no_indent = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'
    return [
        _paragraph_style(
            "Normal",
            "Normal",
            BODY_FACE,
            # -- a formal document fills every page to 22 lines: no widow control. A comma
            #    that may not begin a line hangs in the margin (Word's default for Chinese),
            #    as LibreOffice hangs it whatever the setting, so both break lines alike --
            f'<w:widowControl w:val="0"/>{_exact_spacing()}{_indent(2)}<w:jc w:val="both"/>',
            ui_priority=0,
        ),
        _paragraph_style(
            "Title",
            "Title",
            TITLE_FACE,
            # -- one blank line of the grid between the title and the body --
            f'<w:keepNext/>{_exact_spacing(after=LINE_PITCH)}{no_indent}<w:jc w:val="center"/>',
            ui_priority=10,
        ),
        _paragraph_style(
            "Addressee",
            "Addressee",
            BODY_FACE,
            # -- GB/T 9704 7.3.2: flush left, a wrapped line flush left too --
            f"{_exact_spacing()}{no_indent}" + '<w:jc w:val="left"/>',
            ui_priority=11,
        ),
        _heading_style(1, HEADING_1_FACE),
        _heading_style(2, HEADING_2_FACE),
        _heading_style(3, BODY_FACE),
        _heading_style(4, BODY_FACE),
        f'<w:style {nsdecls("w")} w:type="character" w:customStyle="1" w:styleId="Lead">'
        '<w:name w:val="Lead"/><w:aliases w:val="领句"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="1"/><w:qFormat/>'
        "<w:rPr><w:b/><w:bCs/></w:rPr></w:style>",
        _paragraph_style(
            "Header",
            "header",
            BODY_FACE,
            f'<w:snapToGrid w:val="0"/>{no_indent}',
            ui_priority=99,
            quick_style=False,
        ),
        _paragraph_style(
            "Footer",
            "footer",
            PAGE_NUMBER_FACE,
            # -- off the grid and one 四号 line high, so the footer distance alone places it --
            '<w:snapToGrid w:val="0"/>'
            f'<w:spacing w:before="0" w:after="0" w:line="{FOOTER_CHAR}" w:lineRule="exact"/>'
            f"{no_indent}",
            ui_priority=99,
            quick_style=False,
        ),
        _paragraph_style(
            "Attachment",
            "Attachment",
            ATTACHMENT_FACE,
            # -- GB/T 9704 8: on a page of its own, flush left on the first line; its title
            #    centred on the third, so one blank line of the grid follows --
            f"<w:keepNext/><w:pageBreakBefore/>{_exact_spacing(after=LINE_PITCH)}{no_indent}"
            '<w:jc w:val="left"/>',
            ui_priority=11,
        ),
        _paragraph_style(
            "TableText",
            "Table Text",
            TABLE_FACE,
            _table_paragraph(no_indent),
            ui_priority=12,
        ),
        _paragraph_style(
            "TableHeading",
            "Table Heading",
            TABLE_HEADING_FACE,
            _table_paragraph(no_indent),
            ui_priority=12,
        ),
        _paragraph_style(
            "Picture",
            "Picture",
            BODY_FACE,
            # -- off the grid, at single spacing: an exact line height would crop the picture --
            '<w:keepLines/><w:snapToGrid w:val="0"/>'
            f'<w:spacing w:before="{LINE_PITCH // 2}" w:after="0" w:line="240" w:lineRule="auto"/>'
            f'{no_indent}<w:jc w:val="center"/>',
            ui_priority=13,
        ),
        f'<w:style {nsdecls("w")} w:type="character" w:default="1"'
        ' w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>'
        '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
        f'<w:style {nsdecls("w")} w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>",
        f'<w:style {nsdecls("w")} w:type="numbering" w:default="1" w:styleId="NoList">'
        '<w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>",
    ]


def define_styles(document: WordDocument) -> None:
    """Replace the document's styles with those of a formal document.

    python-docx's default has 164 styles with theme fonts, blue headings and a bordered
    title, which a user editing the template would pick up. Keep only the latent-style
    table (Word's list of built-in names) and write the document defaults and every style
    anew, with literal font names and no theme fonts.
    """
    styles = document.styles.element
    for child in list(styles):
        if child.tag in (qn("w:docDefaults"), qn("w:style")):
            styles.remove(child)
    defaults = parse_xml(
        f"<w:docDefaults {nsdecls('w')}>"
        f"<w:rPrDefault><w:rPr>{BODY_FACE.run_properties()}"
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    styles.insert(0, defaults)
    for style in _styles():
        styles.append(parse_xml(style))


def write_font_table(document: WordDocument) -> None:
    """Replace the font table (Cambria, ＭＳ 明朝, …) with the faces the styles use."""
    fonts = "".join(
        f'<w:font w:name="{name}">'
        + (f'<w:altName w:val="{alternative}"/>' if alternative else "")
        + f'<w:charset w:val="{charset}"/><w:family w:val="{family}"/>'
        f'<w:pitch w:val="{pitch}"/></w:font>'
        for name, alternative, charset, family, pitch in _FONTS
    )
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f"<w:fonts {nsdecls('w')}>{fonts}</w:fonts>"
    )
    part = document.part
    partname = PackURI("/word/fontTable.xml")
    for rel in list(part.rels.values()):
        if rel.reltype == RT.FONT_TABLE:
            partname = rel.target_part.partname
            del part.rels[rel.rId]
    table = Part(partname, CT.WML_FONT_TABLE, xml.encode("utf-8"), part.package)
    part.relate_to(table, RT.FONT_TABLE)


def set_up_page(section: Section) -> None:
    """Give ``section`` the A4 page, the margins and the 22-line grid of GB/T 9704."""
    section.page_width = Twips(PAGE_WIDTH)
    section.page_height = Twips(PAGE_HEIGHT)
    section.top_margin = Twips(MARGIN_TOP)
    section.bottom_margin = Twips(MARGIN_BOTTOM)
    section.left_margin = Twips(MARGIN_LEFT)
    section.right_margin = Twips(MARGIN_RIGHT)
    section.header_distance = Twips(HEADER_DISTANCE)
    section.footer_distance = Twips(FOOTER_DISTANCE)
    section.gutter = Twips(0)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = parse_xml(f"<w:docGrid {nsdecls('w')}/>")
        section._sectPr.append(grid)
    grid.attrib.clear()
    # -- a line grid only: see BODY_CHAR_SCALE for why there is no character grid --
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH))


def _number_page(paragraph: Paragraph, *, odd: bool) -> None:
    # -- odd pages carry the number on the right, even pages on the left: the outer side --
    side = "right" if odd else "left"
    properties = paragraph._p.get_or_add_pPr()
    properties.append(parse_xml(f'<w:ind {nsdecls("w")} w:{side}="{FOOTER_CHAR}"/>'))
    properties.append(parse_xml(f'<w:jc {nsdecls("w")} w:val="{side}"/>'))
    runs = parse_xml(
        f"<w:p {nsdecls('w')}>"
        '<w:r><w:t xml:space="preserve">— </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t xml:space="preserve"> —</w:t></w:r>'
        "</w:p>"
    )
    for run in list(runs):
        paragraph._p.append(run)


def add_page_number_footers(document: WordDocument) -> None:
    """Number every page ``— N —`` in 宋体 四号, on the outer side of odd and even pages."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        # -- a new footer's one paragraph already has the Footer style --
        footer.is_linked_to_previous = False
        _number_page(footer.paragraphs[0], odd=odd)


def set_chinese_settings(document: WordDocument) -> None:
    """Make Word take Chinese faces, not Japanese ones, for East Asian theme text."""
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = parse_xml(f'<w:themeFontLang {nsdecls("w")} w:val="en-US"/>')
        settings.append(theme_lang)
    theme_lang.set(qn("w:eastAsia"), "zh-CN")
    # -- mode 15 (Word 2013 on): the default's 14 opens in Word's "compatibility mode" --
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")


#: The most characters a document property (its title in File > Info) may hold.
MAX_PROPERTY_CHARS = 255


def set_core_properties(document: WordDocument, title: str) -> None:
    """Set fixed document properties, so that building twice gives the same bytes."""
    properties = document.core_properties
    # -- the file's properties hold 255 characters; the title on the page is whole --
    properties.title = title[:MAX_PROPERTY_CHARS]
    properties.author = "reportgen"
    properties.created = FIXED_TIMESTAMP
    properties.modified = FIXED_TIMESTAMP
    properties.revision = 1
    properties.comments = ""
    # -- the default's empty elements say nothing, and lastModifiedBy would name a person --
    element = properties._element
    for child in list(element):
        if not (child.text or "").strip():
            element.remove(child)


def _drop_leftover_parts(document: WordDocument) -> None:
    for rels, leftovers in (
        (document.part.rels, _LEFTOVER_PART_RELATIONSHIPS),
        (document.part.package.rels, _LEFTOVER_PACKAGE_RELATIONSHIPS),
    ):
        for rel in list(rels.values()):
            if rel.reltype in leftovers:
                del rels[rel.rId]


def new_formal_document(title: str) -> WordDocument:
    """Return an empty document with the GB/T 9704 page, styles and page numbers."""
    document = docx.Document()
    _drop_leftover_parts(document)
    set_chinese_settings(document)
    define_styles(document)
    write_font_table(document)
    set_up_page(document.sections[0])
    add_page_number_footers(document)
    set_core_properties(document, title)
    return document


def document_bytes(document: WordDocument) -> bytes:
    """Return ``document`` as .docx bytes that do not depend on when they were made.

    Runs holding Chinese punctuation get ``w:hint="eastAsia"`` (see :mod:`reportgen.ooxml.hints`).
    """
    buffer = io.BytesIO()
    document.save(buffer)
    package = Package.from_bytes(Path("-"), buffer.getvalue())
    return package.to_bytes(hinted_parts(package.parts))


def _table_cell(text: str, width: int, style: str, *, align: str = "", span: int = 1) -> str:
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    justify = f'<w:jc w:val="{align}"/>' if align else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}'
        '<w:vAlign w:val="center"/></w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{justify}</w:pPr>'
        f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>'
    )


def _table_row(*cells: str, heading: bool = False) -> str:
    # -- rows never split across pages; the heading row repeats on each page --
    repeat = "<w:tblHeader/>" if heading else ""
    return (
        f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{TABLE_ROW_HEIGHT}"/>{repeat}</w:trPr>'
        f"{''.join(cells)}</w:tr>"
    )


def attachment_table_xml() -> str:
    """Return the attachment's table (主要指标情况表): one row a figure, one column a year.

    The years are a column loop (``{%tc for %}``) and the figures a row loop
    (``{%tr for %}``); each loop tag stands in a cell or a row of its own, which docxtpl
    removes. The two tag cells share four years' width, so the template is exactly as
    wide as the table it renders for five years.
    """
    loop = 2 * TABLE_YEAR_WIDTH
    widths = (
        TABLE_LABEL_WIDTH,
        loop,
        TABLE_YEAR_WIDTH,
        loop,
        TABLE_TOTAL_WIDTH,
        TABLE_PREVIOUS_WIDTH,
        TABLE_CHANGE_WIDTH,
    )

    def cells(texts: tuple[str, ...], style: str) -> list[str]:
        # -- the labels of the first column are read from the left --
        label_align = "left" if style == "TableText" else ""
        return [
            _table_cell(text, width, style, align=label_align if index == 0 else "")
            for index, (text, width) in enumerate(zip(texts, widths, strict=True))
        ]

    def loop_row(tag: str) -> str:
        return _table_row(_table_cell(tag, TEXT_WIDTH, "TableText", span=len(widths)))

    heading = (
        "指标",
        "{%tc for year in attachment.years %}",
        "{{ year }}年",
        "{%tc endfor %}",
        "{{ attachment.total_heading }}",
        "上期",
        "增减",
    )
    figure = (
        "{{ row.heading }}",
        "{%tc for value in row.values %}",
        "{{ value }}",
        "{%tc endfor %}",
        "{{ row.total }}",
        "{{ row.previous }}",
        "{{ row.change }}",
    )
    line = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(
        line.format(side=side) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    return (
        f"<w:tbl {nsdecls('w')}><w:tblPr>"
        f'<w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{TABLE_CELL_MARGIN}" w:type="dxa"/>'
        f'<w:right w:w="{TABLE_CELL_MARGIN}" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>"
        + _table_row(*cells(heading, "TableHeading"), heading=True)
        + loop_row("{%tr for row in attachment.rows %}")
        + _table_row(*cells(figure, "TableText"))
        + loop_row("{%tr endfor %}")
        + "</w:tbl>"
    )


def build_five_year_template() -> bytes:
    """Return the default five-year report template as .docx bytes.

    The body holds the docxtpl tags that ``report``, ``opening`` and ``parts`` fill in.
    Each ``{%p ... %}`` tag stands alone in a paragraph, which docxtpl removes; the lead
    sentence of a part is a run of its own in the bold Lead style. The parts of a 公文
    (``official:`` in report.yaml) and the attachment are printed only when the report
    has them.
    """
    document = new_formal_document(FIVE_YEAR_TITLE)
    add_letterhead(document)
    document.add_paragraph("{{ report.title | title_lines }}", style="Title")
    add_addressee(document)
    document.add_paragraph("{%p for paragraph in opening %}")
    document.add_paragraph("{{ paragraph }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p for part in parts %}")
    document.add_paragraph("{%p for paragraph in part.paragraphs %}")
    paragraph = document.add_paragraph()
    paragraph.add_run("{% if loop.first %}{{ part.lead }}{% endif %}", style="Lead")
    paragraph.add_run("{{ paragraph }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endfor %}")
    add_closing(document, signed_always=False)
    return document_bytes(document)


def build_numbered_template(title: str, properties_title: str) -> bytes:
    """Return a template whose parts are numbered 一、二、 under a heading each, signed.

    ``title`` is the title paragraph's tags. The starter of ``reportgen new-department`` and
    the sample 通知 are such templates; both print the parts of a 公文 when report.yaml has
    ``official:``.
    """
    document = new_formal_document(properties_title)
    add_letterhead(document)
    document.add_paragraph(title, style="Title")
    add_addressee(document)
    document.add_paragraph("{%p for paragraph in opening %}")
    document.add_paragraph("{{ paragraph }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p for part in parts %}")
    document.add_paragraph("{{ loop.index | cn_numeral }}、{{ part.lead }}", style="Heading 1")
    document.add_paragraph("{%p for paragraph in part.paragraphs %}")
    document.add_paragraph("{{ paragraph }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endfor %}")
    # -- GB/T 9704 7.3.5: the signature and date, placed by reportgen.ooxml.official --
    add_closing(document, signed_always=True)
    return document_bytes(document)


def build_notice_template() -> bytes:
    """Return the template of the sample 通知: a numbered template with the full title."""
    return build_numbered_template("{{ report.title | title_lines }}", "通知 模板")


#: The templates ``python -m reportgen.ooxml.layout`` builds, by name.
BUILDERS = {"five-year-report": build_five_year_template, "notice": build_notice_template}


def _guarded(document: WordDocument, condition: str, *paragraphs: str) -> None:
    # -- each {%p %} tag stands alone in its paragraph, which docxtpl removes --
    document.add_paragraph(f"{{%p if {condition} %}}")
    for text in paragraphs:
        document.add_paragraph(text)
    document.add_paragraph("{%p endif %}")


def add_letterhead(document: WordDocument) -> None:
    """Add the 版头 of a 公文 (GB/T 9704 7.2), printed when the report has ``official:``."""
    _guarded(document, "official", "{{p official.letterhead }}")


def add_addressee(document: WordDocument) -> None:
    """Add the 主送机关 (7.3.2): one line below the title, flush left, ending in a colon."""
    document.add_paragraph("{%p if official.addressee %}")
    document.add_paragraph("{{ official.addressee }}：", style="Addressee")
    document.add_paragraph("{%p endif %}")


def add_closing(document: WordDocument, *, signed_always: bool) -> None:
    """Add what follows the body: the attachment's note, the 署名 and 成文日期, and so on.

    After them come the attachment on a page of its own, and the 版记 at the foot of the
    last page.

    GB/T 9704-2012 7.3.4, 7.3.5, 8 and 7.4: the note (附件说明) one blank line below the
    body, indented two characters; the 署名 and date below it; the attachment on a page of
    its own, 附件 in 黑体 on its first line and its title centred on the third; the 版记
    after everything. The standard numbers attachments (附件：1.…, 附件1) only when there
    are several; a report has one. A report without an attachment renders as if it were
    not there; the 署名 is printed always (``signed_always``) or only in a 公文.
    """
    _guarded(document, "attachment", "", "附件：{{ attachment.title }}")
    if signed_always:
        document.add_paragraph("{{p official.signature }}")
    else:
        _guarded(document, "official", "{{p official.signature }}")
    document.add_paragraph("{%p if attachment %}")
    document.add_paragraph("附件", style="Attachment")
    document.add_paragraph("{{ attachment.title }}", style="Title")
    document.element.body._insert_tbl(parse_xml(attachment_table_xml()))
    document.add_paragraph("{%p if attachment.chart %}")
    document.add_paragraph("{{ attachment.chart }}", style="Picture")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endif %}")
    _guarded(document, "official.imprint", "{{p official.imprint }}")


def main(argv: Sequence[str] | None = None) -> int:
    """Write a template (by default the five-year report's) to the path given."""
    parser = argparse.ArgumentParser(
        prog="python -m reportgen.ooxml.layout",
        description="Build a template reportgen ships (.docx): by default the five-year "
        "report's, or the sample 通知's.",
    )
    parser.add_argument("output", type=Path, help="the .docx file to (re)write")
    parser.add_argument(
        "--template", choices=sorted(BUILDERS), default="five-year-report", help="which one"
    )
    arguments = parser.parse_args(argv)
    try:
        write_atomically(arguments.output, BUILDERS[arguments.template]())
    except ReportgenError as err:
        print(f"error: {err}", file=sys.stderr)
        return err.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
