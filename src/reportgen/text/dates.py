"""Dates as clerks write them: 2024年1月15日, 2024-01-15, 2024.1.15, 2024/1/15.

A date in the data becomes a :class:`Date`, which prints in the layout's form (2024年1月15日)
wherever a template prints it, with or without ``| cn_date``. Text that is written as a date
but names none (2024年2月30日) is an error the caller places at its file and line.
"""

from __future__ import annotations

import datetime as dt
import re

from reportgen.errors import InvalidValue
from reportgen.text.messages import DATE_IMPOSSIBLE, NO_SUCH_DAY, NO_SUCH_MONTH

#: The forms of a date, whole: year, month and day in Arabic digits (full-width ones too);
#: the day may end in 号, as it is said (2024年1月15号), and spaces may stand around 年 and 月.
DATE_FORMS = re.compile(
    r"(?P<year>\d{4})(?:(?P<separator>[-./])(?P<month>\d{1,2})(?P=separator)(?P<day>\d{1,2})"
    r"|\s*年\s*(?P<cn_month>\d{1,2})\s*月\s*(?P<cn_day>\d{1,2})\s*[日号])"
)
#: A date in Chinese numerals, as 成文日期 were written before GB/T 9704-2012: 二〇二四年一月十五日
#: (〇 also typed as ○, 零 or O).
NUMERAL_DATE = re.compile(
    r"(?P<year>[〇○零OＯ一二三四五六七八九]{4})\s*年\s*(?P<month>[一二三四五六七八九十]{1,2})\s*月"
    r"\s*(?P<day>[一二三四五六七八九十]{1,3})\s*[日号]"
)
_NUMERALS = {char: index for index, char in enumerate("〇一二三四五六七八九")} | {
    "○": 0, "零": 0, "O": 0, "Ｏ": 0,
}  # fmt: skip
#: Text begun as a date (2024年1…, 2024-1…, 二〇二四年一…), whole or not: meant as a date, so
#: never read as text of the clerk's own. 2023年度 is not begun as one.
DATE_BEGUN = re.compile(
    r"\s*(?:\d{4}\s*(?:年\s*\d|[-./]\s*\d)|[〇○零OＯ一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十])"
)


class Date(dt.date):
    """A date that prints as the layout writes dates: 2024年1月15日."""

    def __str__(self) -> str:
        return f"{self.year}年{self.month}月{self.day}日"

    @classmethod
    def of(cls, value: dt.date) -> Date:
        """Return ``value`` as a Date (the time of a datetime is left out)."""
        return cls(value.year, value.month, value.day)


class DateTime(dt.datetime):
    """A date with its time of day, as a sheet's cell holds one: 2024年1月15日 9:30."""

    def __str__(self) -> str:
        return f"{self.year}年{self.month}月{self.day}日 {self.hour}:{self.minute:02d}"


def shown_date(value: dt.date) -> dt.date:
    """Return a sheet's date cell as it prints: 2024年1月15日, with its time when it has one."""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return Date.of(value)
        return DateTime(value.year, value.month, value.day, value.hour, value.minute, value.second)
    return Date.of(value)


def parse_date(text: str) -> Date | None:
    """Return the date ``text`` is written as, or None if it is not written as a date.

    Raise InvalidValue when it is written as a date that does not exist (2024年2月30日).
    """
    match = DATE_FORMS.fullmatch(text.strip())
    if match is not None:
        year = int(match["year"])
        month = int(match["month"] or match["cn_month"])
        day = int(match["day"] or match["cn_day"])
    elif written := NUMERAL_DATE.fullmatch(text.strip()):
        year = int("".join(str(_NUMERALS[char]) for char in written["year"]))
        month, day = _numeral(written["month"]), _numeral(written["day"])
    else:
        return None
    return _existing(text, year, month, day)


def _numeral(written: str) -> int:
    """Return a month's or a day's number written in Chinese numerals: 十五 → 15, 二十 → 20.

    A form no month or day has (十十) comes as 0, which no month or day is.
    """
    tens, ten, ones = written.partition("十")
    if not ten:
        return _NUMERALS[written] if len(written) == 1 else 0
    if len(tens) > 1 or len(ones) > 1 or tens == "一":
        return 0
    return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[ones] if ones else 0)


def _existing(text: str, year: int, month: int, day: int) -> Date:
    """Return the date, or raise InvalidValue naming what does not exist."""
    if not 1 <= month <= 12:
        raise InvalidValue(DATE_IMPOSSIBLE(text=text, reason=NO_SUCH_MONTH(month=month)))
    days = _days_in_month(year, month) if dt.MINYEAR <= year <= dt.MAXYEAR else 31
    if not 1 <= day <= days or year < dt.MINYEAR:
        reason = NO_SUCH_DAY(year=year, month=month, days=days)
        raise InvalidValue(DATE_IMPOSSIBLE(text=text, reason=reason))
    return Date(year, month, day)


def is_begun_date(text: str) -> bool:
    """Return whether ``text`` begins as a date does (2024年1月, 2024-01): meant as one."""
    return DATE_BEGUN.match(text) is not None


def _days_in_month(year: int, month: int) -> int:
    """Return how many days ``month`` of ``year`` has (without importing calendar)."""
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.date(year, month, 1)).days
