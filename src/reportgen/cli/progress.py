"""Show how far rendering has come: a progress bar on a terminal, plain lines in a pipe.

Both forms print every file written, one a line, so a script reading the output of
``reportgen render`` gets the same lines either way. On a terminal, rich draws a bar
over the reports below those lines, a bar over each batch's rows with the rows a second
and the time left, and a spinner while LibreOffice converts them. rich is imported only
when a bar is drawn: a piped run never loads it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TextIO

from reportgen.cli.messages import (
    CHECKED_ONE,
    CHECKING,
    CONVERTED,
    CONVERTING,
    DONE,
    LAID_OUT,
    LAYING_OUT,
    RENDERED,
    RENDERING,
    ROWS_A_SECOND,
    ROWS_OF,
)
from reportgen.i18n import MessageKind

if TYPE_CHECKING:
    from rich.console import Console

#: How often a batch's bar is redrawn at most, in seconds: a row takes under a millisecond.
_ROW_UPDATES = 0.1


class RenderProgress(Protocol):
    """What a render tells the person waiting for it; used as a context manager."""

    def rendered(self, name: str) -> None:
        """Count the report ``name`` as rendered (or found faulty)."""

    def written(self, path: Path) -> None:
        """Show that the file at ``path`` was written."""

    def rows(self, name: str) -> Callable[[int, int | None], None]:
        """Return what the batch ``name`` tells of its rows done, and of how many it has."""

    def __enter__(self) -> RenderProgress: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...


class PlainProgress:
    """Print each file written on a line of its own (with ``show`` None, not even that)."""

    def __init__(self, stream: TextIO, show: Callable[[Path], str] | None = str) -> None:
        self.stream = stream
        self.show = show

    def rendered(self, name: str) -> None:
        """Say nothing: a pipe wants the files written, not the steps."""

    def written(self, path: Path) -> None:
        """Print the file's path."""
        if self.show is not None:
            print(self.show(path), file=self.stream, flush=True)

    def rows(self, name: str) -> Callable[[int, int | None], None]:
        """Say nothing of rows: the files written are the lines a pipe reads."""
        return lambda done, total: None

    def __enter__(self) -> PlainProgress:
        return self

    def __exit__(self, *exception: object) -> None:
        return None


class Words(NamedTuple):
    """What a bar says: at the start, of each report done, and of the LibreOffice step."""

    start: MessageKind
    each: MessageKind
    converting: MessageKind
    converted: MessageKind


RENDER_WORDS = Words(RENDERING, RENDERED, CONVERTING, CONVERTED)
CHECK_WORDS = Words(CHECKING, CHECKED_ONE, LAYING_OUT, LAID_OUT)


class BarProgress:
    """Draw a bar over the reports to render, with each file written printed above it.

    With ``pdf``, the bar has one more step, the LibreOffice run, which starts when
    the last report is rendered and counts the PDFs as they are written. With ``show``
    None, the files are counted and not printed (a check's scratch files).
    """

    def __init__(
        self,
        total: int,
        *,
        pdf: bool = False,
        console: Console | None = None,
        show: Callable[[Path], str] | None = str,
        words: Words = RENDER_WORDS,
    ) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self.show = show
        self.words = words
        self.pdf = pdf
        self._reports = total
        self._rendered = 0
        self._converted = 0
        self.bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[rate]}", style="progress.data.speed"),
            console=console,
        )
        self.task = self.bar.add_task(str(words.start()), total=total + (1 if pdf else 0), rate="")

    def rendered(self, name: str) -> None:
        """Advance the bar by one report; name the PDF step when the last one is done."""
        self._rendered += 1
        description = str(self.words.each(name=name))
        if self.pdf and self._rendered == self._reports:
            description = str(self.words.converting())
        self.bar.update(self.task, advance=1, description=description)

    def written(self, path: Path) -> None:
        """Print the file's path above the bar; count a PDF in the LibreOffice step."""
        if self.show is not None:
            self.bar.console.print(self.show(path), markup=False, highlight=False, soft_wrap=True)
        if path.suffix == ".pdf":
            self._converted += 1
            described = self.words.converted(count=self._converted)
            self.bar.update(self.task, description=str(described))

    def rows(self, name: str) -> Callable[[int, int | None], None]:
        """Add a bar for the rows of batch ``name``; return what moves it."""
        task = self.bar.add_task(ROWS_OF(name=name).text(), total=None, rate="")
        started = last = time.monotonic()

        def advance(done: int, total: int | None) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last >= _ROW_UPDATES or done == total:
                last = now
                speed = done / max(now - started, 1e-6)
                left = (total - done) / speed if total is not None and speed else None
                rate = ROWS_A_SECOND(
                    rate=f"{speed:,.0f}", left=_duration(left) if left is not None else "?"
                ).text()
                self.bar.update(task, completed=done, total=total, rate=rate)

        return advance

    def __enter__(self) -> BarProgress:
        self.bar.start()
        return self

    def __exit__(self, *exception: object) -> None:
        if not exception[0]:
            total = self.bar.tasks[0].total
            self.bar.update(self.task, completed=total, description=str(DONE()))
        self.bar.stop()


def _duration(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def progress_for(
    stream: TextIO,
    total: int,
    *,
    pdf: bool = False,
    show: Callable[[Path], str] | None = str,
    words: Words = RENDER_WORDS,
) -> RenderProgress:
    """Return a bar when ``stream`` is a terminal, else plain lines, for ``total`` reports.

    With ``show`` None no file is printed, on a terminal or not: a check writes none to keep.
    """
    if _is_terminal(stream):
        from rich.console import Console

        console = Console(file=stream)
        return BarProgress(total, pdf=pdf, console=console, show=show, words=words)
    return PlainProgress(stream, show)


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False
