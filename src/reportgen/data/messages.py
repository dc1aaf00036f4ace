"""The messages of the data stage, in English and Chinese (see :mod:`reportgen.i18n`)."""

from __future__ import annotations

from reportgen.i18n import MessageKind

# -- changing values in a file as text --
EDIT_NEEDS_OWN_LINE = MessageKind(
    "data.edit-needs-own-line",
    en="cannot change this value automatically: put each of its fields on a line of its own",
    zh="无法自动修改这里的数值：请把它的每个字段各写一行",
)
EDIT_NOT_FOUND = MessageKind(
    "data.edit-not-found",
    en="'{field}' is not in the file (was the file changed meanwhile?): reload the page",
    zh="文件中找不到“{field}”（文件是否已被改动？）：请刷新页面后再改",
)
EDIT_UNSAFE = MessageKind(
    "data.edit-unsafe",
    en="cannot write this value into '{field}' without changing other values: "
    "edit the file in a text editor",
    zh="无法在不影响其他内容的情况下把这个值写入“{field}”：请用文本编辑器修改该文件",
)

# -- how a value found in a file is named --
SHOWN_TEXT = MessageKind("data.shown-text", en="the text '{text}'", zh="文字“{text}”")
SHOWN_NOTHING = MessageKind("data.shown-nothing", en="nothing", zh="空值")
SHOWN_BOOLEAN = MessageKind("data.shown-boolean", en="true or false", zh="真假值（true/false）")
SHOWN_NUMBER = MessageKind("data.shown-number", en="the number {number}", zh="数字 {number}")
SHOWN_LIST = MessageKind("data.shown-list", en="a list", zh="列表")
SHOWN_FIELDS = MessageKind(
    "data.shown-fields", en="fields (name: value)", zh="「名称: 内容」这样的字段"
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
    zh="应为「名称: 内容」这样的字段（每行一个），而不是{shown}",
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
INVALID = MessageKind(
    "data.invalid", en="{detail}", zh="这个值不符合要求，请对照说明修改（原文：“{detail}”）"
)

# -- one value --
CONTROL_CHARACTER = MessageKind(
    "data.control-character",
    en="contains the control character U+{code} at character {position} (pasted from another "
    "program?): delete it",
    zh="第 {position} 个字符是看不见的控制字符 U+{code}（可能是从其他程序粘贴来的）：请删除它",
)
TEXT_EMPTY = MessageKind("data.text-empty", en="is empty: write the text", zh="是空的：请填写文字")
FORMULA_NOT_COMPUTED = MessageKind(
    "data.formula-not-computed",
    en="is empty: the cell holds a formula whose value was never worked out (a program wrote "
    "{file} and Excel has not saved it since): open {file} in Excel or WPS, save it, and run "
    "this again",
    zh="是空的：该单元格是公式，但结果从未计算过（{file} 由程序生成，之后没有在 Excel 里保存过）："
    "请用 Excel 或 WPS 打开 {file}，保存后再运行一次",
)
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
NOT_A_NUMBER_ADVICE = MessageKind(
    "data.not-a-number-advice",
    en="should be a number, not {shown}: {advice}",
    zh="应为数字，而不是{shown}：{advice}",
)
ADVICE_SEPARATORS = MessageKind(
    "data.advice.separators",
    en="write it without the thousands separators: {number}",
    zh="请去掉千位分隔符（逗号），写作 {number}",
)
ADVICE_QUOTES = MessageKind(
    "data.advice.quotes",
    en="take away the quotes: {number}",
    zh="请去掉引号，写作 {number}",
)
ADVICE_HALF_WIDTH = MessageKind(
    "data.advice.half-width",
    en="write it with the digits of the English input method: {number}",
    zh="请用英文输入法输入数字（半角），写作 {number}",
)
ADVICE_DIGITS_OF = MessageKind(
    "data.advice.digits-of",
    en="write it in digits: {number}",
    zh="请改用阿拉伯数字，写作 {number}",
)
ADVICE_DIGITS = MessageKind(
    "data.advice.digits",
    en="write it in digits (0–9)",
    zh="请用阿拉伯数字（0–9）填写",
)
ADVICE_PERCENT = MessageKind(
    "data.advice.percent",
    en="a percentage is worked out, not typed: write the two figures and a derived figure with "
    "share: [part, whole]; a rate given as it is is written as the number alone ({number}) "
    "with unit: %",
    zh="百分比由程序计算，不要手填：请填写两个数字，在 derived 中用 share: [部分, 整体] 计算；"
    "如果是上级给定的比率，只填数字（{number}），再加上 unit: %",
)
ADVICE_SCALE = MessageKind(
    "data.advice.scale",
    en="write the whole number ({number}) and scale: {scale}, which prints it in {scale}",
    zh="请填写完整的数（{number}），再加上 scale: {scale}，文档中即以“{scale}”为单位印出",
)
ADVICE_QUALIFIER = MessageKind(
    "data.advice.qualifier",
    en="write the number alone ({number}) and qualifier: {qualifier}",
    zh="请只填数字（{number}），再加上 qualifier: {qualifier}，文档中即印作约数",
)
ADVICE_UNIT = MessageKind(
    "data.advice.unit",
    en="write the number alone ({number}); its unit goes under unit: {unit}",
    zh="请只填数字（{number}），单位写在 unit: {unit} 中",
)
PERCENT_COMPARED = MessageKind(
    "data.percent-compared",
    en="{name} is a percentage ({shown}), so comparing it with {number} is ambiguous: compare "
    "{name}.value with the fraction ({example} for {percent}%), or with another percentage",
    zh="{name} 是百分数（{shown}），与 {number} 比较有歧义：请用 {name}.value 与小数比较"
    "（{percent}% 写作 {example}），或与另一个百分数比较",
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
BRACE_NOT_CLOSED = MessageKind(
    "data.brace-not-closed", en="a {{ is not closed by }}", zh="有 {{ 没有对应的 }}"
)
BRACE_NOT_OPENED = MessageKind(
    "data.brace-not-opened", en="a }} has no {{ before it", zh="有 }} 前面没有对应的 {{"
)
BRACE_ALONE = MessageKind("data.brace-alone", en="a {{ stands alone", zh="有单独的 {{")
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
OWN_TABLE_TOO_LONG = MessageKind(
    "data.own-table-too-long",
    en="the tables printed in one document hold at most {limit} rows in all: for a document a "
    "row, name the table under batch: rows",
    zh="印在一份文档中的表格合计最多 {limit} 行：要每行生成一份文档，请把表格写在 batch: rows 中",
)
TABLE_FILE_TYPE = MessageKind(
    "data.table-file-type",
    en="'{name}' should be a table: a workbook (.xlsx, .xls, .et, .ods), a .csv or a .yaml file",
    zh="“{name}”应为表格文件：Excel/WPS 表格（.xlsx、.xls、.et、.ods）、.csv 或 .yaml 文件",
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

# -- YAML --
DUPLICATE_KEY_SPELLED = MessageKind(
    "data.duplicate-key-spelled",
    en="'{key}' is the same key as '{other}' on line {first}; keep one",
    zh="“{key}”与第 {first} 行的“{other}”是同一个键：请只保留一个",
)
TAG_VALUE_UNREADABLE = MessageKind(
    "data.tag-value-unreadable",
    en="cannot read '{text}' as {tag}",
    zh="无法把“{text}”读作 {tag}",
)

# -- prose: text in the data that names figures --
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
YAML_FULL_WIDTH_COLON = MessageKind(
    "yaml.full-width-colon",
    en="line {line}: the colon after '{key}' is the full-width “：” of a Chinese input method: "
    "type the English colon and a space ({key}: …)",
    zh="第{line}行“{key}”后面的冒号是中文输入法的全角冒号“：”：请切换到英文输入法，写成"
    "“{key}: …”（英文冒号后加一个空格）",
)
YAML_FULL_WIDTH_SPACE = MessageKind(
    "yaml.full-width-space",
    en="line {line} is indented with full-width spaces (“　”, typed with a Chinese input "
    "method): indent it with ordinary spaces",
    zh="第{line}行用全角空格（中文输入法的“　”）缩进：请删掉这些空格，切换到英文输入法后重新缩进",
)
YAML_SPACE_AFTER_COLON = MessageKind(
    "yaml.space-after-colon",
    en="line {line}: '{key}:' needs a space after the colon: {key}: …",
    zh="第{line}行“{key}:”的冒号后面要有一个空格：写成“{key}: …”",
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

# -- reading a table or a workbook --

FILE_NOT_FOUND = MessageKind(
    "table.not-found",
    en="file not found: put it beside report.yaml, or correct its name there",
    zh="找不到该文件：请把它放在 report.yaml 所在的文件夹中，或在 report.yaml 中改正文件名",
)
SHEET_FILE_MISSING = MessageKind(
    "sheet.file-missing",
    en="file not found: put the workbook beside the data file whose figures_sheet names it, "
    "or correct its name there",
    zh="找不到该文件：请把工作簿放在写有 figures_sheet 的数据文件所在的文件夹中，"
    "或在那里改正文件名",
)
UNREADABLE_FILE = MessageKind(
    "table.unreadable",
    en="cannot read the file ({reason}): close it in other programs and try again",
    zh="无法读取该文件（{reason}）：请在其他程序中关闭它后重试",
)
CSV_SYNTAX = MessageKind(
    "table.csv-syntax",
    en="cannot read this line as CSV ({detail}): check that its quotation marks come in pairs",
    zh="这一行无法按 CSV 读取：请检查引号是否成对（原文：“{detail}”）",
)
CSV_LINE_TOO_LONG = MessageKind(
    "table.csv-line-too-long",
    en="this line is longer than the {limit} bytes a line of a table may have: check that the "
    "file is the table meant, saved from Excel or WPS as CSV",
    zh="这一行超过了表格每行最多 {limit} 字节的上限：请检查这是否就是要用的表格，"
    "是否由 Excel 或 WPS 另存为 CSV",
)
TABLE_EMPTY = MessageKind(
    "table.empty",
    en="the table is empty: write the column names in its first row",
    zh="表格是空的：请在第一行写上各列的名称",
)
NO_ROWS = MessageKind(
    "table.no-rows",
    en="the table has no rows under its column names",
    zh="表格在列名下面没有数据：请从第二行起每行填写一条",
)
COLUMN_UNNAMED = MessageKind(
    "table.column-unnamed",
    en="column {column} has no name: write one in the first row, or delete the column",
    zh="第{column}列没有列名：请在第一行填写列名，或删除这一列",
)
COLUMN_BAD_NAME = MessageKind(
    "table.column-bad-name",
    en="column {column}: '{name}' cannot name a column: use letters (Chinese too), digits "
    "and _, not starting with a digit",
    zh="第{column}列：“{name}”不能作列名：请只用汉字、字母、数字和下划线，且不以数字开头",
)
COLUMN_TWICE = MessageKind(
    "table.column-twice",
    en="column {column}: '{name}' names another column too: give each column a name of its own",
    zh="第{column}列：列名“{name}”与另一列重复：请给每一列各取一个名称",
)
CELL_COUNT = MessageKind(
    "table.cell-count",
    en="the row has {cells} cells, but the table has {count} columns ({columns}): check for a "
    "missing or extra comma",
    zh="这一行有{cells}格，但表格有{count}列（{columns}）：请检查是否少了或多了逗号",
)
YAML_NOT_LIST = MessageKind(
    "table.yaml-not-list",
    en="the file should hold a list of rows, each written '- column: value'",
    zh="文件应是一组数据行，每行写成“- 列名: 值”",
)
YAML_ROW_NOT_MAPPING = MessageKind(
    "table.yaml-row-form",
    en="the row should be written 'column: value', not {value}",
    zh="这一行应写成“列名: 值”，现在是{value}",
)
CELL_KIND = MessageKind(
    "table.cell-kind",
    en="should be text, a number or a date, not {kind}",
    zh="应填写文字、数字或日期，不能是{kind}",
)
DIGITS_LOST = MessageKind(
    "table.digits-lost",
    en="{shown} has more digits than Excel keeps (15): those after the 15th are lost, and an "
    "identity card or bank card number is printed wrong; set the column's cells to the Text "
    "format and type the numbers again",
    zh="{shown}：位数超过了 Excel 能保存的 15 位，第 15 位以后的数字已经丢失，身份证号、银行卡号"
    "会印错：请把这一列的单元格格式设为“文本”，再重新输入这些号码",
)
HIDDEN_ROWS = MessageKind(
    "table.hidden-rows",
    en="{count} {count:row|rows} hidden in Excel (filtered out or hidden) {count:gets a "
    "document|get documents} too: {count:row|rows} {rows}{more}; delete from the sheet the "
    "rows that should have none, or clear the filter and unhide the rows to check them",
    zh="有 {count} 行在 Excel 中是隐藏的（被筛选掉或被隐藏），也会各生成一份文档："
    "第{rows}行{more}；不需要的行请从表中删除，要核对可先清除筛选、取消隐藏",
)
HIDDEN_ROWS_MORE = MessageKind("table.hidden-rows-more", en=" and more", zh="等")
KIND_TIME = MessageKind("table.kind-time", en="a time of day", zh="时刻")
KIND_DURATION = MessageKind("table.kind-duration", en="a duration", zh="时长")
# -- workbooks --

NO_SUCH_SHEET = MessageKind(
    "sheet.not-found",
    en="the workbook has no sheet '{sheet}' (its sheets: {sheets})",
    zh="工作簿中没有名为“{sheet}”的工作表（现有：{sheets}）",
)
NOT_A_WORKBOOK = MessageKind(
    "sheet.not-a-workbook",
    en="cannot read it as a spreadsheet ({detail}): open it in Excel or WPS and save it again "
    "as .xlsx",
    zh="无法作为电子表格读取：请用 Excel 或 WPS 打开后重新保存为 .xlsx（原文：“{detail}”）",
)
TOTAL_ROW = MessageKind(
    "table.total-row",
    en="the row says {text}, a total of the rows above, not a row of its own: no document is "
    "made for it",
    zh="这一行写的是“{text}”，是上面各行的合计，不是一条记录：不为它生成文档",
)
OWN_TOTAL_ROW = MessageKind(
    "table.own-total-row",
    en="the row says {text}, a total of the rows above, not a row of its own: it is left out of "
    "the list",
    zh="这一行写的是“{text}”，是上面各行的合计，不是一条记录：不列入名单",
)
OWN_HIDDEN_ROWS = MessageKind(
    "table.own-hidden-rows",
    en="{count} {count:row|rows} hidden in Excel (filtered out or hidden) {count:is|are} printed "
    "too: {count:row|rows} {rows}{more}; delete from the sheet the rows that should not be, or "
    "clear the filter and unhide the rows to check them",
    zh="有 {count} 行在 Excel 中是隐藏的（被筛选掉或被隐藏），也会印出：第{rows}行{more}；"
    "不需要的行请从表中删除，要核对可先清除筛选、取消隐藏",
)
WORKBOOK_IS_TEXT = MessageKind(
    "sheet.is-text",
    en="the file is a CSV text file under a workbook's name ({suffix}): it was read as CSV; "
    "rename it to .csv, or open it in Excel or WPS and save it as .xlsx",
    zh="这个文件其实是 CSV 文本文件，只是扩展名写成了 {suffix}：已按 CSV 读取；请把扩展名"
    "改为 .csv，或用 Excel、WPS 打开后另存为 .xlsx",
)
SHEET_PASSWORD = MessageKind(
    "sheet.password",
    en="the workbook is protected by a password: save a copy without one",
    zh="工作簿设有打开密码：请另存一份不设密码的副本",
)
WORKBOOK_EMPTY = MessageKind(
    "sheet.no-sheets",
    en="the workbook has no worksheet",
    zh="工作簿中没有工作表",
)
WORKBOOK_TOO_LARGE = MessageKind(
    "sheet.too-large",
    en="the workbook is too large to read safely ({size}; a sheet may span at most {limit} "
    "cells): keep only the table's rows and columns, or save the table as CSV",
    zh="工作簿过大，无法安全读取（{size}；每张工作表最多 {limit} 个单元格）：请只保留表格"
    "所需的行和列，或把表格另存为 CSV",
)
# -- pictures the data names --

PICTURE_NAME_TAKEN = MessageKind(
    "data.picture-name-taken",
    en="'{name}' names a figure or a list too: give the picture another name",
    zh="“{name}”已是一个数字或列表的名称：请给图片另取一个名称",
)

# -- figures from a statistics office's sheet --

SHEET_NO_INDICATORS = MessageKind(
    "sheet-figures.empty",
    en="the sheet is empty: it should have the indicators in rows and the years in columns",
    zh="工作表是空的：应每行一个指标、每列一个年度",
)
SHEET_NO_YEARS = MessageKind(
    "sheet-figures.no-years",
    en="the first row names no year (2019, 2019年 or 2019年度) and no 合计 column: head the "
    "columns with the years",
    zh="第一行既没有年度（如 2019、2019年或2019年度），也没有“合计”列：请在各列的第一行写上年度",
)
SHEET_NO_FIGURE = MessageKind(
    "sheet-figures.no-figure",
    en="no figure of the data file is called '{indicator}'{hint}: give the figure this label, "
    "or leave the row out of figures_sheet.rows",
    zh="数据文件中没有名为“{indicator}”的数字{hint}：请把该数字的 label 写成这个名称，"
    "或在 figures_sheet.rows 中不包括这一行",
)
SHEET_FIGURE_TWICE = MessageKind(
    "sheet-figures.twice",
    en="'{indicator}' is on row {row} already: keep one of the two rows",
    zh="“{indicator}”已在第{row}行出现：请只保留其中一行",
)
SHEET_FIGURE_WRITTEN = MessageKind(
    "sheet-figures.written",
    en="the data file gives {name} a value already: empty it (value: ~), or leave the row out "
    "of figures_sheet.rows",
    zh="数据文件中已写有 {name} 的数值：请把它清空（value: ~），"
    "或在 figures_sheet.rows 中不包括这一行",
)
SHEET_FIGURE_UNIT = MessageKind(
    "sheet-figures.unit",
    en="the sheet gives {name} in {sheet_unit}, the data file in {unit}: convert the numbers, "
    "or correct the unit",
    zh="表中 {name} 的单位是“{sheet_unit}”，数据文件中是“{unit}”：请换算数字，或改正单位",
)
SHEET_YEAR_EMPTY = MessageKind(
    "sheet-figures.empty-cell",
    en="no value for {year}: enter it",
    zh="{year}年没有数值：请填写",
)
SHEET_FORMULA_NOT_COMPUTED = MessageKind(
    "sheet-figures.formula-not-computed",
    en="no value for {year}: the cell holds a formula whose value was never worked out (a "
    "program wrote {file} and Excel has not saved it since): open {file} in Excel or WPS, save "
    "it, and run this again",
    zh="{year}年没有数值：该单元格是公式，但结果从未计算过（{file} 由程序生成，之后没有在 Excel 里"
    "保存过）：请用 Excel 或 WPS 打开 {file}，保存后再运行一次",
)
SHEET_FIGURE_NUMBER = MessageKind(
    "sheet-figures.number",
    en="should be a number of 0 or more, not '{value}'",
    zh="应填写不小于 0 的数字，不能是“{value}”",
)
FILE_NAME_ONLY = MessageKind(
    "sheet-figures.file-name",
    en="give the file's name only: the workbook sits beside the data file",
    zh="只写文件名：表格应与数据文件放在同一文件夹",
)
SHEET_ROWS = MessageKind(
    "sheet-figures.rows",
    en="'{value}' should be the rows holding the indicators, such as 3-8",
    zh="“{value}”应写指标所在的行，如 3-8",
)

# -- a clerk's own fields --
STILL_TO_FILL = MessageKind(
    "data.still-to-fill",
    en="still says {placeholder}: fill it in (the document prints {placeholder} until then)",
    zh="仍是“{placeholder}”：请填写（填写之前，文档中印出的就是“{placeholder}”）",
)
NEAR_MISS = MessageKind(
    "data.near-miss",
    en="'{key}' is read as a field of your own (the template sees it as {key}); if you meant "
    "reportgen's '{name}', write {name}",
    zh="“{key}”被当作您自己的字段（模板中写作 {key}）；"
    "如果想写的是 reportgen 的“{name}”，请改为 {name}",
)
OWN_NAME_TAKEN = MessageKind(
    "data.own-name-taken",
    en="'{name}' is also {what} in templates: rename one of them",
    zh="“{name}”在模板中也是{what}：请给其中一个改名",
)
WHAT_PART = MessageKind("data.what-part", en="a part of the report", zh="报告的一个部分")
WHAT_FIGURE = MessageKind(
    "data.what-figure", en="a figure, list or picture", zh="一个数字、列表或图片"
)
WHAT_RESERVED = MessageKind("data.what-reserved", en="{what}", zh="{what}")
FACT_NOT_GIVEN = MessageKind(
    "data.fact-not-given",
    en="uses {{{name}}}, which report.yaml does not give: write {field}: …, or leave {{{name}}} "
    "out",
    zh="用到了 {{{name}}}，但 report.yaml 中没有填写：请填写 {field}: …，或删去 {{{name}}}",
)
NEEDS_PERIOD = MessageKind(
    "data.needs-period",
    en="needs the report's period (period: start: …, end: …) for its years",
    zh="需要报告的汇报周期（period: start: …, end: …）才能确定年份：请填写 period",
)

# -- loading a report: its files, its parts, its names --

DATA_FILE_MISSING = MessageKind("data.file-missing", en="file not found", zh="找不到这个文件")
FILE_EMPTY = MessageKind(
    "data.file-empty",
    en="the file is empty: fill it in, or copy the file of another report and change it",
    zh="文件是空的：请填写内容，或从别的报告复制一份再改",
)
FILE_NOT_FIELDS = MessageKind(
    "data.file-not-fields",
    en="the file should hold fields (name: value), not {shown}",
    zh="文件应由「名称: 内容」这样的字段组成，而不是{shown}",
)
RESERVED_PART = MessageKind(
    "data.reserved-part",
    en="'{name}' names {meaning} in templates: rename the part and its file",
    zh="“{name}”在模板中表示{meaning}：请给这个部分和它的文件另取名称",
)
RESERVED_NAME = MessageKind(
    "data.reserved-name",
    en="'{name}' names {meaning} in templates: rename it",
    zh="“{name}”在模板中表示{meaning}：请另取名称",
)
PART_WITHOUT_FILE = MessageKind(
    "data.part-without-file",
    en="part '{name}' has no data file {file} in {folder}",
    zh="部分“{name}”在 {folder} 中没有数据文件 {file}：请建立这个文件，或从 parts 中删去",
)
PART_FILE_MISNAMED = MessageKind(
    "data.part-file-misnamed",
    en="part '{name}' has no data file {file}, but {found} is there: rename it to {file}",
    zh="部分“{name}”没有数据文件 {file}，但有 {found}：请把它改名为 {file}",
)
PART_AND_FIGURE = MessageKind(
    "data.part-and-figure",
    en="'{name}' is both a part and a figure or list of the report: rename one",
    zh="“{name}”既是部分名，又是报告的数字或列表名：请改掉其中一个",
)
MISSPELT_FIGURE_KEY = MessageKind(
    "data.misspelt-figure-key",
    en="unknown field '{key}' (did you mean '{meant}'?); if '{group}' is a group of figures, "
    "give '{key}' another name",
    zh="没有“{key}”这个字段（是否应为“{meant}”？）；如果“{group}”是一组数字，请给“{key}”另取名称",
)
NO_VALUE_FOR_YEAR = MessageKind(
    "data.no-value-for-year",
    en="no value for {year}: enter it",
    zh="{year}年没有数值：请填写",
)
YEAR_OUTSIDE_PERIOD = MessageKind(
    "data.year-outside-period",
    en="year {year} is outside the period {period}",
    zh="{year}年不在汇报周期{period}之内",
)
NO_VALUE_FOR_PERIOD = MessageKind(
    "data.no-value-for-period",
    en="no value for the period {period}: enter it (value: …)",
    zh="没有{period}的数值：请填写（value: …）",
)
NO_SUCH_FIGURE = MessageKind(
    "data.no-such-figure",
    en="no figure named '{name}'{hint}",
    zh="没有名为“{name}”的数字{hint}",
)
GROUP_NOT_FIGURE = MessageKind(
    "data.group-not-figure",
    en="'{name}' is a group of figures: name one figure in it",
    zh="“{name}”是一组数字：请写出其中的某一个数字",
)
CANNOT_COMPUTE = MessageKind(
    "data.cannot-compute", en="cannot compute {name}: {reason}", zh="无法算出 {name}：{reason}"
)
SHARE_OF_ZERO = MessageKind(
    "data.share-of-zero",
    en="{whole} is 0, so {part} has no share of it",
    zh="{whole} 为 0，{part} 无法算出占比",
)
SHARE_OVER_WHOLE = MessageKind(
    "data.share-over-whole",
    en="{part} ({part_value}) is greater than {whole} ({whole_value}); a share cannot exceed 100%",
    zh="{part}（{part_value}）大于 {whole}（{whole_value}），占比不能超过 100%：请检查这两个数字",
)
GROWTH_FROM_ZERO = MessageKind(
    "data.growth-from-zero",
    en="{base} is 0, so growth from it has no percentage",
    zh="{base} 为 0，无法算出增长的百分比",
)
NO_VALUES_BY_YEAR = MessageKind(
    "data.no-values-by-year",
    en="'{name}' has no values by year to chart: give it by_year",
    zh="“{name}”没有分年度的数值，画不出柱状图：请给它写上 by_year",
)
NO_CHART_FONT = MessageKind(
    "data.no-chart-font",
    en="no font with Chinese glyphs for the chart (looked for {families}); install one with: "
    "apt-get install {package}",
    zh="没有能显示汉字的字体，画不出图表（找过：{families}）；请用“apt-get install {package}”"
    "安装一个",
)

#: What each name the context gives the report's facts holds, as refusals say it.
MEANS_ORGANISATION = MessageKind("data.means.organisation", en="the organisation", zh="汇报单位")
MEANS_TITLE = MessageKind("data.means.title", en="the report's title", zh="报告标题")
MEANS_PERIOD = MessageKind("data.means.period", en="the period", zh="汇报周期")
MEANS_DATE = MessageKind("data.means.date", en="the report's date", zh="成文日期")
MEANS_REPORT = MessageKind("data.means.report", en="the report itself", zh="报告本身")
MEANS_OPENING = MessageKind("data.means.opening", en="the opening paragraphs", zh="开头段落")
MEANS_PARTS = MessageKind("data.means.parts", en="the list of parts", zh="正文各部分的列表")
MEANS_ATTACHMENT = MessageKind("data.means.attachment", en="the attachment", zh="附件")
MEANS_PART_NAME = MessageKind("data.means.part-name", en="the part's name", zh="部分的名称")
MEANS_LEAD = MessageKind("data.means.lead", en="the part's lead sentence", zh="部分的领句")
MEANS_PARAGRAPHS = MessageKind("data.means.paragraphs", en="the part's paragraphs", zh="部分的段落")
MEANS_FIGURES = MessageKind(
    "data.means.figures", en="all of the part's figures", zh="部分的全部数字"
)
MEANS_LISTS = MessageKind("data.means.lists", en="all of the part's lists", zh="部分的全部列表")
MEANS_OFFICIAL = MessageKind(
    "data.means.official",
    en="the parts of an official document (公文)",
    zh="公文的各组成部分",
)

# -- the parts of a 公文 --

SEAL_MISSING = MessageKind(
    "data.seal-missing",
    en="the seal picture {name} is not in {folder}: put the PNG there, beside report.yaml, "
    "or remove seal:",
    zh="印章图片 {name} 不在 {folder} 中：请把这张 PNG 图片放在 report.yaml 旁边，或删除 seal 一项",
)
SEAL_UNUSABLE = MessageKind(
    "data.seal-unusable",
    en="{name} is not a PNG picture of at most {limit} MB: save the seal as a PNG with a "
    "transparent background",
    zh="{name} 不是不超过 {limit} MB 的 PNG 图片：请把印章另存为透明底的 PNG 图片",
)
OFFICIAL_NEEDS_FACTS = MessageKind(
    "data.official-needs-facts",
    en="the parts of an official document need the organisation and the date: write "
    "organisation: … and date: …",
    zh="公文的版头、署名等需要发文机关和成文日期：请填写 organisation: … 和 date: …",
)

# -- more of pydantic's findings, in the clerk's terms --

AT_LEAST = MessageKind(
    "data.at-least",
    en="should be at least {limit}, not {shown}",
    zh="应不小于 {limit}，而不是{shown}",
)
MORE_THAN = MessageKind(
    "data.more-than",
    en="should be more than {limit}, not {shown}",
    zh="应大于 {limit}，而不是{shown}",
)
AT_MOST = MessageKind(
    "data.at-most",
    en="should be at most {limit}, not {shown}",
    zh="应不大于 {limit}，而不是{shown}",
)
LESS_THAN = MessageKind(
    "data.less-than",
    en="should be less than {limit}, not {shown}",
    zh="应小于 {limit}，而不是{shown}",
)
NOT_A_DATE = MessageKind(
    "data.not-a-date",
    en="should be a date written as 2024年1月15日 or 2024-01-15, not {shown}",
    zh="应为日期，写作 2024年1月15日 或 2024-01-15 这样的形式，而不是{shown}",
)
NOT_YES_NO = MessageKind(
    "data.not-yes-no",
    en="should be true or false, not {shown}",
    zh="应为 true 或 false（是或否），而不是{shown}",
)
TOO_MANY_ITEMS = MessageKind(
    "data.too-many-items",
    en="should have at most {limit} items",
    zh="最多只能有 {limit} 项",
)
SEAL_FILE_NAME = MessageKind(
    "data.seal-file-name",
    en="give the name of a .png file beside report.yaml, such as seal.png",
    zh="请写 report.yaml 旁边的一个 .png 图片的文件名，如 seal.png",
)

# -- proofreading: warnings, which do not stop a render --

NUMBERING_JUMPS = MessageKind(
    "data.numbering-jumps",
    en="the numbering ({marker}) jumps: number {found} comes where {expected} should; renumber, "
    "or add what is missing",
    zh="序号（{marker}）不连续：应为第{expected}项处写成了第{found}项，请重新编号或补上缺少的一项",
)
NUMBERING_REPEATS = MessageKind(
    "data.numbering-repeats",
    en="the numbering ({marker}) repeats: number {found} comes again where {expected} should; "
    "renumber",
    zh="序号（{marker}）重复：应为第{expected}项处又写成了第{found}项，请重新编号",
)
ATTACHMENT_MISSING = MessageKind(
    "data.attachment-missing",
    en="the text mentions 附件, but report.yaml has no attachment: add attachment:, or reword",
    zh="正文提到了“附件”，但 report.yaml 中没有附件：请添加 attachment: 一项，或修改文字",
)
ATTACHMENT_NUMBER = MessageKind(
    "data.attachment-number",
    en="the text mentions 附件{number}, but the report has {count} {count:attachment|attachments} "
    "(a single one is not numbered)",
    zh="正文提到了附件{number}，但本文只有 {count} 个附件（只有一个附件时不编号），请核对",
)
TITLE_PUNCTUATION = MessageKind(
    "data.title-punctuation",
    en="the title ends in '{mark}': a title takes no punctuation at its end (GB/T 9704 7.3.1)",
    zh="标题末尾有标点“{mark}”：标题末尾不加标点（GB/T 9704 7.3.1），请删去",
)
YEAR_TWO_WAYS = MessageKind(
    "data.year-two-ways",
    en="a year is written as {here} here and as {elsewhere} elsewhere: write every year one way, "
    "in Arabic digits (2023年)",
    zh="年份写法不一致：此处写作“{here}”，别处写作“{elsewhere}”，请统一用阿拉伯数字书写（如2023年）",
)
DATED_BEFORE_PERIOD = MessageKind(
    "data.dated-before-period",
    en="the report is dated {date}, before the last year of its period ({end}) began: is it "
    "last period's date? check date: and period:",
    zh="成文日期 {date} 早于汇报周期的最后一年（{end}年），是否沿用了上一周期的日期？"
    "请核对 date 和 period",
)
# -- where files lead, what names they give, how large they may be --
TEMPLATE_NOT_IN_FOLDER = MessageKind(
    "data.template-not-in-folder",
    en="'{name}' leads out of the templates folder: name a .docx in it, such as report.docx "
    "(a subfolder is fine), without .., a leading / or a drive letter",
    zh="“{name}”指向模板文件夹以外：请写模板文件夹中的 .docx 文件名，如 report.docx"
    "（可以带子文件夹），不要用 ..、开头的 / 或盘符",
)
FILE_NAME_EMPTY = MessageKind(
    "data.file-name-empty",
    en="gives an empty file name: make the output name hold a letter or a digit",
    zh="生成的文件名为空：请让输出文件名中至少有一个字或数字",
)
FILE_NAME_TOO_LONG = MessageKind(
    "data.file-name-too-long",
    en="gives the file name '{name}' of {size} bytes, longer than the {limit} bytes a file "
    "name may take on every system: shorten the name, or the output pattern that makes it",
    zh="生成的文件名“{name}”长 {size} 字节，超过各系统都能接受的 {limit} 字节："
    "请缩短名称或生成文件名的 output 格式",
)
DATA_FILE_TOO_LARGE = MessageKind(
    "data.file-too-large",
    en="the file is {size} bytes, more than the {limit} a data file may have: split it, or "
    "check that it is the file meant",
    zh="该文件有 {size} 字节，超过数据文件上限 {limit} 字节：请拆分文件，或确认选对了文件",
)
YAML_TOO_DEEP = MessageKind(
    "data.yaml-too-deep",
    en="values nest more than {limit} levels deep here: write them flatter",
    zh="此处的数据嵌套超过 {limit} 层：请减少嵌套层次",
)
YAML_ALIAS_LOOP = MessageKind(
    "data.yaml-alias-loop",
    en="refers to itself through an alias (*…): write the value out instead",
    zh="通过别名（*…）引用了自身：请直接写出该值",
)
YAML_TOO_MANY_VALUES = MessageKind(
    "data.yaml-too-many-values",
    en="aliases (*…) repeat this value {times} times, and the file would hold {count} values, "
    "more than the {limit} a data file may hold: write fewer aliases",
    zh="别名（*…）使此值重复 {times} 次，整个文件将展开为 {count} 个值，"
    "超过数据文件上限 {limit} 个：请减少别名",
)
IN_TEXT = MessageKind(
    "data.in-text",
    en="in the text: {message}",
    zh="正文中：{message}",
)

# -- the names templates give the report's and a part's own things --
FIGURE_AND_DERIVED = MessageKind(
    "data.figure-and-derived",
    en="'{name}' is both a figure and a derived figure: rename one",
    zh="“{name}”既是数字又是计算得出的数字：请给其中一个改名",
)
FIGURE_AND_LIST = MessageKind(
    "data.figure-and-list",
    en="'{name}' is both a figure and a list: rename one",
    zh="“{name}”既是数字又是列表：请给其中一个改名",
)
FILE_NOT_LISTED = MessageKind(
    "data.file-not-listed",
    en="{file} is not listed in parts: add '{name}' to parts, or move the file out of the folder",
    zh="{file} 没有列在 parts 中：请把“{name}”加入 parts，或把该文件移出这个文件夹",
)
NO_DATE = MessageKind(
    "data.no-date",
    en="no date: enter the date the report is signed, such as 2024年1月15日",
    zh="没有成文日期：请填写，如 2024年1月15日",
)
