"""Data of any shape: a report's data holds whatever its template uses, under the clerk's names.

The women workers' committee wrote its data in the shape its template uses; put into data/ with
one line naming the template, it renders with the template unchanged. reportgen's own layer
(figures written once, derived figures, periods, prose naming figures) works beside it, and a
name reportgen gives meaning to never swallows a clerk's key of another shape.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import docx
import pytest

from hand_made import COMMITTEE_TEMPLATE, NOTICE_TEMPLATE
from minimal_workspace import build_docx, paragraph_texts
from reportgen.api import check_reports, render_reports
from reportgen.cli import main
from reportgen.data.loader import load_report_data
from reportgen.errors import ProblemsFound
from reportgen.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent

#: The committee's data exactly as the issue shows it, with the one line naming its template.
COMMITTEE_YAML = """\
template: women-committee-report.docx
org_name: 市总工会女职工委员会
year: 2023
addressee: 市总工会
opening: 2023年，市总工会女职工委员会……
work_items:
  - no: 一
    title: 维权工作不断深化
    text: 全年推动签订……
figures:
  - {name: 专项集体合同, value: 312, unit: 份}
closing: 2024年，我们将……
date: 2024年1月15日
"""


def workspace_with(root: Path, report: str, files: dict[str, str], template: Path) -> Path:
    """Return a workspace in ``root`` holding report ``report`` (its files) and ``template``."""
    folder = root / "data" / report
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "templates").mkdir(exist_ok=True)
    if template.parent != root / "templates":
        shutil.copy(template, root / "templates" / template.name)
    (root / "output").mkdir(exist_ok=True)
    return folder


def tables_of(path: Path) -> list[list[str]]:
    return [
        [cell.text for cell in row.cells]
        for table in docx.Document(str(path)).tables
        for row in table.rows
    ]


def one_report(tmp_path: Path, yaml: str, body: list[str | list[str]]) -> Path:
    """Return a workspace whose one report, ``free``, has ``yaml`` and a template of ``body``."""
    template = build_docx(tmp_path / "templates" / "free.docx", body)
    workspace_with(tmp_path, "free", {"report.yaml": "template: free.docx\n" + yaml}, template)
    return tmp_path


def check(root: Path) -> list[str]:
    return [str(problem) for problem in check_reports(Workspace.at(root))]


def rendered(root: Path) -> list[str]:
    [written] = render_reports(Workspace.at(root))
    return paragraph_texts(written)


# -- the committee's data, as the committee wrote it --


def test_the_committees_data_renders_with_its_template_unchanged(tmp_path: Path) -> None:
    workspace_with(tmp_path, "women-committee", {"report.yaml": COMMITTEE_YAML}, COMMITTEE_TEMPLATE)
    template_bytes = (tmp_path / "templates" / COMMITTEE_TEMPLATE.name).read_bytes()

    assert check(tmp_path) == []
    [written] = render_reports(Workspace.at(tmp_path))

    assert written == tmp_path / "output" / "women-committee.docx"
    document = docx.Document(str(written))
    assert [paragraph.text for paragraph in document.paragraphs] == [
        "市总工会女职工委员会2023年工作报告",
        "",
        "市总工会：",
        "2023年，市总工会女职工委员会……",
        "一、维权工作不断深化",
        "全年推动签订……",
        "附：主要工作数据",
        "2024年，我们将……",
        "",
        "市总工会女职工委员会",
        "2024年1月15日",
    ]
    assert tables_of(written) == [["项目", "数量", "单位"], ["专项集体合同", "312", "份"]]
    assert document.core_properties.created.date().isoformat() == "2024-01-15"
    assert (tmp_path / "templates" / COMMITTEE_TEMPLATE.name).read_bytes() == template_bytes


def test_the_committees_template_was_made_by_hand_with_tags_split_across_runs() -> None:
    template = docx.Document(str(COMMITTEE_TEMPLATE))
    title = template.paragraphs[0]
    assert [run.text for run in title.runs] == ["{{ org_name }}{{ ye", "ar }}年工作报告"]
    assert [run.bold for run in title.runs] == [None, True]


def test_the_committee_sample_renders_from_the_command_line(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", "women-committee-2023"]) == 0
    assert capsys.readouterr().out == "output/women-committee-2023.docx\n"
    written = workspace_dir / "output" / "women-committee-2023.docx"
    texts = [paragraph.text for paragraph in docx.Document(str(written)).paragraphs]
    assert texts[:5] == [
        "市总工会女职工委员会2023年工作报告",
        "",
        "市总工会：",
        "2023年，市总工会女职工委员会在市总工会党组的领导下，围绕维护女职工合法权益和特殊利益这一"
        "主线，团结带领全市广大女职工建功立业，各项工作取得新成效。现将全年工作报告如下。",
        "一、维权工作不断深化",
    ]
    assert [text for text in texts if re.match(r"[一二三]、", text)] == [
        "一、维权工作不断深化",
        "二、关爱服务更加贴心",
        "三、建功立业成效明显",
    ]
    assert texts[-2:] == ["市总工会女职工委员会", "2024年1月15日"]
    assert tables_of(written)[1:] == [
        ["专项集体合同", "312", "份"],
        ["新建爱心妈咪小屋", "56", "家"],
        ["“两癌”筛查", "12000", "人次"],
        ["帮扶资金", "86", "万元"],
    ]


# -- the third sample: a notice with a table of records --

NOTICE_OUTPUT = "关于举办2024年全市工会财务干部业务培训班的通知.docx"
NOTICE_PARAGRAPHS = [
    "关于举办2024年全市工会财务干部业务培训班的通知",
    "各区县总工会、各产业工会、市直各单位工会：",
    "时间：2024年3月18日至2024年3月20日。",
    "地点：市职工培训中心（江州市人民路88号）。",
    "各区县总工会、各产业工会、市直各单位工会分管财务工作的负责人和财务人员，每单位二名，共120人。",
    "（一）请各单位于3月12日前将参训人员名单报送市总工会财务部。",
    "（三）培训期间食宿由市总工会统一安排，往返交通费回原单位报销。",
    "联系人：李明，电话：0571-88886666。",
    "市总工会办公室",
    "2024年3月1日",
]
NOTICE_SESSIONS = [
    ["日期", "时间", "课程", "授课人"],
    ["3月18日", "9:00—11:30", "工会经费收支管理办法解读", "王丽（市总工会财务部部长）"],
    ["3月18日", "14:30—17:00", "基层工会预算编制与执行", "陈建国（市财政局副处长）"],
    ["3月19日", "9:00—11:30", "工会资产管理与内部控制", "赵敏（江州大学会计学院教授）"],
    ["3月20日", "9:00—11:00", "工会财务审计常见问题分析", "孙伟（市总工会经审会办公室主任）"],
]


def test_the_notice_renders_its_records_nested_records_and_dates(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", "training-notice"]) == 0
    assert capsys.readouterr().out == f"output/{NOTICE_OUTPUT}\n"
    written = workspace_dir / "output" / NOTICE_OUTPUT
    texts = [paragraph.text for paragraph in docx.Document(str(written)).paragraphs]
    # -- the hand-made title breaks between words, as GB/T 9704 asks --
    assert texts[0] == "关于举办2024年全市工会\n财务干部业务培训班的通知"
    for paragraph in NOTICE_PARAGRAPHS[1:]:
        assert paragraph in texts
    assert tables_of(written) == NOTICE_SESSIONS


def test_the_notice_template_was_made_by_hand_with_tags_split_across_runs() -> None:
    template = docx.Document(str(NOTICE_TEMPLATE))
    times = next(
        paragraph for paragraph in template.paragraphs if paragraph.text.startswith("时间")
    )
    assert [run.text for run in times.runs] == [
        "时间：{{ training.start }}至{{ training.",
        "end }}",
        "。",
    ]


@pytest.mark.soffice
def test_libreoffice_converts_the_notice(workspace_dir: Path, soffice: str, poppler: None) -> None:
    from reportgen.pdf import convert_to_pdf

    assert main(["render", "training-notice"]) == 0
    (pdf,) = convert_to_pdf([workspace_dir / "output" / NOTICE_OUTPUT], workspace_dir / "pdf")

    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"\s", "", text)
    for paragraph in NOTICE_PARAGRAPHS:
        assert paragraph in flat
    for row in NOTICE_SESSIONS:  # -- a cell's text wraps across lines: look for each cell --
        for cell in row:
            assert re.sub(r"\s", "", cell)[:6] in flat
    assert flat.endswith("市总工会办公室2024年3月1日")


# -- the names: the clerk's and reportgen's side by side --


def test_a_list_of_records_called_figures_is_the_clerks_own(tmp_path: Path) -> None:
    one_report(
        tmp_path,
        "figures:\n  - {name: 合同, value: 312}\n",
        ["{%p for f in figures %}", "{{ f.name }}{{ f.value }}", "{%p endfor %}"],
    )
    assert rendered(tmp_path) == ["合同312"]


def test_figures_written_as_fields_are_reportgens_numbers(tmp_path: Path) -> None:
    one_report(
        tmp_path,
        """\
        figures:
          benefit: {value: 398000000, qualifier: 近, scale: 亿}
          contracts: 312
        derived:
          total: {sum: [contracts, contracts]}
        text: 全年签订合同{{ contracts }}份，创造效益{{ benefit }}元
        """.replace("        ", ""),
        ["{{ text }}", "{{ total }}"],
    )
    assert rendered(tmp_path) == ["全年签订合同312份，创造效益近4亿元", "624"]


def test_every_shape_of_data_reaches_the_template_under_its_own_name(tmp_path: Path) -> None:
    one_report(
        tmp_path,
        """\
        words: 文字
        count: 3
        share: 0.5
        when: 2024.3.1
        names: [甲, 乙]
        leader: {name: 张三, post: {title: 主席}}
        items:
          - {no: 一, text: 第一项}
          - {no: 二, text: 第二项}
        """.replace("        ", ""),
        [
            "{{ words }}{{ count }}{{ share }}{{ when }}",
            "{{ names | join_cn }}",
            "{{ leader.name }}{{ leader.post.title }}{{ leader['name'] }}",
            "{%p for item in items %}",
            "{{ item.no }}、{{ item.text }}",
            "{%p endfor %}",
        ],
    )
    assert rendered(tmp_path) == [
        "文字30.52024年3月1日",
        "甲、乙",
        "张三主席张三",
        "一、第一项",
        "二、第二项",
    ]


def test_a_record_whose_field_is_named_like_a_method_gives_the_field(tmp_path: Path) -> None:
    one_report(
        tmp_path,
        "entry: {items: 事项, values: 价值, title: 标题, keys: 钥匙}\n",
        ["{{ entry.items }}{{ entry.values }}{{ entry.title }}{{ entry.keys }}"],
    )
    assert rendered(tmp_path) == ["事项价值标题钥匙"]


def test_a_free_report_without_facts_is_named_after_its_folder(tmp_path: Path) -> None:
    one_report(tmp_path, "words: 文字\n", ["{{ words }}"])
    [written] = render_reports(Workspace.at(tmp_path))
    assert written.name == "free.docx"
    assert docx.Document(str(written)).core_properties.title == "free"


def test_an_output_name_using_a_fact_the_report_does_not_give(tmp_path: Path) -> None:
    one_report(tmp_path, 'output: "{organisation}通知"\nwords: 文字\n', ["{{ words }}"])
    report = tmp_path / "data" / "free" / "report.yaml"
    assert check(tmp_path) == [
        f"{report}:2:1: report.output: uses {{organisation}}, which report.yaml does not give: "
        "write organisation: …, or leave {organisation} out"
    ]


def test_a_field_of_ones_own_may_not_take_a_parts_name(tmp_path: Path) -> None:
    folder = (
        one_report(tmp_path, "parts: [work]\nwork: 工作\n", ["{{ work.lead }}"]) / "data" / "free"
    )
    (folder / "work.yaml").write_text("lead: 领句\nparagraphs: [段落]\n", encoding="utf-8")
    assert check(tmp_path) == [
        f"{folder / 'report.yaml'}:3:1: report.work: 'work' is also a part of the report in "
        "templates: rename one of them"
    ]


def test_a_part_may_hold_fields_of_its_own(tmp_path: Path) -> None:
    folder = one_report(tmp_path, "parts: [work]\n", ["{{ work.lead }}{{ work.owner.name }}"])
    (folder / "data" / "free" / "work.yaml").write_text(
        "lead: 领句\nparagraphs: [段落]\nowner: {name: 张三}\n", encoding="utf-8"
    )
    assert rendered(tmp_path) == ["领句张三"]


def test_a_control_character_written_as_an_escape_in_ones_own_text_is_found(
    tmp_path: Path,
) -> None:
    # "\\x07" and "\\uFFFE" in a double-quoted value are characters no Word document may
    # hold: the render wrote none and blamed the template's blocks.
    yaml = 'name: "张\\uFFFE三"\nitems:\n  - {title: "甲\\x07乙"}\n'
    root = one_report(
        tmp_path,
        yaml,
        ["{{ name }}", "{%p for item in items %}", "{{ item.title }}", "{%p endfor %}"],
    )
    path = root / "data" / "free" / "report.yaml"
    assert check(root) == [
        f"{path}:2:1: report.name: contains the control character U+FFFE at character 2 "
        "(pasted from another program?): delete it",
        f"{path}:4:6: report.items.0.title: contains the control character U+0007 at character 2 "
        "(pasted from another program?): delete it",
    ]
    with pytest.raises(ProblemsFound):
        render_reports(Workspace.at(root))
    assert list((root / "output").iterdir()) == []


# -- placeholders: visible until filled, listed until then --


def test_a_placeholder_renders_at_once_and_check_lists_each_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    one_report(
        tmp_path,
        "addressee: 【待填写】\nitems:\n  - {no: 一, text: 【待填写】}\ndate: 【待填写】\n",
        [
            "{{ addressee }}：",
            "{% for item in items %}{{ item.no }}{{ item.text }}{% endfor %}",
            "{{ date | cn_date }}",
        ],
    )
    monkeypatch.chdir(tmp_path)
    report = Path("data/free/report.yaml").resolve()

    assert main(["check"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("1 report checked: no errors, 3 warnings above")
    assert err.splitlines() == [
        f"warning: {report}:2:1: report.addressee: still says 【待填写】: fill it in (the "
        "document prints 【待填写】 until then)",
        f"warning: {report}:4:13: report.items.0.text: still says 【待填写】: fill it in (the "
        "document prints 【待填写】 until then)",
        f"warning: {report}:5:1: report.date: still says 【待填写】: fill it in (the "
        "document prints 【待填写】 until then)",
    ]
    assert main(["render"]) == 0
    assert capsys.readouterr().err.count("warning: ") == 3
    assert paragraph_texts(tmp_path / "output" / "free.docx") == [
        "【待填写】：",
        "一【待填写】",
        "【待填写】",
    ]


def test_a_figure_still_to_fill_prints_the_placeholder_through_every_filter(tmp_path: Path) -> None:
    one_report(
        tmp_path,
        "figures:\n  rate: {value: 【待填写】, previous: 【待填写】}\n",
        ["{{ rate }}{{ rate | cn_change }}{{ rate | amount('万') }}"],
    )
    warnings = check(tmp_path)
    assert [warning.split(": ", 2)[-1] for warning in warnings] == [
        "report.figures.rate.value: still says 【待填写】: fill it in (the document prints "
        "【待填写】 until then)",
        "report.figures.rate.previous: still says 【待填写】: fill it in (the document "
        "prints 【待填写】 until then)",
    ]
    assert rendered(tmp_path) == ["【待填写】【待填写】【待填写】"]


def test_a_placeholder_in_chinese() -> None:
    from reportgen.data.messages import STILL_TO_FILL

    assert STILL_TO_FILL(placeholder="【待填写】").text("zh") == (
        "仍是“【待填写】”：请填写（填写之前，文档中印出的就是“【待填写】”）"
    )


# -- junk from data of any shape is found before rendering --


@pytest.mark.parametrize(
    ("yaml", "tag", "message"),
    [
        (
            "addressee: [市总工会]\n",
            "{{ addressee }}",
            "addressee: is a list, which would print as ['…', …]: print its items with "
            "{%p for … %}, or join them with | join_cn",
        ),
        (
            "addressee: ~\n",
            "{{ addressee }}",
            "addressee: has no value (~ or nothing in the data), which would print as None: write "
            "a value in the data, or print it only {% if … %} it has one (the value is on line 2 "
            "of free/report.yaml)",
        ),
        (
            "urgent: true\n",
            "{{ urgent }}",
            "urgent: is true or false, which would print as True: test it with {% if … %}, or "
            "write text in the data (the value is on line 2 of free/report.yaml)",
        ),
        (
            "leader: {name: 张三, post: 主席}\n",
            "{{ leader }}",
            "leader: holds fields (name, post), which would print as program text: print one "
            "of them, such as .name",
        ),
    ],
)
def test_junk_in_the_data_is_found_before_rendering(
    tmp_path: Path, yaml: str, tag: str, message: str
) -> None:
    one_report(tmp_path, yaml, ["开头", tag])
    template = tmp_path / "templates" / "free.docx"
    assert check(tmp_path) == [f"{template}: body, paragraph 2: {message}: {tag}"]


def test_a_field_of_a_text_item_is_found_at_its_paragraph_and_named(tmp_path: Path) -> None:
    # -- the committee's work items written as text, while the template reads item.title --
    one_report(
        tmp_path,
        "work_items: [维权工作不断深化, 关爱服务更加贴心]\n",
        ["{%p for item in work_items %}", "{{ loop.index }}、{{ item.title }}", "{%p endfor %}"],
    )
    template = tmp_path / "templates" / "free.docx"
    assert check(tmp_path) == [
        f"{template}: body, paragraph 2: work_items[].title: is not in the data: the value before "
        "'title' is text, which has no field 'title' (it would print a method as program text): "
        "check the field's name, or write that value in the data as fields: {{ item.title }}"
    ]


def test_the_issues_data_loads_its_own_fields_as_written(tmp_path: Path) -> None:
    folder = workspace_with(tmp_path, "c", {"report.yaml": COMMITTEE_YAML}, COMMITTEE_TEMPLATE)
    context = load_report_data(folder).context
    assert context["year"] == 2023
    assert context["work_items"][0].no == "一"
    assert context["figures"][0].value == 312
    assert str(context["date"]) == "2024年1月15日"


def test_a_report_with_placeholders_is_the_same_from_the_cache(
    tmp_path: Path, cache_dir: Path
) -> None:
    from reportgen.cache import Cache

    one_report(
        tmp_path,
        "addressee: 【待填写】\nfigures:\n  rate: {value: 【待填写】, previous: 【待填写】}\n",
        ["{{ addressee }}{{ rate }}{{ rate.previous }}{{ rate.change }}"],
    )
    cache = Cache(cache_dir)
    cold = check_reports(Workspace.at(tmp_path), cache=cache)
    [first] = render_reports(Workspace.at(tmp_path), cache=cache)
    text = paragraph_texts(first)
    warm = check_reports(Workspace.at(tmp_path), cache=cache)
    [second] = render_reports(Workspace.at(tmp_path), cache=cache)
    assert len(list((cache_dir / "reports").glob("*.bin"))) == 1
    assert [str(warning) for warning in warm] == [str(warning) for warning in cold]
    assert len(cold) == 3
    assert paragraph_texts(second) == text == ["【待填写】" * 4]


def test_an_object_of_reportgens_printed_whole_is_found_before_rendering(tmp_path: Path) -> None:
    one_report(tmp_path, "words: 文字\n", ["{{ words }}", "{{ attachment }}"])
    template = tmp_path / "templates" / "free.docx"
    assert check(tmp_path) == [
        f"{template}: body, paragraph 2: attachment: is a Attachment, which would print as "
        "program text, not as text of the data: {{ attachment }}"
    ]


def test_a_misspelt_field_of_a_record_suggests_the_field_meant(tmp_path: Path) -> None:
    one_report(
        tmp_path,
        "items:\n  - {title: 一, text: 二}\n",
        ["{%p for item in items %}", "{{ item.titel }}", "{%p endfor %}"],
    )
    template = tmp_path / "templates" / "free.docx"
    assert check(tmp_path) == [
        f"{template}: body, paragraph 2: the items of 'items' have no 'titel' (did you mean "
        "'title'?): {{ item.titel }}"
    ]


def test_a_number_written_as_text_is_shown_at_its_data_line_with_the_number_to_write(
    tmp_path: Path,
) -> None:
    one_report(
        tmp_path,
        'title: 经费\nbudget: "12,345.6"\nitems:\n  - {name: 甲, amount: 5}\n'
        '  - {name: 乙, amount: "3,300"}\n',
        [
            '全年经费{{ budget | amount("万", 1) }}元',
            "{%p for item in items %}",
            "{{ item.name }}：{{ item.amount | cn_numeral }}",
            "{%p endfor %}",
        ],
    )
    data = tmp_path / "data" / "free" / "report.yaml"
    assert check(tmp_path) == [
        f"{data}:3:1: budget: amount prints a number, and '12,345.6' is none: write it without "
        "the thousands separators: 12345.6 (printed by free.docx, body, paragraph 1: "
        '{{ budget | amount("万", 1) }})',
        f"{data}:6:15: items.1.amount: cn_numeral prints a number, and '3,300' is none: write "
        "it without the thousands separators: 3300 (printed by free.docx, body, paragraph 3: "
        "{{ item.amount | cn_numeral }})",
    ]


def test_a_text_a_filter_refuses_is_shown_at_the_template_with_its_data_line(
    tmp_path: Path,
) -> None:
    # -- the template or the data may be wrong: the place in each is named --
    one_report(tmp_path, "rate: 百分之三\n", ["增长{{ rate | percent(1) }}"])
    template = tmp_path / "templates" / "free.docx"
    assert check(tmp_path) == [
        f"{template}: body, paragraph 1: rate: percent prints a number, and '百分之三' is none: "
        "write a number in the data (the value is on line 2 of free/report.yaml): "
        "{{ rate | percent(1) }}"
    ]


def test_a_worked_out_value_a_filter_refuses_is_not_placed_on_a_line_sharing_its_name(
    tmp_path: Path,
) -> None:
    # -- `title` is written in report.yaml, but the template is given report.title, the title
    # worked out for the report: no line of the data holds that value --
    one_report(tmp_path, "words: 文字\n", ["{{ report.title | percent }}"])
    (problem,) = check(tmp_path)
    assert "report.yaml" not in problem
