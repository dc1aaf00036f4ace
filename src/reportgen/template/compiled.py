"""Load a .docx template once, check it, and render documents from it.

docxtpl's tag syntax is kept (``{{ }}``, ``{%p %}``, ``{%tr %}``, …) and so is
its preprocessing (``DocxTemplate.patch_xml``, which joins tags Word split
across runs). What differs from calling docxtpl per document: the template is
read, preprocessed and compiled once, every render goes through reportgen's
strict environment, only the parts holding tags are rendered and re-deflated,
and each document is checked before it is written (well-formed XML, no tag
left, every printed value present).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Mapping
from pathlib import Path
from types import CodeType
from typing import Any, NamedTuple

from jinja2 import Template, TemplateSyntaxError
from jinja2 import TemplateError as JinjaError
from lxml import etree

from reportgen.errors import InvalidValue, Problem, ProblemsFound, RenderError, TemplateError
from reportgen.i18n import Message
from reportgen.ooxml.active_content import without_active_content
from reportgen.ooxml.emptied import mend_emptied
from reportgen.ooxml.escape import xml_text
from reportgen.ooxml.hints import STORY_PART, add_east_asian_hints, hinted_parts
from reportgen.ooxml.package import Package
from reportgen.ooxml.pictures import (
    PlacedPictures,
    picture_folder,
    picture_parts,
    placed_pictures,
)
from reportgen.ooxml.places import Place, find_tag, normalise, part_place
from reportgen.patterns import LazyPattern
from reportgen.template.messages import (
    CELL_COLOUR,
    PROGRAM_TEXT,
    TAG_LEFT,
    VALUE_LOST,
    XML_BROKEN,
)
from reportgen.template.proven import ProvenShapes
from reportgen.template.source_lines import joined_code, lines
from reportgen.template.usage import Use, uses_in, uses_in_tree
from reportgen.text.environment import make_environment, printed_values, rendered_pieces
from reportgen.text.limits import MAX_DOCUMENT, budget
from reportgen.text.messages import TOO_DEEP

#: The parts of a package that can hold tags; others are copied unchanged.
TEMPLATED_PART = STORY_PART
#: A text element of WordprocessingML, as lxml names it.
_TEXT = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
_SPACE = re.compile(r"\s")
_LEFTOVER_TAG = re.compile(r"\{\{|\}\}|\{%|%\}")
#: Text holding a character docxtpl's resolve_listing turns into markup (tab, line break, …).
_LISTING_TEXT = LazyPattern(r"<w:t(?: [^>]*)?>[^<]*[\t\a\f\n]")
_TAG = LazyPattern(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
#: What Python prints for a value that is not text: a method, a function, an object.
#: (And a list or mapping of text as Python writes one: ['甲', '乙'], {'名称': …}.)
_PROGRAM_TEXT = re.compile(
    r"<(?:built-in |bound )?(?:method|function) [^>]*>|<[\w.]+ object at 0x[0-9a-fA-F]+>"
    r"|\['[^'\]]*'(?:, '[^'\]]*')*\]|\{'[^']*': "
)
#: How many sets of placed pictures a template keeps the parts of, for the next documents: a
#: seal on every document is made once; a photo for each row keeps only the last rows' alive.
_KEPT_PICTURES = 2
#: A tag that prints a name or a dotted path: ``{{ item.title }}``.
_PRINTED_PATH = LazyPattern(r"\{\{-?\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*-?\}\}")


class PreparedPart(NamedTuple):
    """One part of a template that holds tags: its Jinja source and the code compiled from it.

    ``uses`` is how the part uses each name (see :mod:`reportgen.template.usage`), found from
    the tree the source was compiled from; None where it was not kept, to be found again.
    """

    source: str  # the part's XML prepared as docxtpl prepares it, one paragraph a line
    code: CodeType  # what Jinja compiles the source to
    column_loops: bool  # whether a {%tc %} loop needs its table's grid fitted after rendering
    uses: tuple[Use, ...] | None = None


class CheckedTemplate(NamedTuple):
    """What checking and compiling a template found: the names it prints, and its parts."""

    variables: list[str]
    parts: dict[str, PreparedPart]


class DocumentProperties(NamedTuple):
    """The core properties written into every rendered document."""

    title: str
    author: str
    created: str | None  # ISO date, as YYYY-MM-DD; None for a report that gives no date


class TemplateSource(NamedTuple):
    """A checked template in a form that can be pickled and sent to another process.

    Compiled code cannot be pickled, so this holds the template's parts and each templated
    part's prepared Jinja source; :meth:`compile` makes the template again wherever it is, in a
    few milliseconds, without preparing or checking anything again.
    """

    path: Path
    package: dict[str, bytes]  # every part of the .docx, in its order
    parts: dict[str, tuple[str, bool]]  # each templated part's source, and its column_loops

    def compile(self) -> CompiledTemplate:
        """Return the template compiled from this source."""
        environment = make_environment(for_docx=True)
        parts = {
            name: PreparedPart(source, environment.compile(source), column_loops)
            for name, (source, column_loops) in self.parts.items()
        }
        return CompiledTemplate(self.path, Package(self.path, dict(self.package), {}), parts)


class CompiledTemplate:
    """A .docx template read, preprocessed and compiled, ready to render many times.

    Made from the file (``CompiledTemplate(path)``), or from its package and the
    parts a previous run prepared and compiled (see :mod:`reportgen.cache`).
    """

    def __init__(
        self,
        path: Path,
        package: Package | None = None,
        parts: Mapping[str, PreparedPart] | None = None,
    ) -> None:
        self.path = path
        self.package = package or Package.read(path)
        # -- a .dotx's type, macros, a remote template: kept out of every document --
        self.package.parts, self.left_out = without_active_content(self.package.parts)
        self.environment = make_environment(for_docx=True)
        self.parts = dict(parts) if parts is not None else self._prepare_parts()
        self._uses: list[Use] | None = None
        self._lines: dict[str, list[str]] = {}
        self._pictures_made: dict[tuple[Any, ...], dict[str, bytes]] = {}
        self._core: tuple[DocumentProperties, bytes] | None = None
        self._shapes = {name: ProvenShapes() for name in self.parts}
        #: The parts whose text writes braces as docxtpl escapes them ({_{ name }_}).
        self._escaped_braces = [
            name for name, part in self.parts.items() if "{_" in part.source or "_}" in part.source
        ]
        self._hint_plain_parts()
        environment_globals = self.environment.make_globals(None)
        self._templates: dict[str, Template] = {
            name: self.environment.template_class.from_code(
                self.environment, joined_code(part.code), environment_globals
            )
            for name, part in self.parts.items()
        }

    def source(self) -> TemplateSource:
        """Return what another process needs to compile this template again."""
        parts = {name: (part.source, part.column_loops) for name, part in self.parts.items()}
        return TemplateSource(self.path, self.package.parts, parts)

    def _prepare_parts(self) -> dict[str, PreparedPart]:
        """Prepare and compile each part that holds tags; raise TemplateError on a syntax error."""
        parts: dict[str, PreparedPart] = {}
        problems: list[Problem] = []
        for name, blob in self.package.parts.items():
            if not TEMPLATED_PART.fullmatch(name):
                continue
            xml = blob.decode("utf-8")
            if "{" not in xml:
                continue  # nothing to render: the part is copied as it is
            source = _prepare(xml)
            try:
                # -- parsed once: the tree gives the names used, then the code --
                tree = self.environment.parse(source)
                uses = tuple(uses_in_tree(tree, name))
                code = self.environment.compile(tree)
            except TemplateSyntaxError as err:
                from reportgen.text.jinja_errors import syntax_error_message

                message = syntax_error_message(err)
                problems.append(self._problem(name, err.lineno, message, source=source))
                continue
            except (RecursionError, SyntaxError) as err:  # -- nested past Python's limits --
                line = getattr(err, "lineno", None)
                problems.append(self._problem(name, line, TOO_DEEP(), source=source))
                continue
            column_loops = "{%tc" in re.sub(r"<[^>]+>", "", xml)
            parts[name] = PreparedPart(source, code, column_loops, uses)
        if problems:
            raise TemplateError(problems)
        return parts

    def _hint_plain_parts(self) -> None:
        """Give the runs of the parts copied as they are (a footer's "— 1 —") their hints."""
        plain = {name: blob for name, blob in self.package.parts.items() if name not in self.parts}
        self.package.parts.update(hinted_parts(plain))

    def render(
        self,
        context: Mapping[str, Any],
        properties: DocumentProperties,
        folder: Path | None = None,
    ) -> bytes:
        """Return the document for ``context`` as .docx bytes; raise RenderError if unsound.

        ``folder`` is where the data is: a picture a row names by its file's name is there.
        """
        replaced: dict[str, bytes] = {}
        texts: dict[str, str] = {}  # -- of the parts whose shape is proved: see proven.py --
        record: list[str] = []
        pictures = PlacedPictures()
        token = printed_values.set(record)
        pictures_token = placed_pictures.set(pictures)
        folder_token = picture_folder.set(folder)
        room = MAX_DOCUMENT
        try:
            with budget():  # -- one budget of loops and time for all the parts --
                for name, template in self._templates.items():
                    pictures.part = name
                    pieces = self._render_part(name, template, context, room)
                    room -= sum(map(len, pieces))
                    xml, text = self._finished(name, pieces)
                    if text is not None:
                        texts[name] = text
                    replaced[name] = xml.encode("utf-8")
        finally:
            picture_folder.reset(folder_token)
            placed_pictures.reset(pictures_token)
            printed_values.reset(token)
        self._verify(replaced, record, texts)
        for name in self._escaped_braces:
            # -- after the check for tags left: {_{ is docxtpl's way to print {{ as it is --
            replaced[name] = _escaped_braces_printed(replaced[name])
        if pictures.placed:
            replaced.update(self._picture_parts(pictures))
        if "docProps/core.xml" in self.package.parts:
            replaced["docProps/core.xml"] = self._core_properties(properties)
        return self.package.to_bytes(replaced)

    def _core_properties(self, properties: DocumentProperties) -> bytes:
        """Return :func:`core_properties_xml` for ``properties``, made once for a batch's rows."""
        if self._core is None or self._core[0] != properties:
            self._core = (properties, core_properties_xml(properties))
        return self._core[1]

    def _finished(self, name: str, pieces: list[str]) -> tuple[str, str | None]:
        """Return part ``name`` made of ``pieces``, as it is written, and its text if proved.

        A part of a proved shape that the mends and hints are known to leave as it is does
        without them (see proven.py); any other goes through them, and is proved only if
        they left it as it was printed.
        """
        rendered = "".join(pieces)
        xml = _finish(rendered)
        if self.parts[name].column_loops:
            from reportgen.ooxml.grids import fit_table_grids

            xml = fit_table_grids(xml)
        shapes = self._shapes[name]
        proof = shapes.prove(pieces) if xml is rendered else None
        if proof is not None and proof.settled:
            return xml, proof.text
        xml = mend_emptied(xml)  # -- a table or cell a block emptied --
        # -- after rendering: the values printed bring most of the quotes and dashes --
        xml = add_east_asian_hints(xml)
        if proof is None or xml != rendered:
            return xml, None
        shapes.settle(proof)
        return xml, proof.text

    def _picture_parts(self, pictures: PlacedPictures) -> dict[str, bytes]:
        """Return the parts that hold the pictures placed, made once for the same pictures."""
        # -- a batch places the same seal in every document: its parts are the same --
        key = tuple(
            (part, picture.data, picture.extension, picture.content_type)
            for part, picture in pictures.placed
        )
        made = self._pictures_made.pop(key, None)
        if made is None:
            made = picture_parts(self.package.parts, pictures)
            if len(self._pictures_made) >= _KEPT_PICTURES:
                del self._pictures_made[next(iter(self._pictures_made))]
        self._pictures_made[key] = made  # -- now the most recently used --
        return made

    def _render_part(
        self, name: str, template: Template, context: Mapping[str, Any], room: int
    ) -> list[str]:
        """Return part ``name`` rendered, in at most ``room`` characters; RenderError if not."""
        try:
            return rendered_pieces(template, context, room)
        except ProblemsFound:
            raise  # a value that could not be printed (a chart without a font) says why
        except (
            JinjaError,
            TypeError,
            ValueError,
            ArithmeticError,
            LookupError,
            AttributeError,
        ) as err:
            raise RenderError([self._runtime_problem(name, err, context)]) from err
        except RecursionError as err:  # -- a macro calling itself, a loop recursing --
            raise RenderError([self._runtime_problem(name, err)]) from err

    # -- checks on the result --

    def _verify(
        self, replaced: dict[str, bytes], printed: list[str], proven: dict[str, str]
    ) -> None:
        """Raise RenderError unless each part is well-formed, tagless, and holds every value.

        A part in ``proven`` is well-formed by its shape (see :mod:`.proven`), which gives
        its text; any other is parsed.
        """
        problems: list[Problem] = []
        texts: list[str] = []
        for name, xml in replaced.items():
            text = proven.get(name)
            if text is None:
                try:
                    root = etree.fromstring(xml)
                except etree.XMLSyntaxError:
                    problems.append(Problem(XML_BROKEN(), file=self.path, where=part_place(name)))
                    continue
                # -- the text of each text element, from the tree the check of the XML made --
                text = "".join(
                    element.text or "" for element in root.iter(_TEXT) if not len(element)
                )
            leftover = _LEFTOVER_TAG.search(text)
            if leftover:
                snippet = text[max(0, leftover.start() - 20) : leftover.end() + 20]
                message = TAG_LEFT(snippet=snippet)
                problems.append(Problem(message, file=self.path, where=part_place(name)))
            program = _PROGRAM_TEXT.search(text)
            if program:
                snippet = _shorten(program.group(), 60)
                problems.append(
                    Problem(PROGRAM_TEXT(snippet=snippet), file=self.path, where=part_place(name))
                )
            texts.append(text)
        problems.extend(self._missing_values("".join(texts), printed, replaced))
        if problems:
            raise RenderError(problems)

    def _missing_values(
        self, document_text: str, printed: list[str], replaced: dict[str, bytes]
    ) -> list[Problem]:
        """Return a problem for each value ``printed`` that the document's text lacks."""
        problems: list[Problem] = []
        # Line breaks and tabs in a value become <w:br/> and <w:tab/>, not text.
        flat_text = _SPACE.sub("", document_text)
        # Values are printed in document order, so each is first looked for after the one
        # before: a 10,000-row table is checked in one pass, not 10,000.
        cursor = 0
        lost: set[str] = set()
        for value in printed:
            wanted = _SPACE.sub("", value)
            found = flat_text.find(wanted, cursor)
            if found >= 0:
                cursor = found + len(wanted)
            elif value not in lost and wanted not in flat_text:
                lost.add(value)
                attribute = _attribute_printing(value, replaced)
                if attribute is None:
                    problems.append(Problem(VALUE_LOST(value=_shorten(value)), file=self.path))
                elif attribute == "w:fill" and not is_cell_colour(value):
                    # -- docxtpl's {% cellbg %}: the value is a cell's colour, not its text --
                    problems.append(Problem(CELL_COLOUR(value=_shorten(value)), file=self.path))
        return problems

    # -- locating problems in the template --

    def _runtime_problem(
        self, name: str, err: BaseException, context: Mapping[str, Any] | None = None
    ) -> Problem:
        line = None
        import traceback

        from reportgen.template.failing_tag import failing_tag
        from reportgen.text.jinja_errors import render_error_message

        for frame in traceback.extract_tb(err.__traceback__):
            if frame.filename == "<template>":
                line = frame.lineno
        # -- a render that recursed too deep: a macro calling itself, blocks nested past bounds --
        message = TOO_DEEP() if isinstance(err, RecursionError) else render_error_message(err)
        written = ""
        lines = self.parts[name].source.split("\n") if name in self.parts else []
        if context is not None and line is not None and 0 < line <= len(lines):
            written = failing_tag(self.environment, lines[line - 1], err, context)
        # -- a value that cannot be printed is named by the field the tag prints --
        return self._problem(name, line, message, written, named=isinstance(err, InvalidValue))

    def _problem(
        self,
        name: str,
        line: int | None,
        message: Message,
        written: str = "",
        source: str | None = None,
        *,
        named: bool = False,
    ) -> Problem:
        """Return a Problem naming the part, paragraph or cell, and the tag at ``line``.

        The tag is the line's first, or the first that uses ``written`` (a name, or a tag).
        """
        where, tag = self.locate(name, line, written, source=source)
        if not tag:
            return Problem(message, file=self.path, where=where)
        printed = _PRINTED_PATH.fullmatch(tag) if named else None
        return Problem(
            message,
            file=self.path,
            where=where,
            tag=tag,
            field=printed.group(1) if printed else None,
        )

    def locate(
        self,
        name: str,
        line: int | None,
        written: str = "",
        *,
        source: str | None = None,
        also: str = "",
    ) -> tuple[Place, str]:
        """Return the place of line ``line`` of part ``name``, and the tag there using ``written``.

        Of the tags using ``written``, one that uses ``also`` too (the filter a problem is
        about) is preferred. The tag is the line's first when none uses ``written``, or
        ``written`` is not given.
        """
        if source is None:
            source = self.parts[name].source if name in self.parts else ""
        lines, text, starts = _source_lines(source)
        where = part_place(name)
        if line is None or not 0 < line <= len(lines):
            return where, ""
        tags = _TAG.findall(re.sub(r"<[^>]+>", "", lines[line - 1]))
        using = [tag for tag in tags if written and _uses(tag, written)]
        both = [tag for tag in using if also and _uses(tag, also)]
        tag = (both or using or tags or [""])[0]
        if not tag:
            return where, ""
        # The same tag may stand in several paragraphs: count those before this line.
        occurrence = text.count(normalise(tag), 0, starts[line - 1])
        place = find_tag(self.package.parts[name], name, tag, occurrence)
        return (place or where), _unescaped(tag)

    def source_line(self, name: str, line: int) -> str:
        """Return line ``line`` of part ``name``'s prepared source (a paragraph), or ""."""
        lines = self._lines.get(name)
        if lines is None:
            # -- split once a part: each printed name asks, and a part is its whole text --
            lines = self._lines[name] = (
                self.parts[name].source if name in self.parts else ""
            ).split("\n")
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def uses(self) -> list[Use]:
        """Return how the template uses each name, part by part (see reportgen.template.usage)."""
        if self._uses is None:
            self._uses = [
                use
                for name, part in self.parts.items()
                for use in (
                    part.uses
                    if part.uses is not None
                    else uses_in(part.source, name, self.environment)
                )
            ]
        return self._uses


@functools.lru_cache(maxsize=4)
def _source_lines(source: str) -> tuple[list[str], str, list[int]]:
    """Return a part's lines, its text as tags are looked for in it, where each line starts.

    Split, the XML taken out and the text normalised once, not once for each tag located: a
    template's every field is located by new-data, and 10,000 took a quarter of an hour.
    """
    lines = source.split("\n")
    pieces = [normalise(re.sub(r"<[^>]+>", "", line)) for line in lines]
    starts = list(itertools.accumulate((len(piece) for piece in pieces), initial=0))
    return lines, "".join(pieces), starts


def _uses(tag: str, written: str) -> bool:
    """Return whether ``tag`` uses the name ``written`` (not only a longer name starting so)."""
    return re.search(rf"(?<![\w.]){re.escape(written)}(?![\w])", _unescaped(tag)) is not None


def _unescaped(tag: str) -> str:
    """Return ``tag`` as the template's author wrote it, its characters unescaped."""
    import html  # -- only to name a problem: html.entities alone takes a millisecond to import --

    return html.unescape(tag)


def _prepare(xml: str) -> str:
    """Return a part's XML as Jinja source, the way docxtpl prepares it."""
    # -- imported here: a template read back from the cache is prepared already --
    from reportgen.template.docxtpl_steps import patch_xml
    from reportgen.template.headings import HEADINGS
    from reportgen.template.merged_rows import MERGED_ROWS
    from reportgen.template.section_breaks import SECTION_BREAKS
    from reportgen.template.split_tags import gather_split_tags
    from reportgen.template.table_heads import TABLE_HEADS
    from reportgen.template.titles import LONG_TITLE
    from reportgen.template.tree_edits import edit_part

    # -- the mends of a hand-made template, on one parse of the part, each in turn --
    mended = edit_part(
        gather_split_tags(xml),
        [TABLE_HEADS, HEADINGS, LONG_TITLE, SECTION_BREAKS, MERGED_ROWS],
    )
    return lines(_plain_entities(patch_xml(mended)))


#: The inside of a tag, as docxtpl's preparation leaves it.
_TAG_INSIDE = LazyPattern(r"(?<=\{[{%])(.*?)(?=[}%]\})", re.DOTALL)
#: What XML escapes in text but docxtpl leaves escaped in a tag (it decodes &lt; and &gt;).
_ENTITIES = {"&amp;": "&", "&quot;": '"', "&apos;": "'"}


def _plain_entities(source: str) -> str:
    """Return ``source`` with the XML entities in its tags decoded: "&" is a string's "&"."""
    if "&" not in source:
        return source

    def decoded(inside: re.Match[str]) -> str:
        return re.sub("&(?:amp|quot|apos);", lambda entity: _ENTITIES[entity[0]], inside[0])

    return _TAG_INSIDE.sub(decoded, source)


def _finish(rendered: str) -> str:
    """Apply docxtpl's conventions to a rendered part (its code was joined: see source_lines)."""
    xml = rendered
    if _may_hold_listing(xml) and _LISTING_TEXT.search(xml):
        # A value with line breaks or tabs: docxtpl turns them into <w:br/> and <w:tab/>.
        # Only then: it rewrites every paragraph, which takes longer than the rest of a render.
        from reportgen.template.docxtpl_steps import resolve_listing

        xml = resolve_listing(xml)
    return xml


def _escaped_braces_printed(xml: bytes) -> bytes:
    """Return ``xml`` with docxtpl's escaped braces ({_{ }_} {_% %_}) printed as braces."""
    for escaped, tag in ((b"{_{", b"{{"), (b"}_}", b"}}"), (b"{_%", b"{%"), (b"%_}", b"%}")):
        xml = xml.replace(escaped, tag)
    return xml


def _may_hold_listing(xml: str) -> bool:
    """Return whether ``xml`` holds a tab or a break beyond its XML declaration's line end."""
    start = xml.find("?>") + 3 if xml.startswith("<?xml") else 0
    return any(xml.find(char, start) >= 0 for char in "\t\a\f\n")


def _attribute_printing(value: str, parts: Mapping[str, bytes]) -> str | None:
    """Return the name of an attribute of ``parts`` whose value holds ``value``, if any."""
    from markupsafe import escape  # -- as autoescape printed it; only for a value not found --

    text = re.escape(str(escape(value)).encode())
    printed = re.compile(rb'([\w:]+)="[^"<>]*' + text + rb'[^"<>]*"')
    for xml in parts.values():
        found = printed.search(xml)
        if found:
            return found.group(1).decode()
    return None


def is_cell_colour(value: object) -> bool:
    """Return whether ``value`` is a colour Word reads in a cell's shading: RRGGBB or auto."""
    return isinstance(value, str) and re.fullmatch(r"[0-9A-Fa-f]{6}|auto", value) is not None


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def core_properties_xml(properties: DocumentProperties) -> bytes:
    """Return docProps/core.xml for ``properties``, with no time-of-day or random content."""
    stamp = f"{properties.created}T00:00:00Z"
    dates = (
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        if properties.created
        else ""
    )
    title = xml_text(properties.title)
    author = xml_text(properties.author)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>"
        f"<cp:lastModifiedBy>{author}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f"{dates}</cp:coreProperties>"
    ).encode()
