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
    zh="图片“{name}”已损坏（{detail}）：请从原图重新保存",
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
