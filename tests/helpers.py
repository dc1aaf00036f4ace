"""Helpers several test modules share; a test module never imports from another test module."""

from __future__ import annotations

import csv
import difflib
import os
import re
from pathlib import Path
from typing import NoReturn

import pytest

from reportgen.cli import main

#: An attachment section for the sample five-year report, and a chart line to go with it.
ATTACHMENT = """\
attachment:
  title: 主要指标情况表
  figures: [proposals.collected, proposals.adopted, proposals.adoption_rate, proposals.benefit]
"""
CHART = "  chart: proposals.collected\n"


def switch_on(workspace: Path, section: str = ATTACHMENT + CHART) -> Path:
    """Append an attachment section to the sample report.yaml; return that file."""
    report = workspace / "data" / "five-year-report" / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + section, encoding="utf-8")
    return report


# -- the sample batch, data/ankang-certificates (the fixture ``certificates`` copies it) --

REPORT = "ankang-certificates"
TEMPLATE = "certificate.docx"


def winners(root: Path) -> list[dict[str, str]]:
    with (root / "data" / REPORT / "winners.csv").open(encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def written(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def render(*arguments: str) -> int:
    return main(["render", REPORT, *arguments])


BAD_TABLE = (
    "number,name,award\n"
    "AK2023-01,长江钢铁集团有限公司,优胜单位\n"
    "AK2023-02,市第一\a建筑工程有限公司,优胜单位\n"
    "AK2023-03,长江石化股份有限公司炼油厂\n"
    "\n"
    "AK2023-04,,优胜单位\n"
    "AK2023-05,{{ 张三 }},优胜单位\n"
    "AK2023-06,市自来水有限公司,优胜单位\n"
    "AK2023-06,市自来水有限公司,优胜单位\n"
    'AK2023-07,"长江电力股份有限公司\n检修分公司",优胜单位\n'
    "AK2023-08,市燃气集团有限公司,优胜班组\n"
)

#: What a Chinese message may hold in Latin letters: names a clerk types or sees as they are.
_LITERALS = [
    r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}",  # tags
    r"“[^”]*”|‘[^’]*’|「[^」]*」|`[^`]*`|'[^'\n]*'|\"[^\"\n]*\"",  # quoted names and text
    r"\S*[/\\]\S*",  # paths
    r"[\w.-]+\.(?:ya?ml|docx?|csv|xlsx?|ods|pdf|json|toml|wps|png|txt)\b",  # file names
    r"[A-Za-z_][\w-]*(?:\.[\w\[\]-]+)+",  # dotted field names: proposals.figures.adopted
    r"\w*_\w*",  # names with an underscore: by_year, adoption_rate
    r"(?<!\S)--?[a-z][\w-]*",  # command-line options
]
_LITERAL = re.compile("|".join(_LITERALS))
_ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*(?:[ \t]+[A-Za-z][A-Za-z0-9'’-]*){2,}")


def english_runs(text: str) -> list[str]:
    """Return every run of three or more English words in ``text`` outside literal names."""
    return _ENGLISH_RUN.findall(_LITERAL.sub(" · ", text))


def changed_lines(old: str, new: str) -> list[str]:
    """Return the lines a change removed (-) and added (+), as a unified diff shows them."""
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def missing_under_ci(message: str) -> NoReturn:
    """Skip the test for a missing program, but fail it under CI, where every program exists."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
