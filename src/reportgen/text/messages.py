"""The messages of Chinese text handling and of the sandbox, in English and Chinese."""

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

# -- the sandbox's bounds --
VALUE_TOO_LARGE = MessageKind(
    "sandbox.value-too-large",
    en="makes a text or list of {size} characters or items, more than the {limit} one value "
    "may hold: make it shorter",
    zh="生成的文字或列表有 {size} 个字符或项，超过单个值的上限 {limit}：请缩短",
)
WIDTH_TOO_LARGE = MessageKind(
    "sandbox.width-too-large",
    en="asks for a width or count of {size}, more than the {limit} a value may hold: "
    "give a smaller number",
    zh="要求的宽度或数量为 {size}，超过上限 {limit}：请改用较小的数",
)
STAR_WIDTH = MessageKind(
    "sandbox.star-width",
    en="takes a width from * in a format, which reportgen does not allow: write the width as "
    "a number",
    zh="格式中用 * 指定宽度，reportgen 不允许这样写：请直接写出宽度数字",
)
NUMBER_TOO_LARGE = MessageKind(
    "sandbox.number-too-large",
    en="makes a number of more than {limit} digits: compute a smaller one",
    zh="计算出的数字超过 {limit} 位：请改为计算较小的数",
)
TOO_MANY_LOOPS = MessageKind(
    "sandbox.too-many-loops",
    en="loops more than {limit} times in one document: loop over fewer items",
    zh="一份文档中的循环超过 {limit} 次：请减少循环的项数",
)
DOCUMENT_TOO_LARGE = MessageKind(
    "sandbox.document-too-large",
    en="renders more than {limit} characters of XML: render less, or split the report",
    zh="生成的 XML 超过 {limit} 个字符：请减少生成的内容，或拆分报告",
)
TOO_SLOW = MessageKind(
    "sandbox.too-slow",
    en="takes longer than {limit} seconds to render: loop over fewer items, or simplify the "
    "filters",
    zh="生成时间超过 {limit} 秒：请减少循环的项数，或简化过滤器",
)
TOO_DEEP = MessageKind(
    "sandbox.too-deep",
    en="nests blocks or calls itself too deeply: nest fewer blocks, or end the recursion",
    zh="块嵌套或自我调用层数过多：请减少嵌套，或让递归结束",
)
