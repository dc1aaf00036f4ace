"""Runs holding Chinese punctuation carry w:hint="eastAsia", so that Word sets them in 仿宋."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from reportgen.cli import main
from reportgen.commands.starter import starter_template
from reportgen.ooxml.hints import add_east_asian_hints, needs_hint
from reportgen.ooxml.layout import build_five_year_template

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def hints_of_runs(package: bytes) -> list[tuple[str, str | None]]:
    """Return (text, hint) for every run of the story parts that holds text."""
    runs = []
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        for name in archive.namelist():
            if not name.startswith("word/") or not name.endswith(".xml"):
                continue
            if not any(kind in name for kind in ("document", "header", "footer")):
                continue
            root = etree.fromstring(archive.read(name))
            for run in root.iter(f"{W}r"):
                text = "".join(t.text or "" for t in run.iter(f"{W}t"))
                if not text:
                    continue
                fonts = run.find(f"{W}rPr/{W}rFonts")
                runs.append((text, None if fonts is None else fonts.get(f"{W}hint")))
    return runs


def unhinted(package: bytes) -> list[str]:
    return [
        text for text, hint in hints_of_runs(package) if needs_hint(text) and hint != "eastAsia"
    ]


@pytest.mark.parametrize("character", ["“", "”", "‘", "’", "—", "…", "·", "℃", "①", "×", "Ⅱ"])
def test_the_characters_word_sets_by_the_hint_need_it(character: str) -> None:
    assert needs_hint(f"甲{character}乙")


@pytest.mark.parametrize("character", ["，", "。", "、", "：", "（", "《", "A", "1", "%", "é"])
def test_chinese_full_width_and_latin_characters_do_not(character: str) -> None:
    assert not needs_hint(f"甲{character}乙")


@pytest.mark.parametrize(
    ("run", "hinted"),
    [
        (
            "<w:r><w:t>“甲”</w:t></w:r>",
            '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>“甲”</w:t></w:r>',
        ),
        (
            '<w:r w:rsidR="00A1"><w:rPr><w:rStyle w:val="Lead"/><w:b/></w:rPr><w:t>a—b</w:t></w:r>',
            '<w:r w:rsidR="00A1"><w:rPr><w:rStyle w:val="Lead"/><w:rFonts w:hint="eastAsia"/>'
            "<w:b/></w:rPr><w:t>a—b</w:t></w:r>",
        ),
        (
            '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hint="default"/></w:rPr><w:t>…</w:t></w:r>',
            '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hint="eastAsia"/></w:rPr><w:t>…</w:t></w:r>',
        ),
        (
            "<w:r><w:rPr/><w:t>‘</w:t></w:r>",
            '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>‘</w:t></w:r>',
        ),
        (
            '<w:r><w:rPr><w:rFonts w:eastAsia="仿宋"></w:rFonts></w:rPr>'
            "<w:tab/><w:t>·</w:t><w:t>”</w:t></w:r>",
            '<w:r><w:rPr><w:rFonts w:eastAsia="仿宋" w:hint="eastAsia"></w:rFonts></w:rPr>'
            "<w:tab/><w:t>·</w:t><w:t>”</w:t></w:r>",
        ),
    ],
)
def test_the_hint_is_added_in_schema_order(run: str, hinted: str) -> None:
    paragraph = (
        f"<w:p {NS}><w:pPr><w:rPr><w:b/></w:rPr></w:pPr>{run}<w:r><w:t>plain</w:t></w:r></w:p>"
    )
    result = add_east_asian_hints(paragraph)
    assert result == paragraph.replace(run, hinted)
    etree.fromstring(result)  # -- still well-formed --


def test_a_part_without_such_characters_is_returned_as_it_is() -> None:
    xml = f"<w:document {NS}><w:body><w:p><w:r><w:t>，。“</w:t></w:r></w:p></w:body></w:document>"
    plain = xml.replace("“", "")
    assert add_east_asian_hints(plain) is plain
    # -- a quote in an attribute is not text: no run changes --
    attribute = f'<w:p {NS}><w:r><w:t>甲</w:t></w:r><w:bookmarkStart w:name="“x”"/></w:p>'
    assert add_east_asian_hints(attribute) == attribute


def test_nested_runs_of_a_text_box_are_hinted_themselves() -> None:
    xml = (
        f"<w:p {NS}><w:r><w:rPr><w:b/></w:rPr><w:pict><w:txbxContent><w:p>"
        "<w:r><w:t>“框”</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p>"
    )
    result = add_east_asian_hints(xml)
    assert result.count('w:hint="eastAsia"') == 1
    assert '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>“框”' in result


def test_the_templates_reportgen_builds_are_hinted() -> None:
    for package in (build_five_year_template(), starter_template("工作总结")):
        runs = hints_of_runs(package)
        # -- the page numbers: — 1 — in both footers --
        assert ("— ", "eastAsia") in runs
        assert unhinted(package) == []


def test_every_rendered_sample_is_hinted(workspace_dir: Path) -> None:
    assert main(["render"]) == 0
    documents = sorted((workspace_dir / "output").rglob("*.docx"))
    # -- six reports (five-year, youth league, worker homes, the 通知, the women workers'
    # committee, the training notice), twelve certificates, four model workers, joined --
    assert len(documents) == 23
    hinted = 0
    for document in documents:
        package = document.read_bytes()
        assert unhinted(package) == [], document.name
        hinted += sum(1 for text, hint in hints_of_runs(package) if hint == "eastAsia")
    report = (workspace_dir / "output" / "2023年市工会5年工作汇报材料.docx").read_bytes()
    quoted = [text for text, hint in hints_of_runs(report) if "“" in text]
    assert len(quoted) >= 5
    assert {hint for text, hint in hints_of_runs(report) if "“" in text} == {"eastAsia"}
    assert hinted > len(quoted)


def test_the_styles_keep_their_east_asian_fonts() -> None:
    with zipfile.ZipFile(io.BytesIO(build_five_year_template())) as archive:
        styles = archive.read("word/styles.xml").decode()
    assert styles.count('w:eastAsia="仿宋_GB2312"') >= 5
    assert "w:hint" not in styles


RUN_PIECES = [
    "<w:r><w:t>甲</w:t></w:r>",
    "<w:r><w:t>“乙”</w:t></w:r>",
    '<w:r><w:rPr><w:rFonts w:ascii="A" w:hint="eastAsia"/></w:rPr><w:t>—丙</w:t></w:r>',
    '<w:r><w:rPr><w:rFonts w:hint="eastAsia" w:ascii="A"/></w:rPr><w:t>“丁”</w:t></w:r>',
    '<w:r><w:rPr><w:rFonts w:hint="default"/></w:rPr><w:t xml:space="preserve"> …</w:t></w:r>',
    '<w:r><w:rPr><w:rStyle w:val="S"/><w:b/></w:rPr><w:t>①</w:t><w:t>②</w:t></w:r>',
    "<w:r><w:rPr/><w:tab/><w:t>·</w:t></w:r>",
    "<w:r><w:t>plain</w:t></w:r>",
    "<w:p>",
    "</w:p>",
]


def hinted_run_by_run(xml: str) -> str:
    """Hint every run whose text needs it, each looked at on its own: what the pass must give."""
    return re.sub(
        r"<w:r>.*?</w:r>",
        lambda run: add_east_asian_hints(run.group()),
        xml,
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(RUN_PIECES), max_size=12).map("".join))
def test_a_part_is_hinted_as_its_runs_are_one_by_one(runs: str) -> None:
    xml = f"<w:document {NS}><w:body>{runs}</w:body></w:document>"
    hinted = add_east_asian_hints(xml)
    assert hinted == hinted_run_by_run(xml)
    assert add_east_asian_hints(hinted) == hinted  # -- hinted once is hinted for good --


def test_only_text_is_looked_at_not_what_stands_before_the_first_text_element() -> None:
    before = '<w:body><w:p><w:pPr><w:pStyle w:val="“标题”"/></w:pPr><w:r>'
    assert add_east_asian_hints(f"{before}<w:tab/></w:r></w:p></w:body>").count("hint") == 0
    after = "<w:t>“安康杯”</w:t></w:r></w:p></w:body>"
    hinted = add_east_asian_hints(before + after)
    assert hinted == f'{before}<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>{after}'
