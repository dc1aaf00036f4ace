"""A report's form: a field for every value a clerk fills in, made from the data files as they are.

The form is read from the YAML text, not from the validated report, so that a report with
problems (a new period's empty figures, a mistyped number) still opens, with the problems
next to their fields. Each field knows the file and the keys of its value, so that what is
posted goes back to that place (:mod:`reportgen.serve.posted`), and it carries the comment the
file has beside the value, which explains it in the clerk's words.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote, unquote

import yaml

from reportgen.data.namespace import PART_FIELDS, REPORT_FIELDS, split_fields
from reportgen.data.outline import read_outline
from reportgen.data.report import REPORT_FILE
from reportgen.data.yaml_edit import Steps
from reportgen.data.yaml_source import parse_yaml
from reportgen.data.yaml_text import compose, node_at
from reportgen.errors import DataError, Problem
from reportgen.text.decoding import UndecodableText, decode_text
from reportgen.text.filters import amount, cn_numeral

Kind = Literal["number", "year", "date", "text", "prose", "list", "prose-list", "records"]
#: The keys of a figure written in full (``collected: {value: …, label: …}``).
FIGURE_KEYS = {"value", "by_year", "previous", "label", "unit", "qualifier", "scale", "precision"}
#: A tag that prints a value in prose: ``{{ collected }}``, ``{{ trades | join_cn }}``.
TAG = re.compile(r"\{\{-?\s*(.+?)\s*-?\}\}", re.DOTALL)
#: The form fields naming the lists and tables on the page, so that an emptied one still counts.
LISTS_FIELD = "__lists__"
RECORDS_FIELD = "__records__"
#: The most rows a table may have to be edited in the form; a longer one is edited in Excel.
MAX_RECORDS = 300
#: How deep in records the form shows a clerk's own fields (负责人.联系方式.电话).
_OWN_DEPTH = 4


@dataclass
class Field:
    """One value in the form: where it is in the data, how it is entered, what it holds."""

    file: str
    steps: Steps
    kind: Kind
    label: str
    value: Any
    hint: str = ""

    @property
    def name(self) -> str:
        """Return the form name: the file, then each key, as ``proposals.yaml#figures/x/value``."""
        return field_name(self.file, self.steps)

    @property
    def slot(self) -> str:
        """Return an HTML id for the field's problems and computed values."""
        return slot_id(self.file, self.steps)

    @property
    def has_own_problems(self) -> bool:
        """Return whether the field shows its problems itself; one year's go to its figure."""
        return len(self.steps) < 2 or self.steps[-2] != "by_year"

    @property
    def items(self) -> list[str]:
        """Return a list field's items as text."""
        return [str(item) for item in self.value] if isinstance(self.value, list) else []

    @property
    def columns(self) -> list[str]:
        """Return a table's columns: every field its rows have, in the order they first come."""
        return columns_of(self.value)

    def cell_name(self, column: str) -> str:
        """Return the form name of a table's ``column``."""
        return f"{self.name}@{quote(column, safe='')}"

    @property
    def tags(self) -> list[str]:
        """Return the expressions the prose prints (``collected``, ``trades | join_cn``)."""
        texts = self.items if self.kind == "prose-list" else [str(self.value or "")]
        return list(dict.fromkeys(match.group(1) for text in texts for match in TAG.finditer(text)))


@dataclass
class FigureRow:
    """A figure: its label, unit, previous period's value, and inputs (its value or years)."""

    file: str
    steps: Steps
    label: str
    unit: str
    previous: str
    hint: str
    inputs: list[Field]
    derived: str = ""  # -- for a derived figure: how it is computed --

    @property
    def dotted(self) -> str:
        """Return the figure's name as prose and templates write it (``awards.national``)."""
        return ".".join(self.steps[1:])

    @property
    def slot(self) -> str:
        """Return an HTML id for the figure's problems and computed value."""
        return slot_id(self.file, self.steps)


@dataclass
class Section:
    """The fields of one data file: report.yaml, or one part of the report."""

    file: str
    title: str
    fields: list[Field] = field(default_factory=list)
    figures: list[FigureRow] = field(default_factory=list)
    derived: list[FigureRow] = field(default_factory=list)
    lists: list[Field] = field(default_factory=list)
    prose: list[Field] = field(default_factory=list)
    records: list[Field] = field(default_factory=list)
    #: Set when the file cannot be read: why, with where.
    problem: str = ""

    @property
    def slot(self) -> str:
        """Return an HTML id for the problems of the file that belong to no field."""
        return slot_id(self.file, ())

    def all_fields(self) -> Iterator[Field]:
        """Yield every input of the section."""
        yield from self.fields
        for row in self.figures:
            yield from row.inputs
        yield from self.lists
        yield from self.records
        yield from self.prose


@dataclass
class ReportForm:
    """A report's form: a section for each data file, in the report's order."""

    name: str
    sections: list[Section]
    #: The SHA-256 of each file as read, so that a save can tell a file changed meanwhile.
    versions: dict[str, str]
    #: The text of each file as read.
    texts: dict[str, str] = field(default_factory=dict)
    #: The data of each file that parses, as loaded.
    data: dict[str, Any] = field(default_factory=dict)

    def fields(self) -> Iterator[Field]:
        """Yield every input of the form."""
        for section in self.sections:
            yield from section.all_fields()

    def labels(self) -> dict[str, str]:
        """Return each input's name with its label as the page shows it (收入（2020年）)."""
        labels: dict[str, str] = {}
        for section in self.sections:
            for form_field in section.all_fields():
                labels[form_field.name] = form_field.label
            for row in [*section.figures, *section.derived]:
                for box in row.inputs:
                    shown = row.label if box.label == "数值" else f"{row.label}（{box.label}）"
                    labels[box.name] = shown
        return labels


def field_name(file: str, steps: Steps) -> str:
    """Return the form name of the value at ``steps`` in ``file``."""
    return file + "#" + "/".join(quote(step, safe="") for step in steps)


def parse_field_name(name: str) -> tuple[str, Steps] | None:
    """Return the file and steps a form name stands for, or None if it names no value."""
    file, hash_mark, path = name.partition("#")
    if not hash_mark or not file:
        return None
    return file, tuple(unquote(step) for step in path.split("/")) if path else ()


def slot_id(file: str, steps: Steps) -> str:
    """Return a short HTML id for a value (or a file, with no steps)."""
    return "s" + hashlib.sha1(field_name(file, steps).encode()).hexdigest()[:12]


def version_of(data: bytes) -> str:
    """Return the version a page records for a file's bytes."""
    return hashlib.sha256(data).hexdigest()


def report_files(directory: Path) -> list[Path]:
    """Return the data files of a report: report.yaml, then its parts in order, then the rest."""
    report = directory / REPORT_FILE
    listed = read_outline(directory).parts
    parts = [directory / f"{part}.yaml" for part in listed if _is_name(part)]
    files = [report] + [path for path in parts if path.is_file()]
    others = sorted(path for path in directory.glob("*.y*ml") if path not in files)
    return [path for path in files + others if _inside(path, directory)]


def _decoded(raw: bytes) -> str:
    """Return a data file's text as loading reads it (UTF-8, GBK, UTF-16), or as best it can."""
    try:
        return decode_text(raw).text
    except UndecodableText:  # -- the section shows what loading says of it --
        return raw.decode("utf-8-sig", errors="replace")


def _inside(path: Path, directory: Path) -> bool:
    """Return whether ``path`` is a file of ``directory`` itself, not a link to one elsewhere."""
    return not path.is_symlink() and path.resolve().parent == directory.resolve()


def build_form(name: str, directory: Path) -> ReportForm:
    """Return the form of the report in ``directory``, read from its files as they are now."""
    form = ReportForm(name, [], {})
    for number, path in enumerate(report_files(directory)):
        raw = path.read_bytes()
        text = _decoded(raw)
        form.versions[path.name] = version_of(raw)
        form.texts[path.name] = text
        form.sections.append(build_section(path, text, number))
        try:
            form.data[path.name] = parse_yaml(text, path).data
        except DataError:
            continue
    return form


def build_section(path: Path, text: str, number: int = 0) -> Section:
    """Return the fields of one data file's ``text``, the ``number``-th part of its report."""
    file = path.name
    try:
        data = parse_yaml(text, path).data
        root = compose(text)
    except (DataError, yaml.YAMLError) as err:
        problems = err.problems if isinstance(err, DataError) else [Problem(str(err), file=path)]
        return Section(file, file, problem="\n".join(str(problem) for problem in problems))
    reader = _Reader(file, text, root, isinstance(data, dict) and "figures_sheet" in data)
    if _is_records(data):  # -- a table of rows, such as a batch's in YAML --
        return Section(file, f"表格：{file}", records=[reader.field((), "records", file, data)])
    if not isinstance(data, dict):
        return Section(file, file)
    section = Section(file, _title(file, data, number))
    if file == REPORT_FILE:
        section.fields = reader.facts(data)
    elif isinstance(data.get("lead"), str):
        section.prose.append(reader.field(("lead",), "prose", "领句（加粗的开头句）", data["lead"]))
    ours, own = split_fields(data, REPORT_FIELDS if file == REPORT_FILE else PART_FIELDS)
    section.figures = reader.figures(ours.get("figures"), ("figures",))
    section.derived = reader.derived(ours.get("derived"))
    reader.lists(ours.get("lists"), section)
    reader.own(own, (), section)
    for key, label in (("opening", "开头段落"), ("paragraphs", "正文段落")):
        if isinstance(data.get(key), list):
            section.prose.append(reader.field((key,), "prose-list", label, data[key]))
    return section


# -- reading the data --


class _Reader:
    """Makes fields from one file's data, with the comment beside each value as its hint."""

    def __init__(self, file: str, text: str, root: yaml.Node | None, sheet: bool) -> None:
        self.file = file
        self.text = text
        self.root = root
        #: Whether the file's figures take their numbers from a sheet (figures_sheet).
        self.sheet = sheet

    def field(self, steps: Steps, kind: Kind, label: str, value: Any) -> Field:
        if kind == "date" and isinstance(value, dt.date):
            value = value.isoformat()  # -- as a date input holds it, not as the page prints it --
        return Field(self.file, steps, kind, label, value, self.comment(steps))

    def comment(self, steps: Steps) -> str:
        """Return the comment on the line of the value at ``steps``, or of its key."""
        key, node = _key_and_node(self.root, steps)
        if node is None:
            return ""
        if isinstance(node, yaml.CollectionNode) and not node.flow_style:
            index = key.end_mark.index if key is not None else node.start_mark.index
        elif isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
            index = node.start_mark.index  # -- a block's comment follows its header --
        else:
            index = node.end_mark.index
        end = self.text.find("\n", index)
        rest = self.text[index : end if end >= 0 else len(self.text)]
        rest = rest.lstrip(":|>+-0123456789 \t")
        return rest[1:].strip() if rest.startswith("#") else ""

    def lists(self, lists: Any, section: Section) -> None:
        """Add the lists of a file to ``section``: lists of text, and tables of records."""
        for key, items in _mapping(lists).items():
            if _is_records(items):
                section.records.append(self.field(("lists", key), "records", key, items))
            elif isinstance(items, list | type(None)):
                section.lists.append(self.field(("lists", key), "list", key, items))

    def own(self, fields: dict[Any, Any], steps: Steps, section: Section) -> None:
        """Add the clerk's own fields to ``section``, each value as the input its kind takes.

        A hand-made template's data has its own shape: text, numbers, dates, lists of text,
        tables of records, and records whose fields are shown one by one (``负责人.姓名``).
        A true or false stays in the file, as does anything nested deeper than a form shows.
        """
        for key, value in fields.items():
            path = (*steps, str(key))
            label = ".".join(path)
            if isinstance(value, dict):
                if len(path) < _OWN_DEPTH:
                    self.own(value, path, section)
            elif _is_records(value):
                section.records.append(self.field(path, "records", label, value))
            elif isinstance(value, list):
                if all(isinstance(item, str) for item in value):
                    section.lists.append(self.field(path, "list", label, value))
            elif (kind := _own_kind(value)) == "prose":
                section.prose.append(self.field(path, kind, label, value))
            elif kind is not None:
                section.fields.append(self.field(path, kind, label, value))

    def facts(self, data: dict[str, Any]) -> list[Field]:
        fields = []
        for key, kind, label in (
            ("organisation", "text", "单位"),
            ("title", "text", "标题"),
        ):
            if key in data:
                fields.append(self.field((key,), kind, label, data[key]))  # type: ignore[arg-type]
        period = _mapping(data.get("period"))
        for key, label in (("start", "起始年份"), ("end", "截止年份")):
            if key in period:
                fields.append(self.field(("period", key), "year", label, period[key]))
        if "date" in data:
            fields.append(self.field(("date",), "date", "成文日期", data["date"]))
        return fields

    def figures(self, nodes: Any, steps: Steps) -> list[FigureRow]:
        rows: list[FigureRow] = []
        for key, value in _mapping(nodes).items():
            path = (*steps, str(key))
            if isinstance(value, dict) and not (set(map(str, value)) & FIGURE_KEYS):
                rows += self.figures(value, path)  # -- a group: its figures, named a.b --
            elif isinstance(value, dict):
                rows.append(self.figure(path, value))
            elif _is_number_or_empty(value):
                rows.append(
                    FigureRow(
                        self.file,
                        path,
                        ".".join(path[1:]),
                        "",
                        "",
                        self.comment(path),
                        [self.field(path, "number", "数值", value)],
                    )
                )
        return rows

    def figure(self, path: Steps, spec: dict[str, Any]) -> FigureRow:
        by_year = spec.get("by_year")
        if isinstance(by_year, dict):
            inputs = [
                self.field((*path, "by_year", str(year)), "number", f"{year}年", amount)
                for year, amount in by_year.items()
            ]
        elif "value" in spec or not self.sheet:
            inputs = [self.field((*path, "value"), "number", "数值", spec.get("value"))]
        else:
            inputs = []  # -- its numbers come from the file's figures_sheet --
        previous = spec.get("previous")
        return FigureRow(
            self.file,
            path,
            str(spec.get("label") or ".".join(path[1:])),
            str(spec.get("unit") or ""),
            _previous_shown(previous, spec),
            self.comment(path),
            inputs,
        )

    def derived(self, nodes: Any) -> list[FigureRow]:
        rows = []
        for key, spec in _mapping(nodes).items():
            spec = _mapping(spec)
            operation = next((name for name in _OPERATIONS if name in spec), "")
            how = _how(operation, spec.get(operation))
            path = ("derived", str(key))
            rows.append(
                FigureRow(
                    self.file,
                    path,
                    str(spec.get("label") or key),
                    str(spec.get("unit") or ("%" if operation in ("share", "growth") else "")),
                    "",
                    self.comment(path),
                    [],
                    derived=how,
                )
            )
        return rows


_OPERATIONS = {
    "share": "{0} ÷ {1}",
    "growth": "从 {0} 到 {1} 的增长",
    "sum": "",
    "difference": "{0} − {1}",
}


def _how(operation: str, operands: Any) -> str:
    """Return how a derived figure is computed, in the names the file gives."""
    if not isinstance(operands, list) or not operands:
        return ""
    names = [str(operand) for operand in operands]
    if operation == "sum":
        return " + ".join(names)
    return _OPERATIONS[operation].format(*names) if len(names) == 2 else ""


def _key_and_node(
    root: yaml.Node | None, steps: Steps
) -> tuple[yaml.Node | None, yaml.Node | None]:
    """Return the key node (None in a list) and the value node at ``steps``."""
    if not steps:
        return None, root
    parent = node_at(root, steps[:-1])
    if isinstance(parent, yaml.MappingNode):
        for key, value in parent.value:
            if str(key.value) == steps[-1]:
                return key, value
    return None, node_at(root, steps)


def _title(file: str, data: dict[str, Any], number: int) -> str:
    if file == REPORT_FILE:
        return "报告信息"
    lead = data.get("lead")
    if not isinstance(lead, str) or "{" in lead:
        return file
    return f"{cn_numeral(number)}、{lead}" if number else lead


def _own_kind(value: Any) -> Kind | None:
    """Return the input a single value of the clerk's own takes; None for true or false."""
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, bool):
        return None  # -- a switch the template tests: left to the file --
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str) and ("\n" in value or "{{" in value or len(value) > 40):
        return "prose"  # -- a paragraph, which may name figures: a box of its own, with chips --
    return "text" if isinstance(value, str) or value is None else None


def _mapping(value: Any) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def _is_name(value: Any) -> bool:
    return isinstance(value, str) and value.isidentifier()


def _is_records(value: Any) -> bool:
    """Return whether ``value`` is a table: a list of rows, each a record of single values."""
    return (
        isinstance(value, list)
        and 0 < len(value) <= MAX_RECORDS
        and all(isinstance(row, dict) and not any(map(_is_nested, row.values())) for row in value)
    )


def _is_nested(value: Any) -> bool:
    return isinstance(value, dict | list)


def columns_of(rows: Any) -> list[str]:
    """Return the fields of a table's rows, in the order they first come."""
    columns: dict[str, None] = {}
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict):
            columns.update(dict.fromkeys(str(key) for key in row))
    return list(columns)


def _is_number_or_empty(value: Any) -> bool:
    return value is None or (isinstance(value, int | float) and not isinstance(value, bool))


def _previous_shown(previous: Any, spec: dict[str, Any]) -> str:
    """Return last period's value as the figure prints (in 万 or 亿 when it is), or nothing."""
    if not isinstance(previous, int | float) or isinstance(previous, bool):
        return ""
    scale, precision = spec.get("scale"), spec.get("precision")
    try:
        return amount(previous, scale, precision if isinstance(precision, int) else 0)
    except (ValueError, ArithmeticError):
        return _number_shown(previous)


def _number_shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
