"""``reportgen fix-template``: normalise a template so that Word lays it out as LibreOffice does.

The template is changed in place, and the file as it was is kept beside it as
``NAME.docx.bak`` (``.bak2``, … when that exists), so that nothing is lost: renaming the
backup back undoes the change. What is changed is listed by :func:`fix_template`; what it
means is explained in :mod:`reportgen.ooxml.compat`.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from reportgen.commands.messages import (
    BACKUP_FAILED,
    FIXED_DROPPED,
    FIXED_HINTED,
    FIXED_LANGUAGE,
    FIXED_LIST_LINKS,
    FIXED_MODE,
    FIXED_THEME_LANGUAGE,
)
from reportgen.errors import OutputError, TemplateError
from reportgen.files import write_atomically
from reportgen.i18n import Message
from reportgen.ooxml.compat import Finding, compatibility_findings, normalised_parts
from reportgen.ooxml.hints import STORY_PART
from reportgen.ooxml.package import Package

_HINT = re.compile(rb'w:hint="eastAsia"')


@dataclass(frozen=True)
class TemplateFix:
    """What fixing a template did: its changes, and where the original is kept (None: unchanged)."""

    path: Path
    backup: Path | None
    changes: list[Message]


def fix_template(path: Path) -> TemplateFix:
    """Normalise the template at ``path`` in place, keeping a backup; return what changed.

    Raise WorkspaceError if it is not a .docx, TemplateError if it is damaged (a part cut
    short, a relationship to a part it lacks: nothing to normalise, only to save again),
    OutputError if it cannot be written.
    """
    from reportgen.template.damaged import damage_problems

    package = Package.read(path)
    damage = damage_problems(path, package.parts)
    if damage:
        raise TemplateError(damage)
    normalised = normalised_parts(package.parts)
    changes = _changes(package.parts, normalised)
    if not changes:
        return TemplateFix(path, None, [])
    backup = _backup_path(path)
    try:
        shutil.copy2(path, backup)
    except OSError as err:
        raise OutputError(BACKUP_FAILED(reason=err.strerror or str(err)), path=backup) from err
    write_atomically(path, Package(path, normalised, {}).to_bytes({}))
    return TemplateFix(path, backup, changes)


def _backup_path(path: Path) -> Path:
    backup = path.with_name(f"{path.name}.bak")
    number = 2
    while backup.exists():
        backup = path.with_name(f"{path.name}.bak{number}")
        number += 1
    return backup


def _changes(before: dict[str, bytes], after: dict[str, bytes]) -> list[Message]:
    changes = [
        message for finding in compatibility_findings(before) if (message := _undone(finding))
    ]
    dropped = [name for name in before if name not in after and not name.endswith(".rels")]
    if dropped:
        changes.append(FIXED_DROPPED(count=len(dropped), parts=dropped))
    hinted = sum(
        len(_HINT.findall(blob)) - len(_HINT.findall(before.get(name, b"")))
        for name, blob in after.items()
        if STORY_PART.fullmatch(name)
    )
    if hinted:
        changes.append(FIXED_HINTED(count=hinted))
    return changes


def _undone(finding: Finding) -> Message | None:
    if finding.kind == "compatibility-mode":
        return FIXED_MODE(mode=finding.value)
    if finding.kind == "east-asian-language":
        return FIXED_LANGUAGE(language=finding.value)
    if finding.kind == "theme-font-language":
        return FIXED_THEME_LANGUAGE(language=finding.value)
    if finding.kind == "numbering-style-links":
        return FIXED_LIST_LINKS(count=len(finding.styles), styles=finding.styles)
    return None  # -- stylesWithEffects: listed among the parts removed --
