"""`reportgen render --pdf`: a PDF beside each document, all in one LibreOffice start."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reportgen import pdf
from reportgen.cli import main

OUTPUT_NAME = "2023年市工会5年工作汇报材料"
PACKAGES = "libreoffice-writer-nogui fonts-noto-cjk texlive-lang-chinese"

#: Stands in for soffice: logs each start, then writes a PDF for each .docx into --outdir.
FAKE_SOFFICE = """\
echo "start $#" >> {log}
out=""; take=0
for argument in "$@"; do
  if [ "$take" = 1 ]; then out="$argument"; take=0; continue; fi
  case "$argument" in
    --outdir) take=1 ;;
    *.docx) printf '%%PDF-1.4 fake' > "$out/$(basename "$argument" .docx).pdf" ;;
  esac
done
"""


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put a fake soffice in place; return the file that logs its starts."""
    log = tmp_path / "soffice.log"
    program = tmp_path / "bin" / "soffice"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n" + FAKE_SOFFICE.format(log=log), encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(program))
    monkeypatch.setattr(pdf, "_missing_families", lambda environment: [])
    return log


def test_every_document_gets_a_pdf_from_one_libreoffice_start(
    two_reports: Path, fake_soffice: Path, capsys: pytest.CaptureFixture[str]
) -> None:

    assert main(["render", "--pdf", "five-year-report", "second"]) == 0

    assert capsys.readouterr().out.splitlines() == [
        f"output/{OUTPUT_NAME}.docx",
        "output/second.docx",
        f"output/{OUTPUT_NAME}.pdf",
        "output/second.pdf",
    ]
    # -- one start, converting both: a private profile, 6 options, then the 2 documents --
    assert fake_soffice.read_text(encoding="utf-8").splitlines() == ["start 9"]
    assert (two_reports / "output" / "second.pdf").read_bytes() == b"%PDF-1.4 fake"


def test_pdfs_go_where_the_documents_go(
    workspace_dir: Path, fake_soffice: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", "--pdf", "-o", "elsewhere", "five-year-report"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"elsewhere/{OUTPUT_NAME}.docx",
        f"elsewhere/{OUTPUT_NAME}.pdf",
    ]


def test_without_pdf_libreoffice_is_not_started(
    workspace_dir: Path, fake_soffice: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", "five-year-report"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"output/{OUTPUT_NAME}.docx"]
    assert not fake_soffice.exists()


def test_missing_libreoffice_exits_5_naming_the_packages(
    workspace_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)

    assert main(["render", "--pdf", "five-year-report"]) == 5

    captured = capsys.readouterr()
    assert captured.err == (
        f"error: LibreOffice (soffice) is not installed; install them with: apt-get install "
        f"{PACKAGES}\n"
    )
    # -- the document itself is written, and said to be --
    assert captured.out.splitlines() == [f"output/{OUTPUT_NAME}.docx"]
    assert sorted(path.name for path in (workspace_dir / "output").iterdir()) == [
        f"{OUTPUT_NAME}.docx"
    ]


def test_missing_fonts_exit_5_naming_them_and_the_packages(
    workspace_dir: Path,
    fake_soffice: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(pdf, "_missing_families", lambda environment: ["FandolFang"])

    assert main(["render", "--pdf", "five-year-report"]) == 5

    assert capsys.readouterr().err == (
        f"error: fonts missing: FandolFang (for 仿宋_GB2312); install them with: apt-get install "
        f"{PACKAGES}\n"
    )
    assert not fake_soffice.exists()


def test_problems_in_the_data_start_no_conversion(
    workspace_dir: Path, fake_soffice: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = workspace_dir / "data" / "five-year-report" / "report.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("title: ", "title: {{ x }}"),
        encoding="utf-8",
    )
    assert main(["render", "--pdf", "five-year-report"]) == 1
    assert capsys.readouterr().out == ""
    assert not fake_soffice.exists()


@pytest.mark.soffice
def test_libreoffice_writes_the_report_as_pdf(
    workspace_dir: Path, soffice: str, poppler: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", "--pdf", "five-year-report"]) == 0
    written = workspace_dir / "output" / f"{OUTPUT_NAME}.pdf"
    assert capsys.readouterr().out.splitlines()[-1] == f"output/{OUTPUT_NAME}.pdf"
    text = subprocess.run(
        ["pdftotext", str(written), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())  # pdftotext breaks lines where LibreOffice did
    assert flat.startswith("市工会5年工作汇报材料过去的五年，市总工会")
    assert "合理化建议充分展示了职工的聪明才智。" in flat
