"""What the figures of a form print now: each figure, each derived one, each tag in the prose.

They are computed as loading a report computes them (with the data stage's FigureBuilder),
but file by file, so that a report with a problem elsewhere (a new period's empty figure,
a sentence still to write) still shows every value that can be computed; a figure still to
enter prints as 【待填写】, as the document would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment

from reportgen.data.figure_builder import FigureBuilder
from reportgen.data.figures import Group, PeriodView
from reportgen.data.prose import print_values
from reportgen.data.report import REPORT_FILE, ReportData
from reportgen.data.specs import Content
from reportgen.data.validation import valid_or_none
from reportgen.data.yaml_source import SourceFile, parse_yaml
from reportgen.errors import DataError
from reportgen.text.environment import make_environment

#: Printed for a value that cannot be computed yet (its problem is shown beside it).
UNKNOWN = "？"
_CONTENT_KEYS = ("figures", "derived", "lists")


class FormValues:
    """The values a report's files print, computed from their texts.

    ``loaded`` is the report as loading made it from these texts, when it loads without a
    problem: its values are exactly the document's, figures read from a sheet included.
    Otherwise each file's figures are computed on their own.
    """

    def __init__(self, texts: Mapping[str, str], loaded: ReportData | None = None) -> None:
        self.loaded = loaded
        self.environment: Environment = make_environment(for_docx=False)
        self.sources = {name: _parse(name, text) for name, text in texts.items()}
        report = self.sources.get(REPORT_FILE)
        facts = report.data if report is not None and isinstance(report.data, dict) else {}
        self.period = _period(facts.get("period"))
        self.facts: dict[str, Any] = {
            "organisation": facts.get("organisation", ""),
            "title": facts.get("title", ""),
            "period": self.period,
            "date": facts.get("date") or dt.date.min,
        }
        self.groups = {name: self._figures(name, source) for name, source in self.sources.items()}

    def figure(self, file: str, dotted: str) -> str:
        """Return what the figure ``dotted`` of ``file`` prints, or UNKNOWN."""
        group = self._loaded_group(file) or self.groups.get(file)
        try:
            value = group.lookup(dotted) if group is not None else None
        except KeyError:
            value = None
        return UNKNOWN if value is None or isinstance(value, Group) else str(value)

    def tag(self, file: str, expression: str) -> str:
        """Return what ``{{ expression }}`` prints in the prose of ``file``, or UNKNOWN."""
        scope = self.scope(file)
        tag = "{{ " + expression + " }}"
        printed = print_values(self.environment, tag, scope)
        if printed is not None:
            return printed
        try:
            return self.environment.from_string(tag).render(scope)
        except Exception:  # -- any failure is a problem check names beside the field --
            return UNKNOWN

    def scope(self, file: str) -> dict[str, Any]:
        """Return the names the prose of ``file`` sees, as loading gives them."""
        if self.loaded is not None:
            scope = dict(self.loaded.context)
            part = self._loaded_group(file)
            if part is not None and file != REPORT_FILE:
                scope.update(part._children)
            return scope
        scope = dict(self.facts)
        for name, group in self.groups.items():
            if name != REPORT_FILE and group is not None:
                scope[Path(name).stem] = group
        for name in (REPORT_FILE, file):
            group = self.groups.get(name)
            if group is not None:
                scope.update(group._children)
            source = self.sources.get(name)
            lists = source.data.get("lists") if source and isinstance(source.data, dict) else None
            if isinstance(lists, dict):
                scope.update(
                    {key: items for key, items in lists.items() if isinstance(items, list)}
                )
        return scope

    def _loaded_group(self, file: str) -> Group | None:
        """Return the figures of ``file`` in the loaded report: the report's, or a part's."""
        if self.loaded is None:
            return None
        key = "report" if file == REPORT_FILE else Path(file).stem
        group = self.loaded.context.get(key)
        return group if isinstance(group, Group) else None

    def _figures(self, name: str, source: SourceFile | None) -> Group | None:
        if source is None or not isinstance(source.data, dict):
            return None
        content = {key: source.data[key] for key in _CONTENT_KEYS if key in source.data}
        spec = valid_or_none(Content, content)
        if spec is None:
            return None  # -- check names what is wrong, beside the field --
        prefix = "report" if name == REPORT_FILE else Path(name).stem
        return FigureBuilder([]).build(spec, source, self.period, prefix)


def _parse(name: str, text: str) -> SourceFile | None:
    try:
        return parse_yaml(text, Path(name))
    except DataError:
        return None


def _period(value: Any) -> PeriodView:
    period = value if isinstance(value, dict) else {}
    start, end = period.get("start"), period.get("end")
    if isinstance(start, int) and isinstance(end, int) and start <= end:
        return PeriodView(start, end)
    return PeriodView(0, 0)
