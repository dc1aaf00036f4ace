"""The messages of the commands that start, inspect and mend a workspace, in two languages."""

from __future__ import annotations

from reportgen.i18n import MessageKind

NO_SUCH_TEMPLATE = MessageKind(
    "commands.no-such-template",
    en="no template '{name}' in {folder} (templates: {known})",
    zh="{folder} 中没有模板“{name}”（现有模板：{known}）",
)
NO_TEMPLATES = MessageKind("commands.no-templates", en="none", zh="无")
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
