"""One LibreOffice kept running while the server runs: a preview in a fraction of a second.

Starting LibreOffice takes seconds; converting a report in a LibreOffice already running takes
a tenth of one. :class:`Office` starts ``soffice`` once, listening on a named pipe with a
profile of its own, and drives it through UNO with :mod:`reportgen.serve.office_bridge`, run
by a Python that has LibreOffice's ``uno`` module (LibreOffice's own on Windows and macOS, the
system's with python3-uno on Debian). Where there is none, each conversion starts LibreOffice
afresh through :func:`reportgen.pdf.convert_to_pdf`: slower, the same PDF.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import secrets
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import IO

from reportgen.errors import ConversionError
from reportgen.pdf import convert_to_pdf, find_soffice, font_environment
from reportgen.processes import stop_group
from reportgen.serve.messages import OFFICE_FAILED, OFFICE_TIMEOUT

#: Seconds LibreOffice may take to start and connect, and to convert one document.
START_SECONDS = 90.0
CONVERT_SECONDS = 60.0

BRIDGE = Path(__file__).with_name("office_bridge.py")


def uno_python(soffice: str) -> str | None:
    """Return a Python that can ``import uno`` for the LibreOffice at ``soffice``, or None."""
    program = Path(soffice).resolve().parent
    candidates = [
        program / "python.exe",
        program / "python",
        program.parent / "Resources" / "python",  # -- the macOS application bundle --
        Path("/usr/bin/python3"),
    ]
    for candidate in candidates:
        if not candidate.is_file():
            continue
        try:
            found = subprocess.run(
                [str(candidate), "-c", "import uno"],
                capture_output=True,
                timeout=30,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if found.returncode == 0:
            return str(candidate)
    return None


class Office:
    """A LibreOffice kept running for conversions, started on first use, until closed.

    Conversions take turns: LibreOffice converts one document at a time. A conversion
    that fails or takes longer than ``convert_seconds`` stops LibreOffice, and the next
    one starts it again.
    """

    def __init__(self, *, convert_seconds: float = CONVERT_SECONDS) -> None:
        self.convert_seconds = convert_seconds
        self._lock = threading.Lock()
        self._stack: contextlib.ExitStack | None = None
        self._office: subprocess.Popen[bytes] | None = None
        self._bridge: subprocess.Popen[str] | None = None
        self._answers: queue.Queue[str | None] = queue.Queue()
        self._reader: threading.Thread | None = None
        #: Whether conversions run in the LibreOffice kept running (None: not started yet).
        self.warm: bool | None = None

    def start(self) -> None:
        """Start LibreOffice now, rather than on the first conversion."""
        with self._lock:
            if self._bridge is None and self.warm is not False:
                self._start()

    def convert(self, source: Path, target: Path) -> None:
        """Write ``source`` (a .docx) as the PDF ``target``; raise ConversionError if it fails."""
        with self._lock:
            if self._bridge is None and self.warm is not False:
                self._start()
            if self._bridge is None:
                self._convert_cold(source, target)
                return
            target.unlink(missing_ok=True)
            request = {"source": str(source.resolve()), "target": str(target.resolve())}
            try:
                answer = self._ask(request, self.convert_seconds)
            except ConversionError:
                self._stop()
                raise
            if "error" in answer or not target.is_file():
                self._stop()  # -- whatever went wrong, the next conversion starts afresh --
                raise ConversionError(OFFICE_FAILED(detail=answer.get("error", "")), path=source)

    def close(self) -> None:
        """Stop LibreOffice and the bridge, and remove the profile."""
        with self._lock:
            self._stop()

    # -- the processes --

    def _start(self) -> None:
        soffice = find_soffice()
        python = uno_python(soffice) if soffice else None
        if soffice is None or python is None:
            self.warm = False
            return
        stack = contextlib.ExitStack()
        try:
            scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="reportgen-")))
            environment = stack.enter_context(font_environment(scratch))
            pipe = f"reportgen-{os.getpid()}-{secrets.token_hex(4)}"
            self._office = subprocess.Popen(
                [
                    soffice,
                    f"-env:UserInstallation={(scratch / 'profile').as_uri()}",
                    "--headless",
                    "--invisible",
                    "--norestore",
                    "--nologo",
                    "--nodefault",
                    "--nolockcheck",
                    f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
                ],
                env=environment,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            self._bridge = subprocess.Popen(
                [python, str(BRIDGE), pipe],
                env=environment,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
                start_new_session=True,
            )
            self._stack = stack
            self._answers = queue.Queue()
            assert self._bridge.stdout is not None
            self._reader = threading.Thread(
                target=_read_lines, args=(self._bridge.stdout, self._answers), daemon=True
            )
            self._reader.start()
            self._wait_ready()
        except BaseException:
            self._stack = stack
            self._stop()
            raise
        self.warm = True

    def _wait_ready(self) -> None:
        try:
            self._answer(START_SECONDS)
        except ConversionError:
            # -- no UNO connection: convert the slow way rather than not at all --
            self._stop()
            self.warm = False

    def _ask(self, request: dict[str, str], timeout: float) -> dict[str, str]:
        bridge = self._bridge
        assert bridge is not None and bridge.stdin is not None
        try:
            bridge.stdin.write(json.dumps(request) + "\n")
            bridge.stdin.flush()
        except OSError as err:
            raise ConversionError(OFFICE_FAILED(detail=str(err))) from err
        return self._answer(timeout)

    def _answer(self, timeout: float) -> dict[str, str]:
        try:
            line = self._answers.get(timeout=timeout)
        except queue.Empty:
            raise ConversionError(OFFICE_TIMEOUT(seconds=round(timeout))) from None
        if line is None:
            raise ConversionError(OFFICE_FAILED(detail="LibreOffice stopped"))
        answer = json.loads(line)
        return answer if isinstance(answer, dict) else {"error": line}

    def _stop(self) -> None:
        for process in (self._bridge, self._office):
            if process is None:
                continue
            with contextlib.suppress(OSError):
                if process.stdin is not None:
                    process.stdin.close()
            stop_group(process)
        if self._reader is not None:
            self._reader.join(timeout=10)  # -- it ends at the bridge's end of output --
            self._reader = None
        if self._bridge is not None and self._bridge.stdout is not None:
            self._bridge.stdout.close()
        self._bridge = self._office = None
        if self._stack is not None:
            self._stack.close()
            self._stack = None

    def _convert_cold(self, source: Path, target: Path) -> None:
        with tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as scratch:
            (converted,) = convert_to_pdf([source], Path(scratch))
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(converted, target)


def _read_lines(stream: IO[str], answers: queue.Queue[str | None]) -> None:
    for line in stream:
        answers.put(line)
    answers.put(None)  # -- the bridge has ended --
