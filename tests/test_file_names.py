"""File names: safe on every system, and a name that cannot be written stops only its document.

Clerks open the documents on Windows, share them through macOS and Linux servers, and name
them from titles and table cells. Each name is made fit for all three the same way, and a
name that is empty or too long is reported against its row or report, while the other rows
and reports are written.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen import batch
from reportgen.cli import main
from reportgen.data.messages import FILE_NAME_TOO_LONG
from reportgen.data.report import MAX_STEM_BYTES, file_stem, file_stem_problem

BATCH = "ankang-certificates"
REPORT = "five-year-report"
WINDOWS_FORBIDDEN = re.compile(r'[/\\:*?"<>|\x00-\x1f]')
DEVICES = re.compile(r"(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])", re.IGNORECASE)


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("CON", "CON_"),
        ("nul", "nul_"),
        ("com1", "com1_"),
        ("LPT9", "LPT9_"),
        ("Com¹", "Com¹_"),
        ("AUX.2023", "AUX_.2023"),
        ("CONSOLE", "CONSOLE"),
        ("总结.", "总结"),
        ("总结 . .", "总结"),
        (".hidden", "．hidden"),
        ("a/b\\c:d", "a／b＼c：d"),
        ("两行\n标题", "两行 标题"),
        ("cafe\u0301", "café"),
    ],
)
def test_a_name_is_made_safe_the_same_on_every_system(text: str, stem: str) -> None:
    assert file_stem(text) == stem


@given(st.text())
def test_every_name_made_is_one_windows_macos_and_linux_all_accept(text: str) -> None:
    stem = file_stem(text)
    if file_stem_problem(stem) is not None:
        return
    assert stem == unicodedata.normalize("NFC", stem)
    assert not WINDOWS_FORBIDDEN.search(stem)
    assert not stem.endswith((".", " ")) and not stem.startswith(".")
    assert not DEVICES.fullmatch(stem.split(".")[0])
    assert len(f".{stem}.12345678.part".encode()) <= 255


def test_a_name_that_is_too_long_or_empty_is_a_problem() -> None:
    assert file_stem_problem("长" * 66) is None
    assert str(file_stem_problem("长" * 67)) == (
        f"gives the file name '{'长' * 20}…' of 201 bytes, longer than the {MAX_STEM_BYTES} bytes "
        "a file name may take on every system: shorten the name, or the output pattern that "
        "makes it"
    )
    assert str(file_stem_problem(file_stem(" . "))) == (
        "gives an empty file name: make the output name hold a letter or a digit"
    )
    assert FILE_NAME_TOO_LONG(name="长…", size=300, limit=200).text("zh") == (
        "生成的文件名“长…”长 300 字节，超过各系统都能接受的 200 字节："
        "请缩短名称或生成文件名的 output 格式"
    )


def set_rows(root: Path, rows: list[str], pattern: str = "{row.number}") -> Path:
    table = root / "data" / BATCH / "winners.csv"
    table.write_text("\n".join(["number,name,award", *rows]) + "\n", encoding="utf-8")
    report = root / "data" / BATCH / "report.yaml"
    text = report.read_text(encoding="utf-8").replace('"{row.number}_{row.name}"', f'"{pattern}"')
    report.write_text(text, encoding="utf-8")
    return table


def test_device_names_trailing_dots_and_normalisation_in_a_batch(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = set_rows(
        workspace_dir,
        ["CON,甲,奖", "NUL,乙,奖", "com1,丙,奖", "café,丁,奖", "cafe\u0301,戊,奖", "end.,己,奖"],
    )
    assert main(["render", BATCH]) == 1
    assert sorted(path.name for path in (workspace_dir / "output" / BATCH).iterdir()) == [
        "CON_.docx",
        "NUL_.docx",
        "café.docx",
        "com1_.docx",
        "end.docx",
    ]
    assert capsys.readouterr().err == (
        f"{table}:6: writes café.docx, as the row on line 5 does: make batch.output name a "
        "column that tells them apart\n1 problem found\n"
    )


def test_a_row_whose_name_is_too_long_is_reported_and_the_others_are_written(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = set_rows(
        workspace_dir,
        ["A1,甲,奖", f"A2,{'长' * 100},奖", "A3,丙,奖", "A4,,奖", "A5,. .,奖", "A6,戊,奖"],
        "{row.name}",
    )
    assert main(["render", BATCH]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"{table}:3: gives the file name '{'长' * 20}…' of 300 bytes, longer than the 200 bytes "
        "a file name may take on every system: shorten the name, or the output pattern that "
        "makes it",
        f"{table}:5: row.name: is empty: write the text",
        f"{table}:6: gives an empty file name: make the output name hold a letter or a digit",
        "3 problems found",
    ]
    assert out.splitlines() == [f"output/{BATCH}/{name}.docx" for name in ("甲", "丙", "戊")]


def test_a_report_whose_title_makes_a_name_too_long_is_listed_and_the_others_written(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = workspace_dir / "data" / REPORT / "report.yaml"
    text = report.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^output: .*$", 'output: "{title}"', text)
    report.write_text(re.sub(r"(?m)^title: .*$", "title: " + "题" * 91, text), encoding="utf-8")
    assert main(["render"]) == 1
    out, err = capsys.readouterr()
    assert err == (
        f"{report}: report.output: gives the file name '{'题' * 20}…' of 273 bytes, longer than "
        "the 200 bytes a file name may take on every system: shorten the name, or the output "
        "pattern that makes it\n1 problem found\n"
    )
    written = {path.name for path in (workspace_dir / "output").iterdir()}
    assert {"ankang-certificates", "共青团江州市委员会2023年工作总结.docx"} <= written
    assert not any(name.startswith("题") for name in written)
    assert "output/共青团江州市委员会2023年工作总结.docx" in out.splitlines()


def test_render_writes_every_clean_document_and_lists_the_others(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = workspace_dir / "data" / "youth-league-summary" / "report.yaml"
    report.write_text(
        re.sub(r"(?m)^date: .*$", "date: ~", report.read_text(encoding="utf-8")), encoding="utf-8"
    )
    assert main(["render"]) == 1
    out, err = capsys.readouterr()
    assert err.endswith(
        "report.date: no date: enter the date the report is signed, such as 2024年1月15日\n"
        "1 problem found\n"
    )
    written = {path.name for path in (workspace_dir / "output").iterdir()}
    assert {"2023年市工会5年工作汇报材料.docx", "ankang-certificates"} <= written
    assert "共青团江州市委员会2023年工作总结.docx" not in written
    assert "output/2023年市工会5年工作汇报材料.docx" in out.splitlines()


def test_render_help_states_the_rule(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["render", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert (
        "each whose own data and template are clean is written, each with a problem is not and "
        "is listed as file:line: message, and the exit code is then 1" in help_text
    )


def merged_batch(
    workspace_dir: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, str, str]:
    """Render the sample batch, joined into ``name``; return its report.yaml, stdout, stderr."""
    report = workspace_dir / "data" / BATCH / "report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("batch:", f"batch:\n  merged: {name}", 1), encoding="utf-8")
    assert main(["render", BATCH]) == 1
    out, err = capsys.readouterr()
    return report, out, err


def test_a_merged_file_whose_name_is_too_long_is_a_problem_and_the_rows_are_written(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report, out, err = merged_batch(workspace_dir, "合" * 70, capsys)
    assert err == (
        f"{report}: report.batch.merged: gives the file name '{'合' * 20}…' of 210 bytes, longer "
        "than the 200 bytes a file name may take on every system: shorten the name, or the "
        "output pattern that makes it\n1 problem found\n"
    )
    assert len(list((workspace_dir / "output" / BATCH).glob("*.docx"))) == len(out.splitlines())
    assert len(out.splitlines()) == 12


def test_a_merged_file_too_large_to_join_is_a_problem_and_the_rows_are_written(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # -- every document's text was held to be joined, however many: 656 MB for 20,000
    # certificates, and a table of a million rows ran out of memory after writing them all --
    monkeypatch.setattr(batch, "MAX_MERGED_CHARACTERS", 1000)
    report, _, err = merged_batch(workspace_dir, "合订本", capsys)
    assert err == (
        f"{report}: report.batch.merged: the 12 documents are too many to join into one file "
        "(more than 1,000 characters of text, a file Word opens slowly if at all): the documents "
        "are written, the joined file is not; print them from their folder, or split the table "
        "into smaller batches\n1 problem found\n"
    )
    assert len(list((workspace_dir / "output" / BATCH).glob("*.docx"))) == 12
    assert not (workspace_dir / "output" / "合订本.docx").exists()
