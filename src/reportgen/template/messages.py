"""The messages of the template stage, in English and Chinese (see :mod:`reportgen.i18n`)."""

from __future__ import annotations

from reportgen.i18n import MessageKind

TEMPLATE_NOT_FOUND = MessageKind(
    "template.not-found",
    en="template '{name}' not found in {folder} ({detail})",
    zh="在 {folder} 中找不到模板“{name}”（{detail}）",
)
TEMPLATES_FOLDER_MISSING = MessageKind(
    "template.folder-missing",
    en="the templates folder {folder} is missing",
    zh="模板文件夹 {folder} 不存在",
)
TEMPLATE_SIMILAR = MessageKind(
    "template.similar-name", en="did you mean '{name}'?", zh="是否应为“{name}”？"
)
TEMPLATES_AVAILABLE = MessageKind(
    "template.available",
    en="templates there: {names}",
    zh="该文件夹中的模板有：{names}",
)
TEMPLATES_NONE = MessageKind(
    "template.folder-empty",
    en="the folder holds no .docx",
    zh="该文件夹中没有 .docx 文件，请把模板放进去",
)
