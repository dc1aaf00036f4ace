"""Build the attachment a report may carry: a table of its main figures by year, and a chart.

``attachment:`` in report.yaml names the figures; here each becomes a row of text ready
for the template's table (its label and unit, a value a year, the period's total, the
previous period's figure and the change against it), and the chart becomes a picture
drawn when the template prints it. A report without ``attachment:`` gets one that is
empty and false, so that ``{%p if attachment %}`` leaves the attachment out.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import partial
from typing import TYPE_CHECKING, Any

from reportgen.data.figures import Figure, Group, Percent
from reportgen.data.messages import GROUP_NOT_FIGURE, NO_SUCH_FIGURE, NO_VALUES_BY_YEAR
from reportgen.data.stand_ins import Unknown
from reportgen.errors import Problem, did_you_mean
from reportgen.ooxml.pictures import InlinePicture
from reportgen.text.filters import SCALES, amount, cn_numeral

if TYPE_CHECKING:  # the attachment a loaded report keeps is read back without these
    from reportgen.data.specs import AttachmentSpec
    from reportgen.data.yaml_source import SourceFile

#: Printed where the table has no figure: a year not given, no previous period.
NO_FIGURE = "—"
#: The chart's size on the page: the text block is 15.6 cm wide.
CHART_WIDTH_CM = 14.0
CHART_HEIGHT_CM = 6.3


class AttachmentRow:
    """One figure as a row of the table, every value printed."""

    def __init__(
        self, label: str, unit: str, values: list[str], total: str, previous: str, change: str
    ) -> None:
        self.label = label
        self.unit = unit
        self.values = values
        self.total = total
        self.previous = previous
        self.change = change

    def _items(self) -> tuple[object, ...]:
        return (self.label, self.unit, self.values, self.total, self.previous, self.change)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AttachmentRow) and self._items() == other._items()

    def __repr__(self) -> str:
        return f"AttachmentRow{self._items()!r}"

    @property
    def heading(self) -> str:
        """Return the label with its unit, as the table's first column shows it: 采纳率（%）."""
        return f"{self.label}（{self.unit}）" if self.unit else self.label


class Attachment:
    """The attachment as templates see it; false when the report has none."""

    def __init__(
        self,
        title: str = "",
        years: list[int] | None = None,
        rows: list[AttachmentRow] | None = None,
        chart: InlinePicture | None = None,
        total_heading: str = "合计",
    ) -> None:
        self.title = title
        self.years = years if years is not None else []
        self.rows = rows if rows is not None else []
        self.chart = chart
        #: 五年合计 for a five-year period: the heading of the totals' column.
        self.total_heading = total_heading

    def __bool__(self) -> bool:
        return bool(self.rows)


def build_attachment(
    spec: AttachmentSpec | None,
    years: list[int],
    parts: dict[str, Group],
    report_figures: Group,
    source: SourceFile,
) -> tuple[Attachment, list[Problem]]:
    """Return the attachment ``spec`` asks for, and a problem for each figure it cannot find.

    A name is ``part.figure`` (``proposals.collected``), or a figure of the report itself.
    """
    if spec is None:
        return Attachment(), []
    finder = _FigureFinder(parts, report_figures, source)
    rows = []
    for index, name in enumerate(spec.figures):
        figure = finder.find(name, ("attachment", "figures", index))
        if figure is not None:
            rows.append(_row(figure, years))
    chart = None
    if spec.chart is not None:
        charted = finder.find(spec.chart, ("attachment", "chart"))
        if charted is not None and finder.can_chart(charted, spec.chart):
            chart = _chart(charted, years)
    total_heading = f"{cn_numeral(len(years))}年合计" if len(years) > 1 else "合计"
    return Attachment(spec.title, years, rows, chart, total_heading), finder.problems


class _FigureFinder:
    """Finds the figures an attachment names, and reports those it cannot use."""

    def __init__(self, parts: dict[str, Group], report_figures: Group, source: SourceFile) -> None:
        self.parts = parts
        self.report_figures = report_figures
        self.source = source
        self.problems: list[Problem] = []

    def find(self, name: str, path: tuple[str | int, ...]) -> Figure | Percent | None:
        """Return the figure ``name`` at ``path`` in report.yaml names, or None if none."""
        found = _lookup(name, self.parts, self.report_figures)
        if isinstance(found, Figure | Percent):
            return found
        if isinstance(found, Unknown):
            return None  # -- it failed its own check, reported already --
        if found is None:
            known = [leaf for leaf, _ in self.report_figures.leaves()]
            for part, group in self.parts.items():
                known += [f"{part}.{leaf}" for leaf, _ in group.leaves()]
            message = NO_SUCH_FIGURE(name=name, hint=did_you_mean(name, known))
        else:
            message = GROUP_NOT_FIGURE(name=name)
        field_name = "report.attachment." + str(path[1])
        self.problems.append(self.source.problem(message, path, field_name))
        return None

    def can_chart(self, figure: Figure | Percent, name: str) -> bool:
        """Return whether ``figure`` has values by year to chart; report it if not."""
        if isinstance(figure, Figure) and figure.missing:
            return False  # -- the figure awaits its value, and is reported as such already --
        if not figure.by_year:
            path = ("attachment", "chart")
            message = NO_VALUES_BY_YEAR(name=name)
            self.problems.append(self.source.problem(message, path, "report.attachment.chart"))
            return False
        return True


def _lookup(name: str, parts: dict[str, Group], report_figures: Group) -> Any:
    first, _, rest = name.partition(".")
    try:
        if first in parts and rest:
            return parts[first].lookup(rest)
        return report_figures.lookup(name)
    except KeyError:
        return None


def _row(figure: Figure | Percent, years: list[int]) -> AttachmentRow:
    if isinstance(figure, Percent):
        return _percent_row(figure, years)
    label = figure.label or figure.name
    unit = f"{figure.scale or ''}{figure.unit or ''}"
    if figure.missing:
        pending = str(figure)  # 【待填写】
        return AttachmentRow(label, unit, [pending] * len(years), pending, NO_FIGURE, NO_FIGURE)

    def number(value: float | int | None) -> str:
        # -- the table is exact: no 近 or 多, and the scale is in the unit column --
        if value is None:
            return NO_FIGURE
        return amount(value, figure.scale, figure.precision).removesuffix(figure.scale or "")

    change = NO_FIGURE
    previous = figure.previous_number
    if previous:
        change = _signed((figure.value - previous) / previous * 100, 1) + "%"
    return AttachmentRow(
        label,
        unit,
        [number(figure.by_year.get(year)) for year in years],
        number(figure.value),
        number(previous),
        change,
    )


def _percent_row(share: Percent, years: list[int]) -> AttachmentRow:
    def number(value: float | None) -> str:
        return NO_FIGURE if value is None else _fixed(value * 100, share.precision)

    change = NO_FIGURE
    if share.previous is not None:
        # -- a rate changes by percentage points, not by a percentage of itself; taken
        # from the rates as printed, so that the row adds up for a reader --
        points = Decimal(number(share.value)) - Decimal(number(share.previous))
        change = _signed(float(points), share.precision) + "个百分点"
    return AttachmentRow(
        share.label or share.name,
        "%",
        [number(share.by_year.get(year)) for year in years],
        number(share.value),
        number(share.previous),
        change,
    )


def _fixed(value: float, precision: int) -> str:
    quantum = Decimal(1).scaleb(-precision)
    return format(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP), "f")


def _signed(value: float, precision: int) -> str:
    text = _fixed(value, precision)
    if Decimal(text) == 0:
        return text.lstrip("-")
    return text if text.startswith("-") else "+" + text


def _chart(figure: Figure | Percent, years: list[int]) -> InlinePicture:
    from reportgen.data.chart import BarChart, bar_chart_png

    if isinstance(figure, Percent):
        values: list[float | None] = [
            None if year not in figure.by_year else figure.by_year[year] * 100 for year in years
        ]
        unit, precision = "%", figure.precision
    else:
        divisor = float(SCALES[figure.scale]) if figure.scale else 1.0
        values = [
            None if year not in figure.by_year else figure.by_year[year] / divisor for year in years
        ]
        unit, precision = f"{figure.scale or ''}{figure.unit or ''}", figure.precision
    span = f"{years[0]}—{years[-1]}年" if len(years) > 1 else f"{years[0]}年"
    chart = BarChart(f"{span}{figure.label or figure.name}", years, values, unit, precision)
    return InlinePicture(
        f"{chart.title}柱状图",
        CHART_WIDTH_CM,
        CHART_HEIGHT_CM,
        # A partial, not a lambda: a loaded report is kept with pickle (see reportgen.cache).
        partial(bar_chart_png, chart, CHART_WIDTH_CM, CHART_HEIGHT_CM),
    )
