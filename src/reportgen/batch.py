"""Render a batch: one document for each row of a table, all from one compiled template.

A report whose report.yaml has a ``batch:`` section renders once per row of its
table (read by :mod:`reportgen.rows`). The template sees the report's own data
and the row's columns as ``row.<column>``; each document is named from the
pattern ``batch.output`` and written into a folder named after the report.

The template is checked and compiled once. Rows are rendered from it in this
process, or spread over ``jobs`` worker processes, which inherit the compiled
template where processes fork (Linux) and read it from the cache elsewhere. A
row with a problem is reported at its file and line, and the other rows are
still written.

Workers make each file in a hidden folder of their own inside the batch's
folder and move it into place when complete: processes creating files in one
folder at once wait for each other on common file systems (two processes wrote
to ext4 only 1.15 times as fast as one), while moving finished files in does not.

Each row goes through :meth:`CompiledTemplate.render` and
:func:`~reportgen.files.write_atomically`, as a single report does, so its
file is byte for byte the one a single render of the same data writes.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import shutil
import string
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.cache import Cache
from reportgen.data.figures import Group
from reportgen.data.messages import TEXT_EMPTY
from reportgen.data.report import (
    REPORT_FILE,
    ROW,
    BatchFacts,
    ReportData,
    file_name_key,
    file_stem,
    file_stem_problem,
    is_row,
)
from reportgen.data.table import cell_text, open_table
from reportgen.errors import DataError, Problem, ProblemsFound, TemplateError
from reportgen.files import write_atomically
from reportgen.messages import (
    ROW_LACKS_COLUMN,
    ROW_NAME_TAKEN,
    SAME_FILE_AS_ROW,
    TABLE_LACKS_COLUMN,
)
from reportgen.ooxml.messages import PLACE_IN_TEMPLATE
from reportgen.prepare import Run, check_template, checked_template_at, document_properties
from reportgen.template.compiled import CompiledTemplate, DocumentProperties
from reportgen.workspace import outside_problem

if TYPE_CHECKING:
    from reportgen.data.table import Row, Table, Value

#: The start of the name of each worker's folder for files being written.
STAGING_PREFIX = ".reportgen-writing-"

#: How worker processes start. fork starts them at once with reportgen already imported;
#: where fork is unavailable or unsafe (Windows; macOS, with its system libraries) each
#: worker starts afresh and imports reportgen itself.
START_METHOD = "fork" if sys.platform.startswith("linux") else "spawn"


@dataclass
class BatchResult:
    """What rendering a batch did: the files written, and a problem for each row left out."""

    written: list[Path]
    problems: list[Problem]
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
) -> BatchResult:
    """Render each row of report ``name``'s table into ``output_dir``/``name``/.

    Raise ProblemsFound if the report, its template or its table as a whole has a
    problem: then no row is rendered. Otherwise write every good row, calling
    ``on_written`` with each file in the table's order, and return the files and a
    problem for each row left out. With ``write=False`` rows are rendered and
    checked but nothing is written.
    """
    data = run.load_report(run.workspace.report_dir(name))
    spec = data.facts.batch
    if spec is None:
        raise ValueError(f"report '{name}' has no batch: render it with render_reports")
    template_path, compiled, variables = run.template_for(data)
    table = open_table(_contained(data.directory / spec.rows, data.directory), spec.sheet)
    run.warnings[table.path] = table.notes  # -- a CSV read as GBK: said, rows still written --
    wanted = _check_report(data, spec, template_path, compiled, variables, table)

    output_root = output_dir or run.workspace.output_dir
    folder = _contained(output_root / name, output_root)
    tasks, problems = _plan(data, spec, table, wanted, folder)
    job = _Job(
        template_path,
        table.path,
        data.context,
        document_properties(data),
        write,
        folder,
        run.cache.root if run.cache is not None else None,
    )
    if jobs > 1 and len(tasks) > 1:
        outcomes = _render_in_workers(job, compiled, tasks, jobs)
    else:
        renderer = _RowRenderer(job, compiled)
        outcomes = (renderer.render(task) for task in tasks)

    written = []
    for task, row_problems in zip(tasks, outcomes, strict=True):
        if row_problems:
            problems += row_problems
            continue
        if write:
            written.append(task.output)
            if on_written is not None:
                on_written(task.output)
    problems.sort(key=lambda problem: problem.line or 0)
    merged = None
    if write and spec.merged is not None and written:
        stem = dataclasses.replace(data.facts, output=spec.merged).output_stem()
        unfit = file_stem_problem(stem)
        if unfit is not None:
            report_file = data.directory / REPORT_FILE
            problems.append(Problem(unfit, file=report_file, field="report.batch.merged"))
            return BatchResult(written, problems, merged)
        merged = _write_merged(written, output_root / f"{stem}.docx")
        if on_written is not None:
            on_written(merged)
    return BatchResult(written, problems, merged)


def _write_merged(documents: list[Path], output: Path) -> Path:
    """Write ``documents`` joined in their order as one file, ``output``; return it."""
    from reportgen.ooxml.merge import MergedDocument

    merged = MergedDocument()
    for document in documents:
        merged.add(document.read_bytes())
    write_atomically(output, merged.to_bytes())
    return output


# -- checks before rendering --


def _contained(path: Path, folder: Path) -> Path:
    """Return ``path``; raise DataError if it is a link leading out of ``folder``."""
    outside = outside_problem(path, folder)
    if outside is not None:
        raise DataError([outside])
    return path


def _check_report(
    data: ReportData,
    spec: BatchFacts,
    template: Path,
    compiled: CompiledTemplate,
    variables: list[str],
    table: Table,
) -> set[str]:
    """Check what the template and file names need from the report; return the row columns.

    Raise ProblemsFound when the report cannot give what the template needs, or a
    CSV table lacks a column the template or the file names use: every row would
    fail alike.
    """
    report_file = data.directory / REPORT_FILE
    if ROW in data.context:
        raise DataError([Problem(ROW_NAME_TAKEN(row=ROW), file=report_file)])
    problems = check_template(data, template, compiled, variables, rows=True)
    if problems:
        raise TemplateError(problems)

    names = variables + _pattern_names(spec.output)
    wanted = {column for name in names if (column := _column(name)) is not None}
    if table.columns is not None:
        problems = [
            Problem(
                TABLE_LACKS_COLUMN(row=ROW, column=column, columns=table.columns),
                file=table.path,
                line=1,
            )
            for column in sorted(wanted - set(table.columns))
        ]
        if problems:
            raise DataError(problems)
    return wanted


def _column(variable: str) -> str | None:
    """Return the column a dotted name such as ``row.name`` uses, or None if it is no row's."""
    steps = [step.removesuffix("[]") for step in variable.split(".")]
    return steps[1] if is_row(variable) and len(steps) > 1 else None


def _pattern_names(pattern: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(pattern) if name]


def _plan(
    data: ReportData, spec: BatchFacts, table: Table, wanted: set[str], folder: Path
) -> tuple[list[_Task], list[Problem]]:
    """Return a task for each row that can be rendered, and the problems of the others."""
    problems: list[Problem] = []
    tasks: list[_Task] = []
    first_line: dict[str, int] = {}
    facts = data.facts.placeholders()
    pattern = _parse_pattern(spec.output)
    for row in table.rows():
        if row.problems:
            problems += row.problems
            continue
        missing = sorted(wanted - row.fields.keys())
        if missing:
            problems += [
                row.problem(table.path, ROW_LACKS_COLUMN(column=column)) for column in missing
            ]
            continue
        empty = [column for column in sorted(wanted) if row.fields[column] == ""]
        if empty:
            problems += [row.problem(table.path, TEXT_EMPTY(), column) for column in empty]
            continue
        stem = _output_stem(pattern, facts, row.fields)
        unfit = file_stem_problem(stem)
        if unfit is not None:
            problems.append(row.problem(table.path, unfit))
            continue
        output = folder / f"{stem}.docx"
        key = file_name_key(output.name)  # -- Windows and macOS: A.docx is a.docx --
        if key in first_line:
            problems.append(
                row.problem(
                    table.path,
                    SAME_FILE_AS_ROW(file=output.name, line=first_line[key]),
                )
            )
            continue
        first_line[key] = row.line
        tasks.append(_Task(row, output))
    return tasks, problems


def _parse_pattern(pattern: str) -> list[tuple[str, str | None, str | None]]:
    """Return ``(text, fact, column)`` for each piece of a file name pattern, in order."""
    # The pattern was checked when the report loaded: every name is a fact or a row's column.
    pieces = []
    for literal, name, _, _ in string.Formatter().parse(pattern):
        column = _column(name) if name else None
        pieces.append((literal, name if name and column is None else None, column))
    return pieces


def _output_stem(
    pattern: list[tuple[str, str | None, str | None]],
    facts: Mapping[str, str],
    fields: Mapping[str, Value],
) -> str:
    """Return the file name a parsed ``pattern`` gives a row, without extension."""
    pieces = []
    for literal, fact, column in pattern:
        pieces.append(literal)
        if fact is not None:
            pieces.append(facts[fact])
        if column is not None:
            pieces.append(cell_text(fields[column]))
    return file_stem("".join(pieces))


# -- rendering rows, here or in worker processes --


@dataclass(frozen=True)
class _Job:
    """What every row of a batch shares; sent once to each worker process."""

    template: Path
    table: Path
    context: Mapping[str, Any]
    properties: DocumentProperties
    write: bool
    folder: Path  # where the documents go
    cache: Path | None  # the cache a spawned worker reads the compiled template from


@dataclass(frozen=True)
class _Task:
    """One row to render, and its output file."""

    row: Row
    output: Path


class _RowRenderer:
    """Renders rows from one compiled template, and writes them."""

    def __init__(self, job: _Job, template: CompiledTemplate, staging: Path | None = None) -> None:
        self.job = job
        self.template = template
        self.staging = staging

    def render(self, task: _Task) -> list[Problem]:
        """Render and write ``task``'s row; return its problems (none when it was written)."""
        context = {**self.job.context, ROW: Group(ROW, task.row.fields)}
        try:
            document = self.template.render(context, self.job.properties, self.job.table.parent)
        except ProblemsFound as err:
            return [self._at_row(problem, task) for problem in err.problems]
        if self.job.write:
            write_atomically(task.output, document, self.staging)
        return []

    def _at_row(self, problem: Problem, task: _Task) -> Problem:
        # A problem that only this row's values cause: name the row, then the template's place.
        name = self.job.template.name
        where = PLACE_IN_TEMPLATE(template=name, place=problem.where) if problem.where else name
        return task.row.problem(
            self.job.table, problem.message, where=where, field=problem.field, tag=problem.tag
        )


def _render_in_workers(
    job: _Job, compiled: CompiledTemplate, tasks: list[_Task], jobs: int
) -> Iterator[list[Problem]]:
    """Yield each task's problems, in order, rendering the tasks in ``jobs`` processes."""
    # Rows go out in chunks, so that sending them costs little beside rendering them,
    # yet small enough that every worker has work until the end.
    chunk = max(1, min(64, len(tasks) // (jobs * 8)))
    context = multiprocessing.get_context(START_METHOD)
    # A forked worker has the compiled template already; a spawned one is sent none.
    inherited = compiled if START_METHOD == "fork" else None
    try:
        with context.Pool(min(jobs, len(tasks)), _start_worker, (job, inherited)) as pool:
            yield from pool.imap(_render_in_worker, tasks, chunk)
    finally:
        for staging in job.folder.glob(_staging_name(os.getpid(), "*")):
            shutil.rmtree(staging, ignore_errors=True)


def _staging_name(parent: int, worker: int | str) -> str:
    """Return the name of a worker's folder for files being written (``worker`` may be *)."""
    return f"{STAGING_PREFIX}{parent}-{worker}"


#: The renderer of this worker process, made once when the worker starts.
_worker: _RowRenderer | Exception | None = None


def _start_worker(job: _Job, compiled: CompiledTemplate | None) -> None:
    global _worker
    staging = job.folder / _staging_name(os.getppid(), os.getpid())
    try:
        if compiled is None:
            cache = Cache(job.cache) if job.cache is not None else None
            compiled = checked_template_at(job.template, cache)
        _worker = _RowRenderer(job, compiled, staging)
    except Exception as err:  # raised again with the first row
        # An initializer that raises makes the pool start the worker again, forever.
        _worker = err


def _render_in_worker(task: _Task) -> list[Problem]:
    if isinstance(_worker, Exception):
        raise _worker
    assert _worker is not None, "the worker was not started"
    return _worker.render(task)
