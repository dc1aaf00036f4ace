"""Writing .docx packages: zipfile's bytes, written without deflating unchanged parts again."""

from __future__ import annotations

import html
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.ooxml.escape import xml_attribute, xml_text
from reportgen.ooxml.package import FIXED_DATE_TIME, Package
from reportgen.template.compiled import CompiledTemplate, DocumentProperties


def zipfile_bytes(parts: dict[str, bytes]) -> bytes:
    """Return ``parts`` zipped by zipfile, as reportgen once wrote every document."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, blob in parts.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, blob)
    return buffer.getvalue()


def template(tmp_path: Path, *paragraphs: str) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = tmp_path / "template.docx"
    document.save(str(path))
    return path


def test_the_package_is_written_as_zipfile_writes_it(tmp_path: Path) -> None:
    package = Package.read(template(tmp_path, "{{ name }}"))
    replaced = {"word/document.xml": b"<w:document/>", "word/新的部分.xml": b"<x/>"}

    expected = zipfile_bytes({**package.parts, **replaced})
    assert package.to_bytes(replaced) == expected
    # The second time, unchanged parts are copied from the first: the same bytes again.
    assert package.to_bytes(replaced) == expected
    assert package.to_bytes({}) == zipfile_bytes(package.parts)


WORDS = ["<w:p>", "<w:r>", "<w:t>", "</w:t>", "</w:r>", "</w:p>", "安康杯", "竞赛", "2023", " "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=2000).map("".join) | st.binary(max_size=9000))
def test_a_part_of_any_content_is_written_as_zipfile_writes_it(text: str | bytes) -> None:
    blob = text.encode() if isinstance(text, str) else text
    package = Package(Path("t.docx"), {"word/document.xml": b"<w:document/>"}, {})
    expected = zipfile_bytes({"word/document.xml": blob})
    assert package.to_bytes({"word/document.xml": blob}) == expected
    # -- its records packed once, its entry copied into the next document alike --
    assert package.to_bytes({"word/document.xml": blob}) == expected


def test_a_value_with_a_line_break_becomes_a_break_in_the_document(tmp_path: Path) -> None:
    compiled = CompiledTemplate(template(tmp_path, "{{ name }}"))
    properties = DocumentProperties("标题", "市总工会", "2024-01-18")

    document = compiled.render({"name": "长江电力股份有限公司\n检修分公司"}, properties)

    body = zipfile.ZipFile(io.BytesIO(document)).read("word/document.xml").decode()
    assert '长江电力股份有限公司</w:t><w:br/><w:t xml:space="preserve">检修分公司' in body


def test_version_and_help_import_nothing_heavy() -> None:
    # The command line must start at once: its heavy dependencies load only in the commands.
    code = (
        "import sys; from reportgen.cli import _parser; _parser(); "
        "print(' '.join(sorted(sys.modules)))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    heavy = {"docx", "docxtpl", "docxtpl_lint", "jinja2", "lxml", "pydantic", "rich", "yaml"}
    assert heavy & {name.split(".")[0] for name in loaded} == set()


@given(st.text())
def test_text_is_escaped_as_html_escape_escapes_it(text: str) -> None:
    assert xml_text(text) == html.escape(text, quote=False)
    assert xml_attribute(text) == html.escape(text)
