"""The messages of the lowest layer (the workspace, files), in English and Chinese."""

from __future__ import annotations

from reportgen.i18n import MessageKind

FILE_UNREADABLE = MessageKind(
    "file.unreadable",
    en="cannot read the file ({reason})",
    zh="无法读取该文件（{reason}）",
)
NOT_A_WORKSPACE = MessageKind(
    "workspace.not-found",
    en="not a reportgen workspace (no {config} here or above, and no data/ folder): run "
    "'reportgen init' to make one, or change to a workspace folder",
    zh="这里不是 reportgen 工作区（本文件夹及其上级都没有 {config}，也没有 data/ 文件夹）："
    "运行 reportgen init 新建一个，或先进入工作区文件夹",
)
CONFIG_SYNTAX = MessageKind(
    "workspace.config-syntax",
    en="{error}",
    zh="格式有误（{error}）：请检查该行的等号和引号",
)
CONFIG_FOLDERS = MessageKind(
    "workspace.config-folders",
    en="[folders] takes text values for templates, data and output{unknown}",
    zh="[folders] 中只能写 templates、data、output 三项，值为加引号的文件夹名{unknown}",
)
CONFIG_UNKNOWN_KEYS = MessageKind(
    "workspace.config-unknown", en=" (unknown: {names})", zh="（无法识别：{names}）"
)
DATA_FOLDER_MISSING = MessageKind(
    "workspace.data-missing",
    en="the data folder is missing",
    zh="数据文件夹不存在：请新建它，或在 reportgen.toml 的 [folders] 中写明它的位置",
)
NO_REPORTS = MessageKind(
    "workspace.no-reports",
    en="holds no report (a report is a folder with a report.yaml)",
    zh="其中没有报告（每份报告是一个含 report.yaml 的文件夹）",
)
NO_SUCH_REPORT = MessageKind(
    "workspace.no-such-report",
    en="no report named '{name}' (reports: {known})",
    zh="没有名为“{name}”的报告（现有的报告：{known}）",
)
NO_SUCH_TEMPLATE = MessageKind(
    "workspace.no-such-template",
    en="no template '{name}' (templates: {known})",
    zh="没有名为“{name}”的模板（现有的模板：{known}）",
)
NONE_THERE = MessageKind("workspace.none", en="none", zh="无")

# -- proofreading the pages of a converted document --

PAGE = MessageKind("pdf.page", en="page {number}", zh="第{number}页")
LONELY_CHARACTER = MessageKind(
    "pdf.lonely-character",
    en="the paragraph “{start}” ends with one character alone on its last line (“{line}”): "
    "shorten or lengthen it by a few characters",
    zh="“{start}”一段的最后一行只有一个字（“{line}”），请删减或增加几个字，使其不单独成行",
)
NOT_A_REPORT_NAME = MessageKind(
    "workspace.not-a-report-name",
    en="'{name}' is not a report's name but a path: give the name of a report folder here "
    "(reports: {known})",
    zh="“{name}”是路径而不是报告名称：请写这里的报告文件夹名称（现有的报告：{known}）",
)
LINK_LEADS_OUT = MessageKind(
    "workspace.link-leads-out",
    en="is a link to {target}, outside {folder}: reportgen reads and writes only inside its "
    "folders; put the file or folder itself there, or remove the link",
    zh="是指向 {folder} 以外（{target}）的链接：reportgen 只在自己的文件夹内读写，"
    "请把文件或文件夹本身放进去，或删除该链接",
)
CANNOT_WRITE_HERE = MessageKind(
    "files.cannot-write-here",
    en="cannot write here ({reason})",
    zh="无法在此处写入（{reason}）：请检查文件夹是否存在、是否有写入权限",
)
CANNOT_WRITE_FILE = MessageKind(
    "files.cannot-write-file",
    en="cannot write the file ({reason})",
    zh="无法写入该文件（{reason}）：如果它正在 Word 或 WPS 中打开，请先关闭",
)
CANNOT_WRITE_FOLDER = MessageKind(
    "files.cannot-write-folder",
    en="cannot write the folder ({reason})",
    zh="无法写入该文件夹（{reason}）",
)
