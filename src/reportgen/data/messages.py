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

# -- reading a table or a workbook --

FILE_NOT_FOUND = MessageKind(
    "table.not-found",
    en="file not found: put it beside report.yaml, or correct its name there",
    zh="找不到该文件：请把它放在 report.yaml 所在的文件夹中，或在 report.yaml 中改正文件名",
)
UNREADABLE_FILE = MessageKind(
    "table.unreadable",
    en="cannot read the file ({reason}): close it in other programs and try again",
    zh="无法读取该文件（{reason}）：请在其他程序中关闭它后重试",
)
TABLE_NOT_TEXT = MessageKind(
    "table.not-text",
    en="line {line} is neither UTF-8 nor GB18030 text ({reason}): in Excel or WPS, save the "
    "table as “CSV UTF-8 (逗号分隔)”",
    zh="第{line}行既不是 UTF-8 也不是 GB18030 编码的文字（{reason}）：请在 Excel 或 WPS 中"
    "把表格另存为“CSV UTF-8（逗号分隔）”",
)
CSV_SYNTAX = MessageKind(
    "table.csv-syntax",
    en="cannot read this line as CSV ({detail}): check that its quotation marks come in pairs",
    zh="这一行无法按 CSV 读取（{detail}）：请检查引号是否成对",
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
    zh="无法作为电子表格读取（{detail}）：请用 Excel 或 WPS 打开后重新保存为 .xlsx",
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
    en="the first row names no year (2019 or 2019年) and no 合计 column: head the columns with "
    "the years",
    zh="第一行既没有年度（如 2019 或 2019年），也没有“合计”列：请在各列的第一行写上年度",
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
