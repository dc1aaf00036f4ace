"""Check what a clerk has typed before it is saved, and place each problem at its field.

The form's values are written, as a save would write them, into a copy of the report's
folder kept for the purpose, and ``reportgen check`` runs over that copy with the
workspace's templates: the problems are exactly those the command line would print after
the save. Each problem names its file and line; the line leads back to the value, and the
value to its field in the form.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.api import check_reports
from reportgen.cache import Cache
from reportgen.data.report import ReportData
from reportgen.data.yaml_edit import Steps, Value, set_values
from reportgen.data.yaml_source import parse_yaml
from reportgen.errors import DataError, Problem
from reportgen.prepare import Run
from reportgen.serve.form import ReportForm, parse_field_name, slot_id
from reportgen.workspace import Workspace


@dataclass
class Draft:
    """A report's files with the form's values in them, and the problems check finds there."""

    texts: dict[str, str]
    #: The report as loading made it from the texts, when it loads without a problem.
    loaded: ReportData | None = None
    #: Problems by slot (a field, a figure, a file), and those that belong to none.
    problems: dict[str, list[Problem]] = field(default_factory=dict)
    general: list[Problem] = field(default_factory=list)

    @property
    def count(self) -> int:
        """Return how many errors there are in all (warnings do not stop a render)."""
        return sum(problem.severity == "error" for problem in self._all())

    @property
    def warnings(self) -> int:
        """Return how many warnings there are in all."""
        return sum(problem.severity == "warning" for problem in self._all())

    def _all(self) -> list[Problem]:
        return self.general + [problem for found in self.problems.values() for problem in found]


def apply_changes(
    texts: Mapping[str, str], changes: Mapping[str, Mapping[Steps, Value]]
) -> tuple[dict[str, str], list[Problem]]:
    """Return the texts with ``changes`` made, and the problems of changes that cannot be."""
    new = dict(texts)
    problems: list[Problem] = []
    for file, values in changes.items():
        try:
            new[file] = set_values(texts[file], Path(file), values)
        except DataError as err:
            problems += err.problems
    return new, problems


class DraftChecker:
    """Checks drafts of reports in a scratch folder of its own, one copy of each report."""

    def __init__(self, workspace: Workspace, scratch: Path, cache: Cache | None) -> None:
        self.workspace = workspace
        self.root = scratch / "drafts"
        self.cache = cache
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        if cache is not None:
            # -- templates from the user's cache; drafts' loads kept in the scratch folder --
            self.cache = Cache(cache.root)
            self.cache.reports = Cache(scratch / "draft-cache").reports

    def check(self, form: ReportForm, directory: Path, texts: dict[str, str]) -> Draft:
        """Return the problems ``reportgen check`` finds in the report with these ``texts``."""
        draft_workspace = Workspace(
            self.root, self.workspace.templates_dir, self.root / "data", self.root / "output"
        )
        folder = draft_workspace.data_dir / form.name
        with self._lock(form.name):  # -- two tabs checking one report take turns --
            _copy_folder(directory, folder, texts)
            problems = check_reports(draft_workspace, [form.name], cache=self.cache)
            loaded = None
            if not problems:  # -- kept in the drafts' cache by the check: no second load --
                loaded = Run(draft_workspace, self.cache).load_report(folder)
        draft = place_problems(form, texts, problems, folder)
        draft.loaded = loaded
        return draft

    def _lock(self, name: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(name, threading.Lock())


def place_problems(
    form: ReportForm, texts: Mapping[str, str], problems: Iterable[Problem], folder: Path
) -> Draft:
    """Return the problems sorted by the slot each belongs to, their files named as the form's."""
    draft = Draft(dict(texts))
    slots = _slots(form)
    lines = {name: _steps_by_line(name, text) for name, text in texts.items()}
    for problem in problems:
        problem = _renamed(problem, folder)
        name = Path(str(problem.file)).name if problem.file is not None else ""
        steps = lines.get(name, {}).get(problem.line or 0)
        slot = _nearest_slot(slots, name, steps) if name in texts else None
        if slot is None and name in texts:
            slot = slot_id(name, ())
        if slot is None:
            draft.general.append(problem)
        else:
            draft.problems.setdefault(slot, []).append(problem)
    return draft


def field_problems(form: ReportForm, problems: Iterable[Problem]) -> dict[str, list[Problem]]:
    """Return problems whose field is a form name (values that cannot be read), by slot.

    Each goes where the page shows problems for that value: one year's to its figure, a
    value with no place of its own to its file's.
    """
    slots = _slots(form)
    placed: dict[str, list[Problem]] = {}
    for problem in problems:
        parsed = parse_field_name(problem.field or "")
        if parsed is not None:
            file, steps = parsed
            slot = _nearest_slot(slots, file, steps) or slot_id(file, ())
            placed.setdefault(slot, []).append(Problem(problem.message, file=file))
    return placed


def _copy_folder(directory: Path, folder: Path, texts: Mapping[str, str]) -> None:
    """Make ``folder`` hold the report's files, with ``texts`` for its data files."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {path.name for path in directory.iterdir() if path.is_file()}
    for stale in folder.iterdir():
        if stale.name not in wanted:
            stale.unlink()
    for path in directory.iterdir():
        if not path.is_file() or path.is_symlink():
            continue  # -- a link may lead out of the workspace: loading says what is wrong --
        target = folder / path.name
        if path.name in texts:
            target.write_text(texts[path.name], encoding="utf-8")
        elif not target.exists() or target.stat().st_mtime_ns < path.stat().st_mtime_ns:
            shutil.copy2(path, target)  # -- a batch's table: copied once, as it changes --


def _slots(form: ReportForm) -> dict[tuple[str, Steps], str]:
    slots = {}
    for section in form.sections:
        for row in [*section.figures, *section.derived]:
            slots[(row.file, row.steps)] = row.slot
        for form_field in section.all_fields():
            if form_field.has_own_problems:
                slots[(form_field.file, form_field.steps)] = form_field.slot
    return slots


def _nearest_slot(
    slots: Mapping[tuple[str, Steps], str], file: str, steps: Steps | None
) -> str | None:
    """Return the slot of ``steps``, or of the nearest value above it that has one."""
    if steps is None:
        return None
    for length in range(len(steps), 0, -1):
        slot = slots.get((file, steps[:length]))
        if slot is not None:
            return slot
    # -- a figure's key (its line) above its inputs: the figure's own slot has it --
    return None


def _steps_by_line(name: str, text: str) -> dict[int, Steps]:
    """Return, for each line, the deepest path of a value or key that starts on it."""
    try:
        source = parse_yaml(text, Path(name))
    except DataError:
        return {}
    found: dict[int, Steps] = {}
    for steps, (line, _) in source.positions.items():
        if len(steps) >= len(found.get(line, ())):
            found[line] = steps
    return found


def _renamed(problem: Problem, folder: Path) -> Problem:
    """Return ``problem`` with a file in the draft folder named by its name alone."""
    if problem.file is None:
        return problem
    path = Path(str(problem.file))
    if path.parent == folder or folder in path.parents:
        return problem._replace(file=path.name)
    return problem
