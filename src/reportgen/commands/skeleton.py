"""Write a report's data from its template: every field it uses, in the shape it uses it.

A department drops its .docx into templates/ and runs ``reportgen new-data TEMPLATE NAME``;
data/NAME/report.yaml then holds each field the template prints, loops over or counts with,
in that shape (``{%p for item in work_items %}`` with ``{{ item.title }}`` → a list of records
with ``title``), each commented in Chinese with where the document prints it, and each holding
the placeholder 【待填写】. The report renders at once, showing 【待填写】 where a field is still
to write, and ``reportgen check`` lists each one until it is filled.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.commands.messages import DATA_FOLDER_TAKEN, TEMPLATE_FILE_TAKEN
from reportgen.commands.starter import check_report_name, commented
from reportgen.data.namespace import REPORT_FIELDS
from reportgen.data.report import REPORT_FILE
from reportgen.errors import AlreadyExistsError, OutputError
from reportgen.files import write_folder_atomically
from reportgen.messages import CANNOT_WRITE_FILE, os_reason
from reportgen.template.shapes import (
    DATE,
    FIGURE,
    FIGURES,
    NUMBER_KIND,
    PAIRS,
    PERIOD,
    RECORD,
    RECORDS,
    SECTION,
    TEXTS,
    YES_NO,
    Shape,
    row_columns,
)
from reportgen.text.printing import PENDING
from reportgen.workspace import Workspace, existing_as_windows_sees

if TYPE_CHECKING:
    from reportgen.template.compiled import CompiledTemplate

#: The name a group of figures' first figure is given; a clerk copies it for more.
FIRST_FIGURE = "项目1"
_KIND_WORDS = {
    DATE: "日期，写作 2024年1月15日",
    NUMBER_KIND: "数字",
    YES_NO: "是或否，写 true 或 false",
    PAIRS: "名称和值，每行一个“名称: 值”（复制可增加）",
    FIGURE: "数字",
    TEXTS: "列表，每行一项",
    RECORDS: "列表，每项一条（复制可增加）",
    RECORD: "一组字段",
    FIGURES: "一组数字，每项一个",
}
#: What each place of a template is called in Chinese.


@dataclass(frozen=True)
class NewData:
    """What ``new-data`` made: the report's folder, its data file, and the fields to fill."""

    name: str
    directory: Path
    template: Path
    files: list[Path]
    placeholders: int


def write_new_data(
    workspace: Workspace, template: str, name: str, *, today: dt.date | None = None
) -> NewData:
    """Write data/``name``/report.yaml for ``template``, every field it uses to fill in.

    ``template`` names a .docx in the templates folder, or a path to one elsewhere, which is
    copied into the templates folder. Nothing is written if the folder exists.
    """
    from reportgen.template.compiled import CompiledTemplate
    from reportgen.template.fields import template_shapes

    check_report_name(name)
    path = workspace.find_template(template)
    folder = workspace.data_dir / name
    taken = existing_as_windows_sees(folder)
    if taken is not None:
        raise AlreadyExistsError(DATA_FOLDER_TAKEN(), path=taken)
    shapes = template_shapes(path)
    compiled = CompiledTemplate(path)
    writer = _Writer(compiled, (today or dt.date.today()).year)
    text = writer.report_yaml(path.name, shapes)
    contents: dict[str, str | bytes] = {REPORT_FILE: text}
    columns = row_columns(compiled.uses())
    if columns:  # -- a certificate for each winner: the table of rows, to fill in --
        text += commented(_batch_lines(columns))
        contents = {REPORT_FILE: text, ROWS_FILE: _rows_table(columns)}
    target = _into_templates(workspace, path)
    files = write_folder_atomically(folder, contents)
    count = sum(line.split("#", 1)[0].count(PENDING) for line in text.splitlines())
    return NewData(name, folder, target, files, count)


def _into_templates(workspace: Workspace, path: Path) -> Path:
    """Return the template's place in the templates folder, copying it there if it is elsewhere."""
    target = workspace.template_path(path.name)
    if target.resolve() == path.resolve():
        return target
    taken = existing_as_windows_sees(target)
    if taken is not None:
        raise AlreadyExistsError(TEMPLATE_FILE_TAKEN(), path=taken)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    except OSError as err:
        raise OutputError(CANNOT_WRITE_FILE(reason=os_reason(err)), path=target) from err
    return target


class _Writer:
    """Writes the lines of report.yaml, each field with a comment saying where it is printed."""

    def __init__(self, template: CompiledTemplate, year: int) -> None:
        self.template = template
        self.year = year

    def report_yaml(self, template: str, shapes: dict[str, Shape]) -> str:
        lines: list[tuple[str, str]] = [
            ("# yaml-language-server: $schema=../../schemas/report.schema.json", ""),
            (f"# 《{template}》的数据，由 reportgen new-data 按模板用到的字段写出。", ""),
            ("# 把每个【待填写】改成实际内容：reportgen check 会逐条列出还没填的，", ""),
            ("# reportgen render 随时可生成文档（没填的地方印作【待填写】）。", ""),
            (f"template: {template}", "使用的模板（templates 文件夹中）"),
        ]
        figures = [shape for shape in shapes.values() if shape.kind in (FIGURE, FIGURES)]
        for shape in shapes.values():
            if shape not in figures and shape.kind != SECTION:  # -- attachment: optional --
                lines += self.field(shape, "")
        lines += _signing_facts(shapes)
        if figures:
            lines.append(("figures:", "数字：每个数字写 value，印出时按数据中的写法"))
            for shape in figures:
                lines += self.figure(shape, "  ")
        return commented(tuple(lines))

    def field(self, shape: Shape, indent: str, first: str = "") -> list[tuple[str, str]]:
        """Return the lines of ``shape`` at ``indent``; ``first`` starts its first line (``- ``)."""
        lead = indent + first
        inner = indent + " " * len(first)
        kind = shape.kind
        if kind == PERIOD:
            lines = [(f"{lead}{shape.name}:", "汇报周期（年份），请核对")]
            return lines + [(f"{inner}  {end}: {self.year}", "") for end in ("start", "end")]
        if kind == TEXTS:
            item = shape.items or shape
            return [
                (f"{lead}{shape.name}:", self.note(shape)),
                (f"{inner}  - {PENDING}", self.where(item)),
            ]
        if kind == PAIRS:
            return [
                (f"{lead}{shape.name}:", self.note(shape)),
                (f"{inner}  名称: {PENDING}", ""),
            ]
        if kind in (RECORDS, RECORD):
            members = (shape.items or shape).fields.values()
            lines = [(f"{lead}{shape.name}:", self.note(shape))]
            for index, member in enumerate(members):
                marker = "- " if kind == RECORDS and index == 0 else ""
                pad = "  " if kind == RECORDS and index else ""
                lines += self.field(member, f"{inner}  {pad}", marker)
            own = shape.name not in REPORT_FIELDS  # -- figures: {rows: …} would be reportgen's
            if kind == RECORDS and not lead and own and self.in_table(shape):
                # -- a 名单 printed as a table is often kept in Excel already: say how to name it --
                lines += _kept_in_a_sheet(shape.name)
            return lines
        return [(f"{lead}{shape.name}: {PENDING}", self.note(shape))]

    def figure(self, shape: Shape, indent: str) -> list[tuple[str, str]]:
        if shape.kind == FIGURES:
            items = shape.items or shape
            note = self.note(shape) + f"；复制“{FIRST_FIGURE}”可增加一项"
            first = Shape(FIRST_FIGURE, items.places, items.hows, items.fields)
            return [(f"{indent}{shape.name}:", note), *self.figure(first, indent + "  ")]
        lines = [(f"{indent}{shape.name}:", self.note(shape))]
        members = [name for name in shape.fields if name in ("label", "unit", "previous")]
        lines.append((f"{indent}  value: {PENDING}", "数值"))
        for name in members:
            lines.append((f"{indent}  {name}: {PENDING}", _FIGURE_WORDS[name]))
        return lines

    def note(self, shape: Shape) -> str:
        """Return the comment of ``shape``: what kind of value, and where it is printed."""
        words = _KIND_WORDS.get(shape.kind, "")
        if shape.kind in (TEXTS, RECORDS, FIGURES):
            first = next(self.places(shape.items or shape, deep=True), None)
            where = f"印在{first}起" if first else ""
        elif shape.kind == RECORD:
            where = ""  # -- each of its fields says where it is printed --
        else:
            where = self.where(shape)
        return "，".join(part for part in (words, where) if part)

    def where(self, shape: Shape) -> str:
        places = list(dict.fromkeys(self.places(shape)))
        if not places:
            return ""
        shown = "、".join(places[:3]) + ("等处" if len(places) > 3 else "")
        # -- a condition is not printed: it decides what its paragraphs print --
        return f"用在{shown}的条件中" if shape.kind == YES_NO else f"印在{shown}"

    def in_table(self, shape: Shape) -> bool:
        """Return whether the items of ``shape``, a list, are printed in a table's cells."""
        for member in (shape.items or shape).fields.values():
            for part, line, written in member.places:
                where, tag = self.template.locate(part, line, written)
                if tag and getattr(where, "table", None) is not None:
                    return True
        return False

    def places(self, shape: Shape, *, deep: bool = False) -> Iterator[str]:
        """Yield where ``shape`` is printed; with ``deep``, where anything inside it is too."""
        for part, line, written in shape.places:
            where, tag = self.template.locate(part, line, written)
            if tag:  # -- a {%p for %} leaves no paragraph of its own to name --
                yield where.worded("zh")
        inner = [shape.items] if shape.items is not None else []
        if deep:
            inner += list(shape.fields.values()) + [
                member for item in inner for member in item.fields.values()
            ]
        elif shape.items is not None and not shape.items.fields:
            inner = [shape.items]
        else:
            inner = []
        for member in inner:
            yield from self.places(member, deep=deep)


def _kept_in_a_sheet(name: str) -> list[tuple[str, str]]:
    """Return the comment lines saying how list ``name`` may name a workbook instead."""
    return [
        ("# 这份列表已在 Excel 中时，可把上面几行换成下面两行（去掉 #）：", ""),
        (f"#   {name}:", ""),
        (f"#     rows: {name}.xlsx    # 与 report.yaml 放在一起，第一行是列名", ""),
    ]


#: The table a template printing ``row.…`` is rendered from, one document a row.
ROWS_FILE = "名单.csv"


def _batch_lines(columns: list[str]) -> tuple[tuple[str, str], ...]:
    """Return the lines of the batch section of a template that prints a table's rows."""
    return (
        ("batch:", "名单中的每一行生成一份文档"),
        (f"  rows: {ROWS_FILE}", "名单，第一行是列名（也可换成 Excel 表）"),
        (f'  output: "{{row.{columns[0]}}}"', "每份文件的名称，用名单中的列，各行不能相同"),
    )


def _rows_table(columns: list[str]) -> bytes:
    """Return the table to fill: the columns the template prints, a row saying 【待填写】.

    A CSV with the BOM Excel looks for, so that it opens the Chinese as Chinese.
    """
    lines = [",".join(columns), ",".join(PENDING for _ in columns)]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def _signing_facts(shapes: dict[str, Shape]) -> list[tuple[str, str]]:
    """Return the lines of the facts a template's 公文 parts are made of, if it prints them.

    ``official.signature`` (the starter template's 落款) is the organisation and the date;
    without them it is empty, and a template printing it cannot render.
    """
    official = shapes.get("official")
    if official is None or not official.fields:
        return []
    facts = (("organisation", "署名单位，印在落款处"), ("date", "成文日期，印在落款处"))
    return [(f"{name}: {PENDING}", note) for name, note in facts if name not in shapes]


_FIGURE_WORDS = {
    "label": "简称，用于表格",
    "unit": "单位",
    "previous": "上一周期的数值",
}
