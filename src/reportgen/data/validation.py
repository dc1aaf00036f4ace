"""Validate a data file against its spec, and keep going past what fails.

A file that is plainly valid is read without pydantic (:mod:`.specs_reader`). Any other is
validated by the pydantic model of its spec: a value that fails its check is reported, then
dropped (or, for a field the model requires, replaced by a stand-in) and the file validated
again, so that everything else in the file is still read: the rest of the report is checked,
and the template's names are checked against every name the file declares.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar

from reportgen.data.specs import Spec
from reportgen.data.specs_reader import read_spec
from reportgen.data.yaml_source import SourceFile
from reportgen.errors import Problem

if TYPE_CHECKING:
    from pydantic import BaseModel

SpecType = TypeVar("SpecType", bound=Spec)

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


class Validated(Generic[SpecType]):
    """A file validated: its spec (None if even dropping values did not help), what was dropped.

    ``dropped`` holds ``(field,)`` for a top-level field, ``(section, name)`` for an entry of
    a section.
    """

    def __init__(self, model: SpecType | None, problems: list[Problem]) -> None:
        self.model = model
        self.problems = problems
        self.dropped: set[tuple[str, ...]] = set()

    def lost(self, *key: str) -> bool:
        """Return whether the field or section entry ``key`` failed its check."""
        return key in self.dropped


def validate(spec: type[SpecType], source: SourceFile, prefix: str) -> Validated[SpecType]:
    """Validate ``source`` as ``spec``; report every problem, and drop what fails."""
    read = read_spec(spec, source.data)
    if read is not None:
        return Validated(read, [])
    from reportgen.data.models import MODELS

    return _validate_model(spec, MODELS[spec], source, prefix)


def valid_or_none(spec: type[SpecType], data: Any) -> SpecType | None:
    """Return ``data`` validated as ``spec``, or None if it has a problem."""
    read = read_spec(spec, data)
    if read is not None:
        return read
    from pydantic import ValidationError

    from reportgen.data.models import MODELS, as_spec

    try:
        validated: SpecType = as_spec(MODELS[spec].model_validate(data))
    except ValidationError:
        return None
    return validated


def _validate_model(
    spec: type[SpecType], model: type[BaseModel], source: SourceFile, prefix: str
) -> Validated[SpecType]:
    """Validate ``source`` with pydantic's ``model``, which says what is wrong and where."""
    from pydantic import ValidationError

    from reportgen.data.explain import explain
    from reportgen.data.models import TAG_MARK, as_spec

    data = dict(source.data)
    result: Validated[SpecType] = Validated(None, [])
    for round_ in range(_ROUNDS):
        try:
            result.model = as_spec(model.model_validate(data))
            return result
        except ValidationError as err:
            errors = err.errors()
        locations = [_user_steps(error["loc"], TAG_MARK) for error in errors]
        if round_ == 0:  # -- later rounds only meet the stand-ins' echoes --
            for error, loc in zip(errors, locations, strict=True):
                dotted = ".".join(str(step) for step in (prefix, *loc))
                result.problems.append(source.problem(explain(error, loc, model), loc, dotted))
        if not all(_drop(data, loc, result.dropped) for loc in locations):
            break
    return result


def _user_steps(loc: tuple[Any, ...], tag_mark: str) -> tuple[Any, ...]:
    """Return the steps of pydantic's ``loc`` that are the user's keys and list positions."""
    # -- union branches are marked; a bad key is reported at ('figures', 'bad-name', '[key]') --
    return tuple(
        step
        for step in loc
        if not (isinstance(step, str) and (step.startswith(tag_mark) or step == "[key]"))
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
