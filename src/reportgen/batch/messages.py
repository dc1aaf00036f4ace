"""The messages of batches run in processes or on a cluster: workers that stopped.

The messages about rows and columns are in :mod:`reportgen.messages`, with the run's.
"""

from __future__ import annotations

from reportgen.i18n import MessageKind

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
ROWS_NOT_LISTED = MessageKind(
    "batch.rows-not-listed",
    en="{count} more {count:row|rows} from this row on {count:has|have} problems, not listed: "
    "correct those above, then check again",
    zh="从这一行起还有 {count} 行有问题，未逐一列出：请先改正上面列出的问题，再检查一次",
)
MERGED_TOO_LARGE = MessageKind(
    "batch.merged-too-large",
    en="the {count} documents are too many to join into one file (more than {limit} characters "
    "of text, a file Word opens slowly if at all): the documents are written, the joined file is "
    "not; print them from their folder, or split the table into smaller batches",
    zh="{count} 份文档太多，不宜合成一个文件（文字超过 {limit} 个字符，Word 很难打开）："
    "各份文档已生成，合订本没有生成；请从文件夹中打印，或把表格分成几批",
)
