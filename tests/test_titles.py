"""Long titles break into lines as GB/T 9704 7.3.1 asks: whole words, a trapezoid or a diamond."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.text.titles import TITLE_LINE, break_title, text_width, title_lines


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("市工会5年工作汇报材料", ["市工会5年工作汇报材料"]),
        (
            "江州市总工会关于开展2024年“安康杯”竞赛活动的通知",
            ["江州市总工会关于开展2024年", "“安康杯”竞赛活动的通知"],
        ),
        (
            "关于召开全市劳动竞赛经验交流暨表彰大会的通知",
            ["关于召开全市劳动竞赛", "经验交流暨表彰大会的通知"],
        ),
        (
            "江州市总工会关于表彰2023年度全市职工经济技术创新工程优秀成果和先进个人的决定",
            ["江州市总工会关于表彰2023年度全市职工", "经济技术创新工程优秀成果和先进个人的决定"],
        ),
    ],
)
def test_a_title_breaks_between_words(title: str, lines: list[str]) -> None:
    assert break_title(title) == lines


def test_three_lines_make_a_trapezoid_or_a_diamond() -> None:
    title = (
        "中共江州市委办公室江州市人民政府办公室关于进一步加强和改进"
        "新时代产业工人队伍建设改革工作的实施意见"
    )
    lines = break_title(title)
    assert "".join(lines) == title
    widths = [text_width(line) for line in lines]
    assert len(lines) == 3
    assert max(widths) <= TITLE_LINE
    assert (
        widths == sorted(widths)
        or widths == sorted(widths, reverse=True)
        or (widths[1] == max(widths))
    )


def test_title_lines_joins_them_with_line_breaks() -> None:
    assert title_lines("关于召开全市劳动竞赛经验交流暨表彰大会的通知") == (
        "关于召开全市劳动竞赛\n经验交流暨表彰大会的通知"
    )


WORDS = st.sampled_from(
    [
        "关于",
        "开展",
        "全市",
        "职工",
        "劳动竞赛",
        "表彰",
        "先进集体",
        "的",
        "通知",
        "安全生产",
        "“安康杯”",
        "2024年",
        "经验交流",
        "工作",
        "意见",
        "技术创新",
        "工程",
        "决定",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=3, max_size=16))
def test_no_line_is_too_long_or_a_single_character(words: list[str]) -> None:
    title = "".join(words)
    lines = break_title(title)
    assert "".join(lines) == title
    assert all(text_width(line) <= TITLE_LINE for line in lines)
    if len(lines) > 1:
        assert all(text_width(line) > 1 for line in lines)
        widths = [text_width(line) for line in lines]
        rising = all(a <= b for a, b in itertools.pairwise(widths))
        falling = all(a >= b for a, b in itertools.pairwise(widths))
        peak = widths.index(max(widths))
        diamond = all(a <= b for a, b in itertools.pairwise(widths[: peak + 1])) and all(
            a >= b for a, b in itertools.pairwise(widths[peak:])
        )
        assert rising or falling or diamond, lines
