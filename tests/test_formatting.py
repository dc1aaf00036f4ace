"""Chinese number and date formatting, as templates and prose use it."""

from __future__ import annotations

import datetime as dt

import pytest

from reportgen.text.filters import (
    amount,
    cn_date,
    cn_enumerate,
    cn_numeral,
    cn_ordinal,
    fullwidth,
    join_cn,
    percent,
    quoted,
)


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (0, "零"),
        (3, "三"),
        (10, "十"),
        (15, "十五"),
        (20, "二十"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1005, "一千零五"),
        (10000, "一万"),
        (10005, "一万零五"),
        (110000, "十一万"),
        (100000000, "一亿"),
        (123456789, "一亿二千三百四十五万六千七百八十九"),
    ],
)
def test_cn_numeral(number: int, text: str) -> None:
    assert cn_numeral(number) == text


def test_ordinals_and_enumeration() -> None:
    assert cn_ordinal(1) == "一是"
    assert cn_enumerate(["甲。", "乙。", "丙。"]) == "一是甲。二是乙。三是丙。"


@pytest.mark.parametrize(
    ("arguments", "text"),
    [
        ((398_000_000, "亿", 0, "近"), "近4亿"),
        ((148_000_000, "亿", 1, "近"), "近1.5亿"),
        ((412_000, "万", 0, "多"), "41多万"),
        ((400_000, "万", 0, "多"), "40多万"),
        ((16489, None, 0, None), "16489"),
        ((500, None, 0, "多"), "500多"),
        ((30_000, "万", 0, "近"), "近3万"),
        ((12_345, "万", 2, "约"), "约1.23万"),
    ],
)
def test_amount(arguments: tuple, text: str) -> None:
    assert amount(*arguments) == text


def test_amount_rejects_unknown_scale_and_qualifier() -> None:
    with pytest.raises(ValueError, match="unknown scale '千'"):
        amount(1, "千")
    with pytest.raises(ValueError, match="unknown qualifier '大约'"):
        amount(1, None, 0, "大约")


def test_percent_rounds_half_up() -> None:
    assert percent(0.37) == "37%"
    assert percent(5795 / 16489, 1) == "35.1%"
    assert percent(0.125, 1) == "12.5%"
    assert percent(0.0125, 1) == "1.3%"


def test_dates_have_no_zero_padding() -> None:
    assert cn_date(dt.date(2023, 4, 9)) == "2023年4月9日"
    assert cn_date("2023-12-01") == "2023年12月1日"


def test_lists_and_punctuation() -> None:
    assert join_cn(["张三", "李四", "王二"]) == "张三、李四、王二"
    assert quoted(["电工", "钳工"]) == "“电工”、“钳工”"
    assert quoted("安康杯") == "“安康杯”"
    assert fullwidth("工会,职工;1,000 and a,b") == "工会，职工；1,000 and a,b"
