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

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import TemplateSyntaxError, Undefined, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from reportgen.errors import Problem, TemplateError, WorkspaceError, did_you_mean
from reportgen.i18n import Message
from reportgen.ooxml.messages import PART_NOT_XML
from reportgen.ooxml.places import (
    Place,
    paragraph_containers,
    paragraph_places,
    part_name,
    part_place,
)
from reportgen.patterns import LazyPattern
from reportgen.template.compiled import TEMPLATED_PART
from reportgen.template.messages import (
    BLOCK_ACROSS_CELLS,
    BLOCK_ACROSS_CONTROLS,
    DATA_LACKS,
    FINDINGS,
    ITEMS_LACK,
    OWNER_LACKS,
    PRIVATE_NAME,
    TEMPLATE_NOT_FOUND,
    TEMPLATE_SIMILAR,
    TEMPLATES_AVAILABLE,
    TEMPLATES_FOLDER_MISSING,
    TEMPLATES_NONE,
    TOO_MANY_TAGS,
)
from reportgen.text.environment import make_environment
from reportgen.text.messages import NESTED_TOO_DEEP
from reportgen.text.printing import field_names

if TYPE_CHECKING:
    from reportgen.data.outline import ReportOutline
    from reportgen.ooxml.package import Package

# Rules about data are answered by reportgen with the real context (below);
# docxtpl-lint's own data rules need a plain dict, which our figures are not.
_IGNORED_RULES = ("DTL3",)

_PRINT_TAG = LazyPattern(r"\{\{.*?\}\}", re.DOTALL)
_ANY_TAG = LazyPattern(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_WORD = LazyPattern(r"\w+")
# -- the names a tag uses, as the patterns of one name in _is_guarded and _find_use find it --
_GUARD = LazyPattern(
    r"(?<!\w)(\w+)\s+is\s+(?:not\s+)?(?:un)?defined\b|(?<!\w)(\w+)\s*\|\s*(?:default|d)\b"
)
_OWN_NAME = LazyPattern(r"(?<![\w.])\w+")
_LOOP_NAMES = LazyPattern(r"\{%-?\s*(?:p|tr|tc)?\s*for\s+(\w+)(?:\s*,\s*(\w+))?\s+in\b")
_MEMBER_NAME = LazyPattern(r"\.\s*(\w+)|\[\s*['\"](\w+)['\"]\s*\]")
_DOCXTPL_PREFIX = LazyPattern(r"^\{\{(-?)(?:r|p) ")
#: A tag that prints a name (other than the word not) or a dotted path whose fields do not
#: start with _: parsed alone, it shows no syntax error, filter, test or private name.
_PLAIN_PATH = LazyPattern(r"\{\{-?\s*(?!not\b)[A-Za-z_]\w*(?:\.[A-Za-z]\w*)*\s*-?\}\}", re.ASCII)


#: The most tags a template may hold: a yearbook's has a few hundred. Each is parsed and
#: checked on its own, in about 0.2 ms and 15 KB of memory.
MAX_TAGS = 20_000
_TAG_START = re.compile(rb"\{[{%#]")


class _Template:
    """The parts of a template that can hold tags, and the place of each paragraph in them."""

    def __init__(self, path: Path, package: Package | None = None) -> None:
        from lxml import etree

        from reportgen.ooxml.package import Package

        self.path = path
        try:
            package = package if package is not None else Package.read(path)
        except WorkspaceError as err:
            raise TemplateError([unreadable_template(err, path)]) from err
        self.package_parts = package.parts
        # -- docxtpl-lint reads word/document.xml: a document named otherwise is given it so --
        self.lint_source: Path | bytes = package.to_bytes({}) if package.document_renamed else path
        self.parts = {
            name: blob for name, blob in package.parts.items() if TEMPLATED_PART.fullmatch(name)
        }
        count = sum(len(_TAG_START.findall(blob)) for blob in self.parts.values())
        if count > MAX_TAGS:  # -- before each is parsed: 2 GB and 35 s for 160,000 --
            message = TOO_MANY_TAGS(count=f"{count:,}", limit=f"{MAX_TAGS:,}")
            raise TemplateError([Problem(message, file=path)])
        self.places: dict[str, Sequence[tuple[Place, str]]] = {}
        self.containers: dict[str, list[int]] = {}
        self._names: _NamesUsed | None = None
        for name, blob in self.parts.items():
            try:
                self.places[name] = paragraph_places(blob, name)
                self.containers[name] = paragraph_containers(blob)
            except etree.XMLSyntaxError as err:
                problem = Problem(PART_NOT_XML(part=name), file=path)
                raise TemplateError([problem]) from err

    def where(self, name: str, paragraph: int) -> Place:
        """Return the place (body, paragraph 4) of the ``paragraph``-th paragraph of ``name``."""
        places = self.places.get(name, [])
        if 0 < paragraph <= len(places):
            return places[paragraph - 1][0]
        return part_place(name)

    def paragraphs(self) -> Iterator[tuple[Place, str]]:
        """Yield ``(place, text)`` for every paragraph of every part that can hold tags."""
        for places in self.places.values():
            yield from places

    def names(self) -> _NamesUsed:
        """Return where each name is first used, and the names given a default or tested."""
        if self._names is None:  # -- once: a check may place thousands of missing names --
            self._names = _NamesUsed(self.paragraphs())
        return self._names


class _NamesUsed:
    """The names a template's tags use, each with its first tag, read in one pass."""

    def __init__(self, paragraphs: Iterator[tuple[Place, str]]) -> None:
        self.guarded: set[str] = set()
        self.first: dict[str, tuple[Place, str]] = {}  # -- a name of its own: {{ name }} --
        self.first_member: dict[str, tuple[Place, str]] = {}  # -- after a dot: {{ a.name }} --
        self.loop_names: dict[str, None] = {}  # -- {%p for item in … %}: item --
        for where, text in paragraphs:
            for loop in _LOOP_NAMES.finditer(text):
                self.loop_names.update(dict.fromkeys(name for name in loop.groups() if name))
            for match in _GUARD.finditer(text):
                self.guarded.add(match.group(1) or match.group(2))
            for tag in _ANY_TAG.finditer(text):
                found = (where, tag.group())
                for name in _OWN_NAME.findall(tag.group()):
                    self.first.setdefault(name, found)
                for dotted, quoted in _MEMBER_NAME.findall(tag.group()):
                    self.first_member.setdefault(dotted or quoted, found)


def lint_template(path: Path, package: Package | None = None) -> tuple[list[Problem], list[str]]:
    """Return every problem in the template at ``path``, and the dotted names it prints.

    ``package`` is the template already read, if it was. Raise TemplateError when the file
    is not a .docx that can be read at all.
    """
    # -- imported here: a render whose template comes from the cache checks only the names --
    from docxtpl_lint import lint

    from reportgen.template.beside_tags import pictures_beside_tags
    from reportgen.template.damaged import damage_problems
    from reportgen.template.mistyped import lookalike_tags, merge_fields

    template = _Template(path, package)
    environment = make_environment(for_docx=True)
    try:
        result = lint(
            template.lint_source, jinja_env=environment, autoescape=True, ignore=_IGNORED_RULES
        )
    except RecursionError:
        # A tag nested hundreds deep overflows Jinja's parser; parsed alone, each tag says which.
        deep = _check_print_tags(template, environment, set())
        return deep or [Problem(NESTED_TOO_DEEP(), file=path)], []
    problems: list[Problem] = []
    reported: set[tuple[Place, str]] = set()
    for issue in result.errors:
        from reportgen.template.lint import lint_message  # -- its wording: only for a problem --

        where = template.where(part_name(issue.location.part), issue.location.paragraph)
        snippet = issue.snippet.strip()
        reported.add((where, snippet))
        message = lint_message(issue, template.where, environment)
        tag = _short(snippet) if snippet else None
        problems.append(Problem(message, file=path, where=where, tag=tag))
    problems.extend(_check_print_tags(template, environment, reported))
    problems.extend(_check_block_levels(template))
    problems.extend(lookalike_tags(path, template.paragraphs()))
    problems.extend(merge_fields(path, template.parts))
    problems.extend(pictures_beside_tags(path, template.parts))
    problems.extend(damage_problems(path, template.package_parts))
    # -- Word writes a text box twice (for Words before 2010): its problems are found twice --
    return _once(problems), list(result.variables)


def _once(problems: list[Problem]) -> list[Problem]:
    """Return ``problems`` without the repeats of one problem at one place, in their order."""
    seen: set[str] = set()
    kept = []
    for problem in problems:
        said = f"{problem.where}\n{problem.text('en')}"
        if said not in seen:
            seen.add(said)
            kept.append(problem)
    return kept


def _check_print_tags(
    template: _Template,
    environment: ImmutableSandboxedEnvironment,
    reported: set[tuple[Place, str]],
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
            if _PLAIN_PATH.fullmatch(source):
                continue  # -- most tags: parsing each took a first render 0.8 ms --
            message = _tag_problem(environment, source)
            if message is not None:
                problems.append(Problem(message, file=template.path, where=where, tag=_short(tag)))
    return problems


def _tag_problem(environment: ImmutableSandboxedEnvironment, source: str) -> Message | None:
    """Return what is wrong with one print tag: its syntax, unknown filters, Python names."""
    try:
        tree = environment.parse(source)
    except TemplateSyntaxError as err:
        from reportgen.text.jinja_errors import syntax_error_message  # -- only for a problem --

        return syntax_error_message(err)
    except RecursionError:
        return NESTED_TOO_DEEP()
    findings: list[Message] = []
    filters = [node.name for node in tree.find_all(nodes.Filter)]
    tests = [node.name for node in tree.find_all(nodes.Test)]
    if not set(filters) <= environment.filters.keys() or not set(tests) <= environment.tests.keys():
        from reportgen.text.jinja_errors import unknown_filter, unknown_test

        findings += [
            unknown_filter(name, environment.filters)
            for name in filters
            if name not in environment.filters
        ]
        findings += [
            unknown_test(name, environment.tests) for name in tests if name not in environment.tests
        ]
    private = [node.attr for node in tree.find_all(nodes.Getattr) if node.attr.startswith("_")]
    if private:
        # The sandbox refuses these when rendering; saying so here names the tag.
        findings.append(PRIVATE_NAME(name=private[-1]))
    if not findings:
        return None
    return functools.reduce(lambda first, second: FINDINGS(first=first, second=second), findings)


# Word types smart quotes; docxtpl reads them inside tags as plain ones.
_PLAIN_QUOTES = str.maketrans("“”‘’", "\"\"''")

_BLOCK_TAG = LazyPattern(r"\{%-?(p|tr|tc|r)?\s+(\w+)(.*?)-?%\}", re.DOTALL)
_BLOCKS = {"if", "for", "with", "macro", "call", "filter", "block", "autoescape"}


def _check_block_levels(template: _Template) -> list[Problem]:
    """Return a problem for each block that opens and closes in different table cells.

    A block without a prefix, or with ``{%p %}``, removes or repeats everything between its
    tags. Opened outside a table and closed inside one (or in another cell), it cuts through
    the table: docxtpl renders it without an error, and rows, cells or the whole table are
    gone. Across the edge of a content control or a text box, it leaves the document broken.
    docxtpl-lint checks ``{%tr %}`` and ``{%tc %}`` blocks, not these.
    """
    problems = []
    for name, places in template.places.items():
        # keyword, prefix, cell, container, where, tag
        stack: list[tuple[str, str, Place | None, int, Place, str]] = []
        for (place, text), container in zip(places, template.containers[name], strict=True):
            cell = place.cell_place()
            for match in _BLOCK_TAG.finditer(text.translate(_PLAIN_QUOTES)):
                prefix, keyword = match.group(1) or "", match.group(2)
                where, tag = place, match.group()
                if keyword in _BLOCKS:
                    stack.append((keyword, prefix, cell, container, where, tag))
                    continue
                if not keyword.startswith("end") or keyword[3:] not in _BLOCKS:
                    continue
                if not stack or stack[-1][0] != keyword[3:]:
                    break  # unbalanced: docxtpl-lint reports it
                _, opening_prefix, opening_cell, opening_container, opened, opening = stack.pop()
                if not {prefix, opening_prefix} <= {"", "p"}:
                    continue
                if cell != opening_cell:
                    message = BLOCK_ACROSS_CELLS(close=tag, open=opening, opened=opened)
                elif container != opening_container:
                    message = BLOCK_ACROSS_CONTROLS(close=tag, open=opening, opened=opened)
                else:
                    continue
                problems.append(Problem(message, file=template.path, where=where))
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
        if not missing.done:  # -- {{ Item.title }}: Word capitalised a sentence's first word --
            missing.known += [name for name in template.names().loop_names if name != missing.name]
        where, tag = _find_use(template, missing)
        shown = _short(tag) if tag else None
        problems.append(Problem(missing.message(), file=path, where=where, tag=shown))
    return problems


def _is_guarded(template: _Template, missing: _Missing) -> bool:
    """Return True when a tag tests the name with ``is defined`` or gives it a ``default``."""
    if _WORD.fullmatch(missing.name):
        return missing.name in template.names().guarded
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

    def message(self) -> Message:
        hint = did_you_mean(self.name, self.known)
        if not self.done:
            return DATA_LACKS(name=self.name, hint=hint)
        owner = ".".join(self.done)
        if owner.endswith("[]"):
            return ITEMS_LACK(owner=owner[:-2], name=self.name, hint=hint)
        return OWNER_LACKS(owner=owner, name=self.name, hint=hint)


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
    if isinstance(child, Undefined):  # -- a record's items, not called: no field of its own --
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
    fields = field_names(node)  # -- a mapping, a record, a group of figures, a part --
    if fields is not None:
        return fields
    if isinstance(node, Mapping):
        return [str(key) for key in node]
    names = getattr(node, "names", None)  # a Group of figures
    if callable(names):
        return [str(name) for name in names()]
    return [name for name in dir(node) if not name.startswith("_")]


def _find_use(template: _Template, missing: _Missing) -> tuple[Place | None, str]:
    """Return the place and text of the first tag that uses the missing name."""
    if _WORD.fullmatch(missing.name):
        names = template.names()
        used = names.first_member if missing.done else names.first
        return used.get(missing.name, (None, ""))
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
        import difflib

        hint = difflib.get_close_matches(name, available, n=1)
        if hint:
            detail = TEMPLATE_SIMILAR(name=hint[0])
        elif available:
            detail = TEMPLATES_AVAILABLE(names=available)
        else:
            detail = TEMPLATES_NONE()
    message = TEMPLATE_NOT_FOUND(name=name, folder=templates_dir, detail=detail)
    return outline.problem(message, ("template",), "report.template")
