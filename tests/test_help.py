"""The command line speaks the user's language: help, usage errors, progress and results."""

from __future__ import annotations

import argparse
import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from helpers import english_runs
from minimal_workspace import make_workspace
from reportgen.cli import _parser, main
from reportgen.cli.help import argparse_language, wrap
from reportgen.cli.messages import ARGPARSE_ZH
from reportgen.cli.progress import BarProgress
from reportgen.i18n import set_language

COMMANDS = [
    "render", "check", "watch", "schema", "new-period", "fill-sheet", "list",
    "new-department", "new-data", "fields", "fix-template", "init", "cache", "serve",
]  # fmt: skip


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the command line as on a Chinese system."""
    monkeypatch.setenv("REPORTGEN_LANG", "zh")
    yield
    set_language("en")


def help_of(command: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def options_of(text: str) -> list[str]:
    return sorted(set(re.findall(r"(?<![\w-])--?[a-z][\w-]*", text)))


def test_the_parser_knows_every_command() -> None:
    [commands] = [
        action for action in _parser()._actions if isinstance(action, argparse._SubParsersAction)
    ]
    assert sorted(commands.choices) == sorted(COMMANDS)


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)])
def test_help_in_chinese_says_the_same_as_in_english_in_chinese(
    command: list[str], chinese: None, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    chinese_help = help_of(command, capsys)
    monkeypatch.setenv("REPORTGEN_LANG", "en")
    english_help = help_of(command, capsys)

    assert chinese_help.startswith("用法：reportgen")
    assert english_help.startswith("usage: reportgen")
    assert "退出码：" in chinese_help and "exit codes:" in english_help
    # -- section titles end in a full-width colon, as the rest of the Chinese text does --
    titles = [line for line in chinese_help.splitlines() if line.endswith((":", "："))]
    assert "选项：" in titles and not [title for title in titles if title.endswith(":")]
    # -- the same options and commands, and nothing in English beyond their names --
    assert options_of(chinese_help) == options_of(english_help)
    prose = "\n".join(
        line for line in chinese_help.splitlines() if not line.startswith(("用法：", "      "))
    )
    assert english_runs(prose) == []
    assert max(map(columns, prose.splitlines())) <= 80


def columns(line: str) -> int:
    return sum(2 if "\u2e80" <= char <= "\uffef" else 1 for char in line)


def test_usage_errors_are_chinese(chinese: None, capsys: pytest.CaptureFixture[str]) -> None:
    for arguments, expected in [
        (["rendr"], "reportgen：错误：参数 COMMAND：没有 'rendr' 这一项（可选：'render', "),
        (["render", "--jobs", "0"], "reportgen render：错误：参数 -j/--jobs：应为 1 或更大的整数"),
        (["new-period"], "reportgen new-period：错误：缺少必需的参数：REPORT"),
        (["check", "--nope"], "reportgen：错误：无法识别的参数：--nope"),
        (["render", "-o"], "reportgen render：错误：参数 -o/--output：后面应写一个值"),
    ]:
        with pytest.raises(SystemExit) as exit_:
            main(arguments)
        assert exit_.value.code == 2
        error = capsys.readouterr().err
        assert error.startswith("用法：reportgen")
        assert error.splitlines()[-1].startswith(expected), error


def test_argparse_is_english_again_after_a_chinese_run(chinese: None, capsys) -> None:
    help_of([], capsys)
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]


def test_argparse_translations_keep_every_placeholder() -> None:
    placeholder = re.compile(r"%\(\w+\)[rs]|%[rs]")
    for english, chinese in ARGPARSE_ZH.items():
        assert sorted(placeholder.findall(english)) == sorted(placeholder.findall(chinese))
    with argparse_language("zh"):
        assert argparse._("usage: ") == "用法："  # type: ignore[attr-defined]


def test_chinese_lines_wrap_by_columns_and_english_at_spaces() -> None:
    assert wrap("一二三四五，六七", 10) == ["一二三四", "五，六七"]  # -- no line starts with ，
    assert wrap("check every named report", 12) == ["check every", "named report"]


def test_what_commands_print_is_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chinese: None, capsys
) -> None:
    make_workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    assert capsys.readouterr().out == "已检查 1 份报告，没有发现问题\n"
    assert main(["check", "nothing"]) == 3
    assert capsys.readouterr().err == (
        f"错误：{tmp_path / 'data'}: 没有名为“nothing”的报告（现有的报告：report）\n"
    )
    assert main(["new-period", "report"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "data/report-2024-2028：2024—2028年，由 report 复制而来",
        "有 2 个数字和成文日期待填写：运行“reportgen check report-2024-2028”可逐项列出",
    ]


def test_the_progress_bar_speaks_chinese(chinese: None) -> None:
    set_language("zh")
    console = Console(file=io.StringIO(), force_terminal=True, width=100, record=True)
    with BarProgress(1, pdf=True, console=console, show=str) as progress:
        progress.rendered("five-year-report")
        progress.written(Path("a.pdf"))
    text = console.export_text()
    assert text.startswith("⠋ 正在生成")
    assert "完成" in text


def test_the_chinese_guide_names_real_commands_and_shows_its_picture() -> None:
    guide = (Path(__file__).resolve().parent.parent / "README.zh-CN.md").read_text("utf-8")
    named = set(re.findall(r"reportgen ([a-z][a-z-]+)", guide))
    assert named and named <= set(COMMANDS)
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", guide)
    assert pictures and all((Path(__file__).parent.parent / p).is_file() for p in pictures)
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    assert "(README.zh-CN.md)" in readme
