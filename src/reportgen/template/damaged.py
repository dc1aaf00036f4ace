"""Refuse a template whose package Word would refuse, before any document is made from it.

A template edited as XML by hand, or cut short and mended by a zip tool, can lose what ties
its parts together: the list of content types, the package's relationships, a part a
relationship leads to. Each part may still be well-formed, so nothing else finds it, and
every document is written, to be refused by Word (or "repaired", with its contents changed).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from reportgen.errors import Problem
from reportgen.i18n import Message
from reportgen.ooxml.defects import package_defects
from reportgen.ooxml.document_part import named_document
from reportgen.template.messages import (
    DAMAGE_DANGLING,
    DAMAGE_NO_MAIN,
    DAMAGE_NO_TYPES,
    DAMAGE_NOT_XML,
    DAMAGE_UNKNOWN_ID,
    DAMAGE_UNTYPED,
    STRICT_OPEN_XML,
    TEMPLATE_DAMAGED,
)

_MAIN = "word/document.xml"
#: WordprocessingML's namespace in a Strict Open XML Document, which Word saves on request.
_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"


def damage_problems(path: Path, parts: Mapping[str, bytes]) -> list[Problem]:
    """Return a problem for each thing that breaks the package of the template at ``path``."""
    if _STRICT in parts.get(_MAIN, b""):
        # -- every part in another namespace: no paragraph, tag or value would be found --
        return [Problem(STRICT_OPEN_XML(), file=path)]
    details: list[Message] = []
    if not _leads_to_document(parts):
        details.append(DAMAGE_NO_MAIN())
    for defect in package_defects(parts, breaking=True):
        if defect.subject == "no-types" and defect.part in parts:
            continue  # -- there, but not XML: said so once, as such --
        detail = _detail(defect.kind, defect.part, defect.subject)
        if detail is not None:
            details.append(detail)
    return [Problem(TEMPLATE_DAMAGED(detail=detail), file=path) for detail in details]


def _detail(kind: str, part: str, subject: str) -> Message | None:
    if kind == "not-xml":  # -- styles, relationships, settings: parts nothing else reads --
        return DAMAGE_NOT_XML(part=part)
    if kind == "dangling-relationship":
        return DAMAGE_DANGLING(part=part, target=subject)
    if kind == "unknown-relationship-id":
        return DAMAGE_UNKNOWN_ID(part=part, id=subject)
    if kind == "content-type" and subject == "no-types":
        return DAMAGE_NO_TYPES()
    if kind == "content-type" and subject == "untyped":
        return DAMAGE_UNTYPED(part=part)
    return None  # -- what Word mends without a word, or only lays out otherwise --


def _leads_to_document(parts: Mapping[str, bytes]) -> bool:
    """Return whether the package's relationships name word/document.xml as its document."""
    return named_document(parts) == _MAIN
