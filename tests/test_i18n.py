"""The core of the two languages: which one, and how values read inside a message."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from reportgen.data.figures import PeriodView
from reportgen.errors import Problem, ProblemsFound
from reportgen.i18n import (
    MessageKind,
    display_width,
    number_text,
    parse_language,
    system_language,
    word,
)
from reportgen.messages import FILE_UNREADABLE, os_reason
from reportgen.ooxml.places import Place


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "zh_CN.GB18030", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "en_GB", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LANGUAGE": "zh_CN", "LANG": "C"}, "en"),  # -- gettext ignores LANGUAGE under C --
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "Chinese (Simplified)_China.936"}, "zh"),
    ],
)
def test_the_system_language_is_read_as_gettext_reads_it(
    environ: dict[str, str], language: str
) -> None:
    assert system_language(environ) == language


def test_the_language_variable_names_zh_or_en_in_any_spelling() -> None:
    assert [parse_language(value) for value in ("zh", "zh_CN.UTF-8", "ZH-hans", "en", "C")] == [
        "zh", "zh", "zh", "en", "en",
    ]  # fmt: skip
    assert parse_language("fr_FR") is None


def test_numbers_read_as_the_report_prints_them() -> None:
    assert [number_text(value) for value in (3.0, 0.1 + 0.2, 1e-05, 16489.5, Decimal("2.50"))] == [
        "3", "0.3", "0.00001", "16489.5", "2.5",
    ]  # fmt: skip


def test_dates_periods_lists_and_places_are_worded_in_the_language() -> None:
    assert word(dt.date(2023, 4, 19), "zh") == "2023年4月19日"
    assert word(dt.date(2023, 4, 19), "en") == "2023-04-19"
    assert word(PeriodView(2019, 2023), "zh") == "2019—2023年"
    assert word(PeriodView(2023, 2023), "zh") == "2023年"
    assert word(PeriodView(2019, 2023), "en") == "2019—2023"
    assert word(["甲", "乙"], "zh") == "甲、乙"
    assert word(["a", "b"], "en") == "a, b"
    place = Place("word/footer1.xml", None, 1, 2, 3)
    assert (word(place, "en"), word(place, "zh")) == (
        "footer 1, table 1, row 2, cell 3",
        "页脚1表1第2行第3格",
    )


def test_a_message_words_its_parameters_and_plurals() -> None:
    kind = MessageKind(
        "test.files", en="{count} {count:file|files} on {date}", zh="{date}共 {count} 个文件"
    )
    assert kind(count=1, date=dt.date(2024, 1, 5)).text("en") == "1 file on 2024-01-05"
    assert kind(count=2, date=dt.date(2024, 1, 5)).text("zh") == "2024年1月5日共 2 个文件"
    assert kind.parameters("en") == kind.parameters("zh") == {"count", "date"}


def test_errors_and_problems_word_themselves_inside_other_messages(tmp_path: Path) -> None:
    problem = Problem(FILE_UNREADABLE(reason=os_reason(PermissionError(13, "x"))), file=tmp_path)
    assert problem.text("zh") == (
        f"{tmp_path}: 无法读取该文件（没有权限：文件可能正被 Word、WPS 等程序打开，或是只读的）"
    )
    both = ProblemsFound([problem, Problem("x", severity="warning")])
    assert both.text("zh").splitlines()[-1] == "共发现 1 个问题，另有 1 条提醒"
    assert both.text("en").splitlines()[-1] == "1 problem found, 1 warning"


def test_chinese_fills_two_columns() -> None:
    assert display_width("正文第4段") == 9
