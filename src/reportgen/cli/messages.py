"""What the command line says: its help, its progress, and the lines each command prints."""

from __future__ import annotations

from reportgen.i18n import MessageKind

# -- the help --

DESCRIPTION = MessageKind(
    "cli.description",
    en="Make formal Chinese work reports (.docx) from YAML data and Word templates.",
    zh="用 YAML 数据和 Word 模板生成正式的中文工作报告（.docx）。",
)
EPILOG = MessageKind(
    "cli.epilog",
    en="""\
exit codes:
  0  success
  1  problems in the data or a template (each printed as file:line: message)
  2  wrong command-line usage
  3  workspace problem: no workspace, no such report, empty or missing data folder
  4  an output file could not be written (the previous output is left untouched)
  5  PDF conversion failed: LibreOffice or the fonts are missing

environment:
  REPORTGEN_CACHE_DIR   where checked templates and loaded reports are kept between
                        runs (default: the user's cache folder, ~/.cache/reportgen on Linux);
                        a new or empty folder of your own, which reportgen makes private
  REPORTGEN_NO_CACHE=1  check every template and load every report afresh; keep nothing
  REPORTGEN_LANG=zh|en  the language of every message (default: the system's)
""",
    zh="""\
退出码：
  0  成功
  1  数据或模板有问题（每个问题一行：文件:行: 说明）
  2  命令写法有误
  3  工作区有问题：不在工作区中、没有这份报告、数据文件夹为空或不存在
  4  无法写入输出文件（原有的文件保持不变）
  5  转换 PDF 失败：缺少 LibreOffice 或字体

环境变量：
  REPORTGEN_CACHE_DIR   两次运行之间保存已检查的模板和已读取的报告的文件夹
                        （默认为用户的缓存文件夹，Linux 上是
                        ~/.cache/reportgen）；须是自己的新文件夹或空文件夹，
                        reportgen 会把它设为仅本人可用
  REPORTGEN_NO_CACHE=1  每次都重新检查模板、读取报告，什么也不保存
  REPORTGEN_LANG=zh|en  提示信息的语言（默认随系统）
""",
)
COMMANDS_TITLE = MessageKind("cli.commands-title", en="commands", zh="命令")
VERSION_HELP = MessageKind(
    "cli.help.version", en="show reportgen's version and exit", zh="显示 reportgen 的版本后退出"
)
HELP_HELP = MessageKind("cli.help.help", en="show this help and exit", zh="显示本帮助后退出")
REPORTS_HELP = MessageKind(
    "cli.help.reports",
    en="report names (folders in data/; default: all)",
    zh="报告名，即 data 文件夹中的文件夹名（不写则为全部报告）",
)
OUTPUT_HELP = MessageKind(
    "cli.help.output", en="write here instead of output/", zh="写到这个文件夹，而不是 output"
)

RENDER_SUMMARY = MessageKind(
    "cli.render.summary",
    en="check and render reports into output/",
    zh="检查并生成报告，写到 output",
)
RENDER_DESCRIPTION = MessageKind(
    "cli.render.description",
    en="Check every named report (default: all), then render each into the output folder "
    "and print the files written. One rule for every document, a batch's rows included: "
    "each whose own data and template are clean is written, each with a problem is not and "
    "is listed as file:line: message, and the exit code is then 1.",
    zh="检查列出的每份报告（不写则为全部），然后把每份报告生成到输出文件夹，并列出写好的"
    "文件。每份文档（包括批量报告的每一行）都按同一规则处理：自身的数据和模板没有问题的就"
    "生成，有问题的不生成，并按“文件:行: 说明”列出，这时退出码为 1。",
)
PDF_HELP = MessageKind(
    "cli.render.pdf",
    en="also write a PDF of each document, with LibreOffice (one start for all)",
    zh="同时用 LibreOffice 为每份文档生成 PDF（所有文档只启动一次）",
)
JOBS_HELP = MessageKind(
    "cli.render.jobs",
    en="render a batch's rows in N processes (default: 1)",
    zh="批量报告的各行用 N 个进程同时生成（默认为 1）",
)
ZIP_HELP = MessageKind(
    "cli.render.zip",
    en="write each batch as one .zip of its documents (output/REPORT.zip), not a folder",
    zh="把批量报告的全部文档写成一个 .zip 压缩包（output/报告名.zip），而不是一个文件夹",
)
ENGINE_HELP = MessageKind(
    "cli.render.engine",
    en="where a batch's rows are rendered: here (local, default) or on a Dask cluster (pip "
    'install "reportgen[dask]"); on Dask each worker writes its own files, or with --zip its '
    "own output/REPORT/part-NNNNN.zip",
    zh="批量报告在哪里生成：本机（local，默认）或 Dask 集群（需先 pip install "
    '"reportgen[dask]"）；用 Dask 时每个工作进程自己写文件，加 --zip 则各写一个 '
    "output/报告名/part-NNNNN.zip",
)
SCHEDULER_HELP = MessageKind(
    "cli.render.scheduler",
    en="with --engine dask: the cluster's scheduler (tcp://host:8786), whose machines all see "
    "the output folder; without it, a local cluster of --jobs worker processes",
    zh="与 --engine dask 一起用：集群调度器的地址（tcp://主机:8786），集群中每台机器都要能访问"
    "输出文件夹；不写则在本机启动一个有 --jobs 个工作进程的集群",
)
SCHEDULER_NEEDS_DASK = MessageKind(
    "cli.scheduler-needs-dask",
    en="--scheduler names a Dask cluster: add --engine dask",
    zh="--scheduler 指的是 Dask 集群的地址：请同时写上 --engine dask",
)
DASK_MISSING = MessageKind(
    "cli.dask-missing",
    en='--engine dask needs Dask: install it with pip install "reportgen[dask]"',
    zh='使用 --engine dask 需要先安装 Dask：pip install "reportgen[dask]"',
)
ROWS_OF = MessageKind("progress.rows-of", en="rows of {name}", zh="{name} 逐行生成")
ROWS_A_SECOND = MessageKind(
    "progress.rows-a-second",
    en="{rate} rows/s, {left} left",
    zh="每秒 {rate} 行，还需 {left}",
)
CHECK_SUMMARY = MessageKind(
    "cli.check.summary",
    en="check data and templates without writing anything",
    zh="检查数据和模板，不写任何文件",
)
CHECK_DESCRIPTION = MessageKind(
    "cli.check.description",
    en="Check the data and template of every named report (default: all) and print every "
    "problem as file:line: message.",
    zh="检查列出的每份报告（不写则为全部）的数据和模板，把每个问题按“文件:行: 说明”列出。",
)
CHECK_PDF_HELP = MessageKind(
    "cli.check.pdf",
    en="also lay the reports out with LibreOffice and warn of a paragraph whose last line "
    "holds one character",
    zh="同时用 LibreOffice 排版，最后一行只有一个字的段落给出提醒",
)
WATCH_SUMMARY = MessageKind(
    "cli.watch.summary",
    en="render reports again whenever their data or template changes",
    zh="数据或模板一有改动就重新生成报告",
)
WATCH_DESCRIPTION = MessageKind(
    "cli.watch.description",
    en="Render every named report (default: all), then watch its data folder and template "
    "and render it again after each change, printing the files written or the problems "
    "found. Watching goes on after a problem; Ctrl+C stops it.",
    zh="生成列出的每份报告（不写则为全部），然后监视它的数据文件夹和模板，每次改动后重新"
    "生成，并列出写好的文件或发现的问题。出了问题也继续监视；按 Ctrl+C 停止。",
)
SCHEMA_SUMMARY = MessageKind(
    "cli.schema.summary",
    en="write the data files' JSON Schema, for editors",
    zh="写出数据文件的 JSON Schema，供编辑器使用",
)
SCHEMA_DESCRIPTION = MessageKind(
    "cli.schema.description",
    en="Write report.schema.json and part.schema.json, which editors such as VS Code use to "
    "check and complete the data files while they are typed. The data files name them on "
    "their first line.",
    zh="写出 report.schema.json 和 part.schema.json。VS Code 等编辑器用它们在输入时检查数据"
    "文件、补全字段名；数据文件在第一行写明所用的文件。",
)
SCHEMA_DIR_HELP = MessageKind(
    "cli.schema.dir",
    en="where to write them (default: schemas/ in the workspace)",
    zh="写到哪个文件夹（默认为工作区中的 schemas）",
)
NEW_PERIOD_SUMMARY = MessageKind(
    "cli.new-period.summary",
    en="copy a report's data to its next period, figures emptied",
    zh="把一份报告的数据复制到下一个周期，数字清空待填",
)
NEW_PERIOD_DESCRIPTION = MessageKind(
    "cli.new-period.description",
    en="Copy data/REPORT to a new folder for the next period (2024-2028 after 2019-2023): the "
    "years move on, the prose and comments stay, each figure's value moves to 'previous' "
    "and becomes ~, and so does the date. 'reportgen check' then lists each one to enter.",
    zh="把 data/REPORT 复制为下一个周期的新文件夹（2019-2023 之后是 2024-2028）：年份"
    "顺延，文字和注释保留，每个数字原来的值移到 previous 中、本身改为 ~（待填），成文日期"
    "也改为 ~。之后运行“reportgen check”即可逐项列出要填写的内容。",
)
NEW_PERIOD_REPORT_HELP = MessageKind(
    "cli.new-period.report", en="the report to continue", zh="要延续的报告"
)
NEW_PERIOD_TO_HELP = MessageKind(
    "cli.new-period.to",
    en="the new folder's name (default: REPORT with the new years)",
    zh="新文件夹的名称（默认为原报告名加上新的年份）",
)
FILL_SUMMARY = MessageKind(
    "cli.fill-sheet.summary",
    en="write the Excel sheet a statistics office fills with a report's figures",
    zh="生成统计部门填写报告数字用的 Excel 表",
)
FILL_DESCRIPTION = MessageKind(
    "cli.fill-sheet.description",
    en="Write 指标填报.xlsx into data/REPORT/: a sheet for each data file with figures still to "
    "enter (value: ~, as new-period leaves them), a row a figure with its label, unit, a "
    "column a year and last period's value beside; the cells to fill accept numbers only. "
    "Each data file then names its sheet under figures_sheet:, so the filled workbook, saved "
    "in place, is read by check and render.",
    zh="在 data/REPORT/ 中生成“指标填报.xlsx”：每个有待填数字（value: ~，即 new-period 留下的）"
    "的数据文件一张工作表，每个数字一行，列出名称、单位，每年一列，旁边是上一周期的数值；"
    "待填的格子只能填数字。各数据文件随后在 figures_sheet: 中写明自己的工作表，填好的表格"
    "原地保存后，check 和 render 就会读取它。",
)
FILL_REPORT_HELP = MessageKind(
    "cli.fill-sheet.report", en="the report whose figures are to fill", zh="要填写数字的报告"
)
LIST_SUMMARY = MessageKind(
    "cli.list.summary",
    en="show every template and report, and whether each report checks clean",
    zh="列出所有模板和报告，以及每份报告能否通过检查",
)
LIST_DESCRIPTION = MessageKind(
    "cli.list.description",
    en="List the templates, and for each report its data folder, its template, its output "
    "file and whether it checks clean (✓) or how many problems 'reportgen check' shows.",
    zh="列出各个模板，以及每份报告的数据文件夹、模板、输出文件，和它是否通过检查（✓），"
    "或者“reportgen check”会列出几个问题。",
)
DEPARTMENT_SUMMARY = MessageKind(
    "cli.new-department.summary",
    en="make a starter template and a commented data folder for a new report",
    zh="为一份新报告生成起步模板和带注释的数据文件夹",
)
DEPARTMENT_DESCRIPTION = MessageKind(
    "cli.new-department.description",
    en="Write templates/NAME.docx, a starter template in the formal layout, and data/NAME/, a "
    "commented report.yaml and one part that fill it. It renders at once; then change it.",
    zh="写出 templates/NAME.docx（一个按公文格式排好的起步模板）和 data/NAME/（带注释的 "
    "report.yaml 和一个部分的数据）。写好后马上就能生成，再按需要修改。",
)
DEPARTMENT_NAME_HELP = MessageKind(
    "cli.new-department.name",
    en="the report's name (letters, digits, -)",
    zh="报告名（字母、数字和 -）",
)
DEPARTMENT_TITLE_HELP = MessageKind(
    "cli.new-department.title",
    en="the report's title (default: 工作报告)",
    zh="报告的标题（默认为“工作报告”）",
)
DEPARTMENT_ORGANISATION_HELP = MessageKind(
    "cli.new-department.organisation",
    en="the organisation's full name",
    zh="单位全称",
)
NEW_DATA_SUMMARY = MessageKind(
    "cli.new-data.summary",
    en="write a report's data from its template, every field to fill in",
    zh="按模板写出一份报告的数据，每个字段留待填写",
)
NEW_DATA_DESCRIPTION = MessageKind(
    "cli.new-data.description",
    en="Write data/NAME/report.yaml for TEMPLATE (a .docx in templates/, or a path to one, "
    "which is copied there): every field the template uses, in the shape it uses it "
    "(text, a list, a list of records, a date, a figure), commented with where the "
    "document prints it, each saying 【待填写】. It renders at once; 'reportgen check NAME' "
    "lists each field still to fill in.",
    zh="为模板 TEMPLATE（templates 中的 .docx，或一个文件路径，会复制到 templates 中）写出 "
    "data/NAME/report.yaml：模板用到的每个字段，都按模板使用它的形式写好（文字、列表、"
    "记录表、日期、指标），注释说明它印在文档的哪里，值都是【待填写】。写好后马上就能生成；"
    "“reportgen check NAME”逐条列出尚待填写的字段。",
)
NEW_DATA_TEMPLATE_HELP = MessageKind(
    "cli.new-data.template",
    en="the template: a file in templates/ (the .docx may be left off) or a path",
    zh="模板：templates 中的文件名（可省略 .docx），或文件路径",
)
NEW_DATA_NAME_HELP = MessageKind(
    "cli.new-data.name",
    en="the report's name, the folder under data/ (letters, digits, -)",
    zh="报告名，即 data 下的文件夹名（字母、数字和 -）",
)
FIELDS_SUMMARY = MessageKind(
    "cli.fields.summary", en="print the fields a template needs", zh="列出模板用到的字段"
)
FIELDS_DESCRIPTION = MessageKind(
    "cli.fields.description",
    en="Print every field TEMPLATE uses, nested, with its kind and the file and key the data "
    "gives it in. TEMPLATE is a file in templates/ (the .docx may be left off) or a path.",
    zh="按层次列出模板 TEMPLATE 用到的每个字段，以及它的类型和数据中填写它的文件和字段名。"
    "TEMPLATE 可以是 templates 中的文件名（可省略 .docx），也可以是文件路径。",
)
FIX_SUMMARY = MessageKind(
    "cli.fix-template.summary",
    en="normalise templates so that Word lays them out as LibreOffice does",
    zh="规范模板，使 Word 与 LibreOffice 的排版一致",
)
FIX_DESCRIPTION = MessageKind(
    "cli.fix-template.description",
    en="Set each TEMPLATE (default: every template) to Word's current compatibility mode and "
    "Chinese as its East Asian language, remove stale parts (an old copy of the styles, a "
    "thumbnail, an empty bibliography) and list links to missing styles, and mark runs "
    "with Chinese quotes and dashes for the East Asian font: the warnings of "
    "'reportgen check'. The template is changed in place; the original is kept beside "
    "it as NAME.docx.bak.",
    zh="把每个 TEMPLATE（不写则为全部模板）设为 Word 当前的兼容模式，东亚语言设为中文；删去"
    "过时的部分（旧的样式副本、缩略图、空的参考文献），去掉指向不存在样式的列表链接；并给"
    "含中文引号和破折号的文字标明用东亚字体。这些正是“reportgen check”提醒的问题。模板"
    "就地修改，原文件另存为 NAME.docx.bak 放在旁边。",
)
FIX_TEMPLATE_HELP = MessageKind(
    "cli.fix-template.template",
    en="a file in templates/ or a path",
    zh="templates 中的文件名，或文件路径",
)
INIT_SUMMARY = MessageKind(
    "cli.init.summary",
    en="make a new workspace with a sample report",
    zh="新建一个工作区，附带一份示例报告",
)
INIT_DESCRIPTION = MessageKind(
    "cli.init.description",
    en="Make templates/, data/, output/, a commented reportgen.toml and a sample report in DIR "
    "(default: the current folder), so that 'reportgen render' there works at once. "
    "Existing files are never overwritten.",
    zh="在 DIR（默认为当前文件夹）中建立 templates、data、output 三个文件夹、带注释的 "
    "reportgen.toml 和一份示例报告，在那里运行“reportgen render”马上就能生成。"
    "已有的文件绝不覆盖。",
)
SERVE_SUMMARY = MessageKind(
    "cli.serve.summary",
    en="open the workspace in the browser: a form for each report, with a preview",
    zh="在浏览器中打开工作区：每份报告一张填写表，并可预览",
)
SERVE_DESCRIPTION = MessageKind(
    "cli.serve.description",
    en="Serve the workspace as a local web page and open it in the browser (the BROWSER "
    "variable is honoured; BROWSER=true opens nothing): every report with its check "
    "status, a form for each report's data that saves into its YAML files keeping every "
    "comment, and a preview of its pages. Only this computer can reach it, unless --host "
    "names another address; then it prints an address with an access token to use.",
    zh="把工作区作为本机网页提供，并在浏览器中打开（遵从 BROWSER 变量；BROWSER=true 时不打开）："
    "列出每份报告及其检查结果；每份报告的数据有一张填写表，保存时写回 YAML 文件并保留所有"
    "注释；还可预览报告的页面。只有本机能访问，除非用 --host 指定其他地址，这时会印出一个"
    "带访问令牌的网址供使用。",
)
SERVE_PORT_HELP = MessageKind(
    "cli.serve.port",
    en="the port (default: 8420; 0: any free)",
    zh="端口（默认为 8420；0 表示任选一个空闲端口）",
)
SERVE_HOST_HELP = MessageKind(
    "cli.serve.host",
    en="the address to listen on (default: 127.0.0.1, this computer only)",
    zh="监听的地址（默认为 127.0.0.1，即只有本机能访问）",
)
CACHE_SUMMARY = MessageKind(
    "cli.cache.summary",
    en="show where checked templates, loaded reports and drawn charts are kept, or clear them",
    zh="显示已检查的模板、已读取的报告和画好的图表保存在哪里，或清空它们",
)
CACHE_DESCRIPTION = MessageKind(
    "cli.cache.description",
    en="Show the folder where reportgen keeps templates that passed their checks, reports "
    "that loaded without a problem and the charts it drew, so that later runs need not check, "
    "load and draw them again, and how much it holds. Clearing it is always safe: the next "
    "run checks, loads and draws afresh.",
    zh="显示 reportgen 保存已通过检查的模板、已顺利读取的报告和已画好的图表的文件夹，以及其中有多少"
    "内容；保存它们是为了以后运行时不必重新检查、读取和绘制。清空总是安全的：下次运行会重新检查、"
    "读取和绘制。",
)
CACHE_CLEAR_HELP = MessageKind("cli.cache.clear", en="remove every entry", zh="清空所有内容")

# -- what the commands print --

CHECKED_CLEAN = MessageKind(
    "cli.checked-clean",
    en="{count} {count:report|reports} checked: no problems",
    zh="已检查 {count} 份报告，没有发现问题",
)
CHECKED_WARNINGS = MessageKind(
    "cli.checked-warnings",
    en="{count} {count:report|reports} checked: no errors, {warnings} "
    "{warnings:warning|warnings} above (the reports render; better to fix them first)",
    zh="已检查 {count} 份报告，没有错误，有 {warnings} 条提醒（见上）："
    "报告可以生成，最好先按提醒修正",
)
ERROR_PREFIX = MessageKind("cli.error-prefix", en="error: {error}", zh="错误：{error}")
INTERRUPTED = MessageKind("cli.interrupted", en="interrupted", zh="已中断")
WATCHING = MessageKind(
    "cli.watching",
    en="watching {folders} (Ctrl+C to stop)",
    zh="正在监视 {folders}（按 Ctrl+C 停止）",
)
CHANGED = MessageKind("cli.changed", en="changed: {paths}", zh="有改动：{paths}")
NEW_PERIOD_MADE = MessageKind(
    "cli.new-period.made",
    en="{folder}: the period {years}, from {report}",
    zh="{folder}：{years}年，由 {report} 复制而来",
)
NEW_PERIOD_TO_ENTER = MessageKind(
    "cli.new-period.to-enter",
    en="{count} {count:figure|figures} and the date to enter: 'reportgen check {name}' lists "
    "each one",
    zh="有 {count} 个数字和成文日期待填写：运行“reportgen check {name}”可逐项列出",
)
DEPARTMENT_MADE = MessageKind(
    "cli.new-department.made",
    en="'reportgen render {name}' renders it; edit the files, then render again",
    zh="运行“reportgen render {name}”即可生成；修改这些文件后再生成一次",
)
INIT_MADE = MessageKind(
    "cli.init.made",
    en="'reportgen render' in {folder} renders the sample report",
    zh="在 {folder} 中运行“reportgen render”即可生成示例报告",
)
NOT_A_COUNT = MessageKind(
    "cli.not-a-count",
    en="should be a whole number of 1 or more, not '{text}'",
    zh="应为 1 或更大的整数，而不是“{text}”",
)

# -- progress --

RENDERING = MessageKind("cli.progress.rendering", en="rendering", zh="正在生成")
RENDERED = MessageKind("cli.progress.rendered", en="rendered {name}", zh="已生成 {name}")
CONVERTING = MessageKind(
    "cli.progress.converting",
    en="converting to PDF with LibreOffice",
    zh="正在用 LibreOffice 转换为 PDF",
)
CONVERTED = MessageKind(
    "cli.progress.converted",
    en="converting to PDF: {count} written",
    zh="正在转换为 PDF：已写出 {count} 份",
)
CHECKING = MessageKind("cli.progress.checking", en="checking", zh="正在检查")
CHECKED_ONE = MessageKind("cli.progress.checked", en="checked {name}", zh="已检查 {name}")
LAYING_OUT = MessageKind(
    "cli.progress.laying-out",
    en="laying the pages out with LibreOffice",
    zh="正在用 LibreOffice 排版核对页面",
)
LAID_OUT = MessageKind(
    "cli.progress.laid-out",
    en="laying the pages out: {count} done",
    zh="正在排版核对页面：已完成 {count} 份",
)
DONE = MessageKind("cli.progress.done", en="done", zh="完成")

#: argparse's own words (usage, errors), which it looks up through gettext, in Chinese.
#: The placeholders are argparse's: each translation keeps every one of the original's.
ARGPARSE_ZH = {
    "usage: ": "用法：",
    "options": "选项",
    "positional arguments": "参数",
    "show this help message and exit": "显示本帮助后退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "没有 %(value)r 这一项（可选：%(choices)s）"
    ),
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的 %(type)s 值",
    "expected one argument": "后面应写一个值",
    "expected at least one argument": "后面应至少写一个值",
    "expected at most one argument": "后面最多写一个值",
    "ignored explicit argument %r": "不接受写在后面的值 %r",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "参数 %s 中必须写一个",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项 %(option)s 不明确，可能是 %(matches)s"
    ),
    "expected %s argument": "后面应写 %s 个值",
    "expected %s arguments": "后面应写 %s 个值",
}
