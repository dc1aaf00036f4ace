"""A report's page: its form, checked as the clerk types, saved into the files, previewed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from reportgen.data.outline import read_outline
from reportgen.errors import Problem
from reportgen.i18n import Message
from reportgen.serve.drafts import apply_changes, field_problems
from reportgen.serve.form import build_form, build_section, report_files
from reportgen.serve.messages import NOTHING_CHANGED, PREVIEW_STALE, SAVED
from reportgen.serve.posted import changes_from_form
from reportgen.serve.saving import ConflictError
from reportgen.serve.site import Site
from reportgen.serve.values import FormValues

#: What answers a posted form: the site, the request, the report's name and folder, the form.
Handler = Callable[[Site, Request, str, Path, FormData], Response]
#: The form field holding the version of each file as the page read it: ``version:NAME``.
VERSION_PREFIX = "version:"


async def form_page(request: Request) -> Response:
    """Show the report's form, with its preview beside it."""
    site: Site = request.app.state.site
    name = request.path_params["name"]
    directory = site.report_dir(name)
    return await run_in_threadpool(_form_response, site, request, name, directory, None, 200)


def _form_response(
    site: Site,
    request: Request,
    name: str,
    directory: Path,
    notice: Message | None,
    status: int,
) -> Response:
    form = build_form(name, directory)
    partial = request.headers.get("hx-request") == "true"
    headers = {"HX-Trigger": "reportgen-saved"} if notice is not None and status == 200 else {}
    response = site.page(
        request,
        "_form.html" if partial else "report.html",
        status=status,
        form=form,
        name=name,
        notice=notice,
        batch=read_outline(directory).is_batch,
    )
    response.headers.update(headers)
    return response


async def check(request: Request) -> Response:
    """Check the values as typed; answer with each field's problems and computed values."""
    return await _with_form(request, _check)


async def _with_form(request: Request, handle: Handler) -> Response:
    """Answer a POST of the report's form with ``handle``, once its CSRF token is checked."""
    site: Site = request.app.state.site
    posted = await site.posted(request)
    name = request.path_params["name"]
    directory = site.report_dir(name)
    return await run_in_threadpool(handle, site, request, name, directory, posted)


def _check(site: Site, request: Request, name: str, directory: Path, posted: FormData) -> Response:
    form = build_form(name, directory)
    changes, unreadable = changes_from_form(_multi(posted), form.data, form.labels())
    texts, not_written = apply_changes(form.texts, changes)
    draft = site.drafts.check(form, directory, texts)
    for slot, problems in field_problems(form, unreadable).items():
        draft.problems.setdefault(slot, []).extend(problems)
    draft.general += not_written
    values = FormValues(texts, draft.loaded)
    sections = [build_section(directory / file, text) for file, text in texts.items()]
    return site.page(request, "_check.html", sections=sections, draft=draft, values=values)


async def save(request: Request) -> Response:
    """Write the changed values into the files, unless one changed since the page was made."""
    return await _with_form(request, _save)


def _save(site: Site, request: Request, name: str, directory: Path, posted: FormData) -> Response:
    form = build_form(name, directory)
    changes, unreadable = changes_from_form(_multi(posted), form.data, form.labels())
    if unreadable:
        return _status(site, request, unreadable[0].message, 422, unreadable)
    if not changes:
        return _status(site, request, NOTHING_CHANGED(), 200)
    versions = {
        key.removeprefix(VERSION_PREFIX): str(value)
        for key, value in posted.multi_items()
        if key.startswith(VERSION_PREFIX)
    }
    try:
        result = site.saver.save(name, directory, report_files(directory), versions, changes)
    except ConflictError as err:
        return _status(site, request, err.message, 409)
    if result.problems:
        return _status(site, request, result.problems[0].message, 422, result.problems)
    saved = SAVED(files=[path.name for path in result.written])
    return _form_response(site, request, name, directory, saved, 200)


def _status(
    site: Site,
    request: Request,
    message: Message | str,
    status: int,
    problems: list[Problem] | None = None,
) -> Response:
    """Answer a save with a message in the status line; the form keeps what was typed."""
    response = site.page(
        request,
        "_status.html",
        status=status,
        message=message,
        problems=problems or [],
        good=status == 200,
    )
    response.headers.update({"HX-Retarget": "#status", "HX-Reswap": "innerHTML"})
    return response


async def preview(request: Request) -> Response:
    """Show the report's pages as pictures, made from its files as saved."""
    site: Site = request.app.state.site
    name = request.path_params["name"]
    directory = site.report_dir(name)
    if read_outline(directory).is_batch:
        return site.page(request, "_preview.html", name=name, preview=None, batch=True)
    made = await run_in_threadpool(site.previews.preview, name)
    return site.page(
        request,
        "_preview.html",
        name=name,
        preview=made,
        batch=False,
        stale_message=PREVIEW_STALE(),
    )


async def preview_page(request: Request) -> Response:
    """Send one page picture of a preview."""
    site: Site = request.app.state.site
    name = request.path_params["name"]
    site.report_dir(name)
    path = site.previews.page(name, request.path_params["digest"], request.path_params["page"])
    if path is None:
        return Response(status_code=404)
    return FileResponse(path, media_type="image/png", headers={"Cache-Control": "max-age=86400"})


def _multi(posted: FormData) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for key, value in posted.multi_items():
        if isinstance(value, str):
            values.setdefault(key, []).append(value)
    return values
