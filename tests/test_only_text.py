"""Only text reaches the page: a list, fields, a method, nothing, true or false, or any other
value Python would print as program text is an error naming the template's place and the field.

Found by ``check`` from the data's values before anything is rendered where the template prints
a name of the data, and caught in the rendered document where it prints a value computed in the
template.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from minimal_workspace import TEMPLATE, TEMPLATE_BODY, make_workspace, replace
from reportgen.api import check_reports, render_reports
from reportgen.errors import ProblemsFound
from reportgen.workspace import Workspace


def check(root: Path) -> list[str]:
    return [str(problem) for problem in check_reports(Workspace.at(root))]


def template(root: Path) -> Path:
    return root / "templates" / TEMPLATE


def printing(tmp_path: Path, *tags: str) -> list[str]:
    """Return the problems of the minimal workspace whose template prints ``tags`` too."""
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, *tags])
    return check(tmp_path)


def test_a_list_is_found_before_rendering(tmp_path: Path) -> None:
    assert printing(tmp_path, "{{ proposals.paragraphs }}") == [
        f"{template(tmp_path)}: body, paragraph 10: proposals.paragraphs: is a list, which would "
        "print as ['…', …]: print its items with {%p for … %}, or join them with | join_cn: "
        "{{ proposals.paragraphs }}"
    ]


def test_fields_are_found_before_rendering(tmp_path: Path) -> None:
    assert printing(tmp_path, "共{{ proposals.figures }}") == [
        f"{template(tmp_path)}: body, paragraph 10: proposals.figures: holds fields (collected, "
        "adopted, adoption_rate), which would print as program text: print one of them, such as "
        ".collected: {{ proposals.figures }}"
    ]


def test_a_method_of_text_is_found_before_rendering(tmp_path: Path) -> None:
    assert printing(tmp_path, "{{ report.title }}{{ report.title.upper }}") == [
        f"{template(tmp_path)}: body, paragraph 10: report.title.upper: is not in the data: the "
        "value before 'upper' is text, which has no field 'upper' (it would print a method as "
        "program text): check the field's name, or write that value in the data as fields: "
        "{{ report.title.upper }}"
    ]


def test_a_field_of_a_text_item_in_a_loop_is_found_at_its_paragraph(tmp_path: Path) -> None:
    problems = printing(
        tmp_path,
        "{%p for line in opening %}",
        "{{ loop.index }}、{{ line.title }}",
        "{%p endfor %}",
    )
    assert problems == [
        f"{template(tmp_path)}: body, paragraph 11: opening[].title: is not in the data: the "
        "value before 'title' is text, which has no field 'title' (it would print a method as "
        "program text): check the field's name, or write that value in the data as fields: "
        "{{ line.title }}"
    ]


def test_nothing_is_found_before_rendering(tmp_path: Path) -> None:
    # -- a report without an attachment has none, and so no chart --
    assert printing(tmp_path, "{{ attachment.chart }}") == [
        f"{template(tmp_path)}: body, paragraph 10: attachment.chart: has no value (~ or nothing "
        "in the data), which would print as None: write a value in the data, or print it only "
        "{% if … %} it has one: {{ attachment.chart }}"
    ]


def test_nothing_printed_only_where_a_test_guards_it_is_no_problem(tmp_path: Path) -> None:
    assert printing(tmp_path, "{% if attachment.chart %}{{ attachment.chart }}{% endif %}") == []


def test_items_that_are_not_text_given_to_join_cn_are_found_before_rendering(
    tmp_path: Path,
) -> None:
    assert printing(tmp_path, "{{ parts | join_cn }}") == [
        f"{template(tmp_path)}: body, paragraph 10: parts: join_cn joins text, and an item of the "
        "list holds fields (collected, adopted, adoption_rate, name, lead), which would print as "
        "program text: print one of them, such as .collected: {{ parts | join_cn }}"
    ]


def test_a_value_computed_in_the_template_is_caught_when_rendering(tmp_path: Path) -> None:
    assert printing(tmp_path, "{{ [opening][0] }}") == [
        f"{template(tmp_path)}: body, paragraph 10: is a list, which would print as ['…', …]: "
        "print its items with {%p for … %}, or join them with | join_cn: {{ [opening][0] }}"
    ]


def test_program_text_made_in_the_template_is_caught_in_the_document(tmp_path: Path) -> None:
    assert printing(tmp_path, "{{ opening | string }}") == [
        f"{template(tmp_path)}: body: the document would show program text, not the data: "
        "…['过去的五年，我们做了很多工作。']…: print a field of the value, or join a list with "
        "| join_cn"
    ]


def test_a_list_printed_by_prose_in_the_data_is_an_error_at_its_line(tmp_path: Path) -> None:
    report_dir = make_workspace(tmp_path)
    path = replace(report_dir / "proposals.yaml", "{{ adopted }}条", "{{ adopted }}条{{ trades }}")
    replace(path, "paragraphs:", "lists:\n  trades: [电工, 钳工]\nparagraphs:")
    assert check(tmp_path) == [
        f"{path}:16:5: proposals.paragraphs: in the text: is a list, which would print as "
        "['…', …]: print its items with {%p for … %}, or join them with | join_cn"
    ]


def test_a_template_that_prints_junk_writes_nothing(tmp_path: Path) -> None:
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, "{{ proposals.paragraphs }}"])
    with pytest.raises(ProblemsFound):
        render_reports(Workspace.at(tmp_path))
    assert list((tmp_path / "output").iterdir()) == []


def test_the_message_in_chinese(tmp_path: Path) -> None:
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, "{{ proposals.paragraphs }}"])
    (problem,) = check_reports(Workspace.at(tmp_path))
    assert problem.text("zh") == (
        f"{template(tmp_path)}: 正文第10段: proposals.paragraphs: "
        "是一个列表，直接印出来会是 ['…', …] 这样的程序文字："
        "请用 {%p for … %} 逐项印出，或用 | join_cn 连成一句"
        "：{{ proposals.paragraphs }}"
    )
