"""The parts of a 公文 that GB/T 9704-2012 places to the millimetre, as WordprocessingML.

- the 版头 (7.2): the 发文机关标志 in red 小标宋, its top edge 35 mm below the top of the
  text block; two lines below it the 发文字号 (〔2023〕12号), centred, or, in a 上行文, one
  character from the left with the 签发人 one character from the right on the same line;
  4 mm below it a red rule as wide as the text block; the title two lines below the rule;
- the 署名 and 成文日期 (7.3.5): without a seal, the 署名 two characters from the right one
  line below the text and the date on the next line, its first character two characters to
  the right of the 署名's (the date two from the right when it is the longer); with a seal,
  the date four characters from the right, the 署名 centred over it, and the seal pressing
  on both, its top within a line of the text;
- the 版记 (7.4): 抄送 and 印发 in 4号 仿宋, one character in from either side, between a
  0.35 mm rule above and one below, a 0.25 mm rule between, the last rule on the bottom edge
  of the text block of the last page.

Every paragraph carries its formatting itself (no style), so that any template can print
them; the template marks their place with a paragraph ``{{p official.letterhead }}`` and
the like, which the paragraphs built here replace. Lengths are twips (1/20 pt) unless named
otherwise; vertical places were measured on pages LibreOffice 7.4 rendered.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from reportgen.ooxml.escape import xml_text
from reportgen.ooxml.measures import (
    BODY_CHAR,
    BODY_CHAR_SCALE,
    FANGSONG,
    FOOTER_CHAR,
    KAITI,
    LATIN_FONT,
    LINE_PITCH,
    SIZE_3,
    SIZE_4,
    TEXT_WIDTH,
    XIAOBIAOSONG,
)
from reportgen.ooxml.pictures import InlinePicture, PlacedPictures, anchored_drawing_run

TWIPS_PER_MM = 1440 / 25.4
EMU_PER_TWIP = 635
RED = "FF0000"

# -- the 版头 --
#: The 发文机关标志: 小标宋 of 42 pt (初号); ten characters fill the text block.
MARK_SIZE = 84
#: Its line, as high as the characters and no more, so that nothing is added above them.
MARK_LINE = 840
#: From the top of the text block to the top of the mark's line: with the glyphs' own
#: space above them, their top edge is 35 mm below the top of the block (measured: 35.0 mm).
MARK_BEFORE = 2017
#: The red rule under the 发文字号: its thickness in eighths of a point (1.5 pt), and the
#: space between the line's text and the rule, in points, that puts it 4 mm below the
#: characters' bottom edge (measured: 4.0 mm).
RULE_SIZE = 12
RULE_SPACE = 9
#: The 版记's rules: 0.35 mm (1 pt) above and below, 0.25 mm (0.75 pt) between.
THICK_RULE = 8
THIN_RULE = 6
#: 印章: a seal 42 mm across, as an organisation's seal is made.
SEAL_MM = 42.0
#: Blank lines between the text and the 署名: one without a seal; with one, three, so that
#: the seal's top lies one line below the text and its centre above the 署名.
BLANK_LINES_UNSEALED = 1
BLANK_LINES_SEALED = 3

#: The width a 三号 character takes in the body, drawn 98% wide (see layout.BODY_CHAR_SCALE).
GLYPH = BODY_CHAR * BODY_CHAR_SCALE / 100


#: The space set between a Chinese character and a digit or letter (Word's and LibreOffice's
#: "autospace"): measured on LibreOffice's pages, 3.2 pt of a 三号 line, a fifth of the size.
AUTOSPACE = 64


def text_width(text: str, glyph: float = GLYPH, autospace: float = AUTOSPACE) -> float:
    """Return the width of ``text`` in twips: a Chinese character one glyph, a digit half.

    The space set between the two kinds is added: 2024年3月15日 has four.
    """
    wide = [ord(char) >= 0x2E80 for char in text]
    changes = sum(1 for left, right in zip(wide, wide[1:], strict=False) if left != right)
    return sum(glyph if is_wide else glyph / 2 for is_wide in wide) + changes * autospace


def _run(text: str, font: str, size: int, *, color: str = "000000", scale: int = 100) -> str:
    latin = font if font == XIAOBIAOSONG else LATIN_FONT
    return (
        f'<w:r><w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{font}"'
        f' w:cs="{latin}" w:hint="eastAsia"/><w:color w:val="{color}"/><w:w w:val="{scale}"/>'
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
        f'<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>'
    )


def _body_run(text: str, font: str = FANGSONG) -> str:
    return _run(text, font, SIZE_3, scale=BODY_CHAR_SCALE)


def _paragraph(
    runs: str,
    *,
    line: int = LINE_PITCH,
    before: int = 0,
    after: int = 0,
    jc: str = "left",
    left: float = 0,
    right: float = 0,
    hanging: float = 0,
    border: str = "",
    tabs: str = "",
    keep_next: bool = True,
) -> str:
    # -- off the grid, exact line heights: the places below are the same in Word and LibreOffice --
    indent = f'w:left="{round(left)}" w:right="{round(right)}"'
    indent += f' w:hanging="{round(hanging)}"' if hanging else ' w:firstLine="0"'
    return (
        f"<w:p><w:pPr>{'<w:keepNext/>' if keep_next else ''}<w:keepLines/>{border}{tabs}"
        '<w:snapToGrid w:val="0"/>'
        f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="exact"/>'
        f'<w:ind {indent}/><w:jc w:val="{jc}"/></w:pPr>{runs}</w:p>'
    )


def _blank_lines(count: int) -> str:
    return "".join(_paragraph("") for _ in range(count))


# -- 版头 --


def letterhead_xml(mark: str, number: str, signers: Sequence[str] = ()) -> str:
    """Return the 版头: the mark, the 发文字号 (and 签发人) under it, the red rule."""
    mark_paragraph = _paragraph(
        _run(mark, XIAOBIAOSONG, MARK_SIZE, color=RED),
        line=MARK_LINE,
        before=MARK_BEFORE,
        after=2 * LINE_PITCH,
        jc="center",
    )
    rule = (
        f'<w:pBdr><w:bottom w:val="single" w:sz="{RULE_SIZE}" w:space="{RULE_SPACE}"'
        f' w:color="{RED}"/></w:pBdr>'
    )
    # -- the title stands two blank lines below the rule --
    if not signers:
        return mark_paragraph + _paragraph(
            _body_run(number), jc="center", after=2 * LINE_PITCH, border=rule
        )
    # -- a 上行文: the number one character in from the left, the 签发人 one from the right --
    names = "".join(
        _body_run(f"　{name}" if index else name, KAITI) for index, name in enumerate(signers)
    )
    return mark_paragraph + _paragraph(
        _body_run(number) + "<w:r><w:tab/></w:r>" + _body_run("签发人：") + names,
        left=BODY_CHAR,
        after=2 * LINE_PITCH,
        border=rule,
        tabs=f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH - BODY_CHAR}"/></w:tabs>',
    )


# -- 署名、成文日期、印章 --


class SignaturePlaces(NamedTuple):
    """How far the 署名 and the date stand from the right edge of the text block, in twips."""

    name_right: float
    date_right: float


def signature_places(name: str, date: str, *, sealed: bool) -> SignaturePlaces:
    """Return the right indents GB/T 9704 7.3.5 gives the 署名 and the 成文日期."""
    name_width, date_width = text_width(name), text_width(date)
    if sealed:
        # -- the date four characters from the right, the name centred over it --
        date_right = 4.0 * BODY_CHAR
        return SignaturePlaces(max(0, date_right + (date_width - name_width) / 2), date_right)
    # -- the name two from the right; the date's first character two right of the name's --
    name_right = 2.0 * BODY_CHAR
    date_right = name_right + name_width - date_width - 2 * BODY_CHAR
    if date_right < 2 * BODY_CHAR:
        date_right = 2.0 * BODY_CHAR
        name_right = date_right + 2 * BODY_CHAR + date_width - name_width
    return SignaturePlaces(name_right, date_right)


def signature_xml(
    name: str, date: str, seal: InlinePicture | None = None, pictures: PlacedPictures | None = None
) -> str:
    """Return the 署名 and the 成文日期 (and the seal), placed as GB/T 9704 7.3.5 places them.

    The seal is drawn only when ``pictures`` records it for the document being rendered.
    """
    sealed = seal is not None and pictures is not None
    places = signature_places(name, date, sealed=sealed)
    seal_xml = ""
    if sealed:
        assert seal is not None and pictures is not None
        number = pictures.place(seal)
        centre = TEXT_WIDTH - places.date_right - text_width(date) / 2
        half = SEAL_MM / 2 * TWIPS_PER_MM
        # -- the seal's top one line below the text: two lines above the 署名's line --
        seal_xml = anchored_drawing_run(
            number, seal, x=round((centre - half) * EMU_PER_TWIP), y=-2 * LINE_PITCH * EMU_PER_TWIP
        )
    blank = BLANK_LINES_SEALED if sealed else BLANK_LINES_UNSEALED
    return (
        _blank_lines(blank)
        + _paragraph(_body_run(name) + seal_xml, jc="right", right=places.name_right)
        + _paragraph(_body_run(date), jc="right", right=places.date_right, keep_next=False)
    )


# -- 版记 --

#: The drawing id of the 版记's text box, apart from the pictures' (see pictures.FIRST_DRAWING_ID).
IMPRINT_DRAWING_ID = 20_001
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def imprint_xml(copies: Sequence[str], issuer: str, date: str) -> str:
    """Return the 版记: a text box at the foot of the text block, in a paragraph of its own.

    The box is anchored to the bottom of the text block of the page where it stands, so that
    its last rule lies on the block's bottom edge whatever the text above it; the text above
    does not run under it. A text box rather than a frame or a floating table: LibreOffice
    drops the rules of a frame's paragraphs and keeps a full-width floating table in the text.
    """
    # -- the rules are paragraphs of their own, as wide as the block; the text between them
    #    stands one character in from either side --
    paragraphs, lines = [_rule(THICK_RULE)], 0
    if copies:
        label, text = "抄送：", "抄送：" + "，".join(copies) + "。"
        # -- a wrapped line starts under the first name, after the colon --
        paragraphs.append(
            _paragraph(
                _run(text, FANGSONG, SIZE_4),
                left=FOOTER_CHAR + len(label) * FOOTER_CHAR,
                right=FOOTER_CHAR,
                hanging=len(label) * FOOTER_CHAR,
            )
        )
        paragraphs.append(_rule(THIN_RULE))
        lines += _imprint_lines(text, len(label))
    paragraphs.append(
        _paragraph(
            _run(issuer, FANGSONG, SIZE_4)
            + "<w:r><w:tab/></w:r>"
            + _run(f"{date}印发", FANGSONG, SIZE_4),
            left=FOOTER_CHAR,
            right=FOOTER_CHAR,
            tabs=f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH - FOOTER_CHAR}"/></w:tabs>',
        )
    )
    paragraphs.append(_rule(THICK_RULE))
    lines += 1
    width = TEXT_WIDTH * EMU_PER_TWIP
    height = (lines * LINE_PITCH + len(paragraphs) * _RULE_LINE) * EMU_PER_TWIP
    box = (
        '<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0"'
        ' relativeHeight="251660288" behindDoc="0" locked="1" layoutInCell="1"'
        f' allowOverlap="0" xmlns:wp="{_WP}"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapTopAndBottom/><wp:docPr id="{IMPRINT_DRAWING_ID}" name="版记"/>'
        f'<wp:cNvGraphicFramePr/><a:graphic xmlns:a="{_A}">'
        f'<a:graphicData uri="{_WPS}"><wps:wsp xmlns:wps="{_WPS}"><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
        f"</wps:spPr><wps:txbx><w:txbxContent>{''.join(paragraphs)}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0"'
        ' anchor="b" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>'
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )
    # -- the paragraph holding the box is one point high: it takes no line of the text --
    return _paragraph(box, line=20, keep_next=False)


def _imprint_lines(text: str, label: int) -> int:
    """Return how many 四号 lines ``text`` takes in the 版记, the label hanging before it."""
    per_line = (TEXT_WIDTH - 2 * FOOTER_CHAR) // FOOTER_CHAR
    first, rest = per_line, per_line - label
    width = text_width(text, glyph=1.0, autospace=0.2)
    return 1 if width <= first else 1 + math.ceil((width - first) / rest)


#: A rule's paragraph: a point high, its rule below it.
_RULE_LINE = 20


def _rule(size: int) -> str:
    border = (
        f'<w:pBdr><w:bottom w:val="single" w:sz="{size}" w:space="0" w:color="000000"/></w:pBdr>'
    )
    return _paragraph("", line=_RULE_LINE, border=border)
