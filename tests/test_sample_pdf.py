"""A real client: LibreOffice converts the rendered five-year report, and the PDF is read back."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from reportgen.cli import main
from reportgen.pdf import convert_to_pdf

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pdf_pages_and_text(pdf: Path) -> tuple[int, str, str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]
    size = re.search(r"^Page size:\s+(.*)$", info.stdout, re.M).group(1)  # type: ignore[union-attr]
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return pages, size, text


def test_libreoffice_lays_the_report_out_on_six_to_eight_a4_pages(
    workspace_dir: Path, soffice: str, poppler: None
) -> None:
    assert main(["render", "five-year-report"]) == 0
    document = workspace_dir / "output" / "2023年市工会5年工作汇报材料.docx"
    (pdf,) = convert_to_pdf([document], workspace_dir / "pdf")

    pages, size, text = pdf_pages_and_text(pdf)
    assert "(A4)" in size
    assert 6 <= pages <= 8  # the original has 7 pages

    # pdftotext breaks lines where LibreOffice did: compare without whitespace.
    flat = re.sub(r"\s", "", text)
    # Every page carries its number between dashes, in the footer.
    for number in range(1, pages + 1):
        assert f"—{number}—" in flat
    # Footers fall between the lines of a paragraph that runs over a page.
    flat = re.sub(r"—\d+—", "", flat)
    for paragraph in (FIXTURES / "restored_report.txt").read_text(encoding="utf-8").splitlines():
        assert paragraph in flat
