"""The messages of text handling: reading files in the encodings Chinese Windows writes."""

from __future__ import annotations

from reportgen.i18n import MessageKind

#: How to save a file as UTF-8, in the programs a clerk has.
_SAVE_AS_UTF8_EN = (
    "save it as UTF-8: in Notepad, File > Save As, Encoding “UTF-8”; in WPS, "
    "File > Save As, then Tools > Encoding “UTF-8”; a table in Excel, Save As "
    "“CSV UTF-8 (Comma delimited)”"
)
_SAVE_AS_UTF8_ZH = (
    "请另存为 UTF-8 编码：记事本中点“文件→另存为”，编码选“UTF-8”；WPS 中点“文件→另存为”，"
    "再在“工具→编码”中选“UTF-8”；Excel 表格“另存为”时，文件类型选“CSV UTF-8（逗号分隔）”"
)

NOT_TEXT_ENCODING = MessageKind(
    "text.unknown-encoding",
    en="cannot read the text: it is neither UTF-8 nor GBK (first unreadable byte at "
    "line {line}); " + _SAVE_AS_UTF8_EN,
    zh="无法读取文字：文件既不是 UTF-8 编码，也不是 GBK 编码（第{line}行起无法识别）。"
    + _SAVE_AS_UTF8_ZH,
)
READ_AS_GB18030 = MessageKind(
    "text.read-as-gb18030",
    en="the file is not UTF-8; it was read as GBK (what Notepad calls “ANSI” and Excel "
    "saves as CSV on Chinese Windows). To be sure every program reads it right, "
    + _SAVE_AS_UTF8_EN,
    zh="文件不是 UTF-8 编码，已按 GBK 编码读取（记事本的“ANSI”、中文 Windows 上 Excel "
    "存的 CSV 都是这种编码）。为确保各处都能正确读取，" + _SAVE_AS_UTF8_ZH,
)
UTF16_DAMAGED = MessageKind(
    "text.utf16-damaged",
    en="cannot read the text: it starts as UTF-16 (Notepad's “Unicode”) but is damaged "
    "at line {line}; " + _SAVE_AS_UTF8_EN,
    zh="无法读取文字：文件开头标明是 UTF-16 编码（记事本的“Unicode”），但第{line}行起已损坏。"
    + _SAVE_AS_UTF8_ZH,
)
ZIP_NOT_TEXT = MessageKind(
    "text.zip-not-text",
    en="this is a Word or Excel file, not text: open it in Word, WPS or Excel and save it "
    "as text (a table as “CSV UTF-8”), or copy its contents into a text file",
    zh="这是 Word 或 Excel 文件，不是文本文件：请用 Word、WPS 或 Excel 打开，另存为文本"
    "（表格存为“CSV UTF-8”），或把内容复制到文本文件中",
)
OLE_NOT_TEXT = MessageKind(
    "text.ole-not-text",
    en="this is an old Word or Excel file (.doc or .xls), not text: open it in Word, WPS or "
    "Excel and save it as text (a table as “CSV UTF-8”)",
    zh="这是旧版 Word 或 Excel 文件（.doc 或 .xls），不是文本文件：请用 Word、WPS 或 Excel "
    "打开，另存为文本（表格存为“CSV UTF-8”）",
)
