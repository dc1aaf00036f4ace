"""The web application: its routes, its guard, and the helpers it starts and stops."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import threading
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from reportgen.cache import Cache
from reportgen.i18n import Language, speaking
from reportgen.serve import report_page, reports_page
from reportgen.serve.body_limit import BodyLimit
from reportgen.serve.messages import UPLOAD_TOO_LARGE
from reportgen.serve.office import Office
from reportgen.serve.reports_page import MAX_TEMPLATE_BYTES
from reportgen.serve.security import Guard
from reportgen.serve.site import MAX_UPLOAD_MB, Refused, Site
from reportgen.workspace import Workspace


def create_app(
    workspace: Workspace,
    *,
    host: str = "127.0.0.1",
    cache: Cache | None = None,
    office: Office | None = None,
    language: Language = "zh",
    token: str | None = None,
    warm_office: bool = True,
) -> Starlette:
    """Return the application serving ``workspace``, as bound to ``host``.

    On any address but a loopback one, every request needs the access token (``token``,
    or one made up and kept in ``app.state.site.guard.token``). The interface speaks
    ``language``; problems are worded in the user's language, as the command line words them.
    With ``warm_office``, LibreOffice starts with the server rather than at the first preview.
    """
    scratch = Path(tempfile.mkdtemp(prefix="reportgen-serve-"))
    guard = Guard(host, language=language, token=token)
    site = Site(workspace, scratch, guard, office or Office(), cache)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if warm_office:
            # -- LibreOffice starts while the first page loads, so the first preview is quick --
            threading.Thread(target=_start_quietly, args=(site.office,), daemon=True).start()
        try:
            # -- the pages speak one language, and so do the problems shown in them: on a
            # server whose system speaks English, a clerk's page said them in English --
            with speaking(language):
                yield
        finally:
            site.office.close()
            shutil.rmtree(scratch, ignore_errors=True)

    app = Starlette(
        routes=_routes(),
        middleware=[
            Middleware(
                BodyLimit,
                limit=MAX_UPLOAD_MB * 1024 * 1024,
                refused=lambda request: _too_large(site, request),
            ),
            Middleware(BaseHTTPMiddleware, dispatch=guard),
        ],
        exception_handlers={Refused: _refused},
        lifespan=lifespan,
    )
    app.state.site = site
    return app


def _routes() -> list[Route | Mount]:
    return [
        Route("/", reports_page.reports),
        Route("/reports/{name}", report_page.form_page),
        Route("/reports/{name}/check", report_page.check, methods=["POST"]),
        Route("/reports/{name}/save", report_page.save, methods=["POST"]),
        Route("/reports/{name}/preview", report_page.preview),
        Route("/reports/{name}/preview/{digest}/{page:int}.png", report_page.preview_page),
        Route("/reports/{name}/render", reports_page.render, methods=["POST"]),
        Route("/reports/{name}/new-period", reports_page.new_period, methods=["POST"]),
        Route("/reports/{name}/download/{kind}", reports_page.download),
        Route("/departments", reports_page.new_department, methods=["POST"]),
        Route("/templates", reports_page.upload_template, methods=["POST"]),
        Mount("/static", StaticFiles(packages=[("reportgen.serve", "static")]), name="static"),
    ]


async def _refused(request: Request, error: Exception) -> Response:
    site: Site = request.app.state.site
    assert isinstance(error, Refused)
    return site.page(request, "refused.html", status=error.status_code, message=error.message)


def _too_large(site: Site, request: Request) -> Response:
    message = UPLOAD_TOO_LARGE(limit=MAX_TEMPLATE_BYTES // 2**20)
    return site.page(request, "refused.html", status=413, message=message)


def _start_quietly(office: Office) -> None:
    with contextlib.suppress(Exception):  # -- the first preview says what is wrong --
        office.start()
