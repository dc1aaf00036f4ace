"""Render a batch's rows from one template, in any process that has a :class:`Job`.

A :class:`Job` is everything the rows of a batch share, in a form that can be pickled:
the report's data, the document properties, and the template as prepared source
(:class:`~reportgen.template.compiled.TemplateSource`), since compiled code cannot be
pickled. A :class:`RowRenderer` compiles the template once for the process it runs in
(a worker of a local pool or of a cluster) and renders row after row from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.batch.plan import ROW, Task
from reportgen.data.figures import Group
from reportgen.errors import OutputError, Problem, ProblemsFound
from reportgen.files import write_atomically
from reportgen.ooxml.messages import PLACE_IN_TEMPLATE
from reportgen.template.compiled import CompiledTemplate, DocumentProperties, TemplateSource


@dataclass(frozen=True)
class Job:
    """What every row of a batch shares; sent once to each process that renders rows."""

    template: TemplateSource
    table: Path
    context: Mapping[str, Any]
    properties: DocumentProperties


class Lost:
    """The outcome of a row whose worker process stopped before it said what became of it."""


class Skipped:
    """The outcome of a row not tried because a file before it could not be written."""


@dataclass(frozen=True)
class Archived:
    """The outcome of a row that a worker wrote into an archive of its own (a partition)."""

    archive: Path


#: What rendering a row came to: its document, the file or archive it was written to,
#: its problems, the error that kept it from being written, or nothing (its worker
#: stopped, or a file before it could not be written).
Outcome = bytes | Path | Archived | list[Problem] | OutputError | Lost | Skipped


class RowRenderer:
    """Renders rows from one compiled template, and writes them."""

    def __init__(self, job: Job, template: CompiledTemplate | None = None) -> None:
        self.job = job
        self.template = template or job.template.compile()

    def render(self, task: Task) -> bytes | list[Problem]:
        """Return ``task``'s document, or its problems."""
        context = {**self.job.context, ROW: Group(ROW, task.row.fields)}
        try:
            # Pictures a row names are beside its table.
            return self.template.render(context, self.job.properties, self.job.table.parent)
        except ProblemsFound as err:
            return [self._at_row(problem, task) for problem in err.problems]

    def write(self, task: Task, folder: Path, staging: Path | None = None) -> Outcome:
        """Render ``task`` and write it into ``folder``; return its file, problems or error."""
        document = self.render(task)
        if isinstance(document, list):
            return document
        path = folder / task.name
        try:
            write_atomically(path, document, staging)
        except OutputError as err:
            return err
        return path

    def _at_row(self, problem: Problem, task: Task) -> Problem:
        # A problem that only this row's values cause: name the row, then the template's place.
        name = self.job.template.path.name
        where = PLACE_IN_TEMPLATE(template=name, place=problem.where) if problem.where else name
        return task.row.problem(
            self.job.table,
            problem.message,
            _column_of(problem, task),
            where=where,
            field=problem.field,
            tag=problem.tag,
        )


def _column_of(problem: Problem, task: Task) -> str | None:
    """Return the one column of the row the failing tag prints, to name its cell (Sheet!E7)."""
    import re

    used = {
        name
        for name in re.findall(rf"(?<![\w.]){ROW}\.(\w+)", problem.tag or "")
        if name in task.row.fields
    }
    return used.pop() if len(used) == 1 else None
