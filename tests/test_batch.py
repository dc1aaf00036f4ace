"""Batches: one document for each row of a table, from one compiled template.

The sample batch, data/ankang-certificates, writes a 荣誉证书 for each 安康杯 award
winner in winners.csv. The tests run it through the command line, change its table
to hold bad rows, and compare its files byte for byte with single renders.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from helpers import BAD_TABLE, REPORT, TEMPLATE, render, winners, written
from reportgen.batch import workers
from reportgen.cli import main
from reportgen.data.figures import Group
from reportgen.data.loader import load_report_data
from reportgen.prepare import document_properties
from reportgen.template.compiled import CompiledTemplate

REPO = Path(__file__).resolve().parent.parent


def test_sample_batch_writes_a_certificate_for_each_row(
    certificates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert render() == 0

    rows = winners(certificates)
    names = [f"{row['number']}_{row['name']}.docx" for row in rows]
    assert len(rows) == 12
    assert list(written(certificates / "output" / REPORT)) == sorted(names)
    # One line a file, in the table's order, as a script reading the output wants.
    assert capsys.readouterr().out.splitlines() == [f"output/{REPORT}/{name}" for name in names]
    certificate = docx.Document(str(certificates / "output" / REPORT / names[6]))
    assert [paragraph.text for paragraph in certificate.paragraphs] == [
        "荣誉证书",
        "长江钢铁集团有限公司炼钢厂转炉车间甲班：",
        "在2023年度全市“安康杯”竞赛中，被评为优胜班组。",
        "特发此证，以资鼓励。",
        "市总工会",
        "2024年1月18日",
        "证书编号：AK2023-07",
    ]


def test_files_named_as_windows_shows_them_are_the_files(
    certificates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Windows hides .csv and .png: rows: winners and seal: seal were refused as no table and
    # no picture, beside winners.csv and seal.png.
    assert render() == 0
    before = written(certificates / "output" / REPORT)
    report = certificates / "data" / REPORT / "report.yaml"
    text = report.read_text("utf-8").replace("rows: winners.csv", "rows: Winners")
    report.write_text(text.replace("seal: seal.png", "seal: seal"), "utf-8")
    shutil.rmtree(certificates / "output")
    capsys.readouterr()
    assert render() == 0
    assert written(certificates / "output" / REPORT) == before
    assert main(["list"]) == 0
    assert "    data      data/ankang-certificates/ (report.yaml and winners.csv)" in (
        capsys.readouterr().out.splitlines()
    )


def test_each_row_is_the_document_a_single_render_of_its_data_writes(certificates: Path) -> None:
    assert render() == 0

    # What the single-report path does for one document (prepare.Run.render_report): a template
    # compiled for it alone, rendered with the report's data and written as it is.
    data = load_report_data(certificates / "data" / REPORT)
    for row in winners(certificates):
        template = CompiledTemplate(certificates / "templates" / TEMPLATE)
        context = {**data.context, "row": Group("row", row)}
        single = template.render(context, document_properties(data))
        path = certificates / "output" / REPORT / f"{row['number']}_{row['name']}.docx"
        assert path.read_bytes() == single, path.name


def test_a_row_is_the_file_render_writes_for_a_single_report(certificates: Path) -> None:
    # The same facts and template once as a single report, once as a batch of two rows
    # that the template does not print: every file is the single report's, byte for byte.
    template = docx.Document()
    for text in ("{{ title }}", "{{ organisation }}", "{{ date | cn_date }}"):
        template.add_paragraph(text)
    template.save(str(certificates / "templates" / "notice.docx"))
    batch_folder = certificates / "data" / REPORT
    single_folder = certificates / "data" / "notice"
    single_folder.mkdir()
    facts = (batch_folder / "report.yaml").read_text(encoding="utf-8")
    facts = facts.replace("template: certificate.docx", "template: notice.docx")
    (batch_folder / "report.yaml").write_text(facts, encoding="utf-8")
    single = facts[: facts.index("batch:")] + 'output: "notice"\n'
    (single_folder / "report.yaml").write_text(single, encoding="utf-8")
    shutil.copy(batch_folder / "seal.png", single_folder / "seal.png")

    assert main(["render", "notice", REPORT, "--jobs", "2"]) == 0

    expected = (certificates / "output" / "notice.docx").read_bytes()
    files = written(certificates / "output" / REPORT)
    assert len(files) == 12
    assert set(files.values()) == {expected}


def test_each_row_renders_as_it_does_alone(certificates: Path) -> None:
    # Rows rendered one after another from one compiled template share nothing.
    table = certificates / "data" / REPORT / "winners.csv"
    header, *lines = table.read_text(encoding="utf-8").splitlines()
    assert render() == 0
    together = written(certificates / "output" / REPORT)
    for line in lines:
        table.write_text(f"{header}\n{line}\n", encoding="utf-8")
        assert render("-o", "alone") == 0
    assert written(certificates / "alone" / REPORT) == together


def test_two_jobs_write_the_same_files_as_one(certificates: Path) -> None:
    assert render("-o", "one") == 0
    assert render("-o", "two", "--jobs", "2") == 0

    one = written(certificates / "one" / REPORT)
    assert len(one) == 12
    assert written(certificates / "two" / REPORT) == one
    # Each worker made its files in a folder of its own: moved in, and the folder gone.
    assert [path.name for path in (certificates / "two" / REPORT).glob(".*")] == []


def test_workers_started_afresh_write_the_same_files(
    certificates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # spawn, as on Windows and macOS: each worker imports reportgen and gets the data pickled.
    monkeypatch.setattr(workers, "START_METHOD", "spawn")
    assert render("-o", "one") == 0
    assert render("-o", "spawned", "--jobs", "2") == 0

    assert written(certificates / "spawned" / REPORT) == written(certificates / "one" / REPORT)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_rows_are_reported_at_their_line_and_good_rows_still_render(
    certificates: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    table = certificates / "data" / REPORT / "winners.csv"
    table.write_text(BAD_TABLE, encoding="utf-8")

    assert render("--jobs", jobs) == 1

    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"output/{REPORT}/AK2023-01_长江钢铁集团有限公司.docx",
        f"output/{REPORT}/AK2023-06_市自来水有限公司.docx",
        f"output/{REPORT}/AK2023-07_长江电力股份有限公司 检修分公司.docx",
        f"output/{REPORT}/AK2023-08_市燃气集团有限公司.docx",
    ]
    assert err.splitlines() == [
        f"{table}:3: row.name: contains the control character U+0007 at character 4 "
        "(pasted from another program?): delete it",
        f"{table}:4: the row has 2 cells, but the table has 3 columns (number, name, award): "
        "check for a missing or extra comma",
        f"{table}:6: row.name: is empty: write the text",
        f"{table}:7: {TEMPLATE}, body: a tag was not rendered and is left in the document: "
        "…荣誉证书{{ 张三 }}：在2023年度全市“安康杯…",
        f"{table}:9: writes AK2023-06_市自来水有限公司.docx, as the row on line 8 does: "
        "make batch.output name a column that tells them apart",
        "5 problems found",
    ]
    assert len(written(certificates / "output" / REPORT)) == 4


def test_a_yaml_table_reports_bad_rows_at_their_line(
    certificates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = certificates / "data" / REPORT
    (folder / "winners.csv").unlink()
    report = folder / "report.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("rows: winners.csv", "rows: winners.yaml"),
        encoding="utf-8",
    )
    table = folder / "winners.yaml"
    table.write_text(
        "- number: AK2023-01\n"
        "  name: 长江钢铁集团有限公司\n"
        "  award: 优胜单位\n"
        "- number: AK2023-02\n"
        "  name: ~\n"
        "  award: 优胜单位\n"
        "- number: AK2023-03\n"
        "  award: 优胜单位\n"
        '- {number: AK2023-04, name: "市公共交通\\a集团", award: 优胜单位}\n'
        "- number: 5\n"
        "  name: 市自来水有限公司\n"
        "  award: [优胜单位]\n",
        encoding="utf-8",
    )

    assert render() == 1

    out, err = capsys.readouterr()
    assert out.splitlines() == [f"output/{REPORT}/AK2023-01_长江钢铁集团有限公司.docx"]
    assert err.splitlines() == [
        f"{table}:5:3: row.name: is empty: write the text",
        f"{table}:7: no 'name': the template or batch.output uses it",
        f"{table}:9:23: row.name: contains the control character U+0007 at character 6 "
        "(pasted from another program?): delete it",
        f"{table}:12:3: row.award: should be text, a number or a date, not a list",
        "4 problems found",
    ]


def test_a_column_the_template_needs_missing_from_the_table_stops_the_batch(
    certificates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = certificates / "data" / REPORT / "winners.csv"
    table.write_text("number,nmae,award\nAK2023-01,长江钢铁集团有限公司,优胜单位\n", "utf-8")

    assert render() == 1

    assert capsys.readouterr().err.splitlines() == [
        f"{table}:1: the template or batch.output uses row.name, but the table has no "
        "column 'name' (columns: number, nmae, award)",
        "1 problem found",
    ]
    assert not (certificates / "output").exists()


def test_a_column_named_twice_matters_only_to_a_template_printing_it(
    certificates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # -- a sheet often repeats a heading no document prints (备注 beside each group) --
    table = certificates / "data" / REPORT / "winners.csv"
    rows = "AK2023-01,长江钢铁集团有限公司,甲,优胜单位,乙\n"
    table.write_text("number,name,备注,award,备注\n" + rows, "utf-8")
    assert render() == 0
    assert len(written(certificates / "output" / REPORT)) == 1

    table.write_text("number,name,award,name\n" + "AK2023-01,长江钢铁,优胜单位,另一家\n", "utf-8")
    assert render() == 1
    assert capsys.readouterr().err.splitlines()[-2:] == [
        f"{table}:1: column 4: 'name' names another column too: give each column a name of its own",
        "1 problem found",
    ]


def test_check_lists_the_bad_rows_and_writes_nothing(
    certificates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = certificates / "data" / REPORT / "winners.csv"
    table.write_text(BAD_TABLE, encoding="utf-8")

    assert main(["check", REPORT]) == 1

    lines = capsys.readouterr().err.removeprefix("error: ").splitlines()
    assert [line.split(": ")[0] for line in lines] == [
        *(f"{table}:{line}" for line in (3, 4, 6, 7, 9)),
        "5 problems found",
    ]
    assert not (certificates / "output").exists()


@pytest.mark.parametrize(
    ("output", "message"),
    [
        (
            "{organisation}",
            "should name a column, such as {row.name}, so that each row gets its own file",
        ),
        (
            "{row.name:>10}",
            "cannot use {row.name:>10}: write {row.column} for a column of the table, "
            "or one of {organisation}, {title}, {start}, {end}",
        ),
        # -- Python's words, in English in the Chinese message too: expected '}' before … --
        ("{row.name", "cannot read the braces (a { is not closed by }): write {row.name}"),
        ("row.name}", "cannot read the braces (a } has no { before it): write {row.name}"),
    ],
)
def test_a_file_name_pattern_must_name_a_column(
    certificates: Path, capsys: pytest.CaptureFixture[str], output: str, message: str
) -> None:
    report = certificates / "data" / REPORT / "report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace('"{row.number}_{row.name}"', f'"{output}"'), encoding="utf-8")

    assert render() == 1

    assert capsys.readouterr().err.splitlines() == [
        f"{report}:14:3: report.batch.output: {message}",
        "1 problem found",
    ]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_total_row_under_the_table_makes_no_document_and_is_said(
    certificates: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    # -- a clerk's list ends in the row Excel's AutoSum made: a certificate for 合计 was
    # written without a word, as if it were a winner --
    rows = [
        ["number", "name", "award"],
        ["AK2023-01", "长江钢铁集团有限公司", "优胜单位"],
        ["AK2023-02", "市第一建筑工程有限公司", "优胜单位"],
        ["合  计", "2家", "—"],
    ]
    folder = certificates / "data" / REPORT
    table = folder / f"winners.{kind}"
    if kind == "csv":
        table.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")
    else:
        import openpyxl

        workbook = openpyxl.Workbook()
        assert workbook.active is not None
        workbook.active.title = "名单"
        for row in rows:
            workbook.active.append(row)
        workbook.save(table)
        report = folder / "report.yaml"
        report.write_text(
            report.read_text(encoding="utf-8").replace("rows: winners.csv", "rows: winners.xlsx"),
            encoding="utf-8",
        )

    assert render() == 0

    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"output/{REPORT}/AK2023-01_长江钢铁集团有限公司.docx",
        f"output/{REPORT}/AK2023-02_市第一建筑工程有限公司.docx",
    ]
    place = f"{table}:4" if kind == "csv" else f"{table}:名单!A4"
    assert err.splitlines() == [
        f"warning: {place}: the row says 合  计, a total of the rows above, not a row of its "
        "own: no document is made for it"
    ]
    assert len(written(certificates / "output" / REPORT)) == 2


def test_a_table_whose_every_row_has_a_problem_lists_the_first_rows_and_counts_the_rest(
    certificates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # -- each row's problems were all kept and printed: a million rows lacking a name took
    # 3 GB, and the clerk a screenful of thousands of lines --
    table = certificates / "data" / REPORT / "winners.csv"
    rows = 1000 + 2500
    table.write_text(
        "number,name,award\n" + "".join(f"AK-{n},,优胜单位\n" for n in range(rows)),
        encoding="utf-8",
    )

    assert main(["check", REPORT]) == 1

    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{table}:2: row.name: is empty: write the text"
    assert err[999] == f"{table}:1001: row.name: is empty: write the text"
    assert err[1000:] == [
        f"{table}:1002: 2500 more rows from this row on have problems, not listed: "
        "correct those above, then check again",
        "1001 problems found",
    ]
