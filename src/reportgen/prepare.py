"""The steps every report goes through before its document is written, shared by api and batch.

A :class:`Run` is one pass of reportgen over a workspace: it loads each report's data (from
the cache when its files are unchanged), checks and compiles each template once however many
reports share it, and renders a report's document in memory. :mod:`reportgen.api` writes the
documents of single reports; :mod:`reportgen.batch` renders a table's rows from the template
a Run checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from reportgen.data.report import ROW, ReportData, is_row
from reportgen.errors import (
    DataError,
    Problem,
    ProblemsFound,
    TemplateError,
    WorkspaceError,
    distinct_problems,
)
from reportgen.memo import remembering
from reportgen.ooxml.package import Package, read_template
from reportgen.template.compiled import (
    TEMPLATED_PART,
    CheckedTemplate,
    CompiledTemplate,
    DocumentProperties,
)
from reportgen.workspace import Workspace, leads_out, outside_problem

if TYPE_CHECKING:
    from reportgen.cache import Cache

#: A template checked and compiled: the template and the dotted names it prints, or its problems.
Checked = tuple[CompiledTemplate, list[str]] | ProblemsFound


class RenderedReport(NamedTuple):
    """One report rendered in memory: its data, its output path and the document's bytes."""

    data: ReportData
    output: Path
    document: bytes


class Run:
    """One pass over a workspace: its folders, the cache it reads and fills, what it checked.

    ``cache`` is None for a run that keeps nothing between processes. A template shared by
    several reports is checked once a run, its problems included. ``warnings`` keeps what the
    run found that does not stop a render (a template Word lays out differently), once for
    each template or report it concerns.
    """

    def __init__(self, workspace: Workspace, cache: Cache | None = None) -> None:
        self.workspace = workspace
        self.cache = cache
        self.templates: dict[Path, Checked] = {}
        self.warnings: dict[Path, list[Problem]] = {}
        #: What the cache kept for a folder is_batch looked at, for load_report to take.
        self._looked_up: dict[Path, ReportData | None] = {}
        #: The bytes of each template checked, which find its warnings in the cache.
        self._template_bytes: dict[Path, bytes] = {}

    def all_warnings(self) -> list[Problem]:
        """Return every warning the run found, in the order of the files they concern."""
        return [warning for found in self.warnings.values() for warning in found]

    def load_report(self, directory: Path) -> ReportData:
        """Load, validate and compute the report in ``directory``; raise DataError on problems.

        A report whose files are byte for byte those of its last good load is read back from
        the cache instead of loaded again.
        """
        kept = self._kept(directory)
        if kept is not None:
            self.warnings[directory] = kept.warnings
            return kept
        from reportgen.data.loader import load_report_data  # PyYAML and pydantic: only now

        try:
            data = load_report_data(directory)
        except DataError as err:
            # -- a problem in the data must not hide one in the template: check that too --
            problems = [*err.problems, *self._template_problems(directory, err.context)]
            raise DataError(problems) from err
        # -- a file read as GBK: said every run, from the cache too, until it is saved as UTF-8 --
        self.warnings[directory] = data.warnings
        if self.cache is not None:
            self.cache.reports.save(data)
        self.warnings[directory] = data.warnings
        return data

    def _template_problems(
        self, directory: Path, context: Mapping[str, Any] | None
    ) -> list[Problem]:
        """Return the problems of the template a report that failed to load names.

        With the ``context`` its data declares, the names the template prints are checked
        against it too (a batch's row is left to its table).
        """
        from reportgen.data.outline import read_outline
        from reportgen.template.checks import check_variables, missing_template

        outline = read_outline(directory)
        if not outline.template or leads_out(outline.template):
            return []  # -- none, or one the data's own problems name --
        path = self.workspace.report_template(outline.template)
        if not path.is_file():
            return [missing_template(outline, outline.template, self.workspace.templates_dir)]
        checked = self._checked(path)
        if isinstance(checked, ProblemsFound):
            return checked.problems
        if context is None:
            return []
        variables = [name for name in checked[1] if not (outline.is_batch and is_row(name))]
        return check_variables(path, variables, context)

    def _checked(self, path: Path) -> Checked:
        """Return the template at ``path`` checked and compiled, once a run."""
        if path not in self.templates:
            outside = outside_problem(path, self.workspace.templates_dir)
            if outside:
                checked: Checked = DataError([outside])
            else:
                checked, blob = _check_and_compile(path, self.cache)
                if blob is not None:
                    self._template_bytes[path] = blob
            self.templates[path] = checked
        return self.templates[path]

    def _kept(self, directory: Path) -> ReportData | None:
        """Return what the cache keeps for ``directory``, taking what is_batch just read."""
        if directory in self._looked_up:
            return self._looked_up.pop(directory)
        return self.cache.reports.load(directory) if self.cache is not None else None

    def is_batch(self, directory: Path) -> bool:
        """Return whether the report in ``directory`` is a batch: its report.yaml has ``batch:``."""
        kept = self.cache.reports.load(directory) if self.cache is not None else None
        self._looked_up[directory] = kept  # -- read once: load_report takes it from here --
        if kept is not None:
            return kept.facts.batch is not None
        from reportgen.data.outline import read_outline

        return read_outline(directory).is_batch

    def template_for(self, data: ReportData) -> tuple[Path, CompiledTemplate, list[str]]:
        """Return the path of the template ``data`` names, compiled, and the names it prints.

        Raise ProblemsFound if the template is missing or has a problem.
        """
        template_path = self.workspace.report_template(data.template_name)
        templates_dir = self.workspace.templates_dir
        if not template_path.is_file():
            from reportgen.data.outline import read_outline
            from reportgen.template.checks import missing_template

            outline = read_outline(data.directory)
            raise DataError([missing_template(outline, data.template_name, templates_dir)])
        checked = self._checked(template_path)
        if isinstance(checked, ProblemsFound):
            # -- a template several reports share is checked once; each report lists its problems --
            raise type(checked)(checked.problems)
        compiled, variables = checked
        if template_path not in self.warnings:
            self.warnings[template_path] = self._template_warnings(template_path, compiled)
        return template_path, compiled, variables

    def _template_warnings(self, path: Path, compiled: CompiledTemplate) -> list[Problem]:
        """Return the template's warnings: how Word lays it out, blocks alone, what it leaves out.

        They depend on the template's bytes and its name alone, so the cache keeps them with
        the template: working them out, their modules imported, took a render 2 ms.
        """
        blob = self._template_bytes.get(path)
        if self.cache is not None and blob is not None:
            kept = self.cache.templates.load_warnings(blob, path)
            if kept is not None:
                return kept
        from reportgen.template.bare_blocks import bare_block_warnings
        from reportgen.template.broken_tags import broken_tag_warnings
        from reportgen.template.commented_tags import commented_tag_warnings
        from reportgen.template.compatibility import compatibility_warnings
        from reportgen.template.left_out import left_out_warnings
        from reportgen.template.mistyped import loose_brace_warnings
        from reportgen.template.remote_links import remote_link_warnings
        from reportgen.template.tracked import tracked_change_warnings

        parts = compiled.package.parts
        # -- the parts that hold tags, where tags are looked for: a picture's bytes hold braces --
        tagged = {name: blob for name, blob in parts.items() if TEMPLATED_PART.fullmatch(name)}
        # -- a text box is written twice (Word's copy for old Words): its warning once --
        warnings = distinct_problems(
            *compatibility_warnings(path, parts),
            *bare_block_warnings(path, tagged),
            *broken_tag_warnings(path, tagged),
            *commented_tag_warnings(path, parts),
            *left_out_warnings(path, compiled.left_out),
            *loose_brace_warnings(path, tagged),
            *remote_link_warnings(path, parts),
            *tracked_change_warnings(path, tagged),
        )
        if self.cache is not None and blob is not None:
            self.cache.templates.save_warnings(blob, path, warnings)
        return warnings

    def render_report(self, directory: Path, output_dir: Path | None = None) -> RenderedReport:
        """Check and render the report in ``directory`` in memory; ProblemsFound if it has any.

        A chart or a long title's words made before are taken from the cache (see
        :mod:`reportgen.memo`).
        """
        data = self.load_report(directory)
        template_path, compiled, variables = self.template_for(data)
        with remembering(self.cache.drawn if self.cache is not None else None):
            problems = check_template(data, template_path, compiled, variables)
            if problems:
                raise TemplateError(problems)
            document = compiled.render(data.context, document_properties(data), data.directory)
        output = (output_dir or self.workspace.output_dir) / f"{data.output_stem()}.docx"
        return RenderedReport(data, output, document)


def check_template(
    data: ReportData,
    path: Path,
    compiled: CompiledTemplate,
    variables: list[str],
    *,
    rows: bool = False,
) -> list[Problem]:
    """Return a problem for each name the template prints that the data lacks or cannot print.

    With ``rows`` (a batch), the row's names are left to each row's render.
    """
    from reportgen.template.checks import check_variables
    from reportgen.template.printed import check_printed

    names = [name for name in variables if not (rows and is_row(name))]
    skip = {ROW} if rows else set()
    printed = check_printed(compiled, data.context, skip, data.files)
    return check_variables(path, names, data.context) + printed


def check_and_compile(path: Path, cache: Cache | None = None) -> Checked:
    """Return the template at ``path`` checked and compiled, with the names it prints.

    Return its problems instead when it has any. A template kept in ``cache`` is read from
    it, neither checked nor compiled again; one that passes is kept there.
    """
    return _check_and_compile(path, cache)[0]


def _check_and_compile(path: Path, cache: Cache | None) -> tuple[Checked, bytes | None]:
    """Return what check_and_compile does, and the template's bytes when they could be read."""
    from reportgen.template.checks import lint_template, unreadable_template

    try:
        blob = read_template(path)
        package = Package.from_bytes(path, blob)
    except WorkspaceError as err:
        return TemplateError([unreadable_template(err, path)]), None
    kept = cache.templates.load(blob) if cache is not None else None
    if kept is not None:
        return (CompiledTemplate(path, package, kept.parts), kept.variables), blob
    try:
        problems, variables = lint_template(path, package)
    except ProblemsFound as err:  # a part that is not well-formed XML
        return err, blob
    if problems:
        return TemplateError(problems), blob
    try:
        compiled = CompiledTemplate(path, package)
    except ProblemsFound as err:
        return err, blob
    if cache is not None:
        cache.templates.save(blob, CheckedTemplate(variables, compiled.parts))
    return (compiled, variables), blob


def checked_template_at(path: Path, cache: Cache | None = None) -> CompiledTemplate:
    """Return the template at ``path`` checked and compiled; raise ProblemsFound if it has any."""
    checked = check_and_compile(path, cache)
    if isinstance(checked, ProblemsFound):
        raise checked
    return checked[0]


def document_properties(data: ReportData) -> DocumentProperties:
    """Return the properties every document of ``data`` carries (title, author, date)."""
    return DocumentProperties(
        title=data.facts.title or data.name,
        author=data.facts.organisation or "",
        created=data.facts.date.isoformat() if data.facts.date else None,
    )
