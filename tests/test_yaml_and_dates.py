"""YAML as clerks mean it, and dates as clerks write them.

PyYAML reads YAML 1.1, whose plain values set traps for people who are not programmers: words
read as true or false, times read as numbers, numbers with a leading zero read as octal. Each
trap is read as a clerk means it here, and every value that cannot be read names its line.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from minimal_workspace import make_workspace, paragraph_texts, replace
from reportgen.api import check_reports, render_reports
from reportgen.data.loader import load_report_data
from reportgen.data.yaml_source import parse_yaml
from reportgen.errors import DataError
from reportgen.text.dates import Date
from reportgen.text.filters import cn_date
from reportgen.workspace import Workspace

FILE = Path("data.yaml")


def read(text: str) -> Any:
    return parse_yaml(text, FILE).data


def problems(text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        parse_yaml(text, FILE)
    return [str(problem) for problem in caught.value.problems]


# -- the words YAML 1.1 reads as true or false are text --


@pytest.mark.parametrize(
    "word", ["yes", "no", "on", "off", "y", "n", "Y", "N", "Yes", "NO", "On", "OFF", "YES"]
)
def test_a_yes_or_no_word_is_text_as_a_value_and_as_a_key(word: str) -> None:
    assert read(f"answer: {word}\n{word}: 1\n") == {"answer": word, word: 1}


def test_a_group_keyed_yes_no_on_off_keeps_all_four_values() -> None:
    assert read("votes: {yes: 30, no: 5, on: 12, off: 3}\n") == {
        "votes": {"yes": 30, "no": 5, "on": 12, "off": 3}
    }


def test_items_numbered_no_keep_their_number_as_text() -> None:
    assert read("work_items:\n  - no: 一\n    title: 维权\n  - no: 二\n    title: 关爱\n") == {
        "work_items": [{"no": "一", "title": "维权"}, {"no": "二", "title": "关爱"}]
    }


@pytest.mark.parametrize(("text", "value"), [("true", True), ("True", True), ("FALSE", False)])
def test_true_and_false_are_the_only_words_for_true_and_false(text: str, value: bool) -> None:
    assert read(f"flag: {text}\n") == {"flag": value}


# -- numbers are written as numbers are written in a document --


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12:30", "12:30"),  # YAML 1.1: 750, minutes in base 60
        ("1:20:30", "1:20:30"),  # YAML 1.1: 4830
        ("010", "010"),  # YAML 1.1: 8, in octal
        ("010010", "010010"),  # a postcode
        ("0571-88886666", "0571-88886666"),  # a telephone number
        ("1_000", "1_000"),  # YAML 1.1: 1000
        ("0.5", 0.5),
        ("-3", -3),
        ("+3", 3),
        (".5", 0.5),
        ("1e3", 1000.0),  # YAML 1.1: text, it needs a dot
        ("0o17", 15),
        ("0x1F", 31),
        ("2024", 2024),
    ],
)
def test_numbers_and_what_only_looks_like_one(text: str, value: object) -> None:
    assert read(f"value: {text}\n") == {"value": value}
    assert type(read(f"value: {text}\n")["value"]) is type(value)


def test_a_quoted_number_is_text() -> None:
    assert read("value: '12'\n") == {"value": "12"}


def test_empty_and_tilde_are_nothing() -> None:
    assert read("a: ~\nb:\nc: null\n") == {"a": None, "b": None, "c": None}


def test_a_date_and_time_is_text() -> None:
    assert read("at: 2024-01-15 09:30\n") == {"at": "2024-01-15 09:30"}


def test_a_tag_asking_for_python_is_refused_at_its_line() -> None:
    assert problems("a: 1\nb: !!python/name:os.system ''\n") == [
        f"{FILE}:2:4: data.b: a value cannot start with ! (YAML reads it as a tag): "
        "put the value in quotes"
    ]


# -- a key written twice, whatever its spelling --


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("collected", "collected"),
        ("1", "1.0"),
        ("2019", "'2019'"),
        ("true", "True"),
        ("0x10", "16"),
        ("2024-01-15", "2024年1月15日"),
        ("~", "null"),
    ],
)
def test_a_key_written_twice_is_reported_with_both_lines(first: str, second: str) -> None:
    (problem,) = problems(f"figures:\n  {first}: 3\n  adopted: 4\n  {second}: 5\n")
    shown_second = second.strip("'")
    if shown_second == first:
        expected = f"'{first}' appears twice (first on line 2); keep one"
    else:
        expected = f"'{shown_second}' is the same key as '{first}' on line 2; keep one"
    assert problem == f"{FILE}:4:3: data.figures.{shown_second}: {expected}"


def test_a_key_written_twice_in_chinese() -> None:
    with pytest.raises(DataError) as caught:
        parse_yaml("a: 1\nb: 2\n'a': 3\n", FILE)
    assert caught.value.problems[0].text("zh") == (
        f"{FILE}:3:1: data.a: “a”写了两次（第一次在第1行）：请只保留一个"
    )


# -- dates as clerks write them --

DATE_FORMS = [
    "2024年1月15日",
    "2024-01-15",
    "2024-1-15",
    "2024.1.15",
    "2024/1/15",
    "２０２４年１月１５日",
    "2024年1月15号",
    "2024 年 1 月 15 日",
    # -- in Chinese numerals, as 成文日期 were written before GB/T 9704-2012 (〇 typed as ○ or 零):
    # read as text of the clerk's own, the report had no date --
    "二〇二四年一月十五日",
    "二○二四年一月十五日",
    "二零二四年一月十五号",
]


@pytest.mark.parametrize("text", DATE_FORMS)
def test_every_form_of_a_date_is_a_date_printed_in_the_layouts_form(text: str) -> None:
    value = read(f"date: {text}\n")["date"]
    assert value == dt.date(2024, 1, 15)
    assert isinstance(value, Date)
    assert str(value) == cn_date(value) == cn_date(text) == "2024年1月15日"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2024年2月30日", "month 2 of 2024 has 29 days"),
        ("2023-02-29", "month 2 of 2023 has 28 days"),
        ("2024.13.1", "there is no month 13"),
        ("2024/4/31", "month 4 of 2024 has 30 days"),
        ("2024-00-10", "there is no month 0"),
        ("2024年6月0日", "month 6 of 2024 has 30 days"),
        ("二〇二三年二月二十九日", "month 2 of 2023 has 28 days"),
        ("二〇二四年十三月一日", "there is no month 13"),
    ],
)
def test_an_impossible_date_names_its_file_line_and_column(text: str, reason: str) -> None:
    assert problems(f"title: 总结\ndate: {text}\n") == [
        f"{FILE}:2:7: data.date: '{text}' is not a date that exists ({reason}): check the month "
        "and day"
    ]


def test_an_impossible_date_in_chinese() -> None:
    with pytest.raises(DataError) as caught:
        parse_yaml("date: 2024年2月30日\n", FILE)
    assert caught.value.problems[0].text("zh") == (
        f"{FILE}:1:7: data.date: “2024年2月30日”不是一个存在的日期（2024年2月只有29天）："
        "请核对月份和日期"
    )


@pytest.mark.parametrize("text", DATE_FORMS)
def test_the_report_date_in_every_form_renders_in_the_layouts_form(
    tmp_path: Path, text: str
) -> None:
    report_dir = make_workspace(tmp_path, body=["{{ date }}", "{{ date | cn_date }}"])
    replace(report_dir / "report.yaml", "date: 2024-01-15", f"date: {text}")
    [written] = render_reports(Workspace.at(tmp_path))
    assert paragraph_texts(written) == ["2024年1月15日", "2024年1月15日"]


def test_a_quoted_report_date_is_read_as_a_date_too(tmp_path: Path) -> None:
    report_dir = make_workspace(tmp_path)
    replace(report_dir / "report.yaml", "date: 2024-01-15", "date: '2023年4月19日'")
    assert load_report_data(report_dir).facts.date == dt.date(2023, 4, 19)


def test_a_date_that_is_no_date_printed_as_a_date_says_how_to_write_one(tmp_path: Path) -> None:
    # -- text that is no date is a field of the clerk's own, which cn_date cannot print --
    report_dir = make_workspace(tmp_path, body=["{{ date | cn_date }}"])
    replace(report_dir / "report.yaml", "date: 2024-01-15", "date: 四月十九日")
    template = tmp_path / "templates" / "report.docx"
    assert [str(problem) for problem in check_reports(Workspace.at(tmp_path))] == [
        f"{template}: body, paragraph 1: date: cn_date prints a date, and '四月十九日' is none: "
        "write it as 2024年1月15日 or 2024-01-15 (the value is on line 8 of report/report.yaml): "
        "{{ date | cn_date }}"
    ]


@pytest.mark.parametrize("text", ["2024年1月", "2024年1月15", "2024-01", "二〇二四年一月"])
def test_a_report_date_begun_but_not_finished_is_refused_at_its_line(
    tmp_path: Path, text: str
) -> None:
    # -- read as text of the clerk's own, the report had no date: the starter template then
    # failed at official.signature, a field the clerk never wrote, in the template --
    report_dir = make_workspace(tmp_path)
    path = replace(report_dir / "report.yaml", "date: 2024-01-15", f"date: {text}")
    assert [str(problem) for problem in check_reports(Workspace.at(tmp_path))] == [
        f"{path}:8:1: report.date: should be a date written as 2024年1月15日 or 2024-01-15, not "
        f"the text '{text}'"
    ]


def test_a_report_date_written_as_one_number_is_refused_at_its_line(tmp_path: Path) -> None:
    # -- 20240115, as a system exports dates: read as a field of the clerk's own, the report had
    # no date and the template failed at official.signature --
    report_dir = make_workspace(tmp_path)
    path = replace(report_dir / "report.yaml", "date: 2024-01-15", "date: 20240115")
    assert [str(problem) for problem in check_reports(Workspace.at(tmp_path))] == [
        f"{path}:8:1: report.date: should be a date written as 2024年1月15日 or 2024-01-15, not "
        "the number 20240115"
    ]


def test_text_that_only_names_a_year_stays_a_field_of_the_clerks_own(tmp_path: Path) -> None:
    report_dir = make_workspace(tmp_path, body=["{{ date }}"])
    replace(report_dir / "report.yaml", "date: 2024-01-15", "date: 2023年度")
    [written] = render_reports(Workspace.at(tmp_path))
    assert paragraph_texts(written) == ["2023年度"]
