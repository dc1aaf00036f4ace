"""The bounds every template and every piece of prose renders within, and how they are measured.

A template or a sentence of prose may come from anywhere, and Jinja's sandbox bounds only
``range()``: ``{{ "a" * 10**9 }}`` or two nested loops over ``range(100000)`` would take the
machine's memory or hours. So every value a template makes is measured as it is made (see
:mod:`reportgen.text.sandbox`), and each render runs on a :class:`Budget` of loop iterations
and time. Going beyond a bound raises :class:`LimitExceeded`, which names the bound.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from jinja2.exceptions import SecurityError

from reportgen.i18n import Message
from reportgen.patterns import LazyPattern
from reportgen.text.messages import (
    NUMBER_TOO_LARGE,
    STAR_WIDTH,
    TOO_MANY_LOOPS,
    TOO_SLOW,
    VALUE_TOO_LARGE,
    WIDTH_TOO_LARGE,
)

#: Characters of a text, or items of a list counted with the items of the lists in it.
MAX_VALUE = 1_000_000
#: Digits of a whole number made by arithmetic (Python prints no more than 4,300).
MAX_DIGITS = 4_300
#: Loop iterations in one document, or in one report's prose.
MAX_LOOPS = 1_000_000
#: Characters of XML one document renders to.
MAX_DOCUMENT = 50_000_000
#: Seconds one document, or one report's prose, may take to render.
MAX_SECONDS = 60

_MAX_BITS = math.ceil(MAX_DIGITS * math.log2(10))
_CONTAINERS = (list, tuple, set, frozenset, dict)
_DIGITS = LazyPattern(r"\d+")
#: A printf-style conversion: %s, %-10.3f, %(name)s, %*d.
_PRINTF = LazyPattern(r"%(?:\([^)]*\))?([^a-zA-Z%]*)[a-zA-Z%]")


class LimitExceeded(SecurityError):
    """Raised when a template or prose goes beyond a bound; ``detail`` says which."""

    def __init__(self, detail: Message) -> None:
        super().__init__(str(detail))
        self.detail = detail


class Budget:
    """The loop iterations and time one render may still take."""

    def __init__(self) -> None:
        self.loops = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def loop(self) -> None:
        """Count one loop iteration; raise LimitExceeded beyond the bounds."""
        self.loops += 1
        if self.loops > MAX_LOOPS:
            raise LimitExceeded(TOO_MANY_LOOPS(limit=f"{MAX_LOOPS:,}"))
        if not self.loops & 0x3FF:
            self.check_time()

    def check_time(self) -> None:
        """Raise LimitExceeded once the render has taken longer than it may."""
        if time.monotonic() > self.deadline:
            raise LimitExceeded(TOO_SLOW(limit=MAX_SECONDS))


_budget: ContextVar[Budget | None] = ContextVar("render_budget", default=None)


@contextmanager
def budget() -> Iterator[Budget]:
    """Render everything inside on one budget: the running one, or a new one."""
    running = _budget.get()
    if running is not None:
        yield running
        return
    token = _budget.set(Budget())
    try:
        yield _budget.get() or Budget()
    finally:
        _budget.reset(token)


def budget_running() -> bool:
    """Return whether a render's budget is open: one a caller inside it shares, unopened."""
    return _budget.get() is not None


def current_budget() -> Budget:
    """Return the budget of the render running now.

    Every render of the sandbox opens one (see BoundedTemplate); code that calls a bounded
    operation outside any render gets a budget of its own for that call, never one that
    stays behind in the thread with a deadline long past.
    """
    return _budget.get() or Budget()


def measure(value: Any) -> int:
    """Return the characters of a text, or the items of a container counted deep.

    A list that holds one list a thousand times counts it a thousand times, as printing it
    would; the count stops as soon as it passes :data:`MAX_VALUE`.
    """
    if isinstance(value, str | bytes):
        return len(value)
    if not isinstance(value, _CONTAINERS):
        return 1
    sizes: dict[int, int] = {}
    open_: set[int] = set()
    stack: list[tuple[Any, bool]] = [(value, False)]
    while stack:
        node, measured_children = stack.pop()
        if id(node) in sizes:
            continue
        items = _items(node)
        if not measured_children:
            open_.add(id(node))
            stack.append((node, True))
            stack += [(item, False) for item in items if _unmeasured(item, sizes, open_)]
            continue
        open_.discard(id(node))
        total = len(items) + sum(_size_of(item, sizes) for item in items)
        sizes[id(node)] = total
        if total > MAX_VALUE:
            return total
    return sizes[id(value)]


def _items(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return [*node.keys(), *node.values()]
    return list(node)


def _unmeasured(item: Any, sizes: dict[int, int], open_: set[int]) -> bool:
    return isinstance(item, _CONTAINERS) and id(item) not in sizes and id(item) not in open_


def _size_of(item: Any, sizes: dict[int, int]) -> int:
    if isinstance(item, str | bytes):
        return len(item)
    return sizes.get(id(item), 1)


def check_value(value: Any) -> Any:
    """Return ``value``; raise LimitExceeded if it is a text, list or number beyond the bounds."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > _MAX_BITS:
            raise LimitExceeded(NUMBER_TOO_LARGE(limit=f"{MAX_DIGITS:,}"))
        return value
    size = measure(value)
    if size > MAX_VALUE:
        raise LimitExceeded(VALUE_TOO_LARGE(size=f"{size:,}", limit=f"{MAX_VALUE:,}"))
    return value


def check_size(size: int) -> None:
    """Raise LimitExceeded if a value about to be made would hold ``size`` characters or items."""
    if size > MAX_VALUE:
        raise LimitExceeded(VALUE_TOO_LARGE(size=f"{size:,}", limit=f"{MAX_VALUE:,}"))


def check_width(width: Any) -> None:
    """Raise LimitExceeded if ``width`` (a padding width or a count) is beyond the bounds."""
    if isinstance(width, int) and not isinstance(width, bool) and width > MAX_VALUE:
        raise LimitExceeded(WIDTH_TOO_LARGE(size=f"{width:,}", limit=f"{MAX_VALUE:,}"))


def check_power(base: Any, exponent: Any) -> None:
    """Raise LimitExceeded if ``base ** exponent`` would be a whole number beyond the bounds."""
    if not all(isinstance(value, int) for value in (base, exponent)) or exponent <= 0:
        return  # -- a float overflows on its own (OverflowError); a negative power is a float --
    if abs(base) > 1 and math.log2(abs(base)) * exponent > _MAX_BITS:
        raise LimitExceeded(NUMBER_TOO_LARGE(limit=f"{MAX_DIGITS:,}"))


def check_format_spec(spec: str) -> None:
    """Raise LimitExceeded if a format spec (``>10``, ``.3f``, ``%Y``) asks for a huge width."""
    for digits in _DIGITS.findall(spec):
        check_width(int(digits))


def check_printf(text: str) -> None:
    """Raise LimitExceeded if a printf-style format (``%10s``) asks for a huge or * width."""
    for flags in _PRINTF.findall(text):
        if "*" in flags:
            raise LimitExceeded(STAR_WIDTH())
        check_format_spec(flags)
