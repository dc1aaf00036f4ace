"""A small workspace built in a temporary folder: one report, one part, one .docx template.

The tests of errors change one thing in it and look for the exact message, so its files are
kept short and their line numbers stable; they do not depend on the sample report.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx

from reportgen.ooxml.compat import normalised_parts
from reportgen.ooxml.package import Package

REPORT = "report"
TEMPLATE = "report.docx"

REPORT_YAML = """\
# yaml-language-server: $schema=../../schemas/report.schema.json
template: report.docx
organisation: 市总工会
title: 工作汇报
period:
  start: 2019
  end: 2023
date: 2024-01-15
opening:
  - 过去的五年，我们做了很多工作。
parts:
  - proposals
"""

PROPOSALS_YAML = """\
lead: 合理化建议充分展示了职工的聪明才智。
figures:
  collected:
    label: 征集合理化建议
    value: 16489
  adopted:
    label: 采纳实施合理化建议
    value: 5795
derived:
  adoption_rate:
    share: [adopted, collected]
    precision: 1
paragraphs:
  - 全市共征集合理化建议{{ collected }}条，采纳实施{{ adopted }}条，采纳率{{ adoption_rate }}。
"""

#: The body of the default template; a list is one paragraph split into runs, as Word splits it.
TEMPLATE_BODY: list[str | list[str]] = [
    "{{ report.title }}",
    "{%p for paragraph in opening %}",
    "{{ paragraph }}",
    "{%p endfor %}",
    "{%p for part in parts %}",
    "{%p for paragraph in part.paragraphs %}",
    ["{% if loop.first %}{{ part.lead }}{% endif %}", "{{ paragraph }}"],
    "{%p endfor %}",
    "{%p endfor %}",
]

#: The time every test template says it was made.
BUILT = dt.datetime(2024, 1, 1)

#: The paragraphs the default template and data render to.
RENDERED = [
    "工作汇报",
    "过去的五年，我们做了很多工作。",
    "合理化建议充分展示了职工的聪明才智。全市共征集合理化建议16489条，采纳实施5795条，采纳率35.1%。",
]


def build_docx(
    path: Path,
    body: Sequence[str | Sequence[str]] = TEMPLATE_BODY,
    table: Sequence[Sequence[str]] = (),
    header: str | None = None,
) -> Path:
    """Write a .docx with ``body`` paragraphs, then a ``table``, and an optional ``header``.

    A paragraph given as several strings gets one run each, every other one bold, so a tag can
    be split across runs of different formatting the way Word splits it.
    """
    document = docx.Document()
    for paragraph in body:
        runs = [paragraph] if isinstance(paragraph, str) else paragraph
        new = document.add_paragraph()
        for index, text in enumerate(runs):
            new.add_run(text).bold = index % 2 == 1
    if table:
        cells = document.add_table(rows=len(table), cols=max(len(row) for row in table))
        for row_index, row in enumerate(table):
            for cell_index, text in enumerate(row):
                cells.cell(row_index, cell_index).text = text
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    return save_template(document, path)


def save_template(document: Any, path: Path) -> Path:
    """Save a python-docx ``document`` at ``path`` as a template, the same bytes every time."""
    # -- the same content gives the same bytes: python-docx stamps zip entries with the time
    # of saving, to the two seconds, which would make two builds of one template differ --
    document.core_properties.created = document.core_properties.modified = BUILT
    buffer = io.BytesIO()
    document.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    # -- as `reportgen fix-template` leaves it, so that checking it finds no warning --
    package = Package.from_bytes(path, buffer.getvalue())
    path.write_bytes(Package(path, normalised_parts(package.parts), {}).to_bytes({}))
    return path


def make_workspace(
    root: Path,
    *,
    body: Sequence[str | Sequence[str]] = TEMPLATE_BODY,
    table: Sequence[Sequence[str]] = (),
    header: str | None = None,
    files: dict[str, str] | None = None,
) -> Path:
    """Build the workspace in ``root`` and return the report's data folder.

    ``files`` replaces or adds data files by name (text is dedented).
    """
    report_dir = root / "data" / REPORT
    report_dir.mkdir(parents=True)
    contents = {"report.yaml": REPORT_YAML, "proposals.yaml": PROPOSALS_YAML, **(files or {})}
    for name, text in contents.items():
        write(report_dir / name, text)
    build_docx(root / "templates" / TEMPLATE, body, table, header)
    (root / "output").mkdir()
    return report_dir


def set_body_xml(path: Path, body: str) -> Path:
    """Replace the body of the .docx at ``path`` (up to its section) with the XML ``body``.

    For what Word and WPS leave in a document that python-docx cannot make: content controls,
    smart tags, tracked changes, fields. The ``w:`` prefix is declared by the document.
    """
    package = Package.read(path)
    xml = package.parts["word/document.xml"].decode("utf-8")
    start = xml.index("<w:body>") + len("<w:body>")
    end = xml.index("<w:sectPr")
    package.parts["word/document.xml"] = (xml[:start] + body + xml[end:]).encode("utf-8")
    path.write_bytes(Package(path, package.parts, {}).to_bytes({}))
    return path


def write(path: Path, text: str) -> Path:
    """Write ``text`` (dedented) to ``path`` as UTF-8."""
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def replace(path: Path, old: str, new: str) -> Path:
    """Replace the one occurrence of ``old`` in the file at ``path`` with ``new``."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def paragraph_texts(path: Path) -> list[str]:
    """Return the text of every paragraph of the .docx at ``path``, tables' cells included."""
    document = docx.Document(str(path))
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return texts
