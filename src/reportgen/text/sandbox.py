"""Jinja's sandbox with bounds: every value a template makes is measured as it is made.

Jinja's sandbox keeps templates away from Python's internals; :class:`BoundedSandbox` also
keeps them within :mod:`reportgen.text.limits`. A value grows only through an operation,
and each kind is bounded where it happens:

- ``*``, ``**``, ``+`` and ``%`` are intercepted (which also stops Jinja from folding
  ``"a" * 10**9`` while compiling): repetition, powers and printf widths are refused
  before they are computed, other results measured;
- every filter, and every method or macro called, has its widths and counts checked
  before the call (``center``, ``ljust``, ``replace``, ``join``, ``format``, ``lipsum``…)
  and its result measured after it;
- ``~``, list and dict literals are measured, and so is every block captured as a value
  (``{% set %}…{% endset %}``, a macro's output);
- every ``{% for %}`` counts its iterations on the render's :class:`~limits.Budget`,
  which also bounds its time.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from string import Formatter
from typing import Any

from jinja2 import Template, nodes, pass_context
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context, LoopContext
from jinja2.sandbox import (
    ImmutableSandboxedEnvironment,
    SandboxedEscapeFormatter,
    SandboxedFormatter,
)
from jinja2.utils import generate_lorem_ipsum
from jinja2.visitor import NodeTransformer
from markupsafe import EscapeFormatter, Markup

from reportgen.text.limits import (
    budget,
    check_format_spec,
    check_power,
    check_printf,
    check_size,
    check_value,
    check_width,
    current_budget,
    measure,
)

#: How many answers about an attribute a sandbox keeps: a template names only so many.
_KEPT_ANSWERS = 4096
#: The filters the compiled code calls on what it makes; not meant for templates.
_LOOP = "_reportgen_loop"
_VALUE = "_reportgen_value"


class BoundedTemplate(Template):
    """A template whose every render runs on a budget: the caller's, or one of its own."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        """Render as Jinja does, within the running budget of loops and time."""
        with budget():
            return super().render(*args, **kwargs)

    def generate(self, *args: Any, **kwargs: Any) -> Iterator[str]:
        """Yield the output as Jinja does, within the running budget of loops and time."""
        with budget():
            yield from super().generate(*args, **kwargs)


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """An immutable sandbox in which no value, loop or render goes beyond the bounds."""

    intercepted_binops = frozenset(["*", "**", "+", "%"])

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        # -- every render opens a budget, so none lingers in a thread that outlives it
        # (the web server's worker threads render for hours) --
        self.template_class = BoundedTemplate
        self.code_generator_class = _BoundedCodeGenerator
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}
        self.filters[_LOOP] = _count_iterations
        self.filters[_VALUE] = check_value
        self.globals["lipsum"] = _lipsum
        self._safe_attributes: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Return whether a template may read ``attr`` of ``obj``, as Jinja's sandbox says.

        Its answer depends on the object's class and the attribute's name alone (the private
        and internal attributes, the methods that change a list or a mapping), so it is kept
        for each pair: a batch reads the same attributes of the same kinds of value in every
        document, and asking took a third of rendering one.
        """
        kind = type(obj)
        if kind is not obj.__class__:  # -- an object that names another class: asked each time --
            return super().is_safe_attribute(obj, attr, value)
        safe = self._safe_attributes.get((kind, attr))
        if safe is None:
            safe = super().is_safe_attribute(obj, attr, value)
            if len(self._safe_attributes) < _KEPT_ANSWERS:
                self._safe_attributes[(kind, attr)] = safe
        return safe

    def add_filters(self, filters: dict[str, Callable[..., Any]]) -> None:
        """Register ``filters``, each bounded as Jinja's own are."""
        self.filters.update({name: _bounded_filter(name, f) for name, f in filters.items()})

    def call_binop(self, context: Context, operator_: str, left: Any, right: Any) -> Any:
        """Apply an intercepted operator, refusing what would be too large to make."""
        current_budget().check_time()
        if operator_ == "**":
            check_power(left, right)
        elif operator_ == "*":
            _check_repetition(left, right)
        elif operator_ == "+" and not isinstance(left, int | float):
            check_size(measure(left) + measure(right))
        elif operator_ == "%" and isinstance(left, str):
            check_printf(left)
        return check_value(self.binop_table[operator_](left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        """Call a method, macro or function, refusing arguments that would make too much."""
        current_budget().check_time()
        if isinstance(__obj, LoopContext) and args:
            args = (_counted(args[0]), *args[1:])  # -- a recursive loop's next level --
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str | bytes):
            check = _METHOD_CHECKS.get(getattr(__obj, "__name__", ""), _no_check)
            args = check(owner, args, kwargs)
        # -- the arguments were measured when they were made: only the result is new --
        return check_value(super().call(__context, __obj, *args, **kwargs))

    def concat(self, pieces: Iterable[str]) -> str:
        """Join what a block, a macro or prose printed; refuse it beyond a value's bounds."""
        joined: list[str] = []
        size = 0
        for piece in pieces:
            size += len(piece)
            check_size(size)
            joined.append(piece)
        return "".join(joined)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """Bound the widths of ``str.format``, as the sandbox bounds what it reaches."""
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        owner = value.__self__
        formatter: Formatter
        if isinstance(owner, Markup):
            formatter = _BoundedEscapeFormatter(self, escape=owner.escape)
        else:
            formatter = _BoundedFormatter(self)

        def bounded(*args: Any, **kwargs: Any) -> str:
            if value.__name__ == "format_map":
                if kwargs or len(args) != 1:
                    return wrapper(*args, **kwargs)  # -- the TypeError Jinja's wrapper raises --
                mapping: dict[str, Any] = args[0]
                args, kwargs = (), mapping
            text: str = type(owner)(formatter.vformat(owner, args, kwargs))
            return text

        return functools.update_wrapper(bounded, value)


class _BoundedFormatter(SandboxedFormatter):
    def format_field(self, value: Any, format_spec: str) -> Any:
        check_format_spec(format_spec)
        if _awaiting([value]) is not None:
            return value  # -- '{:,}'.format(amount), the amount still to enter: 【待填写】 --
        return super().format_field(value, format_spec)


class _BoundedEscapeFormatter(_BoundedFormatter, SandboxedEscapeFormatter, EscapeFormatter):
    pass


# -- the compiled code: loops counted, literals and ~ measured --


class _Bounding(NodeTransformer):
    """Wraps each loop's items in a counter, and each literal and ``~`` in a measure."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, _LOOP, [], [], None, None, lineno=node.lineno)
        return node

    def _measured(self, node: nodes.Expr) -> nodes.Node:
        self.generic_visit(node)
        return nodes.Filter(node, _VALUE, [], [], None, None, lineno=node.lineno)

    visit_Concat = visit_List = visit_Dict = _measured

    def visit_Tuple(self, node: nodes.Tuple) -> nodes.Node:
        return self._measured(node) if node.ctx == "load" else self.generic_visit(node)


class _BoundedCodeGenerator(CodeGenerator):
    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        _Bounding().visit(node)
        super().visit_Template(node, frame)


@pass_context  # -- never called while compiling: it counts on the render's budget --
def _count_iterations(context: Context, items: Iterable[Any]) -> Iterator[Any]:
    return _counted(items)


def _counted(items: Iterable[Any]) -> Iterator[Any]:
    running = current_budget()
    for item in items:
        running.loop()
        yield item


# -- filters and methods: the arguments that make a result larger than its input --


@functools.cache  # -- the same for every environment: a run makes two or three, each 66 --
def _bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """Return ``function`` with its arguments checked before, and its result measured after."""
    check: Callable[..., Any] = _FILTER_CHECKS.get(name, _no_filter_check)
    passed = 1 if hasattr(function, "jinja_pass_arg") else 0  # -- context, eval_ctx or env --
    numeric = name in _NUMBER_FILTERS

    @functools.wraps(function)  # -- keeps jinja_pass_arg: Jinja passes the context the same --
    def bounded(*args: Any, **kwargs: Any) -> Any:
        if numeric:
            waiting = _awaiting([*args[passed:], *kwargs.values()])
            if waiting is not None:
                return waiting
        if len(args) > passed:
            value = check(*args[passed:], **kwargs)
            args = (*args[:passed], value, *args[passed + 1 :])
        return check_value(function(*args, **kwargs))

    return bounded


#: Jinja's filters of numbers: a number still to enter (【待填写】) passes through them as it
#: passes through reportgen's, where they would fail on it ('%.2f'|format) or print 0 (int).
_NUMBER_FILTERS = frozenset({"abs", "filesizeformat", "float", "format", "int", "round"})


def _awaiting(values: Iterable[Any]) -> Any:
    """Return the first of ``values`` that stands in for data still to enter, or None."""
    return next((value for value in values if getattr(value, "missing", False) is True), None)


def _no_filter_check(value: Any, *args: Any, **kwargs: Any) -> Any:
    return value


def _count(name: str, default: Any) -> Callable[..., Any]:
    """Return the check of a filter whose first argument, ``name``, is a width or a count."""

    def check(value: Any, *args: Any, **kwargs: Any) -> Any:
        check_width(args[0] if args else kwargs.get(name, default))
        return value

    return check


def _indent(value: Any, width: Any = 4, *args: Any, **kwargs: Any) -> Any:
    step = len(width) if isinstance(width, str) else width
    if isinstance(step, int):
        check_width(step)
        check_size(len(str(value)) + (str(value).count("\n") + 1) * step)
    return value


def _wordwrap(
    value: Any,
    width: Any = 79,
    break_long_words: Any = True,
    wrapstring: Any = None,
    *args: Any,
    **kwargs: Any,
) -> Any:
    text, glue = str(value), wrapstring if isinstance(wrapstring, str) else "\n"
    lines = len(text) // width if isinstance(width, int) and width > 0 else len(text)
    check_size(len(text) + (lines + text.count("\n") + 1) * len(glue))
    return value


def _replace(
    value: Any, old: Any = "", new: Any = "", count: Any = None, *args: Any, **kwargs: Any
) -> Any:
    _check_replace(str(value), old, new, count)
    return value


def _join(value: Any, d: Any = "", *args: Any, **kwargs: Any) -> list[Any]:
    items = list(value)
    _check_join(items, d)
    return items


def _sum(value: Any, attribute: Any = None, start: Any = 0, *args: Any, **kwargs: Any) -> Any:
    if isinstance(start, int | float):
        return value
    items = list(value)
    check_size(measure(start) + sum(measure(item) for item in items))
    return items


def _printf(value: Any, *args: Any, **kwargs: Any) -> Any:
    check_printf(str(value))
    return value


def _tojson(value: Any, indent: Any = None, *args: Any, **kwargs: Any) -> Any:
    if isinstance(indent, int):
        check_width(indent)
        check_size(measure(value) * (indent + 2))
    return value


_FILTER_CHECKS: dict[str, Callable[..., Any]] = {
    "center": _count("width", 80),
    "batch": _count("linecount", 0),
    "slice": _count("slices", 0),
    "indent": _indent,
    "wordwrap": _wordwrap,
    "replace": _replace,
    "join": _join,
    "sum": _sum,
    "format": _printf,
    "tojson": _tojson,
}


def _no_check(owner: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    return args


def _method_width(owner: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    check_width(args[0] if args else kwargs.get("width", 0))
    return args


def _method_tabs(owner: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    size = args[0] if args else kwargs.get("tabsize", 8)
    if isinstance(size, int):
        tab = "\t" if isinstance(owner, str) else b"\t"
        check_size(len(owner) + owner.count(tab) * size)
    return args


def _method_replace(owner: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    if len(args) >= 2:
        _check_replace(owner, args[0], args[1], args[2] if len(args) > 2 else None)
    return args


def _method_join(owner: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    if not args:
        return args
    items = list(args[0])
    _check_join(items, owner)
    return (items, *args[1:])


def _method_translate(owner: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    table = args[0] if args else None
    if isinstance(table, dict):
        longest = max((measure(value) for value in table.values()), default=1)
        check_size(len(owner) * max(longest, 1))
    return args


_METHOD_CHECKS: dict[str, Callable[[Any, tuple[Any, ...], dict[str, Any]], tuple[Any, ...]]] = {
    "center": _method_width,
    "ljust": _method_width,
    "rjust": _method_width,
    "zfill": _method_width,
    "expandtabs": _method_tabs,
    "replace": _method_replace,
    "join": _method_join,
    "translate": _method_translate,
}


def _check_repetition(left: Any, right: Any) -> None:
    for sequence, times in ((left, right), (right, left)):
        if isinstance(times, int) and isinstance(sequence, str | bytes | list | tuple):
            check_size(measure(sequence) * max(times, 0))


def _check_replace(text: Any, old: Any, new: Any, count: Any) -> None:
    if not isinstance(text, str | bytes) or not isinstance(old, str | bytes):
        return
    found = len(text) + 1 if not old else text.count(old)  # type: ignore[arg-type]
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    check_size(len(text) + found * measure(new))


def _check_join(items: list[Any], separator: Any) -> None:
    check_size(sum(measure(item) for item in items) + max(len(items) - 1, 0) * measure(separator))


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:  # noqa: A002
    """Return placeholder text, as Jinja's lipsum() does, within a value's bounds."""
    if isinstance(n, int) and isinstance(max, int):
        check_size(n * max * 12)  # -- a word and its space take fewer than 12 characters --
    return generate_lorem_ipsum(n, html, min, max)
