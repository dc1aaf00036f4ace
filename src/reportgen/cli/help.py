"""Help in the user's language, laid out for Chinese as well as English text.

argparse words its usage line, its section titles and its errors through gettext, looking up
``argparse._`` and ``argparse.ngettext`` each time; :func:`argparse_language` points those
names at reportgen's catalogue while the command line is parsed, and back afterwards. A
Chinese character fills two columns of a terminal, so help text is wrapped by columns, not by
characters as textwrap does.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from reportgen.cli.messages import ARGPARSE_ZH
from reportgen.i18n import Language, current_language, display_width
from reportgen.patterns import LazyPattern

#: The width help text is wrapped to, in terminal columns.
HELP_WIDTH = 78


@contextmanager
def argparse_language(language: Language) -> Iterator[None]:
    """Make argparse word its usage, titles and errors in ``language`` within the block.

    English is argparse's own wording, taken as it is: gettext's look for a catalogue of it
    (the locale module imported, a file tried for each name of the locale) took a render
    a millisecond, and could only have put argparse in a third language beside reportgen's.
    """
    catalogue: dict[str, str] = ARGPARSE_ZH if language == "zh" else {}
    module: object = argparse
    names = ("_", "ngettext")
    saved = {name: getattr(module, name) for name in names}

    def gettext(message: str) -> str:
        return catalogue.get(message, message)

    def ngettext(singular: str, plural: str, count: int) -> str:
        english = singular if count == 1 else plural
        return catalogue.get(english, english)

    replacements: dict[str, Callable[..., str]] = {"_": gettext, "ngettext": ngettext}
    for name, replacement in replacements.items():
        setattr(module, name, replacement)
    try:
        yield
    finally:
        for name, original in saved.items():
            setattr(module, name, original)


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keep the epilog's layout; wrap every help line by terminal columns."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(" ".join(text.split()), width)

    def format_help(self) -> str:
        text = super().format_help()
        if current_language() == "zh":
            # -- argparse ends a section's title with an ASCII colon: "参数:" reads as a slip --
            text = _CHINESE_TITLE.sub("\\1：", text)
        return text


#: A section's title in Chinese, as argparse ends it: a line of its own ending in ":".
_CHINESE_TITLE = LazyPattern(r"^([^\x00-\x7f][^\n:]*):$", re.MULTILINE)


def wrap(text: str, width: int = HELP_WIDTH) -> list[str]:
    """Return ``text`` in lines of at most ``width`` columns, English broken at spaces only."""
    lines: list[str] = []
    line, columns = "", 0
    for word in _words(text):
        size = display_width(word)
        if columns + size > width and line.strip():
            lines.append(line.rstrip())
            word = word.lstrip()
            line, columns = "", 0
            size = display_width(word)
        line += word
        columns += size
    if line.strip():
        lines.append(line.rstrip())
    return lines


def wrapped(text: str, width: int = HELP_WIDTH) -> str:
    """Return ``text`` wrapped to ``width`` columns, as one string."""
    return "\n".join(wrap(text, width))


#: Marks no line starts with: they stay with the character before them.
_CLOSING = "，。、；：？！）”’》」,.;:?!)"


def _words(text: str) -> Iterator[str]:
    """Yield the pieces a line may break between: a Chinese character, or a space and a word."""
    piece = ""
    for char in text:
        if char in _CLOSING and piece:
            piece += char
        elif _is_wide(char) or char == " ":
            if piece:
                yield piece
            piece = char
        elif piece and _is_wide(piece[-1]):
            yield piece
            piece = char
        else:
            piece += char
    if piece:
        yield piece


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")
