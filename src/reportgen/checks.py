"""Static checks of a template against the data it will receive.

The syntax and structure of a template (unclosed or stray blocks, ``{%tr %}``
and ``{%p %}`` prefixes that do not match, unknown filters, tags Word split in
ways docxtpl cannot join) are checked by docxtpl-lint, which reads the .docx
itself and reports every problem with its part, paragraph and table cell.
reportgen adds the link to the data: every name the template prints must exist
in the report's data.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .environment import make_environment
from .errors import Problem

# Rules about data are answered by reportgen with the real context (below);
# docxtpl-lint's own data rules need a plain dict, which our figures are not.
_IGNORED_RULES = ("DTL3",)


def lint_template(path: Path) -> tuple[list[Problem], list[str]]:
    """Return every problem in the template at ``path``, and the dotted names it prints."""
    from docxtpl_lint import lint

    environment = make_environment(for_docx=True)
    result = lint(path, jinja_env=environment, autoescape=True, ignore=_IGNORED_RULES)
    problems = [
        Problem(
            f"{issue.message}" + (f": {issue.snippet.strip()}" if issue.snippet else ""),
            file=path,
            where=_where(issue.location),
        )
        for issue in result.errors
    ]
    return problems, list(result.variables)


def check_variables(
    path: Path, variables: list[str], context: Mapping[str, Any]
) -> list[Problem]:
    """Return a problem for each name the template prints that ``context`` lacks."""
    problems = []
    for variable in variables:
        missing = _missing_step(variable, context)
        if missing is not None:
            known = [name for name in context if not name.startswith("_")]
            hint = difflib.get_close_matches(missing.split(".")[-1], known, n=1)
            problems.append(
                Problem(
                    f"the template prints '{variable}', but the data has no '{missing}'"
                    + (f" (did you mean '{hint[0]}'?)" if hint else ""),
                    file=path,
                )
            )
    return problems


def _where(location: Any) -> str:
    part = "body" if location.part in ("body", "document") else location.part
    where = f"{part}, paragraph {location.paragraph}"
    for cell in location.cells:
        where += f", table {cell.table}, row {cell.row}, cell {cell.col}"
    return where


def _missing_step(variable: str, context: Mapping[str, Any]) -> str | None:
    """Return the first step of ``variable`` that ``context`` lacks, or None.

    docxtpl-lint writes a loop over a list as ``parts[].lead``: every item of
    ``parts`` must then have a ``lead``.
    """
    return _follow(context, variable.split("."), [], is_root=True)


def _follow(node: Any, steps: list[str], done: list[str], is_root: bool = False) -> str | None:
    if not steps:
        return None
    step, rest = steps[0], steps[1:]
    name = step.removesuffix("[]")
    try:
        child = node[name] if isinstance(node, Mapping) else getattr(node, name)
    except (KeyError, AttributeError, TypeError):
        return ".".join([*done, name])
    if not step.endswith("[]"):
        return _follow(child, rest, [*done, name])
    if isinstance(child, str) or not hasattr(child, "__iter__"):
        return None  # not a list: Jinja will say so when it renders
    for item in child:
        missing = _follow(item, rest, [*done, step])
        if missing is not None:
            return missing
    return None
