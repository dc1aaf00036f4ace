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
    en="not a Word .docx file ({reason}): open it in Word or WPS and save it as .docx",
    zh="不是 Word 的 .docx 文件（{reason}）：请在 Word 或 WPS 中打开，另存为 .docx",
)
ZIP_NOT_ZIP = MessageKind(
    "docx.zip-not-zip", en="it is not a zip archive, as every .docx is", zh="它不是压缩包格式"
)
ZIP_DAMAGED = MessageKind(
    "docx.zip-damaged", en="the file is damaged or cut short", zh="文件已损坏或不完整"
)
EMPTY_TEMPLATE = MessageKind(
    "docx.empty",
    en="the file is empty (0 bytes): save the template again in Word or WPS",
    zh="文件是空的（0 字节）：请在 Word 或 WPS 中重新保存模板",
)
OLD_WORD_FILE = MessageKind(
    "docx.old-word",
    en="this is an old Word document (.doc), not .docx: open it in Word and choose File > "
    "Save As > Word Document (*.docx), or in WPS, File > Save As > Word 文件 (*.docx); then "
    "name the .docx in report.yaml",
    zh="这是旧版 Word 文档（.doc），不是 .docx：请在 Word 中点“文件→另存为”，保存类型选"
    "“Word 文档（*.docx）”，或在 WPS 中点“文件→另存为”，选“Word 文件（*.docx）”；"
    "然后在 report.yaml 中改用这个 .docx",
)
OLD_WPS_FILE = MessageKind(
    "docx.old-wps",
    en="this is a WPS document (.wps), not .docx: open it in WPS and choose File > Save As > "
    "Word 文件 (*.docx); then name the .docx in report.yaml",
    zh="这是 WPS 文字文档（.wps），不是 .docx：请在 WPS 中点“文件→另存为”，选"
    "“Word 文件（*.docx）”；然后在 report.yaml 中改用这个 .docx",
)
OPEN_DOCUMENT_FILE = MessageKind(
    "docx.open-document",
    en="this is an OpenDocument text (.odt), as LibreOffice saves one, not .docx: open it in "
    "LibreOffice Writer and choose File > Save As > Word 2007-365 (.docx), or in WPS, File > "
    "Save As > Word 文件 (*.docx); then name the .docx in report.yaml",
    zh="这是 OpenDocument 文本（.odt，LibreOffice 保存的格式），不是 .docx："
    "请在 LibreOffice Writer 中点“文件→另存为”，保存类型选“Word 2007-365 (.docx)”，"
    "或在 WPS 中点“文件→另存为”，选“Word 文件（*.docx）”；然后在 report.yaml 中改用这个 .docx",
)
PART_TOO_LARGE = MessageKind(
    "docx.output-part-too-large",
    en="{part}: the part is too large for a .docx ({size} bytes)",
    zh="{part}：这一部分太大，.docx 容纳不下（{size} 字节）",
)
DOCUMENT_TOO_LARGE = MessageKind(
    "docx.output-too-large",
    en="the document is too large for a .docx ({size} bytes)",
    zh="文档太大，.docx 容纳不下（{size} 字节）",
)
NO_DOCUMENT_PART = MessageKind(
    "docx.no-document",
    en="not a Word .docx file (it has no word/document.xml): open it in Word or WPS and save it "
    "as .docx",
    zh="不是 Word 的 .docx 文件（缺少 word/document.xml）：请在 Word 或 WPS 中另存为 .docx",
)
PART_NOT_XML = MessageKind(
    "docx.part-not-xml",
    en="not a Word .docx file ({part} is not well-formed XML): open it in Word or WPS and "
    "save it as .docx",
    zh="不是完好的 Word 文档（其中的 {part} 已损坏）：请在 Word 或 WPS 中打开，另存为 .docx",
)

# -- places in a template: 正文第4段, 页脚1表1第2行第3格 --

PART_BODY = MessageKind("place.body", en="body", zh="正文")
PART_HEADER = MessageKind("place.header", en="header {number}", zh="页眉{number}")
PART_FOOTER = MessageKind("place.footer", en="footer {number}", zh="页脚{number}")
PART_FOOTNOTES = MessageKind("place.footnotes", en="footnote", zh="脚注")
PART_ENDNOTES = MessageKind("place.endnotes", en="endnote", zh="尾注")
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
PLACE_TEXT_BOX = MessageKind(
    "place.text-box",
    en="{part}, text box {box}, paragraph {paragraph}",
    zh="{part}第{box}个文本框第{paragraph}段",
)
PLACE_NOTE = MessageKind(
    "place.note",
    en="{part} {note}, paragraph {paragraph}",
    zh="第{note}条{part}第{paragraph}段",
)
PLACE_IN_TABLE = MessageKind("place.in-table", en="{part}, a table", zh="{part}的表格中")
PLACE_IN_TEMPLATE = MessageKind(
    "place.in-template", en="{template}, {place}", zh="{template} {place}"
)

# -- pictures --

PICTURE_NAME = MessageKind(
    "picture.name",
    en="'{name}' does not name a picture file: write the file's name, such as photo.jpg, and "
    "put the file beside the data",
    zh="“{name}”不是图片文件名：请填写文件名（如 photo.jpg），并把图片放在数据文件旁边",
)
PICTURE_MISSING = MessageKind(
    "picture.missing",
    en="the picture '{name}' is not in {folder}: put it there, or correct its name",
    zh="图片“{name}”不在 {folder} 中：请把图片放进这个文件夹，或改正文件名",
)
PICTURE_OUTSIDE = MessageKind(
    "picture.outside",
    en="the picture '{name}' leads out of the data's folder: put the file itself there",
    zh="图片“{name}”指向数据文件夹以外：请把图片文件本身放进数据文件夹",
)
PICTURE_UNREADABLE = MessageKind(
    "picture.unreadable",
    en="cannot read the picture '{name}' ({reason})",
    zh="无法读取图片“{name}”（{reason}）",
)
PICTURE_TOO_LARGE = MessageKind(
    "picture.too-large",
    en="the picture '{name}' is {size}, more than {limit}: save it smaller",
    zh="图片“{name}”有 {size}，超过 {limit}：请压缩后再用",
)
PICTURE_PIXELS = MessageKind(
    "picture.pixels",
    en="the picture '{name}' has {width} × {height} pixels, more than {limit} million: save it "
    "smaller",
    zh="图片“{name}”有 {width} × {height} 像素，超过 {limit} 百万像素：请缩小后再用",
)
PICTURE_KIND = MessageKind(
    "picture.kind",
    en="'{name}' is not a PNG or JPEG picture: save it as one",
    zh="“{name}”不是 PNG 或 JPEG 图片：请另存为这两种格式之一",
)
PICTURE_CORRUPT = MessageKind(
    "picture.corrupt",
    en="the picture '{name}' is damaged ({detail}): save it again from the original",
    zh="图片“{name}”已损坏：请从原图重新保存（原文：“{detail}”）",
)
PICTURE_SIZE = MessageKind(
    "picture.size",
    en='picture({argument}={value!r}): write a length such as "3cm", "25mm" or "1in"',
    zh='picture({argument}={value!r})：请写长度，如 "3cm"、"25mm" 或 "1in"',
)
PICTURE_VALUE = MessageKind(
    "picture.value",
    en="picture needs a picture's file name, not {value}",
    zh="picture 需要图片的文件名，不能是 {value}",
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
