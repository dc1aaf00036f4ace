"""Shared fixtures: a copy of the repository's workspace in a temporary folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Give each test a cache folder of its own, so that no test sees another's entries."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(folder))
    monkeypatch.delenv("REPORTGEN_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def workspace_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Return a copy of the repository's data/ and templates/, as the current folder."""
    root = tmp_path / "workspace"
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "templates", root / "templates")
    (root / "output").mkdir()
    monkeypatch.chdir(root)
    yield root


@pytest.fixture
def two_reports(workspace_dir: Path) -> Path:
    """Return the workspace with a copy of the five-year report as data/second (output/second)."""
    second = workspace_dir / "data" / "second"
    shutil.copytree(workspace_dir / "data" / "five-year-report", second)
    report = second / "report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace('output: "{end}年{title}"', "output: second"), encoding="utf-8")
    return workspace_dir


@pytest.fixture
def poppler() -> None:
    """Skip without poppler's tools, but fail under CI, where they must exist."""
    missing = [
        tool
        for tool in ("pdfinfo", "pdftotext", "pdffonts", "pdfimages")
        if shutil.which(tool) is None
    ]
    if missing:
        message = f"poppler-utils ({', '.join(missing)}) is not installed"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def soffice() -> str:
    """Return the soffice command; skip without it, but fail under CI, where it must exist."""
    from reportgen.pdf import find_soffice

    command = find_soffice()
    if command is None:
        message = "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return command
