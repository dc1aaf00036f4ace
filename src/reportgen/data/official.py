"""Build the parts of a 公文 that ``official:`` in report.yaml asks for.

Each part is a value the template prints as paragraphs of its own, in a paragraph
``{{p official.letterhead }}``, ``{{p official.signature }}`` or ``{{p official.imprint }}``:
the paragraphs are laid out by :mod:`reportgen.ooxml.official` when the document renders.
A report without ``official:`` gets an Official that is false, so that ``{%p if official %}``
leaves them out, but that still signs: ``official.signature`` is the organisation and the
date, placed as an unsealed 公文 places them.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.data.messages import SEAL_MISSING, SEAL_UNUSABLE
from reportgen.errors import Problem
from reportgen.ooxml.official import SEAL_MM, imprint_xml, letterhead_xml, signature_xml
from reportgen.ooxml.pictures import InlinePicture, placed_pictures
from reportgen.workspace import outside_problem

if TYPE_CHECKING:  # a loaded report is read back from the cache without these
    from reportgen.data.specs import OfficialSpec
    from reportgen.data.yaml_source import SourceFile

#: The largest seal picture read: a seal is a few hundred kilobytes at most.
SEAL_LIMIT_MB = 5
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def written_date(date: dt.date) -> str:
    """Return ``date`` as a 公文 writes it: 2023年4月19日, no zero before a month or day."""
    return f"{date.year}年{date.month}月{date.day}日"


class Letterhead:
    """The 版头: 发文机关标志, 发文字号 (and 签发人) and the red rule."""

    #: Printed only by a {{p …}} tag: what it prints is paragraphs (see template.printed).
    prints_paragraphs = True

    def __init__(self, mark: str, number: str, signers: tuple[str, ...] = ()) -> None:
        self.mark = mark
        self.number = number
        self.signers = signers

    def __html__(self) -> str:
        return letterhead_xml(self.mark, self.number, self.signers)

    def __str__(self) -> str:
        return f"{self.mark} {self.number}"


class Signature:
    """The 署名 and the 成文日期, and the seal pressed on them when there is one."""

    #: Printed only by a {{p …}} tag: what it prints is paragraphs (see template.printed).
    prints_paragraphs = True

    def __init__(self, name: str, date: str, seal: InlinePicture | None = None) -> None:
        self.name = name
        self.date = date
        self.seal = seal

    def __html__(self) -> str:
        return signature_xml(self.name, self.date, self.seal, placed_pictures.get())

    def __str__(self) -> str:
        return f"{self.name} {self.date}"


class Imprint:
    """The 版记: 抄送, 印发机关 and 印发日期, at the foot of the last page."""

    #: Printed only by a {{p …}} tag: what it prints is paragraphs (see template.printed).
    prints_paragraphs = True

    def __init__(self, copies: tuple[str, ...], issuer: str, date: str) -> None:
        self.copies = copies
        self.issuer = issuer
        self.date = date

    def __html__(self) -> str:
        return imprint_xml(self.copies, self.issuer, self.date)

    def __str__(self) -> str:
        return f"{self.issuer} {self.date}印发"


class Official:
    """What a template prints of a 公文; false when report.yaml has no ``official:``.

    These are plain classes rather than dataclasses: making a dataclass at import takes
    about half a millisecond, and every render imports them.
    """

    def __init__(
        self,
        letterhead: Letterhead | None = None,
        addressee: str = "",
        signature: Signature | None = None,
        imprint: Imprint | None = None,
        files: tuple[Path, ...] = (),
    ) -> None:
        self.letterhead = letterhead
        self.addressee = addressee
        self.signature = signature
        self.imprint = imprint
        #: The files read besides the YAML (the seal), for the cache to watch.
        self.files = files

    def __bool__(self) -> bool:
        return self.letterhead is not None


def build_official(
    spec: OfficialSpec | None,
    organisation: str,
    date: dt.date,
    source: SourceFile,
) -> tuple[Official, list[Problem]]:
    """Return the 公文 parts ``spec`` asks for, and the problems of its seal picture."""
    if spec is None:
        # -- no 版头 or 版记, but a template may still sign: the starter's always does --
        return Official(signature=Signature(organisation, written_date(date))), []
    number = spec.number
    letterhead = Letterhead(
        spec.mark or f"{organisation}文件",
        f"{number.code}〔{number.year or date.year}〕{number.serial}号",
        tuple(spec.signers),
    )
    seal, problems = _seal(spec.seal, source)
    name = spec.signature or organisation
    imprint = None
    if spec.imprint is not None:
        imprint = Imprint(
            tuple(spec.imprint.copies), spec.imprint.issuer, written_date(spec.imprint.date)
        )
    files = (source.path.parent / spec.seal,) if seal is not None and spec.seal else ()
    official = Official(
        letterhead,
        spec.addressee or "",
        Signature(name, written_date(date), seal),
        imprint,
        files,
    )
    return official, problems


def _seal(name: str | None, source: SourceFile) -> tuple[InlinePicture | None, list[Problem]]:
    if name is None:
        return None, []
    path = source.path.parent / name
    where = ("official", "seal")
    if not path.is_file():
        message = SEAL_MISSING(name=name, folder=path.parent)
        return None, [source.problem(message, where, "report.official.seal")]
    outside = outside_problem(path, source.path.parent)
    if outside is not None:  # -- a link to a seal elsewhere: another office's, the real one --
        return None, [outside]
    with path.open("rb") as stream:
        png = stream.read(SEAL_LIMIT_MB * 1024 * 1024 + 1)
    if not png.startswith(_PNG_SIGNATURE) or len(png) > SEAL_LIMIT_MB * 1024 * 1024:
        message = SEAL_UNUSABLE(name=name, limit=SEAL_LIMIT_MB)
        return None, [source.problem(message, where, "report.official.seal")]
    size = SEAL_MM / 10
    # -- a partial, not a lambda: a loaded report is kept with pickle (see reportgen.cache) --
    return InlinePicture("印章", size, size, partial(bytes, png)), []
