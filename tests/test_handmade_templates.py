"""Templates other departments make by hand render as their authors read them.

A department writes its template in Word or WPS, as a person who knows a little Jinja would:
figures compared and added as numbers, tags that Word wraps in its own markup. Each case
either renders what the author meant or is refused with the place and what to do.
"""

from __future__ import annotations

import io
import random
import subprocess
from pathlib import Path

import docx
import pytest
from lxml import etree
from PIL import Image

from minimal_workspace import (
    PROPOSALS_YAML,
    TEMPLATE,
    make_workspace,
    paragraph_texts,
    set_body_xml,
)
from reportgen.api import check_reports, render_reports
from reportgen.i18n import set_language
from reportgen.ooxml.package import Package
from reportgen.workspace import Workspace


def rendered(root: Path, *body: str) -> list[str]:
    """Render a workspace whose template holds the paragraphs ``body``; return its text."""
    make_workspace(root, body=list(body))
    [written] = render_reports(Workspace.at(root))
    return paragraph_texts(written)


@pytest.mark.parametrize(
    ("tag", "printed"),
    [
        ("{% if proposals.collected > 10000 %}过万{% endif %}", "过万"),
        ("{% if proposals.collected >= 16489 and proposals.adopted < 6000 %}是{% endif %}", "是"),
        ("{% if proposals.collected == 16489 %}等于{% endif %}", "等于"),
        ("{% if proposals.adopted < proposals.collected %}少于{% endif %}", "少于"),
        ("{% if 20000 > proposals.collected %}不到两万{% endif %}", "不到两万"),
        ("{{ proposals.collected - proposals.adopted }}", "10694"),
        ("{{ proposals.collected + 11 }}", "16500"),
        ("{{ 2 * proposals.adopted }}", "11590"),
        ("{{ (proposals.adopted / proposals.collected * 100) | round(1) }}", "35.1"),
        ("{{ proposals.collected | int }}", "16489"),
        ("{{ proposals.collected | float }}", "16489.0"),
        ("{{ (proposals.collected / 10000) | round(2) }}", "1.65"),
        ("{{ [proposals.collected, proposals.adopted] | sum }}", "22284"),
        ("{{ [proposals.collected, proposals.adopted] | max }}", "16489"),
        ("{{ proposals.collected | abs }}", "16489"),
        ("{{ '%.1f' | format(proposals.collected / 1000) }}", "16.5"),
        ("{% if proposals.adoption_rate > 0 %}增长{% endif %}", "增长"),
        ("{% if proposals.adoption_rate >= proposals.adoption_rate %}同{% endif %}", "同"),
        ("{{ (proposals.adoption_rate * 100) | round(1) }}", "35.1"),
    ],
)
def test_a_figure_compares_and_computes_as_its_number(
    tmp_path: Path, tag: str, printed: str
) -> None:
    # `| int` once printed 0 for every figure, and `>` stopped the render with a Python error.
    assert rendered(tmp_path, tag) == [printed]


def test_an_ampersand_in_a_tag_prints_as_itself(tmp_path: Path) -> None:
    # Word keeps & as &amp; in the XML; docxtpl reads it so, and the document printed "&amp;".
    tags = '{{ report.title ~ "&" ~ report.organisation }}', "{{ 'R&D' }}", '{{ "<甲>" }}'
    assert rendered(tmp_path, *tags) == ["工作汇报&市总工会", "R&D", "<甲>"]


def test_a_figure_still_prints_as_the_data_asks(tmp_path: Path) -> None:
    figure = "{{ proposals.collected }}、{{ proposals.adoption_rate }}"
    assert rendered(tmp_path, figure) == ["16489、35.1%"]


def test_a_percentage_compared_with_a_number_other_than_zero_is_refused(tmp_path: Path) -> None:
    # 35.1% is held as 0.351: `> 30` may mean 30% or 3000%, and only the author knows which.
    make_workspace(tmp_path, body=["{% if proposals.adoption_rate > 30 %}超过三成{% endif %}"])
    [problem] = check_reports(Workspace.at(tmp_path))
    assert str(problem).endswith(
        "body, paragraph 1: adoption_rate is a percentage (35.1%), so comparing it with 30 is "
        "ambiguous: compare adoption_rate.value with the fraction (0.3 for 30%), or with another "
        "percentage: {% if proposals.adoption_rate > 30 %}"
    )
    set_language("zh")
    try:
        assert "请用 adoption_rate.value 与小数比较（30% 写作 0.3）" in str(problem)
    finally:
        set_language("en")


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def rendered_xml(root: Path, *paragraphs: str) -> list[str]:
    """Render a workspace whose template's body is the paragraphs' XML; return their text.

    The text of every run counts, in content controls and smart tags too (python-docx skips
    those), but not the text a tracked change deleted.
    """
    make_workspace(root)
    set_body_xml(root / "templates" / TEMPLATE, "".join(f"<w:p>{p}</w:p>" for p in paragraphs))
    [written] = render_reports(Workspace.at(root))
    body = etree.fromstring(Package.read(written).parts["word/document.xml"])
    return ["".join(p.itertext(f"{W}t")) for p in body.iter(f"{W}p")]


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REVISION = 'w:id="{id}" w:author="张三" w:date="2024-01-01T00:00:00Z"'


@pytest.mark.parametrize(
    ("paragraph", "printed"),
    [
        # a content control (WPS and Word's 格式文本内容控件) holding part of a tag
        (
            run("标题：")
            + "<w:sdt><w:sdtPr/><w:sdtContent>"
            + run("{{ report.")
            + "</w:sdtContent></w:sdt>"
            + run("title }}"),
            "标题：工作汇报",
        ),
        # a smart tag Word put around what it took for a date or a name
        (
            '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="date">'
            + run("{{ period.")
            + "</w:smartTag>"
            + run("end }}年"),
            "2023年",
        ),
        # a hyperlink over the end of a tag
        (
            run("{{ report.") + '<w:hyperlink w:anchor="a">' + run("title }}") + "</w:hyperlink>",
            "工作汇报",
        ),
        # a tracked insertion finishing a tag, and a tracked deletion inside it
        (
            run("{{ report.")
            + f"<w:del {REVISION.format(id=1)}><w:r><w:delText>name</w:delText></w:r></w:del>"
            + f"<w:ins {REVISION.format(id=2)}>"
            + run("title }}")
            + "</w:ins>",
            "工作汇报",
        ),
        # custom XML markup, as a document management system leaves it
        (
            run("{{ report") + '<w:customXml w:element="x">' + run(".title }}") + "</w:customXml>",
            "工作汇报",
        ),
    ],
)
def test_a_tag_split_across_markup_word_wraps_around_part_of_it_renders(
    tmp_path: Path, paragraph: str, printed: str
) -> None:
    # The document came out broken ("Opening and ending tag mismatch") and unwritten.
    assert rendered_xml(tmp_path, paragraph) == [printed]


def test_a_block_tag_alone_in_its_paragraph_without_p_is_warned_of(tmp_path: Path) -> None:
    # Jinja's own way, as an author who knows Jinja writes it: each paragraph holding only a
    # tag stays, empty, in the document, a blank line for every item of the loop.
    body = ["{% for x in opening %}", "{{ x }}", "{% endfor %}", "{%p if report.title %}", "题",
            "{%p endif %}", "{%- if report.title %}", "甲{%- endif %}"]  # fmt: skip
    make_workspace(tmp_path, body=body)
    found = check_reports(Workspace.at(tmp_path))
    assert [(str(p.where), p.severity, p.message.text("en")) for p in found] == [  # type: ignore[union-attr]
        (
            f"body, paragraph {number}",
            "warning",
            f"{tag} stands alone in its paragraph, which stays in the document, empty (in a "
            f"loop, once for each item): write {fixed}, with p, so that the paragraph goes with "
            "the tag",
        )
        for number, tag, fixed in (
            (1, "{% for x in opening %}", "{%p for x in opening %}"),
            (3, "{% endfor %}", "{%p endfor %}"),
        )
    ]
    assert found[0].message.text("zh") == (  # type: ignore[union-attr]
        "{% for x in opening %} 单独占了一段，这一段会作为空段落留在文档里"
        "（在循环中每一项留一个）：请写成 {%p for x in opening %}（加 p），"
        "标签所在的段落就会一起去掉"
    )
    [written] = render_reports(Workspace.at(tmp_path))  # -- a warning does not stop a render --
    assert paragraph_texts(written)[:3] == ["", "过去的五年，我们做了很多工作。", ""]


def test_a_tag_broken_over_two_paragraphs_by_an_enter_is_warned_of(tmp_path: Path) -> None:
    # docxtpl gathers the tag across the paragraph mark: the document printed the two
    # paragraphs as one, and check said nothing.
    body = ["标题是：{{ report.", "title }}，特此报告。", "{{ report.title }}完好。"]
    make_workspace(tmp_path, body=body)
    found = check_reports(Workspace.at(tmp_path))
    assert [(str(p.where), p.severity, p.message.text("en")) for p in found] == [  # type: ignore[union-attr]
        (
            "body, paragraph 1",
            "warning",
            "the tag {{ report. … title }} is broken by an Enter: it ends in body, paragraph 2, "
            "so the document prints the two paragraphs as one; join them: click at the end of "
            "{{ report. and press Delete",
        )
    ]
    assert found[0].message.text("zh") == (  # type: ignore[union-attr]
        "标签 {{ report. … title }} 中间被回车断开了，后半截在正文第2段，"
        "生成的文档会把这两段合成一段；请把它们接回一段：在 {{ report. 末尾点一下，按 Delete 键"
    )
    [written] = render_reports(Workspace.at(tmp_path))  # -- a warning does not stop a render --
    assert paragraph_texts(written)[:1] == ["标题是：工作汇报，特此报告。"]


def test_a_template_with_a_picture_holding_a_brace_in_its_bytes_renders(tmp_path: Path) -> None:
    # -- a logo's PNG bytes held "{" (or "{%"): the looks for tags an Enter broke and for
    #    block tags alone in their paragraph parsed it as XML, and the render stopped with
    #    lxml's traceback --
    make_workspace(tmp_path)
    path = tmp_path / "templates" / TEMPLATE
    logo = _png_holding_a_brace()
    document = docx.Document(str(path))
    document.add_picture(io.BytesIO(logo))
    document.save(str(path))
    assert check_reports(Workspace.at(tmp_path)) == []
    [written] = render_reports(Workspace.at(tmp_path))
    assert logo in Package.read(written).parts.values()


def _png_holding_a_brace() -> bytes:
    """Return a PNG whose bytes hold ``{%``, as a photo's of some size most often do."""
    for seed in range(256):
        buffer = io.BytesIO()
        Image.frombytes("RGB", (64, 64), random.Random(seed).randbytes(64 * 64 * 3)).save(
            buffer, "PNG"
        )
        if b"{%" in buffer.getvalue():
            return buffer.getvalue()
    raise AssertionError("no PNG of these holds a brace and a percent sign")


def test_a_tag_in_a_word_comment_is_warned_of(tmp_path: Path) -> None:
    # docxtpl leaves the comments part as it is: every document carried the comment, its tag
    # unfilled, and check said nothing.
    make_workspace(tmp_path)
    path = tmp_path / "templates" / TEMPLATE
    document = docx.Document(str(path))
    runs = document.paragraphs[0].runs
    document.add_comment(runs, text="标题用 {{ report.title }}，不要手写", author="王科长")
    document.save(str(path))
    found = check_reports(Workspace.at(tmp_path))
    assert [(p.where, p.severity, p.message.text("en")) for p in found] == [  # type: ignore[union-attr]
        (
            None,
            "warning",
            "comment 1 (by 王科长) holds {{ report.title }}: comments are not filled in, so "
            "every document carries it as written, in the comment in its margin: move the tag "
            "into the text, or delete the comment",
        )
    ]
    assert found[0].message.text("zh") == (  # type: ignore[union-attr]
        "第1条批注（王科长）里有标签 {{ report.title }}：批注不会被填写，生成的每份文档都会在"
        "页边批注里原样带着它：请把标签移到正文中，或删除这条批注"
    )


def test_tracked_changes_left_in_a_template_are_warned_of(tmp_path: Path) -> None:
    # A report edited with Track Changes on and saved as the template: every document opened
    # with its revisions, struck through and underlined, and printed so, without a word.
    make_workspace(tmp_path)
    paragraphs = [
        run("标题：{{ report.title }}"),
        run("我们")
        + f"<w:del {REVISION.format(id=1)}><w:r><w:delText>基本</w:delText></w:r></w:del>"
        + f"<w:ins {REVISION.format(id=2)}>{run('全面')}</w:ins>"
        + run("完成了任务。"),
        f"<w:ins {REVISION.format(id=3)}>{run('新加的一段。')}</w:ins>",
    ]
    set_body_xml(tmp_path / "templates" / TEMPLATE, "".join(f"<w:p>{p}</w:p>" for p in paragraphs))
    [warning] = check_reports(Workspace.at(tmp_path))
    assert warning.severity == "warning"
    assert str(warning) == (
        f"warning: {tmp_path / 'templates' / TEMPLATE}: the template holds 3 tracked changes not "
        "yet accepted or rejected (the first in body, paragraph 2): every document made from it "
        "shows them, struck through and underlined, and Word prints them so; in Word, Review > "
        "Accept > Accept All Changes (or Reject), then save the template"
    )
    assert warning.message.text("zh") == (  # type: ignore[union-attr]
        "模板中有 3 处修订尚未接受或拒绝（第一处在正文第2段）：用它生成的每份文档都带着这些"
        "修订标记（删除线、下划线），Word 打印时也会印出：请在 Word 中点“审阅→接受→接受所有修订”"
        "（或拒绝），保存模板后再用"
    )
    [written] = render_reports(Workspace.at(tmp_path))  # -- a warning does not stop a render --
    body = etree.fromstring(Package.read(written).parts["word/document.xml"])
    assert [len(list(body.iter(f"{W}{name}"))) for name in ("ins", "del")] == [2, 1]
    assert paragraph_texts(written)[0] == "标题：工作汇报"


# -- what a template carries that no document may: a template's type, macros, a remote template --

DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def rewrite(path: Path, change: dict[str, bytes | None]) -> None:
    """Replace (or add, or with None remove) parts of the .docx at ``path``."""
    package = Package.read(path)
    for name, blob in change.items():
        if blob is None:
            package.parts.pop(name, None)
        else:
            package.parts[name] = blob
    path.write_bytes(Package(path, package.parts, {}).to_bytes({}))


def edited(path: Path, name: str, old: str, new: str) -> bytes:
    text = Package.read(path).parts[name].decode("utf-8")
    assert old in text, old
    return text.replace(old, new, 1).encode("utf-8")


@pytest.mark.parametrize(
    "kind",
    [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
    ],
)
def test_a_word_template_file_gives_documents_word_opens(tmp_path: Path, kind: str) -> None:
    # A .dotx (“Word 模板”) used as the template made .docx files that Word will not open.
    make_workspace(tmp_path)
    template = tmp_path / "templates" / TEMPLATE
    rewrite(
        template,
        {"[Content_Types].xml": edited(template, "[Content_Types].xml", DOCUMENT_TYPE, kind)},
    )
    [written] = render_reports(Workspace.at(tmp_path))
    assert DOCUMENT_TYPE in Package.read(written).parts["[Content_Types].xml"].decode()
    assert paragraph_texts(written)[0] == "工作汇报"  # -- python-docx refuses a template's type --


def test_a_template_with_macros_gives_documents_without_them(tmp_path: Path) -> None:
    make_workspace(tmp_path)
    template = tmp_path / "templates" / TEMPLATE
    macro = "application/vnd.ms-word.document.macroEnabled.main+xml"
    types = edited(template, "[Content_Types].xml", DOCUMENT_TYPE, macro).replace(
        b"</Types>",
        b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    )
    relationships = edited(
        template,
        "word/_rels/document.xml.rels",
        "</Relationships>",
        '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/'
        'vbaProject" Target="vbaProject.bin"/></Relationships>',
    )
    rewrite(
        template,
        {
            "[Content_Types].xml": types,
            "word/_rels/document.xml.rels": relationships,
            "word/vbaProject.bin": b"\xd0\xcf\x11\xe0 Sub AutoOpen()",
        },
    )
    [warning] = [p for p in check_reports(Workspace.at(tmp_path)) if p.severity == "warning"]
    assert warning.message.text("en") == (  # type: ignore[union-attr]
        "the template holds macros (word/vbaProject.bin), which are left out of every document "
        "made from it: save it in Word as a Word Document (*.docx) to be rid of them"
    )
    [written] = render_reports(Workspace.at(tmp_path))
    parts = Package.read(written).parts
    assert "word/vbaProject.bin" not in parts
    assert b"vbaProject" not in parts["word/_rels/document.xml.rels"]
    assert DOCUMENT_TYPE in parts["[Content_Types].xml"].decode()
    assert paragraph_texts(written)[0] == "工作汇报"


def test_a_template_attached_to_a_template_elsewhere_gives_documents_without_the_link(
    tmp_path: Path,
) -> None:
    # Each document would have Word fetch \\server\share\Normal.dotm when opened: a known way
    # to run someone's macros, or to leak the reader's Windows password hash.
    make_workspace(tmp_path)
    template = tmp_path / "templates" / TEMPLATE
    settings = edited(
        template,
        "word/settings.xml",
        "<w:zoom ",
        f'<w:attachedTemplate xmlns:r="{R}" r:id="rIdRemote"/><w:zoom ',
    )
    link = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://'
        'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdRemote" '
        f'Type="{R}/attachedTemplate" Target="file://server/share/Normal.dotm" '
        'TargetMode="External"/></Relationships>'
    )
    rewrite(
        template, {"word/settings.xml": settings, "word/_rels/settings.xml.rels": link.encode()}
    )
    [warning] = [p for p in check_reports(Workspace.at(tmp_path)) if p.severity == "warning"]
    assert warning.message.text("en") == (  # type: ignore[union-attr]
        "the template is attached to a template elsewhere (file://server/share/Normal.dotm), "
        "which Word would fetch each time a document is opened: the link is left out of every "
        "document; in Word, Developer > Document Template removes it from the template"
    )
    [written] = render_reports(Workspace.at(tmp_path))
    parts = Package.read(written).parts
    assert b"attachedTemplate" not in parts["word/settings.xml"]
    assert b"server/share" not in parts.get("word/_rels/settings.xml.rels", b"")


def test_a_template_linking_to_pictures_elsewhere_is_warned_of_and_a_hyperlink_is_not(
    tmp_path: Path,
) -> None:
    # A picture inserted with Link to File: each document had Word fetch \\server\share\logo.png
    # when opened, sending the reader's Windows sign-in there, without a word from check.
    make_workspace(tmp_path)
    template = tmp_path / "templates" / TEMPLATE
    rels = "word/_rels/document.xml.rels"
    linked = edited(
        template,
        rels,
        "</Relationships>",
        f'<Relationship Id="rIdLogo" Type="{R}/image" Target="\\\\server\\share\\logo.png" '
        'TargetMode="External"/><Relationship Id="rIdSite" Type="{R}/hyperlink" '
        'Target="https://www.example.org/" TargetMode="External"/></Relationships>'.replace(
            "{R}", R
        ),
    )
    rewrite(template, {rels: linked})
    [warning] = [p for p in check_reports(Workspace.at(tmp_path)) if p.severity == "warning"]
    assert warning.message.text("en") == (  # type: ignore[union-attr]
        "the template links to 1 picture or object elsewhere (\\\\server\\share\\logo.png) "
        "instead of holding it: Word fetches it each time a document is opened, so it is missing "
        "wherever the address cannot be reached, and that address learns who opened the "
        "document; in Word, insert the picture itself (Insert > Pictures, not Link to File), or "
        "File > Info > Edit Links to Files > Break Link, and save the template"
    )
    assert warning.message.text("zh").startswith(  # type: ignore[union-attr]
        "模板中有 1 处图片或对象链接到别处（\\\\server\\share\\logo.png），而不是放在模板里"
    )
    rewrite(template, {rels: linked.replace(b"\\\\server", b"logo").replace(b"\\", b"/")})
    assert [p for p in check_reports(Workspace.at(tmp_path)) if p.severity == "warning"] == []


# -- what a block may leave behind that Word will not open --


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def table(*cells: str) -> str:
    columns = "".join('<w:gridCol w:w="4000"/>' for _ in cells)
    row = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>{c}</w:tc>' for c in cells
    )
    return f"<w:tbl><w:tblPr/><w:tblGrid>{columns}</w:tblGrid><w:tr>{row}</w:tr></w:tbl>"


def schema_errors(path: Path) -> list[str]:
    from openxml_audit import FileFormat, OpenXmlValidator

    result = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=20).validate(
        str(path)
    )
    return [str(error) for error in result.errors]


@pytest.mark.parametrize(
    "body",
    [
        # -- a cell whose every paragraph a false {%p if %} takes away --
        table(
            paragraph("{%p if report.title == '无' %}")
            + paragraph("有")
            + paragraph("{%p endif %}"),
            paragraph("乙"),
        ),
        # -- a cell left ending in a table, its last paragraph taken away --
        table(
            table(paragraph("内"))
            + paragraph("{%p if report.title == '无' %}")
            + paragraph("{%p endif %}")
        ),
    ],
    ids=["emptied-cell", "cell-ending-in-a-table"],
)
def test_a_cell_a_block_empties_still_holds_the_paragraph_word_needs(
    tmp_path: Path, body: str
) -> None:
    # Word refuses a cell without a paragraph at its end ("unreadable content"), and the
    # schema a cell without any.
    make_workspace(tmp_path)
    set_body_xml(
        tmp_path / "templates" / TEMPLATE, paragraph("{{ report.title }}") + body + paragraph("完")
    )
    [written] = render_reports(Workspace.at(tmp_path))
    assert schema_errors(written) == []
    # -- ISO/IEC 29500 17.4.66: a cell ends in a paragraph, which Word needs after a table --
    body = etree.fromstring(Package.read(written).parts["word/document.xml"])
    cells = list(body.iter(f"{W}tc"))
    assert cells and all(cell[-1].tag == f"{W}p" for cell in cells)


def test_a_table_whose_every_row_a_block_took_is_taken_away_too(tmp_path: Path) -> None:
    # A table without a row is refused by Word (MS-OI29500: a table holds one row or more).
    rows = [["{%tr for x in opening if x == '无' %}"], ["{{ x }}"], ["{%tr endfor %}"]]
    make_workspace(tmp_path, body=["{{ report.title }}"], table=rows)
    [written] = render_reports(Workspace.at(tmp_path))
    body = etree.fromstring(Package.read(written).parts["word/document.xml"])
    assert [len(list(table.iter(f"{W}tr"))) for table in body.iter(f"{W}tbl")] == []
    assert paragraph_texts(written) == ["工作汇报"]


SECTION_BREAK = (
    '<w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" '
    'w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:pPr>'
)


@pytest.mark.parametrize(
    ("paragraphs", "texts"),
    [
        # -- Word keeps a section break in the last paragraph of its section: here a tag's --
        (
            [
                ("{%p if report.title %}", ""),
                ("{{ report.title }}", ""),
                ("{%p endif %}", SECTION_BREAK),
                ("附件", ""),
            ],
            ["工作汇报", "", "附件"],
        ),
        (
            [
                ("正文", ""),
                ("{%p if report.title == '无' %}", SECTION_BREAK),
                ("无", ""),
                ("{%p endif %}", ""),
                ("附件", ""),
            ],
            ["正文", "", "附件"],
        ),
    ],
    ids=["closing-tag", "opening-tag"],
)
def test_a_section_break_in_a_tags_paragraph_is_kept(
    tmp_path: Path, paragraphs: list[tuple[str, str]], texts: list[str]
) -> None:
    # The paragraph went with the tag, and the break with it: two sections became one, and a
    # landscape attachment, say, was printed upright.
    make_workspace(tmp_path)
    body = "".join(f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>" for text, props in paragraphs)
    set_body_xml(tmp_path / "templates" / TEMPLATE, body)
    [written] = render_reports(Workspace.at(tmp_path))
    assert len(docx.Document(str(written)).sections) == 2
    assert paragraph_texts(written) == texts


def _cell(text: str, merge: str = "") -> str:
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="2400" w:type="dxa"/>{merge}</w:tcPr>'
        f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:tc>'
    )


def _category_table(*rows: str) -> str:
    """Return a bordered table of three columns holding ``rows``, then a paragraph."""
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    grid = '<w:gridCol w:w="2400"/>' * 3
    body = "".join(f"<w:tr>{row}</w:tr>" for row in rows)
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{borders}</w:tblBorders>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl><w:p/>"
    )


#: The minimal data, its derived figure labelled too, so that every figure prints a label.
_LABELLED = {
    "proposals.yaml": PROPOSALS_YAML.replace("precision: 1", "precision: 1\n    label: 采纳率")
}
_SPAN = '<w:gridSpan w:val="3"/>'
_RESTART = '<w:vMerge w:val="restart"/>'
#: A 类别 cell merged down over the looped row and the row of the sum under it.
_MERGED_OVER_A_LOOP = _category_table(
    _cell("类别") + _cell("指标") + _cell("数值"),
    _cell("{%tr for f in proposals.figures %}", _SPAN),
    _cell("建议工作", _RESTART) + _cell("{{ f.label }}") + _cell("{{ f }}"),
    _cell("{%tr endfor %}", _SPAN),
    _cell("", "<w:vMerge/>") + _cell("小计") + _cell("3项"),
)


def _merges(path: Path) -> list[list[str | None]]:
    """Return each row's vertical merge marks of the document at ``path``: restart, continue."""
    body = docx.Document(str(path)).element.body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return [
        [
            None if merge is None else merge.get(f"{w}val", "continue")
            for merge in (cell.find(f"{w}tcPr/{w}vMerge") for cell in row.iter(f"{w}tc"))
        ]
        for row in body.iter(f"{w}tr")
    ]


@pytest.mark.soffice
def test_a_cell_merged_down_over_a_looped_row_stays_one_cell(
    tmp_path: Path, soffice: str, poppler: None
) -> None:
    # -- a clerk merges 类别 down beside the rows a {%tr for %} makes: the row copied for each
    # figure started a merge of its own, and 建议工作 was printed beside every one --
    make_workspace(tmp_path, files=_LABELLED)
    set_body_xml(tmp_path / "templates" / TEMPLATE, _MERGED_OVER_A_LOOP)
    [written] = render_reports(Workspace.at(tmp_path))

    assert _merges(written) == [
        [None, None, None],
        ["restart", None, None],
        ["continue", None, None],
        ["continue", None, None],
        ["continue", None, None],
    ]
    from reportgen.pdf import convert_to_pdf

    [pdf] = convert_to_pdf([written], tmp_path / "pdf")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text.count("建议工作") == 1
    assert text.count("征集合理化建议") == 1


def test_a_merge_inside_a_loop_of_several_rows_is_kept_as_it_is(tmp_path: Path) -> None:
    # -- a merge may join the two rows of one item: each item's starts again --
    make_workspace(tmp_path, files=_LABELLED)
    table = _category_table(
        _cell("{%tr for f in proposals.figures %}", _SPAN),
        _cell("{{ f.label }}", _RESTART) + _cell("数值") + _cell("{{ f }}"),
        _cell("", "<w:vMerge/>") + _cell("单位") + _cell("条"),
        _cell("{%tr endfor %}", _SPAN),
    )
    set_body_xml(tmp_path / "templates" / TEMPLATE, table)
    [written] = render_reports(Workspace.at(tmp_path))
    assert _merges(written) == [["restart", None, None], ["continue", None, None]] * 3
