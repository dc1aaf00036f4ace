"""`reportgen watch`: render again after each change to a report's data or template."""

from __future__ import annotations

import _thread
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from reportgen.cli import main
from reportgen.commands.watch import watch_reports
from reportgen.errors import ReportgenError
from reportgen.workspace import Workspace

OUTPUT = Path("output") / "2023年市工会5年工作汇报材料.docx"
#: How long a test waits for a change to be seen before it fails.
PATIENCE = 20.0


class Recorder:
    """Collects what watch_reports reports, and lets a test wait for it."""

    def __init__(self) -> None:
        self.events: list[str] = []
        self.changed = threading.Condition()

    def add(self, event: str) -> None:
        with self.changed:
            self.events.append(event)
            self.changed.notify_all()

    def wait_for(self, count: int) -> None:
        with self.changed:
            assert self.changed.wait_for(lambda: len(self.events) >= count, PATIENCE), self.events


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def run_watch(
    workspace: Path, recorder: Recorder, max_cycles: int, edits: Callable[[], None]
) -> int:
    """Watch five-year-report in a thread until ``max_cycles`` changes; ``edits`` makes them."""
    stop = threading.Event()
    result: list[int] = []

    def watch() -> None:
        result.append(
            watch_reports(
                Workspace.find(workspace),
                ["five-year-report"],
                on_written=lambda path: recorder.add(f"wrote {path.relative_to(workspace)}"),
                on_error=lambda err: recorder.add(f"error {err}"),
                on_watching=lambda folders: recorder.add("watching"),
                stop_event=stop,
                max_cycles=max_cycles,
            )
        )

    thread = threading.Thread(target=watch)
    thread.start()
    try:
        recorder.wait_for(2)  # -- the first render, then watching --
        time.sleep(0.3)  # -- the watcher starts a moment after it says so --
        edits()
        thread.join(PATIENCE)
        assert not thread.is_alive(), recorder.events
    finally:
        stop.set()
        thread.join()
    [cycles] = result
    return cycles


def paragraphs(path: Path) -> list[str]:
    return [paragraph.text for paragraph in docx.Document(str(path)).paragraphs]


def test_a_change_to_the_data_renders_the_report_again(
    workspace_dir: Path, recorder: Recorder
) -> None:
    proposals = workspace_dir / "data" / "five-year-report" / "proposals.yaml"

    def edit() -> None:
        text = proposals.read_text(encoding="utf-8")
        proposals.write_text(text.replace("value: 37", "value: 45"), encoding="utf-8")

    cycles = run_watch(workspace_dir, recorder, 1, edit)

    assert cycles == 1
    assert recorder.events == ["wrote " + str(OUTPUT), "watching", "wrote " + str(OUTPUT)]
    assert any("我市45项，占受表彰成果的45%" in text for text in paragraphs(workspace_dir / OUTPUT))


def test_an_error_is_reported_and_watching_goes_on(workspace_dir: Path, recorder: Recorder) -> None:
    skills = workspace_dir / "data" / "five-year-report" / "skills.yaml"
    good = skills.read_text(encoding="utf-8")
    lines = len(good.splitlines())

    def break_then_mend() -> None:
        skills.write_text(good + "figures: [\n", encoding="utf-8")
        recorder.wait_for(3)
        time.sleep(0.3)
        skills.write_text(good, encoding="utf-8")

    cycles = run_watch(workspace_dir, recorder, 2, break_then_mend)

    assert cycles == 2
    written, watching, error, mended = recorder.events
    assert (written, watching, mended) == (f"wrote {OUTPUT}", "watching", f"wrote {OUTPUT}")
    assert re.fullmatch(
        rf"error {re.escape(str(skills))}:{lines + 2}:1: the \[ opened on line {lines + 1}.*\n"
        "1 problem found",
        error,
    )


def test_a_change_to_the_template_renders_its_reports_again(
    workspace_dir: Path, recorder: Recorder
) -> None:
    template = workspace_dir / "templates" / "five-year-report.docx"

    def save_template() -> None:
        template.write_bytes(template.read_bytes())

    assert run_watch(workspace_dir, recorder, 1, save_template) == 1
    assert recorder.events == [f"wrote {OUTPUT}", "watching", f"wrote {OUTPUT}"]


def test_scratch_files_and_other_reports_are_not_changes(workspace_dir: Path) -> None:
    from reportgen.commands.watch import _ReportWatcher

    workspace = Workspace.find(workspace_dir)
    watcher = _ReportWatcher(workspace, ["five-year-report"], None, None, None)
    data = workspace.data_dir.resolve()
    templates = workspace.templates_dir.resolve()
    assert watcher.is_relevant(None, str(data / "five-year-report" / "skills.yaml"))
    assert not watcher.is_relevant(None, str(data / "five-year-report" / ".skills.yaml.swp"))
    assert not watcher.is_relevant(None, str(templates / "~$ve-year-report.docx"))
    assert not watcher.is_relevant(None, str(templates / "notes.txt"))
    assert watcher.affected(
        [data / "five-year-report" / "skills.yaml", data / "other" / "report.yaml"]
    ) == ["five-year-report"]
    assert watcher.affected([templates / "annual-summary.docx"]) == []
    assert watcher.affected([templates / "five-year-report.docx"]) == ["five-year-report"]


def test_an_unknown_report_is_a_workspace_error(workspace_dir: Path) -> None:
    with pytest.raises(ReportgenError, match="no report named 'nope'"):
        watch_reports(Workspace.find(workspace_dir), ["nope"], max_cycles=0)


def test_cli_watch_prints_what_it_wrote_and_stops_on_ctrl_c(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    proposals = workspace_dir / "data" / "five-year-report" / "proposals.yaml"
    output = workspace_dir / OUTPUT

    def edit_then_interrupt() -> None:
        deadline = time.monotonic() + PATIENCE
        while not output.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        first = output.stat().st_mtime_ns
        time.sleep(0.5)
        text = proposals.read_text(encoding="utf-8")
        proposals.write_text(text.replace("value: 37", "value: 45"), encoding="utf-8")
        while output.stat().st_mtime_ns == first and time.monotonic() < deadline:
            time.sleep(0.05)
        _thread.interrupt_main()

    helper = threading.Thread(target=edit_then_interrupt)
    helper.start()
    try:
        assert main(["watch", "five-year-report"]) == 0
    finally:
        helper.join()
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [str(OUTPUT), str(OUTPUT)]
    assert captured.err.splitlines() == [
        "watching data/five-year-report, templates (Ctrl+C to stop)",
        "changed: data/five-year-report/proposals.yaml",
    ]
    # -- nothing logged either: watchfiles' 'KeyboardInterrupt caught, stopping watch' was
    # printed, in English, below every watch a clerk stopped --
    assert [record.getMessage() for record in caplog.records] == []
