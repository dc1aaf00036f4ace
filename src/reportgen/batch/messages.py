"""The messages of batches: rows that cannot be rendered, and workers that stopped."""

from __future__ import annotations

from reportgen.i18n import MessageKind

ROW_NAME_TAKEN = MessageKind(
    "batch.row-name-taken",
    en="'{name}' names the table's current row in a batch: rename the part, figure or list "
    "called so",
    zh="“{name}”在批量生成中专指表格的当前行：请给同名的部分、数字或列表另起名字",
)
TABLE_LACKS_COLUMN = MessageKind(
    "batch.table-lacks-column",
    en="the template or batch.output uses row.{column}, but the table has no column "
    "'{column}' (columns: {columns})",
    zh="模板或 batch.output 用到了 row.{column}，但表格中没有“{column}”这一列"
    "（现有的列：{columns}）：请在第一行补上这一列，或改正模板中的名字",
)
ROW_LACKS_COLUMN = MessageKind(
    "batch.row-lacks-column",
    en="no '{column}': the template or batch.output uses it",
    zh="这一行没有“{column}”：模板或 batch.output 要用到它，请补上",
)
SAME_FILE_AS_ROW = MessageKind(
    "batch.same-file-as-row",
    en="writes {file}, as the row on line {line} does: make batch.output name a column that "
    "tells them apart",
    zh="生成的文件 {file} 与第 {line} 行的重名：请在 batch.output 中加上能区分各行的列（如编号）",
)
WORKER_STOPPED = MessageKind(
    "batch.worker-stopped",
    en="a worker process stopped unexpectedly (killed, perhaps by the system when memory ran "
    "short): {count} {count:row|rows} on {lines} may not have been written{rest}; render the "
    "report again",
    zh="有一个工作进程意外停止（被终止，可能是系统内存不足）：第 {lines} 行共 {count} 行"
    "可能没有生成{rest}；请重新生成这份报告",
)
ROWS_AFTER_NOT_RENDERED = MessageKind(
    "batch.rows-after-not-rendered",
    en=", and the rows after line {line} were not rendered",
    zh="，第 {line} 行之后的各行也没有生成",
)
LINES = MessageKind("batch.lines", en="lines {ranges}", zh="{ranges}")
