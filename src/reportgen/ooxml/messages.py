"""The messages of the .docx format layer, in English and Chinese (see :mod:`reportgen.i18n`)."""

from __future__ import annotations

from reportgen.i18n import MessageKind

TEMPLATE_FILE_MISSING = MessageKind(
    "docx.template-missing",
    en="template not found",
    zh="找不到模板文件",
)
NOT_A_ZIP = MessageKind(
    "docx.not-a-zip",
    en="not a Word .docx file (cannot open it as a zip: {error})",
    zh="不是 Word 的 .docx 文件（无法按 zip 格式打开：{error}）：请在 Word 或 WPS 中另存为 .docx",
)
NO_DOCUMENT_PART = MessageKind(
    "docx.no-document",
    en="not a Word .docx file (it has no word/document.xml)",
    zh="不是 Word 的 .docx 文件（缺少 word/document.xml）：请在 Word 或 WPS 中另存为 .docx",
)
PART_NOT_XML = MessageKind(
    "docx.part-not-xml",
    en="not a Word .docx file ({part} is not well-formed XML: {error})",
    zh="不是完好的 Word 文档（{part} 不是格式正确的 XML：{error}）："
    "请在 Word 或 WPS 中另存为 .docx",
)
