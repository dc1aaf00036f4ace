"""The optional attachment: 主要指标情况表 by year, and a chart of one figure, after the body."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Cm

from helpers import ATTACHMENT, switch_on
from reportgen.cli import main
from reportgen.data.attachment import AttachmentRow
from reportgen.data.loader import load_report_data
from reportgen.errors import DataError
from reportgen.ooxml.grids import fit_table_grids

FIXTURES = Path(__file__).resolve().parent / "fixtures"
OUTPUT = Path("output") / "2023年市工会5年工作汇报材料.docx"


def test_the_sample_yearly_figures_sum_to_the_totals_the_text_prints(workspace_dir: Path) -> None:
    context = load_report_data(workspace_dir / "data" / "five-year-report").context
    collected, adopted = context["proposals"].collected, context["proposals"].adopted
    assert (collected.value, adopted.value) == (16489, 5795)
    assert sorted(collected.by_year) == sorted(adopted.by_year) == [2019, 2020, 2021, 2022, 2023]
    assert not context["attachment"]  # -- off in the sample data --


def test_the_attachment_rows_hold_the_years_the_total_and_the_change(workspace_dir: Path) -> None:
    switch_on(workspace_dir)
    attachment = load_report_data(workspace_dir / "data" / "five-year-report").context["attachment"]
    assert attachment
    assert (attachment.title, attachment.years, attachment.total_heading) == (
        "主要指标情况表",
        [2019, 2020, 2021, 2022, 2023],
        "五年合计",
    )
    dash = "—"
    assert attachment.rows == [
        AttachmentRow(
            "征集合理化建议",
            "条",
            ["3012", "3105", "3268", "3437", "3667"],
            "16489",
            "14260",
            "+15.6%",
        ),
        AttachmentRow(
            "采纳实施合理化建议",
            "条",
            ["1032", "1089", "1146", "1218", "1310"],
            "5795",
            "4733",
            "+22.4%",
        ),
        # -- a rate: each year's share, and the change in percentage points --
        AttachmentRow(
            "合理化建议采纳率",
            "%",
            ["34.3", "35.1", "35.1", "35.4", "35.7"],
            "35.1",
            "33.2",
            "+1.9个百分点",
        ),
        # -- no years, no previous period: dashes; the scale moves into the unit --
        AttachmentRow("合理化建议创造经济效益", "亿元", [dash] * 5, "2", dash, dash),
    ]
    assert attachment.rows[0].heading == "征集合理化建议（条）"
    assert str(attachment.chart) == "2019—2023年征集合理化建议柱状图"


def test_unknown_figures_are_reported_with_their_line(workspace_dir: Path) -> None:
    report = switch_on(
        workspace_dir,
        "attachment:\n  figures: [proposals.colected, benefit]\n  chart: proposals.benefit\n",
    )
    line = len(report.read_text(encoding="utf-8").splitlines()) - 1
    with pytest.raises(DataError) as raised:
        load_report_data(workspace_dir / "data" / "five-year-report")
    assert [str(problem) for problem in raised.value.problems] == [
        f"{report}:{line}:13: report.attachment.figures: no figure named 'proposals.colected' "
        "(did you mean 'proposals.collected'?)",
        f"{report}:{line}:33: report.attachment.figures: no figure named 'benefit'",
        f"{report}:{line + 1}:3: report.attachment.chart: 'proposals.benefit' has no values "
        "by year to chart: give it by_year",
    ]


def test_a_part_cannot_be_named_attachment(workspace_dir: Path) -> None:
    folder = workspace_dir / "data" / "five-year-report"
    (folder / "skills.yaml").rename(folder / "attachment.yaml")
    report = folder / "report.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("  - skills ", "  - attachment "),
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="'attachment' names the attachment in templates"):
        load_report_data(folder)


def rendered(workspace: Path) -> docx.document.Document:
    assert main(["render", "five-year-report"]) == 0
    return docx.Document(str(workspace / OUTPUT))


def test_switched_on_the_attachment_follows_the_body_on_a_page_of_its_own(
    workspace_dir: Path,
) -> None:
    switch_on(workspace_dir)
    document = rendered(workspace_dir)
    paragraphs = document.paragraphs
    body = (FIXTURES / "restored_report.txt").read_text(encoding="utf-8").splitlines()
    assert [p.text for p in paragraphs[: len(body)]] == body
    tail = paragraphs[len(body) :]
    assert [(p.style.style_id, p.text) for p in tail] == [
        ("Normal", ""),  # -- one blank line between the body and the note --
        ("Normal", "附件：主要指标情况表"),  # -- indented two characters, like the body --
        ("Attachment", "附件"),
        ("Title", "主要指标情况表"),
        ("Picture", ""),
    ]
    attachment_style = document.styles["Attachment"].element.pPr
    assert attachment_style.find(docx.oxml.ns.qn("w:pageBreakBefore")) is not None
    fonts = document.styles["Attachment"].element.rPr.find(docx.oxml.ns.qn("w:rFonts"))
    assert fonts.get(docx.oxml.ns.qn("w:eastAsia")) == "黑体"


def test_the_table_has_a_column_a_year_and_a_row_a_figure(workspace_dir: Path) -> None:
    switch_on(workspace_dir)
    [table] = rendered(workspace_dir).tables
    assert [" ".join(cell.text for cell in row.cells) for row in table.rows] == [
        "指标 2019年 2020年 2021年 2022年 2023年 五年合计 上期 增减",
        "征集合理化建议（条） 3012 3105 3268 3437 3667 16489 14260 +15.6%",
        "采纳实施合理化建议（条） 1032 1089 1146 1218 1310 5795 4733 +22.4%",
        "合理化建议采纳率（%） 34.3 35.1 35.1 35.4 35.7 35.1 33.2 +1.9个百分点",
        "合理化建议创造经济效益（亿元） — — — — — 2 — —",
    ]
    assert len(table.columns) == 9
    header, *rows = table.rows
    assert {paragraph.style.style_id for cell in header.cells for paragraph in cell.paragraphs} == {
        "TableHeading"
    }
    body_cells = [cell for row in rows for cell in row.cells]
    assert {p.style.style_id for cell in body_cells for p in cell.paragraphs} == {"TableText"}
    # -- the grid follows the nine columns and spans the 156 mm text block --
    grid = [int(column.get(docx.oxml.ns.qn("w:w"))) for column in table._tbl.tblGrid]
    assert grid == [1385, 920, 920, 920, 920, 920, 1080, 800, 980]
    assert sum(grid) == 11906 - 1587 - 1474


def test_the_table_styles_use_the_layout_fonts(workspace_dir: Path) -> None:
    switch_on(workspace_dir)
    styles = rendered(workspace_dir).styles
    qn = docx.oxml.ns.qn
    for name, east_asian in (("Table Text", "仿宋_GB2312"), ("Table Heading", "黑体")):
        properties = styles[name].element.rPr
        assert properties.find(qn("w:rFonts")).get(qn("w:eastAsia")) == east_asian
        assert properties.find(qn("w:sz")).get(qn("w:val")) == "24"  # 小四


def test_the_chart_is_a_png_14_by_6_3_cm_in_the_package(workspace_dir: Path) -> None:
    switch_on(workspace_dir)
    document = rendered(workspace_dir)
    [shape] = document.inline_shapes
    assert (shape.width, shape.height) == (Cm(14), Cm(6.3))
    with zipfile.ZipFile(workspace_dir / OUTPUT) as package:
        names = package.namelist()
        png = package.read("word/media/reportgen-picture1.png")
        types = package.read("[Content_Types].xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
    assert names[-1] == "word/media/reportgen-picture1.png"
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert '<Default Extension="png" ContentType="image/png"/>' in types
    assert (
        '<Relationship Id="rIdReportgenPicture1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/image" Target="media/reportgen-picture1.png"/>'
    ) in rels
    [blip] = document.element.body.xpath(".//a:blip")
    assert blip.get(docx.oxml.ns.qn("r:embed")) == "rIdReportgenPicture1"
    assert document.part.related_parts["rIdReportgenPicture1"].blob == png


def test_with_the_attachment_the_output_is_still_byte_identical(workspace_dir: Path) -> None:
    switch_on(workspace_dir)
    assert main(["render", "five-year-report"]) == 0
    first = (workspace_dir / OUTPUT).read_bytes()
    assert main(["render", "five-year-report"]) == 0
    assert (workspace_dir / OUTPUT).read_bytes() == first


def test_switched_off_no_table_and_no_picture_are_left(workspace_dir: Path) -> None:
    document = rendered(workspace_dir)
    assert document.tables == []
    with zipfile.ZipFile(workspace_dir / OUTPUT) as package:
        assert not [name for name in package.namelist() if name.startswith("word/media/")]


def test_without_a_chart_the_table_stands_alone(workspace_dir: Path) -> None:
    switch_on(workspace_dir, ATTACHMENT)
    document = rendered(workspace_dir)
    assert len(document.tables) == 1
    assert document.inline_shapes._inline_lst == []
    assert document.paragraphs[-1].text == "主要指标情况表"


def test_a_shorter_period_spreads_its_years_over_the_same_width() -> None:
    # -- a three-year render of the five-year table: 7 cells, where the template's grid of
    #    7 columns included the two loop tags --
    def cells(widths: list[int]) -> str:
        cell = '<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/></w:tcPr></w:tc>'
        return "".join(cell.format(width) for width in widths)

    template_grid = [1385, 1840, 920, 1840, 1080, 800, 980]
    rendered_cells = [1385, 920, 920, 920, 1080, 800, 980]
    xml = (
        "<w:tbl><w:tblGrid>"
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in template_grid)
        + "</w:tblGrid><w:tr>"
        + cells(rendered_cells)
        + "</w:tr><w:tr>"
        + cells(rendered_cells)
        + "</w:tr></w:tbl>"
    )
    fitted = fit_table_grids(xml)
    grid = [int(width) for width in re.findall(r'gridCol w:w="(\d+)"', fitted)]
    assert sum(grid) == sum(template_grid) == 8845
    assert grid == [1752, 1161, 1161, 1161, 1363, 1010, 1237]
    assert re.findall(r'tcW w:w="(\d+)"', fitted) == [str(width) for width in grid] * 2
    # -- a table whose cells already match its grid is left alone --
    assert fit_table_grids(fitted) == fitted


# -- in a real client: LibreOffice lays out the attachment --


def pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


@pytest.mark.soffice
def test_libreoffice_puts_the_attachment_on_its_own_page_with_the_table_and_chart(
    workspace_dir: Path, soffice: str, poppler: None, tmp_path: Path
) -> None:
    pdf = workspace_dir / OUTPUT.with_suffix(".pdf")
    assert main(["render", "--pdf", "five-year-report"]) == 0
    without = pdf_pages(pdf)
    switch_on(workspace_dir)
    assert main(["render", "--pdf", "five-year-report"]) == 0
    pages = pdf_pages(pdf)

    # -- the note follows the body, on its last page or (when that is full) the next;
    #    the attachment takes one page more, of its own --
    [note_page] = [index for index, page in enumerate(pages) if "附件：主要指标情况表" in page]
    assert note_page in (len(without) - 1, len(without))
    assert len(pages) == note_page + 2
    assert pages[: len(without) - 1] == without[:-1]
    attachment = pages[-1]
    lines = [line.strip() for line in attachment.splitlines() if line.strip()]
    assert lines[:2] == ["附件", "主要指标情况表"]
    flat = re.sub(r"\s", "", attachment)
    for year in range(2019, 2024):
        assert f"{year}年" in flat
    for figures in (
        "3012310532683437366716489",
        "1032108911461218131057954733+22.4%",
        "34.335.135.135.435.735.133.2",
    ):
        assert figures in flat
    assert "14260+15.6%" in flat
    # -- the chart: one picture on the last page, its title and bars' labels drawn in --
    images = subprocess.run(
        ["pdfimages", "-list", "-f", str(len(pages)), "-l", str(len(pages)), str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    # -- 14 x 6.3 cm at 200 dpi, in RGB: no alpha channel, so no soft mask --
    assert [line.split()[2:5] for line in images] == [["image", "1102", "496"]]


def test_without_a_chinese_font_the_chart_names_the_package_to_install(
    workspace_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reportgen.data import chart

    monkeypatch.setattr(chart, "CJK_FAMILIES", ("No Such Face",))
    switch_on(workspace_dir)
    assert main(["render", "five-year-report"]) == 1
    assert capsys.readouterr().err == (
        "no font with Chinese glyphs for the chart (looked for No Such Face); install "
        "one with: apt-get install fonts-noto-cjk\n1 problem found\n"
    )
    assert not (workspace_dir / OUTPUT).exists()


def test_fields_describes_the_attachment(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fields", "five-year-report"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(None, 1)[0] for line in lines].count("attachment") == 1
    (attachment,) = [line for line in lines if line.split()[0] == "attachment"]
    assert attachment.split(None, 1)[1].split() == [
        "made",
        "by",
        "reportgen",
        "attachment:",
        "…",
        "(optional;",
        "what",
        "it",
        "holds",
        "is",
        "made",
        "from",
        "it,",
        "see",
        "the",
        "README)",
    ]
