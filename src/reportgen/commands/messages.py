"""The messages of the commands beside render and check: new-period, new-department, init, list."""

from __future__ import annotations

from reportgen.i18n import MessageKind

# -- new-period --

BAD_FOLDER_NAME = MessageKind(
    "new-period.bad-name",
    en="'{name}' cannot name a report folder: use letters, digits, - and _ only",
    zh="“{name}”不能用作报告文件夹名：只能用字母、数字、- 和 _",
)
FOLDER_EXISTS = MessageKind(
    "new-period.exists",
    en="already exists; choose another name with --to, or delete the folder",
    zh="已经存在：用 --to 另起一个名称，或者删掉这个文件夹",
)
FIGURE_ON_ONE_LINE = MessageKind(
    "new-period.figure-on-one-line",
    en="cannot move this figure to the next period automatically: put each of its fields on "
    "a line of its own",
    zh="无法自动把这个数字转到下一个周期：请把它的每一项分行写",
)
NEEDS_PERIOD = MessageKind(
    "new-period.needs-period",
    en="needs the years of the period to move it on (period: start: 2019, end: 2023)",
    zh="要写明周期的起止年份才能顺延（在 period: 下写 start: 2019 和 end: 2023）",
)

# -- new-department and init --

BAD_REPORT_NAME = MessageKind(
    "new-department.bad-name",
    en="'{name}' cannot name a report: use letters, digits, - and _ , starting with a letter "
    "or digit",
    zh="“{name}”不能用作报告名：只能用字母、数字、- 和 _，并以字母或数字开头",
)
ALREADY_EXIST = MessageKind(
    "new-department.exists",
    en="{paths} already {count:exists|exist}: choose another name; nothing was written",
    zh="{paths} 已经存在：请换一个名称；没有写入任何文件",
)
INIT_TAKEN = MessageKind(
    "init.taken",
    en="already holds {names}; 'reportgen init' never overwrites a file, so nothing was "
    "written (run it in an empty folder)",
    zh="这里已经有 {names}；“reportgen init”从不覆盖文件，所以没有写入任何文件"
    "（请在空文件夹中运行）",
)
CANNOT_MAKE_FOLDERS = MessageKind(
    "init.cannot-make-folders",
    en="cannot make the folders ({reason})",
    zh="无法建立文件夹（{reason}）",
)

# -- list --

LIST_TEMPLATES = MessageKind(
    "list.templates", en="templates ({folder}/):", zh="模板（{folder}/）："
)
LIST_USED_BY = MessageKind("list.used-by", en="used by {reports}", zh="用于 {reports}")
LIST_UNUSED = MessageKind("list.unused", en="(no report uses it)", zh="（没有报告使用）")
LIST_NONE = MessageKind("list.none", en="  (none)", zh="  （无）")
LIST_REPORTS = MessageKind("list.reports", en="reports ({folder}/):", zh="报告（{folder}/）：")
LIST_PROBLEMS = MessageKind(
    "list.problems", en="{count} {count:problem|problems}", zh="{count} 个问题"
)
LIST_PARTS = MessageKind("list.parts", en="{count} {count:part|parts}", zh="{count} 个部分")
LIST_DATA = MessageKind(
    "list.data", en="    data      {folder}/ ({files})", zh="    数据  {folder}/（{files}）"
)
LIST_AND = MessageKind("list.and", en="{first} and {second}", zh="{first}和{second}")
LIST_TEMPLATE = MessageKind("list.template", en="    template  {path}", zh="    模板  {path}")
LIST_TEMPLATE_MISSING = MessageKind(
    "list.template-missing", en="    template  {path}  (missing)", zh="    模板  {path}（不存在）"
)
LIST_NO_TEMPLATE = MessageKind(
    "list.no-template",
    en="    template  (none given: add template: to report.yaml)",
    zh="    模板  （未指定：在 report.yaml 中写 template:）",
)
LIST_OUTPUT_UNKNOWN = MessageKind(
    "list.output-unknown",
    en="    output    (unknown until report.yaml checks)",
    zh="    输出  （report.yaml 通过检查后才能确定）",
)
LIST_OUTPUT = MessageKind("list.output", en="    output    {path}", zh="    输出  {path}")
LIST_BATCH_OUTPUT = MessageKind(
    "list.batch-output",
    en="    output    {path}  (one a row of {rows})",
    zh="    输出  {path}（{rows} 每行一份）",
)
