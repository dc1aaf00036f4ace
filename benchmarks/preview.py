"""Measure a preview of ``reportgen serve``: LibreOffice started for it, or kept running.

Run from anywhere, with the Python that has reportgen installed::

    python benchmarks/preview.py [--rounds N]

It renders the sample five-year report once, then times, N times each and alternating:

- cold: ``reportgen.pdf.convert_to_pdf``, which starts LibreOffice with a fresh profile,
  as ``render --pdf`` and a server without LibreOffice's Python do;
- warm: the LibreOffice that ``reportgen serve`` keeps running, through its UNO bridge;

and, for the whole of a preview after a save, the warm conversion with the report rendered
before it and its pages drawn after it (``Previewer.preview``). Medians are printed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from reportgen.pdf import convert_to_pdf
from reportgen.prepare import Run
from reportgen.serve.office import Office
from reportgen.serve.preview import Previewer
from reportgen.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent
REPORT = "five-year-report"


def main() -> int:
    """Time cold and warm conversions and whole previews; print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory(prefix="reportgen-bench-preview-") as scratch:
        root = Path(scratch)
        shutil.copytree(REPO / "data", root / "data")
        shutil.copytree(REPO / "templates", root / "templates")
        workspace = Workspace.at(root)
        document = root / "report.docx"
        document.write_bytes(Run(workspace).render_report(workspace.report_dir(REPORT)).document)
        office = Office()
        started = time.perf_counter()
        office.start()
        start_seconds = time.perf_counter() - started
        if not office.warm:
            print("no Python with LibreOffice's uno module: install python3-uno", file=sys.stderr)
            return 1
        cold, warm, whole = [], [], []
        previewer = Previewer(workspace, office, root / "scratch", None)
        data = workspace.report_dir(REPORT) / "proposals.yaml"
        text = data.read_text(encoding="utf-8")
        for index in range(rounds):
            out = root / f"cold-{index}"
            started = time.perf_counter()
            convert_to_pdf([document], out)
            cold.append(time.perf_counter() - started)
            started = time.perf_counter()
            office.convert(document, root / f"warm-{index}.pdf")
            warm.append(time.perf_counter() - started)
            # -- a save changes a figure: the preview renders, converts and draws anew --
            data.write_text(text.replace("2019: 1032", f"2019: {1033 + index}"), encoding="utf-8")
            made = previewer.preview(REPORT)
            whole.append(made.seconds)
        office.close()
    print(f"LibreOffice started and connected once: {start_seconds:.2f} s")
    print(f"cold conversion (LibreOffice started each time): {statistics.median(cold):.2f} s")
    print(f"warm conversion (LibreOffice kept running): {statistics.median(warm):.2f} s")
    print(
        f"whole preview after a save (render, warm conversion, pages drawn): "
        f"{statistics.median(whole):.2f} s"
    )
    print(f"median of {rounds} rounds; the sample report has {made.pages} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
