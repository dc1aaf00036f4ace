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
TEMPLATE_TOO_LARGE = MessageKind(
    "docx.too-large",
    en="the template is {size} bytes, more than the {limit} a template may have: "
    "make the pictures in it smaller, or check that it is the file meant",
    zh="模板文件有 {size} 字节，超过模板上限 {limit} 字节：请压缩其中的图片，或确认选对了文件",
)
TEMPLATE_TOO_MANY_PARTS = MessageKind(
    "docx.too-many-parts",
    en="the template holds {count} parts, more than the {limit} a .docx template may hold: "
    "it is not a document Word made; save it again in Word or WPS",
    zh="模板中有 {count} 个部件，超过上限 {limit} 个，不像是 Word 生成的文档："
    "请在 Word 或 WPS 中重新另存为 .docx",
)
TEMPLATE_PART_TOO_LARGE = MessageKind(
    "docx.part-too-large",
    en="{part} would inflate to {size} bytes, more than the {limit} one part of a template "
    "may take: split the template, or save it again in Word or WPS",
    zh="{part} 解压后将有 {size} 字节，超过模板单个部件的上限 {limit} 字节："
    "请拆分模板，或在 Word 或 WPS 中重新另存",
)
TEMPLATE_TOO_LARGE_INFLATED = MessageKind(
    "docx.too-large-inflated",
    en="the template's parts would inflate to {size} bytes, more than the {limit} a template "
    "may take: make the pictures in it smaller, or save it again in Word or WPS",
    zh="模板解压后将有 {size} 字节，超过模板上限 {limit} 字节：请压缩其中的图片，"
    "或在 Word 或 WPS 中重新另存",
)
TEMPLATE_HAS_DTD = MessageKind(
    "docx.has-dtd",
    en="{part} declares a DTD (<!DOCTYPE> or <!ENTITY>), which a .docx may not hold and Word "
    "never writes: save the template again in Word or WPS",
    zh="{part} 中含有 DTD 声明（<!DOCTYPE> 或 <!ENTITY>），.docx 文件不允许这样写，"
    "Word 也从不生成：请在 Word 或 WPS 中重新另存模板",
)
