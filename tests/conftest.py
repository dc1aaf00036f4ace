"""Shared fixtures: a copy of the repository's workspace in a temporary folder."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import REPORT as BATCH
from helpers import TEMPLATE as BATCH_TEMPLATE
from helpers import missing_under_ci
from reportgen.errors import Problem, ProblemsFound, ReportgenError
from reportgen.i18n import MessageKind, set_language

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
    _record_what_reportgen_makes()


#: Every message, problem and error reportgen made while the suite ran, for the test that
#: words each in Chinese (test_messages.py); what the tests themselves make is left out.
MADE: list[Any] = []
#: The test that reads MADE runs after every other, so that it sees what they all made.
LAST = "test_every_message_the_suite_made_reads_in_chinese"
_TESTS = str(Path(__file__).parent)


def _record_what_reportgen_makes() -> None:
    def recording(original: Callable[..., Any], *, keep_result: bool = False) -> Any:
        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            result = original(self, *args, **kwargs)
            if not sys._getframe(1).f_code.co_filename.startswith(_TESTS):
                made = result if keep_result else self
                if not isinstance(made, ProblemsFound):  # -- its problems are recorded --
                    MADE.append(made)
            return result

        return wrapper

    MessageKind.__call__ = recording(MessageKind.__call__, keep_result=True)  # type: ignore[method-assign]
    # -- a named tuple: made by __new__, the class passed where the instance is elsewhere --
    Problem.__new__ = recording(Problem.__new__, keep_result=True)  # type: ignore[method-assign]
    ReportgenError.__init__ = recording(ReportgenError.__init__)  # type: ignore[method-assign]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the test of every message made after all the others."""
    items.sort(key=lambda item: item.name == LAST)


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
        missing_under_ci(f"poppler-utils ({', '.join(missing)}) is not installed")


@pytest.fixture
def soffice() -> str:
    """Return the soffice command; skip without it, but fail under CI, where it must exist."""
    from reportgen.pdf import find_soffice

    command = find_soffice()
    if command is None:
        missing_under_ci(
            "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui"
        )
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
