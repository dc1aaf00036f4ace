"""What loading a report's data says about its files, its names and its limits."""

from __future__ import annotations

from reportgen.i18n import MessageKind

TEMPLATE_NOT_IN_FOLDER = MessageKind(
    "data.template-not-in-folder",
    en="'{name}' leads out of the templates folder: name a .docx in it, such as report.docx "
    "(a subfolder is fine), without .., a leading / or a drive letter",
    zh="“{name}”指向模板文件夹以外：请写模板文件夹中的 .docx 文件名，如 report.docx"
    "（可以带子文件夹），不要用 ..、开头的 / 或盘符",
)
