"""A list kept in a spreadsheet, printed in one document: a field naming a table's ``rows``.

A 名单 in Excel beside report.yaml becomes a list of records the template loops over, read as a
batch's table is read: cells as they show, dates as dates, a total row left out, a bad cell named
by its cell.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import docx
import openpyxl
import pytest

from minimal_workspace import build_docx
from reportgen.api import check_reports, render_reports
from reportgen.cache import Cache
from reportgen.cli import main
from reportgen.data import own_tables, table
from reportgen.errors import ProblemsFound
from reportgen.workspace import Workspace

#: A template printing the list as a table, a row a record.
TABLE = [
    ["序号", "单位", "人数", "表彰日期"],
    ["{%tr for w in 名单 %}", "", "", ""],
    ["{{ loop.index }}", "{{ w.单位 }}", "{{ w.人数 }}", "{{ w.日期 }}"],
    ["{%tr endfor %}", "", "", ""],
]


def workspace(root: Path, yaml: str, table: list[list[str]] = TABLE) -> Path:
    """Return report ``honours``'s folder in a workspace at ``root``, with ``yaml`` as its data."""
    build_docx(root / "templates" / "名单.docx", ["{{ 单位 }}2023年度先进集体名单"], table)
    folder = root / "data" / "honours"
    folder.mkdir(parents=True)
    text = "template: 名单.docx\n单位: 江州市总工会\n" + textwrap.dedent(yaml)
    (folder / "report.yaml").write_text(text, encoding="utf-8")
    return folder


def workbook(path: Path, rows: list[list[object]], sheet: str = "先进集体") -> Path:
    book = openpyxl.Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


WINNERS: list[list[object]] = [
    ["单位", "人数", "日期"],
    ["长江钢铁集团有限公司", 1200, dt.date(2024, 1, 18)],
    ["市公共交通集团有限公司", 860, dt.date(2024, 1, 19)],
    ["合计", 2060, None],
]


def table_texts(path: Path) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in docx.Document(str(path)).tables[0].rows]


def check(root: Path) -> list[str]:
    return [str(problem) for problem in check_reports(Workspace.at(root))]


def test_a_list_in_a_workbook_prints_a_row_a_record_as_the_sheet_shows_it(tmp_path: Path) -> None:
    folder = workspace(tmp_path, "名单:\n  rows: 获奖名单.xlsx\n  sheet: 先进集体\n")
    workbook(folder / "获奖名单.xlsx", WINNERS)

    [written] = render_reports(Workspace.at(tmp_path))

    assert table_texts(written) == [
        ["序号", "单位", "人数", "表彰日期"],
        ["1", "长江钢铁集团有限公司", "1200", "2024年1月18日"],
        ["2", "市公共交通集团有限公司", "860", "2024年1月19日"],
    ]
    book = folder / "获奖名单.xlsx"
    assert check(tmp_path) == [
        f"warning: {book}:先进集体!A4: the row says 合计, a total of the rows above, not a row "
        "of its own: it is left out of the list"
    ]


def test_a_csv_named_as_windows_shows_it_is_the_list(tmp_path: Path) -> None:
    folder = workspace(tmp_path, "名单:\n  rows: 获奖名单\n")
    (folder / "获奖名单.csv").write_text("单位,人数,日期\n市总工会,3,2024/1/18\n", "utf-8-sig")

    [written] = render_reports(Workspace.at(tmp_path))

    assert table_texts(written)[1] == ["1", "市总工会", "3", "2024年1月18日"]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            "名单2.xlsx",
            "file not found: put it beside report.yaml, or correct its name there",
        ),
        ("../名单.xlsx", "give the file name only: the table sits beside report.yaml"),
    ],
)
def test_a_table_that_is_not_beside_the_data_is_named_at_its_line(
    tmp_path: Path, rows: str, message: str
) -> None:
    folder = workspace(tmp_path, f"名单:\n  rows: {rows}\n")
    workbook(tmp_path / "data" / "名单.xlsx", WINNERS)
    assert check(tmp_path) == [f"{folder / 'report.yaml'}:4:3: report.名单.rows: {message}"]


def test_a_column_the_template_misspells_is_named_with_the_one_meant(tmp_path: Path) -> None:
    table = [row[:] for row in TABLE]
    table[2][1] = "{{ w.单 }}"
    folder = workspace(tmp_path, "名单:\n  rows: 获奖名单.xlsx\n", table)
    workbook(folder / "获奖名单.xlsx", WINNERS[:3])
    (problem,) = check(tmp_path)
    assert problem.endswith(
        "table 1, row 3, cell 2: the items of '名单' have no '单' (did you mean '单位'?): "
        "{{ w.单 }}"
    )


def test_a_bad_cell_is_named_by_its_cell_and_nothing_is_written(tmp_path: Path) -> None:
    folder = workspace(tmp_path, "名单:\n  rows: 获奖名单.xlsx\n")
    workbook(folder / "获奖名单.xlsx", [*WINNERS[:2], ["市自来水公司", 3, dt.time(9, 30)]])
    with pytest.raises(ProblemsFound) as raised:
        render_reports(Workspace.at(tmp_path))
    (problem,) = [str(problem) for problem in raised.value.problems]
    assert problem.startswith(f"{folder / '获奖名单.xlsx'}:先进集体!C3: report.名单.日期: ")
    assert not (tmp_path / "output").exists() or not any((tmp_path / "output").iterdir())


def test_an_identity_number_excel_cut_short_is_warned_of_at_its_cell(tmp_path: Path) -> None:
    folder = workspace(tmp_path, "名单:\n  rows: 获奖名单.xlsx\n")
    identity = 110101199001011000
    workbook(folder / "获奖名单.xlsx", [["单位", "人数", "日期"], ["市总工会", identity, ""]])
    (warning,) = check(tmp_path)
    assert warning.startswith(
        f"warning: {folder / '获奖名单.xlsx'}:先进集体!B2: report.名单.人数: the number "
        "1.10101E+17 has more digits than Excel keeps (15)"
    )


def test_a_table_too_long_for_one_document_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(own_tables, "MAX_ROWS", 1)
    folder = workspace(tmp_path, "名单:\n  rows: 获奖名单.xlsx\n")
    workbook(folder / "获奖名单.xlsx", WINNERS[:3])
    (problem,) = check(tmp_path)
    assert problem == (
        f"{folder / '获奖名单.xlsx'}:先进集体!A3: the tables printed in one document hold at most "
        "1 rows in all: for a document a row, name the table under batch: rows"
    )


def test_a_record_of_the_clerks_that_names_no_table_stays_a_record(tmp_path: Path) -> None:
    build_docx(tmp_path / "templates" / "名单.docx", ["{{ 名单.rows }}"])
    folder = tmp_path / "data" / "honours"
    folder.mkdir(parents=True)
    (folder / "report.yaml").write_text("template: 名单.docx\n名单: {rows: 三行}\n", "utf-8")
    [written] = render_reports(Workspace.at(tmp_path))
    assert docx.Document(str(written)).paragraphs[0].text == "三行"


def test_an_edited_table_is_read_again_though_the_yaml_is_unchanged(tmp_path: Path) -> None:
    folder = workspace(tmp_path, "名单:\n  rows: 获奖名单.xlsx\n")
    book = workbook(folder / "获奖名单.xlsx", WINNERS[:2])
    cache = Cache(tmp_path / "cache")
    [first] = render_reports(Workspace.at(tmp_path), cache=cache)
    assert table_texts(first)[1][1] == "长江钢铁集团有限公司"

    workbook(book, [WINNERS[0], ["长江钢铁集团炼钢厂", 5, dt.date(2024, 2, 1)]])
    [second] = render_reports(Workspace.at(tmp_path), cache=cache)
    assert table_texts(second)[1] == ["1", "长江钢铁集团炼钢厂", "5", "2024年2月1日"]


def test_new_data_says_how_a_list_printed_as_a_table_may_name_a_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_docx(tmp_path / "templates" / "名单.docx", ["{{ 单位 }}2023年度先进集体名单"], TABLE)
    (tmp_path / "data").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["new-data", "名单.docx", "honours"]) == 0
    data = tmp_path / "data" / "honours" / "report.yaml"
    text = data.read_text(encoding="utf-8")
    hint = "#   名单:\n#     rows: 名单.xlsx"
    assert hint in text

    # -- done as the comment says: the list's lines replaced by the two, the workbook beside --
    start, end = text.index("名单:"), text.index("# 这份列表")
    kept = text[:start] + text[end:].replace(hint, "名单:\n  rows: 名单.xlsx")
    data.write_text(kept.replace("单位: 【待填写】", "单位: 江州市总工会", 1), encoding="utf-8")
    workbook(data.parent / "名单.xlsx", WINNERS[:2])
    [written] = render_reports(Workspace.at(tmp_path))
    assert table_texts(written)[1] == ["1", "长江钢铁集团有限公司", "1200", "2024年1月18日"]


def test_a_table_named_by_many_fields_is_read_once_within_one_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(own_tables, "MAX_ROWS", 3)
    fields = "".join(f"名单{n}:\n  rows: 获奖名单.xlsx\n" for n in range(500))
    folder = workspace(tmp_path, fields + "名单:\n  rows: 其他.xlsx\n")
    workbook(folder / "获奖名单.xlsx", WINNERS[:3])
    workbook(folder / "其他.xlsx", WINNERS[:3])
    opened: list[str] = []
    open_table = table.open_table

    def counted(path: Path, sheet: str | None = None) -> table.Table:
        opened.append(path.name)
        return open_table(path, sheet)

    monkeypatch.setattr(table, "open_table", counted)
    problems = check(tmp_path)
    assert opened == ["获奖名单.xlsx", "其他.xlsx"]
    # -- 2 rows of the first, then 1 left for the second, which has 2 --
    assert problems == [
        f"{folder / '其他.xlsx'}:先进集体!A3: the tables printed in one document hold at most 3 "
        "rows in all: for a document a row, name the table under batch: rows"
    ]


def test_a_table_named_as_a_text_says_to_name_its_rows(tmp_path: Path) -> None:
    folder = workspace(tmp_path, "名单: 获奖名单.xlsx\n")
    workbook(folder / "获奖名单.xlsx", WINNERS[:2])
    (problem,) = check(tmp_path)
    assert (
        "名单: is the name of a file, not a list: for the rows of the table 获奖名单.xlsx, write "
        "名单: and, on the next line, indented, rows: 获奖名单.xlsx (the value is on line 3 of "
        "honours/report.yaml)"
    ) in problem
