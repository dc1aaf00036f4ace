"""The ``reportgen`` command: parse arguments, call the library, report errors.

Kept thin and quick to start: heavy modules (docxtpl, pydantic, lxml) are
imported inside the commands, so ``--help`` and ``--version`` import none.
Every error reportgen raises on purpose ends here as a message on stderr and
the exit code its class defines; nothing else prints tracebacks to users.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.errors import Problem, ProblemsFound, ReportgenError
from reportgen.i18n import parse_language, set_language
from reportgen.version import __version__

if TYPE_CHECKING:
    from reportgen.batch import Engine
    from reportgen.cache import Cache

#: Where the cache is kept, when not in the user's cache folder; REPORTGEN_NO_CACHE=1 turns it off.
CACHE_DIR_VARIABLE = "REPORTGEN_CACHE_DIR"
NO_CACHE_VARIABLE = "REPORTGEN_NO_CACHE"
#: zh or en: the language of every message, instead of the system's.
LANGUAGE_VARIABLE = "REPORTGEN_LANG"

EPILOG = """\
exit codes:
  0  success
  1  problems in the data or a template (each printed as file:line: message)
  2  wrong command-line usage
  3  workspace problem: no workspace, no such report, empty or missing data folder
  4  an output file could not be written (the previous output is left untouched)
  5  PDF conversion failed: LibreOffice or the fonts are missing

environment:
  REPORTGEN_CACHE_DIR   where checked templates and loaded reports are kept between
                        runs (default: the user's cache folder, ~/.cache/reportgen on Linux)
  REPORTGEN_NO_CACHE=1  check every template and load every report afresh; keep nothing
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: sys.argv) and return the exit code."""
    language = parse_language(os.environ.get(LANGUAGE_VARIABLE, ""))
    if language is not None:
        set_language(language)
    parser = _parser()
    arguments = parser.parse_args(argv)
    if not hasattr(arguments, "command"):
        parser.print_help()
        return 2
    try:
        command: Callable[[argparse.Namespace], int] = arguments.command
        return command(arguments)
    except ProblemsFound as err:
        print(err, file=sys.stderr)  # -- each line names its file and place --
        return err.exit_code
    except ReportgenError as err:
        print(f"error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        from reportgen.cli.messages import INTERRUPTED

        print(INTERRUPTED(), file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportgen",
        description="Make formal Chinese work reports (.docx) from YAML data and Word templates.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reportgen {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    render = commands.add_parser(
        "render",
        help="check and render reports into output/",
        description="Check every named report (default: all), then render each into the output "
        "folder and print the files written. Nothing is written if any check fails, except "
        "that a batch (a report with a batch: table) writes each of its good rows and lists "
        "the others.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    render.add_argument("reports", nargs="*", metavar="REPORT", help="report names (data/ folders)")
    render.add_argument(
        "-o", "--output", type=Path, metavar="DIR", help="write here instead of output/"
    )
    render.add_argument(
        "--pdf",
        action="store_true",
        help="also write a PDF of each document, with LibreOffice (one start for all)",
    )
    render.add_argument(
        "-j",
        "--jobs",
        type=_count,
        default=1,
        metavar="N",
        help="render a batch's rows in N processes (default: 1)",
    )
    render.add_argument(
        "--zip",
        action="store_true",
        help="write each batch as one .zip of its documents (output/REPORT.zip), not a folder",
    )
    render.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="where a batch's rows are rendered: here (local, default) or on a Dask cluster "
        '(pip install "reportgen[dask]"); on Dask each worker writes its own files, or with '
        "--zip its own output/REPORT/part-NNNNN.zip",
    )
    render.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the cluster's scheduler (tcp://host:8786), whose machines "
        "all see the output folder; without it, a local cluster of --jobs worker processes",
    )
    render.set_defaults(command=_render)

    check = commands.add_parser(
        "check",
        help="check data and templates without writing anything",
        description="Check the data and template of every named report (default: all) and print "
        "every problem as file:line: message.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("reports", nargs="*", metavar="REPORT", help="report names (data/ folders)")
    check.set_defaults(command=_check)

    watch = commands.add_parser(
        "watch",
        help="render reports again whenever their data or template changes",
        description="Render every named report (default: all), then watch its data folder and "
        "template and render it again after each change, printing the files written or the "
        "problems found. Watching goes on after a problem; Ctrl+C stops it.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    watch.add_argument("reports", nargs="*", metavar="REPORT", help="report names (data/ folders)")
    watch.add_argument(
        "-o", "--output", type=Path, metavar="DIR", help="write here instead of output/"
    )
    watch.set_defaults(command=_watch)

    schema = commands.add_parser(
        "schema",
        help="write the data files' JSON Schema, for editors",
        description="Write report.schema.json and part.schema.json, which editors such as VS "
        "Code use to check and complete the data files while they are typed. The data files "
        "name them on their first line.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    schema.add_argument(
        "directory",
        nargs="?",
        type=Path,
        metavar="DIR",
        help="where to write them (default: schemas/ in the workspace)",
    )
    schema.set_defaults(command=_schema)
    _add_workflow_commands(commands)
    return parser


def _add_workflow_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Add the commands that start things (a period, a department, a workspace) and inspect."""

    def add(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            help=summary,
            description=description,
            epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    new_period = add(
        "new-period",
        "copy a report's data to its next period, figures emptied",
        "Copy data/REPORT to a new folder for the next period (2024-2028 after 2019-2023): the "
        "years move on, the prose and comments stay, each figure's value moves to 'previous' "
        "and becomes ~, and so does the date. 'reportgen check' then lists each one to enter.",
    )
    new_period.add_argument("report", metavar="REPORT", help="the report to continue")
    new_period.add_argument(
        "--to", metavar="NAME", help="the new folder's name (default: REPORT with the new years)"
    )
    new_period.set_defaults(command=_new_period)

    fill = add(
        "fill-sheet",
        "write the Excel sheet a statistics office fills with a report's figures",
        "Write 指标填报.xlsx into data/REPORT/: a sheet for each data file with figures still to "
        "enter (value: ~, as new-period leaves them), a row a figure with its label, unit, a "
        "column a year and last period's value beside; the cells to fill accept numbers only. "
        "Each data file then names its sheet under figures_sheet:, so the filled workbook, saved "
        "in place, is read by check and render.",
    )
    fill.add_argument("report", metavar="REPORT", help="the report whose figures are to fill")
    fill.set_defaults(command=_fill_sheet)

    listing = add(
        "list",
        "show every template and report, and whether each report checks clean",
        "List the templates, and for each report its data folder, its template, its output "
        "file and whether it checks clean (✓) or how many problems 'reportgen check' shows.",
    )
    listing.set_defaults(command=_list)

    department = add(
        "new-department",
        "make a starter template and a commented data folder for a new report",
        "Write templates/NAME.docx, a starter template in the formal layout, and data/NAME/, a "
        "commented report.yaml and one part that fill it. It renders at once; then change it.",
    )
    department.add_argument("name", metavar="NAME", help="the report's name (letters, digits, -)")
    department.add_argument("--title", help="the report's title (default: 工作报告)")
    department.add_argument("--organisation", help="the organisation's full name")
    department.set_defaults(command=_new_department)

    fields = add(
        "fields",
        "print the fields a template needs",
        "Print every field TEMPLATE uses, nested, with its kind and the file and key the data "
        "gives it in. TEMPLATE is a file in templates/ (the .docx may be left off) or a path.",
    )
    fields.add_argument("template", metavar="TEMPLATE")
    fields.set_defaults(command=_fields)

    fix = add(
        "fix-template",
        "normalise templates so that Word lays them out as LibreOffice does",
        "Set each TEMPLATE (default: every template) to Word's current compatibility mode and "
        "Chinese as its East Asian language, remove stale parts (an old copy of the styles, a "
        "thumbnail, an empty bibliography) and list links to missing styles, and mark runs "
        "with Chinese quotes and dashes for the East Asian font: the warnings of "
        "'reportgen check'. The template is changed in place; the original is kept beside "
        "it as NAME.docx.bak.",
    )
    fix.add_argument(
        "templates", nargs="*", metavar="TEMPLATE", help="a file in templates/ or a path"
    )
    fix.set_defaults(command=_fix_template)

    init = add(
        "init",
        "make a new workspace with a sample report",
        "Make templates/, data/, output/, a commented reportgen.toml and a sample report in DIR "
        "(default: the current folder), so that 'reportgen render' there works at once. "
        "Existing files are never overwritten.",
    )
    init.add_argument("directory", nargs="?", type=Path, default=Path("."), metavar="DIR")
    init.set_defaults(command=_init)

    cache = add(
        "cache",
        "show where checked templates and loaded reports are kept, or clear them",
        "Show the folder where reportgen keeps templates that passed their checks and reports "
        "that loaded without a problem, so that later runs need not check and load them "
        "again, and how much it holds. Clearing it is always safe: the next run checks and "
        "loads afresh.",
    )
    cache.add_argument("--clear", action="store_true", help="remove every entry")
    cache.set_defaults(command=_cache)


def _render(arguments: argparse.Namespace) -> int:
    from reportgen.api import render_reports
    from reportgen.cli.progress import progress_for
    from reportgen.workspace import Workspace

    workspace = Workspace.find()
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
        print(warning, file=sys.stderr)
    return 0


def _engine(arguments: argparse.Namespace) -> Engine | None:
    """Return where the arguments ask a batch's rows to be rendered; None: here, in --jobs."""
    from reportgen.cli.messages import SCHEDULER_NEEDS_DASK
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

    from reportgen.cli.messages import DASK_MISSING
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
    from reportgen.api import check_reports
    from reportgen.workspace import Workspace

    workspace = Workspace.find()
    problems = check_reports(workspace, arguments.reports, cache=_cache_from_environment())
    if any(problem.severity == "error" for problem in problems):
        raise ProblemsFound(problems)
    for warning in problems:
        print(warning, file=sys.stderr)
    names = arguments.reports or workspace.report_names()
    print(f"{len(names)} report{'s' if len(names) != 1 else ''} checked: no problems")
    return 0


def _watch(arguments: argparse.Namespace) -> int:
    from reportgen.commands.watch import watch_reports
    from reportgen.workspace import Workspace

    def note(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    watch_reports(
        Workspace.find(),
        arguments.reports,
        arguments.output,
        on_written=lambda path: print(_shown(path), flush=True),
        on_error=lambda err: note(f"error: {err}"),
        on_watching=lambda folders: note(
            f"watching {', '.join(map(_shown, folders))} (Ctrl+C to stop)"
        ),
        on_change=lambda paths: note(f"changed: {', '.join(map(_shown, paths))}"),
        cache=_cache_from_environment(),
    )
    return 0


def _new_period(arguments: argparse.Namespace) -> int:
    from reportgen.commands.new_period import start_new_period
    from reportgen.workspace import Workspace

    made = start_new_period(Workspace.find(), arguments.report, arguments.to)
    print(f"{_shown(made.directory)}: the period {made.start}—{made.end}, from {arguments.report}")
    print(
        f"{len(made.figures)} figure{'s' if len(made.figures) != 1 else ''} and the date to "
        f"enter: 'reportgen check {made.name}' lists each one"
    )
    return 0


def _fill_sheet(arguments: argparse.Namespace) -> int:
    from reportgen.commands.fill_sheet import write_fill_sheet
    from reportgen.commands.messages import FILL_SHEET_WRITTEN
    from reportgen.workspace import Workspace

    made = write_fill_sheet(Workspace.find(), arguments.report)
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
    print(f"'reportgen render {arguments.name}' renders it; edit the files, then render again")
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
    print(f"'reportgen render' in {_shown(arguments.directory)} renders the sample report")
    return 0


def _cache(arguments: argparse.Namespace) -> int:
    cache = _cache_from_environment()
    if cache is None:
        print(f"the cache is off ({NO_CACHE_VARIABLE} is set)")
        return 0
    root = cache.root
    if arguments.clear:
        removed = cache.clear()
        print(f"{root}: {removed} entr{'y' if removed == 1 else 'ies'} removed")
        return 0
    summary = cache.summary()
    kinds = ", ".join(
        f"{count} {kind if count != 1 else kind.removesuffix('s')}"
        for kind, count in summary.entries.items()
    )
    print(f"{root}: {kinds} ({summary.size / 1024:,.0f} KB)")
    return 0


def _cache_from_environment() -> Cache | None:
    """Return the cache the environment asks for: REPORTGEN_CACHE_DIR, off, or the user's."""
    from reportgen.cache import Cache, user_cache_folder

    if os.environ.get(NO_CACHE_VARIABLE, "") not in ("", "0"):
        return None
    folder = os.environ.get(CACHE_DIR_VARIABLE)
    return Cache(Path(folder) if folder else user_cache_folder())


def _count(text: str) -> int:
    """Return ``text`` as a whole number of at least 1, for argparse."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"should be a whole number of 1 or more, not '{text}'")
    return int(text)


def _shown(path: Path) -> str:
    """Return ``path`` relative to the current folder when it lies inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
