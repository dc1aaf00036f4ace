"""Progress while rendering: plain lines in a pipe, a rich progress bar on a terminal."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from reportgen.api import check_reports, render_reports
from reportgen.cli import main
from reportgen.cli.progress import CHECK_WORDS, BarProgress, PlainProgress, progress_for
from reportgen.workspace import Workspace

OUTPUT_NAME = "2023年市工会5年工作汇报材料.docx"


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_piped_output_is_the_files_written_one_a_line(
    two_reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", "five-year-report", "second"]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"output/{OUTPUT_NAME}\noutput/second.docx\n"
    assert captured.err == ""  # -- no progress bar --


def test_a_terminal_shows_a_bar_over_the_reports_and_the_files_above_it(
    two_reports: Path,
) -> None:
    console = Console(file=io.StringIO(), force_terminal=True, width=100, record=True)

    with BarProgress(2, console=console, show=lambda path: path.name) as progress:
        render_reports(
            Workspace.find(),
            ["five-year-report", "second"],
            on_written=progress.written,
            on_rendered=progress.rendered,
        )

    text = console.export_text()
    # -- the live bar redraws over itself; each file is printed once, on a line of its own --
    assert re.findall(r"0:00:\d\d *(\S+\.docx)\n", text) == [OUTPUT_NAME, "second.docx"]
    assert text.startswith("⠋ rendering ━")  # drawn when the bar starts
    assert re.search(r"  done ━{40} 2/2 0:00:\d\d *\n$", text), text
    assert "\x1b[" in console.file.getvalue()  # type: ignore[attr-defined]


def test_the_bar_has_a_step_for_the_pdf_conversion() -> None:
    console = Console(file=io.StringIO(), force_terminal=True, width=100, record=True)
    with BarProgress(1, pdf=True, console=console, show=str) as progress:
        progress.rendered("five-year-report")
        assert progress.bar.tasks[0].description == "converting to PDF with LibreOffice"
        assert (progress.bar.tasks[0].completed, progress.bar.tasks[0].total) == (1, 2)
        progress.written(Path("out/a.docx"))
        progress.written(Path("out/a.pdf"))
        progress.written(Path("out/b.pdf"))
        # -- the PDFs counted as LibreOffice writes them: a batch's thousand take minutes --
        task = progress.bar.tasks[0]
        assert task.description == "converting to PDF: 2 written"
        assert task.completed == 1  # -- the step ends with the run --
    assert re.search(r"  done ━{40} 2/2 0:00:\d\d *\n$", console.export_text())


def test_render_on_a_terminal_draws_the_bar(
    workspace_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["render", "five-year-report"]) == 0
    output = terminal.getvalue()
    assert f"output/{OUTPUT_NAME}" in output
    assert "done" in output and "1/1" in output
    assert "\x1b[" in output


def test_the_form_follows_the_stream() -> None:
    assert isinstance(progress_for(io.StringIO(), 2), PlainProgress)
    assert isinstance(progress_for(Terminal(), 2), BarProgress)


def test_plain_progress_prints_each_path_as_shown() -> None:
    stream = io.StringIO()
    with PlainProgress(stream, show=lambda path: f"<{path}>") as progress:
        progress.rendered("a")
        progress.written(Path("a.docx"))
    assert stream.getvalue() == "<a.docx>\n"


def test_a_batch_bar_shows_its_rows_a_second_and_the_time_left() -> None:
    console = Console(file=io.StringIO(), force_terminal=True, width=120, record=True)
    with BarProgress(1, console=console, show=str) as progress:
        rows = progress.rows("certificates")
        for done in range(1, 1001):
            rows(done, 1000)
        progress.rendered("certificates")

    last = console.export_text().splitlines()[-1]
    assert re.fullmatch(
        r"  rows of certificates ━{40} 1000/1000 0:00:\d\d [\d,]+ rows/s, 0:00:00 left *", last
    ), last


def test_the_rows_a_second_read_in_chinese() -> None:
    from reportgen.cli.messages import ROWS_A_SECOND, ROWS_OF

    assert ROWS_A_SECOND(rate="1,200", left="0:13:05").text("zh") == "每秒 1,200 行，还需 0:13:05"
    assert ROWS_OF(name="ankang").text("zh") == "ankang 逐行生成"


def test_check_on_a_terminal_draws_a_bar_on_stderr_and_prints_no_file(
    two_reports: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # -- a province's thousand reports, laid out with --pdf, took minutes without a word --
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert main(["check", "five-year-report", "second"]) == 0
    drawn = terminal.getvalue()
    assert "checking" in drawn and "done" in drawn and "2/2" in drawn
    assert ".docx" not in drawn
    assert capsys.readouterr().out == "2 reports checked: no problems\n"


def test_a_checks_bar_counts_the_pages_laid_out_without_printing_their_files() -> None:
    console = Console(file=io.StringIO(), force_terminal=True, width=100, record=True)
    with BarProgress(1, pdf=True, console=console, show=None, words=CHECK_WORDS) as progress:
        assert progress.bar.tasks[0].description == "checking"
        progress.rendered("five-year-report")
        assert progress.bar.tasks[0].description == "laying the pages out with LibreOffice"
        progress.written(Path("scratch/a.docx"))
        progress.written(Path("scratch/a.pdf"))
        assert progress.bar.tasks[0].description == "laying the pages out: 1 done"
    assert "scratch" not in console.export_text()


def test_check_reports_tells_each_report_and_each_page_laid_out(two_reports: Path) -> None:
    checked: list[str] = []
    laid_out: list[str] = []
    problems = check_reports(
        Workspace.find(),
        ["five-year-report", "second"],
        pdf=True,
        on_checked=checked.append,
        on_laid_out=lambda path: laid_out.append(path.suffix),
    )
    assert [problem for problem in problems if problem.severity == "error"] == []
    assert sorted(checked) == ["five-year-report", "second"]
    assert laid_out.count(".pdf") == 2
