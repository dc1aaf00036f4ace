"""Helpers several test modules share; a test module never imports from another test module."""

from __future__ import annotations

from pathlib import Path

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
