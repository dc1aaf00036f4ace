"""Tell a template's author what its documents leave out: its macros, a remote template."""

from __future__ import annotations

from pathlib import Path

from reportgen.errors import Problem
from reportgen.ooxml.active_content import LeftOut
from reportgen.template.messages import MACROS_LEFT_OUT, REMOTE_TEMPLATE_LEFT_OUT


def left_out_warnings(path: Path, left_out: list[LeftOut]) -> list[Problem]:
    """Return a warning for each thing the template at ``path`` holds that no document gets."""
    return [
        Problem(
            MACROS_LEFT_OUT(parts=found.detail)
            if found.kind == "macros"
            else REMOTE_TEMPLATE_LEFT_OUT(target=found.detail),
            file=path,
            severity="warning",
        )
        for found in left_out
    ]
