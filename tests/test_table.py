"""A batch's table as a stream of rows: the same Row objects from every kind of table."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.data.table import Row, open_table
from reportgen.errors import DataError
from reportgen.text.decoding import MAX_LINE_BYTES


def test_rows_come_one_at_a_time_with_their_problems(tmp_path: Path) -> None:
    table = tmp_path / "rows.csv"
    table.write_text("number,name\n1,甲\n2,\n\n3,丙,多余\n4,丁\n", encoding="utf-8")

    opened = open_table(table)
    rows = opened.rows()

    assert opened.columns == ["number", "name"]
    assert opened.size_hint == 4
    first = next(rows)
    assert first == Row(2, {"number": "1", "name": "甲"})
    assert [(row.line, row.fields, [str(p) for p in row.problems]) for row in rows] == [
        # -- an empty cell is empty: a problem only where the template uses it (batch) --
        (3, {"number": "2", "name": ""}, []),
        (
            5,
            {},
            [
                f"{table}:5: the row has 3 cells, but the table has 2 columns (number, name): "
                "check for a missing or extra comma"
            ],
        ),
        (6, {"number": "4", "name": "丁"}, []),
    ]
    # Read again from the file each time: a stream, not a list kept in memory.
    assert [row.line for row in opened.rows()] == [2, 3, 5, 6]


def test_a_table_broken_after_many_rows_is_refused_before_any_is_read(tmp_path: Path) -> None:
    table = tmp_path / "rows.csv"
    good = "".join(f"{index},名{index}\n" for index in range(1000))
    table.write_text(f'number,name\n{good}1001,"名"x\n', encoding="utf-8")

    with pytest.raises(DataError) as raised:
        open_table(table)

    assert [problem.line for problem in raised.value.problems] == [1002]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_line_longer_than_a_table_line_may_be_is_refused_at_its_line_unread(
    tmp_path: Path, encoding: str
) -> None:
    # -- a line was read whole, however long: a file without line breaks, a table's dump,
    # took its size in memory twice and more (447 MB for 210 MB) --
    table = tmp_path / "rows.csv"
    long_line = "a" * (MAX_LINE_BYTES + 1)
    table.write_text(f"number,name\n1,甲\n2,{long_line}\n", encoding=encoding)

    with pytest.raises(DataError) as raised:
        open_table(table)

    [problem] = raised.value.problems
    assert problem.text("en") == (
        f"{table}:3: this line is longer than the {MAX_LINE_BYTES:,} bytes a line of a table may "
        "have: check that the file is the table meant, saved from Excel or WPS as CSV"
    )


def test_a_yaml_table_gives_the_same_rows(tmp_path: Path) -> None:
    table = tmp_path / "rows.yaml"
    table.write_text("- number: 1\n  name: 甲\n- 乙\n", encoding="utf-8")

    rows = list(open_table(table).rows())

    assert rows[0].fields == {"number": 1, "name": "甲"}  # -- a number stays a number --
    assert rows[0].positions == {"number": (1, 3), "name": (2, 3)}
    assert [str(problem) for problem in rows[1].problems] == [
        f"{table}:3: the row should be written 'column: value', not the text '乙'"
    ]


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".et"])
def test_a_csv_renamed_as_a_workbook_is_read_as_csv_with_a_warning(
    tmp_path: Path, suffix: str
) -> None:
    # -- a clerk renames 名单.csv to 名单.xlsx as if that made it a workbook; Excel opens it
    # with a warning, and reportgen refused it with calamine's 'Cannot detect file format' --
    table = tmp_path / f"名单{suffix}"
    table.write_text("number,name\n1,甲\n2,乙\n", encoding="utf-8")

    opened = open_table(table)

    assert [row.fields for row in opened.rows()] == [
        {"number": "1", "name": "甲"},
        {"number": "2", "name": "乙"},
    ]
    [note] = opened.notes
    assert note.severity == "warning"
    assert str(note) == (
        f"warning: {table}: the file is a CSV text file under a workbook's name ({suffix}): "
        "it was read as CSV; rename it to .csv, or open it in Excel or WPS and save it as .xlsx"
    )
    assert note.message.text("zh").startswith(  # type: ignore[union-attr]
        f"这个文件其实是 CSV 文本文件，只是扩展名写成了 {suffix}：已按 CSV 读取"
    )


def test_a_workbook_that_is_no_text_and_no_workbook_is_still_refused(tmp_path: Path) -> None:
    table = tmp_path / "名单.xlsx"
    table.write_bytes(b"\x00\x01binary" * 100)
    with pytest.raises(DataError, match="cannot read it as a spreadsheet"):
        open_table(table)
