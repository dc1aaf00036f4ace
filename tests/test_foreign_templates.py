"""Templates made elsewhere: with docxtpl's own features, by LibreOffice, by other writers.

Departments bring templates written for docxtpl by hand (a cell's colour from the data,
escaped braces, a condition on a yes-or-no field) and templates LibreOffice or Word saved in
formats of their own; each renders as docxtpl renders it, or is refused saying what to do.
"""

from __future__ import annotations

import textwrap
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from PIL import Image

from minimal_workspace import build_docx, paragraph_texts, save_template, set_body_xml
from reportgen.api import check_reports, render_reports
from reportgen.cli import main
from reportgen.errors import ProblemsFound
from reportgen.ooxml.package import Package
from reportgen.template.fields import template_fields
from reportgen.workspace import Workspace


def one_report(root: Path, yaml: str, body: list[str | list[str]]) -> Path:
    """Return the template of a workspace in ``root`` whose one report has ``yaml``."""
    template = build_docx(root / "templates" / "free.docx", body)
    folder = root / "data" / "free"
    folder.mkdir(parents=True)
    text = "template: free.docx\n" + textwrap.dedent(yaml)
    (folder / "report.yaml").write_text(text, encoding="utf-8")
    (root / "output").mkdir()
    return template


def check(root: Path) -> list[str]:
    return [str(problem) for problem in check_reports(Workspace.at(root))]


def rendered(root: Path) -> list[str]:
    [written] = render_reports(Workspace.at(root))
    return paragraph_texts(written)


# -- a condition on a field: true or false, never text --

PAID = ["客户：", "{%p if is_paid %}", "您已付款。", "{%p else %}", "请付款。", "{%p endif %}"]


@pytest.mark.parametrize("said", ["否", "no", "没有"])
def test_a_condition_whose_field_says_no_in_words_is_refused_at_its_tag(
    tmp_path: Path, said: str
) -> None:
    # -- any text is true: the order said 已付款 for 否, and YAML 1.2 reads no as text --
    template = one_report(tmp_path, f"is_paid: {said}\n", PAID)
    assert check(tmp_path) == [
        f"{template}: body, paragraph 2: is_paid: decides a condition, and its value is the text "
        f"'{said}', which counts as true as any text does, so the document says what it says "
        "for yes: write false (or true) in the data (the value is on line 2 of "
        "free/report.yaml): {% if is_paid %}"
    ]


def test_a_condition_on_a_field_the_template_also_prints_may_say_no_in_words(
    tmp_path: Path,
) -> None:
    one_report(tmp_path, "备注: 无\n", ["{%p if 备注 %}", "备注：{{ 备注 }}", "{%p endif %}"])
    assert check(tmp_path) == []
    assert rendered(tmp_path) == ["备注：无"]


def test_a_condition_whose_field_is_false_takes_the_other_branch(tmp_path: Path) -> None:
    one_report(tmp_path, "is_paid: false\n", PAID)
    assert check(tmp_path) == []
    assert rendered(tmp_path) == ["客户：", "请付款。"]


def test_new_data_writes_a_conditions_field_as_one_to_answer_true_or_false(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one_report(tmp_path, "is_paid: true\n", PAID)
    monkeypatch.chdir(tmp_path)
    assert main(["new-data", "free.docx", "order"]) == 0
    written = (tmp_path / "data" / "order" / "report.yaml").read_text(encoding="utf-8")
    [line] = [line for line in written.splitlines() if line.startswith("is_paid")]
    field, comment = line.split("#")
    assert field.rstrip() == "is_paid: 【待填写】"
    assert comment == " 是或否，写 true 或 false，用在正文第2段的条件中"


def test_a_field_only_a_condition_uses_is_listed_as_true_or_false(tmp_path: Path) -> None:
    body = [*PAID, "{% if not (is_paid or urgent) %}{{ note }}{% endif %}"]
    template = build_docx(tmp_path / "free.docx", body)
    kinds = {field.path: str(field.kind) for field in template_fields(template)}
    assert kinds == {"is_paid": "true or false", "urgent": "true or false", "note": "text"}


# -- docxtpl's {% cellbg %}: a value printed into a cell's colour --

ALERTS = [
    ["{%tr for a in alerts %}", ""],
    ["{% cellbg a.bg %}{{ a.level }}", "{{ a.text }}"],
    ["{%tr endfor %}", ""],
]


def test_a_cells_colour_from_the_data_is_rendered(tmp_path: Path) -> None:
    # -- the colour is in no paragraph: it was refused as a value whose paragraph was lost --
    yaml = """\
        alerts:
          - {bg: FF0000, level: 严重, text: 停电}
          - {bg: auto, level: 一般, text: 漏水}
    """
    template = one_report(tmp_path, yaml, [])
    build_docx(template, ["告警："], table=ALERTS)
    assert check(tmp_path) == []
    [written] = render_reports(Workspace.at(tmp_path))
    [table] = docx.Document(str(written)).tables
    cells = [row.cells[0] for row in table.rows]
    assert [cell.text for cell in cells] == ["严重", "一般"]
    fills = [cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) for cell in cells]
    assert fills == ["FF0000", "auto"]


def test_a_cells_colour_word_cannot_read_is_refused_at_its_cell(tmp_path: Path) -> None:
    template = one_report(tmp_path, "alerts:\n  - {bg: 红色, level: 严重, text: 停电}\n", [])
    build_docx(template, ["告警："], table=ALERTS)
    assert check(tmp_path) == [
        f"{template}: body, table 1, row 2, cell 1: alerts[].bg: colours a table cell "
        "({% cellbg %}), and '红色' is no colour Word reads, so Word may call the document "
        "damaged: write six hexadecimal digits, such as FF0000 (red), FFFF00 (yellow) or "
        "D9D9D9 (grey)"
    ]


# -- docxtpl's {{r …}} and {{p …}}: for RichText and subdocuments, which data cannot hold --


@pytest.mark.parametrize(
    ("body", "where"),
    [
        (["示例：", ["这是", "{{r example }}", "。"]], "paragraph 2"),
        (["示例：", "{{p example }}"], "paragraph 2"),
    ],
)
def test_text_printed_by_a_run_or_paragraph_tag_is_refused_at_its_place(
    tmp_path: Path, body: list[str | list[str]], where: str
) -> None:
    # -- the text went between runs, where Word shows nothing: "its paragraph was lost" --
    template = one_report(tmp_path, "example: 带格式的文字\n", body)
    assert check(tmp_path) == [
        f"{template}: body, {where}: example: is printed by a {{{{r …}}}} or {{{{p …}}}} tag, "
        "which takes a run or paragraph a program made (docxtpl's RichText, a subdocument), and "
        "the data gives text, which such a tag loses: write {{ example }} in the paragraph instead"
    ]


# -- docxtpl's escaped braces: {_{ prints {{ as it is --


def test_braces_escaped_as_docxtpl_escapes_them_print_as_braces(tmp_path: Path) -> None:
    # -- a how-to sheet showing a tag: refused as a tag left unrendered in the document --
    body = ["在模板中写 {_{ name }_} 印出姓名，{_%p if x %_} 控制段落：", "本人：{{ name }}"]
    one_report(tmp_path, "name: 张三\n", body)
    assert check(tmp_path) == []
    assert rendered(tmp_path) == [
        "在模板中写 {{ name }} 印出姓名，{%p if x %} 控制段落：",
        "本人：张三",
    ]


# -- formats other writers save --

#: The namespaces of a transitional package, and the ones Word's Strict Open XML writes instead.
_STRICT = {
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main": (
        b"http://purl.oclc.org/ooxml/wordprocessingml/main"
    ),
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
}


def test_a_template_saved_as_strict_open_xml_is_refused_saying_how_to_save_it(
    tmp_path: Path,
) -> None:
    # -- its tags in another namespace: seven values "lost", and a Compatibility Mode 0 --
    template = one_report(tmp_path, "name: 张三\n", ["本人：{{ name }}"])
    package = Package.read(template)
    for name, blob in package.parts.items():
        for transitional, strict in _STRICT.items():
            blob = blob.replace(transitional, strict)
        package.parts[name] = blob
    template.write_bytes(package.to_bytes({}))
    assert check(tmp_path) == [
        f"{template}: the template is saved as a Strict Open XML Document, whose tags reportgen "
        "cannot read: open it in Word and save it with Save As, choosing Word Document (*.docx)"
    ]


# -- a name called as a function, as docxtpl's context may hold one --


def test_a_name_of_the_data_called_as_a_function_says_to_take_the_brackets_away(
    tmp_path: Path,
) -> None:
    # -- it said "'Pending' object is not callable", a name of reportgen's code --
    body = ["{%p for k, v in iteritems(items) %}", "{{ k }}：{{ v }}", "{%p endfor %}"]
    template = one_report(tmp_path, "iteritems: 【待填写】\nitems: {甲: 1}\n", body)
    [problem] = [line for line in check(tmp_path) if not line.startswith("warning")]
    assert problem == (
        f"{template}: body, paragraph 1: a name written with ( ) after it is called as a "
        "function, and the data gives values, not functions: write the name without ( ), as in "
        "{{ name }}; a record's names and values are listed as "
        "{%p for name, value in record.items() %}: {% for k, v in iteritems(items) %}"
    )


# -- a picture printed bare, as docxtpl prints an InlineImage --


def test_a_picture_printed_without_the_picture_filter_is_placed_at_its_own_size(
    tmp_path: Path,
) -> None:
    # -- it was refused: "is a ImageFile, which would print as program text" --
    one_report(tmp_path, "pictures:\n  logo: logo.png\n", ["单位标志：{{ logo }}"])
    logo = Image.new("RGB", (96, 48), "red")
    logo.save(tmp_path / "data" / "free" / "logo.png", dpi=(96, 96))
    assert check(tmp_path) == []
    [written] = render_reports(Workspace.at(tmp_path))
    [shape] = docx.Document(str(written)).inline_shapes
    assert (round(shape.width.cm, 2), round(shape.height.cm, 2)) == (2.54, 1.27)


# -- docxtpl's {% colspan %} and {% hm %} beside a {%tc %} loop: the grid fits the rows --


def test_a_column_loop_beside_a_merged_heading_gets_a_column_of_the_grid_each(
    tmp_path: Path,
) -> None:
    # -- the grid kept its four columns for five cells a row: LibreOffice cut the last off --
    template = one_report(tmp_path, "kinds: [水果, 蔬菜, 石头, 物件]\n", [])
    document = docx.Document()
    table = document.add_table(rows=2, cols=4)
    table.cell(0, 0).text = "颜色"
    table.cell(0, 1).merge(table.cell(0, 3)).text = "{% colspan kinds|count %}品类"
    loop = ["{%tc for k in kinds %}", "{{ k }}", "{%tc endfor %}"]
    for cell, text in zip(table.rows[1].cells[1:], loop, strict=True):
        cell.text = text
    save_template(document, template)
    [written] = render_reports(Workspace.at(tmp_path))
    [made] = docx.Document(str(written)).tables
    widths = [column.w for column in made._tbl.tblGrid.gridCol_lst]
    assert len(widths) == 5
    assert sum(widths) == sum(column.w for column in table._tbl.tblGrid.gridCol_lst)
    assert [[cell.text for cell in row.cells] for row in made.rows] == [
        ["颜色", "品类", "品类", "品类", "品类"],
        ["", "水果", "蔬菜", "石头", "物件"],
    ]


# -- braces a sheet about tags writes apart: prose, not a tag --


def test_braces_apart_that_no_tags_end_follows_are_a_warning_not_a_refusal(
    tmp_path: Path,
) -> None:
    # -- docxtpl's own sheet on comments says "variants of the { { syntax": it was refused --
    template = one_report(tmp_path, "name: 张三\n", ["写作 { { 的不是标签。", "本人：{{ name }}"])
    assert check(tmp_path) == [
        f"warning: {template}: body, paragraph 1: this looks like a tag, but its braces are "
        "full-width (｛ ｝ ％) or stand apart, so it would be printed as it is: type {{ }} or "
        "{% %} with the English input method, with no space between the two characters: { {"
    ]
    assert rendered(tmp_path) == ["写作 { { 的不是标签。", "本人：张三"]


# -- a batch's column that decides a condition: empty is no, 否 is refused --

CERTIFICATE = [
    "兹授予{{ row.姓名 }}同志荣誉称号。",
    "{%p if row.党员 %}",
    "（中共党员）",
    "{%p endif %}",
    "{%p if row.备注 %}",
    "备注：{{ row.备注 }}",
    "{%p endif %}",
]


def test_a_batchs_column_deciding_a_condition_may_be_empty_and_may_not_say_no(
    tmp_path: Path,
) -> None:
    # -- 李四's 否 printed （中共党员）; 王五's empty 备注 was refused as "is empty: write the text"
    build_docx(tmp_path / "templates" / "cert.docx", CERTIFICATE)
    folder = tmp_path / "data" / "cert"
    folder.mkdir(parents=True)
    batch = 'template: cert.docx\nbatch:\n  rows: 名单.csv\n  output: "{row.姓名}"\n'
    (folder / "report.yaml").write_text(batch, encoding="utf-8")
    table = "姓名,党员,备注\n张三,是,先进个人\n李四,否,\n王五,,\n赵六,,无\n"
    (folder / "名单.csv").write_text(table, encoding="utf-8")
    (tmp_path / "output").mkdir()
    assert check(tmp_path) == [
        f"{folder / '名单.csv'}:3: row.党员: decides a condition of the template, and the cell "
        "says '否', which counts as true as any text does, so the document says what it says "
        "for yes: leave the cell empty for no, or have the template compare: "
        "{% if row.党员 == '是' %}"
    ]
    with pytest.raises(ProblemsFound):
        render_reports(Workspace.at(tmp_path))
    written = tmp_path / "output" / "cert"
    names = ["张三.docx", "王五.docx", "赵六.docx"]
    assert sorted(path.name for path in written.iterdir()) == sorted(names)
    assert paragraph_texts(written / "王五.docx") == ["兹授予王五同志荣誉称号。"]
    # -- a column the template prints too says 无 as meant: 备注：无 --
    assert paragraph_texts(written / "赵六.docx") == ["兹授予赵六同志荣誉称号。", "备注：无"]


# -- |safe, as templates written for docxtpl's autoescape use it --


def test_text_through_safe_prints_as_written_and_brings_no_markup(tmp_path: Path) -> None:
    # -- A & B broke the document ("check that the blocks … open and close"), and a value
    #    could bring elements of its own, such as a field that fetches a web address --
    field = '</w:t></w:r><w:r><w:instrText>INCLUDEPICTURE "http://example.com/x.png"</w:instrText>'
    yaml = f"name: 江州 & 临州 <联合> 工会\nnote: '{field}'\n"
    one_report(tmp_path, yaml, ["单位：{{ name|safe }}", "{{ note|safe }}"])
    assert check(tmp_path) == []
    [written] = render_reports(Workspace.at(tmp_path))
    assert paragraph_texts(written) == ["单位：江州 & 临州 <联合> 工会", field]
    assert b"<w:instrText" not in Package.read(written).parts["word/document.xml"]


def test_a_web_address_through_urlize_prints_as_written(tmp_path: Path) -> None:
    # -- an HTML link went into the text: the address and all after it were lost, silently --
    one_report(tmp_path, "url: 详见 http://www.example.com 网站\n", ["{{ url|urlize(20) }}"])
    assert check(tmp_path) == []
    assert rendered(tmp_path) == ["详见 http://www.example.com 网站"]


# -- Jinja's filters that list a mapping's items, given a record of the data --


def test_a_records_fields_are_listed_with_items_or_dictsort_as_in_docxtpl(
    tmp_path: Path,
) -> None:
    # -- scores.items() said "the value has no 'items'", and dictsort stopped check and render
    #    with Python's traceback (AttributeError: items) --
    body = [
        "{%p for k, v in scores.items() %}",
        "{{ k }}：{{ v }}",
        "{%p endfor %}",
        "{%p for k, v in scores|dictsort %}",
        "{{ k }}：{{ v }}",
        "{%p endfor %}",
    ]
    template = one_report(tmp_path, "scores: {乙: 2, 甲: 1}\n", body)
    assert check(tmp_path) == []
    assert rendered(tmp_path) == ["乙：2", "甲：1", "乙：2", "甲：1"]
    kinds = {field.path: str(field.kind) for field in template_fields(template)}
    assert kinds == {"scores": "names and values"}


def test_a_records_items_not_called_is_the_missing_field_it_looks_like(tmp_path: Path) -> None:
    template = one_report(tmp_path, "order: {name: 订单, item: 书}\n", ["{{ order.items }}"])
    assert check(tmp_path) == [
        f"{template}: body, paragraph 1: 'order' has no 'items' (did you mean 'item'?): "
        "{{ order.items }}"
    ]


def test_new_data_writes_a_listed_records_first_name_and_value_to_fill(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = ["{%p for k, v in scores.items() %}", "{{ k }}：{{ v }}", "{%p endfor %}"]
    one_report(tmp_path, "scores: {甲: 1}\n", body)
    monkeypatch.chdir(tmp_path)
    assert main(["new-data", "free.docx", "scores"]) == 0
    written = (tmp_path / "data" / "scores" / "report.yaml").read_text(encoding="utf-8")
    lines = [line.split("#")[0].rstrip() for line in written.splitlines()[-2:]]
    assert lines == ["scores:", "  名称: 【待填写】"]
    assert main(["render", "scores"]) == 0


def test_a_value_with_no_fields_given_to_dictsort_is_refused_not_with_a_traceback(
    tmp_path: Path,
) -> None:
    yaml = "note: '{{ period|dictsort|join }}'\nperiod: {start: 2019, end: 2023}\n"
    one_report(tmp_path, yaml, [])
    report = tmp_path / "data" / "free" / "report.yaml"
    assert check(tmp_path) == [
        f"{report}:2:1: report.note: in the text: a filter here asks the value for its 'items', "
        "which this value does not have: dictsort and xmlattr take fields of the data's own (a "
        "line 'name: value' each)"
    ]


def test_a_macro_of_the_template_is_no_field_of_the_data(tmp_path: Path) -> None:
    # -- new-data wrote line: 【待填写】 for the template's own {% macro line(x) %} --
    body = ["{% macro line(x) %}【{{ x }}】{% endmacro %}{{ line(title) }}"]
    template = build_docx(tmp_path / "free.docx", body)
    assert [field.path for field in template_fields(template)] == ["title"]


# -- a number still to enter, through Jinja's own ways of writing numbers --


def test_a_number_still_to_enter_prints_the_placeholder_through_jinjas_number_formats(
    tmp_path: Path,
) -> None:
    # -- new-data's report renders at once, it says: these said "must be real number, not
    #    Pending", naming a class of reportgen's code, and |int printed 0 --
    body = [
        "{{ '%.2f'|format(amount) }}元",
        "{{ '{:,}'.format(amount) }}元",
        "{{ '%.1f' % amount }}元",
        "{{ amount|round(1) }}元",
        "{{ amount|int }}元",
    ]
    one_report(tmp_path, "amount: 【待填写】\n", body)
    [warning] = check(tmp_path)
    assert "report.amount: still says 【待填写】" in warning
    assert rendered(tmp_path) == ["【待填写】元"] * 5


@pytest.mark.parametrize("tag", ["{{ '%.2f'|format(amount) }}", "{{ '{:,}'.format(amount) }}"])
def test_text_given_a_numbers_format_says_a_number_is_needed(tmp_path: Path, tag: str) -> None:
    # -- it said, in English whatever the language: (must be real number, not str) --
    template = one_report(tmp_path, "amount: 一千\n", [tag + "元"])
    assert check(tmp_path) == [
        f"{template}: body, paragraph 1: this can be done with a number only: check that the "
        f"value is a number, not text: {tag}"
    ]


def test_a_tag_in_a_fields_instruction_is_no_run_tag(tmp_path: Path) -> None:
    # -- a simple field's instruction is an attribute: its tag is no {{r …}} --
    template = one_report(tmp_path, "site: www.example.com\n", ["网站"])
    field = (
        '<w:p><w:r><w:t>网址：</w:t></w:r><w:fldSimple w:instr="HYPERLINK http://{{ site }}">'
        "<w:r><w:t>链接</w:t></w:r></w:fldSimple></w:p>"
    )
    set_body_xml(template, field)
    assert check(tmp_path) == []


def test_a_template_saved_by_word_for_the_web_with_its_document_named_otherwise(
    tmp_path: Path,
) -> None:
    # -- Word for the web saves word/document2.xml: refused as "not a Word .docx file (it has
    #    no word/document.xml)", which docxtpl renders --
    template = one_report(tmp_path, "name: 张三\n", ["本人：{{ name }}", "单位：{{ unit }}"])
    package = Package.read(template)
    renamed = {"word/document.xml": "word/document2.xml"}
    renamed["word/_rels/document.xml.rels"] = "word/_rels/document2.xml.rels"
    parts = {renamed.get(name, name): blob for name, blob in package.parts.items()}
    for name in ("_rels/.rels", "[Content_Types].xml"):
        parts[name] = parts[name].replace(b"word/document.xml", b"word/document2.xml")
    template.write_bytes(Package(template, parts, {}).to_bytes({}))
    assert check(tmp_path) == [
        f"{template}: body, paragraph 2: the data has no 'unit': {{{{ unit }}}}"
    ]
    (tmp_path / "data" / "free" / "report.yaml").write_text(
        "template: free.docx\nname: 张三\nunit: 市总工会\n", encoding="utf-8"
    )
    [written] = render_reports(Workspace.at(tmp_path))
    assert paragraph_texts(written) == ["本人：张三", "单位：市总工会"]
    made = Package.read(written).parts
    assert "word/document2.xml" not in made
    assert b'PartName="/word/document.xml"' in made["[Content_Types].xml"]


def test_a_template_saved_as_odt_says_how_to_save_it_as_docx(tmp_path: Path) -> None:
    # -- it said "not a Word .docx file (it has no word/document.xml)", and in English no more --
    template = one_report(tmp_path, "name: 张三\n", ["本人：{{ name }}"])
    with zipfile.ZipFile(template, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    assert check(tmp_path) == [
        f"{template}: this is an OpenDocument text (.odt), as LibreOffice saves one, not .docx: "
        "open it in LibreOffice Writer and choose File > Save As > Word 2007-365 (.docx), or in "
        "WPS, File > Save As > Word 文件 (*.docx); then name the .docx in report.yaml"
    ]


def test_a_batchs_column_printed_by_a_run_tag_is_refused_before_any_row(tmp_path: Path) -> None:
    # -- each row's document was refused: "the value '张三' was printed but is not in the
    #    document: its paragraph was lost", naming no place --
    template = build_docx(tmp_path / "templates" / "cert.docx", [["兹授予", "{{r row.姓名 }}"]])
    folder = tmp_path / "data" / "cert"
    folder.mkdir(parents=True)
    batch = 'template: cert.docx\nbatch:\n  rows: 名单.csv\n  output: "{row.姓名}"\n'
    (folder / "report.yaml").write_text(batch, encoding="utf-8")
    (folder / "名单.csv").write_text("姓名\n张三\n李四\n", encoding="utf-8")
    (tmp_path / "output").mkdir()
    assert check(tmp_path) == [
        f"{template}: body, paragraph 1: row.姓名: is printed by a {{{{r …}}}} or {{{{p …}}}} tag, "
        "which takes a run or paragraph a program made (docxtpl's RichText, a subdocument), and "
        "the data gives text, which such a tag loses: write {{ row.姓名 }} in the paragraph "
        "instead"
    ]


def test_a_signature_printed_inside_a_paragraphs_text_is_refused_at_its_tag(
    tmp_path: Path,
) -> None:
    # -- its paragraphs went inside the text: LibreOffice showed 落款： alone, the 署名 lost --
    yaml = "organisation: 江州市总工会\ntitle: 通知\ndate: 2024-01-15\n"
    template = one_report(tmp_path, yaml, ["正文", "落款：{{ official.signature }}"])
    assert check(tmp_path) == [
        f"{template}: body, paragraph 2: official.signature: prints paragraphs of their own (a "
        "公文's 版头, 署名 or 版记), which cannot stand in a paragraph's text: write "
        "{{p official.signature }} alone in a paragraph: {{ official.signature }}"
    ]


# -- numbers written as text where a template computes with them --

AMOUNTS = [
    ["项目", "金额"],
    ["{%tr for x in items %}", ""],
    ["{{ x.项目 }}", "{{ x.金额 }}"],
    ["{%tr endfor %}", ""],
    ["合计", "{{ items|sum(attribute='金额') }}"],
]


def test_an_amount_summed_in_a_template_and_written_with_a_comma_says_what_to_write(
    tmp_path: Path,
) -> None:
    # -- it said only that text and numbers cannot be added, at the total, not which item --
    yaml = "items:\n  - {项目: 慰问, 金额: 1200}\n  - {项目: 培训, 金额: '3,500'}\n"
    template = one_report(tmp_path, yaml, [])
    build_docx(template, ["明细"], table=AMOUNTS)
    assert check(tmp_path) == [
        f"{tmp_path / 'data' / 'free' / 'report.yaml'}:4:14: items.1.金额: should be a number, "
        "not the text '3,500': write it without the thousands separators: 3500 (printed by "
        "free.docx, body, table 1, row 5, cell 2: {{ items|sum(attribute='金额') }})"
    ]
    kinds = {field.path: str(field.kind) for field in template_fields(template)}
    assert kinds["items[].金额"] == "number"


def test_a_number_written_in_quotes_is_refused_where_a_template_multiplies_it(
    tmp_path: Path,
) -> None:
    # -- '12' * 2 printed 1212: text repeated, without a word --
    one_report(tmp_path, "count: '12'\n", ["双倍：{{ count * 2 }}"])
    [problem] = check(tmp_path)
    assert problem == (
        f"{tmp_path / 'data' / 'free' / 'report.yaml'}:2:1: count: should be a number, not the "
        "text '12': take away the quotes: 12 (printed by free.docx, body, paragraph 1: "
        "{{ count * 2 }})"
    )
