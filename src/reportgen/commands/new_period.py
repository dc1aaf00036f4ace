"""Start a report's next period: copy its data folder, move the period on, empty the figures.

The copy keeps everything a clerk wrote (prose, labels, comments, layout) and changes only
what belongs to the old period: the period's years move forward by its length, the date
becomes ``~``, and each figure's value moves to ``previous`` and becomes ``~``, so that
``reportgen check`` lists every figure still to be entered, and a template can compare the
new figures with the old ones.

The files are edited as text, at the positions YAML reports for each value, rather than
loaded and dumped again: a dump would drop the comments that explain each field and
re-wrap the prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

from reportgen.commands.messages import (
    BAD_FOLDER_NAME,
    PERIOD_FOLDER_TAKEN,
    PERIOD_NEEDED,
)
from reportgen.commands.starter import check_name_can_be_made
from reportgen.data.outline import read_outline
from reportgen.data.yaml_source import parse_yaml
from reportgen.data.yaml_text import (
    INT_TAG,
    NULL_TAG,
    TextEdits,
    compose,
    is_null,
    is_number,
    number_text,
)
from reportgen.errors import AlreadyExistsError, DataError, WorkspaceError
from reportgen.files import write_folder_atomically
from reportgen.text.decoding import read_text
from reportgen.workspace import Workspace, existing_as_windows_sees

#: A folder name that can stand on its own in data/ (no path, no hidden folder).
_FOLDER_NAME = re.compile(r"[^\W][\w.\-—]*")


@dataclass(frozen=True)
class NewPeriod:
    """What starting a new period made: the folder, its years, and the figures to enter."""

    name: str
    directory: Path
    start: int
    end: int
    #: ``file: dotted name`` of every figure emptied, in file order.
    figures: list[str] = field(default_factory=list)


def start_new_period(workspace: Workspace, report: str, to: str | None = None) -> NewPeriod:
    """Copy report ``report`` to a new data folder for its next period and return what was made.

    The new folder is ``to``, or the report's name with the new years (see
    :func:`next_period_name`). Nothing is written if the folder exists or a file cannot
    be read.
    """
    source_dir = workspace.report_dir(report)
    start, end = _period_of(source_dir)
    length = end - start + 1
    new_start, new_end = start + length, end + length
    name = to if to is not None else next_period_name(report, start, end, new_start, new_end)
    if not _FOLDER_NAME.fullmatch(name):
        raise WorkspaceError(BAD_FOLDER_NAME(name=name))
    check_name_can_be_made(name)
    target = workspace.data_dir / name
    taken = existing_as_windows_sees(target)
    if taken is not None:
        raise AlreadyExistsError(PERIOD_FOLDER_TAKEN(), path=taken)

    rewritten: dict[Path, str] = {}
    emptied: list[str] = []
    for path in sorted(source_dir.glob("*.y*ml")):
        text = _read(path)
        new_text, names = roll_over(text, path, length)
        rewritten[path.relative_to(source_dir)] = new_text
        emptied += [f"{path.name}: {name}" for name in names]
    write_folder_atomically(
        target, {str(path): text for path, text in rewritten.items()}, copy_from=source_dir
    )
    return NewPeriod(name, target, new_start, new_end, emptied)


def next_period_name(name: str, start: int, end: int, new_start: int, new_end: int) -> str:
    """Return the folder name for the next period: the old years replaced, or the new ones added.

    ``five-year-report`` → ``five-year-report-2024-2028``;
    ``report-2019-2023`` → ``report-2024-2028``; ``summary-2023`` → ``summary-2024``.
    """
    both = re.compile(rf"(?<!\d){start}([-_—–~]){end}(?!\d)")
    if start != end and both.search(name):
        return both.sub(lambda match: f"{new_start}{match.group(1)}{new_end}", name)
    single = re.compile(rf"(?<!\d){end}(?!\d)")
    if start == end and single.search(name):
        return single.sub(str(new_end), name)
    return f"{name}-{new_end}" if start == end else f"{name}-{new_start}-{new_end}"


def roll_over(text: str, path: Path, shift: int) -> tuple[str, list[str]]:
    """Return a data file's text for the next period, and the dotted names of the figures emptied.

    ``shift`` is the period's length in years. Only values change; every other character
    of ``text`` is kept.
    """
    parse_yaml(text, path)  # -- syntax errors and duplicate keys, with their lines --
    root = compose(text)  # -- values read as the data reads them: no is text --
    if not isinstance(root, yaml.MappingNode):
        return text, []
    editor = _Editor(text, path)
    for key, value in root.value:
        if key.value == "period" and isinstance(value, yaml.MappingNode):
            for year_key, year in value.value:
                if year_key.value in ("start", "end") and year.tag == INT_TAG:
                    editor.replace(year, str(int(year.value) + shift))
        elif key.value == "date" and isinstance(value, yaml.ScalarNode) and value.tag != NULL_TAG:
            editor.replace(value, "~")
        elif key.value == "figures" and isinstance(value, yaml.MappingNode):
            editor.figures(value, (), shift)
    return editor.result(), editor.emptied


class _Editor(TextEdits):
    """Collects a new period's replacements, then applies them all at once."""

    def __init__(self, text: str, path: Path) -> None:
        super().__init__(text, path)
        self.emptied: list[str] = []

    def figures(self, group: yaml.MappingNode, prefix: tuple[str, ...], shift: int) -> None:
        for key, node in group.value:
            name = (*prefix, str(key.value))
            if isinstance(node, yaml.ScalarNode):
                if is_number(node):
                    # -- the short form `name: 5` has no room for previous: write the long one --
                    self.replace(node, f"{{value: ~, previous: {node.value}}}")
                    self.emptied.append(".".join(name))
            elif isinstance(node, yaml.MappingNode):
                keys = {str(child.value): value for child, value in node.value}
                if "value" in keys or "by_year" in keys:
                    if self.figure(node, keys, shift):
                        self.emptied.append(".".join(name))
                else:
                    self.figures(node, name, shift)

    def figure(self, node: yaml.MappingNode, keys: dict[str, yaml.Node], shift: int) -> bool:
        """Empty one figure written as a mapping; return False if it holds text to correct.

        A figure the period copied never had (``value: ~``, a year still ``~``) is emptied
        too: its years move on, and its previous value is unknown (``~``), not the one before.
        """
        value = keys.get("value")
        by_year = keys.get("by_year")
        if isinstance(value, yaml.ScalarNode) and is_number(value):
            previous = value.value
            self.replace(value, "~", align=False)  # -- its comment moves to previous --
            self.previous(node, keys, previous, after=value)
        elif isinstance(by_year, yaml.MappingNode) and by_year.value:
            amounts = [amount for _, amount in by_year.value]
            if not all(is_number(amount) or is_null(amount) for amount in amounts):
                return False  # -- a year written as text: check says which --
            entered = all(is_number(amount) for amount in amounts)
            previous = _sum([str(amount.value) for amount in amounts]) if entered else "~"
            for year_key, amount in by_year.value:
                if year_key.tag == INT_TAG:
                    self.replace(year_key, str(int(year_key.value) + shift))
                self.replace(amount, "~")
            self.previous(node, keys, previous, after=None)
        elif is_null(value):
            self.previous(node, keys, "~", after=value)
        else:
            return False
        return True

    def previous(
        self,
        node: yaml.MappingNode,
        keys: dict[str, yaml.Node],
        previous: str,
        after: yaml.Node | None,
    ) -> None:
        """Write ``previous`` as the figure's previous value: after ``value``, or before by_year."""
        old = keys.get("previous")
        if old is not None:
            self.replace(old, previous)
            return
        if previous == "~":
            return  # -- nothing to compare with: no line of ~ to add --
        anchor = _key_of(node, "value" if after is not None else "by_year")
        if node.flow_style:
            if after is not None:
                self.insert(after.end_mark.index, f", previous: {previous}")
            else:
                self.insert(anchor.start_mark.index, f"previous: {previous}, ")
        elif after is not None:
            self.add_line_after(anchor, after, f"previous: {previous}")
        else:
            self.add_line_before(anchor, f"previous: {previous}")


def _key_of(node: yaml.MappingNode, name: str) -> yaml.Node:
    keys: list[yaml.Node] = [key for key, _ in node.value if key.value == name]
    return keys[0]


def _sum(texts: list[str]) -> str:
    return number_text(sum((Decimal(text.replace("_", "")) for text in texts), Decimal(0)))


def _period_of(directory: Path) -> tuple[int, int]:
    outline = read_outline(directory)
    if outline.source is None:
        raise DataError(outline.problems)
    period = outline.period
    if period is None:
        raise DataError([outline.problem(PERIOD_NEEDED(), ("period",), "report.period")])
    return period


def _read(path: Path) -> str:
    # -- a file in GBK or UTF-16 is read as such; the new period's copy is written as UTF-8 --
    return read_text(path).text
