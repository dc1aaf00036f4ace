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

# -- YAML that cannot be read: PyYAML's findings in the clerk's terms --

YAML_TAB = MessageKind(
    "yaml.tab",
    en="line {line} is indented with a tab (the Tab key): YAML is indented with spaces only; "
    "replace the tab at the start of the line with spaces",
    zh="第{line}行用了制表符（Tab 键）缩进：YAML 只能用空格缩进，请把行首的 Tab 换成空格",
)
YAML_BAD_START = MessageKind(
    "yaml.bad-start",
    en="a value cannot start with {char}: put the whole value in quotes",
    zh="值不能以{char}开头：请把整个值用引号括起来",
)
YAML_COLON_IN_VALUE = MessageKind(
    "yaml.colon-in-value",
    en="a ': ' in the middle of a value is read as a new field: put the value in quotes "
    '(title: "甲: 乙"), or, if the line is a field of its own, line it up with the fields '
    "beside it",
    zh='值中间的“: ”会被当成新的字段：请把整个值用引号括起来（如 title: "甲: 乙"）；'
    "如果这一行本是单独的字段，请让它与同一层的字段对齐",
)
YAML_MISSING_COLON = MessageKind(
    "yaml.missing-colon",
    en="line {line} has no ': ' after a name: write name: value; a line that continues the "
    "text above is indented further than its field",
    zh="第{line}行的名称后面缺少“: ”：请写成“名称: 值”；如果这一行是上一行文字的延续，"
    "要比它所属的字段多缩进一些",
)
YAML_FIELD_INDENT = MessageKind(
    "yaml.field-indent",
    en="this line does not line up with the fields of its level (which start on line {start}): "
    "indent the fields of one level by the same number of spaces, and put a value holding "
    "quotes in quotes as a whole",
    zh="这一行没有与同一层的字段对齐（这一层从第{start}行开始）：同一层的字段要用相同数量的"
    "空格缩进；含引号的文字要整个用引号括起来",
)
YAML_ITEM_AMONG_FIELDS = MessageKind(
    "yaml.item-among-fields",
    en="a list item (- …) stands among fields: indent it under the field it belongs to",
    zh="列表项（- …）夹在字段中间：请把它缩进到所属的字段下面",
)
YAML_ITEM_INDENT = MessageKind(
    "yaml.item-indent",
    en="this line does not line up with the list items above it (the list starts on line "
    "{start}): start each item with '- ' at the same indentation",
    zh="这一行没有与上面的列表项对齐（列表从第{start}行开始）：每一项都要以“- ”开头，并且缩进相同",
)
YAML_UNCLOSED_QUOTE = MessageKind(
    "yaml.unclosed-quote",
    en="the quote opened on line {line}, column {column} is never closed: add the closing quote",
    zh="第{line}行第{column}列的引号没有配对：请补上后面的引号",
)
YAML_UNCLOSED_BRACKET = MessageKind(
    "yaml.unclosed-bracket",
    en="the {open} opened on line {line}, column {column} is never closed: add {close}, and a "
    "comma between items",
    zh="第{line}行第{column}列的“{open}”没有配对的“{close}”：请补上“{close}”，各项之间用逗号分隔",
)
YAML_BAD_ESCAPE = MessageKind(
    "yaml.bad-escape",
    en="a backslash (\\) in double quotes starts an escape such as \\n: put the text in single "
    "quotes instead, or write \\\\ for a backslash",
    zh="双引号里的反斜杠（\\）表示转义（如 \\n）：请改用单引号，或把 \\ 写成 \\\\",
)
YAML_ANCHOR = MessageKind(
    "yaml.anchor",
    en="& and * have a meaning of their own in YAML: put the value in quotes",
    zh="“&”和“*”在 YAML 中另有含义：请把这个值用引号括起来",
)
YAML_UNDEFINED_ALIAS = MessageKind(
    "yaml.undefined-alias",
    en="{alias} refers to nothing above: put the value in quotes if the * is part of the text",
    zh="“{alias}”找不到前面对应的内容：如果 * 是文字的一部分，请把值用引号括起来",
)
YAML_TWO_DOCUMENTS = MessageKind(
    "yaml.two-documents",
    en="a line of three dashes (---) starts a second document, and a data file holds one: "
    "remove the line",
    zh="三个短横线（---）会开始第二份文档，而一个数据文件只能有一份：请删掉这一行",
)
YAML_TAG = MessageKind(
    "yaml.tag",
    en="a value cannot start with ! (YAML reads it as a tag): put the value in quotes",
    zh="值不能以“!”开头（YAML 会当作标签）：请把这个值用引号括起来",
)
YAML_DUPLICATE_ANCHOR = MessageKind(
    "yaml.duplicate-anchor",
    en="the same &anchor is given twice (first on line {first}): give the second another name",
    zh="同一个 & 锚点写了两次（第一次在第{first}行）：请给第二个另起名称",
)
YAML_BLOCK_SCALAR = MessageKind(
    "yaml.block-scalar",
    en="nothing but a line break may follow | or >: start the text on the next line, indented",
    zh="“|”或“>”后面应直接换行：请把文字写在下一行，并缩进",
)
YAML_COMPLEX_KEY = MessageKind(
    "yaml.complex-key",
    en="a name cannot be a list or fields: write a plain name before the colon",
    zh="名称不能是列表或一组字段：冒号前面请写一个普通的名称",
)
YAML_OTHER = MessageKind(
    "yaml.other",
    en="YAML syntax error: {detail}",
    zh="YAML 格式有误，无法读取：请检查这一行的缩进、冒号和引号（原文：“{detail}”）",
)
YAML_NOT_A_DATE = MessageKind(
    "yaml.not-a-date",
    en="'{value}' is not a real date (no such month or day): write it as 2023-04-19",
    zh="“{value}”不是真实存在的日期（没有这个月或这一天）：请写作 2023-04-19 这样的形式",
)
YAML_SELF_ALIAS = MessageKind(
    "yaml.self-alias",
    en="refers to itself through an alias (*…): write the value out instead",
    zh="通过别名（*…）引用了自己：请把值直接写出来",
)
YAML_DUPLICATE_KEY = MessageKind(
    "yaml.duplicate-key",
    en="'{key}' appears twice (first on line {first}); keep one",
    zh="“{key}”写了两次（第一次在第{first}行）：请只保留一个",
)
YAML_UNPRINTABLE = MessageKind(
    "yaml.unprintable",
    en="contains the {kind} U+{code}, which a document cannot hold (pasted from another "
    "program?): delete it",
    zh="含有{kind} U+{code}，文档中不能有这种字符（可能是从其他程序粘贴来的）：请删除它",
)
YAML_CONTROL_CHARACTER = MessageKind(
    "yaml.control-character", en="control character", zh="看不见的控制字符"
)
YAML_CHARACTER = MessageKind("yaml.character", en="character", zh="特殊字符")
