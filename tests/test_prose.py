"""Prose that only prints values is rendered without Jinja, to exactly what Jinja renders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import reportgen.data.prose
from reportgen.data.figures import Figure, Group
from reportgen.data.loader import load_report_data
from reportgen.data.prose import print_values
from reportgen.text.environment import make_environment

REPO = Path(__file__).resolve().parent.parent
SCOPE: dict[str, Any] = {
    "collected": Figure("collected", 16489),
    "benefit": Figure("benefit", 398_000_000, qualifier="近", scale="亿"),
    "awards": Group("awards", {"city": Group("awards.city", {"teams": Figure("teams", 12)})}),
    "trades": ["电工", "焊工"],
    "rank": 4,
}


@pytest.mark.parametrize(
    "text",
    [
        "共征集合理化建议{{ collected }}条，创造经济效益{{benefit}}元。",
        "{{ awards.city.teams }}个班组",
        "涉及{{ trades | quoted }}等工种，名列第{{ rank|cn_numeral }}。",
        "只有{大括号}和 } 的文字",
    ],
)
def test_printed_values_are_what_jinja_prints(text: str) -> None:
    environment = make_environment(for_docx=False)

    assert print_values(environment, text, SCOPE) == environment.from_string(text).render(SCOPE)


@pytest.mark.parametrize(
    "text",
    [
        "{{ collected + 1 }}",  # an expression
        "{% if collected %}有{% endif %}",  # a block
        "{{ missing }}",  # Jinja explains what is missing
        "{{ awards.county.teams }}",
        "{{ collected | no_such_filter }}",
        "{{ trades | cn_numeral }}",  # a filter that fails
        "{{- collected }}",  # whitespace control
        "{{ collected }}\r\n",  # Jinja normalises line ends
        "{{ awards._name }}",  # the sandbox decides
    ],
)
def test_anything_else_is_left_to_jinja(text: str) -> None:
    assert print_values(make_environment(for_docx=False), text, SCOPE) is None


@pytest.mark.parametrize("report", ["five-year-report", "youth-league-summary"])
def test_the_samples_load_to_the_same_prose_either_way(
    report: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = REPO / "data" / report
    assert directory.is_dir(), f"the sample {report} is part of the repository"
    fast = load_report_data(directory).context
    monkeypatch.setattr(reportgen.data.prose, "print_values", lambda *arguments: None)
    slow = load_report_data(directory).context

    assert _prose(fast) == _prose(slow)
    assert _prose(fast)  # there is prose to compare


def _prose(value: Any) -> Any:
    """Return every text in a context, in order, with the names leading to it."""
    if isinstance(value, Group):
        return [(key, _prose(child)) for key, child in value._children.items()]
    if isinstance(value, dict):
        return [(key, _prose(child)) for key, child in value.items()]
    if isinstance(value, list):
        return [_prose(child) for child in value]
    return value if isinstance(value, str) else None
