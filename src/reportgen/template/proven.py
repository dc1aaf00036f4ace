"""A rendered part proved well-formed from its shape, once for all the documents that share it.

Every document of a batch is checked to be well-formed XML, and its text is read for the
checks that follow (no tag left, every printed value present). Parsing each document is the
largest part of checking it, yet most documents of a batch differ only in their values.

A rendered part is the template's text with values printed between. A value escaped for
XML that holds no ``<``, ``>``, quote, ``]``, control character or ``&`` but in an entity
(an *inert* value) can stand only in character data or in an attribute value, and there any
inert text is as good as any other: swapping one for another changes neither whether the
part is well-formed nor which elements it has. So the part's *shape*, its text with each
inert value replaced by a numbered mark (``&#xF0000;`` number ``&#xF0001;``), is parsed once;
if it is well-formed, with no comment, CDATA section, DOCTYPE or processing instruction
(where a mark could stand in other text) and no mark in a namespace, every part of that
shape is well-formed too, and the text of its text elements is the shape's, each mark read
as its value. A part of a shape not proved this way is parsed whole, as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from reportgen.ooxml.wordml import W

#: What makes a printed piece not inert: a character that could end or begin markup, a
#: control character, a character XML has not, or an ``&`` that is not one of the escapes.
_NOT_INERT = re.compile(
    "[\x00-\x1f<>\"'\\]\ud800-\udfff\ufffe\uffff\U000f0000\U000f0001]"
    "|&(?!(?:amp|lt|gt|quot|apos|#34|#39);)"
)
_MARK_START, _MARK_END = "\U000f0000", "\U000f0001"
_MARKS = re.compile(f"{_MARK_START}(\\d+){_MARK_END}")
#: A namespace declared with a mark in its name: the mark's value would change what
#: elements the part has.
_MARKED_NAMESPACE = re.compile(r"xmlns[^\s=]*\s*=\s*(?:\"[^\"]*&#xF0000;|'[^']*&#xF0000;)")
_ESCAPES = [("&lt;", "<"), ("&gt;", ">"), ("&#34;", '"'), ("&quot;", '"')]
_ESCAPES += [("&#39;", "'"), ("&apos;", "'"), ("&amp;", "&")]
#: Shapes kept: proved, or found unprovable; and shapes met once, proved when met again.
_KEPT_SHAPES = 16
_KEPT_SEEN = 64
#: After this many parts none of whose shapes came again, a template stops looking.
_GIVE_UP_AFTER = 32

#: What a proved shape's text is made of: the template's text, and the numbers of the
#: values standing between it.
Recipe = list[str | int]


#: A shape as it is kept: each piece the template printed, None where an inert value stood.
#: (A tuple, not the text it stands for: its pieces' hashes are kept by the pieces, most of
#: them the template's own text, the same objects in every document.)
Shape = tuple[str | None, ...]


class ProvenShapes:
    """The shapes of one template's rendered parts, proved well-formed or found unprovable."""

    def __init__(self) -> None:
        self._recipes: dict[Shape, Recipe | None] = {}
        self._seen: set[Shape] = set()
        self._hits = 0
        self._misses = 0

    def text(self, pieces: Sequence[str]) -> str | None:
        """Return the text of the text elements of the part ``pieces`` make, if proved sound.

        ``pieces`` are what the template printed, in order: its own text as ``str``, the
        values as Markup. None means not proved: the part is to be parsed to be checked.
        """
        if self._misses > _GIVE_UP_AFTER and not self._hits:
            return None  # -- a template whose parts differ in shape from one to the next --
        shape, values = _shape(pieces)
        recipe = self._recipes.get(shape, ())
        if recipe == ():
            recipe = self._learn(shape)
            if recipe == ():
                self._misses += 1
                return None
        if recipe is None:
            return None
        self._hits += 1
        return "".join(part if isinstance(part, str) else values[part] for part in recipe)

    def _learn(self, shape: Shape) -> Recipe | None | tuple[()]:
        """Prove ``shape`` the second time it is met; return its recipe, None, or () if new."""
        if shape not in self._seen:
            if len(self._seen) >= _KEPT_SEEN:
                self._seen.clear()
            self._seen.add(shape)
            return ()
        self._seen.discard(shape)
        recipe = _recipe(_marked(shape))
        if len(self._recipes) >= _KEPT_SHAPES:
            self._recipes.clear()
        self._recipes[shape] = recipe
        return recipe


def _shape(pieces: Sequence[str]) -> tuple[Shape, list[str]]:
    """Return the shape ``pieces`` make, and the text of each inert value, in order."""
    shape: list[str | None] = []
    values: list[str] = []
    for piece in pieces:
        if type(piece) is str or not piece or _NOT_INERT.search(piece):
            shape.append(piece)  # -- the template's own text, or a value as it is --
            continue
        shape.append(None)
        values.append(_unescaped(piece))
    return tuple(shape), values


def _marked(shape: Shape) -> str:
    """Return the text ``shape`` stands for, each inert value's place marked with its number."""
    parts: list[str] = []
    number = 0
    for piece in shape:
        if piece is None:
            piece = f"&#xF0000;{number}&#xF0001;"
            number += 1
        parts.append(piece)
    return "".join(parts)


def _unescaped(value: str) -> str:
    """Return an inert value's text as a parser reads it: its escapes undone."""
    if "&" not in value:
        return str(value)
    text = str(value)
    for escape, character in _ESCAPES:
        text = text.replace(escape, character)
    return text


def _recipe(shape: str) -> Recipe | None:
    """Return the text of ``shape``'s text elements as text and value numbers; None if unsound."""
    declaration = 1 if shape.startswith("<?xml") else 0
    if "<!" in shape or shape.count("<?") != declaration or _MARKED_NAMESPACE.search(shape):
        return None  # -- a mark could stand elsewhere than in text or an attribute value --
    if _MARK_START in shape or _MARK_END in shape:
        return None  # -- the template's own text holds what the marks are read back by --
    try:
        root = etree.fromstring(shape.encode("utf-8"))
    except etree.XMLSyntaxError:
        return None
    text = "".join(element.text or "" for element in root.iter(f"{W}t") if not len(element))
    recipe: Recipe = []
    for index, piece in enumerate(_MARKS.split(text)):
        if index % 2:
            recipe.append(int(piece))
        elif piece:
            recipe.append(piece)
    return recipe
