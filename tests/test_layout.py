"""The default template, built from code, reopened with python-docx and read as XML."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from types import SimpleNamespace

import docx
import docxtpl
import jinja2
import pytest
from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from reportgen.ooxml.layout import build_five_year_template, build_notice_template, main
from reportgen.text.titles import title_lines

REPO = Path(__file__).resolve().parent.parent
COMMITTED = REPO / "templates" / "five-year-report.docx"


@pytest.fixture(scope="module")
def built() -> bytes:
    return build_five_year_template()


@pytest.fixture
def document(built: bytes) -> WordDocument:
    return docx.Document(io.BytesIO(built))


def part_xml(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def test_building_twice_gives_identical_bytes(built: bytes) -> None:
    assert build_five_year_template() == built


def unpacked(data: bytes) -> list[tuple[str, bytes]]:
    """Return the parts of a package in order, uncompressed: zlib builds may deflate differently."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def test_committed_template_is_the_one_the_code_builds(built: bytes) -> None:
    assert unpacked(COMMITTED.read_bytes()) == unpacked(built), (
        "templates/five-year-report.docx differs from what reportgen.layout builds: change "
        "the code, then run `python -m reportgen.ooxml.layout templates/five-year-report.docx`"
    )


def test_main_writes_the_template(tmp_path: Path, built: bytes) -> None:
    target = tmp_path / "out" / "template.docx"
    assert main([str(target)]) == 0
    assert target.read_bytes() == built


def test_page_is_a4_with_the_gbt9704_margins_and_22_line_grid(document: WordDocument) -> None:
    section = document.sections[0]
    assert section.page_width == Twips(11906)
    assert section.page_height == Twips(16838)
    assert section.top_margin == Twips(2098)
    assert section.bottom_margin == Twips(1984)
    assert section.left_margin == Twips(1587)
    assert section.right_margin == Twips(1474)
    assert section.footer_distance == Twips(1445)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert dict(grid.attrib) == {qn("w:type"): "lines", qn("w:linePitch"): "579"}


def run_fonts(document: WordDocument, style_id: str) -> dict[str, str]:
    fonts = document.styles.element.get_by_id(style_id).rPr.find(qn("w:rFonts"))
    return {key.split("}")[1]: value for key, value in fonts.attrib.items()}


@pytest.mark.parametrize(
    ("style_id", "east_asian", "latin", "half_points"),
    [
        ("Normal", "仿宋_GB2312", "Times New Roman", 32),
        ("Title", "方正小标宋简体", "方正小标宋简体", 44),
        ("Heading1", "黑体", "Times New Roman", 32),
        ("Heading2", "楷体_GB2312", "Times New Roman", 32),
        ("Footer", "宋体", "宋体", 28),
    ],
)
def test_styles_name_their_fonts_and_sizes(
    document: WordDocument, style_id: str, east_asian: str, latin: str, half_points: int
) -> None:
    assert run_fonts(document, style_id) == {
        "ascii": latin,
        "hAnsi": latin,
        "eastAsia": east_asian,
        "cs": latin,
    }
    properties = document.styles.element.get_by_id(style_id).rPr
    assert properties.find(qn("w:sz")).get(qn("w:val")) == str(half_points)
    assert properties.find(qn("w:szCs")).get(qn("w:val")) == str(half_points)
    assert properties.find(qn("w:color")).get(qn("w:val")) == "000000"


def test_no_theme_fonts_in_styles(built: bytes) -> None:
    styles = part_xml(built, "word/styles.xml")
    for attribute in ("asciiTheme", "eastAsiaTheme", "hAnsiTheme", "cstheme"):
        assert attribute not in styles
    assert "Calibri" not in styles
    assert "Cambria" not in styles


def test_body_is_justified_on_the_grid_with_a_two_character_indent(
    document: WordDocument,
) -> None:
    normal = document.styles["Normal"]
    assert normal.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    properties = normal.element.pPr
    spacing = properties.find(qn("w:spacing"))
    assert spacing.get(qn("w:line")) == "579"
    assert spacing.get(qn("w:lineRule")) == "exact"
    indent = properties.find(qn("w:ind"))
    assert indent.get(qn("w:firstLineChars")) == "200"
    assert indent.get(qn("w:firstLine")) == "640"
    # -- drawn 98% wide, not condensed: LibreOffice drops line-end commas of condensed text --
    assert normal.element.rPr.find(qn("w:spacing")).get(qn("w:val")) == "0"
    assert normal.element.rPr.find(qn("w:w")).get(qn("w:val")) == "98"
    # -- a comma may hang in the margin, as LibreOffice always lets it --
    assert properties.find(qn("w:overflowPunct")) is None


def test_word_sets_28_characters_a_line_and_22_lines_a_page(document: WordDocument) -> None:
    """The arithmetic Word does with the XML: text block, grid, size, width, spacing."""
    section = document.sections[0]
    text_width = Twips(
        section.page_width.twips - section.left_margin.twips - section.right_margin.twips
    )
    text_height = Twips(
        section.page_height.twips - section.top_margin.twips - section.bottom_margin.twips
    )
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"  # -- no character grid: pitch is the glyphs' --
    properties = document.styles["Normal"].element.rPr
    points = int(properties.find(qn("w:sz")).get(qn("w:val"))) / 2
    scale = int(properties.find(qn("w:w")).get(qn("w:val"))) / 100
    extra = int(properties.find(qn("w:spacing")).get(qn("w:val"))) / 20
    advance = points * scale + extra  # -- each character's width, in points --
    assert (points, advance) == (16, 15.68)
    assert text_width.pt == 442.25
    assert int(text_width.pt // advance) == 28
    spacing = document.styles["Normal"].element.pPr.find(qn("w:spacing"))
    assert spacing.get(qn("w:lineRule")) == "exact"
    line = int(spacing.get(qn("w:line")))
    assert line == int(grid.get(qn("w:linePitch"))) == 579
    assert text_height.twips // line == 22


def test_title_is_centred_unindented_and_followed_by_a_blank_line(
    document: WordDocument,
) -> None:
    title = document.styles["Title"]
    assert title.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.font.size == Pt(22)
    properties = title.element.pPr
    assert properties.find(qn("w:ind")).get(qn("w:firstLineChars")) == "0"
    assert properties.find(qn("w:ind")).get(qn("w:firstLine")) == "0"
    assert properties.find(qn("w:spacing")).get(qn("w:after")) == "579"


def test_lead_is_a_bold_character_style(document: WordDocument) -> None:
    lead = document.styles["Lead"]
    assert lead.type == docx.enum.style.WD_STYLE_TYPE.CHARACTER
    assert lead.font.bold is True


def test_only_the_styles_of_a_formal_document_are_kept(document: WordDocument) -> None:
    assert sorted(style.style_id for style in document.styles) == [
        "Addressee",
        "Attachment",
        "DefaultParagraphFont",
        "Footer",
        "Header",
        "Heading1",
        "Heading2",
        "Heading3",
        "Heading4",
        "Lead",
        "NoList",
        "Normal",
        "Picture",
        "TableHeading",
        "TableNormal",
        "TableText",
        "Title",
    ]


def test_chinese_is_the_east_asian_language(built: bytes) -> None:
    styles = part_xml(built, "word/styles.xml")
    settings = part_xml(built, "word/settings.xml")
    assert '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>' in styles
    assert '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>' in settings
    assert "ja-JP" not in styles + settings
    assert 'w:eastAsia="en-US"' not in styles + settings


def test_leftovers_of_the_python_docx_template_are_gone(built: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(built)) as archive:
        names = archive.namelist()
    assert not [
        name
        for name in names
        if "stylesWithEffects" in name or "thumbnail" in name or "customXml" in name
    ]
    assert "docProps/app.xml" not in names
    fonts = part_xml(built, "word/fontTable.xml")
    assert re.findall(r'w:font w:name="([^"]+)"', fonts) == [
        "Times New Roman",
        "仿宋_GB2312",
        "方正小标宋简体",
        "黑体",
        "楷体_GB2312",
        "宋体",
    ]


def test_page_numbers_sit_on_the_outer_side(document: WordDocument, built: bytes) -> None:
    assert document.settings.odd_and_even_pages_header_footer is True
    section = document.sections[0]
    odd = section.footer.paragraphs[0]
    even = section.even_page_footer.paragraphs[0]
    assert odd.text == even.text == "— 1 —"
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert odd.paragraph_format.right_indent == Twips(280)
    assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert even.paragraph_format.left_indent == Twips(280)
    for paragraph in (odd, even):
        assert paragraph.style.style_id == "Footer"
        instructions = paragraph._p.findall(f".//{qn('w:instrText')}")
        assert [instruction.text for instruction in instructions] == [" PAGE "]
        kinds = [mark.get(qn("w:fldCharType")) for mark in paragraph._p.iter(qn("w:fldChar"))]
        assert kinds == ["begin", "separate", "end"]


def test_body_holds_the_tags_in_order(document: WordDocument) -> None:
    assert [(p.style.style_id, p.text) for p in document.paragraphs] == [
        # -- the 版头 of a 公文, when report.yaml has official: --
        ("Normal", "{%p if official %}"),
        ("Normal", "{{p official.letterhead }}"),
        ("Normal", "{%p endif %}"),
        ("Title", "{{ report.title | title_lines }}"),
        ("Normal", "{%p if official.addressee %}"),
        ("Addressee", "{{ official.addressee }}："),
        ("Normal", "{%p endif %}"),
        ("Normal", "{%p for paragraph in opening %}"),
        ("Normal", "{{ paragraph }}"),
        ("Normal", "{%p endfor %}"),
        ("Normal", "{%p for part in parts %}"),
        ("Normal", "{%p for paragraph in part.paragraphs %}"),
        ("Normal", "{% if loop.first %}{{ part.lead }}{% endif %}{{ paragraph }}"),
        ("Normal", "{%p endfor %}"),
        ("Normal", "{%p endfor %}"),
        # -- the attachment's note one blank line below the body --
        ("Normal", "{%p if attachment %}"),
        ("Normal", ""),
        ("Normal", "附件：{{ attachment.title }}"),
        ("Normal", "{%p endif %}"),
        # -- the 署名 and 成文日期 of a 公文 --
        ("Normal", "{%p if official %}"),
        ("Normal", "{{p official.signature }}"),
        ("Normal", "{%p endif %}"),
        # -- the attachment on its own page --
        ("Normal", "{%p if attachment %}"),
        ("Attachment", "附件"),
        ("Title", "{{ attachment.title }}"),
        ("Normal", "{%p if attachment.chart %}"),
        ("Picture", "{{ attachment.chart }}"),
        ("Normal", "{%p endif %}"),
        ("Normal", "{%p endif %}"),
        # -- the 版记 at the foot of the last page --
        ("Normal", "{%p if official.imprint %}"),
        ("Normal", "{{p official.imprint }}"),
        ("Normal", "{%p endif %}"),
    ]


def test_every_paragraph_tag_is_alone_in_its_paragraph(document: WordDocument) -> None:
    tagged = [p for p in document.paragraphs if "{%p" in p.text]
    assert len(tagged) == 20
    for paragraph in tagged:
        assert re.fullmatch(r"\{%p [^%{}]+ %\}", paragraph.text), paragraph.text
        assert len(paragraph.runs) == 1


def test_part_paragraph_has_the_lead_run_then_the_text_run(document: WordDocument) -> None:
    [paragraph] = [p for p in document.paragraphs if "part.lead" in p.text]
    lead, text = paragraph.runs
    assert lead.style.style_id == "Lead"
    assert lead.text == "{% if loop.first %}{{ part.lead }}{% endif %}"
    assert text.style.style_id == "DefaultParagraphFont"
    assert text.text == "{{ paragraph }}"


class NotOfficial:
    """A report without official: false, with no addressee and no 版记."""

    addressee = ""
    imprint = None

    def __bool__(self) -> bool:
        return False


def test_docxtpl_renders_the_lead_on_the_first_paragraph_of_a_part_only(built: bytes) -> None:
    template = docxtpl.DocxTemplate(io.BytesIO(built))
    context = {
        "report": SimpleNamespace(title="市工会5年工作汇报材料"),
        "opening": ["过去的五年，A & B。"],
        "parts": [
            SimpleNamespace(lead="领句一。", paragraphs=["正文一。", "正文二。"]),
            SimpleNamespace(lead="领句二。", paragraphs=["正文三。"]),
        ],
        "attachment": False,
        "official": NotOfficial(),
    }
    environment = jinja2.Environment(autoescape=True)
    environment.filters["title_lines"] = title_lines
    template.render(context, environment, autoescape=True)
    rendered = io.BytesIO()
    template.save(rendered)
    paragraphs = docx.Document(rendered).paragraphs
    assert [p.text for p in paragraphs] == [
        "市工会5年工作汇报材料",
        "过去的五年，A & B。",
        "领句一。正文一。",
        "正文二。",
        "领句二。正文三。",
    ]
    assert [
        [run.text for run in p.runs if run.style.style_id == "Lead"] for p in paragraphs[2:]
    ] == [
        ["领句一。"],
        [""],
        ["领句二。"],
    ]


def test_properties_are_fixed(document: WordDocument, built: bytes) -> None:
    properties = document.core_properties
    assert properties.title == "五年工作汇报材料 模板"
    assert properties.author == "reportgen"
    assert properties.created == dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    assert properties.modified == dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    assert properties.revision == 1
    assert "lastModifiedBy" not in part_xml(built, "docProps/core.xml")
    with zipfile.ZipFile(io.BytesIO(built)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_committed_notice_template_is_the_one_the_code_builds() -> None:
    assert unpacked((REPO / "templates" / "notice.docx").read_bytes()) == unpacked(
        build_notice_template()
    ), "run `python -m reportgen.ooxml.layout --template notice templates/notice.docx`"
