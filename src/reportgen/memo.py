"""Values deep code makes slowly and the same way every time, kept between runs.

Two steps of a render take longer than all the rest of it, and give the same result for the
same input: drawing a chart (importing matplotlib alone takes half a second) and cutting a
long title into words (loading rjieba's dictionary of 350,000 words takes a tenth of one).
The code that makes them asks :func:`remembered`, which answers from the memo the caller set
with :func:`remembering` (a render sets the cache's: :class:`reportgen.cache.Cache`), and
makes the value, then keeps it there, when the memo has none. Without a memo, every value
is made afresh.

A key must name everything the value depends on: the input, and the library that makes it
(:func:`library_stamp`), as reportgen's own code is named by the cache itself.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol


class Memo(Protocol):
    """Where values are kept: bytes, found by a key of bytes."""

    def recall(self, key: bytes) -> bytes | None:
        """Return the value kept for ``key``, or None."""

    def keep(self, key: bytes, value: bytes) -> None:
        """Keep ``value`` for ``key``; a memo that cannot keep it lets it go."""


_current: ContextVar[Memo | None] = ContextVar("memo", default=None)


@contextmanager
def remembering(memo: Memo | None) -> Iterator[None]:
    """Let :func:`remembered` use ``memo`` (None: keep nothing) inside the ``with`` block."""
    token = _current.set(memo)
    try:
        yield
    finally:
        _current.reset(token)


def remembered(key: bytes, make: Callable[[], bytes]) -> bytes:
    """Return the value kept for ``key``, or ``make()``'s, which is then kept."""
    memo = _current.get()
    if memo is None:
        return make()
    kept = memo.recall(key)
    if kept is not None:
        return kept
    value = make()
    memo.keep(key, value)
    return value


def library_stamp(name: str) -> str:
    """Return what identifies the installed library ``name``, found without importing it.

    An upgrade rewrites the package's files: the path, size and time of the file it is
    imported from tell one version from the next. "-" when it is not installed.
    """
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return f"{name} -"
    status = os.stat(spec.origin)
    return f"{spec.origin} {status.st_size} {status.st_mtime_ns}"
