"""Find the workspace: the folder holding templates/, data/, output/ and reportgen.toml.

A workspace is found by walking up from the current folder to the first one
with a ``reportgen.toml``; a folder with a ``data/`` folder and no config is a
workspace with the default layout. Each report is a folder in ``data/`` that
holds a ``report.yaml``; the report's name is the folder's name.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from reportgen.errors import NotFoundError, Problem, WorkspaceError
from reportgen.messages import LINK_LEADS_OUT, NO_SUCH_REPORT, NOT_A_REPORT_NAME

CONFIG_FILE = "reportgen.toml"
DEFAULT_FOLDERS = {"templates": "templates", "data": "data", "output": "output"}


@dataclass(frozen=True)
class Workspace:
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
        raise NotFoundError(
            f"{start}: not a reportgen workspace (no {CONFIG_FILE} here or above, and no data/ "
            "folder): run 'reportgen init' to make one, or change to a workspace folder"
        )

    @classmethod
    def at(cls, root: Path, folders: dict[str, str] | None = None) -> Workspace:
        """Return the workspace at ``root`` with the given (or default) folder names."""
        names = {**DEFAULT_FOLDERS, **(folders or {})}
        return cls(root, root / names["templates"], root / names["data"], root / names["output"])

    @classmethod
    def from_config(cls, config: Path) -> Workspace:
        """Return the workspace a ``reportgen.toml`` describes."""
        try:
            settings = tomllib.loads(config.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as err:
            raise WorkspaceError(f"{config}: {err}") from err
        except (OSError, UnicodeDecodeError) as err:
            raise WorkspaceError(f"{config}: cannot read the file ({err})") from err
        folders = settings.get("folders", {})
        unknown = set(folders) - set(DEFAULT_FOLDERS) if isinstance(folders, dict) else set()
        if (
            not isinstance(folders, dict)
            or unknown
            or not all(isinstance(value, str) for value in folders.values())
        ):
            raise WorkspaceError(
                f"{config}: [folders] takes text values for templates, data and output"
                + (f" (unknown: {', '.join(sorted(unknown))})" if unknown else "")
            )
        return cls.at(config.parent, folders)

    def report_names(self) -> list[str]:
        """Return the name of every report in the data folder, sorted."""
        if not self.data_dir.is_dir():
            raise NotFoundError("the data folder is missing", path=self.data_dir)
        names = sorted(
            folder.name for folder in self.data_dir.iterdir() if (folder / "report.yaml").is_file()
        )
        if not names:
            raise WorkspaceError(
                f"{self.data_dir}: holds no report (a report is a folder with a report.yaml)"
            )
        return names

    def report_dir(self, name: str) -> Path:
        """Return the data folder of report ``name``; raise WorkspaceError if there is none.

        ``name`` is a folder's name, never a path: a report named ``/some/where`` or
        ``../x`` would read and write outside the workspace. A report folder that is a link
        to a folder outside the data folder is refused too.
        """
        if not is_plain_name(name):
            known = self.report_names()
            raise NotFoundError(NOT_A_REPORT_NAME(name=name, folder=self.data_dir, known=known))
        folder = self.data_dir / name
        if not (folder / "report.yaml").is_file():
            known = self.report_names()
            raise NotFoundError(NO_SUCH_REPORT(name=name, folder=self.data_dir, known=known))
        outside = outside_problem(folder, self.data_dir)
        if outside is not None:
            raise WorkspaceError(outside.message, path=folder)
        return folder

    def template_path(self, name: str) -> Path:
        """Return the path of template file ``name``."""
        return self.templates_dir / name


def is_plain_name(name: str) -> bool:
    """Return whether ``name`` names a file or folder of its own: no path, no . or .."""
    return name not in ("", ".", "..") and not any(
        separator in name for separator in ("/", "\\", ":", "\0")
    )


def is_inside(path: Path, folder: Path) -> bool:
    """Return whether ``path`` lies in ``folder`` once every link in either is followed."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))


def outside_problem(path: Path, folder: Path) -> Problem | None:
    """Return a Problem if ``path`` is, or goes through, a link leading out of ``folder``."""
    if is_inside(path, folder):
        return None
    target = Path(os.path.realpath(path))
    return Problem(LINK_LEADS_OUT(target=target, folder=folder), file=path)
