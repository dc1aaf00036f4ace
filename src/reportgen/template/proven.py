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

Once a part of a proved shape has been left as it was by the mends of emptied tables and by
the East Asian hints, the other parts of that shape whose values stand in text and hold no
character a hint is for do without them (see :class:`Proof`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from lxml import etree

from reportgen.ooxml.hints import needs_hint
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


class Proof(NamedTuple):
    """A part proved well-formed by its shape: its text, and whether it needs no mending.

    ``settled``: a part of this shape was seen that the mends of emptied tables and the East
    Asian hints left as it was, every value of the shape stands in a text element's text,
    and no value of this part holds a character a hint is for. The mends look at markup
    only and a hint is added, never taken away, to runs whose text holds such a character:
    such a part, too, is left as it is by them.
    """

    text: str
    settled: bool
    shape: Shape
    in_text: bool  # -- every value of the shape stands in a text element's text --


class ProvenShapes:
    """The shapes of one template's rendered parts, proved well-formed or found unprovable."""

    def __init__(self) -> None:
        self._recipes: dict[Shape, tuple[Recipe, bool] | None] = {}
        self._seen: set[Shape] = set()
        self._settled: set[Shape] = set()
        self._hits = 0
        self._misses = 0

    def text(self, pieces: Sequence[str]) -> str | None:
        """Return the text of the text elements of the part ``pieces`` make, if proved sound.

        ``pieces`` are what the template printed, in order: its own text as ``str``, the
        values as Markup. None means not proved: the part is to be parsed to be checked.
        """
        proof = self.prove(pieces)
        return None if proof is None else proof.text

    def prove(self, pieces: Sequence[str]) -> Proof | None:
        """Return the proof that the part ``pieces`` make is well-formed; None if there is none."""
        if self._misses > _GIVE_UP_AFTER and not self._hits:
            return None  # -- a template whose parts differ in shape from one to the next --
        shape, values = _shape(pieces)
        known = self._recipes.get(shape)
        if known is None and shape not in self._recipes:
            if not self._met_before(shape):
                self._misses += 1
                return None
            known = self._proved(shape)
        if known is None:
            return None
        self._hits += 1
        recipe, in_text = known
        text = "".join(part if isinstance(part, str) else values[part] for part in recipe)
        settled = shape in self._settled and not needs_hint("".join(values))
        return Proof(text, settled, shape, in_text)

    def settle(self, proof: Proof) -> None:
        """Note that the mends and hints left a part of ``proof``'s shape as it was."""
        if proof.in_text:
            if len(self._settled) >= _KEPT_SHAPES:
                self._settled.clear()
            self._settled.add(proof.shape)

    def _met_before(self, shape: Shape) -> bool:
        """Return whether ``shape`` was met before; note it if not (it is proved when met again)."""
        if shape in self._seen:
            self._seen.discard(shape)
            return True
        if len(self._seen) >= _KEPT_SEEN:
            self._seen.clear()
        self._seen.add(shape)
        return False

    def _proved(self, shape: Shape) -> tuple[Recipe, bool] | None:
        """Prove ``shape``; return its recipe and whether every value stands in text, or None."""
        recipe = _recipe(_marked(shape))
        known = None
        if recipe is not None:
            marks = {part for part in recipe if isinstance(part, int)}
            known = recipe, marks == set(range(shape.count(None)))
        if len(self._recipes) >= _KEPT_SHAPES:
            self._recipes.clear()
        self._recipes[shape] = known
        return known


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
        return value  # -- joined with the template's text, it makes plain text --
    text = str(value)  # -- not Markup, whose replace would escape what it puts in --
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
