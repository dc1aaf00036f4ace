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

# -- what may not be printed --
PRINTS_NOTHING = MessageKind(
    "text.prints-nothing",
    en="has no value (~ or nothing in the data), which would print as None: write a value in "
    "the data, or print it only {{% if … %}} it has one",
    zh="没有值（数据中为 ~ 或空），印出来会是 None：请在数据中填写，或用 {{% if … %}} 在有值时才印",
)
PRINTS_TRUE_OR_FALSE = MessageKind(
    "text.prints-true-or-false",
    en="is true or false, which would print as {value}: test it with {{% if … %}}, or write "
    "text in the data",
    zh="是真假值，印出来会是 {value}：请在 {{% if … %}} 中使用它，或在数据中写成文字",
)
PRINTS_METHOD = MessageKind(
    "text.prints-method",
    en="is not in the data: the value before '{name}' is {owner}, which has no field '{name}' "
    "(it would print a method as program text): check the field's name, or write that value "
    "in the data as fields",
    zh="数据中没有这一项：“{name}”前面的值是{owner}，没有名为“{name}”的字段（印出来会是一段程序文字）："
    "请核对字段名，或在数据中把那一项写成含字段的形式",
)
PRINTS_LIST = MessageKind(
    "text.prints-list",
    en="is a list, which would print as ['…', …]: print its items with {{%p for … %}}, or "
    "join them with | join_cn",
    zh="是一个列表，直接印出来会是 ['…', …] 这样的程序文字：请用 {{%p for … %}} 逐项印出，"
    "或用 | join_cn 连成一句",
)
PRINTS_FIELDS = MessageKind(
    "text.prints-fields",
    en="holds fields ({names}), which would print as program text: print one of them, such as "
    ".{example}",
    zh="含有多个字段（{names}），直接印出来会是程序文字：请印出其中一个，如 .{example}",
)
PRINTS_OBJECT = MessageKind(
    "text.prints-object",
    en="is a {kind}, which would print as program text, not as text of the data",
    zh="是 {kind} 类型的值，印出来会是程序文字，而不是数据中的文字",
)

# -- what a filter was given --
NEEDS_NUMBER = MessageKind(
    "text.needs-number",
    en="{filter} prints a number, and '{value}' is none: write a number in the data",
    zh="{filter} 只能印数字，而“{value}”不是数字：请在数据中填写数字",
)
ITEMS_NOT_TEXT = MessageKind(
    "text.items-not-text",
    en="{filter} joins text, and an item of the list {reason}",
    zh="{filter} 只能连接文字，而列表中有一项{reason}",
)
NO_PREVIOUS = MessageKind(
    "text.no-previous",
    en="{name} has no previous value to compare with: give it previous: …",
    zh="{name} 没有上一周期的数值，无法比较：请为它填写 previous: …",
)
PREVIOUS_ZERO = MessageKind(
    "text.previous-zero",
    en="{name} was 0 in the previous period: a change has no percentage",
    zh="{name} 上一周期为 0，增减无法用百分比表示：请改写这句话",
)
