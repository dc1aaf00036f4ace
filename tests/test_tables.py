"""Tables a clerk keeps: .xlsx from Excel or WPS, a sheet saved by LibreOffice, GBK CSV.

Workbooks are written by a spreadsheet library (openpyxl) or saved by LibreOffice Calc from
a CSV, as a clerk's would be, and read back through reportgen's table reader and a batch.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import openpyxl
import pytest

from helpers import missing_under_ci
from reportgen.cli import main
from reportgen.data.messages import FORMULA_NOT_COMPUTED
from reportgen.data.sheet_extent import MAX_CELLS, check_extent
from reportgen.data.spreadsheet import column_letters
from reportgen.data.table import Row, open_table
from reportgen.errors import DataError, Problem
from reportgen.i18n import set_language

REPO = Path(__file__).resolve().parent.parent
REPORT = "ankang-certificates"
WINNERS = REPO / "data" / REPORT / "winners.csv"


@dataclass
class Read:
    """A table read whole: its columns, its good rows, and the problems of the others."""

    columns: list[str] | None
    rows: list[Row]
    problems: list[Problem]


def read_table(path: Path, sheet: str | None = None) -> Read:
    table = open_table(path, sheet)
    rows = list(table.rows())
    problems = [problem for row in rows for problem in row.problems]
    return Read(table.columns, [row for row in rows if not row.problems], problems)


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """Write ``sheets`` (rows of cells, None for an empty one) as an .xlsx with openpyxl."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_column_letters_go_on_past_z() -> None:
    assert [column_letters(index) for index in (0, 2, 25, 26, 27, 701, 702)] == [
        "A",
        "C",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


def test_an_xlsx_gives_whole_numbers_dates_and_empty_cells_as_they_show(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "winners.xlsx",
        {
            "说明": [["这张表列出获奖单位"]],
            "获奖名单": [
                ["number", "name", "members", "share", "awarded", "note"],
                ["AK-1", " 长江钢铁 ", 16489, 0.25, dt.date(2024, 1, 18), None],
                [],
                ["AK-2", "市建", 12, 1.5, dt.datetime(2024, 1, 19, 9, 30), "补发"],
            ],
        },
    )

    table = read_table(path, "获奖名单")

    assert table.problems == []
    assert table.columns == ["number", "name", "members", "share", "awarded", "note"]
    assert [row.fields for row in table.rows] == [
        {
            "number": "AK-1",
            "name": "长江钢铁",
            "members": 16489,
            "share": 0.25,
            "awarded": dt.date(2024, 1, 18),
            "note": "",
        },
        {
            "number": "AK-2",
            "name": "市建",
            "members": 12,
            "share": 1.5,
            "awarded": dt.datetime(2024, 1, 19, 9, 30),
            "note": "补发",
        },
    ]
    assert isinstance(table.rows[0].fields["members"], int)
    assert [row.line for row in table.rows] == [2, 4]
    # -- a date prints as the layout writes one, as a date in YAML does: not 2024-01-18 --
    assert [str(row.fields["awarded"]) for row in table.rows] == [
        "2024年1月18日",
        "2024年1月19日 9:30",
    ]


def test_the_first_sheet_is_read_when_none_is_named(tmp_path: Path) -> None:
    path = workbook(tmp_path / "t.xlsx", {"名单": [["name"], ["甲"]], "其他": [["x"], ["y"]]})

    assert [row.fields for row in read_table(path).rows] == [{"name": "甲"}]


def test_a_table_may_start_anywhere_on_its_sheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet["C3"], sheet["D3"] = "number", "name"
    sheet["C4"], sheet["D4"] = "AK-1", dt.time(9, 30)
    book.save(tmp_path / "t.xlsx")

    table = read_table(tmp_path / "t.xlsx")

    assert table.columns == ["number", "name"]
    assert [str(problem) for problem in table.problems] == [
        f"{tmp_path / 't.xlsx'}:名单!D4: row.name: should be text, a number or a date, "
        "not a time of day"
    ]


def render_failing_sheet(
    folder: Path, rows: list[list[object]], capsys: pytest.CaptureFixture[str]
) -> tuple[Path, str, str]:
    """Render the report in ``folder`` from a sheet of ``rows``, which has bad rows; return
    the sheet and what was printed."""
    workbook(folder / "winners.xlsx", {"获奖名单": rows})
    use_table(folder, "winners.xlsx", "获奖名单")
    assert main(["render", REPORT]) == 1
    out, err = capsys.readouterr()
    return folder / "winners.xlsx", out, err


def test_problems_in_a_sheet_are_named_by_their_cell(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = workspace / "data" / REPORT
    rows: list[list[object]] = [["number", "name", "award"]]
    rows += [line.split(",") for line in WINNERS.read_text("utf-8").splitlines()[1:4]]
    rows[2][1] = None  # -- B3: empty --
    rows.append(["AK2023-04", "市公交", ["x"] and True])  # -- C5: true or false --
    rows.append(["AK2023-05", "市水务", "优胜单位", "多出的一格"])  # -- D6: no column name --
    table, out, err = render_failing_sheet(folder, rows, capsys)
    assert len(out.splitlines()) == 2
    assert err.splitlines() == [
        f"{table}:获奖名单!B3: row.name: is empty: write the text",
        f"{table}:获奖名单!C5: row.award: should be text, a number or a date, not true or false",
        f"{table}:获奖名单!D6: column D has no name: write one in the first row, or delete the "
        "column",
        "3 problems found",
    ]


def test_a_formula_excel_never_worked_out_says_to_save_the_file_in_excel(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # openpyxl, as a program exporting a list writes it: formulas with no value. Excel shows
    # the values, but the cells read as empty, and the problem only said to write the text.
    folder = workspace / "data" / REPORT
    rows: list[list[object]] = [["number", "name", "award"]]
    rows += [line.split(",") for line in WINNERS.read_text("utf-8").splitlines()[1:3]]
    rows[2][1] = '=CONCATENATE("市","公交")'  # -- B3: a formula never worked out --
    rows[1][2] = '=IF(1>2,"x","")'  # -- C2: its value, "", as Excel saved it: still text --
    table, out, err = render_failing_sheet(folder, rows, capsys)
    with zipfile.ZipFile(table) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    sheet = sheet.replace('<c r="C2"><f>IF(1&gt;2,"x","")</f><v></v></c>',
                          '<c r="C2" t="str"><f>IF(1&gt;2,"x","")</f><v></v></c>')  # fmt: skip
    rewrite_part(table, "xl/worksheets/sheet1.xml", sheet.encode())
    assert main(["render", REPORT]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"{table}:获奖名单!C2: row.award: is empty: write the text",
        f"{table}:获奖名单!B3: row.name: is empty: the cell holds a formula whose value was never "
        "worked out (a program wrote winners.xlsx and Excel has not saved it since): open "
        "winners.xlsx in Excel or WPS, save it, and run this again",
        "2 problems found",
    ]
    assert FORMULA_NOT_COMPUTED(file="名单.xlsx").text("zh") == (
        "是空的：该单元格是公式，但结果从未计算过"
        "（名单.xlsx 由程序生成，之后没有在 Excel 里保存过）："
        "请用 Excel 或 WPS 打开 名单.xlsx，保存后再运行一次"
    )


def rewrite_part(path: Path, part: str, blob: bytes) -> None:
    """Replace ``part`` of the zip at ``path`` with ``blob``."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts[part] = blob
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def test_a_problem_in_a_sheet_reads_in_chinese(tmp_path: Path) -> None:
    path = workbook(tmp_path / "t.xlsx", {"获奖名单": [["name", "name"], ["甲", "乙"]]})

    # -- a name given twice is a problem for a template printing it (see test_batch) --
    problem = open_table(path).twice["name"]

    set_language("zh")
    try:
        assert problem.text() == (
            f"{path}:获奖名单!B1: 第B列：列名“name”与另一列重复：请给每一列各取一个名称"
        )
    finally:
        set_language("en")


def test_a_missing_sheet_names_the_sheets_there_are(tmp_path: Path) -> None:
    path = workbook(tmp_path / "t.xlsx", {"名单": [["name"], ["甲"]], "其他": [["x"]]})

    with pytest.raises(DataError) as caught:
        read_table(path, "获奖名单")

    assert str(caught.value.problems[0]) == (
        f"{path}: the workbook has no sheet '获奖名单' (its sheets: 名单, 其他)"
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_a_csv_is_read_in_the_encodings_excel_and_wps_save(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "winners.csv"
    path.write_bytes(WINNERS.read_text("utf-8").encode(encoding))

    table = read_table(path)

    assert table.problems == []
    assert table.rows[6].fields["name"] == "长江钢铁集团有限公司炼钢厂转炉车间甲班"
    assert len(table.rows) == 12


def test_a_batch_renders_the_same_certificates_from_a_gbk_csv(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", REPORT, "-o", "utf8"]) == 0
    table = workspace / "data" / REPORT / "winners.csv"
    table.write_bytes(table.read_text("utf-8").encode("gbk"))

    assert main(["render", REPORT, "-o", "gbk"]) == 0

    assert files(workspace / "gbk" / REPORT) == files(workspace / "utf8" / REPORT)


def test_a_csv_that_is_no_text_is_reported_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "winners.csv"
    head = "number,name\n" + "".join(f"AK-{n},名称{n}\n" for n in range(5000))
    path.write_bytes(head.encode("utf-8") + b"AK-x,\xff\xfe\n")

    with pytest.raises(DataError) as caught:
        open_table(path)

    assert str(caught.value.problems[0]) == (
        f"{path}:5002: cannot read the text: it is neither UTF-8 nor GBK (first unreadable "
        "byte at line 5002); save it as UTF-8: in Notepad, File > Save As, Encoding “UTF-8”; "
        "in WPS, File > Save As, then Tools > Encoding “UTF-8”; a table in Excel, Save As "
        "“CSV UTF-8 (Comma delimited)”"
    )


def test_a_number_too_long_for_excel_is_refused_where_the_template_prints_it(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # An identity card number typed into a General cell keeps 15 digits: Excel shows
    # 1.10101E+17 and holds 110101199001011000, which was printed on the certificate; a CSV
    # Excel saves holds the 1.10101E+17 it shows, which was printed too.
    folder = workspace / "data" / REPORT
    rows: list[list[object]] = [["number", "name", "award", "id_card"]]
    rows.append([110101199001011234.0, "长江钢铁集团有限公司", "优胜单位", 1.1e17])
    rows.append(["1.10101E+17", "市第一建筑工程有限公司", "优胜单位", 1.1e17])
    rows.append(["AK2023-03", "市公交", "优胜单位", 1.1e17])  # -- id_card is not printed --
    table, out, err = render_failing_sheet(folder, rows, capsys)
    assert len(out.splitlines()) == 1
    assert err.splitlines() == [
        f"{table}:获奖名单!A2: row.number: the number 1.10101E+17 has more digits than Excel "
        "keeps (15): those after the 15th are lost, and an identity card or bank card number is "
        "printed wrong; set the column's cells to the Text format and type the numbers again",
        f"{table}:获奖名单!A3: row.number: the number 1.10101E+17 has more digits than Excel "
        "keeps (15): those after the 15th are lost, and an identity card or bank card number is "
        "printed wrong; set the column's cells to the Text format and type the numbers again",
        "2 problems found",
    ]
    monkeypatch.setenv("REPORTGEN_LANG", "zh")
    assert main(["check", REPORT]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{table}:获奖名单!A2: row.number: 数字 1.10101E+17：位数超过了 Excel 能保存的 15 位，"
        "第 15 位以后的数字已经丢失，身份证号、银行卡号会印错：请把这一列的单元格格式设为“文本”，"
        "再重新输入这些号码"
    )


def use_table(folder: Path, name: str, sheet: str | None = None) -> None:
    report = folder / "report.yaml"
    text = report.read_text("utf-8").replace("rows: winners.csv", f"rows: {name}")
    if sheet is not None:
        text = text.replace(f"rows: {name}", f"rows: {name}\n  sheet: {sheet}")
    report.write_text(text, "utf-8")
    (folder / "winners.csv").unlink()


def files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "workspace"
    shutil.copytree(REPO / "data" / REPORT, root / "data" / REPORT)
    shutil.copytree(REPO / "templates", root / "templates")
    monkeypatch.chdir(root)
    return root


@pytest.mark.soffice
@pytest.mark.parametrize("suffix", ["xlsx", "xls", "ods"])
def test_a_sheet_saved_by_libreoffice_calc_renders_what_the_csv_does(
    workspace: Path, soffice: str, suffix: str
) -> None:
    assert main(["render", REPORT, "-o", "from-csv"]) == 0
    folder = workspace / "data" / REPORT
    saved = convert_with_calc(soffice, folder / "winners.csv", suffix, workspace / "calc")
    shutil.copy(saved, folder / f"winners.{suffix}")
    use_table(folder, f"winners.{suffix}")

    assert main(["render", REPORT, "-o", "from-sheet"]) == 0

    assert files(workspace / "from-sheet" / REPORT) == files(workspace / "from-csv" / REPORT)


@pytest.mark.soffice
def test_a_wps_et_file_is_read_as_the_xls_inside_it(workspace: Path, soffice: str) -> None:
    folder = workspace / "data" / REPORT
    saved = convert_with_calc(soffice, folder / "winners.csv", "xls", workspace / "calc")

    shutil.copy(saved, tmp := workspace / "winners.et")
    table = read_table(tmp)

    assert table.rows[6].fields["name"] == "长江钢铁集团有限公司炼钢厂转炉车间甲班"
    assert len(table.rows) == 12


def convert_with_calc(soffice: str, csv_file: Path, suffix: str, out_dir: Path) -> Path:
    """Open ``csv_file`` in LibreOffice Calc (UTF-8, comma) and save it as ``suffix``."""
    profile = (out_dir / "profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--infilter=CSV:44,34,76,1",  # -- comma, double quote, UTF-8, from line 1 --
            "--convert-to",
            suffix,
            "--outdir",
            str(out_dir),
            str(csv_file),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    saved = out_dir / f"{csv_file.stem}.{suffix}"
    if not saved.is_file():
        # -- soffice exits 0 and writes nothing when Calc's filters are not installed --
        missing_under_ci(
            "LibreOffice Calc is not installed: apt-get install libreoffice-calc-nogui"
        )
    return saved


# -- workbooks as untrusted input --


def test_an_xlsx_naming_a_far_cell_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = "name"
    book.active["XFD1048576"] = "far"  # -- a grid of 17 billion cells: calamine would abort --
    book.save(tmp_path / "far.xlsx")

    # -- in a process of its own: should the check fail, calamine aborts that one, not pytest --
    code = (
        "from pathlib import Path; from reportgen.data.table import open_table\n"
        "from reportgen.errors import DataError\n"
        f"try: open_table(Path({str(tmp_path / 'far.xlsx')!r}))\n"
        "except DataError as err: print(err.problems[0])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )

    assert result.returncode == 0, result.stderr[-500:]
    assert "the workbook is too large to read safely (1,048,576 × 16,384;" in result.stdout


def ods_with(content: str, path: Path) -> Path:
    body = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        f"<office:spreadsheet>{content}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", body)
    return path


def test_an_ods_whose_repeated_cells_span_too_many_is_refused(tmp_path: Path) -> None:
    cell = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
    repeated = cell.replace(
        "<table:table-cell ", '<table:table-cell table:number-columns-repeated="16384" '
    )
    content = (
        '<table:table table:name="S"><table:table-row>'
        f"{cell}</table:table-row>"
        f'<table:table-row table:number-rows-repeated="1048575">{repeated}</table:table-row>'
        "</table:table>"
    )

    with pytest.raises(DataError) as caught:
        check_extent(ods_with(content, tmp_path / "wide.ods"))

    assert "(1,048,576 × 16,384;" in str(caught.value.problems[0])


def test_an_ods_padded_with_empty_repeated_rows_is_read(tmp_path: Path) -> None:
    # -- as LibreOffice pads a sheet: empty rows and cells repeated to the sheet's end --
    cell = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
    content = (
        '<table:table table:name="S">'
        f"<table:table-row>{cell.format('name')}"
        '<table:table-cell table:number-columns-repeated="16383"/></table:table-row>'
        f"<table:table-row>{cell.format('甲')}"
        '<table:table-cell table:number-columns-repeated="16383"/></table:table-row>'
        '<table:table-row table:number-rows-repeated="1048574">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
        "</table:table>"
    )
    path = ods_with(content, tmp_path / "padded.ods")

    check_extent(path)  # -- a grid of 2 × 1: well within --
    assert MAX_CELLS > 2


def test_text_is_decoded_as_excel_and_wps_save_it() -> None:
    from reportgen.text.decoding import decode_text

    text = "证书编号,获奖单位\n"
    assert decode_text(text.encode("gbk")).text == text
    assert decode_text(b"\xef\xbb\xbf" + text.encode("utf-8")).text == text
    assert decode_text(text.encode("gb18030")).text == text


def test_the_messages_of_tables_sheets_and_pictures_say_the_same_in_both_languages() -> None:
    import reportgen.commands.messages
    import reportgen.data.messages
    import reportgen.ooxml.messages  # noqa: F401 - each declares its kinds
    from reportgen.i18n import CATALOGUE

    prefixes = ("table.", "sheet.", "sheet-figures.", "picture.", "fill-sheet.", "data.picture")
    kinds = [kind for code, kind in CATALOGUE.items() if code.startswith(prefixes)]
    assert len(kinds) > 30
    for kind in kinds:
        assert kind.parameters("en") == kind.parameters("zh"), kind.code
        assert kind.zh != kind.en and any("\u4e00" <= char <= "\u9fff" for char in kind.zh)


def test_a_csv_with_empty_columns_after_the_table_is_read(tmp_path: Path) -> None:
    # Excel and WPS save the columns a clerk once formatted beside the table as empty cells.
    path = tmp_path / "winners.csv"
    lines = [f"{line},," for line in WINNERS.read_text("utf-8").splitlines()]
    path.write_text("\r\n".join([*lines, ",,,,", ",,,,"]) + "\r\n", encoding="utf-8-sig")

    table = read_table(path)

    assert table.columns == ["number", "name", "award"]
    assert table.problems == []
    assert len(table.rows) == 12


def test_a_value_in_an_unnamed_column_of_a_csv_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "winners.csv"
    path.write_text("number,name,,\n1,甲,,\n2,乙,,备注\n", encoding="utf-8")

    table = read_table(path)

    assert [row.fields for row in table.rows] == [{"number": "1", "name": "甲"}]
    assert [str(problem) for problem in table.problems] == [
        f"{path}:3: column 4 has no name: write one in the first row, or delete the column"
    ]


def test_a_title_above_the_table_is_not_taken_for_its_column_names(tmp_path: Path) -> None:
    # A clerk's sheet opens with its title across the table, in merged cells, often a blank
    # row under it; the column names come after.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "获奖名单"
    sheet.append(["2023年度安康杯竞赛获奖名单"])
    sheet.merge_cells("A1:C1")
    sheet.append([])
    for line in WINNERS.read_text("utf-8").splitlines()[:3]:
        sheet.append(line.split(","))
    book.save(tmp_path / "t.xlsx")

    table = read_table(tmp_path / "t.xlsx")

    assert table.columns == ["number", "name", "award"]
    assert [row.line for row in table.rows] == [4, 5]
    assert table.rows[0].fields["name"] == "长江钢铁集团有限公司"


def test_a_one_column_table_keeps_its_first_row_as_its_name(tmp_path: Path) -> None:
    path = workbook(tmp_path / "t.xlsx", {"名单": [["name"], ["甲"], ["乙"]]})

    assert [row.fields for row in read_table(path).rows] == [{"name": "甲"}, {"name": "乙"}]


def test_a_cell_merged_over_several_rows_gives_its_value_to_each(tmp_path: Path) -> None:
    # What the clerk sees: 优胜单位 stands beside each of the first three winners.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["number", "name", "award"])
    sheet.append(["AK-1", "甲", "优胜单位"])
    sheet.append(["AK-2", "乙", None])
    sheet.append(["AK-3", "丙", None])
    sheet.append(["AK-4", "丁", "优胜班组"])
    sheet.merge_cells("C2:C4")
    book.save(tmp_path / "t.xlsx")

    table = read_table(tmp_path / "t.xlsx")

    assert table.problems == []
    assert [row.fields["award"] for row in table.rows] == ["优胜单位"] * 3 + ["优胜班组"]


def test_a_head_of_two_rows_gives_the_names_under_its_groups(tmp_path: Path) -> None:
    # A clerk's 名单 often heads its columns in two rows: 基本信息 merged over 姓名 and 单位,
    # 序号 merged down beside them. The group names were taken for the columns' names, and the
    # table refused as naming 基本信息 twice.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["2023年度优秀工会干部名单"])
    sheet.append(["序号", "基本信息", None, "考核情况", None, "备注"])
    sheet.append([None, "姓名", "单位", "得分", "等次", None])
    sheet.append([1, "张三", "一厂", 95, "优秀", "无"])
    sheet.append([2, "李四", "二厂", 88, "良好", None])
    for cells in ("A1:F1", "A2:A3", "B2:C2", "D2:E2", "F2:F3"):
        sheet.merge_cells(cells)
    book.save(tmp_path / "t.xlsx")

    table = read_table(tmp_path / "t.xlsx")

    assert table.problems == []
    assert table.columns == ["序号", "姓名", "单位", "得分", "等次", "备注"]
    assert [row.line for row in table.rows] == [4, 5]
    assert table.rows[1].fields == {
        "序号": 2,
        "姓名": "李四",
        "单位": "二厂",
        "得分": 88,
        "等次": "良好",
        "备注": "",
    }


def test_a_name_merged_across_over_a_row_of_values_is_no_head_of_two_rows(
    tmp_path: Path,
) -> None:
    # The row under it holds a value beside the merge (award): it is the first record.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["number", "name", "award"])
    sheet.append(["AK-1", "甲", "优胜单位"])
    sheet.merge_cells("A1:B1")
    book.save(tmp_path / "t.xlsx")

    twice = open_table(tmp_path / "t.xlsx").twice
    assert [str(problem) for problem in twice.values()] == [
        f"{tmp_path / 't.xlsx'}:Sheet!B1: column B: 'number' names another column too: give "
        "each column a name of its own"
    ]


def test_a_title_above_a_csv_table_is_not_taken_for_its_column_names(tmp_path: Path) -> None:
    path = tmp_path / "winners.csv"
    path.write_text(
        "2023年度获奖名单,,\n" + WINNERS.read_text("utf-8"), encoding="gbk", newline="\r\n"
    )

    table = read_table(path)

    assert table.columns == ["number", "name", "award"]
    assert table.problems == []
    assert [row.line for row in table.rows][:2] == [3, 4]
    assert len(table.rows) == 12


def test_the_first_sheet_a_clerk_sees_is_read_not_a_hidden_one(tmp_path: Path) -> None:
    # A workbook often keeps a hidden sheet first (lists for drop-downs, an old version).
    book = openpyxl.Workbook()
    hidden = book.active
    hidden.title = "下拉选项"
    hidden.append(["单位类型"])
    hidden.append(["企业"])
    hidden.sheet_state = "hidden"
    book.create_sheet("获奖名单").append(["name"])
    book["获奖名单"].append(["甲"])
    book.save(tmp_path / "t.xlsx")

    assert [row.fields for row in read_table(tmp_path / "t.xlsx").rows] == [{"name": "甲"}]
    assert [row.fields for row in read_table(tmp_path / "t.xlsx", "下拉选项").rows] == [
        {"单位类型": "企业"}  # -- named, a hidden sheet is read as any other --
    ]


def test_a_line_break_in_a_csv_cell_is_a_line_break_whatever_system_wrote_it(
    tmp_path: Path,
) -> None:
    # Excel on Windows writes a cell's Alt+Enter as CR LF: the CR reached the document's text.
    path = tmp_path / "t.csv"
    path.write_bytes('name,award\r\n"第一行\r\n第二行","甲\r乙"\r\n'.encode())

    [row] = read_table(path).rows

    assert row.fields == {"name": "第一行\n第二行", "award": "甲\n乙"}


def awards(root: Path, body: list[str], rows: list[list[object]]) -> Path:
    """Return a workspace's report folder whose batch prints ``body`` for each of ``rows``."""
    from minimal_workspace import build_docx

    (root / "templates").mkdir()
    build_docx(root / "templates" / "award.docx", body)
    folder = root / "data" / "awards"
    folder.mkdir(parents=True)
    (folder / "report.yaml").write_text(
        "template: award.docx\nbatch:\n  rows: t.xlsx\n  output: '{row.name}'\n", "utf-8"
    )
    workbook(folder / "t.xlsx", {"名单": rows})
    return folder


def test_a_value_a_filter_refuses_is_named_by_its_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The row's first cell was named (Sheet!A3), where the clerk must mend C3.
    rows = [["name", "unit", "amount"], ["甲", "一厂", 1200], ["乙", "二厂", "1,234.5"]]
    folder = awards(tmp_path, ["{{ row.name }}：{{ row.amount | amount }}元"], rows)
    monkeypatch.chdir(tmp_path)
    assert main(["render", "awards"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{folder / 't.xlsx'}:名单!C3: award.docx, body, paragraph 1: row.amount: amount prints a "
        "number, and '1,234.5' is none: write a number in the data: {{ row.amount | amount }}",
        "1 problem found",
    ]


def test_a_date_cell_prints_as_the_layout_writes_dates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The certificate said 授予日期：2024-01-18, where the sheet shows 2024年1月18日.
    rows = [["name", "awarded"], ["甲", dt.date(2024, 1, 18)]]
    awards(tmp_path, ["授予日期：{{ row.awarded }}", "{{ row.awarded | cn_date }}"], rows)
    monkeypatch.chdir(tmp_path)
    assert main(["render", "awards"]) == 0
    document = docx.Document(str(tmp_path / "output" / "awards" / "甲.docx"))
    assert [p.text for p in document.paragraphs] == ["授予日期：2024年1月18日", "2024年1月18日"]


def test_rows_hidden_in_excel_are_read_and_named_in_a_warning(tmp_path: Path) -> None:
    # A clerk filters the 名单 to the winners and expects a document for what the sheet
    # shows: every row got one, the hidden too, without a word.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["name", "award"])
    for number in range(1, 15):
        sheet.append([f"单位{number}", "优胜单位" if number % 2 else "参赛单位"])
    for row in range(3, 16, 2):  # -- the 参赛单位, filtered out --
        sheet.row_dimensions[row].hidden = True
    sheet.row_dimensions[17].hidden = True  # -- hidden, but empty: no document --
    sheet.auto_filter.ref = "A1:B15"
    book.save(tmp_path / "t.xlsx")

    table = open_table(tmp_path / "t.xlsx")

    assert len(list(table.rows())) == 14
    [note] = table.notes
    assert note.severity == "warning"
    assert str(note) == (
        f"warning: {tmp_path / 't.xlsx'}:名单!A3: 7 rows hidden in Excel (filtered out or hidden) "
        "get documents too: rows 3, 5, 7, 9, 11, 13, 15; delete from the sheet the rows that "
        "should have none, or clear the filter and unhide the rows to check them"
    )
    assert note.message.text("zh") == (  # type: ignore[union-attr]
        "有 7 行在 Excel 中是隐藏的（被筛选掉或被隐藏），也会各生成一份文档："
        "第3、5、7、9、11、13、15行；不需要的行请从表中删除，要核对可先清除筛选、取消隐藏"
    )


def test_a_sheet_with_no_hidden_row_has_no_warning(tmp_path: Path) -> None:
    path = workbook(tmp_path / "t.xlsx", {"名单": [["name"], ["甲"], ["乙"]]})
    assert open_table(path).notes == []


def test_a_date_excel_saved_in_a_csv_is_a_date(tmp_path: Path) -> None:
    # Excel on Chinese Windows saves a date cell as it shows it, 2024/1/18: the certificate
    # printed 2024/1/18 where the workbook itself prints 2024年1月18日.
    path = tmp_path / "winners.csv"
    path.write_text(
        "name,awarded,code,members\n甲,2024/1/18,2024/2/30,16489\n乙,2024年1月19日,A-1,12.5\n",
        encoding="gbk",
    )
    table = read_table(path)
    assert table.problems == []
    assert [[str(value) for value in row.fields.values()] for row in table.rows] == [
        ["甲", "2024年1月18日", "2024/2/30", "16489"],
        ["乙", "2024年1月19日", "A-1", "12.5"],
    ]
    assert table.rows[0].fields["awarded"] == dt.date(2024, 1, 18)


@pytest.mark.parametrize(
    ("written", "name"), [("获奖名单", "甲"), ("获奖名单　", "甲"), ("ＡＫ名单", "乙")]
)
def test_a_sheet_named_with_a_space_or_case_apart_is_found(
    tmp_path: Path, written: str, name: str
) -> None:
    # The tab said “获奖名单 ” (a space typed after it): report.yaml's 获奖名单 was refused
    # as no sheet of the workbook, which listed “获奖名单 ” as if it were the same.
    path = workbook(
        tmp_path / "t.xlsx",
        {"说明": [["x"]], "获奖名单 ": [["name"], ["甲"]], "ak名单": [["name"], ["乙"]]},
    )
    assert [row.fields["name"] for row in read_table(path, written).rows] == [name]


def test_column_names_as_clerks_head_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # 出生年月 wrapped onto two lines in its cell (Alt+Enter), and columns the certificate does
    # not print headed 职务（职称） and 联系 电话: the whole table was refused, each of the
    # three "cannot name a column".
    rows = [
        ["name", "出生\n年月", "职务（职称）", "联系 电话"],
        ["甲", "1990.01", "主席", "0571-88886666"],
    ]
    awards(tmp_path, ["{{ row.name }}，{{ row.出生年月 }}"], rows)
    monkeypatch.chdir(tmp_path)
    assert main(["render", "awards"]) == 0
    document = docx.Document(str(tmp_path / "output" / "awards" / "甲.docx"))
    assert [p.text for p in document.paragraphs] == ["甲，1990.01"]
    capsys.readouterr()
    # -- a name the template writes otherwise is missing, the columns there listed --
    from minimal_workspace import build_docx

    build_docx(tmp_path / "templates" / "award.docx", ["{{ row.联系电话 }}"])
    assert main(["check", "awards"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{tmp_path / 'data' / 'awards' / 't.xlsx'}:1: the template or batch.output uses "
        "row.联系电话, but the table has no column '联系电话' (columns: name, 出生年月, "
        "职务（职称）, 联系 电话)"
    )
