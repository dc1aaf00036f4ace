"""Describe a workspace: every template, every report, and what each report uses and makes.

``reportgen list`` prints this, so that a person who drops a template into ``templates/`` and
a folder into ``data/`` sees at once whether the two found each other and whether the report
checks clean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.data.report import REPORT_FILE
from reportgen.errors import Problem
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
    problems: list[Problem] = field(default_factory=list)
    #: A batch's table (one document a row), or None for a report of one document.
    rows: str | None = None


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
        """Return the overview as the lines ``reportgen list`` prints."""
        root = self.workspace.root

        def shown(path: Path) -> str:
            try:
                return str(path.relative_to(root))
            except ValueError:
                return str(path)

        lines = [f"templates ({shown(self.workspace.templates_dir)}/):"]
        width = max((len(entry.path.name) for entry in self.templates), default=0)
        for template in self.templates:
            users = ", ".join(template.used_by) if template.used_by else "(no report uses it)"
            lines.append(f"  {template.path.name.ljust(width)}  used by {users}")
        if not self.templates:
            lines.append("  (none)")
        lines.append(f"reports ({shown(self.workspace.data_dir)}/):")
        for report in self.reports:
            count = sum(1 for problem in report.problems if problem.severity == "error")
            state = "✓" if not count else f"{count} problem{'s' if count != 1 else ''}"
            warned = len(report.problems) - count
            if warned:
                state += f" ({warned} warning{'s' if warned != 1 else ''})"
            lines.append(f"  {report.name}  {state}")
            files = [REPORT_FILE]
            if report.parts:
                files.append(f"{len(report.parts)} part{'s' if len(report.parts) != 1 else ''}")
            if report.rows:
                files.append(report.rows)
            lines.append(f"    data      {shown(report.directory)}/ ({' and '.join(files)})")
            if report.template is None:
                lines.append("    template  (none given: add template: to report.yaml)")
            else:
                template_path = self.workspace.template_path(report.template)
                missing = "" if template_path.is_file() else "  (missing)"
                lines.append(f"    template  {shown(template_path)}{missing}")
            if report.output is None:
                lines.append("    output    (unknown until report.yaml checks)")
            elif report.rows is not None:
                lines.append(f"    output    {shown(report.output)}  (one a row of {report.rows})")
            else:
                lines.append(f"    output    {shown(report.output)}")
        if not self.reports:
            lines.append("  (none)")
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
            users = [report.name for report in reports if report.template == path.name]
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
    return ReportEntry(
        directory.name, directory, outline.parts, outline.template, output, problems, rows
    )
