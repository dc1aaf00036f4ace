"""Every template and every document reportgen writes is valid OOXML, with no cross-part defect.

Validity is checked by openxml-audit, a port of Microsoft's Open XML SDK validator, with the
rules of Microsoft 365; cross-part defects (dangling relationships, duplicate drawing ids,
styles used but not defined, runs lacking their East Asian hint) by reportgen's own check.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openxml_audit import FileFormat, OpenXmlValidator

from reportgen.cli import main
from reportgen.commands.starter import starter_template
from reportgen.ooxml.defects import Defect, package_defects

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = sorted((REPO / "templates").glob("*.docx"))


def validation_errors(path: Path) -> list[str]:
    validator = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=20)
    result = validator.validate(str(path))
    return [f"{error.part_uri}: {error.description}" for error in result.errors]


def defects(path: Path) -> list[Defect]:
    with zipfile.ZipFile(path) as archive:
        return package_defects({name: archive.read(name) for name in archive.namelist()})


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_every_template_is_valid_and_whole(template: Path) -> None:
    assert validation_errors(template) == []
    assert defects(template) == []


def test_every_rendered_sample_is_valid_and_whole(workspace_dir: Path) -> None:
    from helpers import switch_on

    switch_on(workspace_dir)  # -- the attachment's table and chart too --
    assert main(["render"]) == 0
    documents = sorted((workspace_dir / "output").rglob("*.docx"))
    assert len(documents) == 23  # -- six reports, the certificates, the model workers, joined --
    for document in documents:
        assert validation_errors(document) == [], document.name
        assert defects(document) == [], document.name


def test_the_starter_and_its_document_are_valid_and_whole(workspace_dir: Path) -> None:
    template = workspace_dir / "starter.docx"
    template.write_bytes(starter_template("工作总结"))
    assert validation_errors(template) == []
    assert defects(template) == []
    assert main(["new-department", "women", "--organisation", "江州市妇女联合会"]) == 0
    assert main(["render", "women"]) == 0
    [document] = (workspace_dir / "output").glob("江州市妇女联合会*.docx")
    assert validation_errors(document) == []
    assert defects(document) == []


@pytest.mark.parametrize(
    ("part", "xml", "kind"),
    [
        (
            "word/_rels/document.xml.rels",
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="x" Target="missing.xml"/></Relationships>',
            "dangling-relationship",
        ),
        (
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
            '<w:body><w:p><w:pPr><w:pStyle w:val="Nowhere"/></w:pPr><w:r><w:t>“甲”</w:t></w:r>'
            '</w:p><wp:docPr id="3"/><wp:docPr id="3"/></w:body></w:document>'.encode(),
            "undefined-style drawing-id missing-hint",
        ),
    ],
)
def test_the_defects_are_found(part: str, xml: bytes, kind: str) -> None:
    parts = {
        "[Content_Types].xml": (
            b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            b'<Default Extension="xml" ContentType="application/xml"/>'
            b'<Default Extension="rels" ContentType="x"/></Types>'
        ),
        "word/styles.xml": (
            b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b'<w:style w:type="paragraph" w:styleId="Normal"/></w:styles>'
        ),
        part: xml,
    }
    assert sorted({defect.kind for defect in package_defects(parts)}) == sorted(kind.split())
