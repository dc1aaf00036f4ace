"""The messages of the data stage: reading, checking and editing data files."""

from __future__ import annotations

from reportgen.i18n import MessageKind

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
