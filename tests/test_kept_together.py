"""What belongs together stays together: a looped table's head with its rows and its name, a
heading with its text, a signature with its date, a long title's words on their lines.

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
from reportgen.template.titles import break_long_title
from reportgen.text.environment import make_environment
from reportgen.text.limits import budget

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
            table(
                row(paragraph("{%tr if figures %}")),
                LOOP,
                BODY,
                END,
                row(paragraph("{%tr endif %}")),
            ),
            "the row above is a tag's, which goes away",
        ),
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


@pytest.mark.parametrize(
    ("signature", "date"),
    [
        ("市总工会办公室", "2024年3月1日"),
        ("{{ issuer }}", "{{ date }}"),
        ("{{ org_name }}", "{{ date | cn_date }}"),
        ("江州市总工会", "二〇二四年三月一日"),
    ],
)
def test_a_signature_is_kept_with_the_date_under_it(signature: str, date: str) -> None:
    assert headings_kept(paragraph("正文。"), paragraph(signature), paragraph(date)) == [signature]


def test_a_sentence_over_a_date_is_not_a_signature() -> None:
    assert headings_kept(paragraph("特此通知。"), paragraph("2024年3月1日")) == []


def test_a_heading_the_author_set_or_one_in_a_table_is_left_as_it_is() -> None:
    unkept = paragraph("一、时间和地点", '<w:pPr><w:keepNext w:val="0"/></w:pPr>')
    in_a_table = table(row(paragraph("二、参加人员")))
    xml = part(unkept + in_a_table)

    assert keep_headings(xml) is xml


def test_headers_and_footers_are_left_as_they_are() -> None:
    footer = f'<w:ftr xmlns:w="{W}">{paragraph("一、页脚")}</w:ftr>'
    assert keep_headings(footer) is footer


# -- a hand-made template's long title --

SECTION = (
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/></w:sectPr>'
)
TITLE_FORMAT = '<w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr>'
CENTRED = '<w:pPr><w:jc w:val="center"/></w:pPr>'


def title_part(
    *texts: str, paragraph_properties: str = CENTRED, run_format: str = TITLE_FORMAT
) -> str:
    runs = "".join(f"<w:r>{run_format}<w:t>{text}</w:t></w:r>" for text in texts)
    return part(f"<w:p>{paragraph_properties}{runs}</w:p>{paragraph('正文。')}{SECTION}")


def first_paragraph(xml: str) -> tuple[list[str], int]:
    """Return the texts of the first paragraph, and its line breaks."""
    root = etree.fromstring(xml.encode("utf-8"))
    first = root.find(".//w:p", NS)
    assert first is not None
    return [t.text or "" for t in first.iter(f"{{{W}}}t")], len(first.findall(".//w:br", NS))


def test_a_long_title_of_plain_text_is_set_on_lines_between_words() -> None:
    xml = break_long_title(title_part("关于举办2024年全市工会财务干部", "业务培训班的通知"))

    # -- 8845 twips of text block, 22 pt characters: 20 a line --
    assert first_paragraph(xml) == (["关于举办2024年全市工会", "财务干部业务培训班的通知"], 1)


def test_a_title_holding_tags_is_broken_once_printed() -> None:
    xml = break_long_title(title_part("关于举办{{ training.", "name }}的通知"))

    assert first_paragraph(xml) == (
        ["{% filter title_lines(20) %}关于举办{{ training.name }}的通知{% endfilter %}"],
        0,
    )


@pytest.mark.parametrize(
    ("xml", "why"),
    [
        (
            title_part("关于举办2024年全市工会财务干部业务培训班的通知", paragraph_properties=""),
            "not centred",
        ),
        (
            title_part(
                "关于举办2024年全市工会财务干部业务培训班的通知",
                run_format='<w:rPr><w:sz w:val="32"/></w:rPr>',
            ),
            "the body's size, not a title's",
        ),
        (
            title_part("关于举办2024年", "全市工会财务干部业务培训班的通知", run_format="<w:rPr/>"),
            "a size from a style",
        ),
        (
            title_part("{% if a %}关于举办2024年全市工会财务干部业务培训班的通知{% endif %}"),
            "a block",
        ),
        (title_part("荣誉证书"), "short enough for one line"),
        (
            title_part("{{r rich_title }}关于举办2024年全市工会财务干部业务培训班的通知"),
            "a run tag",
        ),
        (
            title_part('{{ logo | picture(height="2cm") }}关于举办全市工会财务干部培训班的通知'),
            "a picture",
        ),
    ],
)
def test_only_a_clear_title_that_needs_it_is_broken(xml: str, why: str) -> None:
    assert break_long_title(xml) is xml, why


def test_a_break_never_falls_inside_an_escaped_character() -> None:
    environment = make_environment(for_docx=True)
    source = "{% filter title_lines(7) %}关于{{ name }}的通知{% endfilter %}"
    with budget():
        printed = environment.from_string(source).render(name="工会&企业联合开展劳动竞赛活动")

    assert printed.replace("\n", "") == "关于工会&amp;企业联合开展劳动竞赛活动的通知"
    assert all("&" not in line or "&amp;" in line for line in printed.split("\n"))


@pytest.mark.soffice
def test_the_notice_keeps_its_last_heading_with_its_text_and_its_title_whole_words(
    workspace_dir: Path, soffice: str, poppler: None
) -> None:
    # -- 四、有关要求 ended page 1 alone, and the title broke inside a word: 业务培训 / 班的通知 --
    assert main(["render", "training-notice", "--pdf"]) == 0

    pdf = next((workspace_dir / "output").glob("*培训班的通知.pdf"))
    (page,) = [text for text in pdf_pages(pdf) if "四、有关要求" in text]
    assert "（一）请各单位" in page
    first_lines = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[:2]
    assert [re.sub(r"\s", "", line) for line in first_lines] == [
        "关于举办2024年全市工会",
        "财务干部业务培训班的通知",
    ]


def test_xml_printed_in_a_broken_title_is_left_whole() -> None:
    from markupsafe import Markup

    from reportgen.text.titles import title_lines

    drawing = Markup("<w:r><w:drawing/></w:r>关于举办2024年全市工会财务干部业务培训班的通知")
    assert title_lines(drawing, 8) is drawing
