"""What reportgen does, one function a verb: check reports, render reports.

The command line is a thin layer over these functions; a Python caller can do
everything with one call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.cache import CheckedTemplate, ReportCache, TemplateCache
from reportgen.data.report import REPORT_FILE, ReportData
from reportgen.errors import DataError, Problem, ProblemsFound, TemplateError, WorkspaceError
from reportgen.ooxml.package import Package, read_template, write_atomically
from reportgen.template.compiled import CompiledTemplate, DocumentProperties
from reportgen.workspace import Workspace

#: Each template a run uses, checked and compiled once: its names, or its problems.
CheckedTemplates = dict[Path, "tuple[CompiledTemplate, list[str]] | ProblemsFound"]


@dataclass
class RenderedReport:
    """One report rendered in memory: its data, its output path and the document's bytes."""

    data: ReportData
    output: Path
    document: bytes


def check_reports(workspace: Workspace, names: Sequence[str] = ()) -> list[Problem]:
    """Return every problem in the data and templates of the named (default: all) reports."""
    names, batches = _split_batches(workspace, names)
    _, problems = _render_all(workspace, names)
    for name in batches:
        problems += _render_batch(workspace, name, write=False)[1]
    return problems


def render_reports(
    workspace: Workspace,
    names: Sequence[str] = (),
    output_dir: Path | None = None,
    on_written: Callable[[Path], None] | None = None,
    jobs: int = 1,
    *,
    pdf: bool = False,
    on_rendered: Callable[[str], None] | None = None,
) -> list[Path]:
    """Render the named (default: all) reports into ``output_dir`` and return the files written.

    Every report is checked and rendered in memory first; if any has a problem,
    nothing is written and ProblemsFound lists them all. A batch (a report with a
    ``batch:`` table, one document a row) is rendered in ``jobs`` processes and
    writes each good row; the rows left out are listed in the ProblemsFound raised
    at the end. ``on_rendered`` is told the name of each report as it is done with.
    With ``pdf``, every document written is also converted to a PDF beside it, all
    in one LibreOffice start; ConversionError names what to install when it cannot be.
    """
    names, batches = _split_batches(workspace, names)
    rendered, problems = _render_all(workspace, names, output_dir, on_rendered)
    written = []
    if not problems:
        for report in rendered:
            write_atomically(report.output, report.document)
            written.append(report.output)
            if on_written is not None:
                on_written(report.output)
    for name in batches:
        files, batch_problems = _render_batch(
            workspace, name, output_dir=output_dir, jobs=jobs, on_written=on_written
        )
        written += files
        problems += batch_problems
        if on_rendered is not None:
            on_rendered(name)
    if pdf:
        written += _convert_to_pdf(written, on_written)
    if problems:
        raise ProblemsFound(problems)
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


def _split_batches(workspace: Workspace, names: Sequence[str]) -> tuple[list[str], list[str]]:
    """Return the named (default: all) reports: those rendering one document, and batches."""
    names = list(names) or workspace.report_names()
    batches = [name for name in names if is_batch_report(workspace.report_dir(name))]
    return [name for name in names if name not in batches], batches


def is_batch_report(directory: Path) -> bool:
    """Return whether the report in ``directory`` is a batch: its report.yaml has ``batch:``."""
    cache = ReportCache.default()
    kept = cache.load(directory) if cache is not None else None
    if kept is not None:
        return kept.facts.batch is not None
    from reportgen.data.yaml_source import load_yaml

    try:
        source = load_yaml(directory / REPORT_FILE)
    except ProblemsFound:
        return False  # loading the report explains what is wrong with the file
    return isinstance(source.data, dict) and "batch" in source.data


def _render_batch(
    workspace: Workspace, name: str, **options: Any
) -> tuple[list[Path], list[Problem]]:
    # batch builds on this module, so it is imported here, and only for a batch.
    from reportgen.batch import render_batch

    try:
        result = render_batch(workspace, name, **options)
    except ProblemsFound as err:
        return [], err.problems
    return result.written, result.problems


def _render_all(
    workspace: Workspace,
    names: Sequence[str],
    output_dir: Path | None = None,
    on_rendered: Callable[[str], None] | None = None,
) -> tuple[list[RenderedReport], list[Problem]]:
    directories = [workspace.report_dir(name) for name in names]
    rendered: list[RenderedReport] = []
    problems: list[Problem] = []
    templates: CheckedTemplates = {}
    outputs: dict[Path, str] = {}
    for directory in directories:
        try:
            report = render_report(directory, workspace, output_dir, templates)
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


def render_report(
    directory: Path,
    workspace: Workspace,
    output_dir: Path | None = None,
    templates: CheckedTemplates | None = None,
) -> RenderedReport:
    """Check and render the report in ``directory`` in memory; raise ProblemsFound on problems."""
    from reportgen.template.checks import check_variables

    data = load_report(directory)
    template_path, compiled, variables = checked_template(data, workspace, templates)
    problems = check_variables(template_path, variables, data.context)
    if problems:
        raise TemplateError(problems)
    document = compiled.render(data.context, document_properties(data))
    output = (output_dir or workspace.output_dir) / f"{data.output_stem()}.docx"
    return RenderedReport(data, output, document)


def load_report(directory: Path) -> ReportData:
    """Load, validate and compute the report in ``directory``; raise DataError on problems.

    A report whose files are byte for byte those of its last good load is read
    back from the cache (see :mod:`reportgen.cache`) instead of loaded again.
    """
    cache = ReportCache.default()
    kept = cache.load(directory) if cache is not None else None
    if kept is not None:
        return kept
    from reportgen.data.loader import (
        load_report_data,  # PyYAML and pydantic: only when files changed
    )

    data = load_report_data(directory)
    if cache is not None:
        cache.save(data)
    return data


def checked_template(
    data: ReportData,
    workspace: Workspace,
    templates: CheckedTemplates | None = None,
) -> tuple[Path, CompiledTemplate, list[str]]:
    """Return the path of the template ``data`` names, compiled, and the names it prints.

    Raise ProblemsFound if the template is missing or has a problem. A template
    already in ``templates`` is neither checked nor compiled again.
    """
    from reportgen.template.checks import missing_template

    template_path = workspace.template_path(data.template_name)
    if not template_path.is_file():
        report_file = data.directory / REPORT_FILE
        raise DataError(
            [missing_template(report_file, data.template_name, workspace.templates_dir)]
        )
    cache = templates if templates is not None else {}
    if template_path not in cache:
        cache[template_path] = _check_and_compile(template_path)
    checked = cache[template_path]
    if isinstance(checked, ProblemsFound):
        # -- a template several reports share is checked once; each report lists its problems --
        raise type(checked)(checked.problems)
    compiled, variables = checked
    return template_path, compiled, variables


def checked_template_at(path: Path) -> CompiledTemplate:
    """Return the template at ``path`` checked and compiled; raise ProblemsFound if it has any.

    A template kept in the cache is read from it, neither checked nor compiled again.
    """
    checked = _check_and_compile(path)
    if isinstance(checked, ProblemsFound):
        raise checked
    return checked[0]


def _check_and_compile(path: Path) -> tuple[CompiledTemplate, list[str]] | ProblemsFound:
    from reportgen.template.checks import lint_template, unreadable_template

    try:
        blob = read_template(path)
        package = Package.from_bytes(path, blob)
    except WorkspaceError as err:
        return TemplateError([unreadable_template(err, path)])
    cache = TemplateCache.default()
    kept = cache.load(blob) if cache is not None else None
    if kept is not None:
        return CompiledTemplate(path, package, kept.parts), kept.variables
    try:
        problems, variables = lint_template(path)
    except ProblemsFound as err:  # a part that is not well-formed XML
        return err
    if problems:
        return TemplateError(problems)
    try:
        compiled = CompiledTemplate(path, package)
    except ProblemsFound as err:
        return err
    if cache is not None:
        cache.save(blob, CheckedTemplate(variables, compiled.parts))
    return compiled, variables


def document_properties(data: ReportData) -> DocumentProperties:
    """Return the properties every document of ``data`` carries (title, author, date)."""
    return DocumentProperties(
        title=data.facts.title,
        author=data.facts.organisation,
        created=data.facts.date.isoformat(),
    )
