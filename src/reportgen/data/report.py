"""A report as loading leaves it: its facts and the context its template receives.

These are plain values, with no tie to the YAML they were read from or to the
models that checked it, so that a report loaded once can be kept between runs
(see :mod:`reportgen.cache`) and read back without loading those libraries.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any, NamedTuple

from reportgen.data.figures import Group, PeriodView
from reportgen.data.messages import FILE_NAME_EMPTY, FILE_NAME_TOO_LONG
from reportgen.errors import Problem
from reportgen.i18n import Message
from reportgen.text.printing import PENDING

REPORT_FILE = "report.yaml"
#: The facts an output file name may use, in braces: ``{organisation}_{start}-{end}_{title}``.
REPORT_PLACEHOLDERS = ("organisation", "title", "start", "end")
DEFAULT_OUTPUT = "{organisation}_{start}-{end}_{title}"
#: The default for a year's report: its year once (2023, not 2023-2023).
DEFAULT_YEAR_OUTPUT = "{organisation}_{end}_{title}"
#: The name templates and file name patterns give a batch's current row: ``{{ row.name }}``.
ROW = "row"


class BatchFacts(NamedTuple):
    """What ``batch:`` in report.yaml says: the table of rows, and each document's name."""

    rows: str  # the table's file, beside report.yaml
    output: str  # the pattern of each document's file name
    sheet: str | None = None  # the sheet of a workbook the rows are on (None: the first)
    merged: str | None = None  # the pattern of the name of one file holding every document


class ReportFacts(NamedTuple):
    """What report.yaml says about the report itself, beyond its content.

    A report of free data may leave out its organisation, title, period and date.
    """

    template: str
    output: str | None
    organisation: str | None
    title: str | None
    period: PeriodView | None
    date: dt.date | None
    batch: BatchFacts | None = None
    #: The report's folder name: the file name when the default one lacks a fact.
    name: str = ""

    def placeholders(self) -> dict[str, str]:
        """Return the text of each fact an output file name may use that the report gives.

        A fact still to fill (【待填写】) is not given yet.
        """
        values = {
            "organisation": self.organisation,
            "title": self.title,
            "start": str(self.period.start) if self.period else None,
            "end": str(self.period.end) if self.period else None,
        }
        return {
            name: value
            for name in REPORT_PLACEHOLDERS
            if (value := values[name]) is not None and PENDING not in value
        }

    def output_stem(self) -> str:
        """Return the output file name without extension, from the report's pattern.

        Without a pattern, the default one, or the folder's name when a fact it uses is missing.
        """
        facts = self.placeholders()
        if self.output is None and len(facts) < len(REPORT_PLACEHOLDERS):
            return file_stem(self.name)
        if self.output is not None:
            return file_stem(self.output.format(**facts))
        one_year = facts["start"] == facts["end"]
        return file_stem((DEFAULT_YEAR_OUTPUT if one_year else DEFAULT_OUTPUT).format(**facts))


class ReportData:
    """A report's data, validated and computed, ready for its template."""

    def __init__(
        self,
        name: str,
        directory: Path,
        facts: ReportFacts,
        context: dict[str, Any],
        files: list[Path] | None = None,
        warnings: list[Problem] | None = None,
    ) -> None:
        self.name = name
        self.directory = directory
        self.facts = facts
        self.context = context
        #: Every file the report was loaded from, report.yaml first.
        self.files = files if files is not None else []
        #: What does not stop the report (placeholders still to fill, a file read as GBK, what
        #: proofreading found): shown every run, from the cache too.
        self.warnings = warnings if warnings is not None else []

    @property
    def template_name(self) -> str:
        """Return the file name of the template the report uses."""
        return self.facts.template

    def output_stem(self) -> str:
        """Return the output file name without extension, from the report's pattern."""
        return self.facts.output_stem()


class PartView(Group):
    """One part of a report as templates see it: its prose, figures and lists.

    ``part.lead`` and ``part.paragraphs`` are the rendered prose; any figure,
    derived figure or list of the part is reached by its name
    (``proposals.collected``), and ``part.figures`` iterates them all.
    """

    def __init__(
        self,
        name: str,
        lead: str,
        paragraphs: list[str],
        figures: Group,
        lists: dict[str, list[str]],
        own: dict[str, Any] | None = None,
    ) -> None:
        members: dict[str, Any] = {**figures._children, **lists, **(own or {})}
        members.update(name=name, lead=lead, paragraphs=paragraphs, figures=figures, lists=lists)
        super().__init__(name, members)


def is_row(variable: str) -> bool:
    """Return whether a dotted name a template uses (``row.name``) is a batch row's."""
    return variable.split(".")[0].removesuffix("[]") == ROW


def file_stem(text: str) -> str:
    """Return ``text`` made fit for a file name on every system, without extension.

    The name is NFC-normalised (macOS keeps ``café`` typed two ways as one file); characters
    Windows forbids become full-width look-alikes; a line break, a tab or another control
    character becomes a space; trailing dots and spaces, which Windows drops, are dropped; a
    leading dot (a hidden file) becomes a full-width one; and a Windows device name (``CON``,
    ``NUL``, ``com1``…, whatever follows a dot) gets an ``_`` so Word can open the file.
    A name that is empty or too long is left as it is: :func:`file_stem_problem` says so.
    """
    text = unicodedata.normalize("NFC", text)
    if _FORBIDDEN_IN_NAMES.search(text):  # -- translate copies every character: seldom needed --
        text = text.translate(_FILE_NAME_CHARACTERS)
    text = _CONTROL_CHARACTERS.sub(" ", text)
    text = " ".join(part for part in text.split(" ") if part).rstrip(". ")
    if text.startswith("."):
        text = "．" + text[1:]
    device = text.split(".")[0].rstrip(" ")
    if is_device_name(device):
        text = device + "_" + text[len(device) :]
    return text


def is_device_name(name: str) -> bool:
    """Return whether Windows keeps ``name`` (before any dot) for a device: CON, nul.txt, COM1."""
    return name.split(".")[0].rstrip(" ").upper() in _DEVICE_NAMES


def file_stem_problem(stem: str) -> Message | None:
    """Return why ``stem`` (from :func:`file_stem`) cannot name a file, or None if it can."""
    if not stem:
        return FILE_NAME_EMPTY()
    size = len(stem.encode("utf-8"))
    if size > MAX_STEM_BYTES:
        return FILE_NAME_TOO_LONG(name=stem[:20] + "…", size=size, limit=MAX_STEM_BYTES)
    return None


def file_name_key(name: str) -> str:
    """Return what tells file names apart on every system: Windows and macOS ignore case."""
    return unicodedata.normalize("NFC", name).casefold()


#: The longest file name reportgen writes, in UTF-8 bytes without .docx. File systems allow
#: 255 bytes (ext4) or 255 UTF-16 units (NTFS, APFS); the rest leaves room for .docx and for
#: the temporary name ``.NAME.xxxxxxxx.part`` a file is written under.
MAX_STEM_BYTES = 200

# Characters Windows forbids in file names become full-width look-alikes, and a line
# break (a long name set on two lines) becomes a space.
_FILE_NAME_CHARACTERS = str.maketrans('/\\:*?"<>|\t\n\r', "／＼：＊？＂＜＞｜   ")
#: Any character the table above changes.
_FORBIDDEN_IN_NAMES = re.compile(f"[{re.escape(''.join(map(chr, _FILE_NAME_CHARACTERS)))}]")
_CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f]")
#: Names Windows keeps for devices, whatever extension follows (com¹ too, on Windows 10 and later).
_DEVICE_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{port}{digit}" for port in ("COM", "LPT") for digit in "0123456789¹²³"]
)
