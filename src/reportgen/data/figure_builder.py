"""Build a report's figures from its data and compute the derived ones.

Figures come as bare numbers, full mappings or groups of either; derived
figures (shares, growth, sums, differences) are computed from them, never typed.
Every problem is added to the shared list of the report being loaded, so one
missing figure gives one problem and not one for every sum that uses it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable
from typing import Any

from reportgen.data.figures import Figure, Group, Percent, PeriodView
from reportgen.data.messages import (
    CANNOT_COMPUTE,
    FIGURE_AND_DERIVED,
    FIGURE_AND_LIST,
    GROUP_NOT_FIGURE,
    GROWTH_FROM_ZERO,
    MEANS_ATTACHMENT,
    MEANS_DATE,
    MEANS_FIGURES,
    MEANS_LEAD,
    MEANS_LISTS,
    MEANS_OFFICIAL,
    MEANS_OPENING,
    MEANS_ORGANISATION,
    MEANS_PARAGRAPHS,
    MEANS_PART_NAME,
    MEANS_PARTS,
    MEANS_PERIOD,
    MEANS_REPORT,
    MEANS_TITLE,
    MISSPELT_FIGURE_KEY,
    NEEDS_PERIOD,
    NO_SUCH_FIGURE,
    NO_VALUE_FOR_PERIOD,
    NO_VALUE_FOR_YEAR,
    RESERVED_NAME,
    SHARE_OF_ZERO,
    SHARE_OVER_WHOLE,
    YEAR_OUTSIDE_PERIOD,
)
from reportgen.data.rules import FIGURE_FIELDS
from reportgen.data.specs import AnyContent, DerivedSpec, FigureSpec
from reportgen.data.stand_ins import Unknown
from reportgen.data.yaml_source import SourceFile
from reportgen.errors import Problem, did_you_mean
from reportgen.i18n import Message
from reportgen.text.printing import Pending

#: Names the template context gives to the report's own facts, and what each holds.
RESERVED_REPORT_NAMES = {
    "organisation": MEANS_ORGANISATION,
    "title": MEANS_TITLE,
    "period": MEANS_PERIOD,
    "date": MEANS_DATE,
    "report": MEANS_REPORT,
    "opening": MEANS_OPENING,
    "parts": MEANS_PARTS,
    "attachment": MEANS_ATTACHMENT,
    "official": MEANS_OFFICIAL,
}
#: Names a part gives to its own prose and members (``proposals.lead``).
RESERVED_PART_NAMES = {
    "name": MEANS_PART_NAME,
    "lead": MEANS_LEAD,
    "paragraphs": MEANS_PARAGRAPHS,
    "figures": MEANS_FIGURES,
    "lists": MEANS_LISTS,
}


class FigureBuilder:
    """Turns the figures and derived sections of data files into Figure values."""

    def __init__(self, problems: list[Problem], pending: set[str] | None = None) -> None:
        self.problems = problems
        #: The figures (``report.figures.x``) whose numbers are the placeholder, still to fill.
        self.pending = pending if pending is not None else set()

    def build(
        self,
        content: AnyContent,
        source: SourceFile,
        period: PeriodView | None,
        prefix: str,
        dropped: Collection[tuple[str, ...]] = (),
    ) -> Group:
        """Return the figures and derived figures of ``content``, reporting what is wrong.

        ``period`` is None when the report's period could not be read; ``dropped`` names the
        figures that failed validation, which stand in as Unknown.
        """
        figures = self._figure_group(content.figures, ("figures",), source, period, prefix)
        names = dict(figures._children)
        for section, *entry in dropped:
            if section in ("figures", "derived") and entry:
                names[entry[0]] = Unknown()
        for name, derived in content.derived.items():
            path = ("derived", name)
            if name in names:
                self.problems.append(
                    source.problem(
                        FIGURE_AND_DERIVED(name=name),
                        path,
                        f"{prefix}.derived.{name}",
                    )
                )
                continue
            value = self._derive(name, derived, Group(prefix, names), source, path, prefix)
            # A figure that cannot be derived is reported once, not again by the prose using it.
            names[name] = value if value is not None else missing_figure(name)
        for name in content.lists:
            if name in names:
                self.problems.append(
                    source.problem(
                        FIGURE_AND_LIST(name=name),
                        ("lists", name),
                        f"{prefix}.lists.{name}",
                    )
                )
        self._check_reserved(content, source, prefix)
        return Group(prefix, names)

    def _check_reserved(self, content: AnyContent, source: SourceFile, prefix: str) -> None:
        # A figure named `title` would silently replace the report's title in the
        # template (and `lead` a part's lead sentence): such names are refused.
        reserved = RESERVED_REPORT_NAMES if prefix == "report" else RESERVED_PART_NAMES
        for kind, named in (
            ("figures", content.figures),
            ("derived", content.derived),
            ("lists", content.lists),
        ):
            for name in named:
                if name in reserved:
                    self.problems.append(
                        source.problem(
                            RESERVED_NAME(name=name, meaning=reserved[name]()),
                            (kind, name),
                            f"{prefix}.{kind}.{name}",
                        )
                    )

    def _check_misspelt_figure(
        self, nodes: dict[str, Any], path: tuple[str, ...], source: SourceFile, dotted: str
    ) -> None:
        # `adopted: {valeu: 5795}` has none of a figure's keys, so it reads as a group
        # holding one figure named valeu, and {{ adopted }} would print no number.
        for name in nodes:
            if not _may_be_close(name, FIGURE_FIELDS, 0.8):
                continue  # -- difflib would find no field close enough: not imported --
            import difflib

            hint = difflib.get_close_matches(name, list(FIGURE_FIELDS), n=1, cutoff=0.8)
            if hint:
                self.problems.append(
                    source.problem(
                        MISSPELT_FIGURE_KEY(key=name, meant=hint[0], group=path[-1]),
                        (*path, name),
                        f"{dotted}.{name}",
                    )
                )

    def _figure_group(
        self,
        nodes: dict[str, Any],
        path: tuple[str, ...],
        source: SourceFile,
        period: PeriodView | None,
        prefix: str,
    ) -> Group:
        children: dict[str, Any] = {}
        for name, node in nodes.items():
            child_path = (*path, name)
            dotted = ".".join((prefix, *child_path))
            if isinstance(node, dict):
                self._check_misspelt_figure(node, child_path, source, dotted)
                children[name] = self._figure_group(node, child_path, source, period, prefix)
            elif isinstance(node, FigureSpec) and dotted in self.pending:
                children[name] = pending_figure(name, node)  # -- listed as still to fill --
            elif isinstance(node, FigureSpec):
                children[name] = self._figure(name, node, source, child_path, dotted, period)
            else:
                children[name] = Figure(name, node)
        return Group(".".join((prefix, *path)), children)

    def _figure(
        self,
        name: str,
        spec: FigureSpec,
        source: SourceFile,
        path: tuple[str, ...],
        dotted: str,
        period: PeriodView | None,
    ) -> Figure:
        given = dict(spec.by_year or {})
        empty_years = [year for year, amount in given.items() if amount is None]
        for year in empty_years:
            self.problems.append(
                source.problem(
                    NO_VALUE_FOR_YEAR(year=year), (*path, "by_year", year), dotted + ".by_year"
                )
            )
        by_year = {year: amount for year, amount in given.items() if amount is not None}
        if by_year and period is None:
            message = NEEDS_PERIOD()
            self.problems.append(source.problem(message, (*path, "by_year"), dotted + ".by_year"))
        outside = [year for year in by_year if period and not period.start <= year <= period.end]
        if outside:
            self.problems.append(
                source.problem(
                    YEAR_OUTSIDE_PERIOD(year=outside[0], period=period),
                    (*path, "by_year", outside[0]),
                    dotted + ".by_year",
                )
            )
        if spec.value is not None:
            value: float | int = spec.value
        elif empty_years:
            return missing_figure(name)  # -- each empty year is reported above --
        elif by_year:
            value = sum(by_year.values())
        else:
            self.problems.append(
                source.problem(
                    NO_VALUE_FOR_PERIOD(period=period if period else ""),
                    (*path, "value"),
                    dotted,
                )
            )
            return missing_figure(name)
        return _figure_of(name, spec, value, by_year=by_year, previous=spec.previous)

    def _derive(
        self,
        name: str,
        spec: DerivedSpec,
        known: Group,
        source: SourceFile,
        path: tuple[str, ...],
        prefix: str,
    ) -> Figure | Percent | None:
        operation, operand_names = spec.operation
        field_name = f"{prefix}.derived.{name}.{operation}"
        operands: list[Figure] = []
        for index, operand in enumerate(operand_names):
            value, message = _operand(known, operand)
            if message is not None:
                where: tuple[str | int, ...] = (*path, operation, index)
                self.problems.append(source.problem(message, where, field_name))
                return None
            if value is None or value.missing:
                return missing_figure(name)  # -- it awaits its value, reported already --
            operands.append(value)
        derived = _compute(name, spec, operands)
        if isinstance(derived, Message):
            message = CANNOT_COMPUTE(name=name, reason=derived)
            self.problems.append(source.problem(message, (*path, operation), field_name))
            return None
        return derived


def _operand(known: Group, name: str) -> tuple[Figure | None, Message | None]:
    """Return the figure ``name`` that a derived figure uses, or why it cannot be used.

    Neither, for a figure that failed its own check: that is reported already.
    """
    try:
        value = known.lookup(name)
    except KeyError:
        hint = did_you_mean(name, [path for path, _ in known.leaves()])
        return None, NO_SUCH_FIGURE(name=name, hint=hint)
    if isinstance(value, Unknown):
        return None, None
    if not isinstance(value, Figure):
        return None, GROUP_NOT_FIGURE(name=name)
    return value, None


def _compute(name: str, spec: DerivedSpec, operands: list[Figure]) -> Figure | Percent | Message:
    """Return the derived figure, or why it cannot be computed."""
    operation, names = spec.operation
    if operation == "share":
        return _share(name, spec, operands, names)
    if operation == "growth":
        old, new = operands
        if old.value == 0:
            return GROWTH_FROM_ZERO(base=names[0])
        return Percent(name, (new.value - old.value) / old.value, spec.label, spec.precision)
    return _combined(name, spec, operands, sum if operation == "sum" else _difference)


def _share(
    name: str, spec: DerivedSpec, operands: list[Figure], names: list[str]
) -> Percent | Message:
    part, whole = operands
    if whole.value == 0:
        return SHARE_OF_ZERO(whole=names[1], part=names[0])
    if part.value > whole.value:
        return SHARE_OVER_WHOLE(
            part=names[0], part_value=part.value, whole=names[1], whole_value=whole.value
        )
    return Percent(
        name,
        part.value / whole.value,
        spec.label,
        spec.precision,
        by_year={
            year: part.by_year[year] / whole.by_year[year]
            for year in sorted(set(part.by_year) & set(whole.by_year))
            if whole.by_year[year]
        },
        previous=(
            part.previous_number / whole.previous_number
            if part.previous_number is not None and whole.previous_number
            else None
        ),
    )


def _difference(values: list[float | int]) -> float | int:
    return values[0] - values[1]


def _combined(
    name: str,
    spec: DerivedSpec,
    operands: list[Figure],
    combine: Callable[[list[float | int]], float | int],
) -> Figure:
    """Return the sum or difference of ``operands``, year by year too, printed as the first."""
    first = operands[0]
    years = set.intersection(*(set(operand.by_year) for operand in operands))
    previous = [operand.previous_number for operand in operands]
    return Figure(
        name,
        combine([operand.value for operand in operands]),
        label=spec.label,
        unit=spec.unit or first.unit,
        qualifier=next((o.qualifier for o in operands if o.qualifier), None),
        scale=first.scale,
        precision=max(spec.precision, first.precision),
        by_year={
            year: combine([operand.by_year[year] for operand in operands]) for year in sorted(years)
        },
        previous=None if None in previous else combine(previous),  # type: ignore[arg-type]
    )


def pending_figure(name: str, spec: FigureSpec) -> Figure:
    """Return a figure whose numbers are still to fill: each prints 【待填写】, its label stays."""
    return _figure_of(name, spec, 0, previous=Pending(), missing=True)


def _figure_of(name: str, spec: FigureSpec, value: float | int, **numbers: Any) -> Figure:
    """Return the figure ``spec`` describes, with ``value`` and the other ``numbers`` given."""
    return Figure(
        name,
        value,
        label=spec.label,
        unit=spec.unit,
        qualifier=spec.qualifier,
        scale=spec.scale,
        precision=spec.precision,
        **numbers,
    )


def missing_figure(name: str) -> Figure:
    # Stands in for a figure that awaits its value, so that one missing figure
    # gives one problem, not one more for every sentence and sum that uses it.
    return Figure(name, 0, missing=True)


def _may_be_close(word: str, candidates: Iterable[str], cutoff: float) -> bool:
    """Return whether a candidate passes difflib's quick bound: its letters in common.

    ``get_close_matches`` keeps only candidates whose ``quick_ratio`` reaches ``cutoff``;
    when none does, it finds nothing, and difflib need not be imported to say so.
    """
    letters = Counter(word)
    for candidate in candidates:
        common = sum((letters & Counter(candidate)).values())
        if 2 * common / (len(word) + len(candidate)) >= cutoff:
            return True
    return False
