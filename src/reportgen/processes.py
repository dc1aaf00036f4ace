"""Stop a program reportgen started, with every program it started in turn.

LibreOffice's ``soffice`` starts ``soffice.bin`` and helpers of its own, so stopping the
one process reportgen started leaves the others running, holding files open. On POSIX the
program is started in a session of its own (``start_new_session=True``) and its whole
process group is signalled; on Windows, ``taskkill /T`` ends the tree.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from typing import Any


def stop_group(process: subprocess.Popen[Any], *, at_once: bool = False, wait: float = 10) -> None:
    """Stop ``process`` and what it started: asked to end, then forced after ``wait`` seconds.

    ``at_once`` forces it straight away (a program that stopped answering). The process must
    have been started with ``start_new_session=True``.
    """
    if process.poll() is not None:
        return
    try:
        _signal_group(process, forced=at_once)
        process.wait(timeout=wait)
    except (OSError, subprocess.TimeoutExpired):
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            _signal_group(process, forced=True)
            process.wait(timeout=wait)


def _signal_group(process: subprocess.Popen[Any], *, forced: bool) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        command = ["taskkill", "/T", "/PID", str(process.pid), *(["/F"] if forced else [])]
        subprocess.run(command, capture_output=True, check=False)
        if forced:
            process.kill()  # -- should taskkill be missing --
        return
    os.killpg(process.pid, signal.SIGKILL if forced else signal.SIGTERM)
