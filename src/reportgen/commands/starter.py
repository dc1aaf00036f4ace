"""Start new reports: a department's template and data, or a whole workspace.

``reportgen new-department`` writes ``templates/NAME.docx``, a starter template in the
GB/T 9704 layout of :mod:`reportgen.layout`, and ``data/NAME/``, a commented report.yaml and
one commented part that fill it; ``reportgen init`` makes the folders, a commented
``reportgen.toml`` and such a report. Both render at once, so a clerk starts from a working
document and changes it, rather than from an empty folder. Neither overwrites a file.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

from reportgen.commands.messages import (
    ALREADY_EXISTS,
    ALSO_EXISTS,
    BAD_REPORT_NAME,
    FOLDERS_UNWRITABLE,
    NAME_IS_DEVICE,
    NAME_TOO_LONG,
    REPORT_NAME_UNMADE,
    WORKSPACE_TAKEN,
)
from reportgen.errors import AlreadyExistsError, OutputError, WorkspaceError
from reportgen.files import write_atomically, write_folder_atomically
from reportgen.messages import os_reason
from reportgen.workspace import CONFIG_FILE, DEFAULT_FOLDERS, Workspace, existing_as_windows_sees

#: The report ``reportgen init`` makes.
SAMPLE_REPORT = "work-report"
DEFAULT_TITLE = "工作报告"
#: Printed until the clerk writes the real name, so a forgotten one shows in the document.
DEFAULT_ORGANISATION = "（单位名称）"
PART_NAME = "main_work"
#: What may name a report: its folder in data/ (letters, digits, - and _; Chinese too).
REPORT_NAME = re.compile(r"[^\W_][\w\-]*")

CONFIG_TEXT = """\
# reportgen 工作区配置。reportgen 从当前文件夹向上查找本文件，找到的文件夹即工作区。
# 下面是各文件夹的位置（相对于本文件）；不写的项取默认值，即与右边的名称相同。

[folders]
templates = "templates"   # Word 模板（.docx），报告在 report.yaml 的 template: 中指定用哪一个
data = "data"             # 每份报告一个文件夹，内有 report.yaml 和各部分的 .yaml 文件
output = "output"         # reportgen render 生成的文档放在这里
"""

#: The part file of a new report: (line, comment) pairs, the comments lined up when written.
PART_LINES = (
    ("# 正文的一个部分（一项工作）。复制本文件可增加部分，", ""),
    ("# 并在 report.yaml 的 parts 中按顺序列出文件名。", ""),
    ("lead: 围绕中心工作，各项任务稳步推进", "本部分的标题，模板印作“一、……”（黑体，不加句号）"),
    ("figures:", "数字：每个数字只写一次，正文用 {{ 名称 }} 引用"),
    ("  events:", "全年组织的活动（场）"),
    ("    label: 组织活动", "简称，用于表格"),
    ("    unit: 场", "单位"),
    ("    value: 12", "数值；约数加 qualifier: 近/约/多/余，大数加 scale: 万/亿"),
    ("    previous: 10", "上一周期的数值（可选）；{{ events | cn_change }} 印作“增长20%”"),
    ("lists:", "列表：正文写 {{ 名称 | join_cn }}，印作“甲、乙”"),
    ("  highlights: [主题宣讲, 志愿服务]", ""),
    ("paragraphs:", "本部分的段落，按顺序，每个“-”是一段"),
    ("  - >-", ""),
    (
        "    全年共组织各类活动{{ events }}场，比上年{{ events | cn_change }}，"
        "重点开展了{{ highlights | join_cn }}等工作。（请改写为本单位的实际内容。）",
        "",
    ),
)


def create_department(
    workspace: Workspace,
    name: str,
    *,
    title: str | None = None,
    organisation: str | None = None,
    today: dt.date | None = None,
) -> list[Path]:
    """Write ``templates/NAME.docx`` and ``data/NAME/`` for a new department; return the files.

    Raise WorkspaceError, writing nothing, if ``name`` cannot name a file or either exists.
    """
    check_report_name(name)
    template = workspace.templates_dir / f"{name}.docx"
    folder = workspace.data_dir / name
    found = (existing_as_windows_sees(path) for path in (template, folder))
    taken = [path for path in found if path is not None]
    if taken:
        also = ALSO_EXISTS(paths=taken[1:]) if len(taken) > 1 else ""
        raise AlreadyExistsError(ALREADY_EXISTS(also=also), path=taken[0])
    made = starter_template(title or DEFAULT_TITLE)  # -- made before anything is written --
    files = write_folder_atomically(
        folder, skeleton_files(name, title or DEFAULT_TITLE, organisation, today)
    )
    try:
        write_atomically(template, made)
    except OutputError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return [template, *files]


def check_report_name(name: str) -> None:
    """Raise WorkspaceError unless ``name`` can name a report's folder and template."""
    if not REPORT_NAME.fullmatch(name):
        raise WorkspaceError(BAD_REPORT_NAME(name=name))
    check_name_can_be_made(name)


def check_name_can_be_made(name: str) -> None:
    """Raise WorkspaceError if no file or folder can be called ``name`` on every system."""
    from reportgen.data.report import MAX_STEM_BYTES, is_device_name

    size = len(name.encode("utf-8"))
    if is_device_name(name):
        raise WorkspaceError(REPORT_NAME_UNMADE(name=name, reason=NAME_IS_DEVICE(name=name)))
    if size > MAX_STEM_BYTES:
        reason = NAME_TOO_LONG(size=size, limit=MAX_STEM_BYTES)
        raise WorkspaceError(REPORT_NAME_UNMADE(name=name, reason=reason))


def init_workspace(directory: Path, *, today: dt.date | None = None) -> list[Path]:
    """Make a workspace in ``directory``: folders, reportgen.toml and a sample report.

    Return the files written. Raise WorkspaceError, writing nothing, if any of them exists.
    """
    workspace = Workspace.at(directory)
    config = directory / CONFIG_FILE
    planned = [
        config,
        workspace.templates_dir / f"{SAMPLE_REPORT}.docx",
        workspace.data_dir / SAMPLE_REPORT,
    ]
    taken = [path for path in planned if path.exists()]
    if taken:
        names = [str(path.relative_to(directory)) for path in taken]
        raise AlreadyExistsError(WORKSPACE_TAKEN(names=names), path=directory)
    try:
        for folder in DEFAULT_FOLDERS.values():
            (directory / folder).mkdir(parents=True, exist_ok=True)
    except OSError as err:
        reason = os_reason(err)
        raise OutputError(FOLDERS_UNWRITABLE(reason=reason), path=directory) from err
    written = create_department(workspace, SAMPLE_REPORT, today=today)
    write_atomically(config, CONFIG_TEXT.encode())
    return [config, *written]


def skeleton_files(
    name: str, title: str, organisation: str | None, today: dt.date | None = None
) -> dict[str, str]:
    """Return the commented data files of a new report, by file name."""
    today = today or dt.date.today()
    report_lines = (
        (f"# 《{title}》的总体信息。", ""),
        ("# 正文各部分的文字和数字写在同一文件夹的分部分文件里（见 parts）。", ""),
        ("# 改完后运行 reportgen check 检查，reportgen render 生成文档。", ""),
        (f"template: {name}.docx", "使用的Word模板（放在 templates 文件夹中）"),
        (
            'output: "{organisation}{end}年{title}"',
            "生成的文件名（不含 .docx），可用 {organisation} {title} {start} {end}",
        ),
        (
            f"organisation: {_yaml_text(organisation or DEFAULT_ORGANISATION)}",
            "汇报单位全称，印在标题和落款处",
        ),
        (f"title: {_yaml_text(title)}", "文种或标题；模板把标题拼成“单位＋年份＋年＋标题”"),
        ("period:", "汇报所涵盖的年份（含首尾两年）；年度报告起止为同一年"),
        # -- the last whole year: a summary is dated after the year it sums up --
        (f"  start: {today.year - 1}", "起始年份"),
        (f"  end: {today.year - 1}", "截止年份；正文写 {{ period.end }} 即印出此年份"),
        (f"date: {today.isoformat()}", "成文日期，印在落款处，写作 年-月-日"),
        ("opening:", "开头段落，每个“-”是一段"),
        ("  - >-", ""),
        (
            "    {{ period.end }}年，{{ organisation }}认真履行职责，各项工作取得新进展。"
            "现将有关情况报告如下。（请改写为本单位的开头段落。）",
            "",
        ),
        ("parts:", "正文各部分的文件名（不带 .yaml），按正文顺序；模板编号为“一、二、……”"),
        (f"  - {PART_NAME}", f"一、（{PART_NAME}.yaml）；复制该文件可增加部分，再在此列出"),
    )
    return {"report.yaml": commented(report_lines), f"{PART_NAME}.yaml": commented(PART_LINES)}


def starter_template(title: str) -> bytes:
    """Return a starter template in the formal layout: title, opening, numbered parts, signature.

    As the default template, it prints the 版头, 主送机关 and 版记 of a 公文 when report.yaml
    has ``official:``, and an attachment when it has ``attachment:``.
    """
    from reportgen.ooxml.layout import build_numbered_template

    return build_numbered_template(
        "{{ report.organisation }}{{ period.end }}年{{ report.title | title_lines }}",
        f"{title} 模板",
    )


def _yaml_text(text: str) -> str:
    """Return ``text`` as a YAML value: plain when that reads back the same, else quoted."""
    import yaml

    if text and yaml.safe_load(text) == text and not re.search(r"[#:{}\[\],&*!|>'\"%@`]", text):
        return text
    return json.dumps(text, ensure_ascii=False)  # -- JSON strings are YAML strings --


def commented(lines: tuple[tuple[str, str], ...], column: int = 40) -> str:
    """Return YAML lines with their comments lined up at ``column`` (CJK counts double)."""
    text = ""
    for line, comment in lines:
        if comment:
            width = sum(2 if ord(char) > 0x2E80 else 1 for char in line)
            line += " " * max(2, column - width) + "# " + comment
        text += line + "\n"
    return text
