"""Templates other departments make by hand render as their authors read them.

A department writes its template in Word or WPS, as a person who knows a little Jinja would:
figures compared and added as numbers, tags that Word wraps in its own markup. Each case
either renders what the author meant or is refused with the place and what to do.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from minimal_workspace import make_workspace, paragraph_texts
from reportgen.api import check_reports, render_reports
from reportgen.i18n import set_language
from reportgen.workspace import Workspace


def rendered(root: Path, *body: str) -> list[str]:
    """Render a workspace whose template holds the paragraphs ``body``; return its text."""
    make_workspace(root, body=list(body))
    [written] = render_reports(Workspace.at(root))
    return paragraph_texts(written)


@pytest.mark.parametrize(
    ("tag", "printed"),
    [
        ("{% if proposals.collected > 10000 %}过万{% endif %}", "过万"),
        ("{% if proposals.collected >= 16489 and proposals.adopted < 6000 %}是{% endif %}", "是"),
        ("{% if proposals.collected == 16489 %}等于{% endif %}", "等于"),
        ("{% if proposals.adopted < proposals.collected %}少于{% endif %}", "少于"),
        ("{% if 20000 > proposals.collected %}不到两万{% endif %}", "不到两万"),
        ("{{ proposals.collected - proposals.adopted }}", "10694"),
        ("{{ proposals.collected + 11 }}", "16500"),
        ("{{ 2 * proposals.adopted }}", "11590"),
        ("{{ (proposals.adopted / proposals.collected * 100) | round(1) }}", "35.1"),
        ("{{ proposals.collected | int }}", "16489"),
        ("{{ proposals.collected | float }}", "16489.0"),
        ("{{ (proposals.collected / 10000) | round(2) }}", "1.65"),
        ("{{ [proposals.collected, proposals.adopted] | sum }}", "22284"),
        ("{{ [proposals.collected, proposals.adopted] | max }}", "16489"),
        ("{{ proposals.collected | abs }}", "16489"),
        ("{{ '%.1f' | format(proposals.collected / 1000) }}", "16.5"),
        ("{% if proposals.adoption_rate > 0 %}增长{% endif %}", "增长"),
        ("{% if proposals.adoption_rate >= proposals.adoption_rate %}同{% endif %}", "同"),
        ("{{ (proposals.adoption_rate * 100) | round(1) }}", "35.1"),
    ],
)
def test_a_figure_compares_and_computes_as_its_number(
    tmp_path: Path, tag: str, printed: str
) -> None:
    # `| int` once printed 0 for every figure, and `>` stopped the render with a Python error.
    assert rendered(tmp_path, tag) == [printed]


def test_a_figure_still_prints_as_the_data_asks(tmp_path: Path) -> None:
    figure = "{{ proposals.collected }}、{{ proposals.adoption_rate }}"
    assert rendered(tmp_path, figure) == ["16489、35.1%"]


def test_a_percentage_compared_with_a_number_other_than_zero_is_refused(tmp_path: Path) -> None:
    # 35.1% is held as 0.351: `> 30` may mean 30% or 3000%, and only the author knows which.
    make_workspace(tmp_path, body=["{% if proposals.adoption_rate > 30 %}超过三成{% endif %}"])
    [problem] = check_reports(Workspace.at(tmp_path))
    assert str(problem).endswith(
        "body, paragraph 1: adoption_rate is a percentage (35.1%), so comparing it with 30 is "
        "ambiguous: compare adoption_rate.value with the fraction (0.3 for 30%), or with another "
        "percentage in {% if proposals.adoption_rate > 30 %}"
    )
    set_language("zh")
    try:
        assert "请用 adoption_rate.value 与小数比较（30% 写作 0.3）" in str(problem)
    finally:
        set_language("en")
