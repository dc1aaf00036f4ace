"""What the modules at the package's top level say: the workspace, batches, rendering."""

from __future__ import annotations

from reportgen.i18n import MessageKind

NO_SUCH_REPORT = MessageKind(
    "workspace.no-such-report",
    en="no report named '{name}' in {folder} (reports: {known})",
    zh="{folder} 中没有名为“{name}”的报告（现有报告：{known}）",
)
NOT_A_REPORT_NAME = MessageKind(
    "workspace.not-a-report-name",
    en="'{name}' is not a report's name but a path: give the name of a folder in {folder} "
    "(reports: {known})",
    zh="“{name}”是路径而不是报告名称：请写 {folder} 中报告文件夹的名称（现有报告：{known}）",
)
LINK_LEADS_OUT = MessageKind(
    "workspace.link-leads-out",
    en="is a link to {target}, outside {folder}: reportgen reads and writes only inside its "
    "folders; put the file or folder itself there, or remove the link",
    zh="是指向 {folder} 以外（{target}）的链接：reportgen 只在自己的文件夹内读写，"
    "请把文件或文件夹本身放进去，或删除该链接",
)
