"""Conversion to PDF with LibreOffice and the stand-ins for the GB/T 9704 fonts."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reportgen import pdf
from reportgen.errors import ConversionError
from reportgen.ooxml.layout import document_bytes, new_formal_document

PACKAGES = "libreoffice-writer-nogui fonts-noto-cjk texlive-lang-chinese"


def write_report(path: Path, *paragraphs: str) -> Path:
    document = new_formal_document("测试")
    document.add_paragraph("市工会5年工作汇报材料", style="Title")
    for text in paragraphs:
        document.add_paragraph(text)
    path.write_bytes(document_bytes(document))
    return path


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.soffice
def test_converts_several_documents_in_one_run(tmp_path: Path, soffice: str, poppler: None) -> None:
    first = write_report(tmp_path / "一.docx", "过去的五年，市总工会始终围绕经济建设中心。")
    second = write_report(tmp_path / "second.docx", "合理化建议充分展示了职工的聪明才智。")

    written = pdf.convert_to_pdf([first, second], tmp_path / "pdf")

    assert written == [tmp_path / "pdf" / "一.pdf", tmp_path / "pdf" / "second.pdf"]
    first_text = pdf_text(written[0])
    assert "市工会" in first_text
    assert "过去的五年，市总工会始终围绕经济建设中心。" in first_text
    assert re.search(r"^ +— ?1 ?—$", first_text, re.MULTILINE)  # pdftotext may drop the spaces
    assert "合理化建议充分展示了职工的聪明才智。" in pdf_text(written[1])


@pytest.mark.soffice
def test_chinese_faces_are_the_fandol_and_noto_stand_ins(
    tmp_path: Path, soffice: str, poppler: None
) -> None:
    source = write_report(tmp_path / "report.docx", "经济技术创新不断拓展了劳动竞赛新路子。")
    [written] = pdf.convert_to_pdf([source], tmp_path)
    fonts = subprocess.run(
        ["pdffonts", str(written)], capture_output=True, text=True, check=True
    ).stdout
    assert "FandolFang-Regular" in fonts  # 仿宋_GB2312, the body
    assert "FandolSong-Regular" in fonts  # 宋体, the page number
    assert "NotoSerifCJK" in fonts and "Bold" in fonts  # 方正小标宋简体, the title


def test_missing_soffice_names_the_packages_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    source = write_report(tmp_path / "report.docx", "正文。")
    with pytest.raises(ConversionError, match=f"soffice.*apt-get install {PACKAGES}$"):
        pdf.convert_to_pdf([source], tmp_path / "pdf")
    assert not (tmp_path / "pdf").exists()


def test_find_soffice_looks_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert pdf.find_soffice() is None
    program = tmp_path / "soffice"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    assert pdf.find_soffice() == str(program)


@pytest.mark.soffice
def test_missing_font_names_the_packages_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, soffice: str
) -> None:
    if shutil.which("fc-list") is None:
        pytest.fail("fc-list (fontconfig) is missing although LibreOffice is installed")
    monkeypatch.setitem(pdf.REQUIRED_FAMILIES, "Fandol No Such Face", "仿宋_GB2312")
    source = write_report(tmp_path / "report.docx", "正文。")
    with pytest.raises(
        ConversionError,
        match=rf"fonts missing: Fandol No Such Face \(for 仿宋_GB2312\); .*install {PACKAGES}$",
    ):
        pdf.convert_to_pdf([source], tmp_path)


def test_documents_with_the_same_name_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with pytest.raises(ConversionError, match="several documents named report"):
        pdf.convert_to_pdf(
            [tmp_path / "a" / "report.docx", tmp_path / "b" / "report.docx"], tmp_path
        )


def test_nothing_to_convert_starts_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: pytest.fail("soffice looked up"))
    assert pdf.convert_to_pdf([], tmp_path) == []


def test_fontconfig_file_keeps_the_system_config_and_adds_fandol_and_aliases() -> None:
    text = pdf.fontconfig_file(Path("/x/fonts.conf"), Path("/fandol"))
    assert text.splitlines()[2:7] == [
        "<fontconfig>",
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
        "  <dir>/fandol</dir>",
        '  <include ignore_missing="no">/x/fonts.conf</include>',
        "</fontconfig>",
    ]


def test_shipped_aliases_map_the_gbt9704_faces() -> None:
    aliases = (Path(pdf.__file__).parent / "resources" / "fonts.conf").read_text(encoding="utf-8")
    for name, stand_in in (
        ("仿宋_GB2312", "FandolFang"),
        ("楷体_GB2312", "FandolKai"),
        ("黑体", "FandolHei"),
        ("方正小标宋简体", "Noto Serif CJK SC"),
        ("宋体", "FandolSong"),
    ):
        assert (
            f'<alias binding="same"><family>{name}</family><prefer><family>{stand_in}</family>'
            in aliases
        )


def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    program = tmp_path / "bin" / "soffice"
    program.parent.mkdir()
    program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(program))
    monkeypatch.setattr(pdf, "_missing_families", lambda environment: [])


def test_one_soffice_run_with_a_private_profile_and_the_fonts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "log"
    fake_soffice(
        tmp_path,
        monkeypatch,
        f'printf "%s\\n" "$@" >> {log}; cat "$FONTCONFIG_FILE" >> {log}; echo "Error: not loaded"',
    )
    sources = [tmp_path / "a.docx", tmp_path / "b.docx"]

    with pytest.raises(
        ConversionError, match=r"no PDF for .*a\.docx, .*b\.docx \(Error: not loaded\)"
    ):
        pdf.convert_to_pdf(sources, tmp_path / "out")

    lines = log.read_text(encoding="utf-8").splitlines()
    profile = lines[0]
    assert profile.startswith("-env:UserInstallation=file:///")
    assert lines[1:9] == [
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp_path / "out"),
        str(sources[0]),
        str(sources[1]),
    ]
    assert '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>' in lines
    # -- the profile and the generated fontconfig file are gone afterwards --
    assert not Path(profile.removeprefix("-env:UserInstallation=file://")).parent.exists()


def test_a_hanging_soffice_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_soffice(tmp_path, monkeypatch, "sleep 30")
    with pytest.raises(
        ConversionError, match="wrote no PDF for 0.5 s, converting a, and was stopped"
    ):
        pdf.convert_to_pdf([tmp_path / "a.docx"], tmp_path, timeout=0.5)


#: A stand-in soffice that writes each PDF after a pause, as LibreOffice does one by one.
SLOW_SOFFICE = """\
out=""; previous=""
for argument in "$@"; do
  [ "$previous" = "--outdir" ] && out="$argument"; previous="$argument"
done
echo run >> "$out/../runs"
for argument in "$@"; do
  case "$argument" in
    *.docx) sleep 0.4; echo pdf > "$out/$(basename "$argument" .docx).pdf" ;;
  esac
done
"""


def test_a_long_run_goes_on_while_it_writes_pdfs_and_tells_each_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # -- three PDFs 0.4 s apart: 1.2 s in all, longer than the 0.7 s allowed without a PDF --
    fake_soffice(tmp_path, monkeypatch, SLOW_SOFFICE)
    sources = [tmp_path / f"{name}.docx" for name in "abc"]
    told: list[str] = []

    written = pdf.convert_to_pdf(
        sources, tmp_path / "out", timeout=0.7, on_converted=lambda path: told.append(path.name)
    )

    assert [path.name for path in written] == told == ["a.pdf", "b.pdf", "c.pdf"]
    assert (tmp_path / "runs").read_text().splitlines() == ["run"]


def test_many_documents_are_converted_a_share_a_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # -- a command line has a limit: 32,767 characters on Windows --
    fake_soffice(tmp_path, monkeypatch, SLOW_SOFFICE.replace("sleep 0.4; ", ""))
    monkeypatch.setattr(pdf, "_MOST_A_RUN", 2)
    sources = [tmp_path / f"{name}.docx" for name in "abcde"]

    written = pdf.convert_to_pdf(sources, tmp_path / "out")

    assert [path.name for path in written] == [f"{name}.pdf" for name in "abcde"]
    assert all(path.is_file() for path in written)
    assert (tmp_path / "runs").read_text().splitlines() == ["run"] * 3
    # -- and by length: a share never passes the characters allowed --
    monkeypatch.setattr(pdf, "_MOST_A_RUN", 200)
    monkeypatch.setattr(pdf, "_MOST_ARGUMENT_CHARACTERS", len(str(sources[0])) * 2 + 6)
    assert list(pdf._runs(sources)) == [(0, 2), (2, 4), (4, 5)]
