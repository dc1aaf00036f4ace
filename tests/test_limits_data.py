"""Bounds on data files: size, nesting and the values YAML aliases make.

Each hostile file runs through reportgen in a process with a memory and CPU limit
(tests/limited.py), so that a regression fails the test, not the machine.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from limited import run_limited
from minimal_workspace import RENDERED, make_workspace, paragraph_texts, write
from reportgen.data import yaml_bounds, yaml_source
from reportgen.data.messages import YAML_TOO_MANY_VALUES
from reportgen.data.yaml_bounds import MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUES
from reportgen.data.yaml_schema import ClerkLoader, PureClerkLoader
from reportgen.errors import DataError


def alias_bomb(levels: int, *, merge: bool = False) -> str:
    """Return YAML text of ``levels`` aliases of aliases, each repeating the one before 9 times."""
    if merge:
        lines = ["a0: &a0 {x0: lol, x1: lol, x2: lol}"]
        for level in range(1, levels + 1):
            refs = ", ".join(f"*a{level - 1}" for _ in range(9))
            lines.append(f"a{level}: &a{level} {{<<: [{refs}], y{level}: lol}}")
        return "\n".join(lines) + "\n"
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [{','.join(f'*a{level - 1}' for _ in range(9))}]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_at_its_line_without_a_traceback(tmp_path: Path) -> None:
    report_dir = make_workspace(tmp_path)
    bomb = alias_bomb(9)
    assert len(bomb.encode()) < 5_000
    path = write(report_dir / "proposals.yaml", "lead: x\n" + bomb)
    completed = run_limited(["check"], tmp_path)
    assert completed.returncode == 1, completed.stderr
    assert completed.stderr == (
        # -- a0's list, once at the top and 9 times in a1, 81 times in a2, …: 1 + 9 + … + 9⁹ --
        f"{path}:2:5: aliases (*…) repeat this value 435,848,050 times, and the file would hold "
        f"4,412,961,518 values, more than the {MAX_VALUES:,} a data file may hold: write fewer "
        "aliases\n1 problem found\n"
    )


def test_a_merge_key_bomb_is_refused_too(tmp_path: Path) -> None:
    report_dir = make_workspace(tmp_path)
    write(report_dir / "proposals.yaml", "lead: x\n" + alias_bomb(9, merge=True))
    completed = run_limited(["render"], tmp_path)
    assert completed.returncode == 1, completed.stderr
    assert "aliases (*…) repeat this value" in completed.stderr
    assert "Traceback" not in completed.stderr
    assert list((tmp_path / "output").iterdir()) == []


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    report_dir = make_workspace(tmp_path)
    text = (report_dir / "proposals.yaml").read_text(encoding="utf-8")
    text = text.replace("label: 征集合理化建议", "label: &name 征集合理化建议")
    text = text.replace("label: 采纳实施合理化建议", "label: *name")
    write(report_dir / "proposals.yaml", text)
    completed = run_limited(["render"], tmp_path)
    assert completed.returncode == 0, completed.stderr
    [written] = (tmp_path / "output").iterdir()
    assert paragraph_texts(written) == RENDERED


def test_values_nested_hundreds_deep_are_refused_at_their_line(tmp_path: Path) -> None:
    report_dir = make_workspace(tmp_path)
    path = write(report_dir / "proposals.yaml", "lead: x\ndeep: " + "[" * 990 + "]" * 990 + "\n")
    completed = run_limited(["check"], tmp_path)
    assert completed.returncode == 1, completed.stderr
    assert completed.stderr == (
        f"{path}:2:{6 + MAX_DEPTH}: values nest more than {MAX_DEPTH} levels deep here: write "
        "them flatter\n1 problem found\n"
    )


@pytest.mark.parametrize("loader", [ClerkLoader, PureClerkLoader], ids=["C", "Python"])
@pytest.mark.parametrize("opened", ["[", "{a: ", "- "], ids=["list", "fields", "items"])
def test_values_nested_past_the_parsers_own_limit_are_told_as_too_deep(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loader: type, opened: str
) -> None:
    # -- libyaml stops at 1,000 levels with its own English words; PyYAML's parser, used
    # where libyaml is missing, ran out of Python's stack and stopped with a traceback --
    monkeypatch.setattr(yaml_source, "_Loader", loader)
    closing = {"[": "]", "{a: ": "}", "- ": ""}[opened]
    text = "deep: " + opened * 20_000 + "1" + closing * 20_000 + "\n"
    if opened == "- ":
        text = "deep:\n" + "".join(" " * level + "-\n" for level in range(3000))
    with pytest.raises(DataError) as raised:
        yaml_source.parse_yaml(text, tmp_path / "deep.yaml")
    [problem] = raised.value.problems
    assert str(problem).startswith(f"{tmp_path / 'deep.yaml'}:")
    assert problem.message.text("en") == (  # type: ignore[union-attr]
        f"values nest more than {MAX_DEPTH} levels deep here: write them flatter"
    )


def test_a_data_file_larger_than_the_limit_is_not_read(tmp_path: Path) -> None:
    report_dir = make_workspace(tmp_path)
    path = report_dir / "proposals.yaml"
    with path.open("a", encoding="utf-8") as stream:
        line = "# " + "注" * 300 + "\n"
        for _ in range(MAX_FILE_BYTES // len(line.encode()) + 1):
            stream.write(line)
    completed = run_limited(["check"], tmp_path)
    assert completed.returncode == 1, completed.stderr
    size = path.stat().st_size
    assert completed.stderr == (
        f"{path}: the file is {size:,} bytes, more than the {MAX_FILE_BYTES:,} a data file may "
        "have: split it, or check that it is the file meant\n1 problem found\n"
    )


def test_the_alias_message_reads_in_chinese() -> None:
    message = YAML_TOO_MANY_VALUES(times="9", count="2,000,000", limit="1,000,000")
    assert message.text("zh") == (
        "别名（*…）使此值重复 9 次，整个文件将展开为 2,000,000 个值，"
        "超过数据文件上限 1,000,000 个：请减少别名"
    )


def test_a_file_without_aliases_is_held_to_the_same_bounds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # -- a text without * is measured by a quicker walk: one past a bound is told as before --
    deep = "deep: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    nested = yaml_source.parse_yaml(deep, tmp_path / "deep.yaml").data["deep"]
    for _ in range(MAX_DEPTH - 2):
        [nested] = nested
    assert nested == []
    deeper = "deep: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n"
    with pytest.raises(DataError) as raised:
        yaml_source.parse_yaml(deeper, tmp_path / "deeper.yaml")
    assert [(problem.line, problem.column) for problem in raised.value.problems] == [
        (1, 6 + MAX_DEPTH)
    ]
    monkeypatch.setattr(yaml_bounds, "MAX_VALUES", 10)
    assert yaml_source.parse_yaml("[1, 2, 3, 4, 5, 6, 7, 8, 9]", tmp_path / "a.yaml").data[8] == 9
    with pytest.raises(DataError) as raised:
        yaml_source.parse_yaml("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]", tmp_path / "b.yaml")
    [problem] = raised.value.problems
    assert problem.message.text("en") == YAML_TOO_MANY_VALUES(  # type: ignore[union-attr]
        times="1", count="11", limit="10"
    ).text("en")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="pipes are made by mkfifo")
@pytest.mark.parametrize("kind", ["pipe", "endless"])
def test_a_part_file_that_is_a_pipe_or_endless_is_refused_once_its_report_was_cached(
    tmp_path: Path, cache_dir: Path, kind: str
) -> None:
    # -- the cache compared the files of a report checked before by reading each whole: a
    # pipe waited for ever for a writer, a link to /dev/zero filled the memory --
    report_dir = make_workspace(tmp_path)
    environment = {"REPORTGEN_CACHE_DIR": str(cache_dir)}
    assert run_limited(["check"], tmp_path, environment).returncode == 0
    path = report_dir / "proposals.yaml"
    path.unlink()
    if kind == "pipe":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    completed = run_limited(["check"], tmp_path, environment)
    assert completed.returncode == 1, completed.stderr
    assert "Traceback" not in completed.stderr
    assert "proposals.yaml" in completed.stderr
