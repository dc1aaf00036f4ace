"""Watch reports and render them again whenever their data or template changes.

Made for editing a report with its document open beside the data: save a YAML file
or the template, and the document is written again a moment later. A change that
breaks a report is reported and watching goes on, so the next save can fix it.
watchfiles is imported only here: other commands never load it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from reportgen.errors import Problem, ReportgenError
from reportgen.workspace import Workspace

if TYPE_CHECKING:
    from watchfiles import Change, DefaultFilter

    from reportgen.cache import Cache

#: Files that editors and Word write beside the real ones: their changes are no change.
_TEMPORARY_PREFIXES = ("~$", ".")


class StopSignal(Protocol):
    """Anything that says when to stop, such as a ``threading.Event``."""

    def is_set(self) -> bool:
        """Return True once watching should stop."""
        ...


def watch_reports(
    workspace: Workspace,
    names: Sequence[str] = (),
    output_dir: Path | None = None,
    *,
    on_written: Callable[[Path], None] | None = None,
    on_error: Callable[[ReportgenError], None] | None = None,
    on_watching: Callable[[list[Path]], None] | None = None,
    on_change: Callable[[list[Path]], None] | None = None,
    on_warning: Callable[[Problem], None] | None = None,
    stop_event: StopSignal | None = None,
    max_cycles: int | None = None,
    cache: Cache | None = None,
) -> int:
    """Render the named (default: all) reports, then again each time their files change.

    Each report is rendered on its own, so one report's problems never hold back
    another. ``on_written`` is told each file written, ``on_error`` each error (and
    watching goes on), ``on_warning`` each warning of a report that rendered,
    ``on_watching`` the folders watched once watching starts, and ``on_change`` the files of
    each change. Return the number of changes handled,
    when ``stop_event`` is set, after ``max_cycles`` changes, or on Ctrl+C.
    """
    watcher = _ReportWatcher(workspace, list(names), output_dir, on_written, on_error, cache)
    watcher.on_warning = on_warning
    folders = watcher.folders()
    for name in watcher.current_names():
        watcher.render(name)
    if on_watching is not None:
        on_watching(folders)
    if max_cycles is not None and max_cycles <= 0:
        return 0

    import watchfiles

    cycles = 0
    # -- Ctrl+C is how watching ends: caught here, where watchfiles would log it in English --
    with contextlib.suppress(KeyboardInterrupt):
        for changes in watchfiles.watch(
            *folders,
            watch_filter=watcher.is_relevant,
            stop_event=stop_event,
            raise_interrupt=True,
        ):
            changed = _lasting(changes)
            if on_change is not None and changed:
                on_change(changed)
            for name in watcher.affected(changed):
                watcher.render(name)
            cycles += 1
            if max_cycles is not None and cycles >= max_cycles:
                break
    return cycles


def _lasting(changes: set[tuple[Change, str]]) -> list[Path]:
    """Return the paths changed, less scratch files an editor made and removed meanwhile."""
    import watchfiles

    kinds: dict[str, set[Change]] = {}
    for kind, path in changes:
        kinds.setdefault(path, set()).add(kind)
    scratch = {watchfiles.Change.added, watchfiles.Change.deleted}
    return sorted(
        Path(path)
        for path, seen in kinds.items()
        if not (scratch <= seen and not Path(path).exists())
    )


class _ReportWatcher:
    """Knows which reports a changed file belongs to, and renders them one by one."""

    def __init__(
        self,
        workspace: Workspace,
        names: list[str],
        output_dir: Path | None,
        on_written: Callable[[Path], None] | None,
        on_error: Callable[[ReportgenError], None] | None,
        cache: Cache | None = None,
    ) -> None:
        self.cache = cache
        self.workspace = workspace
        self.names = names
        self.output_dir = output_dir
        self.on_written = on_written
        self.on_error = on_error
        self.on_warning: Callable[[Problem], None] | None = None
        self.data_dir = workspace.data_dir.resolve()
        self.templates_dir = workspace.templates_dir.resolve()
        self._default_filter: DefaultFilter | None = None

    def folders(self) -> list[Path]:
        """Return the folders to watch; raise WorkspaceError for a report that does not exist."""
        if self.names:
            folders = [self.workspace.report_dir(name).resolve() for name in self.names]
        else:
            self.workspace.report_names()  # -- no report at all is an error, as for render --
            folders = [self.data_dir]
        if self.templates_dir.is_dir():
            folders.append(self.templates_dir)
        return folders

    def current_names(self) -> list[str]:
        """Return the reports watched now: all reports include those added since."""
        if self.names:
            return self.names
        try:
            return self.workspace.report_names()
        except ReportgenError:
            return []

    def render(self, name: str) -> None:
        """Render report ``name``, passing on the files written or the error."""
        from reportgen.api import render_reports

        try:
            render_reports(
                self.workspace,
                [name],
                self.output_dir,
                self.on_written,
                on_warning=self.on_warning,
                cache=self.cache,
            )
        except ReportgenError as err:
            if self.on_error is not None:
                self.on_error(err)

    def is_relevant(self, change: Change, path: str) -> bool:
        """Return True for a change to data or a template, not to an editor's scratch file."""
        if self._default_filter is None:
            import watchfiles

            self._default_filter = watchfiles.DefaultFilter()
        file = Path(path)
        if file.name.startswith(_TEMPORARY_PREFIXES) or not self._default_filter(change, path):
            return False
        if file.is_relative_to(self.templates_dir):
            return file.suffix.lower() == ".docx"
        return True

    def affected(self, changed: list[Path]) -> list[str]:
        """Return the reports that the ``changed`` files belong to, in the watched order."""
        current = self.current_names()
        affected: set[str] = set()
        for path in changed:
            if path.is_relative_to(self.templates_dir):
                template = path.relative_to(self.templates_dir).as_posix()
                affected.update(
                    name for name in current if self._template_of(name) in (template, None)
                )
            elif path.is_relative_to(self.data_dir) and path != self.data_dir:
                name = path.relative_to(self.data_dir).parts[0]
                if name in current:
                    affected.add(name)
        return [name for name in current if name in affected]

    def _template_of(self, name: str) -> str | None:
        # -- read only the template's name: a report that does not load is rendered anyway,
        #    so its problems are shown again --
        from reportgen.data.outline import read_outline

        return read_outline(self.data_dir / name).template
