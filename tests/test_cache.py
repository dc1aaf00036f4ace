"""The cache of checked templates and loaded reports: faster runs, never other results."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import reportgen.cache.fingerprint
from helpers import switch_on
from minimal_workspace import (
    PROPOSALS_YAML,
    RENDERED,
    TEMPLATE,
    TEMPLATE_BODY,
    build_docx,
    make_workspace,
    paragraph_texts,
    replace,
    write,
)
from reportgen.api import check_reports, render_reports
from reportgen.cache import Cache
from reportgen.cli import main
from reportgen.errors import Problem, ProblemsFound
from reportgen.workspace import Workspace

#: Libraries a render from a warm cache has no need of.
SKIPPED_LIBRARIES = ("docxtpl", "docx", "docxtpl_lint", "pydantic", "yaml")


@pytest.fixture
def cache(cache_dir: Path) -> Cache:
    """Return the cache in this test's own folder."""
    return Cache(cache_dir)


def entries(cache_dir: Path, kind: str) -> list[Path]:
    return sorted((cache_dir / kind).glob("*.bin"))


def render_twice(root: Path, cache: Cache) -> tuple[dict[Path, bytes], dict[Path, bytes]]:
    """Render every report of the workspace twice; return the files each run wrote."""
    cold = {path: path.read_bytes() for path in render_reports(Workspace.at(root), cache=cache)}
    warm = {path: path.read_bytes() for path in render_reports(Workspace.at(root), cache=cache)}
    return cold, warm


def test_a_second_render_reads_both_from_the_cache_and_writes_the_same_bytes(
    tmp_path: Path, cache_dir: Path, cache: Cache
) -> None:
    make_workspace(tmp_path)
    cold, warm = render_twice(tmp_path, cache)
    assert warm == cold
    assert len(entries(cache_dir, "templates")) == 1
    assert len(entries(cache_dir, "reports")) == 1


def test_the_samples_render_the_same_from_a_warm_cache(workspace_dir: Path, cache: Cache) -> None:
    # Every kind of value is kept: figures, percentages, groups, prose, a period, a chart
    # drawn only when printed, and a batch's rows.
    switch_on(workspace_dir)
    cold, warm = render_twice(workspace_dir, cache)
    assert len(cold) > 3
    assert warm == cold


def _modules_a_render_imports(
    folder: Path, cache_dir: Path, *reports: str, cached: bool = True
) -> list[str]:
    """Render ``reports`` in a process of its own; return the modules it imported."""
    script = (
        "import json, sys\n"
        "from reportgen.cli import main\n"
        f"code = main(['render', *{list(reports)!r}])\n"
        "print(json.dumps([code, sorted(sys.modules)]))\n"
    )
    switch = {} if cached else {"REPORTGEN_NO_CACHE": "1"}
    completed = subprocess.run(
        [sys.executable, "-c", script],
        cwd=folder,
        env={**os.environ, "REPORTGEN_CACHE_DIR": str(cache_dir), **switch},
        capture_output=True,
        text=True,
        check=True,
    )
    code, modules = json.loads(completed.stdout.splitlines()[-1])
    assert code == 0
    assert "jinja2" in modules  # the run did render
    return list(modules)


def test_a_warm_render_imports_none_of_the_libraries_checking_needs(
    tmp_path: Path, cache_dir: Path, cache: Cache
) -> None:
    make_workspace(tmp_path)
    render_reports(Workspace.at(tmp_path), cache=cache)
    modules = _modules_a_render_imports(tmp_path, cache_dir)
    assert [name for name in SKIPPED_LIBRARIES if name in modules] == []


def test_a_chart_and_a_long_titles_words_come_from_the_cache_until_the_figures_change(
    workspace_dir: Path, cache_dir: Path, cache: Cache
) -> None:
    # -- matplotlib took a render of the report with a chart half a second; rjieba's
    #    dictionary, a long title's words, a tenth of one --
    switch_on(workspace_dir)
    reports = ("five-year-report", "ankang-notice")
    cold, warm = render_twice(workspace_dir, cache)
    assert warm == cold
    assert len(entries(cache_dir, "drawn")) >= 2  # -- the chart, and the notice's title --
    modules = _modules_a_render_imports(workspace_dir, cache_dir, *reports)
    assert [name for name in ("matplotlib", "rjieba") if name in modules] == []

    figures = workspace_dir / "data" / "five-year-report" / "proposals.yaml"
    replace(figures, "2023: 3667", "2023: 3767")
    modules = _modules_a_render_imports(workspace_dir, cache_dir, "five-year-report")
    assert "matplotlib" in modules  # -- other figures: drawn afresh --
    [document] = [path for path in cold if path.name.startswith("2023年市工会")]
    assert _chart_of(document.read_bytes()) != _chart_of(cold[document])


def _chart_of(document: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(document)) as package:
        return package.read("word/media/reportgen-picture1.png")


#: What a render after an edit has no need of: reportgen's records are not dataclasses (each
#: took half a millisecond to make), a date's days come without calendar, the cache's key
#: without secrets, a figure's keys are checked for a misspelling without difflib, and a
#: template's warnings come from the cache with it, as do the checks of a template that
#: passed (a picture beside a tag among them). argparse speaks English without looking for a
#: catalogue of it (which imported locale), and the wording of YAML's syntax errors is for a
#: file that has one.
NOT_IMPORTED_AFTER_AN_EDIT = (
    "dataclasses",
    "calendar",
    "secrets",
    "difflib",
    "pydantic",
    "docxtpl_lint",
    "reportgen.template.bare_blocks",
    "reportgen.template.compatibility",
    "reportgen.template.beside_tags",
    "locale",
    "reportgen.data.yaml_errors",
)


def test_a_render_after_an_edit_imports_only_what_loading_and_rendering_need(
    workspace_dir: Path, cache_dir: Path, cache: Cache
) -> None:
    render_reports(Workspace.at(workspace_dir), ["five-year-report"], cache=cache)
    part = workspace_dir / "data" / "five-year-report" / "skills.yaml"
    part.write_text(part.read_text("utf-8") + "# edited\n", "utf-8")
    modules = _modules_a_render_imports(workspace_dir, cache_dir, "five-year-report")
    assert "yaml" in modules  # the edited file was read again
    assert [name for name in NOT_IMPORTED_AFTER_AN_EDIT if name in modules] == []


#: What a first check of a clean template has no need of: the wording of problems it has
#: none of, and what a render after an edit does without too.
NOT_IMPORTED_BY_A_CLEAN_CHECK = (
    "reportgen.text.jinja_errors",
    "reportgen.template.lint",
    "calendar",
    "secrets",
    "difflib",
    "pydantic",
    "locale",
    "reportgen.data.yaml_errors",
)


def test_a_first_check_of_a_clean_template_imports_no_wording_of_problems(
    workspace_dir: Path, cache_dir: Path
) -> None:
    modules = _modules_a_render_imports(workspace_dir, cache_dir, "five-year-report", cached=False)
    assert "docxtpl_lint" in modules  # the template was checked
    assert [name for name in NOT_IMPORTED_BY_A_CLEAN_CHECK if name in modules] == []


#: A template whose loop stands alone in its paragraph: a warning every run.
BARE_LOOP = ["{% for x in opening %}", "{{ x }}", "{% endfor %}"]


def _warnings(root: Path, cache: Cache) -> list[str]:
    found: list[Problem] = []
    render_reports(Workspace.at(root), cache=cache, on_warning=found.append)
    return [str(warning) for warning in found]


def test_a_templates_warnings_come_from_the_cache_as_they_were_found(
    tmp_path: Path, cache_dir: Path, cache: Cache
) -> None:
    report_dir = make_workspace(tmp_path, body=BARE_LOOP)
    first = _warnings(tmp_path, cache)
    assert len(first) == 2 and all(TEMPLATE in warning for warning in first)
    assert _warnings(tmp_path, cache) == first
    assert len(entries(cache_dir, "templates")) == 1  # -- the warnings are in its entry --
    # -- the same template under another name: its warnings name that file --
    renamed = tmp_path / "templates" / "renamed.docx"
    (tmp_path / "templates" / TEMPLATE).rename(renamed)
    replace(report_dir / "report.yaml", f"template: {TEMPLATE}", "template: renamed.docx")
    moved = _warnings(tmp_path, cache)
    assert moved == [warning.replace(TEMPLATE, "renamed.docx") for warning in first]


def test_an_edited_part_is_loaded_again(tmp_path: Path, cache: Cache) -> None:
    report_dir = make_workspace(tmp_path)
    render_reports(Workspace.at(tmp_path), cache=cache)
    replace(report_dir / "proposals.yaml", "value: 16489", "value: 20000")
    [written] = render_reports(Workspace.at(tmp_path), cache=cache)
    assert (
        "全市共征集合理化建议20000条，采纳实施5795条，采纳率29.0%。" in paragraph_texts(written)[-1]
    )


def test_an_edited_template_is_checked_again(tmp_path: Path, cache: Cache) -> None:
    make_workspace(tmp_path)
    render_reports(Workspace.at(tmp_path), cache=cache)
    build_docx(tmp_path / "templates" / TEMPLATE, [*TEMPLATE_BODY, "{{ report.title }}完"])
    [written] = render_reports(Workspace.at(tmp_path), cache=cache)
    assert paragraph_texts(written) == [*RENDERED, "工作汇报完"]
    build_docx(tmp_path / "templates" / TEMPLATE, [*TEMPLATE_BODY, "{{ report.title + }}"])
    with pytest.raises(ProblemsFound) as raised:
        render_reports(Workspace.at(tmp_path), cache=cache)
    assert raised.value.problems[0].code == "jinja.ends-too-early"


def test_a_yaml_file_added_beside_unchanged_files_is_still_reported(
    tmp_path: Path, cache: Cache
) -> None:
    report_dir = make_workspace(tmp_path)
    render_reports(Workspace.at(tmp_path), cache=cache)
    write(report_dir / "skills.yaml", PROPOSALS_YAML)
    assert [
        str(problem.message) for problem in check_reports(Workspace.at(tmp_path), cache=cache)
    ] == [
        "skills.yaml is not listed in parts: add 'skills' to parts, or move the file out of "
        "the folder"
    ]


def test_a_template_with_problems_is_not_kept_and_is_reported_every_run(
    tmp_path: Path, cache_dir: Path, cache: Cache
) -> None:
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, "{{ report.title | cn_numerel }}"])
    first = [str(problem) for problem in check_reports(Workspace.at(tmp_path), cache=cache)]
    second = [str(problem) for problem in check_reports(Workspace.at(tmp_path), cache=cache)]
    assert first == second
    assert "unknown filter 'cn_numerel'" in first[0]
    assert entries(cache_dir, "templates") == []


def test_a_report_with_problems_is_not_kept(tmp_path: Path, cache_dir: Path, cache: Cache) -> None:
    report_dir = make_workspace(tmp_path)
    replace(report_dir / "proposals.yaml", "value: 16489", "value: many")
    assert check_reports(Workspace.at(tmp_path), cache=cache) != []
    assert entries(cache_dir, "reports") == []


def test_a_problem_found_while_rendering_is_placed_the_same_from_the_cache(
    tmp_path: Path, cache: Cache
) -> None:
    body = [*TEMPLATE_BODY, "{% if motto is defined %}{{ motto }}{% endif %}", "{{ motto }}"]
    make_workspace(tmp_path, body=body)
    expected = [
        f"{tmp_path / 'templates' / TEMPLATE}: body, paragraph 11: 'motto' is undefined: "
        "{{ motto }}"
    ]
    assert [
        str(problem) for problem in check_reports(Workspace.at(tmp_path), cache=cache)
    ] == expected
    assert [
        str(problem) for problem in check_reports(Workspace.at(tmp_path), cache=cache)
    ] == expected


def test_entries_that_cannot_be_read_are_made_again(
    tmp_path: Path, cache_dir: Path, cache: Cache
) -> None:
    make_workspace(tmp_path)
    [written] = render_reports(Workspace.at(tmp_path), cache=cache)
    expected = written.read_bytes()
    for entry in entries(cache_dir, "templates") + entries(cache_dir, "reports"):
        entry.write_bytes(entry.read_bytes()[:40])  # cut short, as by a full disk
    [written] = render_reports(Workspace.at(tmp_path), cache=cache)
    assert written.read_bytes() == expected
    [written] = render_reports(
        Workspace.at(tmp_path), cache=cache
    )  # and the entries were written whole again
    assert written.read_bytes() == expected


def test_a_cache_folder_that_cannot_be_written_is_passed_over(tmp_path: Path) -> None:
    make_workspace(tmp_path)
    blocked = write(tmp_path / "not-a-folder", "a file where the cache folder should be")
    for _ in range(2):
        [written] = render_reports(Workspace.at(tmp_path), cache=Cache(blocked))
        assert paragraph_texts(written) == RENDERED


def test_no_cache_writes_nothing(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("REPORTGEN_NO_CACHE", "1")
    assert main(["render"]) == main(["render"]) == 0
    assert list(cache_dir.iterdir()) == []


def test_the_library_keeps_nothing_unless_given_a_cache(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # -- the environment is the command line's to read, not the library's --
    make_workspace(tmp_path)
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(cache_dir))
    render_reports(Workspace.at(tmp_path))
    assert list(cache_dir.iterdir()) == []


def test_other_code_does_not_read_the_entries_of_this_code(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch, cache: Cache
) -> None:
    # An upgrade of reportgen or of a library it depends on gives another fingerprint.
    make_workspace(tmp_path)
    render_reports(Workspace.at(tmp_path), cache=cache)
    monkeypatch.setattr(reportgen.cache.fingerprint, "_fingerprint", b"another version")
    render_reports(Workspace.at(tmp_path), cache=cache)
    assert len(entries(cache_dir, "templates")) == 2
    assert len(entries(cache_dir, "reports")) == 2


def test_the_fingerprint_changes_when_reportgen_is_edited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "reportgen"
    package.mkdir()
    write(package / "cache.py", "")
    monkeypatch.setattr(reportgen.cache.fingerprint, "PACKAGE", package)
    reportgen.cache.fingerprint.forget()
    before = reportgen.cache.fingerprint.code_fingerprint()
    write(package / "template.py", "# edited")
    reportgen.cache.fingerprint.forget()
    assert reportgen.cache.fingerprint.code_fingerprint() != before
    monkeypatch.undo()
    reportgen.cache.fingerprint.forget()


def test_a_report_folder_elsewhere_is_another_entry(
    tmp_path: Path, cache_dir: Path, cache: Cache
) -> None:
    make_workspace(tmp_path / "a")
    make_workspace(tmp_path / "b")
    [first] = render_reports(Workspace.at(tmp_path / "a"), cache=cache)
    [second] = render_reports(Workspace.at(tmp_path / "b"), cache=cache)
    assert first.read_bytes() == second.read_bytes()
    assert len(entries(cache_dir, "reports")) == 2
    assert len(entries(cache_dir, "templates")) == 1  # the same template bytes: one entry


def test_entries_unused_for_30_days_are_removed_and_used_ones_kept(
    tmp_path: Path, cache_dir: Path, cache: Cache
) -> None:
    make_workspace(tmp_path / "a")
    render_reports(Workspace.at(tmp_path / "a"), cache=cache)
    [template_entry] = entries(cache_dir, "templates")
    [report_entry] = entries(cache_dir, "reports")
    long_ago = time.time() - 40 * 24 * 3600
    for entry in (template_entry, report_entry):
        os.utime(entry, (long_ago, long_ago))
    render_reports(Workspace.at(tmp_path / "a"), cache=cache)  # used: both are kept another 30 days
    assert [entry.stat().st_mtime > long_ago for entry in (template_entry, report_entry)] == [
        True,
        True,
    ]

    os.utime(report_entry, (long_ago, long_ago))
    make_workspace(tmp_path / "b")
    render_reports(
        Workspace.at(tmp_path / "b"), cache=cache
    )  # writes an entry, and clears out the old
    assert report_entry not in entries(cache_dir, "reports")
    assert template_entry in entries(cache_dir, "templates")


def test_the_cache_command_shows_the_folder_and_clears_only_its_own_entries(
    tmp_path: Path,
    cache_dir: Path,
    capsys: pytest.CaptureFixture[str],
    cache: Cache,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_workspace(tmp_path)
    render_reports(Workspace.at(tmp_path), cache=cache)
    other = write(cache_dir / "notes.txt", "not reportgen's")
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(cache_dir))

    assert main(["cache"]) == 0
    assert re.fullmatch(
        rf"{re.escape(str(cache_dir))}: 1 template, 1 report, 0 drawings \(\d+ KB\)\n",
        capsys.readouterr().out,
    )

    assert main(["cache", "--clear"]) == 0
    assert capsys.readouterr().out == f"{cache_dir}: 2 entries removed\n"
    assert entries(cache_dir, "templates") == entries(cache_dir, "reports") == []
    assert other.is_file()
    [written] = render_reports(Workspace.at(tmp_path), cache=cache)  # checked and loaded afresh
    assert paragraph_texts(written) == RENDERED


def test_the_cache_command_says_when_the_cache_is_off(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REPORTGEN_NO_CACHE", "1")
    assert main(["cache", "--clear"]) == 0
    assert capsys.readouterr().out == "the cache is off (REPORTGEN_NO_CACHE is set)\n"
