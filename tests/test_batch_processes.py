"""Worker processes that die, a Ctrl+C, a full disk, and what a killed run left behind.

Each runs ``reportgen render`` as a real process, and kills or interrupts real workers,
as the out-of-memory killer or a clerk at the keyboard would.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import REPORT, winners
from reportgen.cli import main

ROWS = 3000


@pytest.fixture
def big_batch(certificates: Path) -> Path:
    """Return the sample batch's certificates, its table grown to ROWS rows."""
    rows = winners(certificates)
    lines = ["number,name,award"] + [
        f"AK-{index:05d},{rows[index % len(rows)]['name']}（{index}）,{rows[0]['award']}"
        for index in range(ROWS)
    ]
    (certificates / "data" / REPORT / "winners.csv").write_text("\n".join(lines) + "\n", "utf-8")
    return certificates


def start_render(root: Path, *arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "reportgen", "render", REPORT, *arguments],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "REPORTGEN_NO_CACHE": "1"},
        start_new_session=True,  # a process group of its own, as a terminal gives a command
    )


def workers_of(process: subprocess.Popen[str]) -> list[int]:
    """Return the worker processes of ``process``: its children running the same command."""
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
    command = Path(f"/proc/{process.pid}/cmdline").read_bytes()
    found = []
    for child in children:
        try:
            if Path(f"/proc/{child}/cmdline").read_bytes() == command:
                found.append(int(child))
        except OSError:
            pass
    return found


def wait_for_files(folder: Path, count: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if folder.is_dir() and sum(1 for _ in folder.glob("*.docx")) >= count:
            return
        time.sleep(0.02)
    raise AssertionError(f"the batch wrote fewer than {count} files, or ended first")


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.rglob(".*"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_worker_is_an_error_naming_the_rows_lost_not_a_hang(big_batch: Path) -> None:
    folder = big_batch / "output" / REPORT
    with start_render(big_batch, "--jobs", "2") as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()  # rows have come back: the workers are busy
        victim = workers_of(process)[0]

        os.kill(victim, signal.SIGKILL)
        # Read on from the same buffered stream, which may hold more lines than the first.
        out = first + process.stdout.read()
        process.wait(timeout=60)  # a hang fails here
        err = process.stderr.read()

    assert process.returncode == 1, err
    table = big_batch / "data" / REPORT / "winners.csv"
    message = re.search(
        rf"^{re.escape(str(table))}:(\d+): a worker process stopped unexpectedly \(killed, "
        r"perhaps by the system when memory ran short\): (\d+) rows on lines ([\d–, ]+) may "
        r"not have been written(, and the rows after line (\d+) were not rendered)?; render "
        r"the report again$",
        err,
        re.MULTILINE,
    )
    assert message, err
    assert "Traceback" not in err
    # Every file listed was written whole, and every row is either listed or named lost.
    listed = out.splitlines()
    assert all((big_batch / line).is_file() for line in listed)
    lost = int(message.group(2))
    after = int(message.group(5)) if message.group(5) else ROWS + 1
    assert len(listed) + lost == after - 1  # the rows from line 2 up to the last sent
    assert leftovers(folder) == []


@pytest.mark.skipif(os.name == "nt", reason="process groups and SIGINT are POSIX")
@pytest.mark.parametrize(("jobs", "zip_"), [("1", False), ("2", False), ("2", True)])
def test_ctrl_c_leaves_no_traceback_no_temporary_file_and_no_staging_folder(
    big_batch: Path, jobs: str, zip_: bool
) -> None:
    with start_render(big_batch, "--jobs", jobs, *(["--zip"] if zip_ else [])) as process:
        if zip_:
            # -- interrupted once documents are going into the archive: its first megabyte
            # is written, and thousands of rows are still to come --
            deadline = time.monotonic() + 60
            while not _archive_begun(big_batch / "output") and time.monotonic() < deadline:
                time.sleep(0.01)
        else:
            wait_for_files(big_batch / "output" / REPORT, 100, process)

        os.killpg(process.pid, signal.SIGINT)  # what Ctrl+C on a terminal does
        _, err = process.communicate(timeout=60)

    assert process.returncode == 130
    assert err == "interrupted\n"
    assert leftovers(big_batch / "output") == []


def _archive_begun(folder: Path) -> bool:
    """Return whether an archive being written in ``folder`` holds a document yet."""
    for part in folder.glob(".*.part"):
        try:
            if part.stat().st_size > 0:
                return True
        except FileNotFoundError:
            continue  # -- moved into place as it was looked at --
    return False


def test_a_full_disk_with_two_jobs_lists_the_files_that_were_written(big_batch: Path) -> None:
    unshare = shutil.which("unshare")
    assert unshare is not None
    out_dir = big_batch / "small-disk"
    out_dir.mkdir()
    # A file system of 400 KB, mounted for this command alone: room for some documents.
    script = (
        f"mount -t tmpfs -o size=400k tmpfs {out_dir} && "
        f"exec {sys.executable} -m reportgen render {REPORT} --jobs 2 -o {out_dir}"
    )
    completed = subprocess.run(
        [unshare, "--user", "--map-root-user", "--mount", "sh", "-c", script],
        cwd=big_batch,
        capture_output=True,
        text=True,
        env={**os.environ, "REPORTGEN_NO_CACHE": "1"},
        timeout=120,
    )

    assert completed.returncode == 4, completed.stderr
    assert "cannot write the file (the disk is full)" in completed.stderr
    assert "Traceback" not in completed.stderr
    listed = completed.stdout.splitlines()
    # The files were on the small disk, gone with its mount: check each listed one was
    # a row's, in the table's order, and that most of the disk's room was used.
    assert len(listed) > 10
    assert listed == sorted(listed)
    assert all(line.startswith(f"small-disk/{REPORT}/AK-") for line in listed)


def test_the_next_run_removes_a_killed_runs_leftovers_and_nothing_else(
    certificates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = certificates / "output"
    folder = output / REPORT
    folder.mkdir(parents=True)
    dead = _a_finished_process()
    alive = os.getpid()
    kept = [
        folder / f".AK2023-01_甲.{alive}-abcd1234.part",  # another run writing just now
        folder / f".reportgen-writing-{alive}-{dead}",
        folder / "notes.part",  # not of reportgen's naming
        folder / f".mine.{dead}-abcd12345.part",
        output / "readme.txt",
    ]
    removed = [
        folder / f".AK2023-01_甲.{dead}-k2j_9x0a.part",
        folder / f".reportgen-writing-{dead}-{dead}",
        output / f".市总工会_2023-2023_证书.{dead}-abcdefgh.part",
        output / f".{REPORT}.{dead}-zzzzzzzz.part",
    ]
    for path in kept + removed:
        if "writing" in path.name:
            path.mkdir()
            (path / f".x.{dead}-abcdefgh.part").write_bytes(b"half")
        else:
            path.write_bytes(b"half")

    assert main(["render", REPORT]) == 0

    assert all(path.exists() for path in kept)
    assert not any(path.exists() for path in removed)
    assert len(list(folder.glob("*.docx"))) == 12


def _a_finished_process() -> int:
    process = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], stdout=subprocess.PIPE, text=True
    )
    return int(process.stdout)
