"""The messages of the lowest layer (the workspace, files), in English and Chinese."""

from __future__ import annotations

import errno

from reportgen.i18n import Message, MessageKind

FILE_UNREADABLE = MessageKind(
    "file.unreadable",
    en="cannot read the file ({reason})",
    zh="无法读取该文件（{reason}）",
)
NOT_A_WORKSPACE = MessageKind(
    "workspace.not-found",
    en="not a reportgen workspace (no {config} here or above, and no data/ folder): run "
    "'reportgen init' to make one, or change to a workspace folder",
    zh="这里不是 reportgen 工作区（本文件夹及其上级都没有 {config}，也没有 data/ 文件夹）："
    "运行 reportgen init 新建一个，或先进入工作区文件夹",
)
CONFIG_TOO_LARGE = MessageKind(
    "workspace.config-too-large",
    en="the settings file is larger than the {limit} bytes it may have: check that it is "
    "reportgen's, or delete it and run 'reportgen init' elsewhere to see one",
    zh="设置文件超过了 {limit} 字节的上限：请检查它是否就是 reportgen 的设置文件，"
    "或删去后在别处运行 reportgen init 看看应有的样子",
)
CONFIG_SYNTAX = MessageKind(
    "workspace.config-syntax",
    en="the settings cannot be read at line {line}, column {column}: check the quotes, the "
    '[brackets] and the = of each setting, as in data = "data"',
    zh="设置写法有误，无法读取（第{line}行第{column}列）：请检查引号、方括号和每项设置中的"
    '等号，写法如 data = "data"',
)
CONFIG_FOLDERS = MessageKind(
    "workspace.config-folders",
    en="[folders] takes text values for templates, data and output{unknown}",
    zh="[folders] 中只能写 templates、data、output 三项，值为加引号的文件夹名{unknown}",
)
CONFIG_FOLDER_OUTSIDE = MessageKind(
    "workspace.config-folder-outside",
    en='[folders] {key} = "{value}" leads out of the workspace: name a folder inside it, '
    'such as "{key}" (to write one render\'s documents elsewhere, use render -o DIR)',
    zh='[folders] 中的 {key} = "{value}" 指向工作区以外：请写工作区内的文件夹，如 "{key}"'
    "（若只想把某次生成的文档写到别处，请用 render -o 文件夹）",
)
CONFIG_UNKNOWN_KEYS = MessageKind(
    "workspace.config-unknown", en=" (unknown: {names})", zh="（无法识别：{names}）"
)
DATA_FOLDER_MISSING = MessageKind(
    "workspace.data-missing",
    en="the data folder is missing",
    zh="数据文件夹不存在：请新建它，或在 reportgen.toml 的 [folders] 中写明它的位置",
)
NO_REPORTS = MessageKind(
    "workspace.no-reports",
    en="holds no report (a report is a folder with a report.yaml)",
    zh="其中没有报告（每份报告是一个含 report.yaml 的文件夹）",
)
NO_SUCH_REPORT = MessageKind(
    "workspace.no-such-report",
    en="no report named '{name}'{meant} (reports: {known})",
    zh="没有名为“{name}”的报告{meant}（现有的报告：{known}）",
)
REPORT_FILE_MISSING = MessageKind(
    "workspace.report-file-missing",
    en="the folder has no report.yaml, which makes a folder a report: {advice}",
    zh="这个文件夹里没有 report.yaml（有了它，文件夹才是一份报告）：{advice}",
)
RENAME_REPORT_FILE = MessageKind(
    "workspace.rename-report-file",
    en="rename {name} to report.yaml",
    zh="请把 {name} 改名为 report.yaml",
)
NAME_REPORT_FILE = MessageKind(
    "workspace.name-report-file",
    en="name the file of the report's facts (template, title, parts) report.yaml",
    zh="请把写有报告基本信息（模板、标题、各部分）的文件命名为 report.yaml",
)
NO_SUCH_TEMPLATE = MessageKind(
    "workspace.no-such-template",
    en="no template '{name}' (templates: {known})",
    zh="没有名为“{name}”的模板（现有的模板：{known}）",
)
NONE_THERE = MessageKind("workspace.none", en="none", zh="无")
#: A message about a file or folder, after its path.
AT_PATH = MessageKind("path.at", en="{path}: {message}", zh="{path}: {message}")
#: A name shown as it is (a font, a file): plain in English, in quotation marks in Chinese.
QUOTED = MessageKind("name.quoted", en="{text}", zh="“{text}”")
FILE_NOT_FOUND = MessageKind("file.not-found", en="file not found", zh="找不到这个文件")
CANNOT_WRITE_HERE = MessageKind(
    "file.cannot-write-here", en="cannot write here ({reason})", zh="无法在这里写入文件（{reason}）"
)
CANNOT_WRITE_FILE = MessageKind(
    "file.cannot-write", en="cannot write the file ({reason})", zh="无法写入文件（{reason}）"
)
CANNOT_WRITE_FOLDER = MessageKind(
    "file.cannot-write-folder",
    en="cannot write the folder ({reason})",
    zh="无法写入文件夹（{reason}）",
)

# -- why the system refused --

_NOT_FOUND = MessageKind("os.not-found", en="no such file or folder", zh="文件或文件夹不存在")
_DENIED = MessageKind(
    "os.permission-denied",
    en="permission denied: the file may be open in another program such as Word or WPS, "
    "or read-only",
    zh="没有权限：文件可能正被 Word、WPS 等程序打开，或是只读的",
)
_IS_FOLDER = MessageKind(
    "os.is-a-folder", en="it is a folder, not a file", zh="这是文件夹，不是文件"
)
_NOT_FOLDER = MessageKind(
    "os.not-a-folder",
    en="a part of the path is a file, not a folder",
    zh="路径中有一段是文件，不是文件夹",
)
_DISK_FULL = MessageKind("os.disk-full", en="the disk is full", zh="磁盘已满")
_READ_ONLY = MessageKind("os.read-only", en="the disk is read-only", zh="磁盘是只读的")
_NAME_TOO_LONG = MessageKind("os.name-too-long", en="the name is too long", zh="文件名太长")
_EXISTS = MessageKind("os.exists", en="it already exists", zh="已经存在")
_ADDRESS_IN_USE = MessageKind(
    "os.address-in-use",
    en="another program uses the port already",
    zh="端口已被其他程序占用",
)
_OTHER = MessageKind(
    "os.other", en="{detail}, error {code}", zh="系统错误：{detail}，错误码 {code}"
)

_BY_ERRNO = {
    errno.ENOENT: _NOT_FOUND,
    errno.EACCES: _DENIED,
    errno.EPERM: _DENIED,
    errno.EISDIR: _IS_FOLDER,
    errno.ENOTDIR: _NOT_FOLDER,
    errno.ENOSPC: _DISK_FULL,
    errno.EROFS: _READ_ONLY,
    errno.ENAMETOOLONG: _NAME_TOO_LONG,
    errno.EEXIST: _EXISTS,
    errno.EADDRINUSE: _ADDRESS_IN_USE,
}


def os_reason(err: OSError) -> Message:
    """Return why the system refused, in words a clerk can act on."""
    kind = _BY_ERRNO.get(err.errno or 0)
    if kind is None and isinstance(err, PermissionError):
        kind = _DENIED  # -- Windows: a file open in Word is a sharing violation --
    if kind is not None:
        return kind()
    return _OTHER(detail=err.strerror or str(err), code=err.errno or "?")


# -- converting to PDF --

INSTALL_PACKAGES = MessageKind(
    "pdf.install",
    en="install them with: apt-get install {packages}",
    zh="请用“apt-get install {packages}”安装",
)
SOFFICE_MISSING = MessageKind(
    "pdf.no-soffice",
    en="LibreOffice (soffice) is not installed; {install}",
    zh="没有安装 LibreOffice（soffice），无法转换 PDF；{install}",
)
FONTS_MISSING = MessageKind(
    "pdf.fonts-missing",
    en="fonts missing: {fonts}; {install}",
    zh="缺少字体：{fonts}；{install}",
)
FONT_FOR = MessageKind("pdf.font-for", en="{family} (for {name})", zh="“{family}”（代替{name}）")
CONVERSION_TIMEOUT = MessageKind(
    "pdf.timeout",
    en="LibreOffice wrote no PDF for {seconds} s, converting {document}, and was stopped: close "
    "any other LibreOffice window and try again",
    zh="LibreOffice 转换“{document}”时已 {seconds} 秒没有写出 PDF，已停止：请关闭其他 "
    "LibreOffice 窗口后再试",
)
SAME_NAMES = MessageKind(
    "pdf.same-names",
    en="cannot convert several documents named {names} into one folder",
    zh="有几份文档同名（{names}），无法转换到同一个文件夹：请给它们起不同的文件名",
)
NO_PDF_WRITTEN = MessageKind(
    "pdf.not-written",
    en="LibreOffice wrote no PDF for {documents} ({output})",
    zh="LibreOffice 没有为 {documents} 生成 PDF：请用 Word 或 WPS 打开文档，看它是否完好"
    "（LibreOffice 的原始输出：“{output}”）",
)
NO_OUTPUT = MessageKind("pdf.no-output", en="no message", zh="没有输出")

# -- batches, and a run over several reports --

ROW_NAME_TAKEN = MessageKind(
    "batch.row-name-taken",
    en="'{row}' names the table's current row in a batch: rename the part, figure or list "
    "called so",
    zh="批量生成时“{row}”表示表格的当前行：请给同名的部分、数字或列表另取名称",
)
TABLE_LACKS_COLUMN = MessageKind(
    "batch.table-lacks-column",
    en="the template or batch.output uses {row}.{column}, but the table has no column "
    "'{column}' (columns: {columns})",
    zh="模板或 batch.output 用到了 {row}.{column}，但表格中没有“{column}”这一列"
    "（现有的列：{columns}）",
)
ROW_LACKS_COLUMN = MessageKind(
    "batch.row-lacks-column",
    en="no '{column}': the template or batch.output uses it",
    zh="这一行没有“{column}”，而模板或 batch.output 用到了它",
)
CELL_SAYS_NO = MessageKind(
    "batch.cell-says-no",
    en="decides a condition of the template, and the cell says '{value}', which counts as "
    "true as any text does, so the document says what it says for yes: leave the cell empty "
    "for no, or have the template compare: {{% if row.{column} == '是' %}}",
    zh="是模板中的条件，这一格写的是“{value}”，而任何文字都算“是”，文档会按“是”印出："
    "“否”请让这一格空着，或在模板中写作比较：{{% if row.{column} == '是' %}}",
)
SAME_FILE_AS_ROW = MessageKind(
    "batch.same-file",
    en="writes {file}, as the row on line {line} does: make batch.output name a column that "
    "tells them apart",
    zh="这一行生成的文件 {file} 与第{line}行的同名：请在 batch.output 中用上能区分各行的列",
)
TWO_REPORTS_ONE_FILE = MessageKind(
    "run.same-output",
    en="reports '{first}' and '{second}' would both write {file}: give one of them another "
    "output name",
    zh="报告“{first}”和“{second}”都会写出 {file}：请给其中一份另取输出文件名",
)

# -- proofreading the pages of a converted document --

PAGE = MessageKind("pdf.page", en="page {number}", zh="第{number}页")
LONELY_CHARACTER = MessageKind(
    "pdf.lonely-character",
    en="the paragraph “{start}” ends with one character alone on its last line (“{line}”): "
    "shorten or lengthen it by a few characters",
    zh="“{start}”一段的最后一行只有一个字（“{line}”），请删减或增加几个字，使其不单独成行",
)
NOT_A_REPORT_NAME = MessageKind(
    "workspace.not-a-report-name",
    en="'{name}' is not a report's name but a path: give the name of a report folder here "
    "(reports: {known})",
    zh="“{name}”是路径而不是报告名称：请写这里的报告文件夹名称（现有的报告：{known}）",
)
LINK_LEADS_OUT = MessageKind(
    "workspace.link-leads-out",
    en="is a link to {target}, outside {folder}: reportgen reads and writes only inside its "
    "folders; put the file or folder itself there, or remove the link",
    zh="是指向 {folder} 以外（{target}）的链接：reportgen 只在自己的文件夹内读写，"
    "请把文件或文件夹本身放进去，或删除该链接",
)
