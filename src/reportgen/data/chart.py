"""Draw a figure by year as a bar chart, a PNG with Chinese labels for a report to show.

matplotlib is imported only when a chart is drawn (it takes a second to load), and
draws with its Agg backend, so no display is needed. The labels need a font with
Chinese glyphs: the first of :data:`CJK_FAMILIES` that matplotlib finds, including
the Fandol fonts that TeX Live installs where fontconfig does not look. The PNG
carries no date or version, so the same figures give the same bytes.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.data.messages import NO_CHART_FONT
from reportgen.errors import Problem, RenderError
from reportgen.messages import QUOTED

#: Sans-serif faces with simplified Chinese glyphs, best first: a chart's labels are
#: read at a small size, where a 黑体-like face reads best.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "FandolHei",
    "WenQuanYi Zen Hei",
    "SimHei",
    "Microsoft YaHei",
)
#: The Debian package that gives the first face.
FONT_PACKAGE = "fonts-noto-cjk"

#: The colour of the bars: the dark red of official charts, printable in grey.
BAR_COLOUR = "#A52A2A"
#: Resolution of the PNG: sharp in print at the width a report gives it.
DOTS_PER_INCH = 200
CM_PER_INCH = 2.54


@dataclass(frozen=True)
class BarChart:
    """What a bar chart shows: a title, one bar a year, and the unit of the values."""

    title: str
    years: Sequence[int]
    values: Sequence[float | None]
    unit: str
    #: Decimals printed above the bars.
    precision: int = 0


def chinese_font_family() -> str:
    """Return the first family of CJK_FAMILIES matplotlib can draw with; raise RenderError."""
    from matplotlib import font_manager

    _add_fandol_fonts()
    known = {font.name for font in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in known:
            return family
    families = [QUOTED(text=family) for family in CJK_FAMILIES]
    raise RenderError([Problem(NO_CHART_FONT(families=families, package=FONT_PACKAGE))])


@functools.cache
def _add_fandol_fonts() -> None:
    # -- once a process: matplotlib, like fontconfig, does not look in TeX Live's folders --
    from matplotlib import font_manager

    from reportgen.fonts import find_fandol_dir

    fandol = find_fandol_dir()
    if fandol is not None:
        for path in sorted(fandol.glob("FandolHei-*.otf")):
            font_manager.fontManager.addfont(str(path))


def bar_chart_png(chart: BarChart, width_cm: float, height_cm: float) -> bytes:
    """Return ``chart`` drawn as a PNG of ``width_cm`` by ``height_cm``, drawn once.

    A chart drawn before, by the same matplotlib, Pillow and faces, is taken from the memo
    (see :mod:`reportgen.memo`): a render of a report whose figures did not change then
    imports no matplotlib, half a second of its whole.
    """
    from reportgen.fonts import find_fandol_dir
    from reportgen.memo import library_stamp, remembered

    key = "\n".join(
        (
            "bar chart",
            repr((chart, width_cm, height_cm, CJK_FAMILIES, str(find_fandol_dir()))),
            library_stamp("matplotlib"),
            library_stamp("PIL"),
        )
    )
    drawn = functools.partial(_draw, chart, width_cm, height_cm)
    return remembered(key.encode("utf-8", "backslashreplace"), drawn)


def _draw(chart: BarChart, width_cm: float, height_cm: float) -> bytes:
    """Return ``chart`` drawn by matplotlib as a PNG of ``width_cm`` by ``height_cm``."""
    import matplotlib

    matplotlib.use("Agg")
    import PIL.Image
    from matplotlib.figure import Figure

    family = chinese_font_family()
    with matplotlib.rc_context(
        {
            "font.family": "sans-serif",
            "font.sans-serif": [family],
            "font.size": 9,
            "axes.unicode_minus": False,  # -- the CJK face has no U+2212 --
        }
    ):
        # -- a Figure, not pyplot: nothing global is kept between reports --
        figure = Figure(figsize=(width_cm / CM_PER_INCH, height_cm / CM_PER_INCH))
        axes = figure.add_subplot()
        positions = list(range(len(chart.years)))
        heights = [value or 0 for value in chart.values]
        bars = axes.bar(positions, heights, width=0.55, color=BAR_COLOUR)
        labels = ["" if value is None else f"{value:.{chart.precision}f}" for value in chart.values]
        axes.bar_label(bars, labels=labels, padding=2)
        axes.set_xticks(positions, [f"{year}年" for year in chart.years])
        # -- the unit goes into the title: a rotated Chinese axis label reads sideways --
        title = f"{chart.title}（{chart.unit}）" if chart.unit else chart.title
        axes.set_title(title, fontsize=11)
        axes.spines[["top", "right"]].set_visible(False)
        axes.margins(y=0.15)
        figure.tight_layout()
        drawn = io.BytesIO()
        figure.savefig(drawn, format="png", dpi=DOTS_PER_INCH)
        # -- RGB, not RGBA: an alpha channel becomes a needless soft mask in every PDF --
        image = PIL.Image.open(drawn).convert("RGB")
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", dpi=(DOTS_PER_INCH, DOTS_PER_INCH))
    return buffer.getvalue()
