"""Run reportgen in a process of its own with bounded memory and CPU time.

The tests of hostile input (alias bombs, zip bombs, templates that repeat a string a
billion times) run reportgen this way, so that a regression fails the test with a
MemoryError or a CPU limit instead of taking the machine down.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

#: Address space: a render of the samples needs less than a third of it.
MEMORY_BYTES = 1 << 30
#: CPU seconds before the kernel stops the process; refusing any bomb takes well under one.
CPU_SECONDS = 60


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def run_limited(
    arguments: list[str], cwd: Path, environment: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``reportgen ARGUMENTS`` in ``cwd`` under the limits; return what it did."""
    return run_python(["-m", "reportgen", *arguments], cwd, environment)


def run_python(
    arguments: list[str], cwd: Path, environment: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python ARGUMENTS`` in ``cwd`` under the limits; return what it did."""
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=cwd,
        env={**os.environ, "REPORTGEN_LANG": "en", **(environment or {})},
        capture_output=True,
        text=True,
        preexec_fn=_limit,
        timeout=4 * CPU_SECONDS,
        check=False,
    )
