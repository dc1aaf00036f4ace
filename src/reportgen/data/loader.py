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
from pydantic import BaseModel, ValidationError

from reportgen.data.attachment import build_attachment
from reportgen.data.figure_builder import RESERVED_REPORT_NAMES, FigureBuilder
from reportgen.data.figures import Group, PeriodView
from reportgen.data.models import (
    TAG_MARK,
    BatchSpec,
    DerivedSpec,
    FigureSpec,
    PartFile,
    Period,
    ReportFile,
    _Content,
)
from reportgen.data.outline import report_facts
from reportgen.data.prose import print_values, render_in
from reportgen.data.report import REPORT_FILE, PartView, ReportData
from reportgen.data.yaml_source import SourceFile, load_yaml
from reportgen.errors import DataError, Problem, did_you_mean
from reportgen.i18n import Message
from reportgen.text.environment import make_environment

Model = TypeVar("Model", bound=BaseModel)


def load_report_data(directory: Path) -> ReportData:
    """Load, validate and compute the report in ``directory``.

    Raise DataError listing every problem found in any of its files.
    """
    loader = _Loader(directory)
    return loader.load()


class _Loader:
    """Gathers problems across all files of one report while building its data."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.problems: list[Problem] = []
        self.prose_environment = make_environment(for_docx=False)
        self.figures = FigureBuilder(self.problems)

    def load(self) -> ReportData:
        report_path = self.directory / REPORT_FILE
        report_source = self._read(report_path)
        if report_source is None:
            raise DataError(self.problems)
        self._check_date_entered(report_source)
        spec = self._validate(ReportFile, report_source, "report")
        if spec is None:
            self._validate_listed_parts(report_source)
            raise DataError(self.problems)

        part_sources = self._read_parts(spec, report_source)
        period = PeriodView(spec.period.start, spec.period.end)
        facts: dict[str, Any] = {
            "organisation": spec.organisation,
            "title": spec.title,
            "period": period,
            "date": spec.date,
        }

        report_figures = self.figures.build(spec, report_source, period, "report")
        for index, name in enumerate(spec.parts):
            if name in report_figures or name in spec.lists:
                # Templates reach both as {{ name }}; the part would hide the figure.
                self.problems.append(
                    report_source.problem(
                        f"'{name}' is both a part and a figure or list of the report: rename one",
                        ("parts", index),
                        "report.parts",
                    )
                )
        part_specs: list[tuple[str, PartFile, SourceFile, Group]] = []
        for name, source in part_sources:
            part = self._validate(PartFile, source, name)
            if part is not None:
                figures = self.figures.build(part, source, period, name)
                part_specs.append((name, part, source, figures))

        # Prose may name another part's figures (proposals.collected), so every
        # part's figures are known before any prose is rendered.
        figure_scope = {name: figures for name, _, _, figures in part_specs}
        # Layers looked through, not merged: a copy of every part's names for each part
        # would make loading grow with the square of the parts.
        shared = ChainMap(report_figures._children, figure_scope, facts)
        parts: list[PartView] = []
        for name, part, source, figures in part_specs:
            scope = shared.new_child(figures._children)
            lists = self._render_lists(part, source, scope, name)
            scope = scope.new_child(lists)
            lead = self._render(part.lead, source, ("lead",), scope, f"{name}.lead")
            paragraphs = [
                self._render(text, source, ("paragraphs", index), scope, f"{name}.paragraphs")
                for index, text in enumerate(part.paragraphs)
            ]
            parts.append(PartView(name, lead, paragraphs, figures, lists))

        report_scope = ChainMap(
            report_figures._children, {part.name: part for part in parts}, facts
        )
        report_lists = self._render_lists(spec, report_source, report_scope, "report")
        scope = report_scope.new_child(report_lists)
        opening = [
            self._render(text, report_source, ("opening", index), scope, "report.opening")
            for index, text in enumerate(spec.opening)
        ]
        attachment, attachment_problems = build_attachment(
            spec.attachment, period.years, figure_scope, report_figures, report_source
        )
        self.problems += attachment_problems
        if self.problems:
            raise DataError(self.problems)

        report_view = Group(spec.title, {**facts, **report_figures._children, **report_lists})
        context: dict[str, Any] = {
            **facts,
            **report_figures._children,
            **report_lists,
            **{part.name: part for part in parts},
            "report": report_view,
            "opening": opening,
            "parts": parts,
            "attachment": attachment,
        }
        files = [report_path] + [source.path for _, source in part_sources]
        return ReportData(self.directory.name, self.directory, report_facts(spec), context, files)

    # -- reading and validating files --

    def _read(self, path: Path) -> SourceFile | None:
        if not path.is_file():
            self.problems.append(Problem("file not found", file=path))
            return None
        try:
            source = load_yaml(path)
        except DataError as err:
            self.problems.extend(err.problems)
            return None
        if source.data is None:
            self.problems.append(Problem("the file is empty", file=path))
            return None
        if not isinstance(source.data, dict):
            self.problems.append(
                source.problem(
                    f"the file should hold fields (name: value), not a {type(source.data).__name__}"
                )
            )
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
                        f"'{name}' names {RESERVED_REPORT_NAMES[name]} in templates: "
                        "rename the part and its file",
                        ("parts", index),
                        "report.parts",
                    )
                )
                continue
            if not path.is_file():
                self.problems.append(
                    report_source.problem(
                        f"part '{name}' has no data file {path.name} in {self.directory}",
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
                        f"{path.name} is not listed in parts: add '{path.stem}' to parts, "
                        "or move the file out of the folder",
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
                    self._validate(PartFile, source, name)

    def _check_date_entered(self, source: SourceFile) -> None:
        # A new period's report.yaml says `date: ~` until the report is dated. Say so and
        # go on with a stand-in, so that check also lists every figure still to enter.
        if isinstance(source.data, dict) and "date" in source.data and source.data["date"] is None:
            self.problems.append(
                source.problem(
                    "no date: enter the date the report is signed, as YYYY-MM-DD",
                    ("date",),
                    "report.date",
                )
            )
            source.data["date"] = _UNDATED

    def _validate(self, model: type[Model], source: SourceFile, prefix: str) -> Model | None:
        try:
            return model.model_validate(source.data)
        except ValidationError as err:
            for error in err.errors():
                loc = tuple(
                    step
                    for step in error["loc"]
                    if not (isinstance(step, str) and step.startswith(TAG_MARK))
                )
                # pydantic reports a bad dict key at ('figures', 'bad-name', '[key]').
                loc = tuple(step for step in loc if step != "[key]")
                dotted = ".".join(str(step) for step in (prefix, *loc))
                message = _explain(error, loc, model)
                self.problems.append(source.problem(message, loc, dotted))
            return None

    # -- prose --

    def _render_lists(
        self, content: _Content, source: SourceFile, scope: ChainMap[str, Any], prefix: str
    ) -> dict[str, list[str]]:
        # Lists render in file order, each seeing the ones before it, so a
        # measure can name the enterprises listed above it.
        rendered: dict[str, list[str]] = {}
        scope = scope.new_child(rendered)
        for name, items in content.lists.items():
            rendered[name] = [
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
        try:
            return render_in(self.prose_environment.from_string(text), scope)
        except TemplateSyntaxError as err:
            message = f"in the text: {err.message}"
        except UndefinedError as err:
            message = f"in the text: {err.message}{_suggest_for_undefined(err, scope)}"
        except SecurityError as err:
            message = f"in the text: not allowed ({err})"
        except (TypeError, ValueError, ArithmeticError, LookupError) as err:
            message = f"in the text: cannot print ({err})"
        except RecursionError:  # hundreds of brackets inside {{ }}, as a long paste can hold
            message = "in the text: a {{ … }} is nested too deeply to read"
        self.problems.append(source.problem(message, path, field_name))
        return text


#: Stands in for a date still to enter; never printed, since that is a problem already.
_UNDATED = "1900-01-01"


def _explain(error: Any, loc: tuple[Any, ...], model: type[BaseModel]) -> str:
    """Return a pydantic error as a sentence for the person editing the file."""
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else "?"
        known = _known_fields(loc[:-1], model)
        return f"unknown field '{key}'{did_you_mean(key, known)}"
    if kind == "missing" and loc and isinstance(loc[-1], int):
        return "needs one more name: write two, like [adopted, collected]"
    if kind == "missing":
        return "missing required field"
    shown = _shown(error.get("input"))
    if kind == "list_type":
        return f"should be a list (one '- item' a line, or [a, b]), not {shown}"
    if kind == "too_short":
        return "should have at least one item"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return f"should hold fields (name: value), not {shown}"
    if kind == "tuple_type":
        return f"should be two names, like [adopted, collected], not {shown}"
    if kind == "invalid_key":
        return f"{shown} is not a field name"
    if kind in {"value_error", "assertion_error"}:
        return str(error["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "union_tag_not_found" or kind == "union_tag_invalid":
        return "should be a number, or a mapping with value"
    if kind == "literal_error":
        return f"{error['msg'].lower()}, not '{error.get('input')}'"
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return f"should be a whole number, not {shown}"
    return str(error["msg"])


def _shown(value: Any) -> str:
    """Return how a clerk would name a value found in the file: the text '…', a list."""
    if isinstance(value, str):
        return f"the text '{value}'"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "fields (name: value)"
    return f"a {type(value).__name__}"


def _known_fields(loc: tuple[Any, ...], model: type[BaseModel]) -> list[str]:
    """Return the field names allowed at ``loc`` (a path to a mapping) in ``model``."""
    if not loc:
        return list(model.model_fields)
    if loc[0] == "period":
        return list(Period.model_fields)
    if loc[0] == "batch":
        return list(BatchSpec.model_fields)
    if loc[0] == "derived":
        return list(DerivedSpec.model_fields)
    if loc[0] == "figures":
        return list(FigureSpec.model_fields)
    return []


def _suggest_for_undefined(err: UndefinedError, scope: Mapping[str, Any]) -> Message | str:
    # StrictUndefined says "'collcted' is undefined"; offer the nearest known name.
    message = err.message or ""
    if message.startswith("'") and "' is undefined" in message:
        word = message[1 : message.index("' is undefined")]
        return did_you_mean(word, list(scope))
    return ""
