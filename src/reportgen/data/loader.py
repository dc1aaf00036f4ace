"""Load a report's data folder: validate it, compute derived figures, render its prose.

A report folder holds ``report.yaml`` (the report's own facts and the list of
its parts) and one YAML file per part. Loading collects every problem it finds
in every file before raising, so ``reportgen check`` can show them all at once.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from reportgen.data.attachment import build_attachment
from reportgen.data.explain import shown
from reportgen.data.figure_builder import RESERVED_REPORT_NAMES, FigureBuilder
from reportgen.data.figures import Group, PeriodView
from reportgen.data.messages import (
    DATA_FILE_MISSING,
    FILE_EMPTY,
    FILE_NOT_FIELDS,
    FILE_NOT_LISTED,
    IN_TEXT,
    NO_DATE,
    PART_AND_FIGURE,
    PART_WITHOUT_FILE,
    PICTURE_NAME_TAKEN,
    RESERVED_PART,
    TEMPLATE_NOT_IN_FOLDER,
)
from reportgen.data.models import (
    PartFile,
    ReportFile,
    _Content,
)
from reportgen.data.official import Official, build_official
from reportgen.data.outline import report_facts
from reportgen.data.proofread import Passage, ReportWords, proofread
from reportgen.data.prose import print_values, render_in
from reportgen.data.report import REPORT_FILE, PartView, ReportData
from reportgen.data.stand_ins import Unknown
from reportgen.data.validation import Validated, validate
from reportgen.data.yaml_source import SourceFile, load_yaml
from reportgen.errors import DataError, Problem, did_you_mean
from reportgen.i18n import Message
from reportgen.ooxml.images import ImageFile
from reportgen.text.environment import make_environment
from reportgen.text.jinja_errors import render_error_message
from reportgen.text.limits import LimitExceeded, budget
from reportgen.text.messages import TOO_DEEP, UNDEFINED_WITH_HINT
from reportgen.workspace import leads_out, outside_problem

#: A report's or a part's content, as validated.
Content = TypeVar("Content", bound=_Content)


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
        self.figures = FigureBuilder(self.problems)
        self.notes: list[Problem] = []  # warnings: shown, but the report is still made
        #: Files read besides the YAML (pictures, workbooks): a change to one loads again.
        self.read_files: list[Path] = []
        #: Each part's file, for proofreading to name the line of its words.
        self.part_sources: dict[str, SourceFile] = {}

    def load(self) -> ReportData:
        report_path = self.directory / REPORT_FILE
        report_source = self._read(report_path)
        if report_source is None:
            raise DataError(self.problems + self.notes)
        self._check_date_entered(report_source)
        report = validate(ReportFile, report_source, "report")
        self.problems += report.problems
        spec = report.model
        if spec is None:
            self._validate_listed_parts(report_source)
            raise DataError(self.problems + self.notes)
        self._check_template_name(spec.template, report_source)
        context = self._build(spec, report, report_source)
        if self.problems:
            # -- the context still says which names the data declares, for the template's check --
            raise DataError(self.problems + self.notes, context=context)
        files = [report_path] + [self.directory / f"{name}.yaml" for name in spec.parts]
        files += self.read_files
        warnings = self.notes + proofread(self._words(spec, report_source, context))
        return ReportData(
            self.directory.name, self.directory, report_facts(spec), context, files, warnings
        )

    def _words(self, spec: ReportFile, source: SourceFile, context: dict[str, Any]) -> ReportWords:
        """Return the report's words as rendered, each with its place in the data."""
        opening = [
            Passage(text, source, ("opening", index), "report.opening")
            for index, text in enumerate(context["opening"])
        ]
        sections = [opening]
        for part in context["parts"]:
            part_source = self.part_sources[part.name]
            sections.append(
                [Passage(part.lead, part_source, ("lead",), f"{part.name}.lead")]
                + [
                    Passage(text, part_source, ("paragraphs", index), f"{part.name}.paragraphs")
                    for index, text in enumerate(part.paragraphs)
                ]
            )
        return ReportWords(
            title=Passage(spec.title, source, ("title",), "report.title"),
            date=Passage("", source, ("date",), "report.date"),
            dated=spec.date,
            period_end=spec.period.end,
            sections=sections,
            attachments=1 if context["attachment"] else 0,
            # -- a 公文 such as a 通知 looks ahead; a work report looks back on its period --
            looks_back=spec.official is None,
        )

    def _build(
        self, spec: ReportFile, report: Validated[ReportFile], source: SourceFile
    ) -> dict[str, Any]:
        """Return the context the template receives, with stand-ins for what failed."""
        period = None if report.lost("period") else PeriodView(spec.period.start, spec.period.end)
        facts: dict[str, Any] = {
            "organisation": spec.organisation,
            "title": spec.title,
            "period": period,
            "date": spec.date,
        }
        facts.update({name: Unknown() for name in facts if report.lost(name)})
        spec, pending = self._from_sheet(spec, period)
        before = len(self.problems)
        report_figures = self.figures.build(spec, source, period, "report", report.dropped)
        self._silence(before, "report", pending)
        report_pictures = self._pictures(spec, source, report_figures, "report")
        self._check_part_names(spec, source, report_figures)
        part_specs = self._part_specs(spec, source, period)

        # Prose may name another part's figures (proposals.collected), so every
        # part's figures are known before any prose is rendered.
        figure_scope = {name: figures for name, _, _, figures in part_specs}
        # Layers looked through, not merged: a copy of every part's names for each part
        # would make loading grow with the square of the parts.
        outer = ChainMap(report_figures._children, figure_scope, facts)
        parts = [
            self._part_view(name, part, part_source, figures, outer)
            for name, part, part_source, figures in part_specs
        ]
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
        years = period.years if period is not None else []
        attachment, attachment_problems = build_attachment(
            spec.attachment, years, figure_scope, report_figures, source
        )
        self.problems += attachment_problems
        official = self._official(spec, report, source)
        report_view = Group(
            spec.title, {**facts, **report_figures._children, **report_lists, **report_pictures}
        )
        return {
            **facts,
            **report_figures._children,
            **report_lists,
            **report_pictures,
            **part_names,
            "report": report_view,
            "opening": Unknown() if report.lost("opening") else opening,
            "parts": [part_names[name] for name in spec.parts],
            "attachment": attachment,
            "official": official,
        }

    def _official(
        self, spec: ReportFile, report: Validated[ReportFile], source: SourceFile
    ) -> Official:
        """Return the parts of a 公文 report.yaml asks for; a seal read is a file to watch."""
        if any(report.lost(name) for name in ("official", "organisation", "date")):
            return Official()  # -- their problems are reported already --
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
        self, spec: ReportFile, source: SourceFile, period: PeriodView | None
    ) -> list[tuple[str, Validated[PartFile], SourceFile, Group]]:
        """Return each part that could be read: its name, what validated, its file, figures."""
        part_specs = []
        for name, part_source in self._read_parts(spec, source):
            part = validate(PartFile, part_source, name)
            self.problems += part.problems
            if part.model is not None:
                model, pending = self._from_sheet(part.model, period)
                part.model = model
                before = len(self.problems)
                figures = self.figures.build(model, part_source, period, name, part.dropped)
                self._silence(before, name, pending)
                pictures = self._pictures(model, part_source, figures, name)
                figures = Group(figures._name, {**figures._children, **pictures})
                part_specs.append((name, part, part_source, figures))
                self.part_sources[name] = part_source
        return part_specs

    def _part_view(
        self,
        name: str,
        part: Validated[PartFile],
        source: SourceFile,
        figures: Group,
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
        return PartView(name, lead, paragraphs, figures, lists)

    # -- figures from a sheet, pictures --

    def _from_sheet(self, content: Content, period: PeriodView | None) -> tuple[Content, set[str]]:
        """Return ``content`` with the figures its ``figures_sheet`` gives (see sheet_figures).

        Return too the figures whose cells are empty, each reported at its cell already.
        """
        if content.figures_sheet is None or period is None:
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
        self, content: _Content, source: SourceFile, figures: Group, prefix: str
    ) -> dict[str, ImageFile]:
        """Return the pictures ``content`` names, read and checked, by their names."""
        from reportgen.ooxml.images import PictureError, read_image, resolve_picture

        pictures: dict[str, ImageFile] = {}
        for name, file in content.pictures.items():
            path = ("pictures", name)
            dotted = f"{prefix}.pictures.{name}"
            if name in figures or name in content.lists:
                message = PICTURE_NAME_TAKEN(name=name)
                self.problems.append(source.problem(message, path, dotted))
                continue
            try:
                pictures[name] = read_image(file, self.directory)
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
        self.notes += source.notes
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
                self.problems.append(
                    report_source.problem(
                        PART_WITHOUT_FILE(name=name, file=path.name, folder=self.directory),
                        ("parts", index),
                        "report.parts",
                    )
                )
                continue
            source = self._read(path)
            if source is not None:
                sources.append((name, source))
        listed = {f"{name}.yaml" for name in spec.parts} | {REPORT_FILE}
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
        content: _Content,
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
        if "{" not in text:
            return text
        # Prose that only prints values needs no template compiled for it.
        printed = print_values(self.prose_environment, text, scope)
        if printed is not None:
            return printed
        problem: Message
        try:
            return render_in(self.prose_environment.from_string(text), scope)
        except UndefinedError as err:
            problem = _undefined_with_hint(err, scope)
        except LimitExceeded as err:
            problem = err.detail
        except SyntaxError:  # -- blocks nested past what Python compiles --
            problem = TOO_DEEP()
        except (TemplateSyntaxError, SecurityError, RecursionError) as err:
            problem = render_error_message(err)  # -- RecursionError: hundreds of brackets --
        except (TypeError, ValueError, ArithmeticError, LookupError) as err:
            problem = render_error_message(err)
        self.problems.append(source.problem(IN_TEXT(message=problem), path, field_name))
        return text


#: Stands in for a date still to enter; never printed, since that is a problem already.
_UNDATED = "1900-01-01"


def _undefined_with_hint(err: UndefinedError, scope: Mapping[str, Any]) -> Message:
    # StrictUndefined says "'collcted' is undefined"; offer the nearest known name.
    message = err.message or ""
    if message.startswith("'") and message.endswith("' is undefined"):
        name = message[1 : -len("' is undefined")]
        return UNDEFINED_WITH_HINT(name=name, hint=did_you_mean(name, list(scope)))
    return render_error_message(err)
