"""What reportgen does, one function a verb: check reports, render reports.

The command line is a thin layer over these functions; a Python caller can do everything
with one call. Each takes the cache to use (:class:`reportgen.cache.Cache`, or None to keep
nothing between runs), as Jinja's ``Environment`` takes its bytecode cache.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.cache import Cache
from reportgen.errors import Problem, ProblemsFound
from reportgen.files import remove_leftovers, write_atomically
from reportgen.prepare import RenderedReport, Run
from reportgen.workspace import Workspace

if TYPE_CHECKING:  # a batch's machinery is imported only when there is a batch
    from reportgen.batch import Engine, ProgressCallback


def check_reports(
    workspace: Workspace, names: Sequence[str] = (), *, cache: Cache | None = None
) -> list[Problem]:
    """Return every problem in the data and templates of the named (default: all) reports.

    Warnings (``severity="warning"``) come last: they are shown, and do not stop a render.
    """
    run = Run(workspace, cache)
    names, batches = _split_batches(run, names)
    _, problems = _render_all(run, names)
    for name in batches:
        problems += _render_batch(run, name, write=False)[1]
    return problems + run.all_warnings()


def render_reports(
    workspace: Workspace,
    names: Sequence[str] = (),
    output_dir: Path | None = None,
    on_written: Callable[[Path], None] | None = None,
    jobs: int = 1,
    *,
    pdf: bool = False,
    on_rendered: Callable[[str], None] | None = None,
    on_warning: Callable[[Problem], None] | None = None,
    cache: Cache | None = None,
    archive: bool = False,
    on_progress: Callable[[str], ProgressCallback] | None = None,
    engine: Engine | None = None,
) -> list[Path]:
    """Render the named (default: all) reports into ``output_dir`` and return the files written.

    Every report is checked and rendered in memory first; if any has a problem, nothing is
    written and ProblemsFound lists them all. A batch (a report with a ``batch:`` table, one
    document a row) is rendered in ``jobs`` processes and writes each good row; the rows
    left out are listed in the ProblemsFound raised at the end. ``on_rendered`` is told the
    name of each report as it is done with. With ``pdf``, every document written is also
    converted to a PDF beside it, all in one LibreOffice start; ConversionError names what
    to install when it cannot be. Warnings do not stop the render: each is passed to
    ``on_warning`` at the end, or listed with the problems when there are any.

    A batch streams its rows: with ``on_written`` given (and no ``pdf``), its files are
    told there one by one and left out of the list returned, which would otherwise grow
    with the rows. With ``archive``, a batch writes one ``REPORT.zip`` instead of a
    folder. ``on_progress(name)`` gives the callback told a batch's rows done so far.
    ``engine`` renders batches elsewhere, such as on a Dask cluster (see
    :class:`reportgen.batch.Engine`).
    """
    run = Run(workspace, cache)
    names, batches = _split_batches(run, names)
    rendered, problems = _render_all(run, names, output_dir, on_rendered)
    written = []
    if not problems:
        if rendered:
            remove_leftovers(rendered[0].output.parent)
        for report in rendered:
            write_atomically(report.output, report.document)
            written.append(report.output)
            if on_written is not None:
                on_written(report.output)
    printed = list(written)  # -- what --pdf converts: a batch's one file, when it has one --
    for name in batches:
        files, batch_problems, merged = _render_batch(
            run,
            name,
            output_dir=output_dir,
            jobs=jobs,
            engine=engine,
            on_written=on_written,
            archive=archive,
            on_progress=on_progress(name) if on_progress is not None else None,
            keep_paths=on_written is None or pdf,
        )
        written += files + ([merged] if merged is not None else [])
        # An archive (--zip) is no document to convert: its documents stay in it.
        printed += [merged] if merged is not None else [f for f in files if f.suffix == ".docx"]
        problems += batch_problems
        if on_rendered is not None:
            on_rendered(name)
    if pdf:
        written += _convert_to_pdf(printed, on_written)
    warnings = run.all_warnings()
    if problems:
        raise ProblemsFound(problems + warnings)
    for warning in warnings:
        if on_warning is not None:
            on_warning(warning)
    return written


def _convert_to_pdf(documents: list[Path], on_written: Callable[[Path], None] | None) -> list[Path]:
    """Write a PDF beside each document, one LibreOffice start per output folder."""
    from reportgen.pdf import convert_to_pdf

    converted: list[Path] = []
    for folder in dict.fromkeys(document.parent for document in documents):
        batch = [document for document in documents if document.parent == folder]
        for path in convert_to_pdf(batch, folder):
            converted.append(path)
            if on_written is not None:
                on_written(path)
    return converted


def _split_batches(run: Run, names: Sequence[str]) -> tuple[list[str], list[str]]:
    """Return the named (default: all) reports: those rendering one document, and batches."""
    names = list(names) or run.workspace.report_names()
    batches = [name for name in names if run.is_batch(run.workspace.report_dir(name))]
    return [name for name in names if name not in batches], batches


def _render_batch(
    run: Run, name: str, **options: object
) -> tuple[list[Path], list[Problem], Path | None]:
    from reportgen.batch import render_batch

    try:
        result = render_batch(run, name, **options)  # type: ignore[arg-type]
    except ProblemsFound as err:
        return [], err.problems, None
    return result.paths, result.problems, result.merged


def _render_all(
    run: Run,
    names: Sequence[str],
    output_dir: Path | None = None,
    on_rendered: Callable[[str], None] | None = None,
) -> tuple[list[RenderedReport], list[Problem]]:
    directories = [run.workspace.report_dir(name) for name in names]
    rendered: list[RenderedReport] = []
    problems: list[Problem] = []
    outputs: dict[Path, str] = {}
    for directory in directories:
        try:
            report = run.render_report(directory, output_dir)
        except ProblemsFound as err:
            problems.extend(err.problems)
            continue
        finally:
            if on_rendered is not None:
                on_rendered(directory.name)
        if report.output in outputs:
            problems.append(
                Problem(
                    f"reports '{outputs[report.output]}' and '{report.data.name}' would both "
                    f"write {report.output.name}: give one of them another output name",
                    file=directory / "report.yaml",
                    field="report.output",
                )
            )
            continue
        outputs[report.output] = report.data.name
        rendered.append(report)
    return rendered, problems
