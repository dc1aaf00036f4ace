"""Where in a report's data files a value its template is given was written.

A template sees a clerk's own fields under the names the clerk wrote: report.yaml's at the top
and under ``report``, a part file's under the part's name (its file's name). A value the
template cannot print (``12,345.6`` given to ``amount``) is mended in the data, so the problem
is best shown at its line there. Finding the line means parsing the files again, which is done
only then: a report that renders never pays for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.errors import DataError

if TYPE_CHECKING:
    from reportgen.data.yaml_source import SourceFile

#: Steps from the template's names to a value: names, and the index of an item in a list.
Steps = tuple[str | int, ...]
#: A value's file, line and column.
Written = tuple[Path, int | None, int | None]
_YAML = (".yaml", ".yml")


def value_finder(files: Sequence[Path]) -> Callable[[Steps, Any], Written | None]:
    """Return a finder of the line in ``files`` (report.yaml first) where a value was written.

    The finder is given the steps to the value as the template reached it, and the value; it
    answers only where the file holds that very value at those steps, so a value the loader
    worked out (a share, a sum) is never placed on a line that merely shares its name.
    """
    parsed: dict[Path, SourceFile | None] = {}

    def source(path: Path) -> SourceFile | None:
        # -- PyYAML is imported only here: a render from the cache has no need of it --
        from reportgen.data.yaml_source import load_yaml

        if path not in parsed:
            try:
                parsed[path] = load_yaml(path)
            except DataError:  # -- changed since it was loaded: the template's place will do --
                parsed[path] = None
        return parsed[path]

    def find(steps: Steps, value: Any) -> Written | None:
        for index, path in enumerate(files):
            if path.suffix.lower() not in _YAML or not steps:
                continue
            names = str(steps[0])
            within = [steps] if index == 0 else []
            if names == ("report" if index == 0 else path.stem):
                within.append(steps[1:])
            for inner in within:
                found = source(path) if inner else None
                if found is not None and _holds(found.data, inner, value):
                    line, column = found.locate(inner)
                    return path, line, column
        return None

    return find


def _holds(data: Any, steps: Steps, value: Any) -> bool:
    """Return whether ``data`` holds, at ``steps``, a scalar that prints as ``value`` does."""
    for step in steps:
        if isinstance(data, dict):
            matching = [key for key in data if str(key) == str(step)]
            if len(matching) != 1:
                return False
            data = data[matching[0]]
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
        else:
            return False
    scalar = not isinstance(data, dict | list)
    return scalar and str(data) == str(value)
