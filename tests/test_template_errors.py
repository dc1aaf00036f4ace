"""Every mistake in a template is reported with its part, paragraph or cell, and the tag."""

from __future__ import annotations

import keyword
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minimal_workspace import (
    RENDERED,
    TEMPLATE,
    TEMPLATE_BODY,
    build_docx,
    make_workspace,
    paragraph_texts,
    replace,
    set_body_xml,
)
from reportgen.api import check_reports, render_reports
from reportgen.errors import ProblemsFound
from reportgen.ooxml.package import Package
from reportgen.ooxml.places import paragraph_places
from reportgen.workspace import Workspace

#: What an unknown filter with no name near it is told: the filters there are.
FILTERS_THERE_ARE = (
    ": reportgen's filters are cn_numeral, cn_ordinal, cn_enumerate, join_cn, quoted, amount, "
    "percent, cn_date, cn_change, fullwidth, title_lines, picture, beside Jinja's own (join, "
    "upper, …); a filter another program defined for its templates is none of them: print the "
    "value as it is, or write it in the data as it should print"
)


def check(root: Path) -> list[str]:
    return [str(problem) for problem in check_reports(Workspace.at(root))]


def template(root: Path) -> Path:
    return root / "templates" / TEMPLATE


def test_the_minimal_template_renders(tmp_path: Path) -> None:
    make_workspace(tmp_path)
    [written] = render_reports(Workspace.at(tmp_path))
    assert paragraph_texts(written) == RENDERED


def test_jinja_syntax_error_in_a_tag_word_split_across_runs(tmp_path: Path) -> None:
    # Word splits a tag where its formatting changes; the message shows the tag whole.
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, ["共征集{{ proposals.", "collected + }}", "条"]])
    assert check(tmp_path) == [
        f"{template(tmp_path)}: body, paragraph 10: the tag ends too early: something is "
        "missing before the closing }}: {{ proposals.collected + }}"
    ]


def test_jinja_syntax_error_in_a_table_cell(tmp_path: Path) -> None:
    make_workspace(tmp_path, table=[["采纳", "率"], ["{{ proposals.adopted | }}", ""]])
    assert check(tmp_path) == [
        f"{template(tmp_path)}: body, table 1, row 2, cell 1: expected a name here, not the "
        "closing }}: {{ proposals.adopted | }}"
    ]


def test_unclosed_block(tmp_path: Path) -> None:
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, "{%p if report.title %}", "结束语"])
    assert check(tmp_path) == [
        f"{template(tmp_path)}: body, paragraph 10: `{{% if %}}` is never closed: missing "
        "`{% endif %}`: {%p if report.title %}"
    ]


def test_stray_endfor(tmp_path: Path) -> None:
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, "{%p endfor %}"])
    assert check(tmp_path) == [
        f"{template(tmp_path)}: body, paragraph 10: `{{%p endfor %}}` has no matching opening "
        "block: {%p endfor %}"
    ]


def test_for_closed_by_tr_endfor(tmp_path: Path) -> None:
    # docxtpl renders this without an error and silently drops the rows (its issue #603).
    make_workspace(
        tmp_path, table=[["{% for p in parts %}", ""], ["{{ p.lead }}", ""], ["{%tr endfor %}", ""]]
    )
    assert check(tmp_path) == [
        f"{template(tmp_path)}: body, table 1, row 3, cell 1: {{%tr endfor %}} has the prefix "
        "'tr' but closes {% for p in parts %} (body, table 1, row 1, cell 1), which has no "
        "prefix: docxtpl would remove the row or paragraph of only one of them; give both the "
        "same prefix ({%tr …%} for table rows, {%p …%} for paragraphs): {%tr endfor %}"
    ]


def test_unknown_filter_suggests_the_filter_meant(tmp_path: Path) -> None:
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, "共{{ proposals.collected | cn_numerel }}条"])
    assert check(tmp_path) == [
        f"{template(tmp_path)}: body, paragraph 10: unknown filter 'cn_numerel' (did you mean "
        "'cn_numeral'?): {{ proposals.collected | cn_numerel }}"
    ]


def test_a_name_the_data_lacks_suggests_the_name_meant(tmp_path: Path) -> None:
    make_workspace(
        tmp_path,
        body=[*TEMPLATE_BODY, "{{ organisaton }}"],
        table=[["征集", "{{ proposals.colected }}"]],
    )
    assert check(tmp_path) == [
        f"{template(tmp_path)}: body, paragraph 10: the data has no 'organisaton' (did you "
        "mean 'organisation'?): {{ organisaton }}",
        f"{template(tmp_path)}: body, table 1, row 1, cell 2: 'proposals' has no 'colected' "
        "(did you mean 'collected'?): {{ proposals.colected }}",
    ]


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        ("{{ part.titel }}", "the items of 'parts' have no 'titel'"),
        # -- Word's AutoCorrect capitalises a paragraph's first word: parts, a list, was
        # suggested for the loop's part --
        ("{{ Part.lead }}", "the data has no 'Part' (did you mean 'part'?)"),
    ],
)
def test_a_name_every_item_of_a_loop_lacks(tmp_path: Path, tag: str, message: str) -> None:
    body = [*TEMPLATE_BODY, "{%p for part in parts %}", tag, "{%p endfor %}"]
    make_workspace(tmp_path, body=body)
    assert check(tmp_path) == [f"{template(tmp_path)}: body, paragraph 11: {message}: {tag}"]


def test_a_problem_in_the_header_names_the_header(tmp_path: Path) -> None:
    make_workspace(tmp_path, header="{{ report.title }")
    assert check(tmp_path) == [
        f"{template(tmp_path)}: header 1, paragraph 1: `{{{{` is never closed with `}}}}`: "
        "{{ report.title }"
    ]


def test_every_problem_in_a_template_is_reported_in_one_run(tmp_path: Path) -> None:
    # An unclosed block stops a parse of the whole part; each print tag is still checked.
    body = [
        *TEMPLATE_BODY,
        "{{ report.title | shout }}",
        "{%p if report.title %}",
        "{{ proposals.collected + }}",
    ]
    make_workspace(tmp_path, body=body)
    assert check(tmp_path) == [
        f"{template(tmp_path)}: body, paragraph 10: unknown filter 'shout' (did you mean "
        "'sort'?): {{ report.title | shout }}",
        f"{template(tmp_path)}: body, paragraph 11: `{{% if %}}` is never closed: missing "
        "`{% endif %}`: {%p if report.title %}",
        f"{template(tmp_path)}: body, paragraph 12: the tag ends too early: something is "
        "missing before the closing }}: {{ proposals.collected + }}",
    ]


def test_a_sandbox_escape_in_a_template_is_refused(tmp_path: Path) -> None:
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, "{{ ''.__class__.__mro__ }}"])
    assert check(tmp_path) == [
        f"{template(tmp_path)}: body, paragraph 10: not allowed: '__class__' reaches into "
        "Python, not into the data: {{ ''.__class__.__mro__ }}"
    ]
    with pytest.raises(ProblemsFound, match="not allowed"):
        render_reports(Workspace.at(tmp_path))
    assert list((tmp_path / "output").iterdir()) == []


def test_a_sandbox_escape_through_a_filter_is_refused_when_rendering(tmp_path: Path) -> None:
    # Static checks cannot see through |attr; the sandbox refuses it when the tag runs.
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, "{{ report | attr('__class__') }}"])
    assert check(tmp_path) == [
        f"{template(tmp_path)}: body, paragraph 10: not allowed: '__class__' reaches into "
        "Python, not into the data: {{ report | attr('__class__') }}"
    ]


def test_the_tag_a_filter_refuses_is_named_among_tags_of_the_same_name(tmp_path: Path) -> None:
    # -- a paragraph is one line of the prepared template: its first tag using the name was
    #    named, and the clerk looked for the fault in {{ report.organisation }} --
    line = "{{ report.organisation }}共征集{{ report.organisation | percent(1) }}"
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, line])
    (problem,) = check(tmp_path)
    assert problem.startswith(
        f"{template(tmp_path)}: body, paragraph 10: report.organisation: percent prints a number"
    )
    assert problem.endswith(": {{ report.organisation | percent(1) }}")


def test_the_tag_that_fails_when_rendered_is_named_among_the_tags_of_its_paragraph(
    tmp_path: Path,
) -> None:
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, "{{ report.organisation }}，{{ 1 / 0 }}"])
    (problem,) = check(tmp_path)
    assert problem.endswith("cannot divide by zero: check the figure divided by: {{ 1 / 0 }}")


def test_a_failing_tag_inside_a_loop_is_named_as_before(tmp_path: Path) -> None:
    # -- alone, a loop's tag knows no loop variable: no tag tells, and the line's first is named --
    line = "{% for x in [1, 0] %}{{ x }}：{{ 1 / x }}{% endfor %}"
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, line])
    (problem,) = check(tmp_path)
    assert problem.endswith("check the figure divided by: {% for x in [1, 0] %}")


SPECIAL = "A & B <c> “d” 'e'"


def test_values_with_xml_special_characters_render_literally(tmp_path: Path) -> None:
    report_dir = make_workspace(
        tmp_path,
        body=[*TEMPLATE_BODY, "{{ proposals.measures | join_cn }}"],
        table=[["{{ report.title }}", "{{ proposals.collected }}"]],
    )
    replace(report_dir / "report.yaml", "title: 工作汇报", f'title: "{SPECIAL}"')
    replace(report_dir / "report.yaml", "  - 过去的五年，我们做了很多工作。", f'  - "{SPECIAL}"')
    proposals = report_dir / "proposals.yaml"
    replace(proposals, "lead: 合理化建议充分展示了职工的聪明才智。", f'lead: "{SPECIAL}。"')
    replace(proposals, "derived:", f'lists:\n  measures: ["{SPECIAL}", x<y]\nderived:')
    [written] = render_reports(Workspace.at(tmp_path))
    assert paragraph_texts(written) == [
        SPECIAL,
        SPECIAL,
        f"{SPECIAL}。全市共征集合理化建议16489条，采纳实施5795条，采纳率35.1%。",
        f"{SPECIAL}、x<y",
        SPECIAL,
        "16489",
    ]


def test_a_template_that_is_not_a_docx(tmp_path: Path) -> None:
    make_workspace(tmp_path)
    template(tmp_path).write_text("这不是Word文件", encoding="utf-8")
    assert check(tmp_path) == [
        f"{template(tmp_path)}: not a Word .docx file (it is not a zip archive, as every .docx "
        "is): open it in Word or WPS and save it as .docx"
    ]


def test_a_truncated_docx(tmp_path: Path) -> None:
    make_workspace(tmp_path)
    data = template(tmp_path).read_bytes()
    template(tmp_path).write_bytes(data[: len(data) // 2])
    assert check(tmp_path) == [
        f"{template(tmp_path)}: not a Word .docx file (the file is damaged or cut short): "
        "open it in Word or WPS and save it as .docx"
    ]


def test_a_docx_whose_document_part_is_damaged(tmp_path: Path) -> None:
    make_workspace(tmp_path)
    path = template(tmp_path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"][:-40]
    with zipfile.ZipFile(path, "w") as archive:
        for name, blob in parts.items():
            archive.writestr(name, blob)
    [problem] = check(tmp_path)
    assert problem.startswith(
        f"{path}: not a Word .docx file (word/document.xml is not well-formed XML): "
    )


def test_a_docx_whose_compressed_bytes_are_damaged(tmp_path: Path) -> None:
    make_workspace(tmp_path)
    path = template(tmp_path)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 5 : start + 40] = bytes(byte ^ 0x5A for byte in data[start + 5 : start + 40])
    path.write_bytes(bytes(data))
    [problem] = check(tmp_path)
    assert problem == (
        f"{path}: not a Word .docx file (the file is damaged or cut short): open it in Word or "
        "WPS and save it as .docx"
    )


def test_a_zip_without_a_document_part(tmp_path: Path) -> None:
    make_workspace(tmp_path)
    with zipfile.ZipFile(template(tmp_path), "w") as archive:
        archive.writestr("readme.txt", "not a document")
    assert check(tmp_path) == [
        f"{template(tmp_path)}: not a Word .docx file (it has no word/document.xml): open it in "
        "Word or WPS and save it as .docx"
    ]


@pytest.mark.parametrize("written", ["reprot.docx", "report.doc"])
def test_a_report_naming_a_template_that_does_not_exist(tmp_path: Path, written: str) -> None:
    report_dir = make_workspace(tmp_path)
    replace(report_dir / "report.yaml", "template: report.docx", f"template: {written}")
    assert check(tmp_path) == [
        f"{report_dir / 'report.yaml'}:2:1: report.template: template '{written}' not found "
        f"in {tmp_path / 'templates'} (did you mean 'report.docx'?)"
    ]


def test_a_template_with_no_tags_renders_unchanged(tmp_path: Path) -> None:
    make_workspace(tmp_path, body=["固定的文字"])
    [written] = render_reports(Workspace.at(tmp_path))
    assert [p.text for p in docx.Document(str(written)).paragraphs] == ["固定的文字"]


def test_a_tag_split_across_runs_of_different_formatting_renders_whole(tmp_path: Path) -> None:
    make_workspace(tmp_path, body=[["{{ report.", "title }}", "（", "{{ period.end }}", "）"]])
    [written] = render_reports(Workspace.at(tmp_path))
    assert paragraph_texts(written) == ["工作汇报（2023）"]


def test_a_tag_nested_hundreds_deep_is_an_error_not_a_crash(tmp_path: Path) -> None:
    deep = "{{ " + "(" * 2000 + "report.title" + ")" * 2000 + " }}"
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, deep])
    assert check(tmp_path) == [
        f"{template(tmp_path)}: body, paragraph 10: nested too deeply to read "
        f"(hundreds of brackets?): {deep[:60]}…{deep[-19:]}"
    ]


def test_a_block_that_opens_outside_a_table_and_closes_in_a_cell(tmp_path: Path) -> None:
    # docxtpl renders this without an error, and the whole table is gone when x is false.
    make_workspace(
        tmp_path,
        body=[*TEMPLATE_BODY, "{%p if proposals.collected.value > 0 %}", "有征集"],
        table=[["{%p endif %}", "乙"]],
    )
    assert check(tmp_path) == [
        f"{template(tmp_path)}: body, table 1, row 1, cell 1: {{%p endif %}} closes "
        "{%p if proposals.collected.value > 0 %}, which opens in body, paragraph 10: a block "
        "that opens and closes in different table cells, or on either side of a table's edge, "
        "cuts the table apart when rendered and rows or cells are lost; open and close it in "
        "the same cell, or both outside the table ({%tr %} repeats rows)"
    ]


def test_a_block_across_two_cells_of_a_row(tmp_path: Path) -> None:
    make_workspace(tmp_path, table=[["{% if proposals.collected.value %}甲", "乙{% endif %}"]])
    [problem] = check(tmp_path)
    assert problem.startswith(
        f"{template(tmp_path)}: body, table 1, row 1, cell 2: {{% endif %}} closes "
        "{% if proposals.collected.value %}, which opens in body, table 1, row 1, cell 1: "
    )


def test_places_count_paragraphs_outside_tables_and_name_cells(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("一")
    table = document.add_table(rows=2, cols=2)
    table.cell(1, 1).text = "甲"
    table.cell(1, 1).add_paragraph("乙")
    inner = table.cell(0, 0).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "内"
    document.add_paragraph("二")
    path = tmp_path / "places.docx"
    document.save(str(path))
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml")
    places = [place for place, text in paragraph_places(xml) if text]
    assert [place.worded("en") for place in places] == [
        "body, paragraph 1",
        "body, table 2, row 1, cell 1",
        "body, table 1, row 2, cell 2, paragraph 1",
        "body, table 1, row 2, cell 2, paragraph 2",
        "body, paragraph 2",
    ]
    assert [place.worded("zh") for place in places] == [
        "正文第1段",
        "正文表2第1行第1格",
        "正文表1第2行第2格第1段",
        "正文表1第2行第2格第2段",
        "正文第2段",
    ]


def test_a_name_tested_with_is_defined_or_given_a_default_is_optional(tmp_path: Path) -> None:
    body = [
        *TEMPLATE_BODY,
        "{% if motto is defined %}{{ motto }}{% endif %}",
        "{{ report.subtitle | default('') }}",
    ]
    make_workspace(tmp_path, body=body)
    assert check(tmp_path) == []
    [written] = render_reports(Workspace.at(tmp_path))
    assert paragraph_texts(written) == [*RENDERED, "", ""]


def test_an_optional_name_used_unguarded_elsewhere_stops_the_render(tmp_path: Path) -> None:
    body = [*TEMPLATE_BODY, "{% if motto is defined %}{{ motto }}{% endif %}", "{{ motto }}"]
    make_workspace(tmp_path, body=body)
    assert check(tmp_path) == [
        f"{template(tmp_path)}: body, paragraph 11: 'motto' is undefined: {{{{ motto }}}}"
    ]


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


@pytest.mark.parametrize(
    ("name", "content", "english", "chinese"),
    [
        (
            "report.doc",
            OLE,
            "this is an old Word document (.doc), not .docx: open it in Word and choose File > "
            "Save As > Word Document (*.docx)",
            "这是旧版 Word 文档（.doc），不是 .docx：请在 Word 中点“文件→另存为”",
        ),
        (
            "report.wps",
            OLE,
            "this is a WPS document (.wps), not .docx: open it in WPS and choose File > Save As",
            "这是 WPS 文字文档（.wps），不是 .docx：请在 WPS 中点“文件→另存为”",
        ),
        (
            "report.docx",
            b"",
            "the file is empty (0 bytes): save the template again in Word or WPS",
            "文件是空的（0 字节）：请在 Word 或 WPS 中重新保存模板",
        ),
    ],
    ids=["doc", "wps", "empty"],
)
def test_an_old_word_or_wps_file_or_an_empty_one_says_what_it_is(
    tmp_path: Path, name: str, content: bytes, english: str, chinese: str
) -> None:
    report_dir = make_workspace(tmp_path)
    replace(report_dir / "report.yaml", "template: report.docx", f"template: {name}")
    path = tmp_path / "templates" / name
    path.write_bytes(content)
    [problem] = check_reports(Workspace.at(tmp_path))
    assert problem.file == path
    assert problem.text("en").startswith(f"{path}: {english}")
    assert problem.text("zh").startswith(f"{path}: {chinese}")


def test_a_problem_in_the_data_does_not_hide_the_templates(tmp_path: Path) -> None:
    report_dir = make_workspace(
        tmp_path,
        body=[*TEMPLATE_BODY, "{{ report.title | cn_numerl }}", "{%p if report.title %}", "完"],
    )
    proposals = replace(report_dir / "proposals.yaml", "value: 5795", "value: -5")
    assert check(tmp_path) == [
        f"{proposals}:8:5: proposals.figures.adopted.value: should not be negative (it is -5)",
        f"{template(tmp_path)}: body, paragraph 10: unknown filter 'cn_numerl' (did you mean "
        "'cn_numeral'?): {{ report.title | cn_numerl }}",
        f"{template(tmp_path)}: body, paragraph 11: `{{% if %}}` is never closed: missing "
        "`{% endif %}`: {%p if report.title %}",
    ]


def test_names_are_checked_against_what_the_data_declares_when_a_value_is_wrong(
    tmp_path: Path,
) -> None:
    report_dir = make_workspace(
        tmp_path,
        body=[*TEMPLATE_BODY, "{{ proposals.adopted }}{{ proposals.colected }}{{ report.titel }}"],
    )
    proposals = replace(report_dir / "proposals.yaml", "value: 5795", "value: 五千")
    assert check(tmp_path) == [
        f"{proposals}:8:5: proposals.figures.adopted.value: should be a number, not the text "
        "'五千': write it in digits: 5000",
        f"{template(tmp_path)}: body, paragraph 10: 'proposals' has no 'colected' (did you mean "
        "'collected'?): {{ proposals.colected }}",
        f"{template(tmp_path)}: body, paragraph 10: 'report' has no 'titel' (did you mean "
        "'title'?): {{ report.titel }}",
    ]


def test_a_template_is_still_checked_when_a_part_file_does_not_parse(tmp_path: Path) -> None:
    report_dir = make_workspace(tmp_path, body=[*TEMPLATE_BODY, "{{ proposals.anything }}{{ x }}"])
    proposals = replace(report_dir / "proposals.yaml", "value: 5795", "value: [5795")
    problems = check(tmp_path)
    assert problems[0].startswith(f"{proposals}:9:8: the [ opened on line 8, column 12")
    assert problems[1:] == [
        f"{template(tmp_path)}: body, paragraph 10: the data has no 'x': {{{{ x }}}}",
    ]


def test_a_failing_block_tag_is_named_not_the_tag_in_the_paragraph_before_it(
    tmp_path: Path,
) -> None:
    # docxtpl replaces a {%p %} paragraph by its bare tag, so the tag ran on from the
    # paragraph before it, and the problem was placed at that paragraph's tag.
    body = ["{{ report.title }}", "{%p if report.title > 3 %}", "长标题", "{%p endif %}"]
    make_workspace(tmp_path, body=body)
    [problem] = check(tmp_path)
    assert problem.startswith(f"{template(tmp_path)}: body, paragraph 2: ")
    assert problem.endswith(": {% if report.title > 3 %}")


def test_a_failing_row_tag_is_named_in_its_row(tmp_path: Path) -> None:
    table = [
        ["{{ report.title }}"],
        ["{%tr for x in report.title > 3 %}"],
        ["{{ x }}"],
        ["{%tr endfor %}"],
    ]
    make_workspace(tmp_path, table=table)
    [problem] = check(tmp_path)
    assert problem.startswith(f"{template(tmp_path)}: body, table 1, row 2, cell 1: ")
    assert problem.endswith(": {% for x in report.title > 3 %}")


def test_the_lines_made_for_jinja_leave_no_trace_in_the_xml() -> None:
    from docxtpl import DocxTemplate

    from reportgen.ooxml.package import Package
    from reportgen.template.source_lines import joined, lines

    templates = sorted((Path(__file__).parent.parent / "templates").glob("*.docx"))
    assert templates
    for path in templates:
        for name, blob in Package.read(path).parts.items():
            if name.startswith("word/") and name.endswith(".xml"):
                prepared = DocxTemplate.patch_xml(None, blob.decode("utf-8"))
                assert joined(lines(prepared)) == prepared, (path, name)


@pytest.mark.parametrize(
    "written",
    [
        "｛｛ report.title ｝｝",  # full-width braces, as a Chinese input method types them
        "｛{ report.title }}",
        "{ { report.title } }",  # a space between the braces
        "{％ if report.title ％}",
        "｛% if report.title %｝",
    ],
)
def test_a_tag_typed_with_lookalike_braces_is_refused_not_printed(
    tmp_path: Path, written: str
) -> None:
    # It was printed as it is into the document, without a word.
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, ["标题：", written]])
    assert check(tmp_path) == [
        f"{template(tmp_path)}: body, paragraph 10: this looks like a tag, but its braces are "
        "full-width (｛ ｝ ％) or stand apart, so it would be printed as it is: type {{ }} or "
        "{% %} with the English input method, with no space between the two characters: " + written
    ]


def test_lookalike_braces_are_explained_in_chinese(tmp_path: Path) -> None:
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, "｛｛ report.title ｝｝"])
    [problem] = check_reports(Workspace.at(tmp_path))
    assert problem.message.text("zh") == (
        "这里像是一个标签，但括号是全角的（｛ ｝ ％）或中间有空格，会原样印在文档里："
        "请切换到英文输入法输入 {{ }} 或 {% %}，两个符号之间不要空格：｛｛ report.title ｝｝"
    )


def test_text_with_a_single_brace_is_no_tag(tmp_path: Path) -> None:
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, "集合｛甲，乙｝与 {a} 不是标签"])
    assert check(tmp_path) == []


def test_a_word_mail_merge_field_is_refused_with_the_tag_to_write(tmp_path: Path) -> None:
    make_workspace(tmp_path)
    merge = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> MERGEFIELD 姓名 \\* MERGEFORMAT '
        "</w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>«姓名»</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    simple = '<w:fldSimple w:instr=" MERGEFIELD 单位 "><w:r><w:t>«单位»</w:t></w:r></w:fldSimple>'
    set_body_xml(
        template(tmp_path), f"<w:p>{merge}</w:p><w:p><w:r><w:t>同志</w:t></w:r>{simple}</w:p>"
    )
    assert check(tmp_path) == [
        f"{template(tmp_path)}: body, paragraph {number}: «{name}» is a mail-merge field of Word, "
        "which reportgen does not fill, so it would be printed as it is: delete the field and "
        f"write {{{{ {name} }}}} in its place (in a batch, {{{{ row.{name} }}}})"
        for number, name in ((1, "姓名"), (2, "单位"))
    ]


def text_box(*paragraphs: str) -> str:
    """Return a run holding a text box as Word and LibreOffice write one: twice, for old Words."""
    content = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    return (
        '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/'
        'markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:inline>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f'<v:rect xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>{content}'
        "</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_paragraphs_in_a_text_box_are_named_by_the_box_and_not_counted_twice(
    tmp_path: Path,
) -> None:
    # A text box's paragraphs were counted as the body's, twice (Word's copy for old Words),
    # so the paragraph after a two-line box was "paragraph 6" where Word shows the second.
    make_workspace(tmp_path)
    box = text_box("{{ report.organisation }}", "{{ period.end | 年份 }}")
    body = (
        f"<w:p><w:r><w:t>标题</w:t></w:r>{box}</w:p>"
        "<w:p><w:r><w:t>{{ report.title | 无此 }}</w:t></w:r></w:p>"
    )
    set_body_xml(template(tmp_path), body)
    assert check(tmp_path) == [
        f"{template(tmp_path)}: body, paragraph 2: unknown filter '无此'{FILTERS_THERE_ARE}: "
        "{{ report.title | 无此 }}",
        f"{template(tmp_path)}: body, text box 1, paragraph 2: unknown filter '年份'"
        f"{FILTERS_THERE_ARE}: {{{{ period.end | 年份 }}}}",
    ]


def content_control(*paragraphs: str) -> str:
    """Return paragraphs in a content control (Word's 格式文本内容控件) holding them."""
    inner = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    control = '<w:sdtPr><w:alias w:val="正文"/></w:sdtPr>'
    return f"<w:sdt>{control}<w:sdtContent>{inner}</w:sdtContent></w:sdt>"


def test_a_block_that_opens_in_a_content_control_and_closes_outside_it(tmp_path: Path) -> None:
    # Rendered, it left the content control unclosed: "the rendered document is broken".
    make_workspace(tmp_path)
    body = content_control("{{ report.title }}", "{%p if report.title %}") + (
        "<w:p><w:r><w:t>有标题</w:t></w:r></w:p><w:p><w:r><w:t>{%p endif %}</w:t></w:r></w:p>"
    )
    set_body_xml(template(tmp_path), body)
    assert check(tmp_path) == [
        f"{template(tmp_path)}: body, paragraph 4: {{%p endif %}} closes {{%p if report.title %}}, "
        "which opens in body, paragraph 2, inside a content control or a text box that it ends "
        "outside: when rendered the document is broken; open and close the block inside the "
        "same content control or text box, or both outside it (in Word, a content control is "
        "removed with a right click, Remove Content Control)"
    ]


def test_a_block_wholly_inside_a_content_control_renders(tmp_path: Path) -> None:
    make_workspace(tmp_path)
    body = content_control("{%p if report.title %}", "{{ report.title }}", "{%p endif %}")
    set_body_xml(template(tmp_path), body)
    assert check(tmp_path) == []


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        ({"[Content_Types].xml": None}, "it has no [Content_Types].xml"),
        ({"_rels/.rels": None}, "it has no _rels/.rels leading to its document"),
        (
            {"word/styles.xml": None},
            "word/_rels/document.xml.rels points at word/styles.xml, which it lacks",
        ),
        ({"word/notes.bin": b"x"}, "word/notes.bin has no content type"),
        # -- cut short or garbled: render stopped with lxml's traceback, or wrote the part --
        (
            {"[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="'},
            "[Content_Types].xml is cut short or garbled (not well-formed XML)",
        ),
        (
            {"word/_rels/document.xml.rels": b"garbage"},
            "word/_rels/document.xml.rels is cut short or garbled (not well-formed XML)",
        ),
        (
            {"word/styles.xml": b'<?xml version="1.0"?><w:styles xmlns:w="x"><w:style'},
            "word/styles.xml is cut short or garbled (not well-formed XML)",
        ),
    ],
    ids=[
        "no-types",
        "no-package-relationships",
        "dangling",
        "untyped",
        "types-cut-short",
        "relationships-garbled",
        "styles-cut-short",
    ],
)
def test_a_damaged_template_is_refused_before_word_refuses_its_documents(
    tmp_path: Path, change: dict[str, bytes | None], detail: str
) -> None:
    # Each was rendered into a document Word cannot open (python-docx neither).
    make_workspace(tmp_path)
    package = Package.read(template(tmp_path))
    for name, blob in change.items():
        if blob is None:
            del package.parts[name]
        else:
            package.parts[name] = blob
    template(tmp_path).write_bytes(Package(template(tmp_path), package.parts, {}).to_bytes({}))
    assert check(tmp_path) == [
        f"{template(tmp_path)}: the template is damaged: {detail}; Word would refuse or repair "
        "every document made from it: open it in Word or WPS and save it again as a .docx"
    ]


#: A PNG of one pixel.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000200a5b1a4c70000000049454e44ae426082"
)


def errors_with_a_picture(root: Path, place: Callable[[Any], Any]) -> list[str]:
    """Return the errors of a template that ``place`` fills, given a paragraph for a picture."""
    make_workspace(root)
    document = docx.Document()
    logo = root / "logo.png"
    logo.write_bytes(PIXEL)
    place(document).add_run().add_picture(str(logo))
    document.save(str(template(root)))
    return [str(p) for p in check_reports(Workspace.at(root)) if p.severity == "error"]


def test_a_picture_in_a_tags_paragraph_is_refused_not_lost(tmp_path: Path) -> None:
    # docxtpl takes the whole paragraph of a {%p %} tag away: the logo went with it, unsaid.
    def place(document: Any) -> Any:
        tag = document.add_paragraph("{%p if report.title %}")
        document.add_paragraph("{{ report.title }}")
        document.add_paragraph("{%p endif %}")
        return tag

    assert errors_with_a_picture(tmp_path, place) == [
        f"{template(tmp_path)}: body, paragraph 1: the paragraph of {{%p if report.title %}} also "
        "holds a picture or a shape, which would go with the tag (docxtpl takes the whole "
        "paragraph away): move the tag to a paragraph of its own: {%p if report.title %}"
    ]


def test_a_picture_in_a_row_tags_row_is_refused_not_lost(tmp_path: Path) -> None:
    def place(document: Any) -> Any:
        rows = document.add_table(rows=3, cols=2)
        rows.cell(0, 0).text = "{%tr for x in opening %}"
        rows.cell(1, 0).text = "{{ x }}"
        rows.cell(2, 0).text = "{%tr endfor %}"
        return rows.cell(0, 1).paragraphs[0]

    assert errors_with_a_picture(tmp_path, place) == [
        f"{template(tmp_path)}: body, table 1, row 1, cell 1: the table row of "
        "{%tr for x in opening %} also holds a picture or a shape, which would go with the tag "
        "(docxtpl takes the whole table row away): move the tag to a table row of its own: "
        "{%tr for x in opening %}"
    ]


_FOOTNOTES = (
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>"
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 数据'
    "来源：{{ report.organisation }}</w:t></w:r></w:p></w:footnote>"
    '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>口径说明</w:t></w:r></w:p>'
    "<w:p><w:r><w:t>{{ report.organisaton }}</w:t></w:r></w:p></w:footnote></w:footnotes>"
)


def add_footnotes(path: Path, xml: str) -> Path:
    """Give the .docx at ``path`` the footnotes ``xml``, referred to from its first paragraph."""
    package = Package.read(path)
    parts = dict(package.parts)
    parts["word/footnotes.xml"] = xml.encode("utf-8")
    additions = {
        "[Content_Types].xml": '<Override PartName="/word/footnotes.xml" ContentType="'
        'application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>',
        "word/_rels/document.xml.rels": '<Relationship Id="rIdNotes" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>',
    }
    for name, element in additions.items():
        text = parts[name].decode("utf-8")
        closing = text.rindex("</")
        parts[name] = (text[:closing] + element + text[closing:]).encode("utf-8")
    path.write_bytes(Package(path, parts, {}).to_bytes({}))
    return path


def test_a_tag_in_a_footnote_is_named_by_its_note_and_renders(tmp_path: Path) -> None:
    # -- Word's separator lines above the notes were counted as paragraphs: a mistake in the
    # second footnote's second paragraph was 'footnotes, paragraph 5', where Word shows none --
    make_workspace(tmp_path)
    body = (
        '<w:p><w:r><w:t>{{ report.title }}</w:t></w:r><w:r><w:footnoteReference w:id="1"/>'
        '</w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>'
    )
    add_footnotes(set_body_xml(template(tmp_path), body), _FOOTNOTES)
    assert check(tmp_path) == [
        f"{template(tmp_path)}: footnote 2, paragraph 2: 'report' has no 'organisaton' "
        "(did you mean 'organisation'?): {{ report.organisaton }}"
    ]
    places = paragraph_places(_FOOTNOTES.encode("utf-8"), "word/footnotes.xml")
    assert [place.worded("zh") for place, _ in places][2:] == [
        "第1条脚注第1段",
        "第2条脚注第1段",
        "第2条脚注第2段",
    ]

    fixed = _FOOTNOTES.replace("{{ report.organisaton }}", "{{ report.title }}")
    add_footnotes(set_body_xml(build_docx(template(tmp_path)), body), fixed)
    [written] = render_reports(Workspace.at(tmp_path))
    with zipfile.ZipFile(written) as package:
        notes = package.read("word/footnotes.xml").decode("utf-8")
    assert "数据来源：市总工会" in notes
    assert ">工作汇报</w:t>" in notes


def test_a_loop_over_one_text_is_refused_before_it_prints_each_character(tmp_path: Path) -> None:
    # -- opening: written as one text, where the template loops over paragraphs: every
    # character was printed as a paragraph of its own --
    report_dir = make_workspace(tmp_path)
    replace(report_dir / "report.yaml", "opening:\n  - 过去", "opening: 过去")
    assert check(tmp_path) == [
        f"{template(tmp_path)}: body, paragraph 2: opening: is one text, not a list: a loop over "
        "it repeats its block for each character; write it in the data as a list (a line '- …' "
        "each), or print it with {{ opening }} (the value is on line 9 of report/report.yaml): "
        "{% for paragraph in opening %}"
    ]
    with pytest.raises(ProblemsFound):
        render_reports(Workspace.at(tmp_path))
    assert list((tmp_path / "output").iterdir()) == []


def test_a_check_reads_the_templates_tags_once_however_many_names_are_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each missing name was looked for in every paragraph, twice: a template of 10,000 fields
    # and data without them took 106 s to check (2,500: 8 s); the places stay the same.
    from reportgen.template import checks

    body = [
        *TEMPLATE_BODY,
        *(f"{{{{ f{number} }}}}{{{{ report.g{number} }}}}" for number in range(200)),
        "{{ f7 | default('') }}{% if report.g9 is defined %}{% endif %}",
    ]
    make_workspace(tmp_path, body=body)
    read: list[int] = []
    paragraphs = checks._Template.paragraphs

    def counted(self: Any) -> Any:
        read.append(1)
        return paragraphs(self)

    monkeypatch.setattr(checks._Template, "paragraphs", counted)
    problems = check(tmp_path)
    assert len(read) <= 3  # -- the checks of the tags, and once to place the missing names --
    assert len(problems) == 2 * 200 - 2  # -- f7 has a default, g9 is tested: render tells --
    assert problems[:3] == [
        f"{template(tmp_path)}: body, paragraph 10: the data has no 'f0': {{{{ f0 }}}}",
        f"{template(tmp_path)}: body, paragraph 10: 'report' has no 'g0': {{{{ report.g0 }}}}",
        f"{template(tmp_path)}: body, paragraph 11: the data has no 'f1': {{{{ f1 }}}}",
    ]


def test_the_compiled_text_holds_none_of_the_lines_made_for_jinja() -> None:
    from types import CodeType

    from reportgen.template.compiled import CompiledTemplate
    from reportgen.template.source_lines import joined_code

    def texts(code: CodeType) -> list[str]:
        found = []
        for constant in code.co_consts:
            if isinstance(constant, str):
                found.append(constant)
            elif isinstance(constant, CodeType):
                found += texts(constant)
        return found

    templates = sorted((Path(__file__).parent.parent / "templates").glob("*.docx"))
    for path in templates:
        for name, part in CompiledTemplate(path).parts.items():
            before = texts(part.code)
            assert any("\n<w:p" in text for text in before), (path, name)
            after = texts(joined_code(part.code))
            assert not any("\n<w:p" in text or "\n\x01" in text for text in after), (path, name)
            # -- the line table is kept: a failing tag is still named by its line --
            assert list(joined_code(part.code).co_lines()) == list(part.code.co_lines())


@pytest.mark.parametrize("written", ["report", "REPORT.DOCX", "Report"])
def test_a_template_named_as_windows_shows_it_is_found(
    tmp_path: Path,
    written: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Windows hides .docx and takes REPORT.DOCX for report.docx: the clerk's template: report
    # was refused as no template in the folder, which listed report.docx.
    from reportgen.cli import main

    report_dir = make_workspace(tmp_path)
    replace(report_dir / "report.yaml", "template: report.docx", f"template: {written}")
    [written_file] = render_reports(Workspace.at(tmp_path))
    assert paragraph_texts(written_file) == RENDERED
    monkeypatch.chdir(tmp_path)
    assert main(["list"]) == 0
    assert "  report.docx  used by report" in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize(
    ("paragraphs", "count"),
    [(("{{ report.", "title }}"), 1), (("{% if report.title %}", "有标题", "{% endif %}"), 2)],
)
def test_a_warning_about_a_text_box_is_given_once_though_word_writes_the_box_twice(
    tmp_path: Path, paragraphs: tuple[str, ...], count: int
) -> None:
    make_workspace(tmp_path)
    box = text_box(*paragraphs)
    set_body_xml(template(tmp_path), f"<w:p><w:r><w:t>标题</w:t></w:r>{box}</w:p>")
    warnings = check(tmp_path)
    assert len(warnings) == count
    assert all(warning.startswith("warning: ") and "text box 1" in warning for warning in warnings)


#: Names a tag may print, among them every word Python or Jinja gives a meaning to.
_NAMES = st.sampled_from(
    sorted(
        {*keyword.kwlist, *keyword.softkwlist, "true", "false", "none", "None", "loop", "p", "r"}
        | {"x", "part", "lead", "_x", "__class__", "x1", "endfor", "block", "set", "with"}
    )
)


@settings(max_examples=500, deadline=None)
@given(
    opening=st.sampled_from(["{{", "{{ ", "{{-", "{{- ", "{{p ", "{{r ", "{{\n"]),
    names=st.lists(_NAMES, min_size=1, max_size=4),
    closing=st.sampled_from(["}}", " }}", "-}}", " -}}", "\t}}"]),
)
def test_a_tag_printing_a_path_is_passed_over_only_when_parsing_it_finds_nothing(
    opening: str, names: list[str], closing: str
) -> None:
    # -- a plain name or dotted path is not parsed on its own: parsing it finds nothing --
    from reportgen.template.checks import _PLAIN_PATH, _tag_problem
    from reportgen.text.environment import make_environment

    tag = opening + ".".join(names) + closing
    # -- docxtpl's {{p and {{r prefixes are taken off before the check; {{p }} prints p --
    source = "{{ " + tag[len(opening) :] if opening in ("{{p ", "{{r ") else tag
    if _PLAIN_PATH.fullmatch(source):
        assert _tag_problem(make_environment(for_docx=True), source) is None
    else:
        assert names[0] == "not" or any(name.startswith("_") for name in names[1:])
