"""Load a report's data folder: validate it, compute derived figures, render its prose.

A report folder holds ``report.yaml`` (the report's own facts and the list of
its parts) and one YAML file per part. Loading collects every problem it finds
in every file before raising, so ``reportgen check`` can show them all at once.
"""

from __future__ import annotations

import datetime as dt
from collections import ChainMap
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from reportgen.data.attachment import Attachment, build_attachment
from reportgen.data.figure_builder import (
    RESERVED_PART_NAMES,
    RESERVED_REPORT_NAMES,
    FigureBuilder,
)
from reportgen.data.figures import Group, PeriodView
from reportgen.data.free import OwnData, empty_pending_figures, placeholders, still_to_fill
from reportgen.data.messages import (
    DATA_FILE_MISSING,
    FACT_NOT_GIVEN,
    FILE_EMPTY,
    FILE_NOT_FIELDS,
    FILE_NOT_LISTED,
    NEAR_MISS,
    NEEDS_PERIOD,
    NO_DATE,
    OFFICIAL_NEEDS_FACTS,
    OWN_NAME_TAKEN,
    PART_AND_FIGURE,
    PART_FILE_MISNAMED,
    PART_WITHOUT_FILE,
    PICTURE_NAME_TAKEN,
    RESERVED_PART,
    TEMPLATE_NOT_IN_FOLDER,
    WHAT_FIGURE,
    WHAT_PART,
    WHAT_RESERVED,
)
from reportgen.data.namespace import PART_FIELDS, REPORT_FIELDS, split_fields
from reportgen.data.official import Official, Signature, build_official
from reportgen.data.outline import name_files_as_windows_shows, report_facts
from reportgen.data.own_tables import TableReader
from reportgen.data.proofread import Passage, ReportWords, proofread
from reportgen.data.prose import render_prose
from reportgen.data.report import REPORT_FILE, REPORT_PLACEHOLDERS, PartView, ReportData
from reportgen.data.rules import output_placeholders, shown, text_without_control_characters
from reportgen.data.specs import AnyContent, PartFile, ReportFile
from reportgen.data.stand_ins import Unknown
from reportgen.data.validation import Validated, validate
from reportgen.data.yaml_source import SourceFile, load_yaml
from reportgen.errors import DataError, InvalidValue, Problem, sorted_problems
from reportgen.i18n import Message
from reportgen.ooxml.images import ImageFile
from reportgen.text.dates import Date
from reportgen.text.environment import make_environment
from reportgen.text.limits import budget
from reportgen.text.printing import PENDING, Pending
from reportgen.workspace import leads_out, outside_problem

#: A report's or a part's content, as validated.
Content = TypeVar("Content", bound=AnyContent)


def load_report_data(directory: Path) -> ReportData:
    """Load, validate and compute the report in ``directory``.

    Raise DataError listing every problem found in any of its files.
    """
    loader = _Loader(directory)
    with budget():  # -- all of a report's prose renders on one budget of loops and time --
        return loader.load()


class _Loader:
    """Gathers problems across all files of one report while building its data."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.problems: list[Problem] = []
        self.prose_environment = make_environment(for_docx=False)
        #: The fields of figures that hold the placeholder (``report.figures.x``).
        self.pending_figures: set[str] = set()
        self.figures = FigureBuilder(self.problems, self.pending_figures)
        #: Files read besides the YAML (pictures, workbooks): a change to one loads again.
        self.read_files: list[Path] = []
        #: Reads the tables the clerk's own fields name, each once, within one bound.
        self.tables = TableReader()
        #: What is not wrong but still to do: placeholders to fill, fields read as the clerk's.
        self.warnings: list[Problem] = []
        #: Whether report.yaml says ``date: 【待填写】``.
        self.date_pending = False
        #: Each part's file, for proofreading to name the line of its words.
        self.part_sources: dict[str, SourceFile] = {}

    def load(self) -> ReportData:
        report_path = self.directory / REPORT_FILE
        whole = self._read(report_path)
        if whole is None:
            raise DataError(self.problems)
        source, own = self._split(whole, REPORT_FIELDS, "report")
        name_files_as_windows_shows(source.data, self.directory)
        self._check_date_entered(source)
        pending = self._placeholders(source, "report")
        report = validate(ReportFile, source, "report")
        self.problems += report.problems
        spec = report.model
        if spec is None:
            self._validate_listed_parts(source)
            raise DataError(self.problems + self.warnings)
        self._check_template_name(spec.template, source)
        context = self._build(spec, report, source, own, pending)
        if not self.problems:
            self.warnings += proofread(self._words(spec, source, context))
        self.warnings = sorted_problems(self.warnings)
        if self.problems:
            # -- the context still says which names the data declares, for the template's check --
            raise DataError(self.problems + self.warnings, context=context)
        files = [report_path] + [self.directory / f"{name}.yaml" for name in spec.parts]
        files += self.read_files
        facts = report_facts(spec, self.directory.name)
        return ReportData(self.directory.name, self.directory, facts, context, files, self.warnings)

    def _words(self, spec: ReportFile, source: SourceFile, context: dict[str, Any]) -> ReportWords:
        """Return the report's words as rendered, each with its place in the data.

        Only reportgen's own prose is proofread: a clerk's own fields are the template's.
        """
        opening = context["opening"] if isinstance(context["opening"], list) else []
        sections = [
            [
                Passage(text, source, ("opening", index), "report.opening")
                for index, text in enumerate(opening)
                if isinstance(text, str)
            ]
        ]
        parts = context["parts"] if isinstance(context["parts"], list) else []
        for part in parts:
            if not isinstance(part, PartView) or part.name not in self.part_sources:
                continue
            part_source = self.part_sources[part.name]
            sections.append(
                [Passage(part.lead, part_source, ("lead",), f"{part.name}.lead")]
                + [
                    Passage(text, part_source, ("paragraphs", index), f"{part.name}.paragraphs")
                    for index, text in enumerate(part.paragraphs)
                ]
            )
        dated = spec.date is not None and spec.period is not None
        return ReportWords(
            title=Passage(spec.title or "", source, ("title",), "report.title"),
            date=Passage("", source, ("date",), "report.date"),
            dated=spec.date or dt.date.min,
            period_end=spec.period.end if dated and spec.period is not None else None,
            sections=sections,
            attachments=1 if context["attachment"] else 0,
            # -- a 公文 such as a 通知 looks ahead; a work report looks back on its period --
            looks_back=spec.official is None,
        )

    def _build(
        self,
        spec: ReportFile,
        report: Validated[ReportFile],
        source: SourceFile,
        own: dict[str, Any],
        pending: set[str],
    ) -> dict[str, Any]:
        """Return the context the template receives, with stand-ins for what failed."""
        period = PeriodView(spec.period.start, spec.period.end) if spec.period else None
        facts = self._facts(spec, report, period)
        self._check_output_names(spec, source, facts)
        spec, sheet_pending = self._from_sheet(spec, period, source)
        self.pending_figures.update(f"report.figures.{name}" for name in pending)
        before = len(self.problems)
        report_figures = self.figures.build(spec, source, period, "report", report.dropped)
        self._silence(before, "report", sheet_pending)
        report_pictures = self._pictures(spec, source, report_figures, "report")
        self._check_part_names(spec, source, report_figures)
        part_specs = self._part_specs(spec, source, period)

        # Prose may name another part's figures (proposals.collected), so every
        # part's figures are known before any prose is rendered.
        figure_scope = {name: figures for name, _, _, figures, _ in part_specs}
        # Layers looked through, not merged: a copy of every part's names for each part
        # would make loading grow with the square of the parts.
        outer = ChainMap(report_figures._children, figure_scope, facts)
        parts = [self._part_view(*part, outer) for part in part_specs]
        part_names: dict[str, Any] = {part.name: part for part in parts}
        for name in spec.parts:
            part_names.setdefault(name, Unknown())  # -- a part file that could not be read --
        report_scope = ChainMap(report_figures._children, part_names, facts)
        report_lists = self._render_lists(spec, source, report_scope, "report", report.dropped)
        scope = report_scope.new_child(report_lists)
        opening = [
            self._render(text, source, ("opening", index), scope, "report.opening")
            for index, text in enumerate(spec.opening)
        ]
        attachment = self._attachment(spec, period, figure_scope, report_figures, source)
        named = {**report_figures._children, **report_lists, **report_pictures}
        own_values = self._own_values(own, source, "report", scope)
        self._check_own_names(own_values, source, "report", {**named, **part_names})
        official = self._official(spec, report, source)
        members = {**facts, **named, **own_values}
        context = {
            **facts,
            **named,
            **part_names,
            "report": Group(spec.title or self.directory.name, members),
            "opening": Unknown() if report.lost("opening") else opening,
            "parts": [part_names[name] for name in spec.parts],
            "attachment": attachment,
            "official": official,
        }
        context.update(own_values)  # -- a clerk's own opening, parts or attachment --
        return context

    def _facts(
        self, spec: ReportFile, report: Validated[ReportFile], period: PeriodView | None
    ) -> dict[str, Any]:
        """Return the report's facts the data gives, by the names templates use."""
        facts: dict[str, Any] = {
            "organisation": spec.organisation,
            "title": spec.title,
            "period": period,
            "date": Date.of(spec.date) if spec.date else None,
        }
        if self.date_pending:
            facts["date"] = Pending()
        facts = {name: value for name, value in facts.items() if value is not None}
        facts.update({name: Unknown() for name in _FACTS if report.lost(name)})
        return facts

    def _attachment(
        self,
        spec: ReportFile,
        period: PeriodView | None,
        parts: dict[str, Group],
        figures: Group,
        source: SourceFile,
    ) -> Attachment:
        if spec.attachment is not None and period is None:
            self.problems.append(
                source.problem(NEEDS_PERIOD(), ("attachment",), "report.attachment")
            )
        years = period.years if period is not None else []
        attachment, problems = build_attachment(spec.attachment, years, parts, figures, source)
        self.problems += problems
        return attachment

    def _official(
        self, spec: ReportFile, report: Validated[ReportFile], source: SourceFile
    ) -> Official:
        """Return the parts of a 公文 report.yaml asks for; a seal read is a file to watch."""
        if any(report.lost(name) for name in ("official", "organisation", "date")):
            return Official()  # -- their problems are reported already --
        if spec.organisation is None or spec.date is None:
            if spec.official is not None:
                message = OFFICIAL_NEEDS_FACTS()
                self.problems.append(source.problem(message, ("official",), "report.official"))
            elif spec.organisation is not None and self.date_pending:
                # -- signed with the date still to fill, printed as every placeholder is --
                return Official(signature=Signature(spec.organisation, PENDING))
            return Official()  # -- a report of free data signs as its template says --
        official, problems = build_official(spec.official, spec.organisation, spec.date, source)
        self.problems += problems
        self.read_files += official.files
        return official

    def _check_part_names(self, spec: ReportFile, source: SourceFile, figures: Group) -> None:
        for index, name in enumerate(spec.parts):
            if name in figures or name in spec.lists:
                # Templates reach both as {{ name }}; the part would hide the figure.
                self.problems.append(
                    source.problem(
                        PART_AND_FIGURE(name=name),
                        ("parts", index),
                        "report.parts",
                    )
                )

    def _part_specs(
        self, spec: ReportFile, report_source: SourceFile, period: PeriodView | None
    ) -> list[tuple[str, Validated[PartFile], SourceFile, Group, dict[str, Any]]]:
        """Return each part that could be read: name, what validated, file, figures, own fields."""
        part_specs = []
        for name, whole in self._read_parts(spec, report_source):
            source, own = self._split(whole, PART_FIELDS, name)
            pending = self._placeholders(source, name)
            part = validate(PartFile, source, name)
            self.problems += part.problems
            if part.model is not None:
                model, sheet_pending = self._from_sheet(part.model, period, source)
                part.model = model
                self.pending_figures.update(f"{name}.figures.{figure}" for figure in pending)
                before = len(self.problems)
                figures = self.figures.build(model, source, period, name, part.dropped)
                self._silence(before, name, sheet_pending)
                pictures = self._pictures(model, source, figures, name)
                figures = Group(figures._name, {**figures._children, **pictures})
                part_specs.append((name, part, source, figures, own))
                self.part_sources[name] = source
        return part_specs

    def _part_view(
        self,
        name: str,
        part: Validated[PartFile],
        source: SourceFile,
        figures: Group,
        own: dict[str, Any],
        outer: ChainMap[str, Any],
    ) -> PartView:
        assert part.model is not None
        scope = outer.new_child(figures._children)
        lists = self._render_lists(part.model, source, scope, name, part.dropped)
        scope = scope.new_child(lists)
        lead: Any = self._render(part.model.lead, source, ("lead",), scope, f"{name}.lead")
        paragraphs: Any = [
            self._render(text, source, ("paragraphs", index), scope, f"{name}.paragraphs")
            for index, text in enumerate(part.model.paragraphs)
        ]
        if part.lost("lead"):
            lead = Unknown()
        if part.lost("paragraphs"):
            paragraphs = Unknown()
        own_values = self._own_values(own, source, name, scope)
        taken = {**figures._children, **lists, **dict.fromkeys(RESERVED_PART_NAMES)}
        self._check_own_names(own_values, source, name, taken)
        return PartView(name, lead, paragraphs, figures, lists, own_values)

    # -- a clerk's own fields, and placeholders still to fill --

    def _split(
        self, whole: SourceFile, ours: Mapping[str, Callable[[Any], bool]], prefix: str
    ) -> tuple[SourceFile, dict[str, Any]]:
        """Return the file with reportgen's fields only, and the clerk's own fields."""
        reportgen, own = split_fields(whole.data, ours)
        for key, value in own.items():
            import difflib  # -- only for a clerk's own field: is it one of ours misspelt? --

            meant = difflib.get_close_matches(
                key, [name for name in ours if name not in reportgen], 1, 0.8
            )
            if meant and ours[meant[0]](value):
                message = NEAR_MISS(key=key, name=meant[0])
                self.warnings.append(_warning(whole.problem(message, (key,), f"{prefix}.{key}")))
        return SourceFile(whole.path, reportgen, whole.positions), own

    def _placeholders(self, source: SourceFile, prefix: str) -> set[str]:
        """Note each placeholder in reportgen's fields; return the figures that hold one."""
        for steps in placeholders(source.data):
            dotted = ".".join(str(step) for step in (prefix, *steps))
            self.warnings.append(still_to_fill(source, steps, dotted))
        if prefix == "report" and source.data.get("date") == PENDING:
            del source.data["date"]
            self.date_pending = True
        figures, pending = empty_pending_figures(source.data.get("figures"))
        if pending:
            source.data["figures"] = figures
        return pending

    def _own_values(
        self, own: dict[str, Any], source: SourceFile, prefix: str, scope: ChainMap[str, Any]
    ) -> dict[str, Any]:
        def render(text: str, steps: tuple[str | int, ...], dotted: str) -> str:
            return self._render(text, source, steps, scope, dotted)

        data = OwnData(source, prefix, render, self.tables)
        values = data.values(own)
        self.warnings += data.warnings
        self.problems += data.problems
        self.read_files += data.tables
        return values

    def _check_own_names(
        self, values: dict[str, Any], source: SourceFile, prefix: str, taken: Mapping[str, Any]
    ) -> None:
        """Report a field of the clerk's own whose name the template already gives something.

        The field is left out, so that the template's other names are checked as they are.
        """
        reserved = {"report": RESERVED_REPORT_NAMES["report"]} if prefix == "report" else {}
        for name in list(values):
            what: Message | None = None
            if name in reserved:
                what = WHAT_RESERVED(what=reserved[name]())
            elif name in taken:
                what = WHAT_PART() if isinstance(taken[name], PartView) else WHAT_FIGURE()
            if what is not None:
                message = OWN_NAME_TAKEN(name=name, what=what)
                self.problems.append(source.problem(message, (name,), f"{prefix}.{name}"))
                del values[name]

    def _check_output_names(
        self, spec: ReportFile, source: SourceFile, facts: Mapping[str, Any]
    ) -> None:
        """Report a fact a file name pattern uses that the report does not give."""
        written = {name for name, value in facts.items() if PENDING not in str(value)}
        given = set(REPORT_PLACEHOLDERS) - {
            name for name, fact in _PLACEHOLDER_FACTS.items() if fact not in written
        }
        patterns: list[tuple[tuple[str, ...], str | None]] = [(("output",), spec.output)]
        if spec.batch is not None:
            patterns.append((("batch", "output"), spec.batch.output))
            patterns.append((("batch", "merged"), spec.batch.merged))
        for path, pattern in patterns:
            for name in output_placeholders(pattern) if pattern else []:
                if name in REPORT_PLACEHOLDERS and name not in given:
                    message = FACT_NOT_GIVEN(name=name, field=_PLACEHOLDER_FACTS[name])
                    dotted = ".".join(("report", *path))
                    self.problems.append(source.problem(message, path, dotted))

    # -- figures from a sheet, pictures --

    def _from_sheet(
        self, content: Content, period: PeriodView | None, source: SourceFile
    ) -> tuple[Content, set[str]]:
        """Return ``content`` with the figures its ``figures_sheet`` gives (see sheet_figures).

        Return too the figures whose cells are empty, each reported at its cell already.
        """
        if content.figures_sheet is None:
            return content, set()
        if period is None:
            self.problems.append(source.problem(NEEDS_PERIOD(), ("figures_sheet",)))
            return content, set()
        from reportgen.data.sheet_figures import fill_from_sheet

        try:
            filled = fill_from_sheet(content, self.directory, period)
        except DataError as err:
            self.problems.extend(err.problems)
            return content, set()
        self.problems.extend(filled.problems)
        self.read_files.extend(filled.files)
        return filled.content, filled.pending  # type: ignore[return-value]

    def _silence(self, before: int, prefix: str, pending: set[str]) -> None:
        """Drop the problems found since ``before`` of figures still to fill in their sheet."""
        fields = tuple(f"{prefix}.figures.{name}" for name in pending)
        if not fields:
            return
        self.problems[before:] = [
            problem
            for problem in self.problems[before:]
            if not (problem.field and problem.field.startswith(fields))
        ]

    def _pictures(
        self, content: AnyContent, source: SourceFile, figures: Group, prefix: str
    ) -> dict[str, ImageFile]:
        """Return the pictures ``content`` names, read and checked, by their names."""
        from reportgen.ooxml.images import PictureError, read_image, resolve_picture
        from reportgen.ooxml.pictures import data_picture

        pictures: dict[str, ImageFile] = {}
        for name, file in content.pictures.items():
            path = ("pictures", name)
            dotted = f"{prefix}.pictures.{name}"
            if name in figures or name in content.lists:
                message = PICTURE_NAME_TAKEN(name=name)
                self.problems.append(source.problem(message, path, dotted))
                continue
            try:
                pictures[name] = data_picture(read_image(file, self.directory))
            except PictureError as err:
                self.problems.append(source.problem(err.message, path, dotted))
                continue
            self.read_files.append(resolve_picture(file, self.directory))
        return pictures

    # -- reading and validating files --

    def _read(self, path: Path) -> SourceFile | None:
        if not path.is_file():
            self.problems.append(Problem(DATA_FILE_MISSING(), file=path))
            return None
        outside = outside_problem(path, self.directory)
        if outside is not None:
            # -- a link to a file elsewhere: its content would reach messages and documents --
            self.problems.append(outside)
            return None
        try:
            source = load_yaml(path)
        except DataError as err:
            self.problems.extend(err.problems)
            return None
        self.warnings += source.notes  # -- a file read as GBK, say: shown, still made --
        if source.data is None:
            self.problems.append(Problem(FILE_EMPTY(), file=path))
            return None
        if not isinstance(source.data, dict):
            self.problems.append(source.problem(FILE_NOT_FIELDS(shown=shown(source.data))))
            return None
        return source

    def _read_parts(
        self, spec: ReportFile, report_source: SourceFile
    ) -> list[tuple[str, SourceFile]]:
        sources = []
        named: set[str] = set()  # -- a part's file under another name, told once --
        for index, name in enumerate(spec.parts):
            path = self.directory / f"{name}.yaml"
            if name in RESERVED_REPORT_NAMES:
                self.problems.append(
                    report_source.problem(
                        RESERVED_PART(name=name, meaning=RESERVED_REPORT_NAMES[name]()),
                        ("parts", index),
                        "report.parts",
                    )
                )
                continue
            if not path.is_file():
                misnamed = _misnamed(path)
                message = (
                    PART_WITHOUT_FILE(name=name, file=path.name, folder=self.directory)
                    if misnamed is None
                    else PART_FILE_MISNAMED(name=name, file=path.name, found=misnamed)
                )
                named.add(misnamed or path.name)
                self.problems.append(
                    report_source.problem(message, ("parts", index), "report.parts")
                )
                continue
            source = self._read(path)
            if source is not None:
                sources.append((name, source))
        listed = {f"{name}.yaml" for name in spec.parts} | {REPORT_FILE} | named
        if spec.batch is not None:
            listed.add(spec.batch.rows)  # a batch's table may be a YAML file too
        for path in sorted(self.directory.glob("*.y*ml")):
            if path.name not in listed:
                # A file nobody renders is data silently lost: say so.
                self.problems.append(
                    report_source.problem(
                        FILE_NOT_LISTED(file=path.name, name=path.stem),
                        ("parts",),
                        "report.parts",
                    )
                )
        return sources

    def _validate_listed_parts(self, report_source: SourceFile) -> None:
        # report.yaml does not validate, so the report cannot be built; its part files are
        # still checked, so that one run lists the problems of every file.
        names = report_source.data.get("parts")
        for name in names if isinstance(names, list) else []:
            path = self.directory / f"{name}.yaml"
            if isinstance(name, str) and name.isidentifier() and path.is_file():
                source = self._read(path)
                if source is not None:
                    self.problems += validate(PartFile, source, name).problems

    def _check_template_name(self, name: str, source: SourceFile) -> None:
        """Add a problem if template ``name`` is a path leading out of the templates folder."""
        if leads_out(name):
            self.problems.append(
                source.problem(TEMPLATE_NOT_IN_FOLDER(name=name), ("template",), "report.template")
            )

    def _check_date_entered(self, source: SourceFile) -> None:
        # A new period's report.yaml says `date: ~` until the report is dated. Say so and
        # go on with a stand-in, so that check also lists every figure still to enter.
        if isinstance(source.data, dict) and "date" in source.data and source.data["date"] is None:
            self.problems.append(
                source.problem(
                    NO_DATE(),
                    ("date",),
                    "report.date",
                )
            )
            source.data["date"] = _UNDATED

    # -- prose --

    def _render_lists(
        self,
        content: AnyContent,
        source: SourceFile,
        scope: ChainMap[str, Any],
        prefix: str,
        dropped: set[tuple[str, ...]],
    ) -> dict[str, Any]:
        # Lists render in file order, each seeing the ones before it, so a
        # measure can name the enterprises listed above it.
        seen: dict[str, Any] = {}
        scope = scope.new_child(seen)
        rendered: dict[str, Any] = {
            name: Unknown() for section, *name_ in dropped if section == "lists" for name in name_
        }
        for name, items in content.lists.items():
            rendered[name] = seen[name] = [
                self._render(item, source, ("lists", name, index), scope, f"{prefix}.lists.{name}")
                for index, item in enumerate(items)
            ]
        return rendered

    def _render(
        self,
        text: str,
        source: SourceFile,
        path: tuple[str | int, ...],
        scope: ChainMap[str, Any],
        field_name: str,
    ) -> str:
        rendered, message = render_prose(self.prose_environment, text, scope)
        if message is None:
            try:  # -- a tag of the prose may make one: {{ "\x07" }} --
                text_without_control_characters(rendered)
            except InvalidValue as err:
                message = err.message
        if message is not None:
            self.problems.append(source.problem(message, path, field_name))
        return rendered


#: Stands in for a date still to enter; never printed, since that is a problem already.
_UNDATED = "1900-01-01"


#: The report's facts, by the names templates use.
def _misnamed(path: Path) -> str | None:
    """Return the name of the file that is ``path`` in other hands, or None if there is none.

    A part's file becomes proposals.yml, PROPOSALS.YAML, or Notepad's proposals.yaml.txt.
    """
    wanted = {path.name.lower(), path.with_suffix(".yml").name.lower()}
    for found in sorted(path.parent.iterdir()):
        if found.name.lower().removesuffix(".txt") in wanted and found.is_file():
            return found.name
    return None


_FACTS = ("organisation", "title", "period", "date")
#: The fact each file name placeholder takes, by the field of report.yaml that gives it.
_PLACEHOLDER_FACTS = {
    "organisation": "organisation",
    "title": "title",
    "start": "period",
    "end": "period",
}


def _warning(problem: Problem) -> Problem:
    return problem._replace(severity="warning")
