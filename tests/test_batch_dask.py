"""A batch on a real Dask cluster: local worker processes, and a scheduler by its address."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import BAD_TABLE, REPORT, render, winners, written
from reportgen.batch import Engine, render_batch
from reportgen.cli import main
from reportgen.prepare import Run
from reportgen.workspace import Workspace

distributed = pytest.importorskip("distributed", reason='pip install "reportgen[test]"')


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """Return the address of a cluster of two worker processes, kept for this module."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


def test_a_cluster_writes_the_files_a_local_batch_writes(
    certificates: Path, scheduler: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert render("-o", "local") == 0
    capsys.readouterr()

    assert render("--engine", "dask", "--scheduler", scheduler) == 0

    local = written(certificates / "local" / REPORT)
    assert written(certificates / "output" / REPORT) == local
    names = [f"output/{REPORT}/{row['number']}_{row['name']}.docx" for row in winners(certificates)]
    assert capsys.readouterr().out.splitlines() == names


def test_each_partition_is_an_archive_and_together_they_hold_every_document(
    certificates: Path, scheduler: str
) -> None:
    assert render("-o", "local") == 0
    run = Run(Workspace.find())
    engine = Engine("dask", scheduler=scheduler, partition_rows=5)

    result = render_batch(run, REPORT, archive=True, engine=engine, keep_paths=True)

    assert result.written == 12 and not result.problems
    folder = certificates / "output" / REPORT
    parts = ["part-00001.zip", "part-00002.zip", "part-00003.zip"]
    assert [path.name for path in result.paths] == parts
    documents: dict[str, bytes] = {}
    for part in parts:
        with zipfile.ZipFile(folder / part) as opened:
            documents |= {name: opened.read(name) for name in opened.namelist()}
    assert documents == written(certificates / "local" / REPORT)


def test_bad_rows_are_reported_as_in_a_local_batch(
    certificates: Path, scheduler: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (certificates / "data" / REPORT / "winners.csv").write_text(BAD_TABLE, encoding="utf-8")
    assert render("-o", "local") == 1
    local = capsys.readouterr()

    assert render("--engine", "dask", "--scheduler", scheduler) == 1

    on_cluster = capsys.readouterr()
    assert on_cluster.err == local.err
    assert on_cluster.out == local.out.replace("local/", "output/")
    assert "5 problems found" in on_cluster.err


def test_without_an_address_a_local_cluster_of_jobs_workers_is_started(
    certificates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert render("--engine", "dask", "--jobs", "2", "--zip") == 0

    assert capsys.readouterr().out.splitlines() == [f"output/{REPORT}/part-00001.zip"]
    with zipfile.ZipFile(certificates / "output" / REPORT / "part-00001.zip") as opened:
        assert len(opened.namelist()) == 12


def test_a_scheduler_without_the_dask_engine_is_a_usage_error(
    certificates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", REPORT, "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert capsys.readouterr().err == (
        "error: --scheduler names a Dask cluster: add --engine dask\n"
    )
