"""The messages of text: encodings, dates, what may be printed, Jinja's errors, the sandbox."""

from __future__ import annotations

from reportgen.i18n import MessageKind

#: How to save a file as UTF-8, in the programs a clerk has.
_SAVE_AS_UTF8_EN = (
    "save it as UTF-8: in Notepad, File > Save As, Encoding “UTF-8”; in WPS, "
    "File > Save As, then Tools > Encoding “UTF-8”; a table in Excel, Save As "
    "“CSV UTF-8 (Comma delimited)”"
)
_SAVE_AS_UTF8_ZH = (
    "请另存为 UTF-8 编码：记事本中点“文件→另存为”，编码选“UTF-8”；WPS 中点“文件→另存为”，"
    "再在“工具→编码”中选“UTF-8”；Excel 表格“另存为”时，文件类型选“CSV UTF-8（逗号分隔）”"
)

NOT_TEXT_ENCODING = MessageKind(
    "text.unknown-encoding",
    en="cannot read the text: it is neither UTF-8 nor GBK (first unreadable byte at "
    "line {line}); " + _SAVE_AS_UTF8_EN,
    zh="无法读取文字：文件既不是 UTF-8 编码，也不是 GBK 编码（第{line}行起无法识别）。"
    + _SAVE_AS_UTF8_ZH,
)
READ_AS_GB18030 = MessageKind(
    "text.read-as-gb18030",
    en="the file is not UTF-8; it was read as GBK (what Notepad calls “ANSI” and Excel "
    "saves as CSV on Chinese Windows). To be sure every program reads it right, "
    + _SAVE_AS_UTF8_EN,
    zh="文件不是 UTF-8 编码，已按 GBK 编码读取（记事本的“ANSI”、中文 Windows 上 Excel "
    "存的 CSV 都是这种编码）。为确保各处都能正确读取，" + _SAVE_AS_UTF8_ZH,
)
UTF16_DAMAGED = MessageKind(
    "text.utf16-damaged",
    en="cannot read the text: it starts as UTF-16 (Notepad's “Unicode”) but is damaged "
    "at line {line}; " + _SAVE_AS_UTF8_EN,
    zh="无法读取文字：文件开头标明是 UTF-16 编码（记事本的“Unicode”），但第{line}行起已损坏。"
    + _SAVE_AS_UTF8_ZH,
)
ZIP_NOT_TEXT = MessageKind(
    "text.zip-not-text",
    en="this is a Word or Excel file, not text: open it in Word, WPS or Excel and save it "
    "as text (a table as “CSV UTF-8”), or copy its contents into a text file",
    zh="这是 Word 或 Excel 文件，不是文本文件：请用 Word、WPS 或 Excel 打开，另存为文本"
    "（表格存为“CSV UTF-8”），或把内容复制到文本文件中",
)
OLE_NOT_TEXT = MessageKind(
    "text.ole-not-text",
    en="this is an old Word or Excel file (.doc or .xls), not text: open it in Word, WPS or "
    "Excel and save it as text (a table as “CSV UTF-8”)",
    zh="这是旧版 Word 或 Excel 文件（.doc 或 .xls），不是文本文件：请用 Word、WPS 或 Excel "
    "打开，另存为文本（表格存为“CSV UTF-8”）",
)

# -- Jinja: a tag that cannot be read (syntax), and a value that cannot be printed (runtime) --

TOKEN_PRINT_END = MessageKind("jinja.token.print-end", en="the closing }}}}", zh="结尾的 }}}}")
TOKEN_BLOCK_END = MessageKind("jinja.token.block-end", en="the closing %}}", zh="结尾的 %}}")
TOKEN_COMMENT_END = MessageKind("jinja.token.comment-end", en="the closing #}}", zh="结尾的 #}}")
TOKEN_END = MessageKind("jinja.token.end", en="the end of the tag", zh="标签的结尾")
TOKEN_NAME = MessageKind("jinja.token.name", en="a name", zh="名称")
TOKEN_NUMBER = MessageKind("jinja.token.number", en="a number", zh="数字")
TOKEN_STRING = MessageKind("jinja.token.string", en="text in quotes", zh="带引号的文字")
TOKEN_TEXT = MessageKind("jinja.token.text", en="plain text", zh="普通文字")
TOKEN_LITERAL = MessageKind("jinja.token.literal", en="'{text}'", zh="“{text}”")

TAG_UNFINISHED = MessageKind(
    "jinja.unfinished",
    en="the tag ends before it is complete: a closing bracket, quote or }}}} is missing",
    zh="标签没写完就结束了：少了右括号、引号或 }}}}",
)
EXPECTED_TOKEN = MessageKind(
    "jinja.expected",
    en="expected {expected} here, not {found}",
    zh="这里应为{expected}，却是{found}",
)
ENDS_TOO_EARLY = MessageKind(
    "jinja.ends-too-early",
    en="the tag ends too early: something is missing before {found}",
    zh="标签提前结束了：{found}前面缺了内容",
)
CANNOT_STAND_HERE = MessageKind(
    "jinja.cannot-stand-here", en="{found} cannot stand here", zh="这里不能出现{found}"
)
MISMATCHED_BRACKET = MessageKind(
    "jinja.mismatched-bracket",
    en="the brackets do not match: {found} where {expected} should close",
    zh="括号不配对：这里应为{expected}，却是{found}",
)
BAD_CHARACTER = MessageKind(
    "jinja.bad-character",
    en="the character {char} cannot stand in a tag (a Chinese punctuation mark typed for an "
    "English one?)",
    zh="标签里不能有{char}这个字符（是否把英文标点打成了中文标点？）",
)
INVISIBLE_CHARACTER = MessageKind(
    "jinja.invisible-character",
    en="the tag holds an invisible character ({code}, brought in by a copy from a web page or a "
    "chat): delete the tag and type it again",
    zh="标签里有一个看不见的字符（{code}，多是从网页或微信中复制带来的）：请删掉这个标签，重新输入",
)
UNKNOWN_TAG = MessageKind(
    "jinja.unknown-tag",
    en="there is no tag '{name}' (a typo?)",
    zh="没有“{name}”这种标签（是否写错了？）",
)
UNEXPECTED_TAG = MessageKind(
    "jinja.unexpected-tag",
    en="'{name}' does not close the block open here: {expected} should come first",
    zh="“{name}”与前面打开的块不配对：应先写{expected}",
)
UNCLOSED_BLOCK = MessageKind(
    "jinja.unclosed-block",
    en="the {block} block is never closed: add {{% end{block} %}}",
    zh="{block} 块没有结束：请加上 {{% end{block} %}}",
)
TAG_NAME_EXPECTED = MessageKind(
    "jinja.tag-name-expected",
    en="a {{% %}} tag must start with a word such as if or for",
    zh="{{% %}} 标签应以 if、for 等词开头",
)
VALUE_EXPECTED = MessageKind(
    "jinja.value-expected",
    en="a value is missing before {found}",
    zh="{found}前面缺少一个值",
)
NAME_AFTER_DOT = MessageKind(
    "jinja.name-after-dot",
    en="a name or number must follow the dot",
    zh="点号后面应为名称或数字",
)
BAD_NAME = MessageKind(
    "jinja.bad-name",
    en="a name may hold letters, digits and _ only",
    zh="名称只能由字母、数字和 _ 组成",
)
NO_SUCH_FILTER = MessageKind(
    "jinja.no-filter", en="unknown filter '{name}'{hint}", zh="没有“{name}”这个过滤器{hint}"
)
FILTERS_THERE_ARE = MessageKind(
    "jinja.filters-there-are",
    en=": reportgen's filters are {filters}, beside Jinja's own (join, upper, …); a filter "
    "another program defined for its templates is none of them: print the value as it is, "
    "or write it in the data as it should print",
    zh="：reportgen 的过滤器有 {filters}，以及 Jinja 自带的（join、upper 等）；别的程序为自己的"
    "模板定义的过滤器不在其中：请直接印出这个值，或在数据中写成要印出的样子",
)
NO_SUCH_TEST = MessageKind(
    "jinja.no-test",
    en="unknown test '{name}'{hint}",
    zh="没有“{name}”这个判断（is 后面的词）{hint}",
)
SYNTAX_OTHER = MessageKind(
    "jinja.syntax-other",
    en="the tag cannot be read ({detail})",
    zh="标签写法有误，无法读取：请检查括号、引号和运算符（Jinja 的原文：“{detail}”）",
)

UNDEFINED_NAME = MessageKind("jinja.undefined", en="'{name}' is undefined", zh="数据中没有“{name}”")
UNDEFINED_WITH_HINT = MessageKind(
    "jinja.undefined-hint", en="'{name}' is undefined{hint}", zh="数据中没有“{name}”{hint}"
)
NO_ATTRIBUTE = MessageKind(
    "jinja.no-attribute", en="the value has no '{name}'", zh="这个值没有“{name}”这一项"
)
FILTER_NEEDS_MAPPING = MessageKind(
    "jinja.filter-needs-mapping",
    en="a filter here asks the value for its '{name}', which this value does not have: "
    "dictsort and xmlattr take fields of the data's own (a line 'name: value' each)",
    zh="这里的过滤器要取值的“{name}”，而这个值没有：dictsort、xmlattr 只能用于数据中自己写的"
    "一组字段（每行一个“名称: 值”）",
)
NO_ELEMENT = MessageKind(
    "jinja.no-element", en="the list has no item {index}", zh="列表中没有第 {index} 项"
)
NOT_ALLOWED_ATTRIBUTE = MessageKind(
    "jinja.not-allowed-attribute",
    en="not allowed: '{name}' reaches into Python, not into the data",
    zh="不允许：“{name}”是 Python 内部的东西，不是数据",
)
NOT_ALLOWED = MessageKind(
    "jinja.not-allowed",
    en="not allowed: a tag may only print and compute the data",
    zh="不允许：标签只能印出和计算数据",
)
DIVISION_BY_ZERO = MessageKind(
    "jinja.division-by-zero",
    en="cannot divide by zero: check the figure divided by",
    zh="除数为零，无法计算：请检查作除数的数字",
)
WRONG_TYPES = MessageKind(
    "jinja.wrong-types",
    en="text and numbers cannot be computed or compared together: check that each figure is "
    "a number, not text",
    zh="文字和数字不能一起计算或比较：请检查数字是否写成了文字",
)
RANGE_TOO_LONG = MessageKind(
    "jinja.range-too-long",
    en="range(…) would count more than {limit} numbers: loop over fewer",
    zh="range(…) 要数的数超过 {limit} 个：请减少循环次数",
)
NOT_A_LIST = MessageKind(
    "jinja.not-a-list",
    en="the value is not a list, so it cannot be looped over or joined",
    zh="这个值不是列表，不能逐项列出或连接",
)
NOT_A_FUNCTION = MessageKind(
    "jinja.not-a-function",
    en="a name written with ( ) after it is called as a function, and the data gives values, "
    "not functions: write the name without ( ), as in {{{{ name }}}}; a record's names and "
    "values are listed as {{%p for name, value in record.items() %}}",
    zh="名字后面带括号（）就是当作函数调用，而数据给出的是值，不是函数："
    "请去掉名字后的括号，如 {{{{ name }}}}；要逐项列出一组字段的名称和值，请写 "
    "{{%p for name, value in record.items() %}}",
)
NOT_A_NUMBER = MessageKind(
    "jinja.not-a-number",
    en="this can be done with a number only: check that the value is a number, not text",
    zh="只有数字才能这样计算：请检查这个值是不是数字，而不是文字",
)
MISSING_ARGUMENT = MessageKind(
    "jinja.missing-argument",
    en="'{name}' needs more in its brackets ({arguments}): add it, as in {name}(…)",
    zh="“{name}”的括号里少写了内容（{arguments}）：请补上，写成 {name}(…)",
)
TOO_MANY_ARGUMENTS = MessageKind(
    "jinja.too-many-arguments",
    en="'{name}' was given more in its brackets than it takes: remove what is extra",
    zh="“{name}”的括号里写多了：请删去多余的内容",
)
NO_OTHER_TEMPLATES = MessageKind(
    "jinja.no-other-templates",
    en="a template cannot take in another template (include, import, extends): write what it "
    "needs into this template",
    zh="模板不能引入别的模板（include、import、extends）：请把要用的内容直接写进这个模板",
)
CANNOT_PRINT = MessageKind(
    "jinja.cannot-print",
    en="cannot compute or print the value ({detail})",
    zh="无法计算或印出这个值（Python 的原文：“{detail}”）",
)
NESTED_TOO_DEEP = MessageKind(
    "jinja.too-deep",
    en="nested too deeply to read (hundreds of brackets?)",
    zh="嵌套太深，无法读取（是否有几百层括号？）",
)

# -- the filters --

UNKNOWN_SCALE = MessageKind(
    "filter.unknown-scale",
    en="unknown scale '{scale}': use 万 or 亿",
    zh="没有“{scale}”这种单位：请用万或亿",
)
UNKNOWN_QUALIFIER = MessageKind(
    "filter.unknown-qualifier",
    en="unknown qualifier '{qualifier}': use one of {known}",
    zh="没有“{qualifier}”这种约数写法：请用{known}之一",
)
NO_PREVIOUS = MessageKind(
    "filter.no-previous",
    en="{name} has no previous value to compare with: give it previous: …",
    zh="“{name}”没有上一周期的数值，无法比较：请给它写上 previous: …",
)
PREVIOUS_ZERO = MessageKind(
    "filter.previous-zero",
    en="{name} was 0 in the previous period: a change has no percentage",
    zh="“{name}”上一周期为 0，无法算出增减的百分比",
)
THE_FIGURE = MessageKind("filter.the-figure", en="the figure", zh="这个数字")


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
NEEDS_NUMBER_ADVISED = MessageKind(
    "text.needs-number-advised",
    en="{filter} prints a number, and '{value}' is none: {advice}",
    zh="{filter} 只能印数字，而“{value}”不是数字：{advice}",
)
ITEMS_NOT_TEXT = MessageKind(
    "text.items-not-text",
    en="{filter} joins text, and an item of the list {reason}",
    zh="{filter} 只能连接文字，而列表中有一项{reason}",
)

# -- the sandbox: a template or prose beyond one of its bounds --
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
