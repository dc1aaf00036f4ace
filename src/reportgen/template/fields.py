"""List the fields a template needs, nested, with their kind and where the data gives them.

docxtpl-lint infers the shape of the data from the template's tags (``parts[].lead``: the
``lead`` of every item of the list ``parts``). reportgen knows what its context holds (the
report's facts, its parts, figures and lists), so each field is also named by kind and by the
file and key a department writes it in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.errors import TemplateError
from reportgen.i18n import Message, display_width, text_of
from reportgen.template.messages import (
    FIELDS_HEADER,
    FIELDS_NONE,
    KIND_ATTACHMENT,
    KIND_BY_YEAR,
    KIND_COMPUTED,
    KIND_DATE,
    KIND_FIGURE,
    KIND_FIGURE_OR_TEXT,
    KIND_GROUP,
    KIND_IMPRINT,
    KIND_LETTERHEAD,
    KIND_LISTS,
    KIND_NUMBER,
    KIND_OFFICIAL,
    KIND_PART,
    KIND_PARTS,
    KIND_PERCENT,
    KIND_PERIOD,
    KIND_REPORT,
    KIND_ROWS,
    KIND_SIGNATURE,
    KIND_TEXT,
    KIND_TEXTS,
    KIND_YEAR,
    KIND_YEARS,
    SOURCE_ATTACHMENT,
    SOURCE_ATTACHMENT_ROWS,
    SOURCE_CHANGE,
    SOURCE_DATE,
    SOURCE_FROM_PERIOD,
    SOURCE_KEY,
    SOURCE_OFFICIAL,
    SOURCE_OR,
    SOURCE_PART_FIGURES,
    SOURCE_PART_FILE,
    SOURCE_PART_NAME,
    SOURCE_PARTS,
    SOURCE_PERIOD_LENGTH,
    SOURCE_PREVIOUS,
    SOURCE_ROW_FIGURE,
    SOURCE_SAME_FILE,
)

#: What a field holds, and where the data gives it: the file and key, or how it is made.
_Described = tuple[Message, Message | str]

#: Fields of report.yaml that the context gives by name, at the top and under ``report``.
_FACTS: dict[str, _Described] = {
    "organisation": (KIND_TEXT(), "report.yaml: organisation"),
    "title": (KIND_TEXT(), "report.yaml: title"),
    "period": (KIND_PERIOD(), "report.yaml: period"),
    "date": (KIND_DATE(), SOURCE_DATE()),
}
_PERIOD: dict[str, _Described] = {
    "start": (KIND_YEAR(), "report.yaml: period.start"),
    "end": (KIND_YEAR(), "report.yaml: period.end"),
    "years": (KIND_YEARS(), SOURCE_FROM_PERIOD()),
    "length": (KIND_NUMBER(), SOURCE_PERIOD_LENGTH()),
}
_PART: dict[str, _Described] = {
    "name": (KIND_TEXT(), SOURCE_PART_NAME()),
    "lead": (KIND_TEXT(), "<part>.yaml: lead"),
    "paragraphs": (KIND_TEXTS(), "<part>.yaml: paragraphs"),
    "figures": (KIND_GROUP(), SOURCE_PART_FIGURES()),
    "lists": (KIND_LISTS(), "<part>.yaml: lists"),
}
_FIGURE: dict[str, _Described] = {
    "value": (KIND_NUMBER(), "figures: …: value"),
    "previous": (KIND_NUMBER(), SOURCE_PREVIOUS()),
    "change": (KIND_PERCENT(), SOURCE_CHANGE()),
    "label": (KIND_TEXT(), "figures: …: label"),
    "unit": (KIND_TEXT(), "figures: …: unit"),
    "by_year": (KIND_BY_YEAR(), "figures: …: by_year"),
}
#: Fields at the top of the context with a kind and source of their own: (kind, source, role).
_TOP: dict[str, tuple[Message, Message | str, str]] = {
    "report": (KIND_REPORT(), "report.yaml", "report"),
    "opening": (KIND_TEXTS(), "report.yaml: opening", "leaf"),
    "attachment": (KIND_ATTACHMENT(), SOURCE_ATTACHMENT(), "attachment"),
    "official": (KIND_OFFICIAL(), SOURCE_OFFICIAL(), "official"),
}
#: The parts of a 公文 the template prints, made from report.yaml's official: section.
_OFFICIAL: dict[str, _Described] = {
    "letterhead": (KIND_LETTERHEAD(), "report.yaml: official: mark, number, signers"),
    "addressee": (KIND_TEXT(), "report.yaml: official: addressee"),
    "signature": (KIND_SIGNATURE(), "report.yaml: official: signature, seal; date"),
    "imprint": (KIND_IMPRINT(), "report.yaml: official: imprint"),
}


@dataclass(frozen=True)
class TemplateField:
    """One field a template uses: its dotted path, nesting depth, kind and where it is written."""

    path: str
    name: str
    depth: int
    kind: Message
    source: Message | str


def template_fields(path: Path) -> list[TemplateField]:
    """Return every field the template at ``path`` uses, parents before their members.

    Raise TemplateError if the template has problems that hide its fields.
    """
    from docxtpl_lint import infer_schema

    from reportgen.template.checks import lint_template

    problems, _ = lint_template(path)
    if problems:
        raise TemplateError(problems)
    schema = infer_schema([path])
    fields: list[TemplateField] = []
    _walk(schema, [], "root", fields)
    return fields


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


def _walk(schema: dict[str, Any], steps: list[str], role: str, out: list[TemplateField]) -> None:
    for name, member in schema.get("properties", {}).items():
        is_list = member.get("type") == "array"
        shown = name + ("[]" if is_list else "")
        inner = member.get("items", {}) if is_list else member
        members = set(inner.get("properties", {}))
        kind, source, member_role = _describe(role, name, is_list, members, inner)
        out.append(TemplateField(".".join([*steps, shown]), shown, len(steps), kind, source))
        _walk(inner, [*steps, shown], member_role, out)


def _describe(
    role: str, name: str, is_list: bool, members: set[str], inner: dict[str, Any]
) -> tuple[Message, Message | str, str]:
    """Return the kind of field ``name`` in a field of ``role``, its source, and its own role."""
    known = _known(role, name, is_list)
    if known is not None:
        return known
    # -- any other name is a figure, a group of figures, a list, or (at the top) a part --
    where: Message | str = {
        "root": "report.yaml",
        "report": "report.yaml",
        "part": "<part>.yaml",
    }.get(role, SOURCE_SAME_FILE())
    figures = SOURCE_KEY(file=where, section="figures", name=name)
    if role == "root" and members & {"lead", "paragraphs"}:
        return KIND_PART(), SOURCE_PART_FILE(name=name), "part"
    figure_members = bool(members) and members <= set(_FIGURE)
    if is_list and figure_members:
        return KIND_GROUP(), figures, "figure"
    if is_list:
        lists = SOURCE_KEY(file=where, section="lists", name=name)
        return KIND_TEXTS(), SOURCE_OR(source=lists, other="figures:"), "leaf"
    if figure_members:
        return KIND_FIGURE(), figures, "figure"
    if members:
        return KIND_GROUP(), figures, "figures"
    kind = KIND_NUMBER() if inner.get("type") == "number" else KIND_FIGURE_OR_TEXT()
    return kind, SOURCE_OR(source=figures, other="lists:"), "leaf"


def _known(role: str, name: str, is_list: bool) -> tuple[Message, Message | str, str] | None:
    """Return the kind, source and role of a field reportgen itself gives, or None."""
    if role in ("root", "report") and name in _FACTS:
        kind, source = _FACTS[name]
        return kind, source, name if name == "period" else "leaf"
    if role == "root" and name in _TOP:
        return _TOP[name]
    if role == "root" and name == "parts" and is_list:
        return KIND_PARTS(), SOURCE_PARTS(), "part"
    if role == "official":
        kind, source = _OFFICIAL.get(name, (KIND_COMPUTED(), "report.yaml: official"))
        return kind, source, "leaf"
    if role == "attachment":
        if name == "rows":
            return KIND_ROWS(), SOURCE_ATTACHMENT_ROWS(), "row"
        return KIND_COMPUTED(), "report.yaml: attachment", "leaf"
    if role == "row":
        return KIND_COMPUTED(), SOURCE_ROW_FIGURE(), "leaf"
    tables = {"period": _PERIOD, "figure": _FIGURE, "part": _PART}
    if role in tables and name in tables[role]:
        kind, source = tables[role][name]
        return kind, source, "figures" if (role, name) == ("part", "figures") else "leaf"
    return None
