"""What reportgen does, one function a verb: check reports, render reports.

The command line is a thin layer over these functions; a Python caller can do everything
with one call. Each takes the cache to use (:class:`reportgen.cache.Cache`, or None to keep
nothing between runs), as Jinja's ``Environment`` takes its bytecode cache.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.data.report import REPORT_FILE, file_name_key, file_stem_problem
from reportgen.errors import Problem, ProblemsFound
from reportgen.files import remove_leftovers, write_atomically
from reportgen.messages import TWO_REPORTS_ONE_FILE
from reportgen.prepare import RenderedReport, Run
from reportgen.workspace import Workspace

if TYPE_CHECKING:  # a batch's machinery, and the cache, only when there is one
    from reportgen.batch import Engine, ProgressCallback
    from reportgen.cache import Cache


def check_reports(
    workspace: Workspace,
    names: Sequence[str] = (),
    *,
    cache: Cache | None = None,
    pdf: bool = False,
    on_checked: Callable[[str], None] | None = None,
    on_progress: Callable[[str], ProgressCallback] | None = None,
    on_laid_out: Callable[[Path], None] | None = None,
) -> list[Problem]:
    """Return every problem in the data and templates of the named (default: all) reports.

    Warnings (``severity="warning"``) come last: they are shown, and do not stop a render.
    With ``pdf``, reports that check clean (batches aside) are also rendered and converted in
    a scratch folder, and their pages proofread (see :mod:`reportgen.pdf_proof`).
    ``on_checked`` is told the name of each report as it is done with, ``on_progress(name)``
    gives the callback told a batch's rows checked so far, and ``on_laid_out`` each scratch
    file written while laying the pages out (the PDFs among them).
    """
    run = Run(workspace, cache)
    names, batches = _split_batches(run, names)
    _, problems = _render_all(run, names, on_rendered=on_checked)
    for name in batches:
        rows = on_progress(name) if on_progress is not None else None
        problems += _render_batch(run, name, write=False, on_progress=rows)[1]
        if on_checked is not None:
            on_checked(name)
    problems += run.all_warnings()
    if pdf and names and not any(problem.severity == "error" for problem in problems):
        problems += _page_warnings(workspace, names, cache, on_laid_out)
    return problems


def _page_warnings(
    workspace: Workspace,
    names: Sequence[str],
    cache: Cache | None,
    on_written: Callable[[Path], None] | None = None,
) -> list[Problem]:
    """Render and convert the reports in a scratch folder; return what their pages show."""
    import tempfile

    from reportgen.messages import LONELY_CHARACTER

    found: list[Problem] = []
    with tempfile.TemporaryDirectory(prefix="reportgen-check-") as folder:
        render_reports(
            workspace,
            names,
            Path(folder),
            pdf=True,
            on_warning=found.append,
            cache=cache,
            on_written=on_written,
        )
    # -- the other warnings check found already; a page is named by its document's name --
    return [
        warning._replace(file=Path(str(warning.file)).name)
        for warning in found
        if warning.code == LONELY_CHARACTER.code
    ]


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

    One rule for every document: each whose own data and template are clean is written, and
    each with a problem is not; the ProblemsFound raised at the end lists every problem of
    every report and row left out. Single reports are checked and rendered in memory first,
    then written; a batch (a report with a ``batch:`` table, one document a row) is rendered
    in ``jobs`` processes. ``on_rendered`` is told the
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
    for folder in dict.fromkeys(report.output.parent for report in rendered):
        remove_leftovers(folder)  # -- what a killed run left --
    for report in rendered:  # -- each clean report, whatever the others' problems --
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
    warnings: list[Problem] = []
    if pdf:
        converted = _convert_to_pdf(printed, on_written)
        written += converted
        warnings += _proofread_pages(printed, converted)
    warnings = run.all_warnings() + warnings
    if problems:
        raise ProblemsFound(problems + warnings)
    for warning in warnings:
        if on_warning is not None:
            on_warning(warning)
    return written


def errors_among(problems: Sequence[Problem]) -> list[Problem]:
    """Return the problems that are errors: those that stop a report, not warnings."""
    return [problem for problem in problems if problem.severity == "error"]


def _proofread_pages(documents: list[Path], pdfs: list[Path]) -> list[Problem]:
    """Return a warning for each paragraph ending in one character alone on a line."""
    from reportgen.pdf_proof import lonely_line_warnings

    by_stem = {pdf.stem: pdf for pdf in pdfs}
    warnings: list[Problem] = []
    for document in documents:
        if document.stem in by_stem:
            warnings += lonely_line_warnings(document, by_stem[document.stem])
    return warnings


def _convert_to_pdf(documents: list[Path], on_written: Callable[[Path], None] | None) -> list[Path]:
    """Write a PDF beside each document, a LibreOffice start per output folder (or per 200)."""
    from reportgen.pdf import convert_to_pdf

    converted: list[Path] = []
    for folder in dict.fromkeys(document.parent for document in documents):
        batch = [document for document in documents if document.parent == folder]
        # -- each PDF told as LibreOffice writes it: a batch's thousand take minutes --
        converted += convert_to_pdf(batch, folder, on_converted=on_written)
    return converted


def _split_batches(run: Run, names: Sequence[str]) -> tuple[list[str], list[str]]:
    """Return the named (default: all) reports: those rendering one document, and batches."""
    if not names:
        names = run.workspace.report_names()
        run.warnings[run.workspace.data_dir] = run.workspace.folders_not_reports()
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
    outputs: dict[str, str] = {}
    for directory in directories:
        try:
            report = run.render_report(directory, output_dir)
        except ProblemsFound as err:
            problems.extend(err.problems)
            continue
        finally:
            if on_rendered is not None:
                on_rendered(directory.name)
        unfit = file_stem_problem(report.output.stem)
        if unfit is not None:
            problems.append(Problem(unfit, file=directory / REPORT_FILE, field="report.output"))
            continue
        key = file_name_key(str(report.output))  # -- Windows and macOS: A.docx is a.docx --
        if key in outputs:
            problems.append(
                Problem(
                    TWO_REPORTS_ONE_FILE(
                        first=outputs[key], second=report.data.name, file=report.output.name
                    ),
                    file=directory / "report.yaml",
                    field="report.output",
                )
            )
            continue
        outputs[key] = report.data.name
        rendered.append(report)
    return rendered, problems
