"""The messages the command line prints itself, in English and Chinese."""

from __future__ import annotations

from reportgen.i18n import MessageKind

CHECKED_CLEAN = MessageKind(
    "cli.checked-clean",
    en="{count} {count:report|reports} checked: no problems",
    zh="已检查 {count} 份报告：没有问题",
)
CHECKED_WITH_WARNINGS = MessageKind(
    "cli.checked-warnings",
    en="{count} {count:report|reports} checked: no problems, {warnings} "
    "{warnings:warning|warnings} (listed above)",
    zh="已检查 {count} 份报告：没有问题，有 {warnings} 条提醒（见上）",
)
