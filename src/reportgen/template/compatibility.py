"""Warn about a template that Word would lay out otherwise than LibreOffice and WPS.

The findings come from :mod:`reportgen.ooxml.compat`; here each becomes a warning that names
the template and the command that normalises it. A warning does not stop a render.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from reportgen.errors import Problem
from reportgen.i18n import Message
from reportgen.ooxml.compat import Finding, compatibility_findings
from reportgen.template.messages import (
    COMPATIBILITY_MODE,
    EAST_ASIAN_LANGUAGE,
    NUMBERING_STYLE_LINKS,
    STYLES_WITH_EFFECTS,
    STYLES_WITH_EFFECTS_DEFAULTS,
    THEME_FONT_LANGUAGE,
)


def compatibility_warnings(path: Path, parts: Mapping[str, bytes]) -> list[Problem]:
    """Return a warning for each thing in the template at ``path`` that Word lays out otherwise."""
    return [
        Problem(_message(finding, path.name), file=path, severity="warning")
        for finding in compatibility_findings(parts)
    ]


def _message(finding: Finding, name: str) -> Message:
    if finding.kind == "compatibility-mode":
        return COMPATIBILITY_MODE(mode=finding.value, name=name)
    if finding.kind == "east-asian-language":
        return EAST_ASIAN_LANGUAGE(language=finding.value, name=name)
    if finding.kind == "theme-font-language":
        return THEME_FONT_LANGUAGE(language=finding.value, name=name)
    if finding.kind == "styles-with-effects":
        if not finding.styles:
            return STYLES_WITH_EFFECTS_DEFAULTS(name=name)
        return STYLES_WITH_EFFECTS(count=len(finding.styles), styles=finding.styles, name=name)
    return NUMBERING_STYLE_LINKS(count=len(finding.styles), styles=finding.styles, name=name)
