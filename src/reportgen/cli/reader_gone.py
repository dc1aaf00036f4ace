"""Standard output that its reader may stop reading: ``reportgen render | head -1``.

When the program reading reportgen's output exits early, the next write fails with a broken
pipe. The lines printed are only a record of what was done, so the work goes on to its end
(every document written, no temporary file left) and what remains to print is dropped.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO


class _Tolerant:
    """A text stream that drops what is written once its reader has gone."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._gone = False

    def write(self, text: str) -> int:
        if not self._gone:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._leave()
        return len(text)

    def flush(self) -> None:
        if not self._gone:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._leave()

    def _leave(self) -> None:
        self._gone = True
        # -- what the stream still holds is flushed at exit: let it go nowhere, quietly --
        try:
            descriptor = self._stream.fileno()
        except (OSError, ValueError, AttributeError):
            return
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, descriptor)
        os.close(null)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def reader_may_leave() -> Iterator[None]:
    """Within the block, let standard output's reader stop reading without an error."""
    stream = sys.stdout
    sys.stdout = _Tolerant(stream)
    try:
        yield
        sys.stdout.flush()
    finally:
        sys.stdout = stream
