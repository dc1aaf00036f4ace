"""Every mistake a clerk can make in the data is reported with its file, line and field."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minimal_workspace import make_workspace, replace, write
from reportgen.data.loader import load_report_data
from reportgen.data.rules import FIGURE_FIELDS
from reportgen.errors import DataError


@pytest.fixture
def report_dir(tmp_path: Path) -> Path:
    return make_workspace(tmp_path)


def problems(report_dir: Path) -> list[str]:
    """Return every problem loading the report finds, as printed."""
    with pytest.raises(DataError) as caught:
        load_report_data(report_dir)
    return [str(problem) for problem in caught.value.problems]


def test_the_minimal_report_loads(report_dir: Path) -> None:
    data = load_report_data(report_dir)
    assert data.context["proposals"].paragraphs == [
        "全市共征集合理化建议16489条，采纳实施5795条，采纳率35.1%。"
    ]


def test_yaml_syntax_error_names_line_and_column(report_dir: Path) -> None:
    path = replace(report_dir / "proposals.yaml", "    value: 5795", "    value: [5795")
    # The parser notices the missing ] on the next line; the message says where [ was.
    with pytest.raises(DataError, match=re.escape(f"{path}:9:8: the [ opened on line 8")):
        load_report_data(report_dir)
    assert problems(report_dir) == [
        f"{path}:9:8: the [ opened on line 8, column 12 is never closed: add ], and a comma "
        "between items"
    ]


def test_an_empty_file_says_what_to_do(report_dir: Path) -> None:
    path = write(report_dir / "proposals.yaml", "")
    assert problems(report_dir) == [
        f"{path}: the file is empty: fill it in, or copy the file of another report and change it"
    ]


def test_missing_required_field_names_the_field(report_dir: Path) -> None:
    lead = "lead: 合理化建议充分展示了职工的聪明才智。\n"
    path = replace(report_dir / "proposals.yaml", lead, "")
    assert problems(report_dir) == [f"{path}:1:1: proposals.lead: missing required field"]


def test_text_where_a_number_belongs(report_dir: Path) -> None:
    path = replace(report_dir / "proposals.yaml", "value: 5795", "value: 五千七百")
    assert problems(report_dir) == [
        f"{path}:8:5: proposals.figures.adopted.value: should be a number, not the text "
        "'五千七百': write it in digits: 5700"
    ]


@pytest.mark.parametrize(
    ("written", "advice"),
    [
        ("5,795", "write it without the thousands separators: 5795"),
        ("5，795", "write it without the thousands separators: 5795"),
        ("'5795'", "take away the quotes: 5795"),
        ("５７９５", "write it with the digits of the English input method: 5795"),
        ("０１５", "write it with the digits of the English input method: 15"),
        ("'0.50'", "take away the quotes: 0.50"),
        ("三万五", "write it in digits (0–9)"),
        ("二〇二三", "write it in digits (0–9)"),
        (
            "35%",
            "a percentage is worked out, not typed: write the two figures and a derived "
            "figure with share: [part, whole]; a rate given as it is is written as the number "
            "alone (35) with unit: %",
        ),
        ("0.58万", "write the whole number (5800) and scale: 万, which prints it in 万"),
        ("约5800", "write the number alone (5800) and qualifier: 约"),
        ("5800多", "write the number alone (5800) and qualifier: 多"),
        ("5795条", "write the number alone (5795); its unit goes under unit: 条"),
        ("5,795 条", "write the number alone (5795); its unit goes under unit: 条"),
    ],
)
def test_a_number_written_as_a_clerk_would_is_refused_with_what_to_write(
    report_dir: Path, written: str, advice: str
) -> None:
    path = replace(report_dir / "proposals.yaml", "value: 5795", f"value: {written}")
    [problem] = problems(report_dir)
    shown = written.strip("'")
    assert problem == (
        f"{path}:8:5: proposals.figures.adopted.value: should be a number, not the text "
        f"'{shown}': {advice}"
    )


def test_what_to_write_for_a_number_reads_in_chinese(report_dir: Path) -> None:
    replace(report_dir / "proposals.yaml", "value: 5795", "value: 0.58万")
    with pytest.raises(DataError) as caught:
        load_report_data(report_dir)
    [problem] = caught.value.problems
    assert problem.message.text("zh") == (
        "应为数字，而不是文字“0.58万”：请填写完整的数（5800），再加上 scale: 万，"
        "文档中即以“万”为单位印出"
    )


def test_negative_count(report_dir: Path) -> None:
    path = replace(report_dir / "proposals.yaml", "value: 5795", "value: -5")
    assert problems(report_dir) == [
        f"{path}:8:5: proposals.figures.adopted.value: should not be negative (it is -5)"
    ]


def test_unknown_field_suggests_the_field_meant(report_dir: Path) -> None:
    path = replace(report_dir / "proposals.yaml", "value: 5795", "valeu: 5795")
    assert problems(report_dir) == [
        f"{path}:8:5: proposals.figures.adopted.valeu: unknown field 'valeu' "
        "(did you mean 'value'?)"
    ]


def test_a_field_of_ones_own_like_reportgens_is_a_warning_naming_the_field_meant(
    report_dir: Path,
) -> None:
    # -- a report may hold fields of its own, and need not give its organisation --
    path = replace(report_dir / "report.yaml", "organisation:", "organization:")
    data = load_report_data(report_dir)
    assert [str(warning) for warning in data.warnings] == [
        f"warning: {path}:3:1: report.organization: 'organization' is read as a field of your "
        "own (the template sees it as organization); if you meant reportgen's 'organisation', "
        "write organisation"
    ]
    assert data.context["organization"] == "市总工会"
    assert "organisation" not in data.context


def test_unknown_field_in_the_attachment_suggests_the_field_meant(report_dir: Path) -> None:
    attachment = "attachment:\n  titel: 主要指标\n  figures: [proposals.collected]\nparts:\n"
    path = replace(report_dir / "report.yaml", "parts:\n", attachment)
    with pytest.raises(DataError) as caught:
        load_report_data(report_dir)
    (problem,) = caught.value.problems
    assert str(problem) == (
        f"{path}:12:3: report.attachment.titel: unknown field 'titel' (did you mean 'title'?)"
    )
    assert problem.text("zh") == (
        f"{path}:12:3: report.attachment.titel: 没有“titel”这个字段（是否应为“title”？）"
    )


def test_unknown_field_of_a_figure_in_a_group_suggests_the_field_meant(report_dir: Path) -> None:
    path = replace(
        report_dir / "proposals.yaml",
        "  collected:\n",
        "  awards:\n    city:\n      teams: {value: 3, unti: 个}\n  collected:\n",
    )
    assert problems(report_dir) == [
        f"{path}:5:25: proposals.figures.awards.city.teams.unti: unknown field 'unti' "
        "(did you mean 'unit'?)"
    ]


def test_adopted_greater_than_collected_names_both_fields(report_dir: Path) -> None:
    path = replace(report_dir / "proposals.yaml", "value: 5795", "value: 20000")
    assert problems(report_dir) == [
        f"{path}:11:5: proposals.derived.adoption_rate.share: cannot compute adoption_rate: "
        "adopted (20000) is greater than collected (16489); a share cannot exceed 100%"
    ]


def test_division_by_zero_names_both_fields(report_dir: Path) -> None:
    path = replace(report_dir / "proposals.yaml", "value: 16489", "value: 0")
    assert problems(report_dir) == [
        f"{path}:11:5: proposals.derived.adoption_rate.share: cannot compute adoption_rate: "
        "collected is 0, so adopted has no share of it"
    ]


def test_growth_from_zero_names_both_fields(report_dir: Path) -> None:
    path = replace(
        report_dir / "proposals.yaml", "share: [adopted, collected]", "growth: [adopted, collected]"
    )
    replace(path, "value: 5795", "value: 0")
    assert problems(report_dir) == [
        f"{path}:11:5: proposals.derived.adoption_rate.growth: cannot compute adoption_rate: "
        "adopted is 0, so growth from it has no percentage"
    ]


def test_every_problem_in_every_file_is_reported_in_one_run(report_dir: Path) -> None:
    proposals = replace(report_dir / "proposals.yaml", "value: 5795", "value: -5")
    replace(proposals, "label: 征集合理化建议", "lable: 征集合理化建议")
    report = replace(report_dir / "report.yaml", "end: 2023", "end: 二〇二三")
    assert problems(report_dir) == [
        f"{report}:7:3: report.period.end: should be a whole number, not the text '二〇二三'",
        f"{proposals}:4:5: proposals.figures.collected.lable: unknown field 'lable' "
        "(did you mean 'label'?)",
        f"{proposals}:8:5: proposals.figures.adopted.value: should not be negative (it is -5)",
    ]
    replace(report, "end: 二〇二三", "end: 2023")
    assert problems(report_dir) == [
        f"{proposals}:4:5: proposals.figures.collected.lable: unknown field 'lable' "
        "(did you mean 'label'?)",
        f"{proposals}:8:5: proposals.figures.adopted.value: should not be negative (it is -5)",
    ]


def test_problems_in_several_part_files_are_all_reported(report_dir: Path) -> None:
    report = replace(report_dir / "report.yaml", "  - proposals\n", "  - proposals\n  - skills\n")
    proposals = replace(report_dir / "proposals.yaml", "value: 5795", "value: -5")
    skills = write(
        report_dir / "skills.yaml",
        """\
        lead: 技术比武成功铺就了职工岗位成才的平台。
        figures:
          editions: three
        paragraphs:
          - 先后举办了{{ editions | cn_numeral }}届职工计算机技术比武。
        """,
    )
    assert report.is_file()
    assert problems(report_dir) == [
        f"{proposals}:8:5: proposals.figures.adopted.value: should not be negative (it is -5)",
        f"{skills}:3:3: skills.figures.editions: should be a number, not the text 'three'",
    ]


def test_control_character_is_rejected_with_its_field(report_dir: Path) -> None:
    # Pasted text can carry control characters, invisible in an editor.
    path = replace(report_dir / "proposals.yaml", "聪明才智。", "聪明\x07才智。")
    assert problems(report_dir) == [
        f"{path}:1:22: proposals.lead: contains the control character U+0007, which a document "
        "cannot hold (pasted from another program?): delete it"
    ]


def test_control_character_written_as_an_escape_is_rejected_with_its_field(
    report_dir: Path,
) -> None:
    path = replace(
        report_dir / "proposals.yaml",
        "lead: 合理化建议充分展示了职工的聪明才智。",
        'lead: "合理化建议\\x0b充分展示了职工的聪明才智。"',
    )
    assert problems(report_dir) == [
        f"{path}:1:1: proposals.lead: contains the control character U+000B at character 6 "
        "(pasted from another program?): delete it"
    ]


def test_control_character_a_tag_of_the_prose_makes_is_rejected_with_its_field(
    report_dir: Path,
) -> None:
    # Rendered, the document was said to have lost the paragraph's value.
    path = replace(
        report_dir / "proposals.yaml", "采纳实施{{ adopted }}条", '采纳实施{{ "\\x07" }}条'
    )
    assert problems(report_dir) == [
        f"{path}:14:5: proposals.paragraphs: contains the control character U+0007 at "
        "character 22 (pasted from another program?): delete it"
    ]


def test_every_control_character_in_a_file_is_reported(report_dir: Path) -> None:
    path = replace(report_dir / "proposals.yaml", "聪明才智。", "聪明\x1b才智。")
    replace(path, "采纳实施{{ adopted }}条", "采纳实施{{ adopted }}\x0c条")
    assert problems(report_dir) == [
        f"{path}:1:22: proposals.lead: contains the control character U+001B, which a document "
        "cannot hold (pasted from another program?): delete it",
        f"{path}:14:49: proposals.paragraphs.0: contains the control character U+000C, which a "
        "document cannot hold (pasted from another program?): delete it",
    ]


def test_duplicate_keys_are_an_error(report_dir: Path) -> None:
    path = replace(report_dir / "proposals.yaml", "  adopted:\n", "  collected: 3\n  adopted:\n")
    assert problems(report_dir) == [
        f"{path}:6:3: proposals.figures.collected: 'collected' appears twice (first on line 3); "
        "keep one"
    ]


def test_a_part_file_not_listed_in_parts_is_an_error(report_dir: Path) -> None:
    report = report_dir / "report.yaml"
    write(report_dir / "skills.yaml", "lead: x\nparagraphs: [y]\n")
    assert problems(report_dir) == [
        f"{report}:11:1: report.parts: skills.yaml is not listed in parts: add 'skills' to "
        "parts, or move the file out of the folder"
    ]


def test_a_listed_part_without_a_file_is_an_error(report_dir: Path) -> None:
    report = replace(report_dir / "report.yaml", "  - proposals\n", "  - proposals\n  - skills\n")
    assert problems(report_dir) == [
        f"{report}:13:5: report.parts: part 'skills' has no data file skills.yaml in {report_dir}"
    ]


def test_a_name_the_prose_does_not_know_suggests_the_name_meant(report_dir: Path) -> None:
    path = replace(report_dir / "proposals.yaml", "{{ collected }}", "{{ colected }}")
    assert problems(report_dir) == [
        f"{path}:14:5: proposals.paragraphs: in the text: 'colected' is undefined "
        "(did you mean 'collected'?)"
    ]


def test_a_sandbox_escape_in_the_prose_is_refused(report_dir: Path) -> None:
    path = replace(report_dir / "proposals.yaml", "{{ collected }}", "{{ ''.__class__.__mro__ }}")
    assert problems(report_dir) == [
        f"{path}:14:5: proposals.paragraphs: in the text: not allowed: '__class__' reaches into "
        "Python, not into the data"
    ]


def test_an_alias_that_contains_itself_is_an_error(report_dir: Path) -> None:
    path = write(report_dir / "proposals.yaml", "lead: x\nparagraphs: &p [y, *p]\n")
    assert problems(report_dir) == [
        f"{path}:2:13: proposals.paragraphs.1: refers to itself through an alias (*…): "
        "write the value out instead"
    ]


def test_a_figure_may_not_take_a_name_the_template_gives_the_report(report_dir: Path) -> None:
    report = replace(report_dir / "report.yaml", "parts:", "figures:\n  title: 5\nparts:")
    assert problems(report_dir) == [
        f"{report}:12:3: report.figures.title: 'title' names the report's title in templates: "
        "rename it"
    ]


def test_a_figure_may_not_hide_the_lead_of_its_part(report_dir: Path) -> None:
    path = replace(report_dir / "proposals.yaml", "  adopted:", "  lead: 3\n  adopted:")
    assert problems(report_dir) == [
        f"{path}:6:3: proposals.figures.lead: 'lead' names the part's lead sentence in "
        "templates: rename it"
    ]


def test_a_jinja_constant_cannot_be_a_name(report_dir: Path) -> None:
    path = replace(report_dir / "proposals.yaml", "  adopted:", "  none: 3\n  adopted:")
    assert problems(report_dir) == [
        f"{path}:6:3: proposals.figures.none: 'none' cannot be used as a name: the text reads "
        "it as a constant"
    ]


@pytest.mark.parametrize(("written", "why"), [("~", "use letters"), ("true", "the text reads")])
def test_a_name_yaml_reads_as_null_or_true_is_named_as_written(
    report_dir: Path, written: str, why: str
) -> None:
    # -- the message named Python's value: main_work.figures.None: 'None' cannot be used --
    path = replace(report_dir / "proposals.yaml", "  adopted:", f"  {written}: 3\n  adopted:")
    [problem] = problems(report_dir)
    assert problem.startswith(
        f"{path}:6:3: proposals.figures.{written}: '{written}' cannot be used as a name: {why}"
    )


def test_a_figure_whose_only_key_is_misspelt_is_not_taken_for_a_group(report_dir: Path) -> None:
    path = replace(report_dir / "proposals.yaml", "    label: 采纳实施合理化建议\n", "")
    replace(path, "value: 5795", "valeu: 5795")
    assert problems(report_dir) == [
        f"{path}:7:5: proposals.figures.adopted.valeu: unknown field 'valeu' (did you mean "
        "'value'?); if 'adopted' is a group of figures, give 'valeu' another name",
        f"{path}:10:13: proposals.derived.adoption_rate.share: 'adopted' is a group of "
        "figures: name one figure in it",
        f"{path}:13:5: proposals.paragraphs: in the text: holds fields (valeu), which would print "
        "as program text: print one of them, such as .valeu",
    ]


def test_a_sandbox_escape_in_a_title_is_refused_not_printed(report_dir: Path) -> None:
    # A title is printed as it is, never run: a tag in it would reach the document as text.
    path = replace(
        report_dir / "report.yaml", "title: 工作汇报", "title: \"{{ ''.__class__.__mro__ }}\""
    )
    assert problems(report_dir) == [
        f"{path}:4:1: report.title: holds '{{{{', which is read as a template tag: this text is "
        "printed as it is, so write it without double braces"
    ]


def test_a_tag_nested_hundreds_deep_in_the_prose_is_an_error(report_dir: Path) -> None:
    deep = "{{ " + "(" * 2000 + "collected" + ")" * 2000 + " }}"
    path = replace(report_dir / "proposals.yaml", "{{ collected }}", deep)
    assert problems(report_dir) == [
        f"{path}:14:5: proposals.paragraphs: in the text: nested too deeply to read "
        "(hundreds of brackets?)"
    ]


@given(
    st.sampled_from(FIGURE_FIELDS),
    st.integers(0, 12),
    st.integers(0, 3),
    st.text(alphabet="abcdeilnopqrstuvy_", max_size=3),
)
def test_the_quick_bound_never_hides_a_misspelt_figure_key(
    field: str, start: int, cut: int, typed: str
) -> None:
    from reportgen.data.figure_builder import _may_be_close

    name = field[:start] + typed + field[start + cut :]  # -- a field mistyped --
    if difflib.get_close_matches(name, list(FIGURE_FIELDS), n=1, cutoff=0.8):
        assert _may_be_close(name, FIGURE_FIELDS, 0.8)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "paragraphs:\n  - ",
            "paragraphs: ",
            "13:1: proposals.paragraphs: should be a list (one '- item' a line, or [a, b]), "
            "not the text",
        ),
        (
            "lead: 合理化建议充分展示了职工的聪明才智。",
            "lead:\n  - 合理化建议充分展示了职工的聪明才智。",
            "1:1: proposals.lead: should be text, not a list",
        ),
        (
            "figures:\n",
            "figures:\n  - 16489\nfigures_written_before:\n",
            "2:1: proposals.figures: should hold fields (name: value), not a list",
        ),
    ],
)
def test_a_parts_own_field_in_the_wrong_shape_is_told_its_shape(
    report_dir: Path, old: str, new: str, expected: str
) -> None:
    # -- a part's lead, paragraphs and figures are its members in a template whatever they
    # hold: read as a field of the clerk's own, they were 'missing' and 'taken by a figure' --
    path = replace(report_dir / "proposals.yaml", old, new)
    found = problems(report_dir)
    assert any(problem.startswith(f"{path}:{expected}") for problem in found), found
    assert not any("missing required field" in problem for problem in found)
    assert not any("in templates: rename" in problem for problem in found)


@pytest.mark.parametrize("saved", ["proposals.yml", "proposals.yaml.txt", "Proposals.YAML"])
def test_a_part_file_saved_under_another_name_is_named_with_the_rename_to_do(
    report_dir: Path, saved: str
) -> None:
    # -- Notepad's .txt, an editor's .yml: the part was said to have no file, and the file
    # there was said to be missing from parts, where it is listed --
    (report_dir / "proposals.yaml").rename(report_dir / saved)
    report = report_dir / "report.yaml"
    assert problems(report_dir) == [
        f"{report}:12:5: report.parts: part 'proposals' has no data file proposals.yaml, but "
        f"{saved} is there: rename it to proposals.yaml"
    ]
