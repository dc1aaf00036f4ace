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
#: Text begun as a date (2024年1…, 2024-1…), whole or not: meant as a date, so never read as
#: text of the clerk's own. 2023年度 is not begun as one.
DATE_BEGUN = re.compile(r"\s*\d{4}\s*(?:年\s*\d|[-./]\s*\d)")


class Date(dt.date):
    """A date that prints as the layout writes dates: 2024年1月15日."""

    def __str__(self) -> str:
        return f"{self.year}年{self.month}月{self.day}日"

    @classmethod
    def of(cls, value: dt.date) -> Date:
        """Return ``value`` as a Date (the time of a datetime is left out)."""
        return cls(value.year, value.month, value.day)


def parse_date(text: str) -> Date | None:
    """Return the date ``text`` is written as, or None if it is not written as a date.

    Raise InvalidValue when it is written as a date that does not exist (2024年2月30日).
    """
    match = DATE_FORMS.fullmatch(text.strip())
    if match is None:
        return None
    year = int(match["year"])
    month = int(match["month"] or match["cn_month"])
    day = int(match["day"] or match["cn_day"])
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
