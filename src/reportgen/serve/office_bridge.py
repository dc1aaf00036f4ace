"""Drive a running LibreOffice through UNO: convert documents to PDF, one request a line.

Run by a Python that can ``import uno`` (LibreOffice's own on Windows and macOS; the
system's with python3-uno on Debian), never imported by reportgen::

    python3 office_bridge.py PIPE_NAME

It connects to the LibreOffice listening on the named pipe, prints ``{"ready": true}``,
then reads requests ``{"source": "/…/a.docx", "target": "/…/a.pdf"}`` from stdin, one a
line, and answers each with ``{"ok": true}`` or ``{"error": "…"}`` on stdout. It keeps to
the standard library and uno, for whatever Python version LibreOffice brings.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import uno
from com.sun.star.beans import PropertyValue

CONNECT_SECONDS = 60.0


def _property(name: str, value: Any) -> Any:
    item = PropertyValue()
    item.Name = name
    item.Value = value
    return item


def _connect(pipe: str) -> Any:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:  # -- LibreOffice is still starting: its pipe is not there yet --
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)


def _convert(desktop: Any, source: str, target: str) -> None:
    document = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(source),
        "_blank",
        0,
        (_property("Hidden", True), _property("ReadOnly", True)),
    )
    if document is None:
        raise RuntimeError(f"LibreOffice could not open {source}")
    try:
        document.storeToURL(
            uno.systemPathToFileUrl(target), (_property("FilterName", "writer_pdf_Export"),)
        )
    finally:
        document.close(True)


def main() -> None:
    """Connect, then answer conversion requests until stdin closes."""
    desktop = _connect(sys.argv[1])
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        try:
            request = json.loads(line)
            _convert(desktop, request["source"], request["target"])
            answer: dict[str, Any] = {"ok": True}
        except Exception as err:  # -- any failure is the caller's to report --
            answer = {"error": f"{type(err).__name__}: {err}"}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
