"""Data files and tables in the encodings Notepad, WPS and Excel write on Chinese Windows.

UTF-8 (with or without a byte order mark), UTF-16 with a mark (Notepad's "Unicode") and GBK
(Notepad's "ANSI", Excel's CSV) are read and rendered with the right text; GBK with one note
saying so. What is none of them, or no text at all, says what to do.
"""

from __future__ import annotations

import codecs
import shutil
from pathlib import Path

import docx
import pytest

from minimal_workspace import RENDERED, make_workspace, paragraph_texts
from reportgen.api import check_reports
from reportgen.cli import main
from reportgen.errors import DataError
from reportgen.text.decoding import GB18030, UTF8, UTF16, UndecodableText, decode_text, read_text
from reportgen.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent
OUTPUT = "output/市总工会_2019-2023_工作汇报.docx"
#: 㐀 (U+3400) is in GB18030 (four bytes) but not in GBK; the rest is GBK.
TEXT = "合理化建议：征集16489条，采纳5795条。㐀\n"


GBK_TEXT = TEXT.replace("㐀", "")


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (TEXT.encode("utf-8"), UTF8, TEXT),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), UTF8, TEXT),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), UTF16, TEXT),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), UTF16, TEXT),
        (TEXT.encode("gb18030"), GB18030, TEXT),
        (GBK_TEXT.encode("gbk"), GB18030, GBK_TEXT),
    ],
    ids=["utf-8", "utf-8 with a mark", "utf-16-le", "utf-16-be", "gb18030", "gbk"],
)
def test_each_encoding_decodes_to_its_text(data: bytes, encoding: str, text: str) -> None:
    decoded = decode_text(data)
    assert decoded.text == text
    assert decoded.encoding == encoding
    assert (decoded.note is not None) == (encoding == GB18030)


def test_the_gbk_note_says_it_was_read_as_gbk_and_how_to_save_as_utf8() -> None:
    note = decode_text("标题".encode("gbk")).note
    assert note is not None
    assert note.text("en").startswith("the file is not UTF-8; it was read as GBK")
    assert "Notepad" in note.text("en") and "Excel" in note.text("en")
    assert note.text("zh").startswith("文件不是 UTF-8 编码，已按 GBK 编码读取")
    assert "记事本" in note.text("zh") and "WPS" in note.text("zh")


def test_neither_utf8_nor_gbk_names_the_line_and_how_to_save_as_utf8() -> None:
    with pytest.raises(UndecodableText) as caught:
        decode_text("title: 标题\n".encode() + b"lead: \x80\xff\n")
    assert caught.value.line == 2
    assert caught.value.message.text("en").startswith(
        "cannot read the text: it is neither UTF-8 nor GBK (first unreadable byte at line 2); "
        "save it as UTF-8: in Notepad, File > Save As, Encoding “UTF-8”"
    )
    assert caught.value.message.text("zh").startswith(
        "无法读取文字：文件既不是 UTF-8 编码，也不是 GBK 编码（第2行起无法识别）。"
        "请另存为 UTF-8 编码"
    )


@pytest.mark.parametrize(
    ("start", "english", "chinese"),
    [
        (b"PK\x03\x04rest", "this is a Word or Excel file, not text", "这是 Word 或 Excel 文件"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest",
            "this is an old Word or Excel file (.doc or .xls), not text",
            "这是旧版 Word 或 Excel 文件",
        ),
    ],
)
def test_a_word_or_excel_file_given_as_text_is_named(
    start: bytes, english: str, chinese: str
) -> None:
    with pytest.raises(UndecodableText) as caught:
        decode_text(start)
    assert caught.value.message.text("en").startswith(english)
    assert caught.value.message.text("zh").startswith(chinese)


def test_read_text_places_the_problem_at_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "part.yaml"
    path.write_bytes(b"a: 1\nb: \x80\n")
    with pytest.raises(DataError) as caught:
        read_text(path)
    [problem] = caught.value.problems
    assert (problem.file, problem.line) == (path, 2)


def encode_file(path: Path, encoding: str) -> None:
    """Write the UTF-8 file at ``path`` again in ``encoding``, with a mark for UTF-16."""
    text = path.read_text(encoding="utf-8")
    mark = codecs.BOM_UTF16_LE if encoding == "utf-16-le" else b""
    path.write_bytes(mark + text.encode(encoding))


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16-le"])
def test_data_files_in_any_encoding_render_the_same_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, encoding: str
) -> None:
    report_dir = make_workspace(tmp_path)
    for name in ("report.yaml", "proposals.yaml"):
        encode_file(report_dir / name, encoding)
    monkeypatch.chdir(tmp_path)

    assert main(["render"]) == 0
    assert paragraph_texts(tmp_path / OUTPUT) == RENDERED
    captured = capsys.readouterr()
    assert captured.out == f"{OUTPUT}\n"
    notes = captured.err.splitlines()
    if encoding == "utf-16-le":
        assert notes == []
    else:  # -- one note for each file read as GBK --
        assert notes == [
            f"warning: {report_dir / name}: the file is not UTF-8; it was read as GBK "
            + notes[0].split("it was read as GBK ", 1)[1]
            for name in ("report.yaml", "proposals.yaml")
        ]


def test_check_lists_the_gbk_note_and_exits_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    report_dir = make_workspace(tmp_path)
    encode_file(report_dir / "proposals.yaml", "gbk")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("1 report checked: no errors, 1 warning above")
    assert captured.err.startswith(f"warning: {report_dir / 'proposals.yaml'}: the file is not")
    [note] = check_reports(Workspace.at(tmp_path))
    assert note.severity == "warning"


def test_the_gbk_note_comes_with_the_problems_of_a_report_that_has_some(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    report_dir = make_workspace(tmp_path)
    proposals = report_dir / "proposals.yaml"
    proposals.write_text(
        proposals.read_text(encoding="utf-8").replace("value: 5795", "value: -5"),
        encoding="utf-8",
    )
    encode_file(proposals, "gbk")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "1 problem found, 1 warning"
    assert any("should not be negative" in line for line in err)


def test_a_data_file_in_no_known_encoding_is_a_problem_at_its_line(tmp_path: Path) -> None:
    report_dir = make_workspace(tmp_path)
    proposals = report_dir / "proposals.yaml"
    proposals.write_bytes(proposals.read_bytes().replace("采纳实施".encode(), b"\x80\x80"))
    [problem] = check_reports(Workspace.at(tmp_path))
    assert (problem.file, problem.line) == (proposals, 7)
    assert problem.code == "text.unknown-encoding"


@pytest.fixture
def batch_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a workspace holding a copy of the sample batch, as the current folder."""
    root = tmp_path / "workspace"
    (root / "templates").mkdir(parents=True)
    shutil.copytree(REPO / "data" / "ankang-certificates", root / "data" / "ankang-certificates")
    shutil.copy(REPO / "templates" / "certificate.docx", root / "templates" / "certificate.docx")
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("encoding", ["gbk", "utf-16-le"])
def test_a_csv_table_saved_by_excel_on_chinese_windows_renders_its_rows(
    batch_workspace: Path, capsys, encoding: str
) -> None:
    table = batch_workspace / "data" / "ankang-certificates" / "winners.csv"
    encode_file(table, encoding)
    assert main(["render", "ankang-certificates"]) == 0
    captured = capsys.readouterr()
    written = captured.out.splitlines()
    assert len(written) == 12
    assert written[0].endswith("AK2023-01_长江钢铁集团有限公司.docx")
    document = docx.Document(str(batch_workspace / written[0]))
    assert "长江钢铁集团有限公司" in "".join(p.text for p in document.paragraphs)
    warnings = captured.err.splitlines()
    if encoding == "gbk":
        [warning] = warnings
        assert warning.startswith(f"warning: {table}: the file is not UTF-8; it was read as GBK")
    else:
        assert warnings == []
