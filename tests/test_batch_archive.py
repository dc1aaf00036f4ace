"""A batch written as one .zip: the same documents, streamed, the same bytes every time."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from helpers import REPORT, render, winners, written
from reportgen.batch import archive
from reportgen.batch.archive import ArchiveWriter
from reportgen.cli import main


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_zip_holds_the_documents_a_folder_gets(
    certificates: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    assert render("-o", "folder") == 0
    capsys.readouterr()

    assert render("--zip", "--jobs", jobs) == 0

    assert capsys.readouterr().out.splitlines() == [f"output/{REPORT}.zip"]
    path = certificates / "output" / f"{REPORT}.zip"
    with zipfile.ZipFile(path) as opened:
        assert opened.testzip() is None
        names = [info.filename for info in opened.infolist()]
        # In the table's order, stored as they are (a .docx is deflated already).
        assert names == [f"{row['number']}_{row['name']}.docx" for row in winners(certificates)]
        assert {info.compress_type for info in opened.infolist()} == {zipfile.ZIP_STORED}
        assert {name: opened.read(name) for name in names} == written(
            certificates / "folder" / REPORT
        )
    assert not (certificates / "output" / REPORT).exists()
    assert [path.name for path in (certificates / "output").iterdir()] == [f"{REPORT}.zip"]


def test_the_same_rows_give_the_same_archive_byte_for_byte(certificates: Path) -> None:
    assert render("--zip", "-o", "first") == 0
    assert render("--zip", "-o", "second", "--jobs", "2") == 0

    first = (certificates / "first" / f"{REPORT}.zip").read_bytes()
    assert (certificates / "second" / f"{REPORT}.zip").read_bytes() == first


def test_unzip_reads_the_archive_and_its_chinese_names(certificates: Path) -> None:
    assert render("--zip") == 0
    unzip = shutil.which("unzip")
    assert unzip is not None, "apt-get install unzip"

    listing = subprocess.run(
        [unzip, "-t", str(certificates / "output" / f"{REPORT}.zip")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    assert "No errors detected" in listing
    assert "AK2023-01_长江钢铁集团有限公司.docx" in listing


def test_bad_rows_are_reported_and_the_good_ones_archived(
    certificates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = certificates / "data" / REPORT / "winners.csv"
    table.write_text(
        "number,name,award\nAK-1,甲公司,优胜单位\nAK-2,,优胜单位\nAK-3,丙公司,优胜单位\n", "utf-8"
    )

    assert main(["render", REPORT, "--zip"]) == 1

    assert capsys.readouterr().err.splitlines() == [
        f"{table}:3: row.name: is empty: write the text",
        "1 problem found",
    ]
    with zipfile.ZipFile(certificates / "output" / f"{REPORT}.zip") as opened:
        assert opened.namelist() == ["AK-1_甲公司.docx", "AK-3_丙公司.docx"]


@pytest.mark.parametrize(("entries", "size"), [(2, archive.ZIP32_SIZE), (1000, 300)])
def test_past_the_zip32_limits_the_64_bit_extension_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entries: int, size: int
) -> None:
    # The real limits (65,535 entries, 4 GB) lowered, so that a few small entries pass them.
    monkeypatch.setattr(archive, "ZIP32_ENTRIES", entries)
    monkeypatch.setattr(archive, "ZIP32_SIZE", size)
    documents = {f"证书{index}.docx": bytes([index]) * (50 + index) for index in range(9)}

    with ArchiveWriter(tmp_path / "big.zip") as writer:
        for name, data in documents.items():
            writer.add(name, data)

    with zipfile.ZipFile(tmp_path / "big.zip") as opened:
        assert {name: opened.read(name) for name in opened.namelist()} == documents
    assert b"PK\x06\x06" in (tmp_path / "big.zip").read_bytes()  # the ZIP64 end record
    assert (
        "No errors detected"
        in subprocess.run(
            ["unzip", "-t", str(tmp_path / "big.zip")], capture_output=True, text=True
        ).stdout
    )


def test_an_archive_left_unfinished_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt), ArchiveWriter(tmp_path / "a.zip") as writer:
        writer.add("one.docx", b"1")
        raise KeyboardInterrupt

    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_told_in_the_clerks_words(
    certificates: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # -- the archive said the system's English, 'No space left on device', in Chinese too --
    def disk_full(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(archive.os, "replace", disk_full)
    monkeypatch.setenv("REPORTGEN_NO_CACHE", "1")  # -- the cache's writes are no archive's --
    assert render("--zip") == 4
    zip_path = certificates / "output" / f"{REPORT}.zip"
    assert (
        capsys.readouterr().err == f"error: {zip_path}: cannot write the file (the disk is full)\n"
    )
    assert not zip_path.exists()
    monkeypatch.setenv("REPORTGEN_LANG", "zh")
    assert render("--zip") == 4
    assert capsys.readouterr().err == f"错误：{zip_path}: 无法写入文件（磁盘已满）\n"
