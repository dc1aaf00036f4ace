"""Render a batch's rows on a Dask cluster: ``reportgen render REPORT --engine dask``.

A batch is a pure function, (template, row) → document, so its rows spread over any
number of machines. This process reads the table and plans the rows (each file's name,
the bad rows) as a local batch does, and sends the rows out in partitions; each worker
renders a partition and writes it, as one archive ``REPORT/part-NNNNN.zip`` or as files
in ``REPORT/``, into the output folder, which all machines must share (NFS, SMB). Only
the rows travel to the workers and only the outcomes back, never the documents.

The job (the report's data and the template) goes to each worker once; the template is
sent as prepared source, since compiled code cannot be pickled
(``TypeError: cannot pickle code objects``), and compiled once per worker process. A
worker that dies has its partition run again on another (the writes are atomic, so a
partition written twice is the same); a partition that kills workers again and again is
reported as rows lost, as a local batch reports them.

Without a scheduler's address a local cluster is started, one single-threaded worker
process per job. Dask is an optional extra: ``pip install "reportgen[dask]"``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.batch.archive import ArchiveWriter
from reportgen.batch.plan import PlanItem, Task
from reportgen.batch.rows import Archived, Job, Outcome, RowRenderer
from reportgen.batch.stream import ChunkStream
from reportgen.errors import OutputError, Problem

#: Partitions in flight for each worker: one being rendered, one waiting, so none idles.
_PARTITIONS_A_WORKER = 2


@dataclass(frozen=True)
class ClusterOptions:
    """Where the batch runs: a scheduler's address, or a local cluster of ``workers``."""

    scheduler: str | None
    workers: int
    partition_rows: int


class DaskEngine(ChunkStream[Any]):
    """Render the plan's tasks on a Dask cluster; iterate for ``(item, outcome)`` in order.

    ``folder`` is the batch's output folder, shared by every machine; ``archive`` writes
    each partition as one .zip there, instead of a file a row.
    """

    def __init__(
        self,
        job: Job,
        plan: Iterable[PlanItem],
        folder: Path,
        options: ClusterOptions,
        *,
        archive: bool,
        write: bool,
    ) -> None:
        super().__init__(plan, options.partition_rows, window=1)  # widened once connected
        self.job = job
        self.folder = folder
        self.options = options
        self.archive = archive
        self.write = write
        self.partitions = 0

    def __iter__(self) -> Iterator[tuple[PlanItem, Outcome]]:
        from distributed import Client, LocalCluster

        if self.options.scheduler is not None:
            client = Client(self.options.scheduler)
            cluster = None
        else:
            cluster = LocalCluster(
                n_workers=self.options.workers,
                threads_per_worker=1,  # rendering holds the GIL: processes, not threads
                processes=True,
                dashboard_address=":0",
            )
            client = Client(cluster)
        try:
            yield from self._stream(client)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def _stream(self, client: Any) -> Iterator[tuple[PlanItem, Outcome]]:
        from distributed import KilledWorker

        # Sent once to every worker; each compiles the template on first use.
        [job] = client.scatter([self.job], broadcast=True)
        token = uuid.uuid4().hex
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        self.window = workers * _PARTITIONS_A_WORKER

        def submit(tasks: list[Task]) -> Any:
            self.partitions += 1
            target = self._target(self.partitions)
            return client.submit(
                render_partition, job, token, tasks, target, self.archive, pure=False
            )

        # A worker that dies has its partition run on another; only one that kills worker
        # after worker is lost, and the other partitions carry on.
        yield from self.ordered(submit, _result, (KilledWorker,), lose_the_rest=False)

    def _target(self, number: int) -> Path | None:
        if not self.write:
            return None
        return self.folder / f"part-{number:05d}.zip" if self.archive else self.folder


def _result(future: Any) -> list[Outcome]:
    outcomes: list[Outcome] = future.result()
    return outcomes


#: The renderers of this worker process, by job: the template compiled once per worker.
_renderers: dict[str, RowRenderer] = {}


def render_partition(
    job: Job, token: str, tasks: list[Task], target: Path | None, archive: bool
) -> list[Outcome]:
    """Render ``tasks`` on a worker into ``target`` (a folder, or a .zip); return each outcome.

    With no ``target`` the rows are rendered and checked, and nothing is written.
    """
    renderer = _renderers.get(token)
    if renderer is None:
        _renderers.clear()  # one batch at a time: the last one's template is done with
        renderer = _renderers[token] = RowRenderer(job)
    if target is None:
        return [_checked(renderer.render(task)) for task in tasks]
    if not archive:
        return [renderer.write(task, target) for task in tasks]
    outcomes: list[Outcome] = []
    try:
        with ArchiveWriter(target) as writer:
            for task in tasks:
                document = renderer.render(task)
                if isinstance(document, list):
                    outcomes.append(document)
                    continue
                writer.add(task.name, document)
                outcomes.append(Archived(target))
    except OutputError as err:
        # The archive is not written: no row is in it, and the bad rows stay bad.
        failed: list[Outcome] = [
            outcome if isinstance(outcome, list) else err for outcome in outcomes
        ]
        return failed + [err for _ in tasks[len(outcomes) :]]
    return outcomes


def _checked(document: bytes | list[Problem]) -> Outcome:
    # Rendered and checked, nothing written: the document need not travel back.
    return document if isinstance(document, list) else b""
