"""The five-year report, rendered from the sample data, reopened with python-docx."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
from docx.shared import Pt

from reportgen.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
OUTPUT_NAME = "2023年市工会5年工作汇报材料.docx"
QUALIFIED = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def expected_paragraphs() -> list[str]:
    return (FIXTURES / "restored_report.txt").read_text(encoding="utf-8").splitlines()


def render(workspace: Path) -> Path:
    assert main(["render", "five-year-report"]) == 0
    return workspace / "output" / OUTPUT_NAME


def test_render_prints_each_file_written(workspace_dir: Path, capsys) -> None:
    assert main(["render", "five-year-report"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"output/{OUTPUT_NAME}"]


def test_text_is_the_restored_report_in_order(workspace_dir: Path) -> None:
    document = docx.Document(str(render(workspace_dir)))
    assert [paragraph.text for paragraph in document.paragraphs] == expected_paragraphs()


def test_no_tag_is_left(workspace_dir: Path) -> None:
    document = docx.Document(str(render(workspace_dir)))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    for section in document.sections:
        for part in (section.footer, section.even_page_footer, section.header):
            text += "\n".join(paragraph.text for paragraph in part.paragraphs)
    assert re.search(r"\{\{|\}\}|\{%|%\}", text) is None


def test_lead_sentences_are_bold_and_open_their_part(workspace_dir: Path) -> None:
    document = docx.Document(str(render(workspace_dir)))
    leads = {
        "经济技术创新不断拓展了劳动竞赛新路子。",
        "合理化建议充分展示了职工的聪明才智。",
        "技术比武成功铺就了职工岗位成才的平台。",
        "劳动保护有效地保障了职工的健康安全，",
    }
    bold_runs = [
        run.text
        for paragraph in document.paragraphs
        for run in paragraph.runs
        if run.text and (run.bold or (run.style is not None and run.style.font.bold))
    ]
    assert set(bold_runs) == leads
    assert len(bold_runs) == 4


def test_page_is_a4_with_the_layout_margins(workspace_dir: Path) -> None:
    section = docx.Document(str(render(workspace_dir))).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert section.top_margin.twips == 2098
    assert section.bottom_margin.twips == 1984
    assert section.left_margin.twips == 1587
    assert section.right_margin.twips == 1474


def test_styles_carry_the_chinese_fonts_and_sizes(workspace_dir: Path) -> None:
    styles = docx.Document(str(render(workspace_dir))).styles

    def east_asian_font(style_name: str) -> str:
        fonts = styles[style_name].element.rPr.find(f"{QUALIFIED}rFonts")
        return fonts.get(f"{QUALIFIED}eastAsia")

    assert east_asian_font("Normal") == "仿宋_GB2312"
    assert styles["Normal"].font.size == Pt(16)
    assert east_asian_font("Title") == "方正小标宋简体"
    assert styles["Title"].font.size == Pt(22)


def test_document_properties_come_from_the_data(workspace_dir: Path) -> None:
    properties = docx.Document(str(render(workspace_dir))).core_properties
    assert properties.title == "市工会5年工作汇报材料"
    assert properties.author == "市总工会"
    assert properties.created == dt.datetime(2023, 4, 19, tzinfo=dt.UTC)


def test_rendering_twice_gives_identical_bytes(workspace_dir: Path) -> None:
    first = render(workspace_dir).read_bytes()
    second = render(workspace_dir).read_bytes()
    assert first == second


def test_a_figure_changed_once_changes_everywhere_it_shows(workspace_dir: Path) -> None:
    proposals = workspace_dir / "data" / "five-year-report" / "proposals.yaml"
    text = proposals.read_text(encoding="utf-8")
    # city_commended is printed as a count and, through the derived share, as a percentage.
    changed = re.sub(r"(city_commended:.*\n(?:\s+\w+:.*\n)*?\s+value:) 37", r"\1 45", text)
    assert changed != text
    proposals.write_text(changed, encoding="utf-8")

    paragraphs = [p.text for p in docx.Document(str(render(workspace_dir))).paragraphs]
    expected = [
        paragraph.replace("我市37项，占受表彰成果的37%", "我市45项，占受表彰成果的45%")
        for paragraph in expected_paragraphs()
    ]
    assert expected != expected_paragraphs()
    assert paragraphs == expected


def test_a_year_of_the_period_moves_with_the_period(workspace_dir: Path) -> None:
    report = workspace_dir / "data" / "five-year-report" / "report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("end: 2023", "end: 2024"), encoding="utf-8")
    written = workspace_dir / "output" / "2024年市工会5年工作汇报材料.docx"
    assert main(["render", "five-year-report"]) == 0
    paragraphs = [p.text for p in docx.Document(str(written)).paragraphs]
    assert "发展到2024年160多家" in paragraphs[6]
