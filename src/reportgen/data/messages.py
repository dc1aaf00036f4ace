"""The messages of the data stage, in English and Chinese (see :mod:`reportgen.i18n`)."""

from __future__ import annotations

from reportgen.i18n import MessageKind

# -- how a value found in a file is named --
SHOWN_TEXT = MessageKind("data.shown-text", en="the text '{text}'", zh="文字“{text}”")
SHOWN_NOTHING = MessageKind("data.shown-nothing", en="nothing", zh="空值")
SHOWN_BOOLEAN = MessageKind("data.shown-boolean", en="true or false", zh="真假值（true/false）")
SHOWN_NUMBER = MessageKind("data.shown-number", en="the number {number}", zh="数字 {number}")
SHOWN_LIST = MessageKind("data.shown-list", en="a list", zh="列表")
SHOWN_FIELDS = MessageKind(
    "data.shown-fields", en="fields (name: value)", zh="一组字段（名称: 值）"
)
SHOWN_DATE = MessageKind("data.shown-date", en="the date {date}", zh="日期 {date}")
SHOWN_OTHER = MessageKind("data.shown-other", en="a {kind}", zh="{kind} 类型的值")

# -- what a file's structure lacks or has too much of --
UNKNOWN_FIELD = MessageKind(
    "data.unknown-field",
    en="unknown field '{key}'{hint}",
    zh="没有“{key}”这个字段{hint}",
)
MISSING_FIELD = MessageKind(
    "data.missing-field", en="missing required field", zh="缺少必填字段：请补上"
)
ONE_MORE_NAME = MessageKind(
    "data.one-more-name",
    en="needs one more name: write two, like [adopted, collected]",
    zh="还缺一个名称：请写两个，如 [adopted, collected]",
)
NOT_A_LIST = MessageKind(
    "data.not-a-list",
    en="should be a list (one '- item' a line, or [a, b]), not {shown}",
    zh="应为列表（每行一个“- 项目”，或写作 [甲, 乙]），而不是{shown}",
)
EMPTY_LIST = MessageKind("data.empty-list", en="should have at least one item", zh="至少要有一项")
NOT_FIELDS = MessageKind(
    "data.not-fields",
    en="should hold fields (name: value), not {shown}",
    zh="应为一组字段（每行“名称: 值”），而不是{shown}",
)
NOT_TWO_NAMES = MessageKind(
    "data.not-two-names",
    en="should be two names, like [adopted, collected], not {shown}",
    zh="应为两个名称，如 [adopted, collected]，而不是{shown}",
)
NOT_A_FIELD_NAME = MessageKind(
    "data.not-a-field-name", en="{shown} is not a field name", zh="{shown}不能用作字段名"
)
NUMBER_OR_FIGURE = MessageKind(
    "data.number-or-figure",
    en="should be a number, or a mapping with value",
    zh="应为数字，或含 value 的一组字段",
)
NOT_ONE_OF = MessageKind(
    "data.not-one-of",
    en="should be {choices}, not '{value}'",
    zh="应为 {choices} 之一，而不是“{value}”",
)
NOT_A_WHOLE_NUMBER = MessageKind(
    "data.not-a-whole-number",
    en="should be a whole number, not {shown}",
    zh="应为整数，而不是{shown}",
)
INVALID = MessageKind("data.invalid", en="{detail}", zh="填写有误（{detail}）")

# -- one value --
CONTROL_CHARACTER = MessageKind(
    "data.control-character",
    en="contains the control character U+{code} at character {position} (pasted from another "
    "program?): delete it",
    zh="第 {position} 个字符是看不见的控制字符 U+{code}（可能是从其他程序粘贴来的）：请删除它",
)
TEXT_EMPTY = MessageKind("data.text-empty", en="is empty: write the text", zh="是空的：请填写文字")
NOT_TEXT = MessageKind(
    "data.not-text", en="should be text, not {shown}", zh="应为文字，而不是{shown}"
)
NO_FIGURE_VALUE = MessageKind(
    "data.no-figure-value", en="has no value: enter the figure", zh="没有数值：请填写这个数字"
)
NOT_A_NUMBER = MessageKind(
    "data.not-a-number", en="should be a number, not {shown}", zh="应为数字，而不是{shown}"
)
NOT_FINITE = MessageKind(
    "data.not-finite",
    en="should be a finite number, not {value}",
    zh="应为有限的数字，而不是 {value}",
)
NEGATIVE = MessageKind(
    "data.negative",
    en="should not be negative (it is {value})",
    zh="不能是负数（现在是 {value}）",
)
BAD_NAME = MessageKind(
    "data.bad-name",
    en="'{name}' cannot be used as a name: use letters, digits and _ , not starting with a digit",
    zh="“{name}”不能用作名称：请只用字母（可以是汉字）、数字和 _，且不以数字开头",
)
CONSTANT_NAME = MessageKind(
    "data.constant-name",
    en="'{name}' cannot be used as a name: the text reads it as a constant",
    zh="“{name}”不能用作名称：正文会把它当作常量（true、false、none）",
)
HOLDS_TAG = MessageKind(
    "data.holds-tag",
    en="holds '{delimiter}', which is read as a template tag: this text is printed as it is, so "
    "write it without double braces",
    zh="含有“{delimiter}”，会被当作模板标签：这段文字按原样印出，请不要写双花括号",
)
VALUE_AND_BY_YEAR = MessageKind(
    "data.value-and-by-year",
    en="give either value or by_year, not both (the total is computed)",
    zh="value 和 by_year 只能写一个（合计会自动算出）",
)
ONE_OPERATION = MessageKind(
    "data.one-operation",
    en="give exactly one of share, growth, sum, difference{found}",
    zh="share、growth、sum、difference 须写且只写一个{found}",
)
OPERATIONS_FOUND = MessageKind(
    "data.operations-found", en=" (found {names})", zh="（现有 {names}）"
)
END_BEFORE_START = MessageKind(
    "data.end-before-start",
    en="end ({end}) is before start ({start})",
    zh="截止年份（{end}）早于起始年份（{start}）",
)
UNREADABLE_BRACES = MessageKind(
    "data.unreadable-braces",
    en="cannot read the braces ({error}): write {{row.name}}",
    zh="花括号不配对（{error}）：请写作 {{row.name}} 这样的形式",
)
UNKNOWN_PLACEHOLDER = MessageKind(
    "data.unknown-placeholder",
    en="cannot use {{{name}}}: write {{row.column}} for a column of the table, or one of {facts}",
    zh="不能使用 {{{name}}}：表格的列请写 {{row.列名}}，或使用 {facts} 之一",
)
REPORT_PLACEHOLDER_ONLY = MessageKind(
    "data.report-placeholder-only",
    en="cannot use {{{name}}}: use one of {facts}",
    zh="不能使用 {{{name}}}：只能使用 {facts}",
)
TABLE_FILE_NAME_ONLY = MessageKind(
    "data.table-file-name-only",
    en="give the file name only: the table sits beside report.yaml",
    zh="只写文件名：表格文件须与 report.yaml 放在同一文件夹",
)
TABLE_FILE_TYPE = MessageKind(
    "data.table-file-type",
    en="'{name}' should be a .csv or .yaml file",
    zh="“{name}”应为 .csv 或 .yaml 文件",
)
OUTPUT_NEEDS_COLUMN = MessageKind(
    "data.output-needs-column",
    en="should name a column, such as {{row.name}}, so that each row gets its own file",
    zh="须写入一个列名，如 {{row.name}}，使每一行生成各自的文件",
)
BATCH_AND_OUTPUT = MessageKind(
    "data.batch-and-output",
    en="a batch names its files in batch.output: remove output",
    zh="批量生成的文件名写在 batch.output 中：请删去 output",
)
PART_LISTED_TWICE = MessageKind(
    "data.part-twice",
    en="part '{name}' is listed twice",
    zh="部分“{name}”列了两次：请删去一处",
)

# -- figures --
NO_FIGURE_NAMED = MessageKind(
    "data.no-figure-named",
    en="no figure named '{name}'{hint}",
    zh="没有名为“{name}”的数字{hint}",
)
GROUP_NOT_FIGURE = MessageKind(
    "data.group-not-figure",
    en="'{name}' is a group of figures: name one figure in it",
    zh="“{name}”是一组数字：请写出其中的某一个数字",
)
NO_YEARS_TO_CHART = MessageKind(
    "data.no-years-to-chart",
    en="'{name}' has no values by year to chart: give it by_year",
    zh="“{name}”没有分年度数值，无法画图：请为它填写 by_year",
)
CANNOT_COMPUTE = MessageKind(
    "data.cannot-compute",
    en="cannot compute {name}: {reason}",
    zh="无法计算 {name}：{reason}",
)
SHARE_OF_ZERO = MessageKind(
    "data.share-of-zero",
    en="{whole} is 0, so {part} has no share of it",
    zh="{whole} 为 0，算不出 {part} 的占比：请核对这两个数字",
)
SHARE_OVER_WHOLE = MessageKind(
    "data.share-over-whole",
    en="{part} ({part_value}) is greater than {whole} ({whole_value}); a share cannot exceed 100%",
    zh="{part}（{part_value}）大于 {whole}（{whole_value}），占比不能超过100%：请核对这两个数字",
)
GROWTH_FROM_ZERO = MessageKind(
    "data.growth-from-zero",
    en="{old} is 0, so growth from it has no percentage",
    zh="{old} 为 0，算不出增长的百分比：请核对这个数字",
)

# -- YAML --
YAML_SYNTAX = MessageKind(
    "data.yaml-syntax",
    en="YAML syntax error: {detail}",
    zh="YAML 格式错误：{detail}（常见原因：缩进不齐、冒号后少了空格、引号或括号没有配对）",
)
YAML_UNCLOSED = MessageKind(
    "data.yaml-unclosed",
    en="{problem} ({context} that starts on line {line}, column {column})",
    zh="{problem}（从第 {line} 行第 {column} 列开始的{context}没有结束）",
)
DUPLICATE_KEY = MessageKind(
    "data.duplicate-key",
    en="'{key}' appears twice (first on line {first}); keep one",
    zh="“{key}”出现了两次（第一次在第 {first} 行）：请只保留一个",
)
DUPLICATE_KEY_SPELLED = MessageKind(
    "data.duplicate-key-spelled",
    en="'{key}' is the same key as '{other}' on line {first}; keep one",
    zh="“{key}”与第 {first} 行的“{other}”是同一个键：请只保留一个",
)
KEY_NOT_TEXT = MessageKind(
    "data.key-not-text",
    en="a key should be a word or a number, not a list or fields",
    zh="键应为文字或数字，不能是列表或一组字段",
)
SELF_ALIAS = MessageKind(
    "data.self-alias",
    en="refers to itself through an alias (*…): write the value out instead",
    zh="通过别名（*…）引用了自身：请直接写出这个值",
)
TAG_VALUE_UNREADABLE = MessageKind(
    "data.tag-value-unreadable",
    en="cannot read '{text}' as {tag}",
    zh="无法把“{text}”读作 {tag}",
)
UNSUPPORTED_TAG = MessageKind(
    "data.unsupported-tag",
    en="the tag {tag} is not supported: write the value as plain text, a number or a date",
    zh="不支持标记 {tag}：请直接写文字、数字或日期",
)
UNPRINTABLE_CHARACTER = MessageKind(
    "data.unprintable-character",
    en="contains the {kind} U+{code}, which a document cannot hold (pasted from another "
    "program?): delete it",
    zh="含有文档无法容纳的{kind} U+{code}（可能是从其他程序粘贴来的）：请删除它",
)
CONTROL_KIND = MessageKind("data.kind-control", en="control character", zh="控制字符")
CHARACTER_KIND = MessageKind("data.kind-character", en="character", zh="字符")
YAML_UNREADABLE = MessageKind(
    "data.yaml-unreadable", en="YAML error: {detail}", zh="YAML 无法读取：{detail}"
)
NOT_A_DATE = MessageKind(
    "data.not-a-date",
    en="should be a date, such as 2024年1月15日 or 2024-01-15, not {shown}",
    zh="应为日期，如 2024年1月15日 或 2024-01-15，而不是{shown}",
)

# -- prose: text in the data that names figures --
IN_THE_TEXT = MessageKind("data.in-the-text", en="in the text: {detail}", zh="文字中：{detail}")
NOT_ALLOWED_IN_TEXT = MessageKind(
    "data.not-allowed-in-text",
    en="in the text: not allowed ({detail})",
    zh="文字中：不允许（{detail}）：文字只能引用数据，不能调用程序内部的东西",
)
CANNOT_PRINT = MessageKind(
    "data.cannot-print",
    en="in the text: cannot print ({detail})",
    zh="文字中：无法印出（{detail}）",
)
TOO_DEEP = MessageKind(
    "data.too-deep",
    en="in the text: a {{{{ … }}}} is nested too deeply to read",
    zh="文字中：{{{{ … }}}} 嵌套太深，无法读取（是不是粘贴进了大量括号？）",
)
MESSAGE_AND_HINT = MessageKind("data.message-and-hint", en="{message}{hint}", zh="{message}{hint}")
