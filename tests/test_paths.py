"""Paths stay home: what the data, a row or a command names stays inside its workspace folder.

Templates come from templates/, a report's files and rows from beside its report.yaml, and
documents go into the output folder. A path with .., an absolute path or a link leading
out is refused with a message, and nothing is read or written there.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from reportgen.cli import main
from reportgen.workspace import Workspace

BATCH = "ankang-certificates"
REPORT = "five-year-report"
SECRET = "the first line of a private file"


def set_template(root: Path, report: str, name: str) -> None:
    path = root / "data" / report / "report.yaml"
    text = re.sub(r"(?m)^template: .*$", lambda _: f"template: {name}", path.read_text("utf-8"))
    path.write_text(text, encoding="utf-8")


def elsewhere(root: Path) -> Path:
    """Return a folder beside the workspace, holding a private .docx and a private text."""
    folder = root.parent / "elsewhere"
    folder.mkdir()
    shutil.copy(root / "templates" / "five-year-report.docx", folder / "secret.docx")
    (folder / "secret.txt").write_text(f"{SECRET}\nand more\n", encoding="utf-8")
    return folder


def outputs(root: Path) -> list[str]:
    return sorted(path.name for path in (root / "output").rglob("*") if path.is_file())


@pytest.mark.parametrize("written", ["../../elsewhere/secret.docx", "ABSOLUTE", "..\\x.docx"])
def test_a_template_named_outside_the_templates_folder_is_refused(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    folder = elsewhere(workspace_dir)
    name = str(folder / "secret.docx") if written == "ABSOLUTE" else written
    set_template(workspace_dir, REPORT, name)
    assert main(["render", REPORT]) == 1
    assert capsys.readouterr().err == (
        f"{workspace_dir / 'data' / REPORT / 'report.yaml'}:3:1: report.template: '{name}' leads "
        "out of the templates folder: name a .docx in it, such as report.docx (a subfolder is "
        "fine), without .., a leading / or a drive letter\n1 problem found\n"
    )
    assert outputs(workspace_dir) == []


def test_a_template_linked_to_a_file_elsewhere_is_refused(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = elsewhere(workspace_dir)
    link = workspace_dir / "templates" / "link.docx"
    os.symlink(folder / "secret.docx", link)
    set_template(workspace_dir, REPORT, "link.docx")
    assert main(["render", REPORT]) == 1
    assert capsys.readouterr().err == (
        f"{link}: is a link to {folder / 'secret.docx'}, outside {workspace_dir / 'templates'}: "
        "reportgen reads and writes only inside its folders; put the file or folder itself "
        "there, or remove the link\n1 problem found\n"
    )
    assert outputs(workspace_dir) == []


def test_a_link_inside_the_templates_folder_is_fine(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.symlink(
        workspace_dir / "templates" / "five-year-report.docx",
        workspace_dir / "templates" / "link.docx",
    )
    set_template(workspace_dir, REPORT, "link.docx")
    assert main(["render", REPORT]) == 0


@pytest.mark.parametrize("command", ["render", "check", "watch"])
def test_a_path_given_as_a_report_name_is_refused(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    where = workspace_dir.parent / "some" / "where" / "certs"
    shutil.copytree(workspace_dir / "data" / BATCH, where)
    before = sorted(path.name for path in where.iterdir())
    for name in (str(where), "../../some/where/certs", "..", "data/../../some/where/certs"):
        assert main([command, name]) == 3
        known = ", ".join(Workspace.at(workspace_dir).report_names())
        assert capsys.readouterr().err.startswith(
            f"error: {workspace_dir / 'data'}: '{name}' is not a report's name but a path: give "
            f"the name of a report folder here (reports: {known})"
        )
    assert sorted(path.name for path in where.iterdir()) == before
    assert outputs(workspace_dir) == []


@pytest.mark.parametrize(
    "given", [f"{BATCH}/", f"data/{BATCH}", f"data\\{BATCH}\\", f"./data/{BATCH}/", "absolute"]
)
def test_a_path_to_a_report_folder_in_data_names_that_report(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str], given: str
) -> None:
    # -- Tab in a command window completes a report's name as data\ankang-certificates\: it
    # was refused as a path, though it names the report's own folder --
    if given == "absolute":
        given = str(workspace_dir / "data" / BATCH)
    assert main(["check", given]) == 0
    assert capsys.readouterr().out == "1 report checked: no problems\n"
    assert main(["render", given]) == 0
    assert len(list((workspace_dir / "output" / BATCH).glob("*.docx"))) == 12
    assert [path.name for path in (workspace_dir / "output").iterdir()] == [BATCH]


def test_a_report_folder_linked_from_elsewhere_is_refused(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = workspace_dir.parent / "outside-report"
    shutil.move(workspace_dir / "data" / BATCH, outside)
    os.symlink(outside, workspace_dir / "data" / BATCH)
    assert main(["render", BATCH]) == 3
    assert "is a link to" in capsys.readouterr().err
    assert outputs(workspace_dir) == []


def test_an_output_folder_linked_to_a_folder_elsewhere_is_not_written_through(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = elsewhere(workspace_dir)
    victim = folder / "AK2023-01_长江钢铁集团有限公司.docx"
    victim.write_bytes(b"precious")
    os.symlink(folder, workspace_dir / "output" / BATCH)
    assert main(["render", BATCH]) == 1
    assert capsys.readouterr().err == (
        f"{workspace_dir / 'output' / BATCH}: is a link to {folder}, outside "
        f"{workspace_dir / 'output'}: reportgen reads and writes only inside its folders; put "
        "the file or folder itself there, or remove the link\n1 problem found\n"
    )
    assert victim.read_bytes() == b"precious"
    assert sorted(path.name for path in folder.iterdir()) == [
        victim.name,
        "secret.docx",
        "secret.txt",
    ]


@pytest.mark.parametrize("kind", ["rows", "part"])
def test_a_data_file_linked_to_a_file_elsewhere_is_not_read(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    folder = elsewhere(workspace_dir)
    report, name = (BATCH, "winners.csv") if kind == "rows" else (REPORT, "skills.yaml")
    data_file = workspace_dir / "data" / report / name
    data_file.unlink()
    os.symlink(folder / "secret.txt", data_file)
    assert main(["check", report]) == 1
    err = capsys.readouterr().err
    assert f"{data_file}: is a link to {folder / 'secret.txt'}, outside" in err
    assert SECRET not in err
