"""Spread a batch's rows over worker processes on this machine, in a bounded stream.

Rows go out in chunks, a few chunks a worker at a time, and come back in the table's
order; the next chunk is read from the table only when one comes back, so memory does
not grow with the rows. Workers write the files themselves when the batch writes a
folder, each in a hidden staging folder of its own inside it and moved into place when
complete: processes creating files in one folder at once wait for each other on common
file systems (two wrote to ext4 only 1.15 times as fast as one), moving finished files in
does not. For an archive, workers send the documents back and this process adds them.

What can go wrong with processes is told, never waited out:

- a worker killed (``kill -9``, the kernel's out-of-memory killer): the rows it and the
  other workers held are reported lost and the batch stops, instead of waiting forever;
- Ctrl+C: workers ignore it and finish their chunk, this process stops them, removes
  their staging folders and lets KeyboardInterrupt go on, with no traceback from workers;
- a file that cannot be written (a full disk): no more rows are sent, the rows already
  out come back, and each file written is still told.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from reportgen.batch.plan import PlanItem, Task
from reportgen.batch.rows import Job, Outcome, RowRenderer, Skipped
from reportgen.batch.stream import ChunkStream
from reportgen.template.compiled import CompiledTemplate

#: The start of the name of each worker's folder for files being written.
STAGING_PREFIX = ".reportgen-writing-"
#: A worker's staging folder: the parent's and the worker's process numbers.
STAGING = re.compile(re.escape(STAGING_PREFIX) + r"(\d+)-(\d+)")

#: How worker processes start. fork starts them at once with reportgen already imported
#: and the compiled template inherited; where fork is unavailable or unsafe (Windows;
#: macOS, with its system libraries) each worker starts afresh and compiles the template
#: from the source the job carries.
START_METHOD = "fork" if sys.platform.startswith("linux") else "spawn"

#: Chunks in flight for each worker: one being rendered, one waiting, so none idles.
_CHUNKS_A_WORKER = 2


def staging_name(parent: int, worker: int | str) -> str:
    """Return the name of a worker's folder for files being written (``worker`` may be *)."""
    return f"{STAGING_PREFIX}{parent}-{worker}"


class WorkerPool(ChunkStream[Future[list[Outcome]]]):
    """Render the plan's tasks in ``jobs`` processes; iterate for ``(item, outcome)`` in order.

    Problems the plan gives pass through in their place. ``folder`` is where workers write
    the files; None sends each document back instead (with ``send_back``; without, only
    whether it is good). :meth:`stop` sends no more rows:
    those out still come back.
    """

    def __init__(
        self,
        job: Job,
        compiled: CompiledTemplate,
        plan: Iterable[PlanItem],
        jobs: int,
        folder: Path | None,
        chunk: int,
        *,
        send_back: bool = True,
    ) -> None:
        super().__init__(plan, chunk, jobs * _CHUNKS_A_WORKER)
        self.job = job
        self.compiled = compiled
        self.jobs = jobs
        self.folder = folder
        self.send_back = send_back

    def __iter__(self) -> Iterator[tuple[PlanItem, Outcome]]:
        import multiprocessing

        # A forked worker has the compiled template already; a spawned one compiles it.
        inherited = self.compiled if START_METHOD == "fork" else None
        executor = ProcessPoolExecutor(
            self.jobs,
            multiprocessing.get_context(START_METHOD),
            initializer=_start_worker,
            initargs=(self.job, inherited, self.folder, self.send_back),
        )

        def submit(tasks: list[Task]) -> Future[list[Outcome]]:
            try:
                return executor.submit(_render_chunk, tasks)
            except BrokenProcessPool as err:  # a worker died since the last result
                future: Future[list[Outcome]] = Future()
                future.set_exception(err)
                return future

        try:
            # When one worker dies the pool stops the others: every chunk out is lost.
            yield from self.ordered(submit, Future.result, (BrokenProcessPool,), lose_the_rest=True)
        finally:
            for _, future in self.pending:
                future.cancel()
            # Waits for the chunks being rendered: a worker must not write into a staging
            # folder after it is removed.
            executor.shutdown(wait=True, cancel_futures=True)
            if self.folder is not None:
                for staging in self.folder.glob(staging_name(os.getpid(), "*")):
                    shutil.rmtree(staging, ignore_errors=True)


#: This worker's renderer, made once when the worker starts, and where it writes.
_renderer: RowRenderer | None = None
_folder: Path | None = None
_send_back = True


def _start_worker(
    job: Job, compiled: CompiledTemplate | None, folder: Path | None, send_back: bool
) -> None:
    global _renderer, _folder, _send_back
    # Ctrl+C reaches every process of the terminal's group: the parent stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _renderer = RowRenderer(job, compiled)
    _folder = folder
    _send_back = send_back


def _render_chunk(tasks: list[Task]) -> list[Outcome]:
    """Render and write ``tasks`` in order; stop at the first file that cannot be written."""
    assert _renderer is not None, "the worker was not started"
    if _folder is None:
        rendered = [_renderer.render(task) for task in tasks]
        # Only checked (no output): a document need not cross back, only that it is good.
        return [r if _send_back or isinstance(r, list) else b"" for r in rendered]
    staging = _folder / staging_name(os.getppid(), os.getpid())
    outcomes: list[Outcome] = []
    for task in tasks:
        outcome = _renderer.write(task, _folder, staging)
        outcomes.append(outcome)
        if not isinstance(outcome, (Path, list)):
            break  # a full disk stays full: the rest of the chunk is not tried
    return outcomes + [Skipped() for _ in tasks[len(outcomes) :]]
