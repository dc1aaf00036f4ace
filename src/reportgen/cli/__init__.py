"""The ``reportgen`` command: parse arguments, call the library, report errors.

Kept thin and quick to start: heavy modules (docxtpl, pydantic, lxml) are
imported inside the commands, so ``--help`` and ``--version`` import none.
Every error reportgen raises on purpose ends here as a message on stderr and
the exit code its class defines; nothing else prints tracebacks to users.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.cli.help import HelpFormatter, argparse_language, wrapped
from reportgen.cli.messages import (
    CACHE_CLEAR_HELP,
    CACHE_DESCRIPTION,
    CACHE_SUMMARY,
    CHANGED,
    CHECK_DESCRIPTION,
    CHECK_PDF_HELP,
    CHECK_SUMMARY,
    CHECKED_CLEAN,
    CHECKED_WARNINGS,
    COMMANDS_TITLE,
    DASK_MISSING,
    DEPARTMENT_DESCRIPTION,
    DEPARTMENT_MADE,
    DEPARTMENT_NAME_HELP,
    DEPARTMENT_ORGANISATION_HELP,
    DEPARTMENT_SUMMARY,
    DEPARTMENT_TITLE_HELP,
    DESCRIPTION,
    ENGINE_HELP,
    EPILOG,
    ERROR_PREFIX,
    FIELDS_DESCRIPTION,
    FIELDS_SUMMARY,
    FILL_DESCRIPTION,
    FILL_REPORT_HELP,
    FILL_SUMMARY,
    FIX_DESCRIPTION,
    FIX_SUMMARY,
    FIX_TEMPLATE_HELP,
    HELP_HELP,
    INIT_DESCRIPTION,
    INIT_MADE,
    INIT_SUMMARY,
    INTERRUPTED,
    JOBS_HELP,
    LIST_DESCRIPTION,
    LIST_SUMMARY,
    NEW_DATA_DESCRIPTION,
    NEW_DATA_NAME_HELP,
    NEW_DATA_SUMMARY,
    NEW_DATA_TEMPLATE_HELP,
    NEW_PERIOD_DESCRIPTION,
    NEW_PERIOD_MADE,
    NEW_PERIOD_REPORT_HELP,
    NEW_PERIOD_SUMMARY,
    NEW_PERIOD_TO_ENTER,
    NEW_PERIOD_TO_HELP,
    NOT_A_COUNT,
    OUTPUT_HELP,
    PDF_HELP,
    RENDER_DESCRIPTION,
    RENDER_SUMMARY,
    REPORTS_HELP,
    SCHEDULER_HELP,
    SCHEDULER_NEEDS_DASK,
    SCHEMA_DESCRIPTION,
    SCHEMA_DIR_HELP,
    SCHEMA_SUMMARY,
    SERVE_DESCRIPTION,
    SERVE_HOST_HELP,
    SERVE_PORT_HELP,
    SERVE_SUMMARY,
    VERSION_HELP,
    WATCH_DESCRIPTION,
    WATCH_SUMMARY,
    WATCHING,
    ZIP_HELP,
)
from reportgen.cli.reader_gone import reader_may_leave
from reportgen.errors import Problem, ProblemsFound, ReportgenError
from reportgen.i18n import Message, MessageKind, current_language, parse_language, set_language
from reportgen.version import __version__

if TYPE_CHECKING:
    from reportgen.batch import Engine
    from reportgen.cache import Cache

#: Where the cache is kept, when not in the user's cache folder; REPORTGEN_NO_CACHE=1 turns it off.
CACHE_DIR_VARIABLE = "REPORTGEN_CACHE_DIR"
NO_CACHE_VARIABLE = "REPORTGEN_NO_CACHE"
#: zh or en: the language of every message, instead of the system's.
LANGUAGE_VARIABLE = "REPORTGEN_LANG"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: sys.argv) and return the exit code."""
    _print_what_the_console_cannot_show_as_escapes()
    language = parse_language(os.environ.get(LANGUAGE_VARIABLE, ""))
    if language is not None:
        set_language(language)
    argv = sys.argv[1:] if argv is None else list(argv)
    with argparse_language(current_language()):
        parser = _parser(_command_named(argv))
        arguments = parser.parse_args(argv)
        if not hasattr(arguments, "command"):
            parser.print_help()
            return 2
    try:
        command: Callable[[argparse.Namespace], int] = arguments.command
        with reader_may_leave():
            return command(arguments)
    except ProblemsFound as err:
        print(err, file=sys.stderr)  # -- each line names its file and place --
        return err.exit_code
    except ReportgenError as err:
        print(ERROR_PREFIX(error=err), file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print(INTERRUPTED(), file=sys.stderr)
        return 130


def _print_what_the_console_cannot_show_as_escapes() -> None:
    """Let a character the console or log cannot show print as an escape, not stop the run."""
    # -- a console in another code page, a log in ASCII: 中 prints as \u4e2d, the work goes on --
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # -- a stream already closed --
                reconfigure(errors="backslashreplace")


def _command_named(argv: Sequence[str]) -> str | None:
    """Return the command ``argv`` starts with, or None when it starts with an option."""
    # -- `reportgen --help render` shows every command: only a first word is the command run --
    return argv[0] if argv and not argv[0].startswith("-") else None


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """Return the command line's parser, its help in the current language.

    With ``command``, only that command is made, with its options and description: wording
    and wrapping every command's help, and making a parser for each, took longer than a
    render's own parsing. Without a command, or for one that does not exist, every command
    is made (so that help and errors list them all).
    """
    parser = argparse.ArgumentParser(
        prog="reportgen",
        description=wrapped(str(DESCRIPTION())),
        epilog=str(EPILOG()),
        formatter_class=HelpFormatter,
        add_help=False,
    )
    _add_help(parser)
    parser.add_argument(
        "--version", action="version", version=f"reportgen {__version__}", help=str(VERSION_HELP())
    )
    commands = parser.add_subparsers(title=str(COMMANDS_TITLE()), metavar="COMMAND")
    whole = command not in _COMMANDS
    for name, (summary, description, add_options) in _COMMANDS.items():
        if not whole and name != command:
            continue
        made = commands.add_parser(
            name,
            help=str(summary()),
            description=wrapped(str(description())),
            epilog=str(EPILOG()),
            formatter_class=HelpFormatter,
            add_help=False,
        )
        _add_help(made)
        add_options(made)
    return parser


def _add_help(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", help=str(HELP_HELP()))


def _add_reports(command: argparse.ArgumentParser) -> None:
    command.add_argument("reports", nargs="*", metavar="REPORT", help=str(REPORTS_HELP()))


def _add_output(command: argparse.ArgumentParser) -> None:
    command.add_argument("-o", "--output", type=Path, metavar="DIR", help=str(OUTPUT_HELP()))


# -- each command's options --


def _render_options(render: argparse.ArgumentParser) -> None:
    _add_reports(render)
    _add_output(render)
    render.add_argument("--pdf", action="store_true", help=str(PDF_HELP()))
    render.add_argument("-j", "--jobs", type=_count, default=1, metavar="N", help=str(JOBS_HELP()))
    render.add_argument("--zip", action="store_true", help=str(ZIP_HELP()))
    render.add_argument(
        "--engine", choices=["local", "dask"], default="local", help=str(ENGINE_HELP())
    )
    render.add_argument("--scheduler", metavar="ADDRESS", help=str(SCHEDULER_HELP()))
    render.set_defaults(command=_render)


def _check_options(check: argparse.ArgumentParser) -> None:
    _add_reports(check)
    check.add_argument("--pdf", action="store_true", help=str(CHECK_PDF_HELP()))
    check.set_defaults(command=_check)


def _watch_options(watch: argparse.ArgumentParser) -> None:
    _add_reports(watch)
    _add_output(watch)
    watch.set_defaults(command=_watch)


def _schema_options(schema: argparse.ArgumentParser) -> None:
    schema.add_argument(
        "directory",
        nargs="?",
        type=Path,
        metavar="DIR",
        help=str(SCHEMA_DIR_HELP()),
    )
    schema.set_defaults(command=_schema)


def _new_period_options(new_period: argparse.ArgumentParser) -> None:
    new_period.add_argument("report", metavar="REPORT", help=str(NEW_PERIOD_REPORT_HELP()))
    new_period.add_argument("--to", metavar="NAME", help=str(NEW_PERIOD_TO_HELP()))
    new_period.set_defaults(command=_new_period)


def _fill_options(fill: argparse.ArgumentParser) -> None:
    fill.add_argument("report", metavar="REPORT", help=str(FILL_REPORT_HELP()))
    fill.set_defaults(command=_fill_sheet)


def _list_options(listing: argparse.ArgumentParser) -> None:
    listing.set_defaults(command=_list)


def _department_options(department: argparse.ArgumentParser) -> None:
    department.add_argument("name", metavar="NAME", help=str(DEPARTMENT_NAME_HELP()))
    department.add_argument("--title", help=str(DEPARTMENT_TITLE_HELP()))
    department.add_argument("--organisation", help=str(DEPARTMENT_ORGANISATION_HELP()))
    department.set_defaults(command=_new_department)


def _new_data_options(new_data: argparse.ArgumentParser) -> None:
    new_data.add_argument("template", metavar="TEMPLATE", help=str(NEW_DATA_TEMPLATE_HELP()))
    new_data.add_argument("name", metavar="NAME", help=str(NEW_DATA_NAME_HELP()))
    new_data.set_defaults(command=_new_data)


def _fields_options(fields: argparse.ArgumentParser) -> None:
    fields.add_argument("template", metavar="TEMPLATE")
    fields.set_defaults(command=_fields)


def _fix_options(fix: argparse.ArgumentParser) -> None:
    fix.add_argument("templates", nargs="*", metavar="TEMPLATE", help=str(FIX_TEMPLATE_HELP()))
    fix.set_defaults(command=_fix_template)


def _init_options(init: argparse.ArgumentParser) -> None:
    init.add_argument("directory", nargs="?", type=Path, default=Path("."), metavar="DIR")
    init.set_defaults(command=_init)


def _cache_options(cache: argparse.ArgumentParser) -> None:
    cache.add_argument("--clear", action="store_true", help=str(CACHE_CLEAR_HELP()))
    cache.set_defaults(command=_cache)


def _serve_options(serve: argparse.ArgumentParser) -> None:
    serve.add_argument("--port", type=int, default=8420, metavar="P", help=str(SERVE_PORT_HELP()))
    serve.add_argument("--host", default="127.0.0.1", metavar="ADDR", help=str(SERVE_HOST_HELP()))
    serve.set_defaults(command=_serve)


#: Every command, in the order help lists them: its summary, its description, its options.
_COMMANDS: dict[str, tuple[MessageKind, MessageKind, Callable[[argparse.ArgumentParser], None]]] = {
    "render": (RENDER_SUMMARY, RENDER_DESCRIPTION, _render_options),
    "check": (CHECK_SUMMARY, CHECK_DESCRIPTION, _check_options),
    "watch": (WATCH_SUMMARY, WATCH_DESCRIPTION, _watch_options),
    "schema": (SCHEMA_SUMMARY, SCHEMA_DESCRIPTION, _schema_options),
    "new-period": (NEW_PERIOD_SUMMARY, NEW_PERIOD_DESCRIPTION, _new_period_options),
    "fill-sheet": (FILL_SUMMARY, FILL_DESCRIPTION, _fill_options),
    "list": (LIST_SUMMARY, LIST_DESCRIPTION, _list_options),
    "new-department": (DEPARTMENT_SUMMARY, DEPARTMENT_DESCRIPTION, _department_options),
    "new-data": (NEW_DATA_SUMMARY, NEW_DATA_DESCRIPTION, _new_data_options),
    "fields": (FIELDS_SUMMARY, FIELDS_DESCRIPTION, _fields_options),
    "fix-template": (FIX_SUMMARY, FIX_DESCRIPTION, _fix_options),
    "init": (INIT_SUMMARY, INIT_DESCRIPTION, _init_options),
    "cache": (CACHE_SUMMARY, CACHE_DESCRIPTION, _cache_options),
    "serve": (SERVE_SUMMARY, SERVE_DESCRIPTION, _serve_options),
}


def _render(arguments: argparse.Namespace) -> int:
    from reportgen.api import render_reports
    from reportgen.cli.progress import progress_for
    from reportgen.workspace import Workspace

    workspace = Workspace.find()
    arguments.reports = [workspace.report_name(name) for name in arguments.reports]
    names = arguments.reports or workspace.report_names()
    warnings: list[Problem] = []
    with progress_for(sys.stdout, len(names), pdf=arguments.pdf, show=_shown) as progress:
        render_reports(
            workspace,
            names,
            output_dir=arguments.output,
            on_written=progress.written,
            jobs=arguments.jobs,
            pdf=arguments.pdf,
            on_rendered=progress.rendered,
            on_warning=warnings.append,
            cache=_cache_from_environment(),
            archive=arguments.zip,
            on_progress=progress.rows,
            engine=_engine(arguments),
        )
    for warning in warnings:  # -- after the progress bar, which owns the terminal till then --
        _warn(warning)
    return 0


def _engine(arguments: argparse.Namespace) -> Engine | None:
    """Return where the arguments ask a batch's rows to be rendered; None: here, in --jobs."""
    from reportgen.errors import UsageError

    if arguments.scheduler is not None and arguments.engine != "dask":
        raise UsageError(SCHEDULER_NEEDS_DASK())
    if arguments.engine != "dask":
        return None  # the batch machinery is imported only if a batch is rendered
    _require_dask()
    from reportgen.batch import Engine

    return Engine(arguments.engine, arguments.jobs, arguments.scheduler)


def _require_dask() -> None:
    import importlib.util

    from reportgen.errors import UsageError

    if importlib.util.find_spec("distributed") is None:
        raise UsageError(DASK_MISSING())


def _schema(arguments: argparse.Namespace) -> int:
    from reportgen.commands.schema import SCHEMA_FOLDER, write_schemas
    from reportgen.workspace import Workspace

    directory = arguments.directory or Workspace.find().root / SCHEMA_FOLDER
    for path in write_schemas(directory):
        print(_shown(path))
    return 0


def _check(arguments: argparse.Namespace) -> int:
    from reportgen.api import check_reports, errors_among
    from reportgen.cli.progress import CHECK_WORDS, progress_for
    from reportgen.workspace import Workspace

    workspace = Workspace.find()
    arguments.reports = [workspace.report_name(name) for name in arguments.reports]
    count = len(arguments.reports or workspace.report_names())
    # -- on stderr, beside the problems: stdout keeps only the summary a script reads --
    with progress_for(
        sys.stderr, count, pdf=arguments.pdf, show=None, words=CHECK_WORDS
    ) as progress:
        problems = check_reports(
            workspace,
            arguments.reports,
            cache=_cache_from_environment(),
            pdf=arguments.pdf,
            on_checked=progress.rendered,
            on_progress=progress.rows,
            on_laid_out=progress.written,
        )
    if errors_among(problems):
        raise ProblemsFound(problems)
    for warning in problems:
        _warn(warning)
    if problems:
        print(CHECKED_WARNINGS(count=count, warnings=len(problems)))
    else:
        print(CHECKED_CLEAN(count=count))
    return 0


def _watch(arguments: argparse.Namespace) -> int:
    from reportgen.commands.watch import watch_reports
    from reportgen.workspace import Workspace

    def note(message: Message) -> None:
        print(message, file=sys.stderr, flush=True)

    workspace = Workspace.find()
    watch_reports(
        workspace,
        [workspace.report_name(name) for name in arguments.reports],
        arguments.output,
        on_written=lambda path: print(_shown(path), flush=True),
        on_error=lambda err: note(ERROR_PREFIX(error=err)),
        on_warning=_warn,
        on_watching=lambda folders: note(WATCHING(folders=[_shown(f) for f in folders])),
        on_change=lambda paths: note(CHANGED(paths=[_shown(path) for path in paths])),
        cache=_cache_from_environment(),
    )
    return 0


def _new_period(arguments: argparse.Namespace) -> int:
    from reportgen.commands.new_period import start_new_period
    from reportgen.workspace import Workspace

    workspace = Workspace.find()
    arguments.report = workspace.report_name(arguments.report)
    made = start_new_period(workspace, arguments.report, arguments.to)
    # -- a year's report is 2026, not 2026—2026 --
    years = str(made.start) if made.start == made.end else f"{made.start}—{made.end}"
    print(NEW_PERIOD_MADE(folder=_shown(made.directory), years=years, report=arguments.report))
    print(NEW_PERIOD_TO_ENTER(count=len(made.figures), name=made.name))
    return 0


def _fill_sheet(arguments: argparse.Namespace) -> int:
    from reportgen.commands.fill_sheet import write_fill_sheet
    from reportgen.commands.messages import FILL_SHEET_WRITTEN
    from reportgen.workspace import Workspace

    workspace = Workspace.find()
    arguments.report = workspace.report_name(arguments.report)
    made = write_fill_sheet(workspace, arguments.report)
    print(_shown(made.workbook))
    for path in made.files:
        print(_shown(path))
    count = sum(len(rows) for rows in made.sheets.values())
    print(FILL_SHEET_WRITTEN(count=count, sheets=list(made.sheets), report=arguments.report))
    return 0


def _list(arguments: argparse.Namespace) -> int:
    from reportgen.commands.listing import describe_workspace
    from reportgen.workspace import Workspace

    print("\n".join(describe_workspace(Workspace.find(), _cache_from_environment()).lines()))
    return 0


def _new_department(arguments: argparse.Namespace) -> int:
    from reportgen.commands.starter import create_department
    from reportgen.workspace import Workspace

    written = create_department(
        Workspace.find(), arguments.name, title=arguments.title, organisation=arguments.organisation
    )
    for path in written:
        print(_shown(path))
    print(DEPARTMENT_MADE(name=arguments.name))
    return 0


def _new_data(arguments: argparse.Namespace) -> int:
    from reportgen.commands.messages import NEW_DATA_WRITTEN
    from reportgen.commands.skeleton import write_new_data
    from reportgen.workspace import Workspace

    made = write_new_data(Workspace.find(), arguments.template, arguments.name)
    for path in made.files:
        print(_shown(path))
    print(NEW_DATA_WRITTEN(count=made.placeholders, name=made.name))
    return 0


def _fields(arguments: argparse.Namespace) -> int:
    from reportgen.template.fields import field_lines, template_fields
    from reportgen.workspace import Workspace

    path = Path(arguments.template)
    if not path.is_file():
        path = Workspace.find().find_template(arguments.template)
    print("\n".join(field_lines(Path(_shown(path)), template_fields(path))))
    return 0


def _fix_template(arguments: argparse.Namespace) -> int:
    from reportgen.commands.fix_template import fix_template
    from reportgen.commands.messages import TEMPLATE_ALREADY_NORMAL, TEMPLATE_FIXED
    from reportgen.workspace import Workspace

    if arguments.templates:
        workspace = Workspace.find()
        paths = [workspace.find_template(given) for given in arguments.templates]
    else:
        folder = Workspace.find().templates_dir
        paths = sorted(path for path in folder.glob("*.docx") if not path.name.startswith("~$"))
    for path in paths:
        fix = fix_template(path)
        if fix.backup is None:
            print(TEMPLATE_ALREADY_NORMAL(path=_shown(path)))
            continue
        print(TEMPLATE_FIXED(path=_shown(path), backup=_shown(fix.backup)))
        for change in fix.changes:
            print(f"  {change}")
    return 0


def _init(arguments: argparse.Namespace) -> int:
    from reportgen.commands.starter import init_workspace

    for path in init_workspace(arguments.directory):
        print(_shown(path))
    print(INIT_MADE(folder=_shown(arguments.directory)))
    return 0


def _serve(arguments: argparse.Namespace) -> int:
    from reportgen.serve.server import serve
    from reportgen.workspace import Workspace

    serve(
        Workspace.find(),
        host=arguments.host,
        port=arguments.port,
        cache=_cache_from_environment(),
        say=lambda text: print(text, flush=True),
    )
    return 0


def _cache(arguments: argparse.Namespace) -> int:
    from reportgen.cache import messages

    cache = _cache_from_environment(warn=False)
    if cache is None:
        print(messages.OFF(variable=NO_CACHE_VARIABLE))
        return 0
    refusal = cache.refusal()
    if refusal is not None and not arguments.clear:
        print(f"{cache.root}: {refusal}")
        return 0
    if arguments.clear:
        removed = cache.clear()
        print(messages.CLEARED(root=cache.root, count=removed))
        return 0
    summary = cache.summary()
    print(
        messages.SUMMARY(
            root=cache.root,
            templates=summary.entries.get("templates", 0),
            reports=summary.entries.get("reports", 0),
            drawn=summary.entries.get("drawn", 0),
            size=f"{summary.size / 1024:,.0f}",
        )
    )
    return 0


def _warn(warning: Problem) -> None:
    print(warning, file=sys.stderr, flush=True)


def _cache_from_environment(*, warn: bool = True) -> Cache | None:
    """Return the cache the environment asks for: REPORTGEN_CACHE_DIR, off, or the user's.

    A folder that is not safe to use (another user's, open to others, holding other files)
    is not used: with ``warn``, a line on stderr says why.
    """
    if os.environ.get(NO_CACHE_VARIABLE, "") not in ("", "0"):
        return None  # -- before the cache's modules are imported: a run without one needs none --
    from reportgen.cache import Cache, messages, user_cache_folder
    from reportgen.messages import AT_PATH

    folder = os.environ.get(CACHE_DIR_VARIABLE)
    cache = Cache(Path(folder) if folder else user_cache_folder())
    if not warn:
        return cache
    refusal = cache.refusal()
    if refusal is not None:
        reason = AT_PATH(path=cache.root, message=refusal)
        print(messages.NOT_USED(reason=reason), file=sys.stderr)
        return None
    return cache


def _count(text: str) -> int:
    """Return ``text`` as a whole number of at least 1, for argparse."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(str(NOT_A_COUNT(text=text)))
    return int(text)


def _shown(path: Path) -> str:
    """Return ``path`` relative to the current folder when it lies inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
