"""The workflows beyond rendering, each run end to end through the command line.

Start a workspace, start a new period, start a new department, list what a workspace holds,
ask what a template needs, and render the second sample, whose template was edited by hand.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from reportgen.cli import main
from reportgen.commands.new_period import roll_over
from reportgen.ooxml.official import signature_places

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: The two sample reports these tests use, each with its template.
SAMPLES = {
    "five-year-report": "five-year-report.docx",
    "youth-league-summary": "annual-summary.docx",
}
FIVE_YEAR_OUTPUT = "2023年市工会5年工作汇报材料.docx"
SUMMARY_OUTPUT = "共青团江州市委员会2023年工作总结.docx"
SUMMARY_PARAGRAPHS = [
    "共青团江州市委员会2023年工作总结",
    "",
    "团省委：",
    "2023年，团市委在市委和团省委的坚强领导下，深入学习贯彻习近平新时代中国特色社会主义思想和党的"
    "二十大精神，紧扣全市中心工作，聚焦思想引领、服务青年、从严治团三项重点，团结带领全市青年建功"
    "新时代，各项工作取得新进展。现将全年工作总结如下。",
    "一、坚持思想引领，青年理想信念教育走深走实",
    "深入开展“青年大学习”行动，组建由青年讲师团、团干部、青年先进典型组成的宣讲队伍，深入学校、"
    "企业、社区开展主题宣讲420多场，覆盖青年9.6万人次。用好本地红色资源，在五四、七一、国庆等重要"
    "节点组织主题团日活动，引导广大青年坚定不移听党话、跟党走。",
    "二、聚焦急难愁盼，服务青年发展取得实效",
    "围绕青年就业创业，联合人社部门举办高校毕业生专场招聘会36场，提供就业岗位6800个；建成青年驿站"
    "8家，为来江州求职的高校毕业生提供免费住宿3200多人次。深化青年志愿服务，全市注册青年志愿者达"
    "52400人，全年志愿服务时长126万小时。",
    "三、坚持从严治团，基层组织活力持续增强",
    "严格团员发展程序，全年新发展团员3126名。开展基层团组织“对标定级”，整顿软弱涣散团支部58个。"
    "举办团干部培训班12期，培训团干部1450人次，团干部队伍作风和能力进一步提升。",
    "2023年主要工作数据",
    "2024年，团市委将坚持党建带团建，聚焦主责主业，在思想引领、服务青年、从严治团上持续用力，团结"
    "带领全市广大青年在推进中国式现代化江州实践中贡献青春力量。",
    "",
    "共青团江州市委员会",
    "2024年1月12日",
]
SUMMARY_TABLE = [
    ["指标", "单位", "2023年", "2022年", "同比"],
    ["新发展团员", "名", "3126", "2980", "增长5%"],
    ["注册青年志愿者", "人", "52400", "47800", "增长10%"],
    ["志愿服务时长", "万小时", "126", "108", "增长17%"],
    ["提供就业岗位", "个", "6800", "5900", "增长15%"],
    ["整顿软弱涣散团支部", "个", "58", "73", "下降21%"],
    ["培训团干部", "人次", "1450", "1320", "增长10%"],
]


@pytest.fixture
def samples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a workspace holding a copy of the two sample reports, as the current folder."""
    root = tmp_path / "workspace"
    (root / "templates").mkdir(parents=True)
    (root / "output").mkdir()
    for report, template in SAMPLES.items():
        shutil.copytree(REPO / "data" / report, root / "data" / report)
        shutil.copy(REPO / "templates" / template, root / "templates" / template)
    monkeypatch.chdir(root)
    return root


def paragraphs_of(path: Path) -> list[str]:
    return [paragraph.text for paragraph in docx.Document(str(path)).paragraphs]


def table_of(path: Path) -> list[list[str]]:
    (table,) = docx.Document(str(path)).tables
    return [[cell.text for cell in row.cells] for row in table.rows]


def figure_fields(folder: Path) -> list[str]:
    """Return ``file: dotted name`` of every figure in a report folder, from its YAML."""
    import yaml

    found = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        prefix = "report" if path.name == "report.yaml" else path.stem

        def walk(nodes: dict[str, object], dotted: str, path: Path = path) -> None:
            for name, node in nodes.items():
                if isinstance(node, dict) and not {"value", "by_year"} & set(node):
                    walk(node, f"{dotted}.{name}")
                else:
                    found.append(f"{path.name}: {dotted}.{name}")

        walk(data.get("figures", {}), f"{prefix}.figures")
    return found


def fill_in_previous_values(folder: Path, date: str) -> None:
    """Enter each figure's previous value as its new one, and the date, as a clerk would."""
    for path in folder.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"value: ~\n(\s*)previous: (\S+)", r"value: \2\n\1previous: \2", text)
        text = re.sub(r"\{value: ~, previous: (\S+)\}", r"{value: \1, previous: \1}", text)
        # -- a figure by year: the previous total in the first year, 0 in the others --
        text = re.sub(r"(by_year:.*\n)((?: +\d{4}: ~\n)+)( +previous: (\d+))", _fill_years, text)
        text = re.sub(r"^date: ~", f"date: {date}", text, flags=re.MULTILINE)
        path.write_text(text, encoding="utf-8")


def _fill_years(match: re.Match[str]) -> str:
    years = re.findall(r"( +\d{4}): ~\n", match.group(2))
    filled = "".join(
        f"{year}: {match.group(4) if index == 0 else 0}\n" for index, year in enumerate(years)
    )
    return match.group(1) + filled + match.group(3)


# -- init --


def test_init_makes_a_workspace_that_renders_at_once(tmp_path: Path, monkeypatch, capsys) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    monkeypatch.chdir(folder)

    assert main(["init"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "reportgen.toml",
        "templates/work-report.docx",
        "data/work-report/report.yaml",
        "data/work-report/main_work.yaml",
        "'reportgen render' in . renders the sample report",
    ]
    assert sorted(path.name for path in folder.iterdir()) == [
        "data",
        "output",
        "reportgen.toml",
        "templates",
    ]
    assert "[folders]" in (folder / "reportgen.toml").read_text(encoding="utf-8")

    assert main(["render"]) == 0
    year = dt.date.today().year - 1  # -- the starter sums up the last whole year --
    written = f"output/（单位名称）{year}年工作报告.docx"
    assert capsys.readouterr().out.splitlines() == [written]
    assert paragraphs_of(folder / written)[:3] == [
        f"（单位名称）{year}年工作报告",
        f"{year}年，（单位名称）认真履行职责，各项工作取得新进展。现将有关情况报告如下。"
        "（请改写为本单位的开头段落。）",
        "一、围绕中心工作，各项任务稳步推进",
    ]


def test_init_never_overwrites(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reportgen.toml").write_text("# mine\n", encoding="utf-8")

    assert main(["init"]) == 3

    assert capsys.readouterr().err == (
        "error: .: already holds reportgen.toml; 'reportgen init' never overwrites a file, "
        "so nothing was written (run it in an empty folder)\n"
    )
    assert (tmp_path / "reportgen.toml").read_text(encoding="utf-8") == "# mine\n"
    assert [path.name for path in tmp_path.iterdir()] == ["reportgen.toml"]


def test_init_makes_the_folder_it_is_given(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init", "new"]) == 0
    monkeypatch.chdir(tmp_path / "new")
    assert main(["check"]) == 0


# -- new-period --


def test_new_period_copies_the_report_for_the_next_five_years(samples: Path, capsys) -> None:
    assert main(["new-period", "five-year-report"]) == 0

    assert capsys.readouterr().out.splitlines() == [
        "data/five-year-report-2024-2028: the period 2024—2028, from five-year-report",
        "43 figures and the date to enter: 'reportgen check five-year-report-2024-2028' lists "
        "each one",
    ]
    old = samples / "data" / "five-year-report"
    new = samples / "data" / "five-year-report-2024-2028"
    assert sorted(path.name for path in new.iterdir()) == sorted(
        path.name for path in old.iterdir()
    )
    # -- only the period, the date and the figures' values change; prose and comments stay --
    report = (old / "report.yaml").read_text(encoding="utf-8")
    assert (new / "report.yaml").read_text(encoding="utf-8") == (
        report.replace("  start: 2019 ", "  start: 2024 ")
        .replace("  end: 2023 ", "  end: 2028 ")
        .replace("date: 2023-04-19", "date: ~         ")
    )
    skills = (old / "skills.yaml").read_text(encoding="utf-8")
    assert (new / "skills.yaml").read_text(encoding="utf-8") == (
        skills.replace("    value: 1\n", "    value: ~\n    previous: 1\n")
        .replace("    value: 15\n", "    value: ~\n    previous: 15\n")
        .replace(
            "computer_contest_editions: 3  #",
            "computer_contest_editions: {value: ~, previous: 3} #",
        )
        .replace(
            "skills_contest_year: 2023     #", "skills_contest_year: {value: ~, previous: 2023} #"
        )
    )
    # -- a comment about the old number moves with it to previous --
    proposals = (new / "proposals.yaml").read_text(encoding="utf-8")
    assert "    value: ~\n    previous: 100               # 原文此数被网站改写为" in proposals


def test_check_lists_each_figure_to_enter_on_its_own_line(samples: Path, capsys) -> None:
    assert main(["new-period", "five-year-report"]) == 0
    capsys.readouterr()
    new = samples / "data" / "five-year-report-2024-2028"

    assert main(["check", "five-year-report-2024-2028"]) == 1

    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == (
        f"{new}/report.yaml:10:1: report.date: no date: enter the date the report is "
        "signed, such as 2024年1月15日"
    )
    assert lines[1] == (
        f"{new}/competitions.yaml:8:5: competitions.figures.participants: "
        "no value for the period 2024—2028: enter it (value: …)"
    )
    # -- two figures are given by year (5 years each): one line a year --
    assert lines[-1] == "52 problems found"
    figure_lines = lines[1:-1]
    pattern = re.compile(
        rf"{re.escape(str(new))}/(\w+\.yaml):(\d+):\d+: ([\w.]+?)(\.by_year)?: "
        r"no value for (?:the period 2024—2028: enter it \(value: …\)|(\d{4}): enter it)"
    )
    matches = [pattern.fullmatch(line) for line in figure_lines]
    assert [line for line in figure_lines if not pattern.fullmatch(line)] == []
    listed = [f"{match.group(1)}: {match.group(3)}" for match in matches if match]
    assert sorted(dict.fromkeys(listed)) == sorted(
        figure_fields(samples / "data" / "five-year-report")
    )
    # -- each line points at the value to enter --
    for match in matches:
        assert match is not None
        line = (
            (new / match.group(1)).read_text(encoding="utf-8").splitlines()[int(match.group(2)) - 1]
        )
        assert f"{match.group(5)}: ~" in line if match.group(5) else "value: ~" in line


def test_a_filled_in_new_period_renders(samples: Path, capsys) -> None:
    assert main(["new-period", "five-year-report"]) == 0
    new = samples / "data" / "five-year-report-2024-2028"
    fill_in_previous_values(new, "2028-04-20")
    capsys.readouterr()

    assert main(["check", "five-year-report-2024-2028"]) == 0
    assert main(["render", "five-year-report-2024-2028"]) == 0

    written = "output/2028年市工会5年工作汇报材料.docx"
    assert capsys.readouterr().out.splitlines()[-1] == written
    expected = [
        line.replace("发展到2023年", "发展到2028年")
        for line in (FIXTURES / "restored_report.txt").read_text(encoding="utf-8").splitlines()
    ]
    assert paragraphs_of(samples / written) == expected
    properties = docx.Document(str(samples / written)).core_properties
    assert properties.created == dt.datetime(2028, 4, 20, tzinfo=dt.UTC)


def test_the_new_period_compares_with_the_previous_one(samples: Path, capsys) -> None:
    assert main(["new-period", "youth-league-summary"]) == 0
    # -- a year's report names its year, not a span from the year to itself --
    assert capsys.readouterr().out.splitlines()[0] == (
        "data/youth-league-summary-2024: the period 2024, from youth-league-summary"
    )
    new = samples / "data" / "youth-league-summary-2024"
    fill_in_previous_values(new, "2025-01-10")
    report = new / "report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("value: 3126", "value: 3400", 1), encoding="utf-8")

    assert main(["render", "youth-league-summary-2024"]) == 0

    written = samples / "output" / "共青团江州市委员会2024年工作总结.docx"
    table = table_of(written)
    assert table[0] == ["指标", "单位", "2024年", "2023年", "同比"]
    assert table[1] == ["新发展团员", "名", "3400", "3126", "增长9%"]
    assert table[2] == ["注册青年志愿者", "人", "52400", "52400", "持平"]
    paragraphs = paragraphs_of(written)
    assert paragraphs[0] == "共青团江州市委员会2024年工作总结"
    assert paragraphs[-1] == "2025年1月10日"


def test_a_change_without_a_previous_value_is_a_problem_at_its_cell(samples: Path, capsys) -> None:
    report = samples / "data" / "youth-league-summary" / "report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("      previous: 2980\n", ""), encoding="utf-8")

    assert main(["check", "youth-league-summary"]) == 1

    template = f"{samples}/templates/annual-summary.docx"
    assert capsys.readouterr().err == (
        f"{template}: body, table 1, row 3, cell 4: indicators[].previous: has no value (~ or "
        "nothing in the data), which would print as None: write a value in the data, or print "
        "it only {% if … %} it has one: {{ row.previous }}\n"
        f"{template}: body, table 1, row 3, cell 5: indicators[]: new_members has no previous "
        "value to compare with: give it previous: …: {{ row | cn_change }}\n"
        "2 problems found\n"
    )


def test_new_period_empties_each_year_of_a_per_year_figure(tmp_path: Path) -> None:
    text = (
        "figures:\n"
        "  members:            # 会员（人）\n"
        "    by_year:\n"
        "      2022: 1000      # 年末数\n"
        "      2023: 1200.5\n"
        "    unit: 人\n"
    )

    rolled, emptied = roll_over(text, tmp_path / "part.yaml", 2)

    assert rolled == (
        "figures:\n"
        "  members:            # 会员（人）\n"
        "    previous: 2200.5\n"
        "    by_year:\n"
        "      2024: ~         # 年末数\n"
        "      2025: ~\n"
        "    unit: 人\n"
    )
    assert emptied == ["members"]


def test_check_lists_each_empty_year(samples: Path, capsys) -> None:
    part = samples / "data" / "five-year-report" / "skills.yaml"
    text = part.read_text(encoding="utf-8")
    part.write_text(
        text.replace(
            "  computer_contest_editions: 3",
            "  contests:\n    by_year: {2019: 2, 2020: 3}\n  computer_contest_editions: 3",
        ),
        encoding="utf-8",
    )
    assert main(["new-period", "five-year-report", "--to", "next"]) == 0
    capsys.readouterr()

    assert main(["check", "next"]) == 1

    err = capsys.readouterr().err
    new = samples / "data" / "next"
    field = "skills.figures.contests.by_year"
    assert f"{new}/skills.yaml:17:15: {field}: no value for 2024: enter it\n" in err
    assert f"{new}/skills.yaml:17:24: {field}: no value for 2025: enter it\n" in err
    assert (new / "skills.yaml").read_text(encoding="utf-8").splitlines()[15:17] == [
        "    previous: 5",
        "    by_year: {2024: ~, 2025: ~}",
    ]


def test_new_period_never_overwrites_a_folder(samples: Path, capsys) -> None:
    assert main(["new-period", "five-year-report", "--to", "youth-league-summary"]) == 3
    assert capsys.readouterr().err == (
        f"error: {samples}/data/youth-league-summary: already exists; choose another name "
        "with --to, or delete the folder\n"
    )


def test_new_period_never_makes_a_folder_windows_takes_for_another(samples: Path, capsys) -> None:
    # -- Youth-League-Summary was made beside youth-league-summary: on Windows, where the
    # workspace is copied, the two are one folder --
    assert main(["new-period", "five-year-report", "--to", "Youth-League-Summary"]) == 3
    assert capsys.readouterr().err == (
        f"error: {samples}/data/youth-league-summary: already exists; choose another name "
        "with --to, or delete the folder\n"
    )
    assert not (samples / "data" / "Youth-League-Summary").exists()


# -- new-department --


def test_new_department_renders_at_once(samples: Path, capsys) -> None:
    assert (
        main(
            [
                "new-department",
                "women-federation",
                "--title",
                "工作总结",
                "--organisation",
                "江州市妇女联合会",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.splitlines() == [
        "templates/women-federation.docx",
        "data/women-federation/report.yaml",
        "data/women-federation/main_work.yaml",
        "'reportgen render women-federation' renders it; edit the files, then render again",
    ]
    report = (samples / "data" / "women-federation" / "report.yaml").read_text("utf-8")
    assert "template: women-federation.docx" in report
    assert "organisation: 江州市妇女联合会" in report
    assert all(line.startswith(("#", " ", "-")) or "#" in line for line in report.splitlines())

    assert main(["render", "women-federation"]) == 0

    today = dt.date.today()
    year = today.year - 1  # -- the last whole year, summed up today --
    written = samples / "output" / f"江州市妇女联合会{year}年工作总结.docx"
    document = docx.Document(str(written))
    assert [paragraph.text for paragraph in document.paragraphs] == [
        f"江州市妇女联合会{year}年工作总结",
        f"{year}年，江州市妇女联合会认真履行职责，各项工作取得新进展。现将有关情况报告如下。"
        "（请改写为本单位的开头段落。）",
        "一、围绕中心工作，各项任务稳步推进",
        "全年共组织各类活动12场，比上年增长20%，重点开展了主题宣讲、志愿服务等工作。"
        "（请改写为本单位的实际内容。）",
        "",
        "江州市妇女联合会",
        f"{today.year}年{today.month}月{today.day}日",
    ]
    styles = [paragraph.style.name for paragraph in document.paragraphs]
    assert styles[:3] == ["Title", "Normal", "Heading 1"]
    signature, date = document.paragraphs[-2:]
    assert signature.alignment == date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    indents = [paragraph.paragraph_format.right_indent.twips for paragraph in (signature, date)]
    # -- GB/T 9704 7.3.5.2, unsealed: see test_official for the arithmetic --
    places = signature_places("江州市妇女联合会", date.text, sealed=False)
    assert indents == [round(places.name_right), round(places.date_right)]
    section = document.sections[0]
    assert (section.top_margin.twips, section.left_margin.twips) == (2098, 1587)


def test_new_department_refuses_a_taken_name(samples: Path, capsys) -> None:
    assert main(["new-department", "five-year-report"]) == 3
    assert capsys.readouterr().err == (
        f"error: {samples}/templates/five-year-report.docx: already exists, and so does "
        f"{samples}/data/five-year-report: choose another name; nothing was written\n"
    )


def test_new_department_refuses_a_name_taken_in_other_capitals(samples: Path, capsys) -> None:
    assert main(["new-department", "Five-Year-Report"]) == 3
    assert capsys.readouterr().err == (
        f"error: {samples}/templates/five-year-report.docx: already exists, and so does "
        f"{samples}/data/five-year-report: choose another name; nothing was written\n"
    )
    assert not (samples / "templates" / "Five-Year-Report.docx").exists()


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("CON", "Windows keeps CON for a device, and makes no file or folder of that name"),
        ("com1", "Windows keeps com1 for a device, and makes no file or folder of that name"),
        ("名" * 100, "it is 300 bytes long, more than the 200 a file name may take everywhere"),
    ],
)
def test_new_department_refuses_a_name_no_system_can_make(
    samples: Path, capsys, name: str, reason: str
) -> None:
    # A 100-character name stopped with a Python traceback; CON made a folder no Windows opens.
    assert main(["new-department", name]) == 3
    assert capsys.readouterr().err == f"error: '{name}' cannot name a report: {reason}\n"
    assert name not in [path.name for path in (samples / "data").iterdir()]


def test_new_period_refuses_a_name_no_system_can_make(samples: Path, capsys) -> None:
    assert main(["new-period", "youth-league-summary", "--to", "NUL"]) == 3
    assert capsys.readouterr().err == (
        "error: 'NUL' cannot name a report: Windows keeps NUL for a device, and makes no file "
        "or folder of that name\n"
    )


# -- list --


def test_list_shows_each_template_and_report(samples: Path, capsys) -> None:
    assert main(["new-period", "youth-league-summary"]) == 0
    capsys.readouterr()

    assert main(["list"]) == 0

    assert capsys.readouterr().out.splitlines() == [
        "templates (templates/):",
        "  annual-summary.docx    used by youth-league-summary, youth-league-summary-2024",
        "  five-year-report.docx  used by five-year-report",
        "reports (data/):",
        "  five-year-report  ✓",
        "    data      data/five-year-report/ (report.yaml and 4 parts)",
        "    template  templates/five-year-report.docx",
        f"    output    output/{FIVE_YEAR_OUTPUT}",
        "  youth-league-summary  ✓",
        "    data      data/youth-league-summary/ (report.yaml and 3 parts)",
        "    template  templates/annual-summary.docx",
        f"    output    output/{SUMMARY_OUTPUT}",
        "  youth-league-summary-2024  13 problems",
        "    data      data/youth-league-summary-2024/ (report.yaml and 3 parts)",
        "    template  templates/annual-summary.docx",
        "    output    output/共青团江州市委员会2024年工作总结.docx",
    ]


def test_list_shows_a_missing_template(samples: Path, capsys) -> None:
    (samples / "templates" / "annual-summary.docx").unlink()

    assert main(["list"]) == 0

    out = capsys.readouterr().out.splitlines()
    assert "  youth-league-summary  1 problem" in out
    assert "    template  templates/annual-summary.docx  (missing)" in out


# -- fields --


def test_fields_prints_what_a_template_needs(samples: Path, capsys) -> None:
    assert main(["fields", "annual-summary"]) == 0

    assert capsys.readouterr().out.splitlines() == [
        "templates/annual-summary.docx uses these fields:",
        "  organisation    text              organisation: …",
        "  period          period            period: start: …, end: … (years)",
        "    end           year              period: end: a year, such as 2024",
        "  title           text              title: …",
        "  opening[]       list of text      opening: a list, one '- …' a line",
        "  parts[]         list of records   parts: a list, each item with lead, paragraphs",
        "    lead          text              each item: lead: …",
        "    paragraphs[]  list of text      each item: paragraphs: a list, one '- …' a line",
        "  indicators[]    group of figures  figures: indicators: a figure under each name, with "
        "value: …, label, unit, previous",
        "    label         text              each item: label: …",
        "    unit          text              each item: unit: …",
        "    previous      number            each item: previous: a number",
        "  closing[]       list of text      closing: a list, one '- …' a line",
        "  date            date              date: a date, such as 2024年1月15日",
    ]


def test_fields_takes_a_path_and_names_unknown_templates(samples: Path, capsys) -> None:
    assert main(["fields", "templates/five-year-report.docx"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "templates/five-year-report.docx uses these fields:"
    )

    assert main(["fields", "annual"]) == 3
    assert capsys.readouterr().err == (
        f"error: {samples}/templates: no template 'annual' "
        "(templates: annual-summary.docx, five-year-report.docx)\n"
    )


# -- the second sample --


def test_both_samples_render_with_one_command(samples: Path, capsys) -> None:
    assert main(["render"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"output/{FIVE_YEAR_OUTPUT}",
        f"output/{SUMMARY_OUTPUT}",
    ]


def test_the_hand_made_template_has_tags_split_by_formatting(samples: Path) -> None:
    template = docx.Document(str(samples / "templates" / "annual-summary.docx"))
    title = template.paragraphs[0]
    assert [run.text for run in title.runs] == [
        "{{ report.organisation }}{{ period.end }}年{{ report.",
        "title }}",
    ]
    assert [run.bold for run in title.runs] == [None, True]
    date = template.paragraphs[-1]
    assert [run.text for run in date.runs] == ["{{ date | ", "cn_date }}"]


def test_the_second_sample_renders_its_split_tags_table_and_signature(samples: Path) -> None:
    assert main(["render", "youth-league-summary"]) == 0

    written = samples / "output" / SUMMARY_OUTPUT
    document = docx.Document(str(written))
    assert [paragraph.text for paragraph in document.paragraphs] == SUMMARY_PARAGRAPHS
    assert table_of(written) == SUMMARY_TABLE
    addressee = document.paragraphs[2]
    assert addressee.paragraph_format.first_line_indent == 0
    signature, date = document.paragraphs[-2:]
    assert signature.alignment == date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    indents = [paragraph.paragraph_format.right_indent.twips for paragraph in (signature, date)]
    assert indents == [640, 1280]  # -- as the template was made by hand --
    assert document.core_properties.author == "共青团江州市委员会"


@pytest.mark.soffice
def test_libreoffice_converts_the_second_sample(samples: Path, soffice: str, poppler: None) -> None:
    from reportgen.pdf import convert_to_pdf

    assert main(["render", "youth-league-summary"]) == 0

    (pdf,) = convert_to_pdf([samples / "output" / SUMMARY_OUTPUT], samples / "pdf")

    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"—\d+—", "", re.sub(r"\s", "", text))
    for paragraph in SUMMARY_PARAGRAPHS:
        assert paragraph in flat
    for row in SUMMARY_TABLE:
        assert "".join(row) in flat
    assert flat.endswith("共青团江州市委员会2024年1月12日")


def test_a_new_period_reports_each_figure_once_even_where_prose_compares_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    assert main(["new-period", "work-report"]) == 0
    capsys.readouterr()
    # -- the sample's period is the current year, so the new folder's name follows it --
    (copy,) = {path.name for path in (tmp_path / "data").iterdir()} - {"work-report"}
    assert main(["check", copy]) == 1
    problems = capsys.readouterr().err.splitlines()[:-1]
    assert len(problems) == 2
    assert "report.date: no date" in problems[0]
    assert "main_work.figures.events: no value for the period" in problems[1]


def test_new_period_of_a_period_never_filled_moves_its_years_and_forgets_the_old_previous(
    tmp_path: Path,
) -> None:
    # -- new-period run on the copy it had just made: the years of a per-year figure stayed
    # those of the copy, and each figure kept the previous value of two periods before, so
    # the next document compared the new figures with the wrong period without a word --
    text = (
        "figures:\n"
        "  members:\n"
        "    previous: 2200\n"
        "    by_year:\n"
        "      2024: ~\n"
        "      2025: ~\n"
        "  branches: {value: ~, previous: 31}\n"
        "  halls:\n"
        "    value: ~\n"
        "  rooms:\n"
        "    by_year: {2024: 3, 2025: ~}\n"
    )

    rolled, emptied = roll_over(text, tmp_path / "part.yaml", 2)

    assert rolled == (
        "figures:\n"
        "  members:\n"
        "    previous: ~\n"
        "    by_year:\n"
        "      2026: ~\n"
        "      2027: ~\n"
        "  branches: {value: ~, previous: ~}\n"
        "  halls:\n"
        "    value: ~\n"
        "  rooms:\n"
        "    by_year: {2026: ~, 2027: ~}\n"
    )
    assert emptied == ["members", "branches", "halls", "rooms"]


def test_new_period_twice_in_a_row_counts_every_figure_to_enter(samples: Path, capsys) -> None:
    assert main(["new-period", "five-year-report"]) == 0
    first = capsys.readouterr().out
    assert main(["new-period", "five-year-report-2024-2028"]) == 0
    second = capsys.readouterr().out
    # -- the same figures and the date are still to enter: 0 were said to be --
    assert first.splitlines()[1] == second.splitlines()[1].replace("2029-2033", "2024-2028")
    later = (samples / "data" / "five-year-report-2029-2033" / "proposals.yaml").read_text(
        encoding="utf-8"
    )
    assert "2029: ~" in later
    assert "2024: ~" not in later
    previous = [
        line.split("#")[0].split("previous:")[1]
        for line in later.splitlines()
        if "previous:" in line
    ]
    assert previous and {value.strip(" ,}") for value in previous} == {"~"}
