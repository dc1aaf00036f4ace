"""The messages of ``reportgen serve``: what the pages and the command tell the clerk."""

from __future__ import annotations

from reportgen.i18n import MessageKind

STARTED = MessageKind(
    "serve.started",
    en="reportgen serve: {url} (Ctrl+C stops it)",
    zh="reportgen serve 已启动：{url}（按 Ctrl+C 停止）",
)
TOKEN_PRINTED = MessageKind(
    "serve.token-printed",
    en="listening on {host}, beyond this computer: open {url} (it carries the access token)",
    zh="正在 {host} 上提供服务，其他电脑也能访问：请打开 {url}（其中含访问码）",
)
PORT_BUSY = MessageKind(
    "serve.port-busy",
    en="cannot listen on {host}:{port} ({detail}): choose another port with --port",
    zh="无法在 {host}:{port} 上提供服务（{detail}）：请用 --port 换一个端口",
)
PREVIEW_SLOW = MessageKind(
    "serve.preview-slow",
    en="no Python with LibreOffice's uno module found: each preview starts LibreOffice afresh "
    "(seconds, not a fraction of one); install python3-uno to make it quick",
    zh="没有找到带 LibreOffice uno 模块的 Python：每次预览都要重新启动 LibreOffice（需数秒）；"
    "安装 python3-uno 后预览会快得多",
)
TOKEN_REQUIRED = MessageKind(
    "serve.token-required",
    en="this page needs the access token printed when reportgen serve started: "
    "open the address it printed",
    zh="访问本页面需要 reportgen serve 启动时显示的访问码：请打开启动时显示的完整地址",
)
CSRF_REFUSED = MessageKind(
    "serve.csrf-refused",
    en="this form is out of date (its security code does not match): "
    "reload the page and try again; nothing was changed",
    zh="页面已过期（安全校验码不符）：请刷新页面后重试；本次没有做任何修改",
)
FORM_REFUSED = MessageKind(
    "serve.form-refused",
    en="the page sent more than the server reads (more than {fields} values, or more than one "
    "file), or sent it damaged; nothing was changed: reload the page and try again",
    zh="页面提交的内容超出了服务器能处理的范围（超过 {fields} 项，或多于一个文件），或内容已损坏；"
    "本次没有做任何修改：请刷新页面后重试",
)
NO_SUCH_REPORT = MessageKind(
    "serve.no-such-report",
    en="there is no report named '{name}': go back to the list of reports",
    zh="没有名为“{name}”的报告：请回到报告列表",
)
NOT_IN_REPORT = MessageKind(
    "serve.not-in-report",
    en="'{file}' is not a data file of report '{name}'; nothing was saved",
    zh="“{file}”不是报告“{name}”的数据文件；本次未保存",
)
CONFLICT = MessageKind(
    "serve.conflict",
    en="{file} was changed after this page was opened (in another tab or an editor), so "
    "nothing was saved: copy what you typed, reload the page, and enter it again",
    zh="“{file}”在本页面打开后已被改动（可能在另一个标签页或编辑器中），所以本次没有保存："
    "请先复制您填写的内容，刷新页面后重新填写",
)
SAVED = MessageKind("serve.saved", en="saved {files}", zh="已保存 {files}")
NOTHING_CHANGED = MessageKind(
    "serve.nothing-changed",
    en="nothing has changed: there is nothing to save",
    zh="没有改动，无需保存",
)
NOT_A_NUMBER = MessageKind(
    "serve.not-a-number",
    en="{field}: '{text}' is not a number: {advice}",
    zh="“{field}”填的“{text}”不是数字：{advice}",
)
TYPE_DIGITS = MessageKind(
    "serve.type-digits",
    en="type digits only, such as 3012 or 3.5",
    zh="请只填阿拉伯数字，如 3012 或 3.5",
)
TYPE_NUMBER_ALONE = MessageKind(
    "serve.type-number-alone",
    en="type the number alone: {number}",
    zh="请只填数字 {number}",
)
TYPE_WHOLE_NUMBER = MessageKind(
    "serve.type-whole-number",
    en="type the whole number: {text} is {number} (where the unit beside the box already "
    "holds the 万 or 亿, type {bare})",
    zh="请填写完整的数 {number}（即{text}；"
    "如果框后的单位已经带“万”或“亿”，如“万元”，则只填 {bare}）",
)
TYPE_GROUPS_OF_THREE = MessageKind(
    "serve.type-groups-of-three",
    en="a comma may only part the digits in threes (16,489): type the number without commas",
    zh="逗号只能用于每三位分隔（如 16,489），请去掉逗号，按实际数值填写",
)
TYPE_FEWER_DIGITS = MessageKind(
    "serve.type-fewer-digits",
    en="it has {digits} digits, more than a figure may have ({limit}): check what was typed",
    zh="共有 {digits} 位数字，超过了允许的 {limit} 位：请检查是否多输了数字",
)
NOT_A_DATE = MessageKind(
    "serve.not-a-date",
    en="{field}: '{text}' is not a date: pick one in the calendar",
    zh="“{field}”填的“{text}”不是日期：请在日历中选择",
)
RENDERED = MessageKind("serve.rendered", en="written: {files}", zh="已生成：{files}")
PREVIEW_STALE = MessageKind(
    "serve.preview-stale",
    en="the preview shows the last version without problems: correct the problems marked "
    "in the form to see the new one",
    zh="预览显示的是上一次没有问题的版本：改正表单中标出的问题后即可看到新的预览",
)
OFFICE_FAILED = MessageKind(
    "serve.office-failed",
    en="LibreOffice could not convert the document ({detail})",
    zh="LibreOffice 未能转换该文档：请用 Word 或 WPS 打开，看它是否完好（原文：“{detail}”）",
)
OFFICE_TIMEOUT = MessageKind(
    "serve.office-timeout",
    en="LibreOffice did not finish converting within {seconds} s",
    zh="LibreOffice 在 {seconds} 秒内没有完成转换",
)
UPLOAD_TOO_LARGE = MessageKind(
    "serve.upload-too-large",
    en="the file is larger than {limit} MB; a template is far smaller: check that it is the "
    "right file",
    zh="文件超过 {limit} MB，而模板一般小得多：请确认是否选对了文件",
)
UPLOAD_NOT_DOCX = MessageKind(
    "serve.upload-not-docx",
    en="'{name}' is not a Word document (.docx): save it as .docx in Word or WPS first",
    zh="“{name}”不是 Word 文档（.docx）：请先在 Word 或 WPS 中另存为 .docx",
)
UPLOAD_NO_FILE = MessageKind(
    "serve.upload-no-file", en="choose a .docx file first", zh="请先选择一个 .docx 文件"
)
TEMPLATE_EXISTS = MessageKind(
    "serve.template-exists",
    en="{path} exists already: give the new template another name; nothing was written",
    zh="{path} 已存在：请给新模板换个名字；本次没有写入任何文件",
)
TEMPLATE_REFUSED = MessageKind(
    "serve.template-refused",
    en="the template has {count} {count:problem|problems}, listed below; nothing was written: "
    "correct it in Word and upload it again",
    zh="该模板有 {count} 个问题（见下）；本次没有写入任何文件：请在 Word 中改正后重新上传",
)
DRAWING_FAILED = MessageKind(
    "serve.drawing-failed",
    en="cannot draw the pages of the preview ({detail}): install poppler-utils",
    zh="无法生成预览页面图片（{detail}）：请安装 poppler-utils",
)
