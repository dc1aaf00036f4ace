"""The command line's exit codes and messages, run in-process; check writes nothing."""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

import pytest

from minimal_workspace import REPORT, TEMPLATE, make_workspace, replace
from reportgen import files
from reportgen.cli import CACHE_DIR_VARIABLE, NO_CACHE_VARIABLE, _parser, main
from reportgen.cli.messages import EPILOG

REPO = Path(__file__).resolve().parent.parent
OUTPUT = "output/市总工会_2019-2023_工作汇报.docx"


@pytest.fixture
def minimal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return the minimal workspace, as the current folder."""
    make_workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Return every file under ``root`` with its size and modification time."""
    return {
        str(path.relative_to(root)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
    }


def test_check_exits_0_on_clean_data_and_writes_nothing(minimal: Path, capsys) -> None:
    before = snapshot(minimal)
    assert main(["check"]) == 0
    assert capsys.readouterr().out == "1 report checked: no problems\n"
    assert snapshot(minimal) == before


def test_check_exits_1_listing_every_problem_and_writes_nothing(minimal: Path, capsys) -> None:
    proposals = replace(minimal / "data" / REPORT / "proposals.yaml", "value: 5795", "value: -5")
    replace(proposals, "label: 征集合理化建议", "lable: 征集合理化建议")
    before = snapshot(minimal)
    assert main(["check"]) == 1
    assert capsys.readouterr().err == (
        f"{proposals}:4:5: proposals.figures.collected.lable: unknown field 'lable' "
        "(did you mean 'label'?)\n"
        f"{proposals}:8:5: proposals.figures.adopted.value: should not be negative (it is -5)\n"
        "2 problems found\n"
    )
    assert snapshot(minimal) == before


def test_check_names_a_report(minimal: Path, capsys) -> None:
    assert main(["check", REPORT]) == 0
    assert capsys.readouterr().out == "1 report checked: no problems\n"


def test_check_exits_3_outside_a_workspace(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 3
    assert capsys.readouterr().err.startswith(f"error: {tmp_path}: not a reportgen workspace")


def test_check_exits_3_when_the_data_folder_is_missing(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "reportgen.toml").write_text('[folders]\ndata = "daten"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 3
    assert capsys.readouterr().err == f"error: {tmp_path / 'daten'}: the data folder is missing\n"


@pytest.mark.parametrize("folder", ["../elsewhere", "/tmp", "sub/../../up", "linked"])
def test_settings_cannot_send_a_folder_out_of_the_workspace(
    tmp_path: Path, monkeypatch, capsys, folder: str
) -> None:
    root = tmp_path / "workspace"
    root.mkdir()
    (root / "linked").symlink_to(tmp_path, target_is_directory=True)
    (root / "reportgen.toml").write_text(f'[folders]\noutput = "{folder}"\n', encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["render"]) == 3
    assert capsys.readouterr().err == (
        f'error: {root / "reportgen.toml"}: [folders] output = "{folder}" leads out of the '
        'workspace: name a folder inside it, such as "output" (to write one render\'s documents '
        "elsewhere, use render -o DIR)\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["workspace"]


def test_a_settings_file_too_large_to_be_settings_is_not_read(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    # -- it was read whole: 900 MB of memory for a reportgen.toml of 300 MB --
    (tmp_path / "data").mkdir()
    config = tmp_path / "reportgen.toml"
    with config.open("w", encoding="utf-8") as stream:
        stream.write('[folders]\ndata = "data"\n')
        stream.write("#" * 1_000_000 + "\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 3
    assert capsys.readouterr().err == (
        f"error: {config}: the settings file is larger than the 1,000,000 bytes it may have: "
        "check that it is reportgen's, or delete it and run 'reportgen init' elsewhere to see one\n"
    )


def test_check_exits_3_when_the_data_folder_is_empty(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "data").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 3
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'data'}: holds no report (a report is a folder with a report.yaml)\n"
    )


def test_check_exits_3_for_an_unknown_report(minimal: Path, capsys) -> None:
    assert main(["check", "annual"]) == 3
    assert capsys.readouterr().err == (
        f"error: {minimal / 'data'}: no report named 'annual' (reports: {REPORT})\n"
    )


@pytest.mark.parametrize("typed", ["reprot", "REPORT", "Report"])
def test_an_unknown_report_suggests_the_name_nearest(
    minimal: Path, capsys, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    assert main(["check", typed]) == 3
    assert capsys.readouterr().err == (
        f"error: {minimal / 'data'}: no report named '{typed}' (did you mean '{REPORT}'?) "
        f"(reports: {REPORT})\n"
    )
    monkeypatch.setenv("REPORTGEN_LANG", "zh")
    assert main(["check", typed]) == 3
    assert capsys.readouterr().err == (
        f"错误：{minimal / 'data'}: 没有名为“{typed}”的报告（是否应为“{REPORT}”？）"
        f"（现有的报告：{REPORT}）\n"
    )


@pytest.mark.parametrize(
    ("name", "advice"),
    [
        ("report.yml", "rename report.yml to report.yaml"),
        # -- Notepad saves "report.yaml" as report.yaml.txt, and Windows hides the .txt --
        ("report.yaml.txt", "rename report.yaml.txt to report.yaml"),
        ("Report.YAML", "rename Report.YAML to report.yaml"),
        ("报告.yaml", "name the file of the report's facts (template, title, parts) report.yaml"),
    ],
)
def test_a_report_folder_without_its_report_yaml_says_what_to_rename(
    minimal: Path, capsys, name: str, advice: str
) -> None:
    folder = minimal / "data" / "annual"
    folder.mkdir()
    (folder / name).write_text("template: report.docx\n", encoding="utf-8")
    assert main(["check", "annual"]) == 3
    assert capsys.readouterr().err == (
        f"error: {folder}: the folder has no report.yaml, which makes a folder a report: {advice}\n"
    )


def test_checking_every_report_warns_of_a_folder_that_is_no_report(minimal: Path, capsys) -> None:
    # It was passed over without a word: the clerk's report was simply not there.
    folder = minimal / "data" / "annual"
    folder.mkdir()
    (folder / "report.yml").write_text("template: report.docx\n", encoding="utf-8")
    (minimal / "data" / "pictures").mkdir()  # -- a folder of other files is no report --
    (minimal / "data" / "pictures" / "logo.png").write_bytes(b"")
    assert main(["check"]) == 0
    assert capsys.readouterr().err == (
        f"warning: {folder}: the folder has no report.yaml, which makes a folder a report: "
        "rename report.yml to report.yaml\n"
    )


def test_a_years_report_is_named_by_its_year_once(minimal: Path, capsys) -> None:
    report = minimal / "data" / REPORT / "report.yaml"
    replace(report, "start: 2019", "start: 2023")
    assert main(["render"]) == 0
    assert capsys.readouterr().out == "output/市总工会_2023_工作汇报.docx\n"


def test_render_exits_1_for_a_missing_template(minimal: Path, capsys) -> None:
    report = replace(minimal / "data" / REPORT / "report.yaml", "report.docx", "annual.docx")
    assert main(["render"]) == 1
    assert capsys.readouterr().err == (
        f"{report}:2:1: report.template: template 'annual.docx' not found in "
        f"{minimal / 'templates'} (templates there: report.docx)\n1 problem found\n"
    )
    assert list((minimal / "output").iterdir()) == []


def test_render_exits_1_for_a_template_that_is_not_a_docx(minimal: Path, capsys) -> None:
    template = minimal / "templates" / TEMPLATE
    template.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["render"]) == 1
    assert capsys.readouterr().err == (
        f"{template}: not a Word .docx file (the file is damaged or cut short): open it in "
        "Word or WPS and save it as .docx\n1 problem found\n"
    )


def test_a_failed_render_leaves_the_previous_output_untouched(minimal: Path, capsys) -> None:
    assert main(["render"]) == 0
    previous = (minimal / OUTPUT).read_bytes()
    replace(minimal / "data" / REPORT / "proposals.yaml", "value: 5795", "value: -5")
    assert main(["render"]) == 1
    assert "should not be negative" in capsys.readouterr().err
    assert (minimal / OUTPUT).read_bytes() == previous
    assert sorted(path.name for path in (minimal / "output").iterdir()) == [Path(OUTPUT).name]


def test_a_failed_write_leaves_the_previous_output_and_no_temporary_file(
    minimal: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    assert main(["render"]) == 0
    previous = (minimal / OUTPUT).read_bytes()
    replace(minimal / "data" / REPORT / "report.yaml", "很多工作", "更多工作")

    def disk_full(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", disk_full)
    assert main(["render"]) == 4
    assert capsys.readouterr().err == (
        f"error: {minimal / OUTPUT}: cannot write the file (the disk is full)\n"
    )
    assert (minimal / OUTPUT).read_bytes() == previous
    assert sorted(path.name for path in (minimal / "output").iterdir()) == [Path(OUTPUT).name]


def test_render_exits_4_when_the_output_folder_cannot_be_made(minimal: Path, capsys) -> None:
    (minimal / "taken").write_text("a file where the folder should be", encoding="utf-8")
    assert main(["render", "-o", "taken/reports"]) == 4
    assert capsys.readouterr().err == (
        "error: taken/reports: cannot write here (a part of the path is a file, not a folder)\n"
    )


def test_render_writes_the_clean_report_and_lists_the_other(minimal: Path, capsys) -> None:
    second = minimal / "data" / "second"
    second.mkdir()
    for name in ("report.yaml", "proposals.yaml"):
        (second / name).write_bytes((minimal / "data" / REPORT / name).read_bytes())
    replace(second / "report.yaml", "title: 工作汇报", "title: 第二份")
    replace(second / "proposals.yaml", "value: 5795", "value: 九")
    assert main(["render"]) == 1
    out, err = capsys.readouterr()
    assert "should be a number, not the text '九'" in err
    assert [path.name for path in (minimal / "output").iterdir()] == [
        "市总工会_2019-2023_工作汇报.docx"
    ]
    assert out == "output/市总工会_2019-2023_工作汇报.docx\n"


@pytest.mark.parametrize("command", [[], ["render"], ["check"], ["schema"]])
def test_help_documents_every_exit_code(command: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    epilog = EPILOG().text("en")
    assert epilog in out
    assert re.findall(r"^  (\d)  ", epilog, re.MULTILINE) == ["0", "1", "2", "3", "4", "5"]
    assert f"{CACHE_DIR_VARIABLE} " in epilog and f"{NO_CACHE_VARIABLE}=1 " in epilog


def test_the_readme_documents_the_same_exit_codes() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    documented = re.search(r"Exit codes: (.*?)\n\n", readme, re.DOTALL)
    assert documented is not None
    assert re.findall(r"`(\d)`", documented.group(1)) == ["0", "1", "2", "3", "4", "5"]


def test_wrong_usage_exits_2(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["render", "--no-such-option"])
    assert exit_.value.code == 2


def test_the_readme_lists_every_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    parser = _parser()
    [commands] = [
        action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
    ]
    missing = [name for name in commands.choices if f"| `reportgen {name}" not in readme]
    assert missing == []


def test_output_piped_into_a_reader_that_stops_early_is_no_error(workspace_dir: Path) -> None:
    # `reportgen render | head -1`: head exits after one line. render went on to the end, and
    # list printed a Python traceback.
    import subprocess
    import sys

    for command in (["render"], ["list"]):
        process = subprocess.Popen(
            [sys.executable, "-m", "reportgen", *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=workspace_dir,
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # -- the reader is gone before anything is written --
        errors = process.stderr.read().decode()
        process.stderr.close()
        assert process.wait() == 0, errors
        assert "Traceback" not in errors and "BrokenPipe" not in errors
    output = workspace_dir / "output"
    written = sorted(str(path.relative_to(output)) for path in output.rglob("*.docx"))
    listed = subprocess.run(
        [sys.executable, "-m", "reportgen", "render"],
        capture_output=True,
        text=True,
        cwd=workspace_dir,
        check=True,
    ).stdout.splitlines()
    # -- every document of the samples, the last one too --
    assert written == sorted(line.removeprefix("output/") for line in listed)


def test_a_console_that_cannot_show_chinese_gets_escapes_not_a_traceback(
    workspace_dir: Path,
) -> None:
    # -- `reportgen check > log.txt` where the log's encoding is ASCII, or a console in
    #    another code page: the first Chinese character stopped the run with a traceback --
    import subprocess
    import sys

    environment = {**os.environ, "PYTHONIOENCODING": "ascii", "REPORTGEN_LANG": "zh"}
    for command, code in ((["check"], 0), (["render", "无此报告"], 3)):
        finished = subprocess.run(
            [sys.executable, "-m", "reportgen", *command],
            capture_output=True,
            text=True,
            encoding="ascii",
            env=environment,
            cwd=workspace_dir,
        )
        assert "Traceback" not in finished.stderr, finished.stderr
        assert finished.returncode == code, finished.stderr
    assert finished.stderr.startswith("\\u9519\\u8bef")  # -- 错误 --
