"""List the fields a template needs, nested, with their kind and where the data gives them.

The shapes come from how the template uses each name (see :mod:`reportgen.template.shapes`):
a list of records, a figure, a date, text. Each is described as report.yaml writes it, the way
``reportgen new-data`` writes it: ``work_items: a list, each item with no, title, text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.errors import TemplateError
from reportgen.i18n import Message, display_width, text_of
from reportgen.template.messages import (
    FIELDS_ALSO,
    FIELDS_HEADER,
    FIELDS_NONE,
    IN_EACH_ITEM,
    IN_FIELDS,
    KIND_COLUMN,
    KIND_NAMES,
    KIND_ROW,
    MADE_FROM,
    WHERE,
    WHERE_COLUMN,
    WHERE_ROW,
)
from reportgen.template.shapes import (
    FIGURE,
    FIGURES,
    NUMBER_KIND,
    PERIOD,
    SECTION,
    YEAR,
    Shape,
    row_columns,
    shapes_of,
)
from reportgen.template.usage import Use


@dataclass(frozen=True)
class TemplateField:
    """One field a template uses: its dotted path, nesting depth, kind and where it is written."""

    path: str
    name: str
    depth: int
    kind: Message
    source: Message
    shape: Shape


def template_shapes(path: Path) -> dict[str, Shape]:
    """Return the names the template at ``path`` uses, each with its shape.

    Raise TemplateError if the template has problems that hide its fields.
    """
    return shapes_of(_uses(path))


def _uses(path: Path) -> list[Use]:
    """Return how the template at ``path`` uses each name; TemplateError if it cannot tell."""
    from reportgen.template.checks import lint_template
    from reportgen.template.compiled import CompiledTemplate

    problems, _ = lint_template(path)
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors:
        raise TemplateError(errors)
    return CompiledTemplate(path).uses()


def template_fields(path: Path) -> list[TemplateField]:
    """Return every field the template at ``path`` uses, parents before their members.

    The columns of a batch's table it prints (``row.name``) come last, under ``row``.
    """
    uses = _uses(path)
    fields: list[TemplateField] = []
    for shape in shapes_of(uses).values():
        _walk(shape, [], None, fields)
    columns = row_columns(uses)
    if columns:
        fields.append(TemplateField("row", "row", 0, KIND_ROW(), WHERE_ROW(), Shape("row")))
    for column in columns:
        where = WHERE_COLUMN(column=column)
        fields.append(
            TemplateField(f"row.{column}", column, 1, KIND_COLUMN(), where, Shape(column))
        )
    return fields


def describe(shape: Shape, key: str) -> Message:
    """Return where and how report.yaml writes ``shape``, found under ``key``."""
    kind = shape.kind
    if kind == SECTION:
        return WHERE[SECTION](key=key)
    members = _members(shape)
    if kind in (FIGURE, FIGURES):
        also = FIELDS_ALSO(fields=members) if members else ""
        return WHERE[kind](key=key, fields=also)
    return WHERE[kind](key=key, fields=members)


def field_lines(path: Path, fields: list[TemplateField]) -> list[str]:
    """Return the fields as the lines ``reportgen fields`` prints: name, kind, where to write it.

    The columns line up on a terminal, where a Chinese character fills two columns.
    """
    if not fields:
        return [str(FIELDS_NONE(path=path))]
    names = ["  " * field.depth + field.name for field in fields]
    kinds = [str(field.kind) for field in fields]
    name_width = max(display_width(name) for name in names)
    kind_width = max(display_width(kind) for kind in kinds)
    lines = [str(FIELDS_HEADER(path=path))]
    for name, kind, field in zip(names, kinds, fields, strict=True):
        lines.append(
            f"  {_padded(name, name_width)}  {_padded(kind, kind_width)}  {text_of(field.source)}"
        )
    return lines


def _padded(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _walk(shape: Shape, steps: list[str], parent: Shape | None, out: list[TemplateField]) -> None:
    shown = shape.name + ("[]" if shape.items is not None else "")
    kind, where = _kind_and_where(shape, parent)
    out.append(TemplateField(".".join([*steps, shown]), shown, len(steps), kind, where, shape))
    if shape.kind == SECTION:
        # -- what reportgen makes from the section: the section is what to write --
        for member in shape.fields.values():
            path = ".".join([*steps, shown, member.name])
            made = MADE_FROM(section=shape.name)
            out.append(TemplateField(path, member.name, len(steps) + 1, kind, made, member))
        return
    inner = shape.items if shape.items is not None else shape
    for member in inner.fields.values():
        _walk(member, [*steps, shown], shape, out)


def _kind_and_where(shape: Shape, parent: Shape | None) -> tuple[Message, Message]:
    if parent is not None and parent.kind == PERIOD:
        return KIND_NAMES[YEAR](), WHERE[YEAR](key=shape.name)
    kind = shape.kind
    if parent is not None and parent.kind in (FIGURE, FIGURES) and shape.name in _FIGURE_NUMBERS:
        kind = NUMBER_KIND
    where = WHERE[kind](key=shape.name) if kind == NUMBER_KIND else describe(shape, shape.name)
    if parent is not None and parent.items is not None:
        where = IN_EACH_ITEM(where=where)
    elif parent is not None:
        where = IN_FIELDS(parent=parent.name, where=where)
    return KIND_NAMES[kind](), where


def _members(shape: Shape) -> list[str]:
    inner = shape.items if shape.items is not None else shape
    if shape.kind in (FIGURE, FIGURES):
        return [name for name in inner.fields if name != "value"]  # -- value: written apart --
    return list(inner.fields)


#: What a figure holds that is a number.
_FIGURE_NUMBERS = {"value", "previous"}
