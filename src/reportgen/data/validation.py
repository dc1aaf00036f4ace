"""Validate a data file against its model, and keep going past what fails.

A value that fails its check is reported, then dropped (or, for a field the model requires,
replaced by a stand-in) and the file validated again, so that everything else in the file is
still read: the rest of the report is checked, and the template's names are checked against
every name the file declares.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from reportgen.data.explain import explain
from reportgen.data.models import TAG_MARK
from reportgen.data.yaml_source import SourceFile
from reportgen.errors import Problem

Model = TypeVar("Model", bound=BaseModel)

#: The sections whose entries are dropped one by one: a figure, a derived figure, a list.
SECTIONS = ("figures", "derived", "lists")
#: What validates in place of a required field that failed (the problem is reported).
STAND_INS: dict[str, Any] = {
    "template": "",
    "organisation": "",
    "title": "",
    "period": {"start": 1900, "end": 1900},
    "date": "1900-01-01",
    "lead": "",
    "paragraphs": [""],
}
#: How often a file is validated again; each round drops what the last one reported.
_ROUNDS = 3


@dataclass
class Validated(Generic[Model]):
    """A file validated: its model (None if even dropping values did not help), what was dropped.

    ``dropped`` holds ``(field,)`` for a top-level field, ``(section, name)`` for an entry of
    a section.
    """

    model: Model | None
    problems: list[Problem]
    dropped: set[tuple[str, ...]] = field(default_factory=set)

    def lost(self, *key: str) -> bool:
        """Return whether the field or section entry ``key`` failed its check."""
        return key in self.dropped


def validate(model: type[Model], source: SourceFile, prefix: str) -> Validated[Model]:
    """Validate ``source`` against ``model``; report every problem, and drop what fails."""
    data = dict(source.data)
    result: Validated[Model] = Validated(None, [])
    for round_ in range(_ROUNDS):
        try:
            result.model = model.model_validate(data)
            return result
        except ValidationError as err:
            errors = err.errors()
        locations = [_user_steps(error["loc"]) for error in errors]
        if round_ == 0:  # -- later rounds only meet the stand-ins' echoes --
            for error, loc in zip(errors, locations, strict=True):
                dotted = ".".join(str(step) for step in (prefix, *loc))
                result.problems.append(source.problem(explain(error, loc, model), loc, dotted))
        if not all(_drop(data, loc, result.dropped) for loc in locations):
            break
    return result


def _user_steps(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Return the steps of pydantic's ``loc`` that are the user's keys and list positions."""
    # -- union branches are marked; a bad key is reported at ('figures', 'bad-name', '[key]') --
    return tuple(
        step
        for step in loc
        if not (isinstance(step, str) and (step.startswith(TAG_MARK) or step == "[key]"))
    )


def _drop(data: dict[str, Any], loc: tuple[Any, ...], dropped: set[tuple[str, ...]]) -> bool:
    """Remove the value at ``loc`` from ``data``; return False if it is the file as a whole."""
    if not loc:
        return False
    key = str(loc[0])
    section = data.get(key)
    if key in SECTIONS and len(loc) > 1 and isinstance(section, dict):
        name = str(loc[1])
        data[key] = {entry: value for entry, value in section.items() if str(entry) != name}
        dropped.add((key, name))
        return True
    for written in [written for written in data if str(written) == key]:
        del data[written]
    if key in STAND_INS:
        data[key] = STAND_INS[key]
    dropped.add((key,))
    return True
