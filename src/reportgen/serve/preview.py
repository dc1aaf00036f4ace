"""The pages of a report as pictures: rendered in memory, converted to PDF, drawn as PNG.

A report is rendered as ``reportgen render`` renders it, converted by the LibreOffice the
server keeps running (:class:`reportgen.serve.office.Office`), and each page drawn by
poppler's ``pdftoppm``. Pictures are kept by the document's digest, so an unchanged report
is not converted again; a report with problems keeps showing its last good pages.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.cache import Cache
from reportgen.errors import ConversionError, Problem, ProblemsFound
from reportgen.files import write_atomically
from reportgen.prepare import Run
from reportgen.serve.messages import DRAWING_FAILED
from reportgen.serve.office import Office
from reportgen.workspace import Workspace

#: Pixels per inch of the page pictures: an A4 page 496 pixels wide, sharp beside a form.
RESOLUTION = 60
#: Seconds pdftoppm may take for a report's pages.
DRAW_SECONDS = 60


@dataclass
class Preview:
    """A report's page pictures (by digest), or why there are none, and how long it took."""

    digest: str | None = None
    pages: int = 0
    problems: list[Problem] = field(default_factory=list)
    #: Set when the pictures are those of an earlier version of the report.
    stale: bool = False
    error: str = ""
    seconds: float = 0.0


class Previewer:
    """Makes and keeps the page pictures of each report in a scratch folder."""

    def __init__(self, workspace: Workspace, office: Office, scratch: Path, cache: Cache | None):
        self.workspace = workspace
        self.office = office
        self.root = scratch / "previews"
        self.cache = cache
        self._last: dict[str, Preview] = {}
        self._lock = threading.Lock()

    def preview(self, name: str) -> Preview:
        """Return the pictures of report ``name`` as its files are now."""
        started = time.monotonic()
        try:
            report = Run(self.workspace, self.cache).render_report(self.workspace.report_dir(name))
        except ProblemsFound as err:
            last = self._last.get(name)
            return Preview(
                last.digest if last else None,
                last.pages if last else 0,
                err.problems,
                stale=last is not None,
            )
        digest = hashlib.sha256(report.document).hexdigest()[:24]
        folder = self.root / name / digest
        with self._lock:
            if not (folder / "done").is_file():
                try:
                    self._draw(report.document, folder)
                except ConversionError as err:
                    return Preview(error=str(err))
        preview = Preview(digest, len(list(folder.glob("page-*.png"))))
        preview.seconds = time.monotonic() - started
        last = self._last.get(name)
        self._last[name] = preview
        with self._lock:
            self._forget(name, keep={digest, (last.digest if last else None) or ""})
        return preview

    def _forget(self, name: str, keep: set[str]) -> None:
        """Remove the pictures of a report's earlier versions but the last, which a page shows."""
        for folder in (self.root / name).iterdir():
            if folder.name not in keep:
                shutil.rmtree(folder, ignore_errors=True)

    def page(self, name: str, digest: str, number: int) -> Path | None:
        """Return the picture of page ``number`` of a preview, or None if there is none."""
        if not (digest.isalnum() and len(digest) == 24):
            return None
        path = self.root / name / digest / f"page-{number}.png"
        return path if path.is_file() else None

    def _draw(self, document: bytes, folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        source = folder / "report.docx"
        write_atomically(source, document)
        pdf = folder / "report.pdf"
        self.office.convert(source, pdf)
        pdftoppm = shutil.which("pdftoppm")
        if pdftoppm is None:
            raise ConversionError(DRAWING_FAILED(detail="pdftoppm (poppler-utils) is missing"))
        try:
            subprocess.run(
                [pdftoppm, "-png", "-r", str(RESOLUTION), str(pdf), str(folder / "drawn")],
                check=True,
                capture_output=True,
                timeout=DRAW_SECONDS,
            )
        except (OSError, subprocess.SubprocessError) as err:
            raise ConversionError(DRAWING_FAILED(detail=str(err))) from err
        # -- pdftoppm pads page numbers to the width of the last: drawn-01.png … drawn-12.png --
        for drawn in folder.glob("drawn-*.png"):
            drawn.rename(folder / f"page-{int(drawn.stem.rsplit('-', 1)[1])}.png")
        (folder / "done").touch()
