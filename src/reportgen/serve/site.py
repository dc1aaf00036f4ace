"""One server's state: the workspace, its helpers, and what every page needs from them."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from reportgen.cache import Cache
from reportgen.errors import Problem, WorkspaceError
from reportgen.i18n import Language, Message, current_language, text_of
from reportgen.serve.drafts import DraftChecker
from reportgen.serve.form import TAG
from reportgen.serve.messages import CSRF_REFUSED, FORM_REFUSED, NO_SUCH_REPORT
from reportgen.serve.office import Office
from reportgen.serve.preview import Previewer
from reportgen.serve.saving import Saver
from reportgen.serve.security import Guard
from reportgen.workspace import Workspace

#: The largest request the server reads: an uploaded template, with the form around it.
MAX_UPLOAD_MB = 20
#: The most inputs a form may post: a long report, or a table of a few hundred rows.
MAX_FIELDS = 10_000


def tags(text: str) -> list[str]:
    """Return the expressions the tags of a text print, each once, in order."""
    return list(dict.fromkeys(match.group(1) for match in TAG.finditer(text)))


class Refused(HTTPException):
    """Ends a request with a page saying why, in the interface's language."""

    def __init__(self, message: Message, status: int = 400) -> None:
        super().__init__(status, message.text())
        self.message = message


@dataclass
class Site:
    """Everything the pages of one server share."""

    workspace: Workspace
    scratch: Path
    guard: Guard
    office: Office
    cache: Cache | None = None
    saver: Saver = field(default_factory=Saver)
    templates: Environment = field(init=False)
    drafts: DraftChecker = field(init=False)
    previews: Previewer = field(init=False)

    def __post_init__(self) -> None:
        self.templates = Environment(
            loader=PackageLoader("reportgen.serve", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.templates.globals.update(say=self.say, problem_text=self.problem_text, tags=tags)
        self.drafts = DraftChecker(self.workspace, self.scratch, self.cache)
        self.previews = Previewer(self.workspace, self.office, self.scratch, self.cache)

    @property
    def language(self) -> Language:
        """Return the language of the interface's own messages."""
        return self.guard.language

    def say(self, message: Message | str) -> str:
        """Return one of the interface's messages in its language."""
        return text_of(message, self.language)

    def problem_text(self, problem: Problem, *, located: bool = False) -> str:
        """Return a problem as ``reportgen check`` words it, in the user's language."""
        language = current_language()
        if not located:
            return text_of(problem.message, language)
        if problem.file is not None:
            with contextlib.suppress(ValueError):  # -- inside the workspace: named from it --
                inside = Path(problem.file).relative_to(self.workspace.root)
                problem = problem._replace(file=inside)
        return problem.text(language)

    def page(self, request: Request, template: str, status: int = 200, **context: Any) -> Response:
        """Return ``template`` rendered with ``context``."""
        html = self.templates.get_template(template).render(
            request=request, csrf=self.guard.csrf, **context
        )
        return HTMLResponse(html, status_code=status)

    def report_dir(self, name: str) -> Path:
        """Return the folder of report ``name``; refuse any name that is not one of the reports."""
        try:
            known = self.workspace.report_names()
        except WorkspaceError:  # -- no data folder, or no report in it --
            known = []
        if name not in known:
            raise Refused(NO_SUCH_REPORT(name=name), 404)
        return self.workspace.data_dir / name

    async def posted(self, request: Request) -> FormData:
        """Return the posted form, after its CSRF token is checked."""
        try:
            form = await request.form(
                max_part_size=MAX_UPLOAD_MB * 1024 * 1024, max_fields=MAX_FIELDS, max_files=1
            )
        except HTTPException as err:  # -- too many values or files, or a damaged upload --
            raise Refused(FORM_REFUSED(fields=MAX_FIELDS), 400) from err
        if not self.guard.form_token_ok(request, form):
            await form.close()
            raise Refused(CSRF_REFUSED(), 403)
        return form
