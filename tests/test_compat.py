"""Templates Word would lay out otherwise: the warnings of check, and fix-template."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from reportgen.cli import main
from reportgen.ooxml.compat import Finding, compatibility_findings, normalised_parts
from reportgen.ooxml.defects import package_defects
from reportgen.ooxml.package import Package

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "templates" / "annual-summary.docx"

_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_EFFECTS_TYPE = "application/vnd.ms-word.stylesWithEffects+xml"


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def aged(parts: dict[str, bytes]) -> dict[str, bytes]:
    """Return the package as an older Word leaves it: what the sample template carried."""
    parts = dict(parts)
    settings = parts["word/settings.xml"].decode()
    settings = re.sub(r'(w:name="compatibilityMode"[^>]*w:val=")15"', r'\g<1>14"', settings)
    settings = settings.replace('w:eastAsia="zh-CN"', 'w:eastAsia="ja-JP"')
    parts["word/settings.xml"] = settings.encode()
    styles = parts["word/styles.xml"].decode()
    styles = styles.replace('w:eastAsia="zh-CN" w:bidi', 'w:eastAsia="en-US" w:bidi', 1)
    parts["word/styles.xml"] = styles.encode()
    # -- Word 2010's copy of the styles, lacking the footer's --
    parts["word/stylesWithEffects.xml"] = re.sub(
        r'<w:style [^>]*w:styleId="Footer".*?</w:style>', "", styles, flags=re.DOTALL
    ).encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rId99" Type="{_EFFECTS}" Target="stylesWithEffects.xml"/>'
        "</Relationships>",
    ).encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace(
        "</Types>",
        f'<Override PartName="/word/stylesWithEffects.xml" ContentType="{_EFFECTS_TYPE}"/></Types>',
    ).encode()
    numbering = parts["word/numbering.xml"].decode()
    parts["word/numbering.xml"] = numbering.replace(
        '<w:pStyle w:val="ListNumber"/>', '<w:pStyle w:val="ListNumber9"/>', 1
    ).encode()
    return parts


@pytest.fixture
def old_template(workspace_dir: Path) -> Path:
    """Return the workspace's annual-summary.docx aged as an older Word leaves a template."""
    path = workspace_dir / "templates" / "annual-summary.docx"
    path.write_bytes(Package(path, aged(parts_of(path)), {}).to_bytes({}))
    return path


def test_the_sample_templates_need_no_fixing() -> None:
    for path in sorted((REPO / "templates").glob("*.docx")):
        parts = parts_of(path)
        assert compatibility_findings(parts) == [], path.name
        assert normalised_parts(parts) == parts, path.name


def test_what_an_older_word_leaves_is_found(old_template: Path) -> None:
    assert compatibility_findings(parts_of(old_template)) == [
        Finding("compatibility-mode", "14"),
        Finding("theme-font-language", "ja-JP"),
        Finding("east-asian-language", "en-US"),
        Finding("styles-with-effects", styles=("Footer",)),
        Finding("numbering-style-links", styles=("ListNumber9",)),
    ]


def test_check_warns_without_failing(
    old_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "youth-league-summary"]) == 0
    captured = capsys.readouterr()
    assert captured.out == (
        "1 report checked: no errors, 5 warnings above "
        "(the reports render; better to fix them first)\n"
    )
    warnings = captured.err.splitlines()
    assert warnings == [
        f"warning: {old_template}: Word opens this template in Compatibility Mode (mode 14, an "
        "older Word's layout), so its lines and pages may differ from the PDF's: run "
        "'reportgen fix-template annual-summary.docx'",
        f"warning: {old_template}: the theme fonts' East Asian language is ja-JP, so text in a "
        "theme font takes a Japanese or other non-Chinese face in Word: run 'reportgen "
        "fix-template annual-summary.docx'",
        f"warning: {old_template}: the document's default East Asian language is en-US, not "
        "Chinese, and Word breaks lines and chooses fonts for Chinese text by it: run "
        "'reportgen fix-template annual-summary.docx'",
        f"warning: {old_template}: word/stylesWithEffects.xml, an old copy of the styles, lacks "
        "or adds 1 style of styles.xml (Footer): Word may offer to repair the file; run "
        "'reportgen fix-template annual-summary.docx'",
        f"warning: {old_template}: numbering.xml links lists to 1 style that styles.xml lacks "
        "(ListNumber9): Word may number or indent those lists otherwise; run 'reportgen "
        "fix-template annual-summary.docx'",
    ]


def test_the_warnings_read_in_chinese(
    old_template: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPORTGEN_LANG", "zh")
    assert main(["check", "youth-league-summary"]) == 0
    captured = capsys.readouterr()
    assert captured.out == (
        "已检查 1 份报告，没有错误，有 5 条提醒（见上）：报告可以生成，最好先按提醒修正\n"
    )
    first = captured.err.splitlines()[0]
    assert first == (
        f"提醒：{old_template}: Word 会以“兼容模式”打开此模板（兼容级别 14，按旧版 Word 排版），"
        "分行和分页可能与 PDF 不同：请运行 reportgen fix-template annual-summary.docx 修正"
    )


def test_render_writes_the_document_and_shows_the_warnings(
    old_template: Path, workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", "youth-league-summary"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "output/共青团江州市委员会2023年工作总结.docx\n"
    assert len(captured.err.splitlines()) == 5
    assert all(line.startswith("warning: ") for line in captured.err.splitlines())


def test_warnings_are_listed_with_the_errors_of_a_failed_render(
    old_template: Path, workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = workspace_dir / "data" / "youth-league-summary" / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("  closing:", "  closings:"))
    assert main(["render", "youth-league-summary"]) == 1
    err = capsys.readouterr().err
    assert err.count("warning: ") == 5
    assert err.splitlines()[-1] == "1 problem found, 5 warnings"


def test_fix_template_normalises_in_place_and_keeps_the_original(
    old_template: Path, workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = old_template.read_bytes()
    assert main(["fix-template", "annual-summary"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "templates/annual-summary.docx: normalised for Word; the original is kept as "
        "templates/annual-summary.docx.bak",
        "  compatibility mode 14 → 15 (no more Compatibility Mode)",
        "  theme fonts' East Asian language ja-JP → zh-CN",
        "  default East Asian language en-US → zh-CN",
        "  1 list link to missing styles removed (ListNumber9)",
        "  stale part removed: word/stylesWithEffects.xml",
    ]
    assert (old_template.parent / "annual-summary.docx.bak").read_bytes() == original
    fixed = parts_of(old_template)
    assert compatibility_findings(fixed) == []
    assert package_defects(fixed) == []
    assert "word/stylesWithEffects.xml" not in fixed
    assert b"stylesWithEffects" not in fixed["[Content_Types].xml"]
    assert b"stylesWithEffects" not in fixed["word/_rels/document.xml.rels"]
    # -- the body is not touched: its bytes are the template's --
    assert fixed["word/document.xml"] == parts_of(SAMPLE)["word/document.xml"]
    assert main(["check", "youth-league-summary"]) == 0
    assert capsys.readouterr().err == ""

    assert main(["fix-template", "annual-summary.docx"]) == 0
    assert capsys.readouterr().out == (
        "templates/annual-summary.docx: nothing to change (Word lays it out as LibreOffice does)\n"
    )
    assert not (old_template.parent / "annual-summary.docx.bak2").exists()


def test_fix_template_refuses_a_damaged_template_and_leaves_it_as_it_is(
    old_template: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # It stopped with lxml's traceback, or "normalised" a template Word refuses.
    parts = parts_of(old_template)
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"][:-40]
    old_template.write_bytes(Package(old_template, parts, {}).to_bytes({}))
    damaged = old_template.read_bytes()
    assert main(["fix-template", "annual-summary"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{old_template}: the template is damaged: word/_rels/document.xml.rels is cut short or "
        "garbled (not well-formed XML); Word would refuse or repair every document made from it: "
        "open it in Word or WPS and save it again as a .docx",
        "1 problem found",
    ]
    assert old_template.read_bytes() == damaged
    assert not (old_template.parent / "annual-summary.docx.bak").exists()
    monkeypatch.setenv("REPORTGEN_LANG", "zh")
    assert main(["fix-template", "annual-summary"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{old_template}: 模板文件已损坏：其中的 word/_rels/document.xml.rels 不完整或内容错乱"
        "（不是完好的 XML）；用它生成的文档，Word 会拒绝打开或要求修复："
        "请在 Word 或 WPS 中打开模板，重新另存为 .docx"
    )


def test_a_second_backup_does_not_overwrite_the_first(old_template: Path) -> None:
    from reportgen.commands.fix_template import fix_template

    backup = old_template.parent / "annual-summary.docx.bak"
    backup.write_bytes(b"an earlier backup")
    fix = fix_template(old_template)
    assert fix.backup == old_template.parent / "annual-summary.docx.bak2"
    assert backup.read_bytes() == b"an earlier backup"


def test_the_fixed_template_renders_the_same_text(old_template: Path, workspace_dir: Path) -> None:
    output = workspace_dir / "output" / "共青团江州市委员会2023年工作总结.docx"
    assert main(["render", "youth-league-summary"]) == 0
    before = [paragraph.text for paragraph in docx.Document(str(output)).paragraphs]
    assert main(["fix-template", "annual-summary"]) == 0
    assert main(["render", "youth-league-summary"]) == 0
    assert [paragraph.text for paragraph in docx.Document(str(output)).paragraphs] == before


def test_hints_and_stale_parts_of_python_docx_are_fixed(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("“引号”")
    document.save(buffer)
    path = tmp_path / "plain.docx"
    path.write_bytes(buffer.getvalue())
    parts = parts_of(path)
    assert {finding.kind for finding in compatibility_findings(parts)} >= {
        "compatibility-mode",
        "theme-font-language",
        "east-asian-language",
    }
    fixed = normalised_parts(parts)
    assert compatibility_findings(fixed) == []
    assert package_defects(fixed) == []
    assert sorted(set(parts) - set(fixed)) == [
        "customXml/_rels/item1.xml.rels",
        "customXml/item1.xml",
        "customXml/itemProps1.xml",
        "docProps/thumbnail.jpeg",
        "word/stylesWithEffects.xml",
    ]


def test_fix_template_names_a_missing_template(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fix-template", "nope"]) == 3
    assert capsys.readouterr().err == (
        f"error: {workspace_dir / 'templates'}: no template 'nope' (templates: "
        "annual-summary.docx, certificate.docx, five-year-report.docx, model-workers.docx, "
        "notice.docx, training-notice.docx, women-committee-report.docx)\n"
    )


def test_fix_template_without_names_fixes_every_template(
    old_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(old_template, old_template.with_name("copy.docx"))
    assert main(["fix-template"]) == 0
    out = capsys.readouterr().out
    assert "templates/annual-summary.docx: normalised" in out
    assert "templates/copy.docx: normalised" in out
    assert "templates/certificate.docx: nothing to change" in out
