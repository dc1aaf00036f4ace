"""What belongs together stays on one page: a looped table's head with its rows and its name,
a heading with its text.

The unit tests read the prepared XML; the sample tests render the women's committee report,
whose table of figures crossed a page, and the training notice, whose last heading ended a
page, convert them with LibreOffice and read the pages.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest
from lxml import etree

from reportgen.cli import main
from reportgen.template.headings import keep_headings
from reportgen.template.table_heads import keep_table_heads

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def part(body: str) -> str:
    return f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'


def paragraph(text: str, properties: str = "") -> str:
    return f"<w:p>{properties}<w:r><w:t>{text}</w:t></w:r></w:p>"


def row(*cells: str, properties: str = "") -> str:
    return f"<w:tr>{properties}" + "".join(f"<w:tc>{cell}</w:tc>" for cell in cells) + "</w:tr>"


LOOP = row(paragraph("{%tr for f in figures %}"))
BODY = row(paragraph("{{ f.name }}"), paragraph("{{ f.value }}"))
END = row(paragraph("{%tr endfor %}"))


def table(*rows: str) -> str:
    return "<w:tbl><w:tblPr/>" + "".join(rows) + "</w:tbl>"


def prepared(body: str) -> etree._Element:
    return etree.fromstring(keep_table_heads(part(body)).encode("utf-8"))


def heads(root: etree._Element) -> list[bool]:
    """Return, for each row of the first table, whether it repeats as the head."""
    rows = root.findall(".//w:tbl/w:tr", NS)
    return [row.find("w:trPr/w:tblHeader", NS) is not None for row in rows]


def kept(root: etree._Element) -> list[str]:
    """Return the text of every paragraph kept with the next."""
    return [
        "".join(p.itertext(f"{{{W}}}t"))
        for p in root.iter(f"{{{W}}}p")
        if p.find("w:pPr/w:keepNext", NS) is not None
    ]


def test_the_head_of_a_looped_table_repeats_and_keeps_its_name_and_first_row() -> None:
    header = row(paragraph("项目"), paragraph("数量"))
    root = prepared(paragraph("附：主要工作数据") + table(header, LOOP, BODY, END))

    assert heads(root) == [True, False, False, False]
    assert kept(root) == ["附：主要工作数据", "项目", "数量"]
    # -- the schema's order: trPr before the cells, keepNext first in pPr after pStyle --
    first = root.find(".//w:tr", NS)
    assert first is not None and etree.QName(first[0]).localname == "trPr"


def test_a_style_stays_first_in_the_paragraphs_properties() -> None:
    styled = paragraph("项目", '<w:pPr><w:pStyle w:val="TableHead"/><w:jc w:val="center"/></w:pPr>')
    root = prepared(table(row(styled), LOOP, BODY, END))

    (properties,) = root.findall(".//w:tr/w:tc/w:p/w:pPr", NS)[:1]
    assert [etree.QName(child).localname for child in properties] == ["pStyle", "keepNext", "jc"]


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (table(row(paragraph("项目")), BODY), "no loop"),
        (table(LOOP, BODY, END), "no row above the loop"),
        (
            table(*(row(paragraph(f"第{n}行")) for n in range(3)), LOOP, BODY, END),
            "three rows above: a form, not a heading",
        ),
        (
            table(
                row(paragraph("项目"), properties='<w:trPr><w:tblHeader w:val="0"/></w:trPr>'),
                LOOP,
                BODY,
                END,
            ),
            "the author said not to repeat it",
        ),  # fmt: skip
        (
            table(row(f"<w:p/>{table(row(paragraph('x')), LOOP, BODY, END)}"), BODY),
            "the loop is in a table nested in the outer table's row",
        ),
    ],
)
def test_a_table_that_is_not_a_looped_list_under_a_head_is_left_as_it_is(
    body: str, why: str
) -> None:
    outer = etree.fromstring(part(body).encode("utf-8")).find(".//w:tbl", NS)
    assert outer is not None
    before = etree.tostring(outer)
    root = prepared(body)
    after = root.find(".//w:tbl", NS)
    assert after is not None
    if "nested" in why:
        assert heads(root)[0] is False, why  # -- the outer row holds no loop of its own --
    else:
        assert etree.tostring(after) == before, why


@pytest.mark.parametrize(
    "above",
    [
        paragraph("今年全市工会共开展各类活动" * 5),  # -- a paragraph of the text --
        paragraph("{%p if figures %}"),  # -- a tag's line, which goes away --
        "<w:p/>",
    ],
)
def test_only_a_short_line_of_text_above_is_kept_with_the_table(above: str) -> None:
    root = prepared(above + table(row(paragraph("项目")), LOOP, BODY, END))

    assert kept(root) == ["项目"]


def test_a_part_without_a_loop_is_returned_as_it_was() -> None:
    xml = part(paragraph("附：主要工作数据") + table(row(paragraph("项目")), BODY))
    assert keep_table_heads(xml) is xml


def test_the_committees_figures_table_repeats_its_head(workspace_dir: Path) -> None:
    assert main(["render", "women-committee-2023"]) == 0

    document = docx.Document(str(workspace_dir / "output" / "women-committee-2023.docx"))
    (figures,) = document.tables
    rows = figures._tbl.findall("w:tr", NS)
    assert [r.find("w:trPr/w:tblHeader", NS) is not None for r in rows] == [True] + [False] * 4


@pytest.mark.soffice
def test_the_committees_table_starts_its_page_with_its_name_and_head(
    workspace_dir: Path, soffice: str, poppler: None
) -> None:
    # -- the table's name and head row were left alone at the foot of page 1 --
    assert main(["render", "women-committee-2023", "--pdf"]) == 0

    pdf = workspace_dir / "output" / "women-committee-2023.pdf"
    # -- a row of the table: the text writes the name in quotes --
    (page,) = [text for text in pdf_pages(pdf) if "新建爱心妈咪小屋56家" in text]
    assert "附：主要工作数据" in page and "项目数量单位" in page


def pdf_pages(pdf: Path) -> list[str]:
    """Return the text of each page of ``pdf``, without white space."""
    pages = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    return [re.sub(r"\s", "", page) for page in pages]


# -- headings --


def headings_kept(*paragraphs: str) -> list[str]:
    return kept(etree.fromstring(keep_headings(part("".join(paragraphs))).encode("utf-8")))


@pytest.mark.parametrize(
    "line",
    [
        "一、时间和地点",
        "十二、其他",
        "（三）关爱服务更加贴心",
        "第二部分 主要做法",
        "{{ item.no }}、{{ item.title }}",
        "主要事迹：",
        "{{ addressee }}：",
    ],
)
def test_a_heading_or_a_lead_in_line_is_kept_with_its_text(line: str) -> None:
    assert headings_kept(paragraph(line), paragraph("正文。")) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "（一）请各单位于3月12日前将参训人员名单报送市总工会财务部。",  # -- an item, a sentence --
        "一、" + "全市各级工会" * 6,  # -- too long for a heading --
        "{%p for item in items %}",
        "二〇二四年三月一日",
        "正文。",
    ],
)
def test_a_line_of_text_is_not_taken_for_a_heading(line: str) -> None:
    assert headings_kept(paragraph(line), paragraph("正文。")) == []


def test_a_heading_the_author_set_or_one_in_a_table_is_left_as_it_is() -> None:
    unkept = paragraph("一、时间和地点", '<w:pPr><w:keepNext w:val="0"/></w:pPr>')
    in_a_table = table(row(paragraph("二、参加人员")))
    xml = part(unkept + in_a_table)

    assert keep_headings(xml) is xml


def test_headers_and_footers_are_left_as_they_are() -> None:
    footer = f'<w:ftr xmlns:w="{W}">{paragraph("一、页脚")}</w:ftr>'
    assert keep_headings(footer) is footer


@pytest.mark.soffice
def test_the_notices_last_heading_starts_the_page_of_its_text(
    workspace_dir: Path, soffice: str, poppler: None
) -> None:
    # -- 四、有关要求 ended page 1, and its items began page 2 --
    assert main(["render", "training-notice", "--pdf"]) == 0

    pdf = next((workspace_dir / "output").glob("*培训班的通知.pdf"))
    (page,) = [text for text in pdf_pages(pdf) if "四、有关要求" in text]
    assert "（一）请各单位" in page
