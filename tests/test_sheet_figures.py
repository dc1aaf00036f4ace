"""Figures from a spreadsheet: a statistics office's sheet, and the sheet reportgen writes to fill.

Workbooks are written with openpyxl as an office would, and filled in with openpyxl as a
clerk fills them in Excel; reportgen reads them back when it loads the report.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import openpyxl
import pytest

from reportgen.cli import main
from reportgen.commands.fill_sheet import WORKBOOK, write_fill_sheet
from reportgen.data.loader import load_report_data
from reportgen.errors import DataError
from reportgen.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent
REPORT = "youth-league-summary"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "workspace"
    for name in ("five-year-report", REPORT):
        shutil.copytree(REPO / "data" / name, root / "data" / name)
    shutil.copytree(REPO / "templates", root / "templates")
    monkeypatch.chdir(root)
    return root


PART = """\
lead: 团员发展有序推进。
paragraphs:
  - 全年发展团员{{ recruited }}名，培训团干部{{ trained }}人次。
figures_sheet:
  file: 统计数据.xlsx
  sheet: 团员发展
  rows: 3-4
figures:
  recruited: {label: 发展团员, unit: 名}
  trained: {label: 培训团干部, unit: 人次}
"""


def office_sheet(path: Path, rows: list[list[object]]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "说明"
    sheet["A1"] = "江州市统计局 2023 年报"
    data = book.create_sheet("团员发展")
    data.append(["指标名称", "计量单位", "2022年", "2023年", "备注"])
    data.append(["一、组织建设", None, None, None, None])
    for row in rows:
        data.append(row)
    data.append(["注：本表由市统计局提供", None, None, None, None])
    book.save(path)


def add_part(workspace: Path, text: str = PART) -> Path:
    folder = workspace / "data" / REPORT
    (folder / "members.yaml").write_text(text, "utf-8")
    report = folder / "report.yaml"
    source = report.read_text("utf-8")
    start = source.index("parts:")
    report.write_text(source[:start] + "parts:\n  - members\n" + source[start + 7 :], "utf-8")
    return folder


def test_figures_by_year_come_from_a_statistics_office_sheet(workspace: Path) -> None:
    folder = add_part(workspace)
    office_sheet(
        folder / "统计数据.xlsx",
        [["发展团员", "名", 1200, 1350, None], ["培训团干部", "人次", 860.0, 910, "含线上"]],
    )

    data = load_report_data(folder)

    members = data.context["members"]
    assert members.recruited.by_year == {2023: 1350}
    assert members.recruited.value == 1350
    assert isinstance(members.trained.value, int)  # -- 910, not 910.0 --
    assert members.trained.unit == "人次"
    assert members.paragraphs == ["全年发展团员1350名，培训团干部910人次。"]


@pytest.mark.parametrize("kind", ["missing", "pipe", "link out"])
def test_a_workbook_that_is_no_file_beside_the_data_is_refused_at_once(
    workspace: Path, tmp_path: Path, kind: str
) -> None:
    # -- a pipe named 统计数据.xlsx waited for ever for a writer; a link to a workbook outside
    # the folder gave its figures; a missing one said to close it in other programs --
    folder = add_part(workspace)
    path = folder / "统计数据.xlsx"
    elsewhere = tmp_path / "elsewhere.xlsx"
    office_sheet(elsewhere, [["发展团员", "名", 1200, 1350, None]])
    if kind == "pipe":
        os.mkfifo(path)
    elif kind == "link out":
        path.symlink_to(elsewhere)

    with pytest.raises(DataError) as raised:
        load_report_data(folder)

    [problem] = [p for p in raised.value.problems if p.file == path]
    assert problem.text("en") == (
        f"{path}: is a link to {elsewhere}, outside {folder}: reportgen reads and writes only "
        "inside its folders; put the file or folder itself there, or remove the link"
        if kind == "link out"
        else f"{path}: file not found: put the workbook beside the data file whose figures_sheet "
        "names it, or correct its name there"
    )


def test_a_number_the_sheet_holds_as_text_is_read_as_it_shows(workspace: Path) -> None:
    # Excel's "number stored as text": pasted from a web page or a system's export, it shows
    # as 1,350 with a small green triangle that few clerks know.
    folder = add_part(workspace)
    office_sheet(
        folder / "统计数据.xlsx",
        [
            ["发展团员", "名", "1,200", " 1,350 ", None],
            ["培训团干部", "人次", "860", "９１０", None],
        ],
    )

    members = load_report_data(folder).context["members"]

    assert members.recruited.by_year == {2023: 1350}
    assert members.trained.by_year == {2023: 910}


def test_the_sample_takes_its_figures_from_the_statistics_office_sheet(workspace: Path) -> None:
    shutil.copytree(REPO / "data" / "worker-homes", workspace / "data" / "worker-homes")

    data = load_report_data(workspace / "data" / "worker-homes")

    homes = data.context["homes"]
    assert homes.model_homes.by_year == {2019: 36, 2020: 41, 2021: 45, 2022: 52, 2023: 58}
    assert homes.model_homes.previous == 150
    assert str(homes.funds) == "近3330万"
    assert homes.paragraphs[0].startswith("五年来，全市新建成模范职工之家232个，其中2023年58个；")
    sheet = workspace / "data" / "worker-homes" / "统计数据.xlsx"
    assert sheet in data.files  # -- a change to the sheet loads the report again --


def test_problems_in_the_sheet_are_named_by_their_cell(workspace: Path) -> None:
    folder = add_part(workspace)
    office_sheet(
        folder / "统计数据.xlsx",
        [["发展团员", "万名", 1200, 1350, None], ["培训团干部 ", "人次", 860, "九百", None]],
    )
    sheet = folder / "统计数据.xlsx"

    with pytest.raises(DataError) as caught:
        load_report_data(folder)

    assert [str(problem) for problem in caught.value.problems] == [
        f"{sheet}:团员发展!B3: the sheet gives recruited in 万名, the data file in 名: convert "
        "the numbers, or correct the unit",
        f"{sheet}:团员发展!D4: should be a number of 0 or more, not '九百'",
    ]


def test_a_formula_excel_never_worked_out_says_to_save_the_sheet_in_excel(workspace: Path) -> None:
    # A statistics system's export, written with its formulas and no values: Excel shows the
    # numbers, but they read as empty, and the problem only said to enter them.
    folder = add_part(workspace)
    office_sheet(
        folder / "统计数据.xlsx",
        [["发展团员", "名", 1200, "=C3*1.1", None], ["培训团干部", "人次", 860, None, None]],
    )
    sheet = folder / "统计数据.xlsx"

    with pytest.raises(DataError) as caught:
        load_report_data(folder)

    assert [str(problem) for problem in caught.value.problems] == [
        f"{sheet}:团员发展!D3: no value for 2023: the cell holds a formula whose value was never "
        "worked out (a program wrote 统计数据.xlsx and Excel has not saved it since): open "
        "统计数据.xlsx in Excel or WPS, save it, and run this again",
        f"{sheet}:团员发展!D4: no value for 2023: enter it",
    ]
    assert caught.value.problems[0].message.text("zh") == (
        "2023年没有数值：该单元格是公式，但结果从未计算过（统计数据.xlsx 由程序生成，"
        "之后没有在 Excel 里保存过）：请用 Excel 或 WPS 打开 统计数据.xlsx，保存后再运行一次"
    )


def test_an_indicator_that_matches_no_figure_is_reported(workspace: Path) -> None:
    folder = add_part(workspace, PART.replace("rows: 3-4", "rows: 3-5"))
    office_sheet(
        folder / "统计数据.xlsx",
        [
            ["发展团员", "名", 1200, 1350],
            ["培训团干部", "人次", 860, 910],
            ["培训团干", "人", 1, 2],
        ],
    )

    with pytest.raises(DataError) as caught:
        load_report_data(folder)

    assert str(caught.value.problems[0]) == (
        f"{folder / '统计数据.xlsx'}:团员发展!A5: no figure of the data file is called "
        "'培训团干' (did you mean '培训团干部'?): give the figure this label, or leave the row "
        "out of figures_sheet.rows"
    )


# -- the sheet to fill, and back --


def test_the_fill_sheet_round_trips_through_a_new_period(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new-period", "five-year-report"]) == 0
    new = "five-year-report-2024-2028"
    capsys.readouterr()
    assert main(["fill-sheet", new]) == 0
    out = capsys.readouterr().out.splitlines()
    folder = workspace / "data" / new
    assert out[0] == f"data/{new}/{WORKBOOK}"
    assert out[-1].startswith("43 figures to fill in competitions, proposals, skills, ")

    # -- the statistics office fills every open cell, as in Excel --
    book = openpyxl.load_workbook(folder / WORKBOOK)
    filled: dict[tuple[str, str], list[float]] = {}
    for sheet in book.worksheets:
        header = [cell.value for cell in sheet[1]]
        assert header[:2] == ["指标", "单位"] and header[-2:] == ["合计", "上期"]
        assert header[2:-2] == [f"{year}年" for year in range(2024, 2029)]
        validations = sheet.data_validations.dataValidation
        assert validations and {v.type for v in validations} == {"decimal"}
        open_cells = {str(cell) for v in validations for cell in v.sqref.ranges}
        for row in sheet.iter_rows(min_row=2):
            numbers = []
            for cell in row[2:-1]:
                if cell.coordinate in open_cells:
                    cell.value = 100_000 - 1000 * cell.row + cell.column  # -- shares below 1 --
                    numbers.append(cell.value)
            filled[(sheet.title, str(row[0].value))] = numbers
    book.save(folder / WORKBOOK)
    report = folder / "report.yaml"
    report.write_text(report.read_text("utf-8").replace("date: ~", "date: 2029-04-19"), "utf-8")

    data = load_report_data(folder)

    proposals = data.context["proposals"]
    collected = proposals.collected
    assert list(collected.by_year) == [2024, 2025, 2026, 2027, 2028]
    assert list(collected.by_year.values()) == filled[("proposals", collected.label)]
    assert collected.previous == 16489  # -- the last period's, kept --
    assert main(["render", new]) == 0


def test_the_fill_sheet_is_the_same_bytes_each_time(workspace: Path) -> None:
    assert main(["new-period", "five-year-report"]) == 0
    space = Workspace.find(workspace)
    first = write_fill_sheet(space, "five-year-report-2024-2028").workbook.read_bytes()
    again = write_fill_sheet(space, "five-year-report-2024-2028")

    assert again.workbook.read_bytes() == first
    assert again.files == []  # -- the data files point at it already --


def test_a_report_with_nothing_to_fill_is_told_so(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fill-sheet", "five-year-report"]) == 1

    assert "no figure of 'five-year-report' awaits its value" in capsys.readouterr().err


@pytest.mark.parametrize("heading", ["{year}年度", "{year} 年度", "{full}年", "{year}"])
def test_a_year_column_headed_as_statistics_offices_head_it_is_read(
    workspace: Path, heading: str
) -> None:
    # -- 2019年度 heads a year's column in most statistical tables: the sheet was refused as
    # naming no year, and every figure it gives was said to be missing --
    shutil.copytree(REPO / "data" / "worker-homes", workspace / "data" / "worker-homes")
    sheet = workspace / "data" / "worker-homes" / "统计数据.xlsx"
    book = openpyxl.load_workbook(sheet)
    for cell in book["职工之家"][1]:
        if isinstance(cell.value, int):
            full = str(cell.value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
            cell.value = heading.format(year=cell.value, full=full)
    book.save(sheet)

    data = load_report_data(workspace / "data" / "worker-homes")

    homes = data.context["homes"]
    assert homes.model_homes.by_year == {2019: 36, 2020: 41, 2021: 45, 2022: 52, 2023: 58}
