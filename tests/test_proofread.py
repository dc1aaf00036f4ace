"""Proofreading: what a reviewer of a 公文 would mark, as warnings that do not stop a render."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import switch_on
from reportgen.cli import main
from reportgen.data.loader import load_report_data
from reportgen.data.proofread import chinese_number, numbering_slip
from reportgen.pdf import convert_to_pdf
from reportgen.pdf_proof import lonely_lines

REPORT = "five-year-report"


def warnings_of(workspace: Path, name: str = REPORT) -> list[str]:
    return [warning.text("en") for warning in load_report_data(workspace / "data" / name).warnings]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("numbers", "slip"),
    [
        ([1, 2, 3], None),
        ([1, 2, 4], ("jumps", 3, 4)),
        ([1, 2, 2], ("repeats", 3, 2)),
        ([2], ("jumps", 1, 2)),
    ],
)
def test_a_numbering_slip_is_its_first_wrong_number(
    numbers: list[int], slip: tuple[str, int, int] | None
) -> None:
    assert numbering_slip(numbers) == slip


@pytest.mark.parametrize(
    ("text", "value"), [("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("九十九", 99)]
)
def test_chinese_numbers_are_read(text: str, value: int) -> None:
    assert chinese_number(text) == value


def test_a_report_written_in_its_periods_last_year_is_not_too_early(workspace_dir: Path) -> None:
    # -- the five-year report on 2019-2023 is dated 2023-04-19, as such reports often are --
    assert warnings_of(workspace_dir) == []


def test_a_date_before_the_periods_last_year_is_a_warning(workspace_dir: Path) -> None:
    edit(workspace_dir / "data" / REPORT / "report.yaml", "date: 2023-04-19", "date: 2022-04-19")
    assert warnings_of(workspace_dir) == [
        f"warning: {workspace_dir}/data/five-year-report/report.yaml:10:1: report.date: the report "
        "is dated 2022-04-19, before the last year of its period (2023) began: is it last "
        "period's date? check date: and period:"
    ]


def test_a_notice_looks_ahead_and_is_not_dated_too_early(workspace_dir: Path) -> None:
    assert warnings_of(workspace_dir, "ankang-notice") == []
    assert warnings_of(workspace_dir, "youth-league-summary") == []


def test_ordinals_that_jump_are_found(workspace_dir: Path) -> None:
    part = workspace_dir / "data" / REPORT / "skills.yaml"
    edit(part, "鼓励职工学知识", "一是鼓励职工学知识；二是鼓励职工比技能；四是鼓励职工学知识")
    [jump] = warnings_of(workspace_dir)
    assert jump == (
        f"warning: {part}:19:5: skills.paragraphs: the numbering (一是、二是) jumps: number 4 "
        "comes where 3 should; renumber, or add what is missing"
    )


def test_paragraphs_numbered_twice_alike_are_found(workspace_dir: Path) -> None:
    part = workspace_dir / "data" / REPORT / "skills.yaml"
    edit(
        part, "paragraphs:\n", "paragraphs:\n  - 一、第一项。\n  - 二、第二项。\n  - 二、第三项。\n"
    )
    [repeat] = warnings_of(workspace_dir)
    assert repeat == (
        f"warning: {part}:21:5: skills.paragraphs: the numbering (一、) repeats: number 2 comes "
        "again where 3 should; renumber"
    )


def test_a_mention_of_an_attachment_the_report_lacks_is_found(workspace_dir: Path) -> None:
    part = workspace_dir / "data" / REPORT / "skills.yaml"
    edit(part, "鼓励职工学知识", "（详见附件）鼓励职工学知识")
    assert warnings_of(workspace_dir)[0].endswith(
        "skills.paragraphs: the text mentions 附件, but report.yaml has no attachment: add "
        "attachment:, or reword"
    )
    switch_on(workspace_dir)
    assert warnings_of(workspace_dir) == []  # -- with one, the mention is right --
    edit(part, "（详见附件）", "（详见附件2）")
    assert warnings_of(workspace_dir)[0].endswith(
        "the text mentions 附件2, but the report has 1 attachment (a single one is not numbered)"
    )


def test_a_title_ending_in_a_mark_and_a_year_written_two_ways_are_found(
    workspace_dir: Path,
) -> None:
    report = workspace_dir / "data" / REPORT / "report.yaml"
    edit(report, "title: 市工会5年工作汇报材料", "title: 市工会5年工作汇报材料。")
    edit(report, "过去的五年，", "二〇一九年以来的五年，")
    found = warnings_of(workspace_dir)
    assert found[0] == (
        f"warning: {report}:6:1: report.title: the title ends in '。': a title takes no "
        "punctuation at its end (GB/T 9704 7.3.1)"
    )
    assert any(
        "report.opening: a year is written as 二〇一九年 here and as " in warning
        for warning in found
    )


def test_check_and_render_show_warnings_and_succeed(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(workspace_dir / "data" / REPORT / "report.yaml", "date: 2023-04-19", "date: 2022-04-19")
    assert main(["check", REPORT]) == 0
    assert "report.date: the report is dated 2022-04-19" in capsys.readouterr().err
    assert main(["render", REPORT]) == 0
    captured = capsys.readouterr()
    assert captured.out == "output/2023年市工会5年工作汇报材料.docx\n"
    assert "warning: " in captured.err
    monkeypatch.setenv("REPORTGEN_LANG", "zh")
    assert main(["check", REPORT]) == 0
    assert capsys.readouterr().err.endswith(
        "report.date: 成文日期 2022年4月19日 早于汇报周期的最后一年（2023年），是否沿用了上一周期的"
        "日期？请核对 date 和 period\n"
    )


def test_a_paragraph_ending_in_one_character_is_found_on_the_page(
    workspace_dir: Path, soffice: str, poppler: None, capsys: pytest.CaptureFixture[str]
) -> None:
    # -- 26 characters on the indented first line, 28 on the next, one left for the third --
    paragraph = "甲" * 26 + "乙" * 28 + "丙。"
    report = workspace_dir / "data" / REPORT / "report.yaml"
    text = report.read_text(encoding="utf-8")
    start = text.index("    过去的五年")
    end = text.index("\n", start)
    report.write_text(text[:start] + f"    {paragraph}" + text[end:], encoding="utf-8")
    assert main(["render", REPORT]) == 0
    document = workspace_dir / "output" / "2023年市工会5年工作汇报材料.docx"
    [pdf] = convert_to_pdf([document], workspace_dir / "pdf")
    [lonely] = lonely_lines(document, pdf)
    assert (lonely.page, lonely.line) == (1, "丙。")
    capsys.readouterr()
    assert main(["check", "--pdf", REPORT]) == 0
    expected = (
        "warning: 2023年市工会5年工作汇报材料.pdf: page 1: the paragraph “{start}” ends with one "
        "character alone on its last line (“丙。”): shorten or lengthen it by a few characters"
    )
    assert expected.format(start="甲" * 12 + "…") in capsys.readouterr().err.splitlines()
