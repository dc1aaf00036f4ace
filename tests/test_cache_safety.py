"""The cache is no way in: planted, damaged or foreign entries are never read back.

Entries hold compiled code and pickled objects. These tests plant entries that would run
code, flip bits, open the folder to others and point the cache at folders full of the
user's own files, and check that reportgen renders the same documents, runs nothing and
removes nothing that is not its own.
"""

from __future__ import annotations

import marshal
import os
import pickle
import random
import re
import stat
import subprocess
import time
from pathlib import Path

import pytest

import reportgen.cache.store
from minimal_workspace import RENDERED, make_workspace, paragraph_texts, write
from reportgen.api import check_reports, render_reports
from reportgen.cache import Cache, messages
from reportgen.cache.fingerprint import code_fingerprint
from reportgen.cache.store import KEY_FILE, MARKER, entry_name
from reportgen.cli import main
from reportgen.errors import OutputError
from reportgen.workspace import Workspace

#: A user id that is not the one running the tests (nobody's).
OTHER_USER = 65534
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("*/*.bin"))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def planted_entries(
    cache_dir: Path, report_dir: Path, template: bytes, canary: Path, *, sealed: bool = True
) -> None:
    """Write, under the names reportgen looks for, entries that make ``canary`` when read.

    The planter knows the layout but not the key: the seal is zeros, or missing.
    """

    class Planted:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return os.mkdir, (str(canary),)

    report_key = code_fingerprint() + b"\0" + str(report_dir.resolve()).encode()
    report_entry = {
        "format": 2,
        "listing": ["proposals.yaml", "report.yaml"],
        "inputs": [],
        "data": pickle.dumps(Planted()),
    }
    code = compile(f"import os\nos.mkdir({str(canary)!r})\n", "<template>", "exec")
    template_entry = {
        "format": 2,
        "variables": [],
        "parts": {"word/document.xml": ("", code, False)},
    }
    for kind, key, entry in (
        ("reports", report_key, report_entry),
        ("templates", code_fingerprint() + b"\0" + template, template_entry),
    ):
        path = cache_dir / kind / entry_name(key)
        payload = marshal.dumps(entry)
        path.write_bytes(b"reportgen-cache\x02" + bytes(32) + payload if sealed else payload)


def test_planted_entries_run_no_code_and_the_document_is_the_same(
    tmp_path: Path, cache_dir: Path
) -> None:
    report_dir = make_workspace(tmp_path / "ws")
    cache = Cache(cache_dir)
    render_reports(Workspace.at(tmp_path / "ws"), cache=cache)
    template = (tmp_path / "ws" / "templates" / "report.docx").read_bytes()
    canary = tmp_path / "code-ran"
    for sealed in (True, False):
        planted_entries(cache_dir, report_dir, template, canary, sealed=sealed)
        assert len(entries(cache_dir)) == 2  # -- the names reportgen reads: planted over --
        assert check_reports(Workspace.at(tmp_path / "ws"), cache=Cache(cache_dir)) == []
        planted_entries(cache_dir, report_dir, template, canary, sealed=sealed)
        [written] = render_reports(Workspace.at(tmp_path / "ws"), cache=Cache(cache_dir))
        assert not canary.exists()
        assert paragraph_texts(written) == RENDERED


def test_a_folder_others_can_write_is_not_used_and_says_why(
    tmp_path: Path,
    cache_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    report_dir = make_workspace(tmp_path / "ws")
    render_reports(Workspace.at(tmp_path / "ws"), cache=Cache(cache_dir))
    os.chmod(cache_dir, 0o777)  # -- a cache made under umask 000, or a shared /tmp folder --
    canary = tmp_path / "code-ran"
    template = (tmp_path / "ws" / "templates" / "report.docx").read_bytes()
    # -- even with the real key (read by someone before the folder was opened up) --
    key = (cache_dir / KEY_FILE).read_bytes()
    planted_entries(cache_dir, report_dir, template, canary)
    for path in entries(cache_dir):
        payload = path.read_bytes()[48:]
        kind, name = path.parent.name, path.name
        path.write_bytes(reportgen.cache.store._seal(key, kind, name, payload))
    before = sorted(cache_dir.rglob("*"))

    monkeypatch.chdir(tmp_path / "ws")
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(cache_dir))
    for command in (["check"], ["list"], ["render"]):
        assert main(command) == 0
        err = capsys.readouterr().err
        assert err == (
            f"warning: the cache is not used: {cache_dir}: can be changed by other users, so "
            "reportgen does not trust what it holds: make it yours alone (chmod 700) or name "
            "another folder\n"
        )
    assert not canary.exists()
    assert sorted(cache_dir.rglob("*")) == before  # -- nothing read, written or removed --
    assert main(["cache"]) == 0
    assert "can be changed by other users" in capsys.readouterr().out


def test_a_folder_of_another_user_is_not_used(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_workspace(tmp_path / "ws")
    render_reports(Workspace.at(tmp_path / "ws"), cache=Cache(cache_dir))
    if IS_ROOT:
        os.chown(cache_dir, OTHER_USER, OTHER_USER)
    else:  # -- only root can give a folder away: be another user instead --
        monkeypatch.setattr(reportgen.cache.store, "_USER", os.getuid() + 1)
    cache = Cache(cache_dir)
    assert str(cache.refusal()) == (
        "belongs to another user, so reportgen does not trust what it holds: name a folder "
        "of your own for the cache"
    )
    assert cache.templates.load(b"anything") is None
    assert cache.summary().entries == {"templates": 0, "reports": 0, "drawn": 0}


def test_an_entry_others_can_write_is_a_miss_and_made_again(
    tmp_path: Path, cache_dir: Path
) -> None:
    make_workspace(tmp_path / "ws")
    render_reports(Workspace.at(tmp_path / "ws"), cache=Cache(cache_dir))
    for path in entries(cache_dir):
        os.chmod(path, 0o666)
    render_reports(Workspace.at(tmp_path / "ws"), cache=Cache(cache_dir))
    assert [mode(path) for path in entries(cache_dir)] == [0o600, 0o600]


def test_the_folder_is_made_private_with_a_marker_and_a_private_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_workspace(tmp_path / "ws")
    os.umask(old := os.umask(0))  # -- made under umask 000, the folder is still private --
    try:
        render_reports(Workspace.at(tmp_path / "ws"), cache=Cache(tmp_path / "new" / "cache"))
    finally:
        os.umask(old)
    folder = tmp_path / "new" / "cache"
    assert mode(folder) == 0o700
    assert (folder / MARKER).read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55\n")
    assert mode(folder / KEY_FILE) == 0o600
    assert len((folder / KEY_FILE).read_bytes()) == 32
    assert [mode(path) for path in entries(folder)] == [0o600, 0o600]
    assert {mode(folder / kind) for kind in ("templates", "reports")} == {0o700}


def test_a_folder_holding_other_files_is_not_used_and_nothing_in_it_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # -- REPORTGEN_CACHE_DIR=. in a workspace: its templates and notes are the user's --
    root = tmp_path / "ws"
    make_workspace(root)
    (root / "reports").mkdir()
    notes = write(root / "reports" / "2022-notes.txt", "notes")
    long_ago = time.time() - 400 * 24 * 3600
    for path in [*root.rglob("*")]:
        os.utime(path, (long_ago, long_ago))
    before = {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}
    monkeypatch.chdir(root)
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", ".")

    assert main(["render"]) == 0
    assert "holds files that are not reportgen's cache" in capsys.readouterr().err
    assert main(["cache", "--clear"]) == 4
    assert capsys.readouterr().err == (
        "error: .: holds files that are not reportgen's cache, so reportgen keeps nothing there "
        "and removes nothing: name a new or empty folder for the cache\n"
    )
    after = {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}
    assert notes in after
    assert {path: data for path, data in after.items() if path.parent.name != "output"} == before


def test_only_its_own_files_are_removed_when_entries_expire_or_are_cleared(
    tmp_path: Path, cache_dir: Path
) -> None:
    make_workspace(tmp_path / "a")
    make_workspace(tmp_path / "b")
    cache = Cache(cache_dir)
    render_reports(Workspace.at(tmp_path / "a"), cache=cache)
    long_ago = time.time() - 40 * 24 * 3600
    theirs = [
        write(cache_dir / "reports" / "notes.txt", "not reportgen's"),
        write(cache_dir / "templates" / ("0" * 64 + ".txt"), "not an entry"),
        write(cache_dir / "notes.bin", "beside the subfolders"),
    ]
    leftover = write(cache_dir / "reports" / ("." + "a" * 64 + ".x1y2z3.part"), "killed run")
    for path in [*theirs, leftover, *entries(cache_dir)]:
        os.utime(path, (long_ago, long_ago))

    render_reports(Workspace.at(tmp_path / "b"), cache=Cache(cache_dir))  # -- writes one --
    assert not leftover.exists()
    assert all(path.exists() for path in theirs)
    assert len(entries(cache_dir)) == 2  # -- a's report entry expired; the template was used --
    assert Cache(cache_dir).clear() == 2
    assert all(path.exists() for path in theirs)


def test_the_cache_keeps_within_its_bound_least_recently_used_first(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in "abc":
        make_workspace(tmp_path / name)
    render_reports(Workspace.at(tmp_path / "a"), cache=Cache(cache_dir))
    [template_entry] = list(cache_dir.glob("templates/*.bin"))
    [report_a] = list(cache_dir.glob("reports/*.bin"))
    report_size = report_a.stat().st_size
    monkeypatch.setattr(
        reportgen.cache.store, "MAX_TOTAL_BYTES", template_entry.stat().st_size + 2 * report_size
    )
    render_reports(Workspace.at(tmp_path / "b"), cache=Cache(cache_dir))
    os.utime(report_a, (time.time() + 10, time.time() + 10))  # -- a used since b --
    render_reports(Workspace.at(tmp_path / "c"), cache=Cache(cache_dir))  # -- one too many --
    reports = {path.name for path in cache_dir.glob("reports/*.bin")}
    assert len(reports) == 2
    assert report_a.name in reports
    assert template_entry.exists()

    monkeypatch.setattr(reportgen.cache.store, "MAX_ENTRY_BYTES", 100)  # -- too big to keep --
    Cache(cache_dir).clear()
    render_reports(Workspace.at(tmp_path / "a"), cache=Cache(cache_dir))
    assert entries(cache_dir) == []


def test_a_flipped_bit_in_an_entry_is_a_miss(tmp_path: Path, cache_dir: Path) -> None:
    make_workspace(tmp_path / "ws")
    workspace = Workspace.at(tmp_path / "ws")
    [written] = render_reports(workspace, cache=Cache(cache_dir))
    expected = written.read_bytes()
    pristine = {path: path.read_bytes() for path in entries(cache_dir)}
    rng = random.Random(12)
    for round_ in range(24):
        path = sorted(pristine)[round_ % 2]
        data = bytearray(pristine[path])
        bit = rng.randrange(len(data) * 8)
        data[bit // 8] ^= 1 << (bit % 8)
        path.write_bytes(bytes(data))
        [written] = render_reports(workspace, cache=Cache(cache_dir))
        assert written.read_bytes() == expected, f"bit {bit} of {path.parent.name}"
        assert path.read_bytes() == pristine[path]  # -- a miss: the entry was written again --


def test_clearing_a_folder_that_cannot_be_changed_says_so(
    tmp_path: Path,
    cache_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_workspace(tmp_path / "ws")
    render_reports(Workspace.at(tmp_path / "ws"), cache=Cache(cache_dir))
    folders = [cache_dir / "templates", cache_dir / "reports"]
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(cache_dir))
    # -- root may remove files from a read-only folder, but not from an immutable one --
    lock, unlock = (["chattr", "+i"], ["chattr", "-i"]) if IS_ROOT else (None, None)
    for folder in folders:
        if lock is not None:
            subprocess.run([*lock, str(folder)], check=True)
        else:
            os.chmod(folder, 0o500)
    try:
        code = main(["cache", "--clear"])
    finally:
        for folder in folders:
            if unlock is not None:
                subprocess.run([*unlock, str(folder)], check=True)
            else:
                os.chmod(folder, 0o700)
    assert code == 4
    assert re.fullmatch(
        rf"error: {re.escape(str(cache_dir.resolve()))}: cannot remove the cache's entries "
        r"\(permission denied: the file may be open in another program such as Word or WPS, "
        r"or read-only\): check that you may change this folder\n",
        capsys.readouterr().err,
    )
    assert len(entries(cache_dir)) == 2


def test_a_cache_that_cannot_be_made_is_passed_over(tmp_path: Path) -> None:
    make_workspace(tmp_path / "ws")
    blocked = write(tmp_path / "file", "where the cache's parent folder should be")
    cache = Cache(blocked / "cache")
    [written] = render_reports(Workspace.at(tmp_path / "ws"), cache=cache)
    assert paragraph_texts(written) == RENDERED
    assert "cannot be used" in str(cache.refusal())
    with pytest.raises(OutputError):
        cache.clear()


def test_why_a_folder_is_not_used_is_said_in_chinese_too(cache_dir: Path) -> None:
    os.chmod(cache_dir, 0o777)
    refusal = Cache(cache_dir).refusal()
    assert refusal is not None
    assert messages.NOT_USED(reason=refusal).text("zh") == (
        "提醒：未使用缓存：其他用户也能修改该文件夹，reportgen 不使用其中的内容："
        "请改为仅本人可写（chmod 700），或指定其他文件夹"
    )


def test_a_cache_an_older_reportgen_made_is_taken_over(tmp_path: Path) -> None:
    make_workspace(tmp_path / "ws")
    folder = tmp_path / "cache"
    for kind in ("templates", "reports"):
        (folder / kind).mkdir(parents=True)
    old_entry = write(folder / "templates" / ("a" * 64 + ".bin"), "an entry of no seal")
    cache = Cache(folder)
    assert cache.refusal() is None
    [written] = render_reports(Workspace.at(tmp_path / "ws"), cache=cache)
    assert paragraph_texts(written) == RENDERED
    assert (folder / MARKER).is_file()
    assert old_entry.exists()  # -- a miss, left to expire as any unused entry --
