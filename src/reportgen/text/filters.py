"""Chinese number and date formatting, registered as Jinja filters.

Each filter is usable from a template (``{{ 3 | cn_numeral }}``) and from the
prose in the data files. The names are the ones listed in :data:`FILTERS`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from reportgen.errors import InvalidValue
from reportgen.text.dates import parse_date
from reportgen.text.messages import (
    ITEMS_NOT_TEXT,
    NEEDS_NUMBER,
    NO_PREVIOUS,
    NOT_A_DATE,
    PREVIOUS_ZERO,
    THE_FIGURE,
    UNKNOWN_QUALIFIER,
    UNKNOWN_SCALE,
)
from reportgen.text.printing import unprintable
from reportgen.text.titles import title_lines

DIGITS = "零一二三四五六七八九"
SMALL_UNITS = ["", "十", "百", "千"]
LARGE_UNITS = ["", "万", "亿", "万亿"]

#: Scales a figure can be printed in, by their Chinese name.
SCALES = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
#: Qualifiers printed before the number (近4亿) and after it (40多万).
PREFIX_QUALIFIERS = ("近", "约")
SUFFIX_QUALIFIERS = ("多", "余")
QUALIFIERS = PREFIX_QUALIFIERS + SUFFIX_QUALIFIERS


def _plain(value: Any) -> Any:
    """Return the number inside a figure object, or ``value`` itself."""
    return getattr(value, "value", value)


def _number(value: Any, name: str) -> Decimal:
    """Return the number ``value`` (a figure's) holds; InvalidValue naming ``name`` if none."""
    plain = _plain(value)
    try:
        if isinstance(plain, bool) or plain is None:
            raise InvalidOperation
        # -- a float's own digits: a number a sheet shows as 35.1% prints so, and is 0.351 --
        return Decimal(repr(float(plain)) if isinstance(plain, float) else str(plain))
    except InvalidOperation:
        raise InvalidValue(NEEDS_NUMBER(filter=name, value=str(plain)[:40])) from None


def _texts(items: Iterable[Any], name: str) -> list[str]:
    """Return each item as text; InvalidValue naming ``name`` if one would print program text."""
    texts = []
    for item in items:
        reason = unprintable(item)
        if reason is not None:
            raise InvalidValue(ITEMS_NOT_TEXT(filter=name, reason=reason))
        texts.append(str(item))
    return texts


def cn_numeral(value: Any) -> str:
    """Return a non-negative integer in Chinese numerals: 3 → 三, 15 → 十五, 105 → 一百零五."""
    number = int(_number(value, "cn_numeral"))
    if number < 0:
        return "负" + cn_numeral(-number)
    if number == 0:
        return DIGITS[0]
    groups: list[int] = []
    while number:
        groups.append(number % 10_000)
        number //= 10_000
    text = ""
    need_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            need_zero = bool(text)
            continue
        if text and (need_zero or group < 1000):
            text += DIGITS[0]
        text += _group_numeral(group) + LARGE_UNITS[index]
        need_zero = False
    # 一十五 is read 十五 at the start of a number.
    if text.startswith("一十"):
        text = text[1:]
    return text


def _group_numeral(group: int) -> str:
    """Return 1–9999 in Chinese numerals, with 零 for inner gaps (1005 → 一千零五)."""
    text = ""
    pending_zero = False
    for position in range(3, -1, -1):
        digit = group // 10**position % 10
        if digit == 0:
            pending_zero = bool(text)
            continue
        if pending_zero:
            text += DIGITS[0]
            pending_zero = False
        text += DIGITS[digit] + SMALL_UNITS[position]
    return text


def cn_ordinal(value: Any) -> str:
    """Return the ordinal used to list measures: 1 → 一是, 2 → 二是."""
    return cn_numeral(value) + "是"


def cn_enumerate(items: Iterable[Any]) -> str:
    """Join items as a Chinese enumeration: 一是……二是……, each item keeping its own 。."""
    texts = _texts(items, "cn_enumerate")
    return "".join(cn_ordinal(index) + text for index, text in enumerate(texts, start=1))


def join_cn(items: Iterable[Any]) -> str:
    """Join items with the enumeration comma: 张三、李四、王二."""
    return "、".join(_texts(items, "join_cn"))


def quoted(items: Iterable[Any] | str) -> str:
    """Quote each item with Chinese quotation marks and join them: “电工”、“钳工”."""
    if isinstance(items, str):
        return f"“{items}”"
    return "、".join(f"“{text}”" for text in _texts(items, "quoted"))


def amount(
    value: Any,
    scale: str | None = None,
    precision: int = 0,
    qualifier: str | None = None,
) -> str:
    """Return a number as Chinese prose, e.g. 398000000 in 亿 with 近 as 近4亿.

    ``scale`` is 万 or 亿 (or None for the plain number); ``qualifier`` is
    近/约 (before the number) or 多/余 (after it, before the scale). A 多/余
    figure is rounded down, since 40多万 means at least 40万; any other is
    rounded half up.
    """
    number = _number(value, "amount")
    if scale is not None:
        if scale not in SCALES:
            raise InvalidValue(UNKNOWN_SCALE(scale=scale))
        number /= SCALES[scale]
    if qualifier is not None and qualifier not in QUALIFIERS:
        raise InvalidValue(UNKNOWN_QUALIFIER(qualifier=qualifier, known=QUALIFIERS))
    rounding = ROUND_DOWN if qualifier in SUFFIX_QUALIFIERS else ROUND_HALF_UP
    quantum = Decimal(1).scaleb(-precision)
    text = format(number.quantize(quantum, rounding=rounding), "f")
    before = qualifier if qualifier in PREFIX_QUALIFIERS else ""
    after = qualifier if qualifier in SUFFIX_QUALIFIERS else ""
    return f"{before}{text}{after}{scale or ''}"


def percent(value: Any, precision: int = 0) -> str:
    """Return a fraction as a percentage: 0.37 → 37%, or 35.1% for 0.3514 at precision 1."""
    number = _number(value, "percent") * 100
    quantum = Decimal(1).scaleb(-precision)
    return format(number.quantize(quantum, rounding=ROUND_HALF_UP), "f") + "%"


def cn_change(figure: Any, precision: int = 0) -> str:
    """Return a figure's change against its previous period in words: 增长25%, 下降4.5%, 持平.

    The figure must have ``previous`` (not 0); a template that cannot be sure of it
    guards the sentence with ``{% if x.previous %}``.
    """
    if awaits_data(figure):
        return str(figure)  # -- awaits its value, which is reported already --
    previous = getattr(figure, "previous", None)
    name = getattr(figure, "name", None) or THE_FIGURE()
    if previous is None:
        raise InvalidValue(NO_PREVIOUS(name=name))
    if previous == 0:
        raise InvalidValue(PREVIOUS_ZERO(name=name))
    before = _number(previous, "cn_change")
    change = (_number(figure, "cn_change") - before) / before
    text = percent(abs(change), precision)
    if Decimal(text.removesuffix("%")) == 0:
        return "持平"
    return ("增长" if change > 0 else "下降") + text


def cn_date(value: dt.date | str) -> str:
    """Return a date in the layout's form, Arabic digits without padding: 2023年4月19日.

    Text is read as clerks write dates: 2023-04-19, 2023.4.19, 2023/4/19 or 2023年4月19日.
    """
    if isinstance(value, str):
        parsed = parse_date(value)
        if parsed is None:
            raise InvalidValue(NOT_A_DATE(text=value))
        value = parsed
    if not isinstance(value, dt.date):
        raise InvalidValue(NOT_A_DATE(text=str(value)))
    return f"{value.year}年{value.month}月{value.day}日"


_FULLWIDTH = str.maketrans(
    {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
)


def fullwidth(text: Any) -> str:
    """Return ``text`` with half-width punctuation between Chinese text made full-width.

    Only , ; : ? ! ( ) are changed, and only where a CJK character stands on
    either side, so numbers such as 1,000 and Latin text keep their punctuation.
    """
    source = str(text)
    result = []
    for index, char in enumerate(source):
        if char in ",;:?!()":
            before = source[index - 1] if index else ""
            after = source[index + 1] if index + 1 < len(source) else ""
            if _is_cjk(before) or _is_cjk(after):
                char = char.translate(_FULLWIDTH)
        result.append(char)
    return "".join(result)


def _is_cjk(char: str) -> bool:
    return bool(char) and ("\u4e00" <= char <= "\u9fff" or "\u3000" <= char <= "\u303f")


def awaits_data(value: Any) -> bool:
    """Return whether ``value`` stands in for data still to enter, or that failed its check."""
    return getattr(value, "missing", False) is True


def _passing_through(function: Callable[..., str]) -> Callable[..., str]:
    """Return ``function`` as a filter that prints a value awaiting data as that value prints.

    A figure still to enter prints 【待填写】 through every filter, and is reported once, as
    the figure it is, not again by each filter that could not read it.
    """

    @functools.wraps(function)
    def filter_(value: Any, *args: Any, **kwargs: Any) -> str:
        if awaits_data(value):
            return str(value)
        return function(value, *args, **kwargs)

    return filter_


#: Every filter reportgen adds to Jinja, by the name templates use.
FILTERS: dict[str, Callable[..., str]] = {
    name: _passing_through(function)
    for name, function in {
        "cn_numeral": cn_numeral,
        "cn_ordinal": cn_ordinal,
        "cn_enumerate": cn_enumerate,
        "join_cn": join_cn,
        "quoted": quoted,
        "amount": amount,
        "percent": percent,
        "cn_date": cn_date,
        "cn_change": cn_change,
        "fullwidth": fullwidth,
        "title_lines": title_lines,
    }.items()
}
