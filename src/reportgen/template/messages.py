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
IN_TAG = MessageKind("template.in-tag", en="{message} in {tag}", zh="{message}（{tag}）")
NOT_ALLOWED = MessageKind(
    "template.not-allowed",
    en="not allowed: {detail}",
    zh="不允许：{detail}（模板只能使用数据，不能调用程序内部的东西）",
)
PROGRAM_TEXT = MessageKind(
    "template.program-text",
    en="the document would show program text, not the data: …{snippet}…: print a field of the "
    "value, or join a list with | join_cn",
    zh="文档中会出现程序文字而不是数据：…{snippet}…："
    "请印出该值的某个字段，或用 | join_cn 把列表连成一句",
)
