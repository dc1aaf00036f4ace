"""What Jinja, docxtpl-lint, PyYAML and pydantic say reaches the user in reportgen's words.

Each library's message is matched to one of reportgen's own, worded in English and in
Chinese; the Chinese holds no English sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import TemplateSyntaxError

from helpers import english_runs
from minimal_workspace import TEMPLATE, TEMPLATE_BODY, make_workspace
from reportgen.api import check_reports
from reportgen.data import yaml_source
from reportgen.data.yaml_schema import PureClerkLoader
from reportgen.errors import DataError, InvalidValue, Problem
from reportgen.i18n import Message
from reportgen.text.environment import make_environment
from reportgen.text.filters import amount, cn_change
from reportgen.text.jinja_errors import render_error_message, syntax_error_message
from reportgen.text.limits import budget
from reportgen.workspace import Workspace


def both(message: Message) -> tuple[str, str]:
    chinese = message.text("zh")
    assert english_runs(chinese) == [], chinese
    return message.text("en"), chinese


def syntax(source: str) -> Message:
    with pytest.raises(TemplateSyntaxError) as raised:
        make_environment(for_docx=True).parse(source)
    return syntax_error_message(raised.value)


@pytest.mark.parametrize(
    ("source", "english", "chinese"),
    [
        (
            "{{ a + }}",
            "the tag ends too early: something is missing before the closing }}",
            "标签提前结束了：结尾的 }}前面缺了内容",
        ),
        ("{{ a | }}", "expected a name here, not the closing }}", "这里应为名称，却是结尾的 }}"),
        (
            "{{ a ",
            "the tag ends before it is complete: a closing bracket, quote or }} is missing",
            "标签没写完就结束了：少了右括号、引号或 }}",
        ),
        (
            "{{ (a] }}",
            "the brackets do not match: ']' where ')' should close",
            "括号不配对：这里应为“)”，却是“]”",
        ),
        (
            "{{ a，b }}",
            "the character '，' cannot stand in a tag (a Chinese punctuation mark typed for an "
            "English one?)",
            "标签里不能有“，”这个字符（是否把英文标点打成了中文标点？）",
        ),
        (
            "{% if a %}x",
            "the if block is never closed: add {% endif %}",
            "if 块没有结束：请加上 {% endif %}",
        ),
        (
            "{% for a in b %}{% endif %}",
            "'endif' does not close the block open here: {% endfor %} should come first",
            "“endif”与前面打开的块不配对：应先写{% endfor %}",
        ),
        (
            "{% fro a in b %}",
            "there is no tag 'fro' (a typo?)",
            "没有“fro”这种标签（是否写错了？）",
        ),
        (
            "{% %}",
            "a {% %} tag must start with a word such as if or for",
            "{% %} 标签应以 if、for 等词开头",
        ),
        ("{{ a. }}", "a name or number must follow the dot", "点号后面应为名称或数字"),
        (
            "{{ report.\u200btitle }}",
            "the tag holds an invisible character (U+200B, brought in by a copy from a web page "
            "or a chat): delete the tag and type it again",
            "标签里有一个看不见的字符（U+200B，多是从网页或微信中复制带来的）：请删掉这个标签，"
            "重新输入",
        ),
        (
            "{{ report.ti\u00adtle }}",
            "the tag holds an invisible character (U+00AD, brought in by a copy from a web page "
            "or a chat): delete the tag and type it again",
            "标签里有一个看不见的字符（U+00AD，多是从网页或微信中复制带来的）：请删掉这个标签，"
            "重新输入",
        ),
    ],
    ids=[
        "ends-too-early", "expected", "unfinished", "brackets", "character", "unclosed",
        "unexpected-tag", "unknown-tag", "tag-name", "dot", "zero-width-space", "soft-hyphen",
    ],
)  # fmt: skip
def test_jinja_syntax_errors_are_reworded(source: str, english: str, chinese: str) -> None:
    assert both(syntax(source)) == (english, chinese)


def test_an_unknown_jinja_syntax_error_is_quoted_in_a_sentence_of_our_own() -> None:
    message = syntax("{{ a is number is odd }}")
    english, chinese = both(message)
    assert message.code == "jinja.syntax-other"
    assert chinese.startswith("标签写法有误，无法读取：请检查括号、引号和运算符（Jinja 的原文：“")


def render_error(source: str, **context: object) -> Message:
    environment = make_environment(for_docx=False)
    # -- within a budget of its own, as reportgen renders: a render outside one keeps its
    #    budget for the rest of the process --
    with budget(), pytest.raises(Exception) as raised:  # noqa: PT011 - each kind is the point
        environment.from_string(source).render(context)
    return render_error_message(raised.value)


@pytest.mark.parametrize(
    ("source", "context", "english", "chinese"),
    [
        ("{{ motto }}", {}, "'motto' is undefined", "数据中没有“motto”"),
        ("{{ a.b }}", {"a": {}}, "the value has no 'b'", "这个值没有“b”这一项"),
        (
            "{{ ''.__class__ }}",
            {},
            "not allowed: '__class__' reaches into Python, not into the data",
            "不允许：“__class__”是 Python 内部的东西，不是数据",
        ),
        (
            "{{ a + 1 }}",
            {"a": "五"},
            "text and numbers cannot be computed or compared together: check that each "
            "figure is a number, not text",
            "文字和数字不能一起计算或比较：请检查数字是否写成了文字",
        ),
        (
            "{{ a / 0 }}",
            {"a": 1},
            "cannot divide by zero: check the figure divided by",
            "除数为零，无法计算：请检查作除数的数字",
        ),
        (
            "{% for x in a %}{% endfor %}",
            {"a": 3},
            "the value is not a list, so it cannot be looped over or joined",
            "这个值不是列表，不能逐项列出或连接",
        ),
        (
            "{{ a | round(1) }}",
            {"a": "五"},
            "this can be done with a number only: check that the value is a number, not text",
            "只有数字才能这样计算：请检查这个值是不是数字，而不是文字",
        ),
        (
            "{{ a[5] }}",
            {"a": "市总工会"},
            "the list has no item 5",
            "列表中没有第 5 项",
        ),
        (
            "{{ a | replace('市') }}",
            {"a": "市总工会"},
            "'replace' needs more in its brackets (new): add it, as in replace(…)",
            "“replace”的括号里少写了内容（new）：请补上，写成 replace(…)",
        ),
        (
            "{{ a | truncate(1, 2, 3, 4, 5, 6) }}",
            {"a": "市总工会"},
            "'truncate' was given more in its brackets than it takes: remove what is extra",
            "“truncate”的括号里写多了：请删去多余的内容",
        ),
        (
            "{% include 'other.docx' %}",
            {},
            "a template cannot take in another template (include, import, extends): write "
            "what it needs into this template",
            "模板不能引入别的模板（include、import、extends）：请把要用的内容直接写进这个模板",
        ),
        (
            "{% for i in range(10 ** 9) %}{% endfor %}",
            {},
            "range(…) would count more than 100000 numbers: loop over fewer",
            "range(…) 要数的数超过 100000 个：请减少循环次数",
        ),
    ],
    ids=[
        "undefined",
        "attribute",
        "sandbox",
        "types",
        "zero",
        "not-a-list",
        "not-a-number",
        "no-element",
        "missing-argument",
        "too-many-arguments",
        "include",
        "range",
    ],
)
def test_jinja_render_errors_are_reworded(
    source: str, context: dict[str, object], english: str, chinese: str
) -> None:
    assert both(render_error(source, **context)) == (english, chinese)


def test_filters_refuse_in_both_languages() -> None:
    with pytest.raises(InvalidValue) as raised:
        cn_change(type("Figure", (), {"name": "collected", "previous": None, "value": 1})())
    assert both(raised.value.message) == (
        "collected has no previous value to compare with: give it previous: …",
        "“collected”没有上一周期的数值，无法比较：请给它写上 previous: …",
    )
    with pytest.raises(InvalidValue) as raised:
        amount(5, "千")
    assert both(raised.value.message) == (
        "unknown scale '千': use 万 or 亿",
        "没有“千”这种单位：请用万或亿",
    )


def template_problems(tmp_path: Path, **parts: object) -> list[Problem]:
    make_workspace(tmp_path, **parts)  # type: ignore[arg-type]
    return check_reports(Workspace.at(tmp_path))


@pytest.mark.parametrize(
    ("parts", "english", "chinese"),
    [
        (
            {"body": [*TEMPLATE_BODY, "{%p if report.title %}", "结束语"]},
            "body, paragraph 10: `{% if %}` is never closed: missing `{% endif %}`: "
            "{%p if report.title %}",
            "正文第10段: `{% if %}` 没有结束：缺少 `{% endif %}`：{%p if report.title %}",
        ),
        (
            {"body": [*TEMPLATE_BODY, "{%p endfor %}"]},
            "body, paragraph 10: `{%p endfor %}` has no matching opening block: {%p endfor %}",
            "正文第10段: `{%p endfor %}` 前面没有与之配对的开始标签：{%p endfor %}",
        ),
        (
            {"header": "{{ report.title }"},
            "header 1, paragraph 1: `{{` is never closed with `}}`: {{ report.title }",
            "页眉1第1段: `{{` 后面缺少与之配对的 `}}`：{{ report.title }",
        ),
        (
            {
                "table": [
                    ["{% for p in parts %}", ""],
                    ["{{ p.lead }}", ""],
                    ["{%tr endfor %}", ""],
                ]
            },
            "body, table 1, row 3, cell 1: {%tr endfor %} has the prefix 'tr' but closes "
            "{% for p in parts %} (body, table 1, row 1, cell 1), which has no prefix",
            "正文表1第3行第1格: {%tr endfor %}（前缀 tr）结束的是正文表1第1行第1格的 "
            "{% for p in parts %}（没有前缀），两者前缀不同",
        ),
        (
            {"body": [*TEMPLATE_BODY, "{%tr for x in parts %}", "{%tr endfor %}"]},
            "body, paragraph 10: `{%tr for x in parts %}` has the prefix tr but is not in a "
            "table cell",
            "正文第10段: `{%tr for x in parts %}` 带有前缀 tr，却不在表格的单元格里",
        ),
        (
            {"body": [*TEMPLATE_BODY, "{{ report.title | cn_numerel }}"]},
            "body, paragraph 10: unknown filter 'cn_numerel' (did you mean 'cn_numeral'?)",
            "正文第10段: 没有“cn_numerel”这个过滤器（是否应为“cn_numeral”？）",
        ),
    ],
    ids=["unclosed", "stray", "never-closed", "prefixes", "tr-outside", "filter"],
)
def test_docxtpl_lint_findings_are_reworded(
    tmp_path: Path, parts: dict[str, object], english: str, chinese: str
) -> None:
    problem = template_problems(tmp_path, **parts)[0]
    prefix = f"{tmp_path / 'templates' / TEMPLATE}: "
    assert problem.text("en").startswith(prefix + english)
    assert problem.text("zh").startswith(prefix + chinese)
    assert english_runs(problem.text("zh").removeprefix(prefix)) == []


@pytest.mark.parametrize("loader", ["C", "Python"])
@pytest.mark.parametrize(
    ("text", "where", "english", "chinese"),
    [
        (
            "a:\n\tb: 1\n",
            (2, 1),
            "line 2 is indented with a tab (the Tab key): YAML is indented with spaces only",
            "第2行用了制表符（Tab 键）缩进：YAML 只能用空格缩进，请把行首的 Tab 换成空格",
        ),
        (
            "a:\n  b: 1\n\tc: 2\n",
            (3, 1),
            "line 3 is indented with a tab",
            "第3行用了制表符（Tab 键）缩进",
        ),
        (
            "title: 标题: 副标题\n",
            (1, 10),
            "a ': ' in the middle of a value is read as a new field: put the value in quotes",
            "值中间的“: ”会被当成新的字段：请把整个值用引号括起来",
        ),
        (
            "a:\n  b: 1\n c: 2\n",
            (3, 2),
            "this line does not line up with the fields of its level (which start on line 1)",
            "这一行没有与同一层的字段对齐（这一层从第1行开始）",
        ),
        (
            "a: 1\nbare words\nc: 2\n",
            (3, 1),
            "line 2 has no ': ' after a name: write name: value",
            "第2行的名称后面缺少“: ”：请写成“名称: 值”",
        ),
        (
            'a: "abc\nb: 2\n',
            (3, 1),
            "the quote opened on line 1, column 4 is never closed",
            "第1行第4列的引号没有配对：请补上后面的引号",
        ),
        (
            "a: [1, 2\nb: 3\n",
            (2, 2),
            "the [ opened on line 1, column 4 is never closed: add ]",
            "第1行第4列的“[”没有配对的“]”",
        ),
        (
            'a: "C:\\dir"\n',
            None,
            "a backslash (\\) in double quotes starts an escape such as \\n",
            "双引号里的反斜杠（\\）表示转义",
        ),
        ("a: %50\n", (1, 4), "a value cannot start with “%”", "值不能以“%”开头"),
        ("a: *x\n", (1, 4), "*x refers to nothing above", "“*x”找不到前面对应的内容"),
        ("a: 1\n---\nb: 2\n", (2, 1), "a line of three dashes (---)", "三个短横线（---）"),
        ("a: 1\n- b\n", (2, 1), "a list item (- …) stands among fields", "列表项（- …）夹在"),
        ("a: !foo 1\n", (1, 4), "a value cannot start with !", "值不能以“!”开头"),
        ("a: |x\n", (1, 5), "nothing but a line break may follow", "“|”或“>”后面应直接换行"),
    ],
    ids=[
        "tab", "tab-later", "colon", "indent", "no-colon", "quote", "bracket", "escape",
        "percent", "alias", "documents", "item", "tag", "block",
    ],
)  # fmt: skip
def test_yaml_errors_are_reworded(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    loader: str,
    text: str,
    where: tuple[int, int] | None,
    english: str,
    chinese: str,
) -> None:
    if loader == "Python":
        monkeypatch.setattr(yaml_source, "_Loader", PureClerkLoader)
    path = tmp_path / "part.yaml"
    with pytest.raises(DataError) as raised:
        yaml_source.parse_yaml(text, path)
    [problem] = raised.value.problems
    assert problem.message.text("en").startswith(english)  # type: ignore[union-attr]
    assert problem.message.text("zh").startswith(chinese)  # type: ignore[union-attr]
    assert english_runs(problem.text("zh")) == []
    if where is not None and loader == "C":
        assert (problem.line, problem.column) == where


@pytest.mark.parametrize("loader", ["C", "Python"])
@pytest.mark.parametrize(
    ("text", "english", "chinese"),
    [
        (
            "figures:\n  a:\n    value：12\n    label: 甲\n",
            "line 3: the colon after 'value' is the full-width “：” of a Chinese input method: "
            "type the English colon and a space (value: …)",
            "第3行“value”后面的冒号是中文输入法的全角冒号“：”：请切换到英文输入法，写成"
            "“value: …”（英文冒号后加一个空格）",
        ),
        (
            "lead：围绕中心工作\nparagraphs:\n  - 甲\n",
            "line 1: the colon after 'lead' is the full-width “：”",
            "第1行“lead”后面的冒号是中文输入法的全角冒号“：”",
        ),
        (
            "figures:\n  a:\n    value: 1\n　　　　label: 甲\n    unit: 条\n",
            "line 4 is indented with full-width spaces (“　”, typed with a Chinese input method): "
            "indent it with ordinary spaces",
            "第4行用全角空格（中文输入法的“　”）缩进：请删掉这些空格，切换到英文输入法后重新缩进",
        ),
        (
            "figures:\n  a:\n    value:12\n    label: 甲\n",
            "line 3: 'value:' needs a space after the colon: value: …",
            "第3行“value:”的冒号后面要有一个空格：写成“value: …”",
        ),
        (
            "figures:\n  a:\n    value:\u00a012\n    label: 甲\n",
            "line 3: 'value:' needs a space after the colon",
            "第3行“value:”的冒号后面要有一个空格",
        ),
    ],
    ids=["colon", "colon-first-line", "indent", "no-space", "nbsp"],
)
def test_yaml_typed_with_a_chinese_input_method_names_the_character(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    loader: str,
    text: str,
    english: str,
    chinese: str,
) -> None:
    # The parser notices such a line only later, and in its own terms ("did not find expected
    # <document start>"); the clerk needs the line and the character typed.
    if loader == "Python":
        monkeypatch.setattr(yaml_source, "_Loader", PureClerkLoader)
    with pytest.raises(DataError) as raised:
        yaml_source.parse_yaml(text, tmp_path / "part.yaml")
    [problem] = raised.value.problems
    assert problem.message.text("en").startswith(english)  # type: ignore[union-attr]
    assert problem.message.text("zh").startswith(chinese)  # type: ignore[union-attr]
    # -- the problem is placed at the character typed, not where the parser stopped: the line
    # an editor jumps to is the line the message names --
    line = text.split("\n")[problem.line - 1]  # type: ignore[operator]
    assert english.startswith(f"line {problem.line}")
    assert line[problem.column - 1] in "：　:"  # type: ignore[operator]


def test_a_colon_without_a_space_far_from_a_yaml_error_is_not_blamed(tmp_path: Path) -> None:
    text = "lead: >-\n  Email:abc@example.com\nparagraphs:\n  - 甲\nfigures:\n  a: 1\n\tb: 2\n"
    with pytest.raises(DataError) as raised:
        yaml_source.parse_yaml(text, tmp_path / "part.yaml")
    [problem] = raised.value.problems
    assert problem.message.text("en").startswith("line 7 is indented with a tab")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("old", "new", "english", "chinese"),
    [
        (
            "date: 2024-01-15",
            "date: 2024-02-30",
            "report.date: '2024-02-30' is not a date that exists (month 2 of 2024 has 29 days): "
            "check the month and day",
            "report.date: “2024-02-30”不是一个存在的日期（2024年2月只有29天）：请核对月份和日期",
        ),
        (
            "  start: 2019",
            "  start: 1800",
            "report.period.start: should be at least 1900, not the number 1800",
            "report.period.start: 应不小于 1900，而不是数字 1800",
        ),
        (
            "  end: 2023",
            "  end:\n    year: 2023",
            "report.period.end: should be a whole number, not fields (name: value)",
            "report.period.end: 应为整数，而不是「名称: 内容」这样的字段",
        ),
        (
            "  start: 2019",
            "  start: 2019\n  stat: 1",
            "report.period.stat: unknown field 'stat' (did you mean 'start'?)",
            "report.period.stat: 没有“stat”这个字段（是否应为“start”？）",
        ),
    ],
    ids=["date", "at-least", "mapping", "unknown-field"],
)
def test_pydantic_errors_are_reworded(
    tmp_path: Path, old: str, new: str, english: str, chinese: str
) -> None:
    report_dir = make_workspace(tmp_path)
    report = report_dir / "report.yaml"
    report.write_text(report.read_text("utf-8").replace(old, new, 1), "utf-8")
    [problem] = [p for p in check_reports(Workspace.at(tmp_path)) if p.file == report]
    assert problem.text("en").endswith(english)
    assert problem.text("zh").endswith(chinese)
    assert english_runs(problem.text("zh")) == []
