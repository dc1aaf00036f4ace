"""What loading a report's data says about its files, its names and its limits."""

from __future__ import annotations

from reportgen.i18n import MessageKind

TEMPLATE_NOT_IN_FOLDER = MessageKind(
    "data.template-not-in-folder",
    en="'{name}' leads out of the templates folder: name a .docx in it, such as report.docx "
    "(a subfolder is fine), without .., a leading / or a drive letter",
    zh="“{name}”指向模板文件夹以外：请写模板文件夹中的 .docx 文件名，如 report.docx"
    "（可以带子文件夹），不要用 ..、开头的 / 或盘符",
)
FILE_NAME_EMPTY = MessageKind(
    "data.file-name-empty",
    en="gives an empty file name: make the output name hold a letter or a digit",
    zh="生成的文件名为空：请让输出文件名中至少有一个字或数字",
)
FILE_NAME_TOO_LONG = MessageKind(
    "data.file-name-too-long",
    en="gives the file name '{name}' of {size} bytes, longer than the {limit} bytes a file "
    "name may take on every system: shorten the name, or the output pattern that makes it",
    zh="生成的文件名“{name}”长 {size} 字节，超过各系统都能接受的 {limit} 字节："
    "请缩短名称或生成文件名的 output 格式",
)
DATA_FILE_TOO_LARGE = MessageKind(
    "data.file-too-large",
    en="the file is {size} bytes, more than the {limit} a data file may have: split it, or "
    "check that it is the file meant",
    zh="该文件有 {size} 字节，超过数据文件上限 {limit} 字节：请拆分文件，或确认选对了文件",
)
YAML_TOO_DEEP = MessageKind(
    "data.yaml-too-deep",
    en="values nest more than {limit} levels deep here: write them flatter",
    zh="此处的数据嵌套超过 {limit} 层：请减少嵌套层次",
)
YAML_ALIAS_LOOP = MessageKind(
    "data.yaml-alias-loop",
    en="refers to itself through an alias (*…): write the value out instead",
    zh="通过别名（*…）引用了自身：请直接写出该值",
)
YAML_TOO_MANY_VALUES = MessageKind(
    "data.yaml-too-many-values",
    en="aliases (*…) repeat this value {times} times, and the file would hold {count} values, "
    "more than the {limit} a data file may hold: write fewer aliases",
    zh="别名（*…）使此值重复 {times} 次，整个文件将展开为 {count} 个值，"
    "超过数据文件上限 {limit} 个：请减少别名",
)
IN_TEXT = MessageKind(
    "data.in-text",
    en="in the text: {message}",
    zh="正文中：{message}",
)
