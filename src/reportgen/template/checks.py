"""Static checks of a template, alone and against the data it will receive.

The syntax and structure of a template (unclosed or stray blocks, ``{%tr %}``
and ``{%p %}`` prefixes that do not match, unknown filters, tags Word split in
ways docxtpl cannot join) are checked by docxtpl-lint, which reads the .docx
itself and reports every problem with its part and paragraph. reportgen adds
three things: every ``{{ … }}`` is also parsed on its own, so that a syntax
error or an unknown filter in one tag is reported even when another error
stops docxtpl-lint's parse of the whole part; places are named the way
:mod:`reportgen.places` names them everywhere; and every name the template
prints is looked up in the report's real data.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from reportgen.errors import Problem, TemplateError, WorkspaceError, did_you_mean
from reportgen.i18n import Message
from reportgen.ooxml.messages import PART_NOT_XML
from reportgen.ooxml.places import cell_of, paragraph_places, part_label, part_name
from reportgen.template.compiled import TEMPLATED_PART
from reportgen.template.messages import (
    TEMPLATE_NOT_FOUND,
    TEMPLATE_SIMILAR,
    TEMPLATES_AVAILABLE,
    TEMPLATES_FOLDER_MISSING,
    TEMPLATES_NONE,
)
from reportgen.text.environment import make_environment

if TYPE_CHECKING:
    from reportgen.data.outline import ReportOutline

# Rules about data are answered by reportgen with the real context (below);
# docxtpl-lint's own data rules need a plain dict, which our figures are not.
_IGNORED_RULES = ("DTL3",)

_PRINT_TAG = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_DOCXTPL_PREFIX = re.compile(r"^\{\{(-?)(?:r|p) ")


class _Template:
    """The parts of a template that can hold tags, and the place of each paragraph in them."""

    def __init__(self, path: Path) -> None:
        from lxml import etree

        from reportgen.ooxml.package import Package

        self.path = path
        try:
            package = Package.read(path)
        except WorkspaceError as err:
            raise TemplateError([unreadable_template(err, path)]) from err
        self.parts = {
            name: blob for name, blob in package.parts.items() if TEMPLATED_PART.fullmatch(name)
        }
        self.places: dict[str, list[tuple[str, str]]] = {}
        for name, blob in self.parts.items():
            try:
                self.places[name] = paragraph_places(blob)
            except etree.XMLSyntaxError as err:
                problem = Problem(PART_NOT_XML(part=name, error=err.msg), file=path)
                raise TemplateError([problem]) from err

    def where(self, name: str, paragraph: int) -> str:
        """Return "body, paragraph 4" for the ``paragraph``-th paragraph of part ``name``."""
        label = part_label(name)
        places = self.places.get(name, [])
        if 0 < paragraph <= len(places):
            return f"{label}, {places[paragraph - 1][0]}"
        return label

    def paragraphs(self) -> Iterator[tuple[str, str]]:
        """Yield ``(where, text)`` for every paragraph of every part that can hold tags."""
        for name, places in self.places.items():
            for place, text in places:
                yield f"{part_label(name)}, {place}", text


def lint_template(path: Path) -> tuple[list[Problem], list[str]]:
    """Return every problem in the template at ``path``, and the dotted names it prints.

    Raise TemplateError when the file is not a .docx that can be read at all.
    """
    from docxtpl_lint import lint

    template = _Template(path)
    environment = make_environment(for_docx=True)
    try:
        result = lint(path, jinja_env=environment, autoescape=True, ignore=_IGNORED_RULES)
    except RecursionError:
        # A tag nested hundreds deep overflows Jinja's parser; parsed alone, each tag says which.
        deep = _check_print_tags(template, environment, set())
        return deep or [Problem(f"a tag is {_TOO_DEEP}", file=path)], []
    problems: list[Problem] = []
    reported: set[tuple[str, str]] = set()
    for issue in result.errors:
        where = template.where(part_name(issue.location.part), issue.location.paragraph)
        snippet = issue.snippet.strip()
        reported.add((where, snippet))
        message = _message(issue, template, environment)
        problems.append(
            Problem(message + (f": {_short(snippet)}" if snippet else ""), file=path, where=where)
        )
    problems.extend(_check_print_tags(template, environment, reported))
    problems.extend(_check_block_levels(template))
    return problems, list(result.variables)


def _message(issue: Any, template: _Template, environment: ImmutableSandboxedEnvironment) -> str:
    """Return docxtpl-lint's message, reworded where it speaks of its own command line."""
    params = issue.params
    if issue.rule == "DTL103":
        return f"Jinja syntax error: {str(params['msg']).rstrip('.')}"
    if issue.rule == "DTL104":
        return _unknown("filter", params["name"], environment.filters)
    if issue.rule == "DTL105":
        return _unknown("test", params["name"], environment.tests)
    if issue.rule == "DTL204":
        opened = template.where(part_name(params["_open_part"]), params["_open_paragraph"])
        return (
            f"{params['close_raw']} has {_prefix(params['close_prefix'])} but closes "
            f"{params['open_raw']} ({opened}), which has {_prefix(params['open_prefix'])}: "
            "docxtpl would remove the row or paragraph of only one of them; give both the "
            "same prefix ({%tr …%} for table rows, {%p …%} for paragraphs)"
        )
    return str(issue.message)


def _prefix(prefix: str) -> str:
    return "no prefix" if prefix in ("", "-") else f"the prefix '{prefix}'"


def _unknown(kind: str, name: str, known: Mapping[str, Any]) -> str:
    return f"unknown {kind} '{name}'{did_you_mean(name, known)}"


def _check_print_tags(
    template: _Template,
    environment: ImmutableSandboxedEnvironment,
    reported: set[tuple[str, str]],
) -> list[Problem]:
    """Parse every ``{{ … }}`` on its own; return its syntax error or unknown filters.

    docxtpl-lint parses a part as a whole, so it stops at the first syntax error
    and skips filters when blocks do not balance; one tag at a time finds the rest.
    """
    problems = []
    for where, text in template.paragraphs():
        for match in _PRINT_TAG.finditer(text):
            tag = match.group()
            if (where, tag.strip()) in reported:
                continue
            source = _DOCXTPL_PREFIX.sub(r"{{\1 ", tag).translate(_PLAIN_QUOTES)
            try:
                tree = environment.parse(source)
            except TemplateSyntaxError as err:
                message = f"Jinja syntax error: {(err.message or '').rstrip('.')}"
            except RecursionError:
                message = f"the tag is {_TOO_DEEP}"
            else:
                findings = [
                    _unknown("filter", node.name, environment.filters)
                    for node in tree.find_all(nodes.Filter)
                    if node.name not in environment.filters
                ] + [
                    _unknown("test", node.name, environment.tests)
                    for node in tree.find_all(nodes.Test)
                    if node.name not in environment.tests
                ]
                private = [
                    node.attr for node in tree.find_all(nodes.Getattr) if node.attr.startswith("_")
                ]
                if private:
                    # The sandbox refuses these when rendering; saying so here names the tag.
                    findings.append(
                        f"not allowed: '{private[-1]}' reaches into Python, not into the data"
                    )
                if not findings:
                    continue
                message = "; ".join(findings)
            problems.append(Problem(f"{message}: {_short(tag)}", file=template.path, where=where))
    return problems


_TOO_DEEP = "nested too deeply to read (hundreds of brackets?)"

# Word types smart quotes; docxtpl reads them inside tags as plain ones.
_PLAIN_QUOTES = str.maketrans("“”‘’", "\"\"''")

_BLOCK_TAG = re.compile(r"\{%-?(p|tr|tc|r)?\s+(\w+)(.*?)-?%\}", re.DOTALL)
_BLOCKS = {"if", "for", "with", "macro", "call", "filter", "block", "autoescape"}


def _check_block_levels(template: _Template) -> list[Problem]:
    """Return a problem for each block that opens and closes in different table cells.

    A block without a prefix, or with ``{%p %}``, removes or repeats everything between its
    tags. Opened outside a table and closed inside one (or in another cell), it cuts through
    the table: docxtpl renders it without an error, and rows, cells or the whole table are
    gone. docxtpl-lint checks ``{%tr %}`` and ``{%tc %}`` blocks, not these.
    """
    problems = []
    for name, places in template.places.items():
        label = part_label(name)
        stack: list[tuple[str, str, str, str, str]] = []  # keyword, prefix, cell, where, tag
        for place, text in places:
            cell = cell_of(place)
            for match in _BLOCK_TAG.finditer(text.translate(_PLAIN_QUOTES)):
                prefix, keyword = match.group(1) or "", match.group(2)
                where, tag = f"{label}, {place}", match.group()
                if keyword in _BLOCKS:
                    stack.append((keyword, prefix, cell, where, tag))
                    continue
                if not keyword.startswith("end") or keyword[3:] not in _BLOCKS:
                    continue
                if not stack or stack[-1][0] != keyword[3:]:
                    break  # unbalanced: docxtpl-lint reports it
                _, opening_prefix, opening_cell, opening_where, opening_tag = stack.pop()
                if {prefix, opening_prefix} <= {"", "p"} and cell != opening_cell:
                    problems.append(
                        Problem(
                            f"{tag} closes {opening_tag}, which opens in {opening_where}: a "
                            "block that opens and closes in different table cells, or on "
                            "either side of a table's edge, cuts the table apart when rendered "
                            "and rows or cells are lost; open and close it in the same cell, or "
                            "both outside the table ({%tr %} repeats rows)",
                            file=template.path,
                            where=where,
                        )
                    )
            else:
                continue
            break  # an unbalanced part is not checked further
    return problems


def check_variables(path: Path, variables: list[str], context: Mapping[str, Any]) -> list[Problem]:
    """Return a problem for each name the template prints that ``context`` lacks.

    Each problem names the paragraph or table cell of the first tag that uses
    the name, and the name the data has that comes closest to it.
    """
    problems: list[Problem] = []
    seen: set[str] = set()
    template: _Template | None = None
    for variable in variables:
        missing = _follow(context, variable.split("."), [])
        if missing is None or missing.path in seen:
            continue
        seen.add(missing.path)
        if template is None:
            template = _Template(path)  # read again only when there is something to place
        if _is_guarded(template, missing):
            continue  # optional: rendering, which is strict, still stops on an unguarded use
        where, tag = _find_use(template, missing)
        problems.append(
            Problem(missing.message() + (f": {_short(tag)}" if tag else ""), file=path, where=where)
        )
    return problems


def _is_guarded(template: _Template, missing: _Missing) -> bool:
    """Return True when a tag tests the name with ``is defined`` or gives it a ``default``."""
    name = re.escape(missing.name)
    guard = re.compile(
        rf"(?<!\w){name}\s+is\s+(?:not\s+)?(?:un)?defined\b|(?<!\w){name}\s*\|\s*(?:default|d)\b"
    )
    return any(guard.search(text) for _, text in template.paragraphs())


class _Missing:
    """A step of a dotted name that the data does not have, and what it has there instead."""

    def __init__(self, done: list[str], name: str, known: list[str]) -> None:
        self.done = done
        self.name = name
        self.known = known
        self.path = ".".join([*done, name])

    def message(self) -> str:
        suggestion = did_you_mean(self.name, self.known)
        if not self.done:
            return f"the data has no '{self.name}'{suggestion}"
        owner = ".".join(self.done)
        if owner.endswith("[]"):
            return f"the items of '{owner[:-2]}' have no '{self.name}'{suggestion}"
        return f"'{owner}' has no '{self.name}'{suggestion}"


def _follow(node: Any, steps: list[str], done: list[str]) -> _Missing | None:
    """Return the first of ``steps`` that ``node`` lacks, or None.

    docxtpl-lint writes a loop over a list as ``parts[].lead``: every item of
    ``parts`` must then have a ``lead``.
    """
    if not steps:
        return None
    step, rest = steps[0], steps[1:]
    name = step.removesuffix("[]")
    try:
        child = node[name] if isinstance(node, Mapping) else getattr(node, name)
    except (KeyError, AttributeError, TypeError):
        return _Missing(done, name, _names_in(node))
    if not step.endswith("[]"):
        return _follow(child, rest, [*done, name])
    if isinstance(child, str) or not hasattr(child, "__iter__"):
        return None  # not a list: Jinja will say so when it renders
    for item in child:
        missing = _follow(item, rest, [*done, step])
        if missing is not None:
            return missing
    return None


def _names_in(node: Any) -> list[str]:
    if isinstance(node, Mapping):
        return [str(key) for key in node]
    names = getattr(node, "names", None)  # a Group of figures
    if callable(names):
        return [str(name) for name in names()]
    return [name for name in dir(node) if not name.startswith("_")]


def _find_use(template: _Template, missing: _Missing) -> tuple[str | None, str]:
    """Return the place and text of the first tag that uses the missing name."""
    name = re.escape(missing.name)
    if missing.done:
        pattern = re.compile(rf"\.\s*{name}(?!\w)|\[\s*['\"]{name}['\"]\s*\]")
    else:
        pattern = re.compile(rf"(?<![\w.]){name}(?!\w)")
    for where, text in template.paragraphs():
        for match in re.finditer(r"\{\{.*?\}\}|\{%.*?%\}", text, re.DOTALL):
            if pattern.search(match.group()):
                return where, match.group()
    return None, ""


def _short(tag: str, limit: int = 80) -> str:
    """Return ``tag`` whole, or its start and end when it is longer than ``limit``."""
    return tag if len(tag) <= limit else f"{tag[: limit - 20]}…{tag[-19:]}"


def unreadable_template(err: WorkspaceError, path: Path) -> Problem:
    """Return the problem of a template that cannot be read as a .docx."""
    return Problem(err.message, file=err.path or path)


def missing_template(outline: ReportOutline, name: str, templates_dir: Path) -> Problem:
    """Return the problem of a report whose ``template:`` names no file in ``templates_dir``."""
    detail: Message
    if not templates_dir.is_dir():
        detail = TEMPLATES_FOLDER_MISSING(folder=templates_dir)
    else:
        available = sorted(path.name for path in templates_dir.glob("*.docx") if path.is_file())
        hint = difflib.get_close_matches(name, available, n=1)
        if hint:
            detail = TEMPLATE_SIMILAR(name=hint[0])
        elif available:
            detail = TEMPLATES_AVAILABLE(names=available)
        else:
            detail = TEMPLATES_NONE()
    message = TEMPLATE_NOT_FOUND(name=name, folder=templates_dir, detail=detail)
    return outline.problem(message, ("template",), "report.template")
