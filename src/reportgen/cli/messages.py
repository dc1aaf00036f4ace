"""The words of the command line: its progress display, and an interrupted run."""

from __future__ import annotations

from reportgen.i18n import MessageKind

ROWS_OF = MessageKind("progress.rows-of", en="rows of {name}", zh="{name} 逐行生成")
ROWS_A_SECOND = MessageKind(
    "progress.rows-a-second",
    en="{rate} rows/s, {left} left",
    zh="每秒 {rate} 行，还需 {left}",
)
INTERRUPTED = MessageKind(
    "cli.interrupted",
    en="interrupted",
    zh="已中断：已生成的文件完整可用，其余没有生成",
)
SCHEDULER_NEEDS_DASK = MessageKind(
    "cli.scheduler-needs-dask",
    en="--scheduler names a Dask cluster: add --engine dask",
    zh="--scheduler 指的是 Dask 集群的地址：请同时写上 --engine dask",
)
DASK_MISSING = MessageKind(
    "cli.dask-missing",
    en='--engine dask needs Dask: install it with pip install "reportgen[dask]"',
    zh='使用 --engine dask 需要先安装 Dask：pip install "reportgen[dask]"',
)
