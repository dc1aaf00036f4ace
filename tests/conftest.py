"""Shared fixtures: a copy of the repository's workspace in a temporary folder."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import REPORT as BATCH
from helpers import TEMPLATE as BATCH_TEMPLATE
from reportgen.i18n import set_language

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_configure(config: pytest.Config) -> None:
    """Run the command line as a user on an English system would, with a cache of the suite's.

    The library reads no environment; the command line does, and a test that runs it must
    neither read nor fill the cache of the person running the tests.
    """
    os.environ["REPORTGEN_CACHE_DIR"] = tempfile.mkdtemp(prefix="reportgen-test-cache-")
    os.environ.pop("REPORTGEN_NO_CACHE", None)
    os.environ["REPORTGEN_LANG"] = "en"
    set_language("en")


@pytest.fixture
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a cache folder of the test's own, so that it sees no other test's entries."""
    return tmp_path_factory.mktemp("cache")


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


@pytest.fixture
def certificates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a workspace holding a copy of the sample batch, as the current folder."""
    root = tmp_path / "workspace"
    (root / "templates").mkdir(parents=True)
    shutil.copytree(REPO / "data" / BATCH, root / "data" / BATCH)
    shutil.copy(REPO / "templates" / BATCH_TEMPLATE, root / "templates" / BATCH_TEMPLATE)
    monkeypatch.chdir(root)
    return root
