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
