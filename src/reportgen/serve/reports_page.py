"""The reports page and what it starts: render, download, a new period, department or template.

Each action is the library call the matching command makes (``render``, ``new-period``,
``new-department``), so that the page and the command line cannot differ.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from typing import TypeVar
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response

from reportgen.api import render_reports
from reportgen.commands.listing import ReportEntry, describe_workspace
from reportgen.commands.new_period import start_new_period
from reportgen.commands.skeleton import write_new_data
from reportgen.commands.starter import check_report_name, create_department
from reportgen.data.outline import read_outline
from reportgen.errors import Problem, ProblemsFound, ReportgenError
from reportgen.files import write_atomically
from reportgen.i18n import Message
from reportgen.prepare import check_and_compile
from reportgen.serve.messages import (
    RENDERED,
    TEMPLATE_EXISTS,
    TEMPLATE_REFUSED,
    UPLOAD_NO_FILE,
    UPLOAD_NOT_DOCX,
    UPLOAD_TOO_LARGE,
)
from reportgen.serve.site import MAX_UPLOAD_MB, Refused, Site

Done = TypeVar("Done")

#: The largest template accepted: far above any real one, far below what would hurt.
MAX_TEMPLATE_BYTES = 10 * 1024 * 1024


@dataclass
class ReportRow:
    """A report as the reports page shows it."""

    entry: ReportEntry
    period: str
    title: str
    organisation: str
    docx: Path | None
    pdf: Path | None
    rendered_at: str


async def reports(request: Request) -> Response:
    """Show every report, its template and period, whether it checks clean, its last file."""
    site: Site = request.app.state.site
    return await run_in_threadpool(_reports_page, site, request, None, [])


def _reports_page(
    site: Site, request: Request, notice: Message | str | None, problems: list[Problem]
) -> Response:
    overview = describe_workspace(site.workspace, site.cache)
    rows = [_row(entry) for entry in overview.reports]
    return site.page(
        request,
        "reports.html",
        overview=overview,
        rows=rows,
        notice=notice,
        problems=problems,
        status=400 if problems else 200,
    )


def _row(entry: ReportEntry) -> ReportRow:
    outline = read_outline(entry.directory)
    title, organisation = (str(outline.fields.get(key, "")) for key in ("title", "organisation"))
    start, end = outline.period or ("", "")
    period = f"{start}—{end}" if start != end else f"{end}"
    docx = entry.output if entry.output and entry.output.is_file() and not entry.rows else None
    pdf = docx.with_suffix(".pdf") if docx is not None else None
    stamp = ""
    if docx is not None:
        stamp = dt.datetime.fromtimestamp(docx.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    pdf = pdf if pdf is not None and pdf.is_file() else None
    return ReportRow(entry, period, title, organisation, docx, pdf, stamp)


async def render(request: Request) -> Response:
    """Render one report, and its PDF with the LibreOffice kept running."""
    site, name = await _report_post(request)
    written = await _attempt(site, request, lambda: _render(site, name))
    if isinstance(written, Response):
        return written
    names = [path.name for path in written]
    shown = names if len(names) <= 3 else [*names[:3], "…"]
    return await run_in_threadpool(_reports_page, site, request, RENDERED(files=shown), [])


async def _report_post(request: Request) -> tuple[Site, str]:
    """Return the site and the report a POST is about, once its CSRF token is checked."""
    site: Site = request.app.state.site
    await site.posted(request)
    name = request.path_params["name"]
    site.report_dir(name)
    return site, name


async def _attempt(site: Site, request: Request, action: Callable[[], Done]) -> Done | Response:
    """Return what ``action`` returns, or the reports page saying why it failed."""
    try:
        return await run_in_threadpool(action)
    except ProblemsFound as err:
        return await run_in_threadpool(_reports_page, site, request, None, err.problems)
    except ReportgenError as err:
        return await run_in_threadpool(_reports_page, site, request, err.text(), [])


def _render(site: Site, name: str) -> list[Path]:
    written = render_reports(site.workspace, [name], cache=site.cache)
    documents = [path for path in written if path.suffix == ".docx"]
    if len(documents) == 1:  # -- a batch's hundred certificates are not converted here --
        document = documents[0]
        with tempfile.TemporaryDirectory(dir=document.parent, prefix=".pdf-") as scratch:
            converted = Path(scratch) / f"{document.stem}.pdf"
            site.office.convert(document, converted)
            os.replace(converted, document.with_suffix(".pdf"))
        written.append(document.with_suffix(".pdf"))
    return written


async def download(request: Request) -> Response:
    """Send the report's last rendered .docx or PDF."""
    site: Site = request.app.state.site
    name, kind = request.path_params["name"], request.path_params["kind"]
    facts = read_outline(site.report_dir(name)).facts()
    if facts is None or facts.batch is not None or kind not in ("docx", "pdf"):
        return Response(status_code=404)
    output = site.workspace.output_dir.resolve()
    path = site.workspace.output_dir / f"{facts.output_stem()}.{kind}"
    if not path.resolve().is_relative_to(output) or not path.is_file():
        return Response(status_code=404)
    media = (
        "application/pdf"
        if kind == "pdf"
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    return FileResponse(
        path,
        media_type=media,
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(path.name)}"},
    )


async def new_period(request: Request) -> Response:
    """Start the report's next period (``reportgen new-period``) and open its form."""
    site, name = await _report_post(request)
    made = await _attempt(site, request, lambda: start_new_period(site.workspace, name))
    if isinstance(made, Response):
        return made
    return RedirectResponse(f"/reports/{quote(made.name)}", 303)


async def new_department(request: Request) -> Response:
    """Make a department's starter template and data (``reportgen new-department``)."""
    site: Site = request.app.state.site
    form = await site.posted(request)
    name = str(form.get("name", "")).strip()
    title = str(form.get("title", "")).strip() or None
    organisation = str(form.get("organisation", "")).strip() or None
    made = await _attempt(
        site,
        request,
        lambda: create_department(site.workspace, name, title=title, organisation=organisation),
    )
    if isinstance(made, Response):
        return made
    return RedirectResponse(f"/reports/{quote(name)}", 303)


async def upload_template(request: Request) -> Response:
    """Take a dropped-in .docx: check it as templates are, keep it, give it data, open its form."""
    site: Site = request.app.state.site
    length = int(request.headers.get("content-length") or 0)
    if length > MAX_UPLOAD_MB * 1024 * 1024:
        raise Refused(UPLOAD_TOO_LARGE(limit=MAX_TEMPLATE_BYTES // 2**20), 413)
    form = await site.posted(request)
    try:
        upload = form.get("template")
        if not isinstance(upload, UploadFile) or not upload.filename:
            empty = UPLOAD_NO_FILE()
            return await run_in_threadpool(_reports_page, site, request, empty, [])
        blob = await upload.read(MAX_TEMPLATE_BYTES + 1)
        name = str(form.get("name", "")).strip() or Path(upload.filename).stem
    finally:
        await form.close()
    try:
        await run_in_threadpool(_keep_template, site, upload.filename, blob, name)
    except ProblemsFound as err:
        refused = TEMPLATE_REFUSED(count=len(err.problems))
        return await run_in_threadpool(_reports_page, site, request, refused, err.problems)
    except ReportgenError as err:
        return await run_in_threadpool(_reports_page, site, request, err.text(), [])
    return RedirectResponse(f"/reports/{quote(name)}", 303)


def _keep_template(site: Site, filename: str, blob: bytes, name: str) -> None:
    """Check ``blob`` as a template and keep it as templates/NAME.docx, with data to fill it."""
    if len(blob) > MAX_TEMPLATE_BYTES:
        raise Refused(UPLOAD_TOO_LARGE(limit=MAX_TEMPLATE_BYTES // 2**20), 413)
    if not filename.lower().endswith(".docx"):
        raise _Unusable(UPLOAD_NOT_DOCX(name=filename))
    check_report_name(name)  # -- as new-department names a report --
    target = site.workspace.template_path(f"{name}.docx")
    folder = site.workspace.data_dir / name
    if target.exists() or folder.exists():
        raise _Unusable(TEMPLATE_EXISTS(path=target if target.exists() else folder))
    with tempfile.TemporaryDirectory(prefix="reportgen-upload-") as scratch:
        candidate = Path(scratch) / f"{name}.docx"
        candidate.write_bytes(blob)
        checked = check_and_compile(candidate, site.cache)
        if isinstance(checked, ProblemsFound):
            raise _as_uploaded(checked, candidate, filename)
    write_atomically(target, blob)
    try:
        # -- the data the template itself asks for, each field 【待填写】, as new-data writes it --
        write_new_data(site.workspace, target.name, name)
    except BaseException:
        target.unlink(missing_ok=True)  # -- a template without its data is not kept --
        raise


def _as_uploaded(found: ProblemsFound, candidate: Path, filename: str) -> ProblemsFound:
    """Return the problems of the checked copy named by the file the clerk chose, not the copy."""
    shown = PureWindowsPath(filename).name  # -- a browser may send C:\…\name.docx --
    return ProblemsFound(
        problem._replace(file=shown) if Path(str(problem.file)) == candidate else problem
        for problem in found.problems
    )


class _Unusable(ReportgenError):
    """Raised when an uploaded file cannot become a template; nothing is written."""
