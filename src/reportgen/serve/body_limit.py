"""Refuse a request larger than the server reads, with a page that says why in the clerk's words.

Starlette's own limit answers "Content Too Large" in plain English, and replaces any page the
application answered with; a clerk who dropped in a 30 MB file would see only that.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class _TooLarge(Exception):
    """Raised inside a request whose body grows past the limit as it is read."""


class BodyLimit:
    """ASGI middleware: a request body over ``limit`` bytes is answered with ``refused``."""

    def __init__(self, app: ASGIApp, limit: int, refused: Callable[[Request], Response]) -> None:
        self.app = app
        self.limit = limit
        self.refused = refused

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on, reading at most ``limit`` bytes of its body."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length", "")
        if length.isdigit() and int(length) > self.limit:
            await self.refused(Request(scope))(scope, receive, send)
            return
        read = 0
        started = False

        async def limited() -> Message:
            nonlocal read
            message = await receive()
            read += len(message.get("body", b""))
            if read > self.limit:  # -- no length announced, or a false one --
                raise _TooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, watched)
        except* _TooLarge:  # -- grouped when it comes through the guard's task group --
            if started:
                raise
            await self.refused(Request(scope))(scope, receive, send)
