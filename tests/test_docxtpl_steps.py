"""docxtpl's preprocessing, run without importing docxtpl: the same results as docxtpl's."""

from __future__ import annotations

import importlib.util
import py_compile
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docxtpl import DocxTemplate

from reportgen.template import docxtpl_steps
from reportgen.template.compiled import TEMPLATED_PART

REPO = Path(__file__).resolve().parent.parent
PARTS = [
    (template.name, name, zipfile.ZipFile(template).read(name).decode())
    for template in sorted((REPO / "templates").glob("*.docx"))
    for name in zipfile.ZipFile(template).namelist()
    if TEMPLATED_PART.fullmatch(name)
]


@pytest.mark.parametrize(("template", "part", "xml"), PARTS, ids=[f"{t}:{p}" for t, p, _ in PARTS])
def test_every_shipped_part_is_prepared_as_docxtpl_prepares_it(
    template: str, part: str, xml: str
) -> None:
    assert docxtpl_steps.patch_xml(xml) == DocxTemplate.patch_xml(None, xml)


def test_split_tags_cell_and_row_blocks_are_prepared_alike() -> None:
    xml = (
        "<w:tbl><w:tr><w:tc><w:tcPr></w:tcPr><w:p><w:r><w:t>{%tr for x in xs %}</w:t></w:r>"
        "</w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr/><w:p><w:r><w:t>{{ x.</w:t></w:r><w:r><w:rPr>"
        "<w:b/></w:rPr><w:t>name }}{% colspan 2 %}{% cellbg 'FF0000' %}</w:t></w:r></w:p>"
        "</w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>{%tr endfor %}</w:t></w:r></w:p></w:tc>"
        "</w:tr></w:tbl><w:p><w:r><w:t>{%- if a -%}“b”{%p endif %}{{r x }}</w:t></w:r></w:p>"
    )
    assert docxtpl_steps.patch_xml(xml) == DocxTemplate.patch_xml(None, xml)


def test_line_breaks_and_tabs_in_values_become_the_same_markup() -> None:
    xml = (
        "<w:p><w:pPr><w:jc/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>一\n二\t三\a四\f五</w:t>"
        "</w:r></w:p>"
    )
    assert docxtpl_steps.resolve_listing(xml) == DocxTemplate.resolve_listing(None, xml)


@pytest.fixture
def template_copy(tmp_path: Path) -> Path:
    """Return a copy of docxtpl/template.py with the bytecode Python writes for it."""
    copy = tmp_path / "template.py"
    shutil.copy2(docxtpl_steps._template_file(), copy)
    py_compile.compile(str(copy), cfile=importlib.util.cache_from_source(str(copy)), doraise=True)
    return copy


def test_the_steps_taken_from_bytecode_are_those_compiled_from_source(template_copy: Path) -> None:
    from_bytecode = docxtpl_steps._taken_from_bytecode(template_copy)
    from_source = docxtpl_steps._compiled_from_source(template_copy)
    for _, _, xml in PARTS:
        prepared = from_bytecode["patch_xml"](None, xml)
        assert prepared == from_source["patch_xml"](None, xml) == DocxTemplate.patch_xml(None, xml)
    listing = "<w:p><w:r><w:t>一\n二\t三</w:t></w:r></w:p>"
    assert from_bytecode["resolve_listing"](None, listing) == DocxTemplate.resolve_listing(
        None, listing
    )


def test_the_bytecode_beside_the_source_is_used_under_a_pycache_prefix(
    template_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "elsewhere"))  # -- nothing there --
    methods = docxtpl_steps._taken_from_bytecode(template_copy)
    assert methods["patch_xml"].__code__.co_filename == str(template_copy)


def test_bytecode_older_than_its_source_is_not_used(template_copy: Path) -> None:
    with template_copy.open("a", encoding="utf-8") as stream:
        stream.write("\n# edited after it was compiled\n")
    with pytest.raises(LookupError):
        docxtpl_steps._taken_from_bytecode(template_copy)
    assert docxtpl_steps._compiled_from_source(template_copy)["patch_xml"] is not None


def test_the_steps_are_docxtpls_own_code_not_docxtpl_imported() -> None:
    # Taken from the source: DocxTemplate's methods would be the fallback.
    methods = docxtpl_steps._methods()
    assert methods["patch_xml"] is not DocxTemplate.patch_xml


def test_a_render_imports_neither_docxtpl_nor_python_docx(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reportgen.template.compiled import CompiledTemplate, DocumentProperties\n"
        f"template = CompiledTemplate(Path({str(REPO / 'templates' / 'certificate.docx')!r}))\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in "
        "('docxtpl', 'docx', 'docxcompose')))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert completed.stdout == "[]\n"


def test_escaped_braces_print_as_braces_and_a_part_without_braces_is_left_as_it_is() -> None:
    from reportgen.template.compiled import _escaped_braces_printed, _finish

    escaped = "<w:p><w:r><w:t>{_{ 甲 }_} {_% 乙 %_}</w:t></w:r></w:p>".encode()
    printed = "<w:p><w:r><w:t>{{ 甲 }} {% 乙 %}</w:t></w:r></w:p>".encode()
    assert _escaped_braces_printed(escaped) == printed
    plain = "<w:p><w:r><w:t>仿宋_GB2312 a_b</w:t></w:r></w:p>"
    assert _finish(plain) is plain
