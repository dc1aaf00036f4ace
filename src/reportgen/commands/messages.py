"""The messages of the commands beside render and check, in English and Chinese."""

from __future__ import annotations

from reportgen.i18n import MessageKind

PERIOD_NEEDED = MessageKind(
    "new-period.period-needed",
    en="needs the years of the period to move it on (period: start: 2019, end: 2023)",
    zh="需要写明汇报周期的起止年份才能顺延到下一周期（period: start: 2019, end: 2023）",
)
BAD_REPORT_NAME = MessageKind(
    "starter.bad-name",
    en="'{name}' cannot name a report: use letters, digits, - and _ , starting with a letter "
    "or digit",
    zh="“{name}”不能用作报告名称：请只用字母、数字、- 和 _，并以字母或数字开头",
)
ALREADY_EXISTS = MessageKind(
    "starter.taken",
    en="already exists{also}: choose another name; nothing was written",
    zh="已存在{also}：请换一个名称；未写入任何文件",
)
ALSO_EXISTS = MessageKind("starter.taken-also", en=", and so does {paths}", zh="，{paths} 也已存在")
WORKSPACE_TAKEN = MessageKind(
    "init.taken",
    en="already holds {names}; 'reportgen init' never overwrites a file, so nothing was written "
    "(run it in an empty folder)",
    zh="中已有 {names}；reportgen init 从不覆盖文件，因此未写入任何文件（请在空文件夹中运行）",
)
FOLDERS_UNWRITABLE = MessageKind(
    "init.folders-unwritable",
    en="cannot make the folders ({reason})",
    zh="无法创建文件夹（{reason}）",
)
REPORT_NAME_UNMADE = MessageKind(
    "new-department.name-unmade",
    en="'{name}' cannot name a report: {reason}",
    zh="“{name}”不能用作报告名称：{reason}",
)
NAME_IS_DEVICE = MessageKind(
    "new-department.name-device",
    en="Windows keeps {name} for a device, and makes no file or folder of that name",
    zh="Windows 把 {name} 留作设备名，不能用它建文件或文件夹，请换一个名称",
)
NAME_TOO_LONG = MessageKind(
    "new-department.name-too-long",
    en="it is {size} bytes long, more than the {limit} a file name may take everywhere",
    zh="名称长 {size} 字节，超过了各系统都能用的 {limit} 字节，请缩短",
)
BAD_FOLDER_NAME = MessageKind(
    "new-period.bad-name",
    en="'{name}' cannot name a report folder: use letters, digits, - and _ only",
    zh="“{name}”不能用作报告文件夹名：请只用字母、数字、- 和 _",
)
PERIOD_FOLDER_TAKEN = MessageKind(
    "new-period.taken",
    en="already exists; choose another name with --to, or delete the folder",
    zh="已存在：请用 --to 另起一个名称，或删除该文件夹",
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
LIST_WARNED = MessageKind(
    "list.warned",
    en="{state} ({count} {count:warning|warnings})",
    zh="{state}（{count} 条提醒）",
)
LIST_PARTS = MessageKind("list.parts", en="{count} {count:part|parts}", zh="{count} 个部分")
LIST_DATA = MessageKind(
    "list.data", en="    data      {folder}/ ({files})", zh="    数据  {folder}/（{files}）"
)
LIST_AND = MessageKind("list.and", en="{first} and {second}", zh="{first} 和 {second}")
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
FILL_SHEET_NOTHING = MessageKind(
    "fill-sheet.nothing",
    en="no figure of '{report}' awaits its value: start a new period first (reportgen "
    "new-period), or empty the figures to fill (value: ~)",
    zh="“{report}”中没有待填的数字：请先用 reportgen new-period 开始新周期，"
    "或把要填的数字清空（value: ~）",
)
FILL_SHEET_WRITTEN = MessageKind(
    "fill-sheet.written",
    en="{count} {count:figure|figures} to fill in {sheets}; when it is filled, save it here and "
    "'reportgen check {report}' reads it",
    zh="共 {count} 个数字待填，在工作表 {sheets} 中；填好后保存在原处，"
    "“reportgen check {report}”即可读入",
)

# -- fix-template --

TEMPLATE_FIXED = MessageKind(
    "commands.template-fixed",
    en="{path}: normalised for Word; the original is kept as {backup}",
    zh="{path}：已按 Word 的要求修正，原文件另存为 {backup}",
)
TEMPLATE_ALREADY_NORMAL = MessageKind(
    "commands.template-already-normal",
    en="{path}: nothing to change (Word lays it out as LibreOffice does)",
    zh="{path}：无需修正（Word 与 LibreOffice 的排版一致）",
)
FIXED_MODE = MessageKind(
    "commands.fixed-mode",
    en="compatibility mode {mode} → 15 (no more Compatibility Mode)",
    zh="兼容级别由 {mode} 改为 15（不再以兼容模式打开）",
)
FIXED_LANGUAGE = MessageKind(
    "commands.fixed-language",
    en="default East Asian language {language} → zh-CN",
    zh="默认东亚语言由 {language} 改为 zh-CN",
)
FIXED_THEME_LANGUAGE = MessageKind(
    "commands.fixed-theme-language",
    en="theme fonts' East Asian language {language} → zh-CN",
    zh="主题字体的东亚语言由 {language} 改为 zh-CN",
)
FIXED_LIST_LINKS = MessageKind(
    "commands.fixed-list-links",
    en="{count} list {count:link|links} to missing styles removed ({styles})",
    zh="删除了列表与不存在样式的 {count} 处链接（{styles}）",
)
FIXED_DROPPED = MessageKind(
    "commands.fixed-dropped",
    en="stale {count:part|parts} removed: {parts}",
    zh="删除了过时的部件：{parts}",
)
FIXED_HINTED = MessageKind(
    "commands.fixed-hinted",
    en="{count} {count:run|runs} holding Chinese quotes, dashes or the like set to the "
    "East Asian font (w:hint)",
    zh="{count} 处含中文引号、破折号等的文字已标明使用中文字体（w:hint）",
)
BACKUP_FAILED = MessageKind(
    "commands.backup-failed",
    en="cannot keep a backup of the template here ({reason}); the template was not changed",
    zh="无法在此保存模板的备份（{reason}），模板未作改动",
)
DATA_FOLDER_TAKEN = MessageKind(
    "new-data.taken",
    en="already exists: choose another name for the report, or delete the folder; nothing was "
    "written",
    zh="已存在：请给报告换一个名称，或删除该文件夹；未写入任何文件",
)
TEMPLATE_FILE_TAKEN = MessageKind(
    "new-data.template-taken",
    en="another template of this name is already there: rename one of them; nothing was written",
    zh="模板文件夹中已有同名的另一个模板：请给其中一个改名；未写入任何文件",
)
NEW_DATA_WRITTEN = MessageKind(
    "new-data.written",
    en="{count} {count:field|fields} to fill in (each says 【待填写】): 'reportgen check {name}' "
    "lists them, 'reportgen render {name}' renders it now",
    zh="共 {count} 处待填写（写着“【待填写】”）：“reportgen check {name}”会逐条列出，"
    "“reportgen render {name}”现在就可以生成文档",
)
