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


def line_width(line: str) -> float:
    """Return a line's width in 三号 characters: a CJK character is one, a digit or letter half."""
    return sum(0.5 if ord(char) < 0x2000 else 1.0 for char in re.sub(r"\s", "", line))


def test_libreoffice_sets_28_characters_a_line_22_lines_a_page_and_loses_no_comma(
    workspace_dir: Path, soffice: str, poppler: None
) -> None:
    assert main(["render", "five-year-report"]) == 0
    document = workspace_dir / "output" / "2023年市工会5年工作汇报材料.docx"
    (pdf,) = convert_to_pdf([document], workspace_dir / "pdf")
    layout = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = [page for page in layout.split("\f") if page.strip()]
    body_lines = [
        [line for line in page.splitlines() if line.strip() and not re.search(r"—\s*\d+\s*—", line)]
        for page in pages
    ]
    # -- the pages between the first (with the title) and the last are full --
    assert [len(lines) for lines in body_lines[1:-1]] == [22] * (len(pages) - 2)
    widths = [line_width(line) for lines in body_lines for line in lines]
    # -- a full line holds 28 characters, and a comma hung in the margin may follow --
    full = [
        width - (1 if line.rstrip()[-1] in "，。、；：”" and width > 28 else 0)
        for lines in body_lines
        for line, width in zip(lines, map(line_width, lines), strict=True)
    ]
    assert max(full) == 28
    assert sum(1 for width in full if width >= 27.5) > 0.7 * len(widths)
    text = re.sub(r"\s|—\d+—", "", layout)
    expected = "".join((FIXTURES / "restored_report.txt").read_text(encoding="utf-8").splitlines())
    for mark in "，。、；：“”":
        assert text.count(mark) == expected.count(mark), mark
