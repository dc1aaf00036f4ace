"""Describe a workspace: every template, every report, and what each report uses and makes.

``reportgen list`` prints this, so that a person who drops a template into ``templates/`` and
a folder into ``data/`` sees at once whether the two found each other and whether the report
checks clean.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.commands.messages import (
    LIST_AND,
    LIST_BATCH_OUTPUT,
    LIST_DATA,
    LIST_NO_TEMPLATE,
    LIST_NONE,
    LIST_OUTPUT,
    LIST_OUTPUT_UNKNOWN,
    LIST_PARTS,
    LIST_PROBLEMS,
    LIST_REPORTS,
    LIST_TEMPLATE,
    LIST_TEMPLATE_MISSING,
    LIST_TEMPLATES,
    LIST_UNUSED,
    LIST_USED_BY,
    LIST_WARNED,
)
from reportgen.data.report import REPORT_FILE
from reportgen.errors import Problem
from reportgen.i18n import Message
from reportgen.workspace import Workspace

if TYPE_CHECKING:
    from reportgen.cache import Cache


@dataclass(frozen=True)
class ReportEntry:
    """One report: its data folder, the template it names, the file it writes, its problems."""

    name: str
    directory: Path
    #: The part names report.yaml lists, in order.
    parts: list[str]
    #: The template's file name as report.yaml gives it, or None if it gives none.
    template: str | None
    #: The output file, or None while report.yaml has problems that hide it. For a batch,
    #: the pattern of its files, in the folder named after the report.
    output: Path | None
    #: What stops it rendering; its warnings are kept apart, in ``warnings``.
    problems: list[Problem] = field(default_factory=list)
    #: A batch's table (one document a row), or None for a report of one document.
    rows: str | None = None
    warnings: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class TemplateEntry:
    """One .docx in the templates folder and the reports that use it."""

    path: Path
    used_by: list[str]


@dataclass(frozen=True)
class Overview:
    """Every template and report of a workspace."""

    workspace: Workspace
    templates: list[TemplateEntry]
    reports: list[ReportEntry]

    def lines(self) -> list[str]:
        """Return the overview as the lines ``reportgen list`` prints, in the current language."""
        root = self.workspace.root

        def shown(path: Path) -> str:
            try:
                return str(path.relative_to(root))
            except ValueError:
                return str(path)

        lines: list[Message | str] = [LIST_TEMPLATES(folder=shown(self.workspace.templates_dir))]
        width = max((len(entry.path.name) for entry in self.templates), default=0)
        for template in self.templates:
            users = LIST_USED_BY(reports=template.used_by) if template.used_by else LIST_UNUSED()
            lines.append(f"  {template.path.name.ljust(width)}  {users}")
        if not self.templates:
            lines.append(LIST_NONE())
        lines.append(LIST_REPORTS(folder=shown(self.workspace.data_dir)))
        for report in self.reports:
            lines += self._report_lines(report, shown)
        if not self.reports:
            lines.append(LIST_NONE())
        return [str(line) for line in lines]

    def _report_lines(
        self, report: ReportEntry, shown: Callable[[Path], str]
    ) -> list[Message | str]:
        count = len(report.problems)
        state: Message | str = LIST_PROBLEMS(count=count) if count else "✓"
        warned = len(report.warnings)
        if warned:
            state = LIST_WARNED(state=state, count=warned)
        lines: list[Message | str] = [f"  {report.name}  {state}"]
        files: Message | str = REPORT_FILE
        if report.parts:
            files = LIST_AND(first=files, second=LIST_PARTS(count=len(report.parts)))
        if report.rows:
            files = LIST_AND(first=files, second=report.rows)
        lines.append(LIST_DATA(folder=shown(report.directory), files=files))
        if report.template is None:
            lines.append(LIST_NO_TEMPLATE())
        else:
            template_path = self.workspace.report_template(report.template)
            kind = LIST_TEMPLATE if template_path.is_file() else LIST_TEMPLATE_MISSING
            lines.append(kind(path=shown(template_path)))
        if report.output is None:
            lines.append(LIST_OUTPUT_UNKNOWN())
        elif report.rows is not None:
            lines.append(LIST_BATCH_OUTPUT(path=shown(report.output), rows=report.rows))
        else:
            lines.append(LIST_OUTPUT(path=shown(report.output)))
        return lines


def describe_workspace(workspace: Workspace, cache: Cache | None = None) -> Overview:
    """Return every template and report of ``workspace``, each report checked."""
    from reportgen.api import check_reports

    names = _report_names(workspace)
    reports = []
    for name in names:
        problems = check_reports(workspace, [name], cache=cache)
        reports.append(_entry(workspace, workspace.data_dir / name, problems))
    templates = []
    if workspace.templates_dir.is_dir():
        for path in sorted(workspace.templates_dir.glob("*.docx")):
            if path.name.startswith("~$"):
                continue  # -- the lock file Word keeps beside a document it has open --
            users = [
                report.name
                for report in reports
                if report.template and workspace.report_template(report.template) == path
            ]
            templates.append(TemplateEntry(path, users))
    return Overview(workspace, templates, reports)


def _report_names(workspace: Workspace) -> list[str]:
    if not workspace.data_dir.is_dir():
        return []
    return sorted(
        folder.name
        for folder in workspace.data_dir.iterdir()
        if (folder / REPORT_FILE).is_file() and not folder.name.startswith(".")
    )


def _entry(workspace: Workspace, directory: Path, problems: list[Problem]) -> ReportEntry:
    """Return a report's entry: what its report.yaml gives, as far as it can be read."""
    from reportgen.data.outline import read_outline

    outline = read_outline(directory)
    facts = outline.facts()
    output: Path | None = None
    rows = None
    if facts is not None and facts.batch is not None:
        rows = facts.batch.rows
        output = workspace.output_dir / directory.name / f"{facts.batch.output}.docx"
    elif facts is not None:
        output = workspace.output_dir / f"{facts.output_stem()}.docx"
    errors = [problem for problem in problems if problem.severity == "error"]
    warnings = [problem for problem in problems if problem.severity == "warning"]
    return ReportEntry(
        directory.name, directory, outline.parts, outline.template, output, errors, rows, warnings
    )
