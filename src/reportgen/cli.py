"""The ``reportgen`` command: parse arguments, call the library, report errors.

Kept thin and quick to start: heavy modules (docxtpl, pydantic, lxml) are
imported inside the commands, so ``--help`` and ``--version`` import none.
Every error reportgen raises on purpose ends here as a message on stderr and
the exit code its class defines; nothing else prints tracebacks to users.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .errors import ReportgenError

EXIT_CODES = """\
exit codes:
  0  success
  1  problems in the data or a template (each printed as file:line: message)
  2  wrong command-line usage
  3  workspace problem: no workspace, no such report, empty or missing data folder
  4  an output file could not be written (the previous output is left untouched)
  5  PDF conversion failed: LibreOffice or the fonts are missing
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: sys.argv) and return the exit code."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    if not hasattr(arguments, "command"):
        parser.print_help()
        return 2
    try:
        command: Callable[[argparse.Namespace], int] = arguments.command
        return command(arguments)
    except ReportgenError as err:
        print(f"error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportgen",
        description="Make formal Chinese work reports (.docx) from YAML data and Word templates.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reportgen {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    render = commands.add_parser(
        "render",
        help="check and render reports into output/",
        description="Check every named report (default: all), then render each into the output "
        "folder and print the files written. Nothing is written if any check fails.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    render.add_argument("reports", nargs="*", metavar="REPORT", help="report names (data/ folders)")
    render.add_argument(
        "-o", "--output", type=Path, metavar="DIR", help="write here instead of output/"
    )
    render.set_defaults(command=_render)

    check = commands.add_parser(
        "check",
        help="check data and templates without writing anything",
        description="Check the data and template of every named report (default: all) and print "
        "every problem as file:line: message.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("reports", nargs="*", metavar="REPORT", help="report names (data/ folders)")
    check.set_defaults(command=_check)
    return parser


def _render(arguments: argparse.Namespace) -> int:
    from .api import render_reports
    from .workspace import Workspace

    workspace = Workspace.find()
    render_reports(
        workspace,
        arguments.reports,
        output_dir=arguments.output,
        on_written=lambda path: print(_shown(path)),
    )
    return 0


def _check(arguments: argparse.Namespace) -> int:
    from .api import check_reports
    from .errors import ProblemsFound
    from .workspace import Workspace

    workspace = Workspace.find()
    problems = check_reports(workspace, arguments.reports)
    if problems:
        raise ProblemsFound(problems)
    names = arguments.reports or workspace.report_names()
    print(f"{len(names)} report{'s' if len(names) != 1 else ''} checked: no problems")
    return 0


def _shown(path: Path) -> str:
    """Return ``path`` relative to the current folder when it lies inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
