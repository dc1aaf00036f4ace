"""The benchmarks of scale: memory against rows, docxtemplater, Dask, and what a render imports.

Called by bench.py, whose helpers and workspace they use; each returns a section of
BENCHMARKS.md. Every comparison runs in interleaved rounds (A, B, C, then A, B, C again),
so that load from other programs on the machine falls on each alike.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench import (
    CERTIFICATES,
    NO_CACHE,
    SAMPLE,
    _certificates,
    _load_average,
    _ms,
    _reportgen_command,
    _section,
    _verdict,
)

if TYPE_CHECKING:
    from bench import Bench

NODE_FOLDER = Path(__file__).resolve().parent / "docxtemplater"
#: The packages whose first import a render pays, and docxtpl's for the bare script.
IMPORT_GROUPS = [
    "reportgen",
    "jinja2",
    "lxml",
    "yaml",
    "pydantic",
    "docxtpl_lint",
    "platformdirs",
    "docxtpl",
    "docx",
    "docxcompose",
]


def load_note() -> str:
    """Return the load average now, for a section's note."""
    return f"Load average at the end of this section: {_load_average()}."


# -- memory --


def memory(bench: Bench) -> str:
    """Render batches of ever more rows into an archive; weigh each process's peak memory."""
    sizes = [2_000, 20_000] if bench.settings.batch_rows < 1000 else [2_000, 100_000, 1_000_000]
    for size in sizes:
        if not (bench.workspace / "data" / f"certificates-{size}").exists():
            _certificates(bench.workspace, size)
    figures: dict[int, list[tuple[float, float]]] = {size: [] for size in sizes}
    # The million-row batch takes minutes: once. The others interleave in two rounds.
    for round_ in range(2):
        for size in sizes:
            if size >= 1_000_000 and round_:
                continue
            figures[size].append(_peak_of_batch(bench, size))
    rows = []
    for size in sizes:
        seconds = statistics.median(time for time, _ in figures[size])
        peak = max(peak for _, peak in figures[size])
        rows.append([f"{size:,}", f"{size / seconds:,.0f}", f"{peak:,.0f}"])
    largest = max(peak for _, peak in figures[sizes[-1]])
    once = sizes[-1] >= 1_000_000
    return _section(
        "Memory: batches of ever more rows, written as one .zip",
        ["rows", "rows per second", "peak memory (RSS), MB"],
        rows,
        f"Target: the million-row batch under 150 MB: {_verdict(largest < 150)} "
        f"({largest:,.0f} MB for {sizes[-1]:,} rows). Each is `reportgen render "
        "certificates-N --zip` as a process of its own, on one core, with no cache; peak "
        "memory is its maximum resident set size, the interpreter and its libraries "
        "included. Rows stream from the table to the archive; what grows with the rows is "
        "the check that no two rows write the same file: 16–32 bytes a row, twice that for a "
        "moment while it grows. Rows per second include starting Python, loading and checking. "
        + ("The million rows ran once, the others in two interleaved rounds. " if once else "")
        + load_note(),
    )


#: ``reportgen render`` run as the command runs it, then the process's own peak memory
#: printed: ru_maxrss of a forked child would start at the benchmark's, which is larger.
_RENDER_AND_WEIGH = """\
import json, sys
from reportgen.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "peak_mb": peak()}))
"""


def _peak_of_batch(bench: Bench, size: int) -> tuple[float, float]:
    """Return the seconds and the peak RSS (MB) of rendering ``size`` certificates to a .zip."""
    from bench import _peak_memory_mb

    out = Path(tempfile.mkdtemp(prefix="memory-", dir=bench.root))
    script = _function_source(_peak_memory_mb, "peak") + "\n" + _RENDER_AND_WEIGH
    command = [sys.executable, "-c", script, "render", f"certificates-{size}", "--zip", "-o"]
    started = time.perf_counter()
    completed = subprocess.run(
        [*command, str(out)],
        cwd=bench.workspace,
        env={**bench.environment, NO_CACHE: "1"},
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    figures = json.loads(completed.stdout.splitlines()[-1])
    assert figures["code"] == 0, completed.stderr
    shutil.rmtree(out)
    return seconds, float(figures["peak_mb"])


def _function_source(function: Callable[[], float], name: str) -> str:
    import inspect
    import textwrap

    source = textwrap.dedent(inspect.getsource(function))
    return "import sys\nfrom pathlib import Path\n" + source.replace(
        f"def {function.__name__}(", f"def {name}(", 1
    )


# -- docxtemplater --


def docxtemplater(bench: Bench) -> str:
    """Render the certificate batch with reportgen and with docxtemplater in node, as processes."""
    npm, node = shutil.which("npm"), shutil.which("node")
    title = "Side by side with docxtemplater (node): the certificate batch"
    if npm is None or node is None:
        return f"\n## {title}\n\nNot measured: node and npm are not installed on this machine.\n"
    if not (NODE_FOLDER / "node_modules" / "docxtemplater").is_dir():
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"], cwd=NODE_FOLDER, check=True, capture_output=True
        )
    sizes = [12, bench.settings.batch_rows]
    commands: dict[str, Callable[[], float]] = {}
    for size in sizes:
        report = CERTIFICATES if size == 12 else f"certificates-{size}"
        rows_file = _docxtemplater_rows(bench, report)
        out = bench.root / "side-by-side"
        template = str(bench.workspace / "templates" / "certificate.docx")
        commands[f"reportgen {size}"] = _timer(
            [*_reportgen_command(), "render", report, "-o", str(out)], bench, out
        )
        commands[f"docxtemplater {size}"] = _timer(
            [node, str(NODE_FOLDER / "render.js"), template, str(rows_file), str(out / "node")],
            bench,
            out,
        )
    times = _interleaved(commands, bench.settings.process_runs)
    rows = []
    for size in sizes:
        ours, theirs = times[f"reportgen {size}"], times[f"docxtemplater {size}"]
        rows.append(
            [f"{size:,} certificates", _ms(ours * 1000), _ms(theirs * 1000), f"{theirs / ours:.2f}"]
        )
    version = json.loads(
        (NODE_FOLDER / "node_modules" / "docxtemplater" / "package.json").read_text("utf-8")
    )["version"]
    node_version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout
    return _section(
        title,
        ["batch", "reportgen, ms", "docxtemplater, ms", "docxtemplater ÷ reportgen"],
        rows,
        f"Whole processes writing every certificate into a folder, each on one core: "
        "`reportgen render` (with its cache, as a clerk's second run) against a node script "
        f"(`benchmarks/docxtemplater/render.js`, docxtemplater {version}, node "
        f"{node_version.strip()}) given the rows and the report's facts already printed, "
        "as JSON; docxtemplater leaves out the seal picture reportgen places, and its "
        "`{% if %}` around it. reportgen also checks the data, the template and every "
        f"document it writes. Median of {bench.settings.process_runs} interleaved rounds. "
        + load_note(),
    )


def _docxtemplater_rows(bench: Bench, report: str) -> Path:
    """Write the rows, file names and printed facts of ``report`` as docxtemplater's input."""
    from reportgen.batch.plan import Task, check_report, plan_rows
    from reportgen.data.loader import load_report_data
    from reportgen.data.table import cell_text, open_table
    from reportgen.prepare import Run
    from reportgen.workspace import Workspace

    workspace = Workspace.at(bench.workspace)
    data = load_report_data(workspace.report_dir(report))
    assert data.facts.batch is not None
    path, compiled, variables = Run(workspace).template_for(data)
    table = open_table(data.directory / data.facts.batch.rows)
    wanted = check_report(data, data.facts.batch, path, compiled, variables, table)
    tasks = [item for item in plan_rows(data, data.facts.batch, table, wanted)]
    assert all(isinstance(task, Task) for task in tasks)
    facts = _printed_facts(path, data.context)
    rows_file = bench.root / f"{report}.json"
    rows_file.write_text(
        json.dumps(
            {
                "facts": facts,
                "rows": [
                    {column: cell_text(value) for column, value in task.row.fields.items()}
                    for task in tasks
                    if isinstance(task, Task)
                ],
                "names": [task.name for task in tasks if isinstance(task, Task)],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return rows_file


def _printed_facts(template: Path, context: dict[str, Any]) -> dict[str, str]:
    """Return each tag of ``template`` that prints a report's fact, printed as reportgen does.

    A tag reportgen alone understands (a picture) prints nothing: docxtemplater is given
    the text, not the seal.
    """
    import zipfile

    from reportgen.text.environment import make_environment

    environment = make_environment(for_docx=False)
    xml = zipfile.ZipFile(template).read("word/document.xml").decode()
    text = re.sub(r"<[^>]+>", "", xml)
    facts = {}
    for tag in re.findall(r"\{\{(.*?)\}\}", text):
        if tag.strip().startswith("row."):
            continue
        try:
            facts[tag.strip()] = environment.from_string("{{" + tag + "}}").render(context)
        except Exception:  # noqa: BLE001 - a tag only reportgen's render can print
            facts[tag.strip()] = ""
    return facts


def _timer(command: list[str], bench: Bench, out: Path) -> Callable[[], float]:
    def run() -> float:
        shutil.rmtree(out, ignore_errors=True)
        started = time.perf_counter()
        subprocess.run(
            command, cwd=bench.workspace, env=bench.environment, check=True, capture_output=True
        )
        return time.perf_counter() - started

    return run


def _interleaved(commands: dict[str, Callable[[], float]], rounds: int) -> dict[str, float]:
    """Return each command's median time, one run of each a round; a first round warms up."""
    for run in commands.values():
        run()
    times: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(rounds):
        for label, run in commands.items():
            times[label].append(run())
    return {label: statistics.median(values) for label, values in times.items()}


# -- Dask --


def dask(bench: Bench) -> str:
    """Time a batch on a local Dask cluster of one worker and of two, with --jobs beside."""
    title = "A batch on a Dask cluster: one worker and two"
    try:
        from distributed import LocalCluster
    except ImportError:
        return f'\n## {title}\n\nNot measured: `pip install "reportgen[dask]"` first.\n'
    from reportgen.batch import Engine, render_batch
    from reportgen.cache import Cache
    from reportgen.prepare import Run
    from reportgen.workspace import Workspace

    size = 20_000 if bench.settings.batch_rows >= 1000 else 2_000
    report = f"certificates-{size}"
    if not (bench.workspace / "data" / report).exists():
        _certificates(bench.workspace, size)
    workspace = Workspace.at(bench.workspace)
    clusters = {
        workers: LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        for workers in (1, 2)
    }
    engines = {
        "Dask, 1 worker": Engine(
            "dask", scheduler=clusters[1].scheduler_address, partition_rows=2000
        ),
        "Dask, 2 workers": Engine(
            "dask", scheduler=clusters[2].scheduler_address, partition_rows=2000
        ),
        "local, `--jobs 1`": Engine("local", jobs=1),
        "local, `--jobs 2`": Engine("local", jobs=2),
    }
    times: dict[str, list[float]] = {label: [] for label in engines}
    try:
        for _ in range(max(2, bench.settings.rounds)):
            for label, engine in engines.items():
                out = bench.root / "dask-out"
                started = time.perf_counter()
                result = render_batch(
                    Run(workspace, Cache(bench.cache_dir)), report, out, archive=True, engine=engine
                )
                times[label].append(time.perf_counter() - started)
                assert result.written == size and not result.problems, result.problems
                shutil.rmtree(out)
    finally:
        for cluster in clusters.values():
            cluster.close()
    medians = {label: statistics.median(values) for label, values in times.items()}
    one = medians["Dask, 1 worker"]
    rows = [
        [label, f"{size / seconds:,.0f}", f"{one / seconds:.2f}"]
        for label, seconds in medians.items()
    ]
    return _section(
        title,
        ["engine", "rows per second", "× Dask, 1 worker"],
        rows,
        f"{size:,} certificates in partitions of 2,000 rows, each written by its worker as one "
        ".zip; the clusters were started before the clock (a local one takes about two "
        "seconds), on this machine's "
        f"{os.cpu_count()} cores, in {max(2, bench.settings.rounds)} interleaved rounds. "
        "The local engine writes one .zip in the parent instead. "
        + load_note()
        + "\n\n"
        + MILLION_PLAN.format(
            rate=size / one,
            one=_hours(1_000_000 * one / size),
            sixteen=_hours(1_000_000 * one / size / 16),
        ),
    )


def _hours(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:.1f} hours"
    return f"{seconds / 60:.0f} minutes" if seconds >= 120 else f"{seconds:.0f} seconds"


MILLION_PLAN = """\
**A million rows on N machines.** Rendering is a pure function of (template, row), so it
scales with the workers: at the one-worker rate above ({rate:,.0f} rows a second), a
million certificates take one worker about {one}, and N single-core workers about 1/N of
that ({sixteen} on 16), while the scheduler's machine only reads the table, names the
files and checks that no two rows write the same one (some 20,000 rows a second, so 50 s
for a million, and 16–32 MB). Each partition of 10,000 rows is one task and one .zip of about 200 MB
(`--zip`), written by its worker straight into the shared output folder: 100 archives
instead of a million files, and the documents never cross the network twice. What to
set up: the same Python and `pip install "reportgen[dask]"` on every machine, the output
folder mounted at the same path everywhere (NFS or SMB, with room for about 20 KB a
document), `dask scheduler` on one machine and `dask worker tcp://SCHEDULER:8786
--nworkers auto --nthreads 1` on each, then `reportgen render REPORT --engine dask --zip
--scheduler tcp://SCHEDULER:8786`. A worker lost mid-partition has its partition run
again on another; the archive is moved into place only when whole. Ray would do the same
work, but a batch needs no actors, object store or GPU scheduling, and Dask's
`distributed` is a pure-Python install that starts a local cluster in the same call,
so Dask fits better here."""


# -- imports --


def imports(bench: Bench) -> str:
    """Show what a first render imports, with ``python -X importtime``, against docxtpl's.

    Twice: with no cache (the template checked, the data loaded), and after a data file was
    edited (the data loaded again, the template read from the cache).
    """
    render = (
        "import sys; from reportgen.cli import main; "
        f"sys.exit(main(['render', '{SAMPLE}', '-o', {str(bench.root / 'imports')!r}]))"
    )
    command = [sys.executable, "-X", "importtime", "-c", render]
    uncached = _import_times(command, bench, {NO_CACHE: "1"})
    part = bench.workspace / "data" / SAMPLE / "skills.yaml"
    text = part.read_text(encoding="utf-8")
    edits = iter(range(1_000_000))

    def edit_a_part() -> None:
        part.write_text(f"{text}# edit {next(edits)}\n", encoding="utf-8")

    try:
        edited = _import_times(command, bench, {}, before=edit_a_part)
    finally:
        part.write_text(text, encoding="utf-8")
    bare = _import_times([sys.executable, "-X", "importtime", "-c", "import docxtpl"], bench, {})
    rows = []
    for group in IMPORT_GROUPS:
        if any(group in times for times in (uncached, edited, bare)):
            rows.append(
                [f"`{group}`", *(_ms_or_none(times, group) for times in (uncached, edited, bare))]
            )
    rows.append(["all imports", *(_ms(sum(times.values())) for times in (uncached, edited, bare))])
    return _section(
        "What the first render imports (`python -X importtime`)",
        [
            "package",
            "`reportgen render` with no cache, ms",
            "after a data file was edited, ms",
            "the bare docxtpl script, ms",
        ],
        rows,
        "Each package's own modules, summed (`self` times), in one run with bytecode compiled; "
        "median of 5 runs each. After an edit the template comes from the cache, so "
        "docxtpl-lint is not imported. A render reads the .docx with zipfile and "
        "lxml and prepares it with docxtpl's own preprocessing, taken from docxtpl's bytecode "
        "(or compiled from its source) with `re` alone, so neither docxtpl nor python-docx "
        "is imported. " + load_note(),
    )


def _ms_or_none(times: dict[str, float], group: str) -> str:
    return _ms(times[group]) if group in times else "not imported"


def _import_times(
    command: list[str],
    bench: Bench,
    environment: dict[str, str],
    before: Callable[[], None] | None = None,
) -> dict[str, float]:
    """Return the median milliseconds each top-level package's modules took to import."""
    runs: list[dict[str, float]] = []
    for _ in range(6):
        if before is not None:
            before()
        completed = subprocess.run(
            command,
            cwd=bench.workspace,
            env={**bench.environment, **environment},
            capture_output=True,
            text=True,
            check=True,
        )
        totals: dict[str, float] = {}
        for line in completed.stderr.splitlines():
            match = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", line)
            if match:
                package = match.group(2).split(".")[0]
                totals[package] = totals.get(package, 0) + int(match.group(1)) / 1000
        runs.append(totals)
    runs = runs[1:]  # the first run compiles bytecode
    packages = {package for totals in runs for package in totals}
    return {
        package: statistics.median(totals.get(package, 0) for totals in runs)
        for package in packages
    }
