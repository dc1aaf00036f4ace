"""What reportgen does, one function a verb: check reports, render reports.

The command line is a thin layer over these functions; a Python caller can do
everything with one call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .data import ReportData, load_report_data
from .errors import DataError, Problem, ProblemsFound, TemplateError, WorkspaceError
from .package import write_atomically
from .template import CompiledTemplate, DocumentProperties
from .workspace import Workspace


@dataclass
class RenderedReport:
    """One report rendered in memory: its data, its output path and the document's bytes."""

    data: ReportData
    output: Path
    document: bytes


def check_reports(workspace: Workspace, names: Sequence[str] = ()) -> list[Problem]:
    """Return every problem in the data and templates of the named (default: all) reports."""
    _, problems = _render_all(workspace, names)
    return problems


def render_reports(
    workspace: Workspace,
    names: Sequence[str] = (),
    output_dir: Path | None = None,
    on_written: Callable[[Path], None] | None = None,
) -> list[Path]:
    """Render the named (default: all) reports into ``output_dir`` and return the files written.

    Every report is checked and rendered in memory first; if any has a problem,
    nothing is written and ProblemsFound lists them all.
    """
    rendered, problems = _render_all(workspace, names, output_dir)
    if problems:
        raise ProblemsFound(problems)
    written = []
    for report in rendered:
        write_atomically(report.output, report.document)
        written.append(report.output)
        if on_written is not None:
            on_written(report.output)
    return written


def _render_all(
    workspace: Workspace, names: Sequence[str], output_dir: Path | None = None
) -> tuple[list[RenderedReport], list[Problem]]:
    names = list(names) or workspace.report_names()
    directories = [workspace.report_dir(name) for name in names]
    rendered: list[RenderedReport] = []
    problems: list[Problem] = []
    templates: dict[Path, tuple[CompiledTemplate, list[str]]] = {}
    outputs: dict[Path, str] = {}
    for directory in directories:
        try:
            report = render_report(directory, workspace, output_dir, templates)
        except ProblemsFound as err:
            problems.extend(err.problems)
            continue
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
    templates: dict[Path, tuple[CompiledTemplate, list[str]]] | None = None,
) -> RenderedReport:
    """Check and render the report in ``directory`` in memory; raise ProblemsFound on problems."""
    from .checks import check_variables, lint_template

    data = load_report_data(directory)
    template_path = workspace.template_path(data.template_name)
    if not template_path.is_file():
        raise DataError(
            [
                Problem(
                    f"template '{data.template_name}' not found in {workspace.templates_dir}",
                    file=directory / "report.yaml",
                    field="report.template",
                )
            ]
        )
    cache = templates if templates is not None else {}
    if template_path not in cache:
        try:
            problems, variables = lint_template(template_path)
        except WorkspaceError as err:
            raise DataError([Problem(str(err), file=template_path)]) from err
        if problems:
            raise TemplateError(problems)
        cache[template_path] = (_compile(template_path), variables)
    compiled, variables = cache[template_path]
    problems = check_variables(template_path, variables, data.context)
    if problems:
        raise TemplateError(problems)
    properties = DocumentProperties(
        title=data.spec.title, author=data.spec.organisation, created=data.spec.date.isoformat()
    )
    document = compiled.render(data.context, properties)
    output = (output_dir or workspace.output_dir) / f"{data.output_stem()}.docx"
    return RenderedReport(data, output, document)


def _compile(path: Path) -> CompiledTemplate:
    try:
        return CompiledTemplate(path)
    except WorkspaceError as err:
        raise DataError([Problem(str(err), file=path)]) from err
