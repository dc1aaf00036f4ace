"""A column an .xlsx shows as percentages prints as shown, and computes as its number.

Workbooks are written by two libraries, as Excel keeps them: openpyxl and XlsxWriter, with the
built-in formats 0% and 0.00% and formats of the workbook's own (0.0%, with colours and text).
"""

from __future__ import annotations

import pickle
from pathlib import Path

import docx
import openpyxl
import pytest
import xlsxwriter

from reportgen.cli import main
from reportgen.data.sheet_formats import SheetPercent, percent_columns
from reportgen.data.table import open_table

ROWS = [
    ["name", "rate", "share", "amount", "mixed"],
    ["长江钢铁", 0.351, 0.25, 12000, 0.5],
    ["市自来水", 1, 0.125, 800, 3],
]


def with_openpyxl(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    for row in ROWS:
        sheet.append(row)
    for cell in sheet["B"][1:]:
        cell.number_format = "0.0%"
    for cell in sheet["C"][1:]:
        cell.number_format = "0%"
    for cell in sheet["D"][1:]:
        cell.number_format = "#,##0"
    sheet["E2"].number_format = "0%"  # -- one cell of the column only --
    book.save(path)
    return path


def with_xlsxwriter(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("名单")
    formats = {
        1: book.add_format({"num_format": '[Blue]0.0%;[Red]-0.0%;"—"'}),
        2: book.add_format({"num_format": 10}),  # -- Excel's 0.00% --
        3: book.add_format({"num_format": "#,##0"}),
    }
    for number, row in enumerate(ROWS):
        for column, value in enumerate(row):
            style = formats.get(column) if number else None
            sheet.write(number, column, value, style)
    book.close()
    return path


def test_the_columns_shown_as_percentages_are_found_with_their_places(tmp_path: Path) -> None:
    assert percent_columns(with_openpyxl(tmp_path / "a.xlsx"), "名单") == {1: 1, 2: 0}
    assert percent_columns(with_xlsxwriter(tmp_path / "b.xlsx"), "名单") == {1: 1, 2: 2}


def test_a_percentage_prints_as_shown_and_computes_as_its_number(tmp_path: Path) -> None:
    rows = list(open_table(with_openpyxl(tmp_path / "a.xlsx")).rows())

    first, second = (row.fields for row in rows)
    assert [str(first[name]) for name in ("rate", "share", "amount", "mixed")] == [
        "35.1%",
        "25%",
        "12000",
        "0.5",
    ]
    # -- rounded half up, as Excel shows 0.125 at 0%: 13% --
    assert str(second["rate"]) == "100.0%" and str(second["share"]) == "13%"
    assert first["rate"] == 0.351 and first["rate"] > 0.3
    assert pickle.loads(pickle.dumps(first["rate"])) == SheetPercent(0.351, 1)
    assert str(pickle.loads(pickle.dumps(first["rate"]))) == "35.1%"


def test_a_workbook_without_percentages_and_other_formats_give_none(tmp_path: Path) -> None:
    plain = tmp_path / "plain.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["name", "value"])
    book.active.append(["a", 0.5])
    book.save(plain)
    assert percent_columns(plain, "Sheet") == {}
    assert percent_columns(plain, "no such sheet") == {}
    (tmp_path / "not.xlsx").write_bytes(b"name,value\n")
    assert percent_columns(tmp_path / "not.xlsx", "Sheet") == {}


@pytest.mark.parametrize("write", [with_openpyxl, with_xlsxwriter])
def test_a_certificate_prints_the_rate_its_sheet_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: object
) -> None:
    root = tmp_path / "workspace"
    folder = root / "data" / "rates"
    folder.mkdir(parents=True)
    (root / "templates").mkdir()
    template = docx.Document()
    template.add_paragraph("{{ row.name }}完成率{{ row.rate }}，占比{{ row.share | percent(0) }}")
    template.add_paragraph("{% if row.rate > 0.5 %}超额完成{% else %}未超额{% endif %}")
    template.save(str(root / "templates" / "rate.docx"))
    assert callable(write)
    write(folder / "rates.xlsx")
    (folder / "report.yaml").write_text(
        "template: rate.docx\norganisation: 市总工会\ntitle: 完成率\n"
        "period: {start: 2023, end: 2023}\ndate: 2024-01-18\n"
        'batch:\n  rows: rates.xlsx\n  output: "{row.name}"\n',
        "utf-8",
    )
    monkeypatch.chdir(root)

    assert main(["render", "rates"]) == 0

    texts = [
        [paragraph.text for paragraph in docx.Document(str(path)).paragraphs]
        for path in sorted((root / "output" / "rates").glob("*.docx"))
    ]
    assert texts == [
        ["市自来水完成率100.0%，占比13%", "超额完成"],
        ["长江钢铁完成率35.1%，占比25%", "未超额"],
    ]


def test_a_damaged_styles_part_gives_the_numbers_as_they_are(tmp_path: Path) -> None:
    import zipfile

    good = with_openpyxl(tmp_path / "good.xlsx")
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(
                item, b"<styleSheet><cellXfs>" if item.filename.endswith("styles.xml") else data
            )

    assert percent_columns(damaged, "名单") == {}
