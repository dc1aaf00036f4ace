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

#: Fields of report.yaml that the context gives by name, at the top and under ``report``.
_FACTS = {
    "organisation": ("text", "report.yaml: organisation"),
    "title": ("text", "report.yaml: title"),
    "period": ("period", "report.yaml: period"),
    "date": ("date", "report.yaml: date (print it with | cn_date)"),
}
_PERIOD = {
    "start": ("year", "report.yaml: period.start"),
    "end": ("year", "report.yaml: period.end"),
    "years": ("list of years", "computed from period"),
    "length": ("number", "computed from period: how many years"),
}
_PART = {
    "name": ("text", "the part's file name, without .yaml"),
    "lead": ("text", "<part>.yaml: lead"),
    "paragraphs": ("list of text", "<part>.yaml: paragraphs"),
    "figures": ("group of figures", "<part>.yaml: figures and derived"),
    "lists": ("lists", "<part>.yaml: lists"),
}
_FIGURE = {
    "value": ("number", "figures: …: value"),
    "previous": ("number", "figures: …: previous (the previous period's value)"),
    "change": ("percentage", "computed from value and previous"),
    "label": ("text", "figures: …: label"),
    "unit": ("text", "figures: …: unit"),
    "by_year": ("number per year", "figures: …: by_year"),
}


@dataclass(frozen=True)
class TemplateField:
    """One field a template uses: its dotted path, nesting depth, kind and where it is written."""

    path: str
    name: str
    depth: int
    kind: str
    source: str


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
    """Return the fields as the lines ``reportgen fields`` prints: name, kind, where to write it."""
    if not fields:
        return [f"{path} uses no fields: it prints the same text every time"]
    names = ["  " * field.depth + field.name for field in fields]
    name_width = max(len(name) for name in names)
    kind_width = max(len(field.kind) for field in fields)
    lines = [f"{path} uses these fields:"]
    for name, field in zip(names, fields, strict=True):
        lines.append(f"  {name.ljust(name_width)}  {field.kind.ljust(kind_width)}  {field.source}")
    return lines


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
) -> tuple[str, str, str]:
    """Return the kind of field ``name`` in a field of ``role``, its source, and its own role."""
    known = _reportgen_field(role, name, is_list)
    if known is not None:
        return known
    # -- any other name is a figure, a group of figures, a list, or (at the top) a part --
    where = {
        "root": "report.yaml",
        "report": "report.yaml",
        "part": "<part>.yaml",
    }.get(role, "the same file")
    if role == "root" and members & {"lead", "paragraphs"}:
        return "part", f"{name}.yaml (listed in report.yaml: parts)", "part"
    if is_list:
        if members and members <= set(_FIGURE):
            return "group of figures", f"{where}: figures: {name}", "figure"
        return "list of text", f"{where}: lists: {name} (or figures:)", "leaf"
    if members and members <= set(_FIGURE):
        return "figure", f"{where}: figures: {name}", "figure"
    if members:
        return "group of figures", f"{where}: figures: {name}", "figures"
    kind = "number" if inner.get("type") == "number" else "figure or text"
    return kind, f"{where}: figures: {name} (or lists:)", "leaf"


#: The fields reportgen gives by role and name: (kind, source, role of the field's members).
_ROLES: dict[tuple[str, str], tuple[str, str, str]] = {
    **{("root", name): (*_FACTS[name], "leaf") for name in _FACTS},
    **{("report", name): (*_FACTS[name], "leaf") for name in _FACTS},
    ("root", "period"): (*_FACTS["period"], "period"),
    ("report", "period"): (*_FACTS["period"], "period"),
    ("root", "report"): ("the report", "report.yaml", "report"),
    ("root", "opening"): ("list of text", "report.yaml: opening", "leaf"),
    ("root", "attachment"): ("the attachment", "report.yaml: attachment (optional)", "attachment"),
    ("attachment", "rows"): (
        "list of rows",
        "report.yaml: attachment: figures (a row each)",
        "row",
    ),
    **{("period", name): (*_PERIOD[name], "leaf") for name in _PERIOD},
    **{("figure", name): (*_FIGURE[name], "leaf") for name in _FIGURE},
    **{("part", name): (*_PART[name], "leaf") for name in _PART},
    ("part", "figures"): (*_PART["figures"], "figures"),
}


def _reportgen_field(role: str, name: str, is_list: bool) -> tuple[str, str, str] | None:
    """Return what reportgen gives as ``name`` in a field of ``role``, or None if it is free."""
    if role == "root" and name == "parts" and is_list:
        return "list of parts", "report.yaml: parts (one <part>.yaml each)", "part"
    if (role, name) in _ROLES:
        return _ROLES[(role, name)]
    if role == "attachment":
        return "computed", "report.yaml: attachment", "leaf"
    if role == "row":
        return "computed", "the row's figure: by_year, value, previous", "leaf"
    return None
