"""Who may use the server, and which requests it believes.

- On a loopback address (the default) only this computer reaches the server, and the
  ``Host`` header must name it, so that a web page elsewhere cannot reach it through a
  name of its own that resolves here (DNS rebinding).
- On any other address, every request needs the token printed at start: given once as
  ``?token=…`` in the address, it is kept in a cookie for this server only.
- Every POST carries the page's CSRF token (a form field or the ``X-CSRF-Token`` header
  htmx sends), which another site's page cannot read; so a page elsewhere cannot make the
  browser save, render or upload anything here.
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from reportgen.i18n import Language, Message
from reportgen.serve.messages import CSRF_REFUSED, TOKEN_REQUIRED

TOKEN_COOKIE = "reportgen_token"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}


def is_loopback(host: str) -> bool:
    """Return whether ``host`` (an address or ``localhost``) reaches this computer only."""
    if host.strip("[]") in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Guard:
    """The secrets of one server: its CSRF token, and its access token when it needs one."""

    host: str
    #: The language of the interface's messages.
    language: Language = "zh"
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    #: None on a loopback address, where no token is asked for.
    token: str | None = None

    def __post_init__(self) -> None:
        if self.token is None and not is_loopback(self.host):
            self.token = secrets.token_urlsafe(24)

    async def __call__(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        """Let ``request`` through, or answer it with why not."""
        if self.token is None:
            hostname = request.headers.get("host", "").rsplit(":", 1)[0]
            if not is_loopback(hostname):
                return self.refused(TOKEN_REQUIRED(), 403)
        else:
            given = request.query_params.get("token")
            if given is not None and secrets.compare_digest(given, self.token):
                # -- the token leaves the address bar (and the history) at once --
                response = RedirectResponse(request.url.remove_query_params("token"), 303)
                response.set_cookie(
                    TOKEN_COOKIE, self.token, httponly=True, samesite="strict", path="/"
                )
                return response
            cookie = request.cookies.get(TOKEN_COOKIE, "")
            if not secrets.compare_digest(cookie, self.token):
                return self.refused(TOKEN_REQUIRED(), 403)
        if request.method not in ("GET", "HEAD"):
            header = request.headers.get(CSRF_HEADER)
            if header is not None and not secrets.compare_digest(header, self.csrf):
                return self.refused(CSRF_REFUSED(), 403)
        return await call_next(request)

    def form_token_ok(self, request: Request, form: FormData) -> bool:
        """Return whether a POST carries the CSRF token, in its header or its form."""
        given = request.headers.get(CSRF_HEADER) or form.get(CSRF_FIELD)
        return isinstance(given, str) and secrets.compare_digest(given, self.csrf)

    def refused(self, message: Message, status: int) -> Response:
        """Return a plain answer with ``message`` in the interface's language."""
        return PlainTextResponse(message.text(self.language), status_code=status)
