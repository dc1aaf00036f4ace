"""Regular expressions compiled when first used, for those only a problem or a rare case needs.

Compiling a pattern takes from a twentieth of a millisecond to half a millisecond (a class
of thousands of characters); a module holding a dozen, imported by every render, costs
that render a millisecond or more for patterns it may never use. A :class:`LazyPattern`
is written like ``re.compile`` at the top of its module and compiled on the first call.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any


class LazyPattern:
    """A regular expression compiled on its first use; it then matches as ``re.Pattern``."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """Return the pattern compiled (once: later calls return the same)."""
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    @property
    def pattern(self) -> str:
        """Return the pattern's source, as ``re.Pattern.pattern`` does."""
        return self._source

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Return the first match in ``string``, as ``re.Pattern.search`` does."""
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Return a match at the start of ``string``, as ``re.Pattern.match`` does."""
        return self.compiled.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        """Return a match of the whole of ``string``, as ``re.Pattern.fullmatch`` does."""
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """Yield every match in ``string``, as ``re.Pattern.finditer`` does."""
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        """Return every match's groups in ``string``, as ``re.Pattern.findall`` does."""
        return self.compiled.findall(string, pos, endpos)

    def sub(self, replacement: str | Callable[[re.Match[str]], str], string: str) -> str:
        """Return ``string`` with every match replaced, as ``re.Pattern.sub`` does."""
        return self.compiled.sub(replacement, string)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        """Return ``string`` split at every match, as ``re.Pattern.split`` does."""
        return self.compiled.split(string, maxsplit)
