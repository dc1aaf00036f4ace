"""Run the application: listen, say where, open the browser, stop cleanly on Ctrl+C."""

from __future__ import annotations

import socket
import threading
import time
import webbrowser
from collections.abc import Callable

from reportgen.cache import Cache
from reportgen.errors import WorkspaceError
from reportgen.messages import os_reason
from reportgen.serve.app import create_app
from reportgen.serve.messages import PORT_BUSY, PREVIEW_SLOW, STARTED, TOKEN_PRINTED
from reportgen.serve.office import uno_python
from reportgen.workspace import Workspace

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8420


def listen(host: str, port: int) -> socket.socket:
    """Return a socket bound to ``host:port`` (0: any free port); WorkspaceError if taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
        sock.listen(128)  # -- a browser that comes early waits for the server, not refused --
    except OSError as err:
        sock.close()
        raise WorkspaceError(PORT_BUSY(host=host, port=port, detail=os_reason(err))) from err
    return sock


def serve(
    workspace: Workspace,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    cache: Cache | None = None,
    say: Callable[[str], None] = print,
    open_browser: bool = True,
) -> None:
    """Serve ``workspace`` until interrupted, and open it in the browser once listening."""
    import uvicorn  # -- only this command needs the server --

    from reportgen.pdf import find_soffice

    sock = listen(host, port)
    port = sock.getsockname()[1]
    app = create_app(workspace, host=host, cache=cache)
    token = app.state.site.guard.token
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    url = f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}/"
    if token is not None:
        url += f"?token={token}"
        say(str(TOKEN_PRINTED(host=host, url=url)))
    say(str(STARTED(url=url)))
    soffice = find_soffice()
    if soffice is not None and uno_python(soffice) is None:
        say(str(PREVIEW_SLOW()))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    if open_browser:
        threading.Thread(target=_open_when_ready, args=(server, url), daemon=True).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()


def _open_when_ready(server: object, url: str) -> None:
    """Open ``url`` in the browser (``BROWSER`` decides which) once the server listens."""
    for _ in range(300):
        if getattr(server, "started", False):
            webbrowser.open(url)
            return
        time.sleep(0.1)
