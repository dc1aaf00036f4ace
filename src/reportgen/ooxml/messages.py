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

# -- places in a template: 正文第4段, 页脚1表1第2行第3格 --

PART_BODY = MessageKind("place.body", en="body", zh="正文")
PART_HEADER = MessageKind("place.header", en="header {number}", zh="页眉{number}")
PART_FOOTER = MessageKind("place.footer", en="footer {number}", zh="页脚{number}")
PART_FOOTNOTES = MessageKind("place.footnotes", en="footnotes", zh="脚注")
PART_ENDNOTES = MessageKind("place.endnotes", en="endnotes", zh="尾注")
PLACE_PARAGRAPH = MessageKind(
    "place.paragraph", en="{part}, paragraph {paragraph}", zh="{part}第{paragraph}段"
)
PLACE_CELL = MessageKind(
    "place.cell",
    en="{part}, table {table}, row {row}, cell {cell}",
    zh="{part}表{table}第{row}行第{cell}格",
)
PLACE_CELL_PARAGRAPH = MessageKind(
    "place.cell-paragraph",
    en="{part}, table {table}, row {row}, cell {cell}, paragraph {paragraph}",
    zh="{part}表{table}第{row}行第{cell}格第{paragraph}段",
)
PLACE_IN_TABLE = MessageKind("place.in-table", en="{part}, a table", zh="{part}的表格中")
PLACE_IN_TEMPLATE = MessageKind(
    "place.in-template", en="{template}, {place}", zh="{template} {place}"
)
