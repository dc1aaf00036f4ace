"""The LibreOffice reportgen serve keeps running: it converts, restarts after a failure, stops."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from helpers import missing_under_ci
from reportgen.errors import ConversionError
from reportgen.prepare import Run
from reportgen.serve import office as office_module
from reportgen.serve.office import Office, uno_python
from reportgen.workspace import Workspace


@pytest.fixture
def document(workspace_dir: Path) -> Path:
    workspace = Workspace.at(workspace_dir)
    report = Run(workspace).render_report(workspace.report_dir("five-year-report"))
    path = workspace_dir / "report.docx"
    path.write_bytes(report.document)
    return path


@pytest.fixture
def uno(soffice: str) -> str:
    """Return the Python with LibreOffice's uno module; skip without it, fail under CI."""
    python = uno_python(soffice)
    if python is None:
        missing_under_ci("no Python with LibreOffice's uno module: apt-get install python3-uno")
    return python


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))[6:])


def test_one_libreoffice_converts_one_document_after_another(
    document: Path, tmp_path: Path, uno: str, poppler: None
) -> None:
    office = Office()
    try:
        office.start()
        assert office.warm is True
        process = office._office
        assert process is not None
        for index in range(3):
            office.convert(document, tmp_path / f"{index}.pdf")
            assert office._office is process  # -- the same LibreOffice, still running --
        assert [pages(tmp_path / f"{index}.pdf") for index in range(3)] == [6, 6, 6]
    finally:
        office.close()
    assert process.poll() is not None  # -- closed: LibreOffice has stopped --


def test_a_document_it_cannot_open_is_reported_and_the_next_one_converts(
    document: Path, tmp_path: Path, uno: str, poppler: None
) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is no document")
    office = Office()
    try:
        with pytest.raises(ConversionError, match="LibreOffice could not convert"):
            office.convert(broken, tmp_path / "broken.pdf")
        office.convert(document, tmp_path / "good.pdf")  # -- started afresh --
        assert pages(tmp_path / "good.pdf") == 6
    finally:
        office.close()


def test_without_libreoffices_python_each_conversion_starts_libreoffice(
    document: Path, tmp_path: Path, soffice: str, poppler: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(office_module, "uno_python", lambda soffice: None)
    office = Office()
    office.convert(document, tmp_path / "cold.pdf")
    assert office.warm is False
    assert pages(tmp_path / "cold.pdf") == 6
    office.close()


def test_a_preview_draws_each_page_and_keeps_only_the_last_two_versions(
    workspace_dir: Path, tmp_path: Path, uno: str, poppler: None
) -> None:
    from reportgen.serve.preview import Previewer

    workspace = Workspace.at(workspace_dir)
    office = Office()
    previewer = Previewer(workspace, office, tmp_path, None)
    data = workspace_dir / "data" / "five-year-report" / "proposals.yaml"
    text = data.read_text(encoding="utf-8")
    digests = []
    try:
        for index in range(3):
            data.write_text(text.replace("2019: 1032", f"2019: {1033 + index}"), encoding="utf-8")
            made = previewer.preview("five-year-report")
            assert made.pages == 6 and made.digest is not None and not made.problems
            assert previewer.page("five-year-report", made.digest, 6) is not None
            digests.append(made.digest)
    finally:
        office.close()
    kept = sorted(folder.name for folder in (tmp_path / "previews" / "five-year-report").iterdir())
    assert kept == sorted(digests[1:])
    assert previewer.page("five-year-report", digests[0], 1) is None
