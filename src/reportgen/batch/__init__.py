"""Render a batch: one document for each row of a table, all from one compiled template.

A report whose report.yaml has a ``batch:`` section renders once per row of its table
(read by :mod:`reportgen.data.table`). The template sees the report's own data and the
row's columns as ``row.<column>``; each document is named from the pattern
``batch.output`` and written into a folder named after the report, or into one .zip.

The template is checked and compiled once. Rows stream from the table through the
renderer to the disk, in this process, in worker processes (:mod:`.workers`) or on a
Dask cluster (:mod:`.cluster`): a batch holds a few rows at a time, never the table;
only the register of the file names given out grows with the rows (:mod:`.plan`). A
row with a problem is reported at its file and line, and the other rows are still written.

Each row goes through :meth:`CompiledTemplate.render` and
:func:`~reportgen.files.write_atomically`, as a single report does, so its file is byte
for byte the one a single render of the same data writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.batch.messages import (
    LINES,
    MERGED_TOO_LARGE,
    ROWS_AFTER_NOT_RENDERED,
    ROWS_NOT_LISTED,
    WORKER_STOPPED,
)
from reportgen.batch.plan import ROW, PlanItem, Task, check_report, plan_rows
from reportgen.batch.rows import Archived, Job, Lost, Outcome, RowRenderer, Skipped
from reportgen.data.report import REPORT_FILE, ReportData, file_stem_problem
from reportgen.errors import DataError, OutputError, Problem
from reportgen.files import remove_leftovers, write_atomically
from reportgen.prepare import Run, document_properties
from reportgen.template.compiled import CompiledTemplate
from reportgen.workspace import outside_problem

if TYPE_CHECKING:
    from reportgen.batch.archive import ArchiveWriter
    from reportgen.data.table import Table


#: The most rows whose problems a batch lists; the rows after are counted in one problem. A
#: table whose every row lacks a cell would keep millions of problems (3 GB for a million
#: rows) and print each, and a clerk corrects the first ones first anyway.
MAX_ROWS_LISTED = 1000

#: The most characters of document text (body XML) a batch's merged file is joined from: about
#: 10,000 one-page documents, a file Word opens slowly if at all; its making takes about ten
#: times as many bytes of memory (656 MB for 20,000 certificates of 10,000 characters).
MAX_MERGED_CHARACTERS = 100_000_000

#: Called with the rows done so far and about how many the table holds (None: unknown).
ProgressCallback = Callable[[int, int | None], None]


@dataclass
class BatchResult:
    """What rendering a batch did: how many documents, where, and each row left out."""

    written: int
    problems: list[Problem]
    #: The batch's folder, or its archive.
    output: Path
    #: Each file written, in the table's order, when asked for (``keep_paths``).
    paths: list[Path] = field(default_factory=list)
    #: The one file holding every document written, when ``batch.merged`` asks for it.
    merged: Path | None = None


def render_batch(
    run: Run,
    name: str,
    output_dir: Path | None = None,
    *,
    jobs: int = 1,
    on_written: Callable[[Path], None] | None = None,
    write: bool = True,
    archive: bool = False,
    engine: Engine | None = None,
    on_progress: ProgressCallback | None = None,
    keep_paths: bool = False,
) -> BatchResult:
    """Render each row of report ``name``'s table into ``output_dir``/``name``/.

    Raise ProblemsFound if the report, its template or its table as a whole has a
    problem: then no row is rendered. Otherwise write every good row, calling
    ``on_written`` with each file in the table's order (with ``archive``, once, with
    the archive ``output_dir``/``name``.zip), and return how many were written and a
    problem for each row left out. ``engine`` says where rows are rendered (default: in
    ``jobs`` processes here); on a Dask cluster each worker writes an archive of its own,
    ``output_dir``/``name``/part-NNNNN.zip. With ``write=False`` rows are rendered and checked
    but nothing is written. Raise OutputError when a file cannot be written, after
    telling ``on_written`` of each file that was.
    """
    engine = engine or Engine(jobs=jobs)
    data = run.load_report(run.workspace.report_dir(name))
    spec = data.facts.batch
    if spec is None:
        raise ValueError(f"report '{name}' has no batch: render it with render_reports")
    template_path, compiled, variables = run.template_for(data)
    from reportgen.data.table import open_table

    table = open_table(_contained(data.directory / spec.rows, data.directory), spec.sheet)
    run.warnings[table.path] = table.notes  # -- a CSV read as GBK: said, rows still written --
    wanted = check_report(data, spec, template_path, compiled, variables, table)
    from reportgen.template.printed import condition_columns

    plan = plan_rows(data, spec, table, wanted, condition_columns(compiled, ROW))
    job = Job(compiled.source(), table.path, data.context, document_properties(data))

    base = output_dir or run.workspace.output_dir
    _contained(base / name, base)
    keep_paths = keep_paths or (write and spec.merged is not None)
    on_cluster = engine.scheduler is not None or engine.name == "dask"
    # On a cluster each worker writes an archive of its own, into the batch's folder.
    target = base / (f"{name}.zip" if archive and not on_cluster else name)
    result = BatchResult(0, [], target)
    with ExitStack() as stack:
        writer = None
        if write:
            remove_leftovers(base)
            if archive and not on_cluster:
                from reportgen.batch.archive import ArchiveWriter

                writer = stack.enter_context(ArchiveWriter(target))
            else:
                from reportgen.batch.workers import STAGING

                remove_leftovers(target, STAGING)
        folder = target if write and writer is None else None
        collector = _Collector(result, table.path, on_written, keep_paths, writer, folder)
        outcomes = _engine(engine, job, compiled, plan, table, folder, target, archive, write)
        collector.collect(outcomes, table.size_hint, on_progress)
        if collector.lost and next(plan, None) is not None:
            collector.rows_after = collector.last_line
    if writer is not None:
        result.written = writer.count
        if keep_paths:
            result.paths.append(target)
        if on_written is not None:
            on_written(target)
    collector.finish()
    if write and spec.merged is not None and result.written:
        _merge(data, spec.merged, result, base, on_written)
    return result


def _merge(
    data: ReportData,
    pattern: str,
    result: BatchResult,
    folder: Path,
    on_written: Callable[[Path], None] | None,
) -> None:
    """Write the documents written joined in order as one file named by ``pattern``."""
    stem = data.facts._replace(output=pattern).output_stem()
    unfit = file_stem_problem(stem)
    if unfit is not None:
        report_file = data.directory / REPORT_FILE
        result.problems.append(Problem(unfit, file=report_file, field="report.batch.merged"))
        return
    from reportgen.ooxml.merge import MergedDocument

    merged = MergedDocument()
    for document in _documents(result.paths):
        merged.add(document)
        if merged.size > MAX_MERGED_CHARACTERS:  # -- held whole, then joined and zipped --
            limit = f"{MAX_MERGED_CHARACTERS:,}"
            message = MERGED_TOO_LARGE(count=len(result.paths), limit=limit)
            report_file = data.directory / REPORT_FILE
            result.problems.append(Problem(message, file=report_file, field="report.batch.merged"))
            return
    result.merged = folder / f"{stem}.docx"
    write_atomically(result.merged, merged.to_bytes())
    if on_written is not None:
        on_written(result.merged)


def _contained(path: Path, folder: Path) -> Path:
    """Return ``path``; raise DataError if it is a link leading out of ``folder``."""
    outside = outside_problem(path, folder)
    if outside is not None:
        raise DataError([outside])
    return path


def _documents(written: list[Path]) -> Iterator[bytes]:
    """Yield each document in ``written``, files and the documents in archives, in order."""
    import zipfile

    for path in written:
        if path.suffix != ".zip":
            yield path.read_bytes()
            continue
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                yield archive.read(name)


@dataclass(frozen=True)
class Engine:
    """Where a batch's rows are rendered: here (``local``, in ``jobs`` processes) or on Dask.

    With ``dask``, ``scheduler`` is the address of a cluster's scheduler
    (``tcp://host:8786``); without one, a local cluster of ``jobs`` worker processes.
    """

    name: str = "local"
    jobs: int = 1
    scheduler: str | None = None
    #: Rows a Dask partition holds: each is one task, and one archive with ``archive``.
    partition_rows: int = 10_000


def _engine(
    engine: Engine,
    job: Job,
    compiled: CompiledTemplate,
    plan: Iterator[PlanItem],
    table: Table,
    folder: Path | None,
    target: Path,
    archive: bool,
    write: bool,
) -> Iterable[tuple[PlanItem, Outcome]]:
    """Return what renders the plan's rows, as the engine asks."""
    if engine.name == "dask" or engine.scheduler is not None:
        from reportgen.batch.cluster import ClusterOptions, DaskEngine

        options = ClusterOptions(engine.scheduler, engine.jobs, engine.partition_rows)
        return DaskEngine(job, plan, target, options, archive=archive, write=write)
    if engine.jobs > 1:
        from reportgen.batch.workers import WorkerPool  # processes: only when asked for

        chunk = max(1, min(64, (table.size_hint or 0) // (engine.jobs * 8)))
        return WorkerPool(job, compiled, plan, engine.jobs, folder, chunk, send_back=write)
    return _in_process(RowRenderer(job, compiled), plan)


def _in_process(
    renderer: RowRenderer, plan: Iterable[PlanItem]
) -> Iterator[tuple[PlanItem, Outcome]]:
    for item in plan:
        yield item, item if isinstance(item, list) else renderer.render(item)


class _Collector:
    """Take each row's outcome in the table's order: write it, tell it, or keep its problems."""

    def __init__(
        self,
        result: BatchResult,
        table: Path,
        on_written: Callable[[Path], None] | None,
        keep_paths: bool,
        writer: ArchiveWriter | None,
        folder: Path | None,
    ) -> None:
        self.result = result
        self.table = table
        self.on_written = on_written
        self.keep_paths = keep_paths
        self.writer = writer
        self.folder = folder
        self.error: OutputError | None = None
        self.archive: Path | None = None
        self.lost: list[int] = []
        self.last_line = 0
        self.rows_after: int | None = None
        self.listed = self.untold = 0  # -- rows whose problems are kept; rows only counted --
        self.first_untold: Problem | None = None

    def collect(
        self,
        engine: Iterable[tuple[PlanItem, Outcome]],
        size_hint: int | None,
        on_progress: ProgressCallback | None,
    ) -> None:
        """Take every outcome ``engine`` gives, telling ``on_progress`` as rows are done."""
        outcomes = iter(engine)
        done = 0
        try:
            for item, outcome in outcomes:
                self._take(item, outcome)
                done += 1
                if on_progress is not None:
                    on_progress(done, size_hint)
                if self.error is not None:
                    stop = getattr(engine, "stop", None)
                    if stop is None:
                        break
                    stop()  # the rows already out still come back, and are told
        finally:
            # Now, not when collected: the workers stop and their staging folders go
            # before an interrupted run exits.
            close = getattr(outcomes, "close", None)
            if close is not None:
                close()

    def _take(self, item: PlanItem, outcome: Outcome) -> None:
        if isinstance(item, list):
            self._keep(item)
            return
        self.last_line = item.line
        if isinstance(outcome, bytes):  # -- most rows: a document to write --
            self._write(item, outcome)
        elif isinstance(outcome, list):
            self._keep(outcome)
        elif isinstance(outcome, Lost):
            self.lost.append(item.line)
        elif isinstance(outcome, OutputError):
            self.error = self.error or outcome
        elif isinstance(outcome, Path):
            self._written(outcome)
        elif isinstance(outcome, Archived):
            self._archived(outcome.archive)
        else:
            assert isinstance(outcome, Skipped)

    def _keep(self, problems: list[Problem]) -> None:
        """Keep a row's ``problems`` while fewer than the bound are kept; else count the row."""
        if self.listed < MAX_ROWS_LISTED:
            self.listed += 1
            self.result.problems += problems
            return
        if not self.untold:
            self.first_untold = problems[0]
        self.untold += 1

    def _write(self, task: Task, document: bytes) -> None:
        if self.writer is not None:
            self.writer.add(task.name, document)
            self.result.written += 1
        elif self.folder is not None:
            path = self.folder / task.name
            try:
                write_atomically(path, document)
            except OutputError as err:
                self.error = err
                return
            self._written(path)

    def _written(self, path: Path) -> None:
        self.result.written += 1
        if self.keep_paths:
            self.result.paths.append(path)
        if self.on_written is not None:
            self.on_written(path)

    def _archived(self, archive: Path) -> None:
        # Told once an archive: the first of its rows to come back.
        if archive != self.archive:
            self.archive = archive
            self._written(archive)
            self.result.written -= 1
        self.result.written += 1

    def finish(self) -> None:
        """Add the rows lost to the problems; raise the error that stopped writing, if one did."""
        if self.lost:
            rest = ROWS_AFTER_NOT_RENDERED(line=self.rows_after) if self.rows_after else ""
            lines = LINES(ranges=_ranges(self.lost))
            message = WORKER_STOPPED(count=len(self.lost), lines=lines, rest=rest)
            self.result.problems.append(Problem(message, file=self.table, line=self.lost[0]))
        if self.first_untold is not None:  # -- told at the first row not listed, its cell --
            message = ROWS_NOT_LISTED(count=self.untold)
            told = self.first_untold._replace(message=message, field=None, where=None, tag=None)
            self.result.problems.append(told._replace(severity="error"))
        self.result.problems.sort(key=lambda problem: problem.line or 0)
        if self.error is not None:
            raise self.error


def _ranges(lines: list[int]) -> list[str]:
    """Return ``lines`` as ranges, ``3–7``, for lines that follow each other."""
    ranges: list[str] = []
    start = previous = lines[0]
    for line in [*lines[1:], None]:
        if line is not None and line == previous + 1:
            previous = line
            continue
        ranges.append(str(start) if start == previous else f"{start}–{previous}")
        if line is not None:
            start = previous = line
    return ranges
