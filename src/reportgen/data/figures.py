"""The values a report prints: figures, derived percentages, and groups of them.

A :class:`Figure` prints itself the way the data asks (``近4亿``, ``40多万``),
so prose and templates just write ``{{ benefit }}``; the number stays available
as ``.value`` for tables, charts and arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from reportgen.data.messages import PERCENT_COMPARED
from reportgen.errors import InvalidValue
from reportgen.i18n import Language
from reportgen.text.filters import amount, percent
from reportgen.text.printing import PENDING, Fields, Pending, Printable


def _operand(other: Any) -> float | int | None:
    """Return the number ``other`` stands for in arithmetic with a figure, or None."""
    if isinstance(other, Numeric):
        return other.value
    if isinstance(other, int | float) and not isinstance(other, bool):
        return other
    return None


def _operator(
    apply: Callable[[Any, Any], Any], *, reflected: bool = False
) -> Callable[[Numeric, Any], Any]:
    def method(self: Numeric, other: Any) -> Any:
        number = _operand(other)
        if number is None:
            return NotImplemented
        return apply(number, self.value) if reflected else apply(self.value, number)

    return method


class Numeric:
    """A value that takes part in arithmetic and comparisons as its number, ``value``.

    A template's author writes ``{% if collected > 10000 %}`` or ``{{ a - b }}`` as of any
    number; the result of arithmetic is a plain number. Two figures are equal when their
    numbers are. Printing is left to the class (``近4亿``, ``35.1%``).
    """

    value: float | int

    __lt__ = _operator(lambda a, b: a < b)
    __le__ = _operator(lambda a, b: a <= b)
    __gt__ = _operator(lambda a, b: a > b)
    __ge__ = _operator(lambda a, b: a >= b)
    __add__ = _operator(lambda a, b: a + b)
    __radd__ = _operator(lambda a, b: a + b, reflected=True)
    __sub__ = _operator(lambda a, b: a - b)
    __rsub__ = _operator(lambda a, b: a - b, reflected=True)
    __mul__ = _operator(lambda a, b: a * b)
    __rmul__ = _operator(lambda a, b: a * b, reflected=True)
    __truediv__ = _operator(lambda a, b: a / b)
    __rtruediv__ = _operator(lambda a, b: a / b, reflected=True)
    __floordiv__ = _operator(lambda a, b: a // b)
    __rfloordiv__ = _operator(lambda a, b: a // b, reflected=True)
    __mod__ = _operator(lambda a, b: a % b)
    __rmod__ = _operator(lambda a, b: a % b, reflected=True)

    def __eq__(self, other: object) -> bool:
        number = _operand(other)
        if number is None:
            return NotImplemented
        return bool(self.value == number)

    def __hash__(self) -> int:
        return hash(self.value)

    def __neg__(self) -> float | int:
        return -self.value

    def __pos__(self) -> float | int:
        return +self.value

    def __abs__(self) -> float | int:
        return abs(self.value)

    def __int__(self) -> int:
        return int(self.value)

    def __float__(self) -> float:
        return float(self.value)

    def __round__(self, digits: int | None = None) -> float | int:
        return round(self.value, digits)


class Figure(Numeric, Printable):
    """A number from the data, with how to print it and where it came from.

    ``by_year`` holds the figure for each year of the period when the data
    gives it per year; ``value`` is then their sum. ``previous`` is the same
    figure for the previous period, when known.

    Figures, percentages and periods are plain classes, not dataclasses: making a
    dataclass at import takes about half a millisecond, and every render imports them.
    """

    def __init__(
        self,
        name: str,
        value: float | int,
        label: str | None = None,
        unit: str | None = None,
        qualifier: str | None = None,
        scale: str | None = None,
        precision: int = 0,
        by_year: dict[int, float | int] | None = None,
        previous: float | int | Pending | None = None,
        missing: bool = False,
    ) -> None:
        self.name = name
        self.value = value
        self.label = label
        self.unit = unit
        self.qualifier = qualifier
        self.scale = scale
        self.precision = precision
        self.by_year = by_year if by_year is not None else {}
        #: The previous period's figure; 【待填写】 (Pending) while a figure is still to fill.
        self.previous = previous
        #: True while the figure awaits its value (a new period's data).
        self.missing = missing

    def __str__(self) -> str:
        if self.missing:
            return PENDING
        return amount(self.value, self.scale, self.precision, self.qualifier)

    @property
    def change(self) -> Percent | Pending | None:
        """Return the change against the previous period, or None when it is unknown."""
        if self.missing:
            return Pending()
        if self.previous in (None, 0) or isinstance(self.previous, Pending):
            return None
        assert self.previous is not None
        return Percent(self.name + ".change", (self.value - self.previous) / self.previous)

    @property
    def previous_number(self) -> float | int | None:
        """Return the previous period's figure when it is a number (not still to fill)."""
        return self.previous if isinstance(self.previous, int | float) else None

    def formatted(self, value: float | int) -> str:
        """Return another number (one year's figure, say) printed the way this figure is."""
        return amount(value, self.scale, self.precision, self.qualifier)


def _compared(compare: Callable[[Any, Any], bool]) -> Callable[[Percent, Any], Any]:
    def method(self: Percent, other: Any) -> Any:
        number = _operand(other)
        if number is None:
            return NotImplemented
        if number != 0 and not isinstance(other, Percent):
            # -- 35.1% is 0.351: is `> 30` meant as 30% or as 3000%? Only the author knows --
            raise InvalidValue(
                PERCENT_COMPARED(
                    name=self.name,
                    shown=str(self),
                    number=other,
                    example=f"{number / 100:g}",
                    percent=f"{number:g}",
                )
            )
        return compare(self.value, number)

    return method


class Percent(Numeric, Printable):
    """A derived share or growth, held as a fraction and printed as a percentage.

    A share of figures given per year has ``by_year`` too (the share in each year), and
    ``previous`` when both figures have theirs.
    """

    def __init__(
        self,
        name: str,
        value: float,
        label: str | None = None,
        precision: int = 0,
        unit: str = "%",
        by_year: dict[int, float] | None = None,
        previous: float | None = None,
    ) -> None:
        self.name = name
        self.value = value
        self.label = label
        self.precision = precision
        self.unit = unit
        self.by_year = by_year if by_year is not None else {}
        self.previous = previous

    def __str__(self) -> str:
        return percent(self.value, self.precision)

    # -- a fraction in arithmetic, but compared only where no reading of it is wrong --
    __lt__ = _compared(lambda a, b: a < b)
    __le__ = _compared(lambda a, b: a <= b)
    __gt__ = _compared(lambda a, b: a > b)
    __ge__ = _compared(lambda a, b: a >= b)


class Group(Fields):
    """Named figures under one name, reached as ``awards.national.enterprises``.

    Not a dict: a dict's own attributes (``items``, ``values``) would hide
    figures that happen to carry those names in a template.
    """

    def __init__(self, name: str, children: dict[str, Any]) -> None:
        self._name = name
        self._children = children

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self._children[key]
        except KeyError:
            raise AttributeError(key) from None

    def __getitem__(self, key: str) -> Any:
        return self._children[key]

    def __contains__(self, key: object) -> bool:
        return key in self._children

    def __iter__(self) -> Iterator[Any]:
        return iter(self._children.values())

    def __len__(self) -> int:
        return len(self._children)

    def __str__(self) -> str:
        return self._name

    def names(self) -> list[str]:
        """Return the names of the members, in the data's order."""
        return list(self._children)

    def _field_names(self) -> list[str]:
        return self.names()

    def lookup(self, path: str) -> Any:
        """Return the member at a dotted ``path``; raise KeyError naming the missing step."""
        node: Any = self
        for step in path.split("."):
            if not isinstance(node, Group) or step not in node._children:
                raise KeyError(step)
            node = node._children[step]
        return node

    def leaves(self, prefix: str = "") -> Iterator[tuple[str, Any]]:
        """Yield ``(dotted path, value)`` for every figure under this group."""
        for key, child in self._children.items():
            path = f"{prefix}{key}"
            if isinstance(child, Group):
                yield from child.leaves(path + ".")
            else:
                yield path, child


class PeriodView(Printable):
    """The years a report covers, as templates see them."""

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PeriodView):
            return NotImplemented
        return (self.start, self.end) == (other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def __repr__(self) -> str:
        return f"PeriodView({self.start}, {self.end})"

    @property
    def years(self) -> list[int]:
        """Return every year of the period, in order."""
        return list(range(self.start, self.end + 1))

    @property
    def length(self) -> int:
        """Return the number of years in the period."""
        return self.end - self.start + 1

    def __str__(self) -> str:
        return f"{self.start}—{self.end}"

    def worded(self, language: Language) -> str:
        """Return the period as a message says it: 2019—2023, or 2019—2023年 in Chinese."""
        span = str(self) if self.start != self.end else str(self.start)
        return f"{span}年" if language == "zh" else span
