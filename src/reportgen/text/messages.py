"""The messages of Chinese text handling, in English and Chinese (see :mod:`reportgen.i18n`)."""

from __future__ import annotations

from reportgen.i18n import MessageKind

DATE_IMPOSSIBLE = MessageKind(
    "text.date-impossible",
    en="'{text}' is not a date that exists ({reason}): check the month and day",
    zh="“{text}”不是一个存在的日期（{reason}）：请核对月份和日期",
)
NO_SUCH_MONTH = MessageKind(
    "text.no-such-month", en="there is no month {month}", zh="没有{month}月"
)
NO_SUCH_DAY = MessageKind(
    "text.no-such-day",
    en="month {month} of {year} has {days} days",
    zh="{year}年{month}月只有{days}天",
)
NOT_A_DATE = MessageKind(
    "text.not-a-date",
    en="cn_date prints a date, and '{text}' is none: write it as 2024年1月15日 or 2024-01-15",
    zh="cn_date 只能印日期，而“{text}”不是日期：请写作 2024年1月15日 或 2024-01-15",
)
