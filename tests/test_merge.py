"""One file to print: a batch's documents joined in the table's order, each from a new page.

The joined documents are opened with python-docx and converted with LibreOffice; their page
count is the rows times the pages a row takes.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Cm

from reportgen.cli import main
from reportgen.ooxml.merge import merge_documents

REPO = Path(__file__).resolve().parent.parent
MERGED = "2023年度劳动模范推荐对象事迹简介（合订本）.docx"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "workspace"
    for name in ("model-workers", "ankang-certificates"):
        shutil.copytree(REPO / "data" / name, root / "data" / name)
    shutil.copytree(REPO / "templates", root / "templates")
    monkeypatch.chdir(root)
    return root


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def test_the_sample_writes_each_row_and_one_file_holding_them_all(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", "model-workers"]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[-1] == f"output/{MERGED}"
    assert len(out) == 5
    merged = docx.Document(str(workspace / "output" / MERGED))
    names = [
        p.text for p in merged.paragraphs if p.text in ("王建国", "李秀英", "张志强", "陈丽华")
    ]
    assert names == ["王建国", "李秀英", "张志强", "陈丽华"]  # -- the table's order --
    assert len(merged.sections) == 4
    assert {section.start_type for section in merged.sections[1:]} == {WD_SECTION.NEW_PAGE}
    template = docx.Document(str(workspace / "templates" / "model-workers.docx")).sections[0]
    assert {(s.page_width, s.page_height) for s in merged.sections} == {
        (template.page_width, template.page_height)
    }
    assert len(merged.inline_shapes) == 4
    single = docx.Document(str(workspace / "output" / "model-workers" / "MW-01_王建国.docx"))
    assert len(merged.paragraphs) == 4 * len(single.paragraphs) + 3  # -- 3 section breaks --


def test_the_joined_file_is_the_same_bytes_every_time_and_with_jobs(workspace: Path) -> None:
    assert main(["render", "model-workers", "-o", "one"]) == 0
    assert main(["render", "model-workers", "-o", "two", "--jobs", "2"]) == 0

    assert (workspace / "one" / MERGED).read_bytes() == (workspace / "two" / MERGED).read_bytes()


def test_a_picture_every_row_shares_is_kept_once(workspace: Path) -> None:
    report = workspace / "data" / "ankang-certificates" / "report.yaml"
    text = report.read_text("utf-8")
    report.write_text(text + '  merged: "{title}"\n', "utf-8")

    assert main(["render", "ankang-certificates"]) == 0

    path = workspace / "output" / "2023年度“安康杯”竞赛荣誉证书.docx"
    with zipfile.ZipFile(path) as archive:
        media = [name for name in archive.namelist() if name.startswith("word/media/")]
    assert media == ["word/media/reportgen-picture1.png"]
    document = docx.Document(str(path))
    ids = [int(shape.get("id")) for shape in document.element.xpath(".//wp:docPr")]
    assert len(ids) == 12 and len(set(ids)) == 12


@pytest.mark.soffice
def test_the_joined_file_converts_to_one_pdf_a_page_a_row(
    workspace: Path, soffice: str, poppler: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", "model-workers", "--pdf"]) == 0

    out = capsys.readouterr().out.splitlines()
    pdfs = [line for line in out if line.endswith(".pdf")]
    assert pdfs == [f"output/{MERGED.removesuffix('.docx')}.pdf"]
    assert pages(workspace / pdfs[0]) == 4


@pytest.mark.soffice
def test_each_document_keeps_its_sections_and_starts_a_new_page(
    tmp_path: Path, soffice: str, poppler: None
) -> None:
    # -- a template of two sections, a portrait page and a landscape one: two pages a row --
    template = docx.Document()
    template.add_paragraph("第一页 {{ n }}")
    landscape = template.add_section(WD_SECTION.NEW_PAGE)
    landscape.orientation = WD_ORIENT.LANDSCAPE
    landscape.page_width, landscape.page_height = Cm(29.7), Cm(21)
    template.add_paragraph("第二页 {{ n }}")
    template.save(str(tmp_path / "two.docx"))
    from reportgen.template.compiled import CompiledTemplate, DocumentProperties

    compiled = CompiledTemplate(tmp_path / "two.docx")
    properties = DocumentProperties("t", "a", "2024-01-01")
    documents = [compiled.render({"n": n}, properties) for n in range(3)]

    joined = tmp_path / "joined.docx"
    joined.write_bytes(merge_documents(documents))

    document = docx.Document(str(joined))
    assert [p.text for p in document.paragraphs if p.text] == [
        f"{page} {n}" for n in range(3) for page in ("第一页", "第二页")
    ]
    assert [s.orientation for s in document.sections] == [
        WD_ORIENT.PORTRAIT,
        WD_ORIENT.LANDSCAPE,
    ] * 3
    from reportgen.pdf import convert_to_pdf

    (pdf,) = convert_to_pdf([joined], tmp_path)
    assert pages(pdf) == 3 * 2
    sizes = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "6", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    widths = [
        line.split("size:")[1].split()[0]
        for line in sizes.splitlines()
        if line.startswith("Page") and " size:" in line
    ]
    assert [float(width) > 800 for width in widths] == [False, True] * 3
