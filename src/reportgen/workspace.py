"""Find the workspace: the folder holding templates/, data/, output/ and reportgen.toml.

A workspace is found by walking up from the current folder to the first one
with a ``reportgen.toml``; a folder with a ``data/`` folder and no config is a
workspace with the default layout. Each report is a folder in ``data/`` that
holds a ``report.yaml``; the report's name is the folder's name.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PureWindowsPath
from typing import NamedTuple

from reportgen.errors import DID_YOU_MEAN, NotFoundError, Problem, WorkspaceError
from reportgen.i18n import Message
from reportgen.messages import (
    CONFIG_FOLDER_OUTSIDE,
    CONFIG_FOLDERS,
    CONFIG_SYNTAX,
    CONFIG_TOO_LARGE,
    CONFIG_UNKNOWN_KEYS,
    DATA_FOLDER_MISSING,
    FILE_UNREADABLE,
    LINK_LEADS_OUT,
    NAME_REPORT_FILE,
    NO_REPORTS,
    NO_SUCH_REPORT,
    NO_SUCH_TEMPLATE,
    NONE_THERE,
    NOT_A_REPORT_NAME,
    NOT_A_WORKSPACE,
    RENAME_REPORT_FILE,
    REPORT_FILE_MISSING,
    os_reason,
)

CONFIG_FILE = "reportgen.toml"
DEFAULT_FOLDERS = {"templates": "templates", "data": "data", "output": "output"}
#: The largest reportgen.toml read: its three settings and their comments take a kilobyte.
_MAX_CONFIG_BYTES = 1_000_000


class Workspace(NamedTuple):
    """Where a workspace keeps its templates, data and output."""

    root: Path
    templates_dir: Path
    data_dir: Path
    output_dir: Path

    @classmethod
    def find(cls, start: Path | None = None) -> Workspace:
        """Return the workspace containing ``start`` (default: the current folder)."""
        start = (start or Path.cwd()).resolve()
        for folder in (start, *start.parents):
            if (folder / CONFIG_FILE).is_file():
                return cls.from_config(folder / CONFIG_FILE)
        if (start / "data").is_dir():
            return cls.at(start)
        raise NotFoundError(NOT_A_WORKSPACE(config=CONFIG_FILE), path=start)

    @classmethod
    def at(cls, root: Path, folders: dict[str, str] | None = None) -> Workspace:
        """Return the workspace at ``root`` with the given (or default) folder names."""
        names = {**DEFAULT_FOLDERS, **(folders or {})}
        return cls(root, root / names["templates"], root / names["data"], root / names["output"])

    @classmethod
    def from_config(cls, config: Path) -> Workspace:
        """Return the workspace a ``reportgen.toml`` describes."""
        import tomllib  # compiles its regular expressions on import: only for a config

        from reportgen.text.decoding import UndecodableText, decode_text

        try:
            with config.open("rb") as stream:
                content = stream.read(_MAX_CONFIG_BYTES + 1)
        except OSError as err:
            raise WorkspaceError(FILE_UNREADABLE(reason=os_reason(err)), path=config) from err
        if len(content) > _MAX_CONFIG_BYTES:
            raise WorkspaceError(CONFIG_TOO_LARGE(limit=f"{_MAX_CONFIG_BYTES:,}"), path=config)
        try:
            settings = tomllib.loads(decode_text(content).text)
        except tomllib.TOMLDecodeError as err:
            line, column = _toml_position(err)
            raise WorkspaceError(CONFIG_SYNTAX(line=line, column=column), path=config) from err
        except UndecodableText as err:
            raise WorkspaceError(err.message, path=config) from err
        folders = settings.get("folders", {})
        unknown = set(folders) - set(DEFAULT_FOLDERS) if isinstance(folders, dict) else set()
        if (
            not isinstance(folders, dict)
            or unknown
            or not all(isinstance(value, str) for value in folders.values())
        ):
            listed = CONFIG_UNKNOWN_KEYS(names=sorted(unknown)) if unknown else ""
            raise WorkspaceError(CONFIG_FOLDERS(unknown=listed), path=config)
        for key, value in folders.items():
            # -- a workspace copied from elsewhere brings its own settings: they may not send
            # reportgen's reading and writing out of the folder they came in --
            if leads_out(value) or not is_inside(config.parent / value, config.parent):
                raise WorkspaceError(CONFIG_FOLDER_OUTSIDE(key=key, value=value), path=config)
        return cls.at(config.parent, folders)

    def report_names(self) -> list[str]:
        """Return the name of every report in the data folder, sorted."""
        if not self.data_dir.is_dir():
            raise NotFoundError(DATA_FOLDER_MISSING(), path=self.data_dir)
        names = sorted(
            folder.name for folder in self.data_dir.iterdir() if (folder / "report.yaml").is_file()
        )
        if not names:
            raise WorkspaceError(NO_REPORTS(), path=self.data_dir)
        return names

    def folders_not_reports(self) -> list[Problem]:
        """Return a warning for each folder of data files in the data folder without report.yaml.

        Such a folder is a report whose report.yaml was misnamed, more often than not.
        """
        warnings = []
        for folder in sorted(self.data_dir.iterdir()):
            if (
                folder.is_dir()
                and not (folder / "report.yaml").is_file()
                and outside_problem(folder, self.data_dir) is None
                and any(_is_data_file(path) for path in folder.iterdir())
            ):
                message = REPORT_FILE_MISSING(advice=_report_file_advice(folder))
                warnings.append(Problem(message, file=folder, severity="warning"))
        return warnings

    def report_dir(self, name: str) -> Path:
        """Return the data folder of report ``name``; raise WorkspaceError if there is none.

        ``name`` is a folder's name, never a path: a report named ``/some/where`` or
        ``../x`` would read and write outside the workspace. A report folder that is a link
        to a folder outside the data folder is refused too.
        """
        if not is_plain_name(name):
            known = self.report_names()
            raise NotFoundError(NOT_A_REPORT_NAME(name=name, known=known), path=self.data_dir)
        folder = self.data_dir / name
        if not (folder / "report.yaml").is_file():
            if folder.is_dir() and outside_problem(folder, self.data_dir) is None:
                advice = _report_file_advice(folder)
                raise NotFoundError(REPORT_FILE_MISSING(advice=advice), path=folder)
            known = self.report_names()
            meant = _nearest(name, known)
            message = NO_SUCH_REPORT(name=name, meant=meant, known=known)
            raise NotFoundError(message, path=self.data_dir)
        outside = outside_problem(folder, self.data_dir)
        if outside is not None:
            raise WorkspaceError(outside.message, path=folder)
        return folder

    def report_name(self, given: str) -> str:
        r"""Return the report's name a person means by ``given``, as typed at a command line.

        Completing a name with Tab in a command window writes ``data\five-year-report\``: a
        path to a folder inside the data folder names that report. Anything else is returned
        as it is, for :meth:`report_dir` to refuse if it is no report's name.
        """
        trimmed = given.replace("\\", "/").rstrip("/")
        last = trimmed.rsplit("/", 1)[-1]
        if not is_plain_name(last) or trimmed == last:
            return last if is_plain_name(last) else given
        inside = Path(trimmed).resolve() == (self.data_dir / last).resolve()
        return last if inside else given

    def template_path(self, name: str) -> Path:
        """Return the path of template file ``name``."""
        return self.templates_dir / name

    def report_template(self, name: str) -> Path:
        """Return the template report.yaml's ``template: name`` means.

        Windows hides a file's .docx and takes 证书.DOCX for 证书.docx: a name without its
        suffix, or in another case, means the one template it names. The path of ``name``
        itself is returned when no template is meant, for its problem to name it.
        """
        path = self.template_path(name)
        if path.is_file() or Path(name).name != name:
            return path
        return one_file_named(self.templates_dir, [name, f"{name}.docx"]) or path

    def find_template(self, given: str) -> Path:
        """Return the template a person means by ``given``: a path, or a name in the templates.

        The name may leave off ``.docx``. Raise NotFoundError, naming the templates there,
        if there is no such file.
        """
        path = Path(given)
        if path.is_file():
            return path
        name = path.name if path.suffix == ".docx" else f"{path.name}.docx"
        path = self.template_path(name)
        if not path.is_file():
            known = sorted(found.name for found in self.templates_dir.glob("*.docx"))
            message = NO_SUCH_TEMPLATE(name=given, known=known or NONE_THERE())
            raise NotFoundError(message, path=self.templates_dir)
        return path


def one_file_named(folder: Path, names: list[str]) -> Path | None:
    """Return the one file in ``folder`` named one of ``names`` as Windows compares names.

    Windows takes 证书.DOCX for 证书.docx. None when no file, or more than one, is so named.
    """
    wanted = {_file_key(name) for name in names}
    try:
        found = [entry for entry in folder.iterdir() if _file_key(entry.name) in wanted]
    except OSError:
        return None
    return found[0] if len(found) == 1 and found[0].is_file() else None


def existing_as_windows_sees(path: Path) -> Path | None:
    """Return the file or folder that is ``path`` on Windows: itself, or one named so in capitals.

    A new report named Work-Report beside work-report is its folder on Windows and macOS,
    where a workspace made on a server is copied; None when nothing there has the name.
    """
    if path.exists():
        return path
    key = _file_key(path.name)
    try:
        return next(
            (entry for entry in path.parent.iterdir() if _file_key(entry.name) == key), None
        )
    except OSError:
        return None


def _file_key(name: str) -> str:
    """Return a file's name as Windows compares names: 证书.DOCX is 证书.docx."""
    import unicodedata

    return unicodedata.normalize("NFC", name).casefold()


def _report_file_advice(folder: Path) -> Message:
    """Return what to do in a report's folder that lacks its report.yaml."""
    for path in sorted(folder.iterdir()):
        lower = path.name.lower()
        if lower.startswith("report.") and lower.removesuffix(".txt") in _REPORT_FILE_NAMES:
            return RENAME_REPORT_FILE(name=path.name)
    return NAME_REPORT_FILE()


def _is_data_file(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".yaml", ".yml")) or name.startswith("report.")


#: What report.yaml becomes in other hands: report.yml, REPORT.YAML, Notepad's report.yaml.txt.
_REPORT_FILE_NAMES = ("report.yaml", "report.yml")


def _toml_position(err: ValueError) -> tuple[int | str, int | str]:
    """Return the line and column tomllib names in its message (it keeps them nowhere else)."""
    found = re.search(r"at line (\d+), column (\d+)", str(err))
    return (int(found.group(1)), int(found.group(2))) if found else ("?", "?")


def _nearest(name: str, known: list[str]) -> Message | str:
    """Return `` (did you mean 'x'?)`` for the report name nearest ``name``, case aside."""
    import difflib  # -- only when a name is wrong --

    by_folded = {report.casefold(): report for report in known}
    matches = difflib.get_close_matches(name.casefold(), list(by_folded), n=1, cutoff=0.6)
    return DID_YOU_MEAN(name=by_folded[matches[0]]) if matches else ""


def is_plain_name(name: str) -> bool:
    """Return whether ``name`` names a file or folder of its own: no path, no . or .."""
    return name not in ("", ".", "..") and not any(
        separator in name for separator in ("/", "\\", ":", "\0")
    )


def leads_out(name: str) -> bool:
    """Return whether file name ``name`` is a path out of its folder: .., a leading / or a drive."""
    path = PureWindowsPath(name)  # -- reads / and \\ alike, and drive letters --
    return bool(path.drive or path.root or ".." in path.parts)


def is_inside(path: Path, folder: Path) -> bool:
    """Return whether ``path`` lies in ``folder`` once every link in either is followed."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))


def outside_problem(path: Path, folder: Path) -> Problem | None:
    """Return a Problem if ``path`` is, or goes through, a link leading out of ``folder``."""
    if is_inside(path, folder):
        return None
    target = Path(os.path.realpath(path))
    return Problem(LINK_LEADS_OUT(target=target, folder=folder), file=path)
