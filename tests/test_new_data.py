"""From a department's .docx to a rendered document: new-data, fill in, render.

Each template made by hand (the youth league's annual summary, the women workers' committee's
report, the training notice) goes the way a department goes: ``reportgen new-data`` writes the
data in the template's shape, ``check`` lists each field still to fill, the report renders at
once with 【待填写】 showing, the clerk fills each field in, and it renders as meant.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import docx
import pytest

from reportgen.cli import main

REPO = Path(__file__).resolve().parent.parent
PENDING = "【待填写】"


@pytest.fixture
def department(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return an empty workspace holding the three hand-made templates, as the current folder."""
    (tmp_path / "data").mkdir()
    (tmp_path / "templates").mkdir()
    for name in ("annual-summary", "women-committee-report", "training-notice"):
        shutil.copy(REPO / "templates" / f"{name}.docx", tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def fill(path: Path, values: list[str]) -> None:
    """Replace each placeholder in the file at ``path``, in order, with the next of ``values``."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    filled = iter(values)
    for index, line in enumerate(lines):
        if not line.startswith("#"):
            while PENDING in line.split("#", 1)[0]:
                line = line.replace(PENDING, next(filled), 1)
            lines[index] = line
    assert next(filled, None) is None, "a value is left over"
    path.write_text("".join(lines), encoding="utf-8")


def paragraphs(path: Path) -> list[str]:
    return [paragraph.text for paragraph in docx.Document(str(path)).paragraphs]


def table(path: Path) -> list[list[str]]:
    (grid,) = docx.Document(str(path)).tables
    return [[cell.text for cell in row.cells] for row in grid.rows]


def made(capsys: pytest.CaptureFixture[str], template: str, name: str, count: int) -> Path:
    """Run new-data, and check what it says and what check then lists; return the data file."""
    assert main(["new-data", template, name]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"data/{name}/report.yaml",
        f"{count} fields to fill in (each says 【待填写】): 'reportgen check {name}' lists them, "
        f"'reportgen render {name}' renders it now",
    ]
    assert main(["check", name]) == 0
    out, err = capsys.readouterr()
    assert out == (
        f"1 report checked: no errors, {count} warnings above (the reports render; "
        "better to fix them first)\n"
    )
    lines = err.splitlines()
    assert len(lines) == count
    assert all(line.startswith("warning: ") and "still says 【待填写】" in line for line in lines)
    return Path("data") / name / "report.yaml"


def rendered(capsys: pytest.CaptureFixture[str], name: str) -> Path:
    assert main(["render", name]) == 0
    (written,) = capsys.readouterr().out.splitlines()
    return Path(written)


COMMITTEE_SKELETON = [
    "# yaml-language-server: $schema=../../schemas/report.schema.json",
    "# 《women-committee-report.docx》的数据，由 reportgen new-data 按模板用到的字段写出。",
    "# 把每个【待填写】改成实际内容：reportgen check 会逐条列出还没填的，",
    "# reportgen render 随时可生成文档（没填的地方印作【待填写】）。",
    "template: women-committee-report.docx   # 使用的模板（templates 文件夹中）",
    "org_name: 【待填写】                    # 印在正文第1段、正文第12段",
    "year: 【待填写】                        # 印在正文第1段",
    "addressee: 【待填写】                   # 印在正文第3段",
    "opening: 【待填写】                     # 印在正文第4段",
    "work_items:                             # 列表，每项一条（复制可增加），印在正文第6段起",
    "  - no: 【待填写】                      # 印在正文第6段",
    "    title: 【待填写】                   # 印在正文第6段",
    "    text: 【待填写】                    # 印在正文第7段",
    "figures:                                # 列表，每项一条（复制可增加），"
    "印在正文表1第3行第1格起",
    "  - name: 【待填写】                    # 印在正文表1第3行第1格",
    "    value: 【待填写】                   # 印在正文表1第3行第2格",
    "    unit: 【待填写】                    # 印在正文表1第3行第3格",
    "closing: 【待填写】                     # 印在正文第10段",
    "date: 【待填写】                        # 日期，写作 2024年1月15日，印在正文第13段",
]


def test_the_committees_template_to_its_document(
    department: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = made(capsys, "women-committee-report", "committee", 12)
    assert data.read_text(encoding="utf-8").splitlines() == COMMITTEE_SKELETON

    at_once = rendered(capsys, "committee")
    assert paragraphs(at_once)[:4] == [f"{PENDING}{PENDING}年工作报告", "", f"{PENDING}：", PENDING]
    assert table(at_once)[1] == [PENDING, PENDING, PENDING]

    fill(
        data,
        [
            "市总工会女职工委员会",
            "2023",
            "市总工会",
            "2023年，女职工委员会各项工作取得新成效。",
            "一",
            "维权工作不断深化",
            "全年推动签订专项集体合同312份。",
            "专项集体合同",
            "312",
            "份",
            "2024年，我们将继续努力。",
            "2024年1月15日",
        ],
    )
    assert main(["check", "committee"]) == 0
    assert capsys.readouterr().err == ""
    written = rendered(capsys, "committee")
    assert paragraphs(written) == [
        "市总工会女职工委员会2023年工作报告",
        "",
        "市总工会：",
        "2023年，女职工委员会各项工作取得新成效。",
        "一、维权工作不断深化",
        "全年推动签订专项集体合同312份。",
        "附：主要工作数据",
        "2024年，我们将继续努力。",
        "",
        "市总工会女职工委员会",
        "2024年1月15日",
    ]
    assert table(written) == [["项目", "数量", "单位"], ["专项集体合同", "312", "份"]]


def test_the_notices_template_to_its_document(
    department: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = made(capsys, "training-notice", "notice", 20)
    at_once = rendered(capsys, "notice")
    assert paragraphs(at_once)[0] == f"关于举办{PENDING}的通知"

    fill(
        data,
        [
            "财务干部培训班",
            "2024年3月18日",
            "2024年3月20日",
            "市职工培训中心",
            "人民路88号",
            "各区县总工会",
            "为提高业务水平，决定举办培训班。",
            "各单位财务人员，",
            "2",
            "60",
            "3月18日",
            "9:00",
            "经费管理",
            "王丽",
            "部长",
            "按时报到。",
            "李明",
            "0571-88886666",
            "市总工会办公室",
            "2024年3月1日",
        ],
    )
    written = rendered(capsys, "notice")
    texts = paragraphs(written)
    assert texts[0] == "关于举办财务干部培训班的通知"
    assert "各区县总工会：" in texts
    assert "时间：2024年3月18日至2024年3月20日。" in texts
    assert "各单位财务人员，每单位二名，共60人。" in texts
    assert "（一）按时报到。" in texts
    assert "联系人：李明，电话：0571-88886666。" in texts
    assert texts[-2:] == ["市总工会办公室", "2024年3月1日"]
    assert table(written)[1] == ["3月18日", "9:00", "经费管理", "王丽（部长）"]


def test_the_youth_leagues_template_to_its_document(
    department: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = made(capsys, "annual-summary", "summary", 11)
    year = dt.date.today().year
    assert "\n  indicators:" in data.read_text(encoding="utf-8")
    at_once = rendered(capsys, "summary")
    assert paragraphs(at_once)[0] == f"{PENDING}{year}年{PENDING}"
    assert table(at_once)[1] == [PENDING, PENDING, PENDING, PENDING, PENDING]

    fill(
        data,
        [
            "共青团江州市委员会",
            "工作总结",
            "全年工作取得新进展。",
            "坚持思想引领",
            "开展主题宣讲420多场。",
            "团市委将继续努力。",
            "2024年1月12日",
            "3126",
            "新发展团员",
            "名",
            "2980",
        ],
    )
    written = rendered(capsys, "summary")
    assert written.name == f"共青团江州市委员会_{year}_工作总结.docx"
    texts = paragraphs(written)
    assert texts[0] == f"共青团江州市委员会{year}年工作总结"
    assert "一、坚持思想引领" in texts
    assert "开展主题宣讲420多场。" in texts
    assert texts[-1] == "2024年1月12日"
    assert table(written)[1] == ["新发展团员", "名", "3126", "2980", "增长5%"]


def test_a_template_elsewhere_is_copied_into_the_templates(
    department: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    desktop = tmp_path_factory.mktemp("desktop")
    dropped = desktop / "通知模板.docx"
    shutil.copy(REPO / "templates" / "training-notice.docx", dropped)
    assert main(["new-data", str(dropped), "notice"]) == 0
    assert (department / "templates" / "通知模板.docx").read_bytes() == dropped.read_bytes()
    data = (department / "data" / "notice" / "report.yaml").read_text(encoding="utf-8")
    assert "template: 通知模板.docx" in data


@pytest.mark.parametrize("name", ["notice", "Notice"])
def test_new_data_never_overwrites_a_report(
    department: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    # -- Notice beside notice was made: Windows and macOS, where a workspace is copied,
    # take the two for one --
    (department / "data" / "notice").mkdir()
    assert main(["new-data", "training-notice", name]) == 3
    assert capsys.readouterr().err == (
        f"error: {department / 'data' / 'notice'}: already exists: choose another name for the "
        "report, or delete the folder; nothing was written\n"
    )
    assert list((department / "data" / "notice").iterdir()) == []


def test_new_data_never_copies_in_a_template_windows_takes_for_one_there(
    department: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    # -- Training-Notice.docx was copied beside training-notice.docx --
    dropped = tmp_path_factory.mktemp("desktop") / "Training-Notice.docx"
    shutil.copy(REPO / "templates" / "training-notice.docx", dropped)
    assert main(["new-data", str(dropped), "second"]) == 3
    assert capsys.readouterr().err.startswith(
        f"error: {department / 'templates' / 'training-notice.docx'}: "
    )
    assert not (department / "data" / "second").exists()
    assert not (department / "templates" / "Training-Notice.docx").exists()


def test_new_data_says_what_to_do_in_chinese(
    department: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPORTGEN_LANG", "zh")
    try:
        assert main(["new-data", "training-notice", "notice"]) == 0
    finally:
        from reportgen.i18n import set_language

        set_language("en")
    assert capsys.readouterr().out.splitlines()[-1] == (
        "共 20 处待填写（写着“【待填写】”）：“reportgen check notice”会逐条列出，"
        "“reportgen render notice”现在就可以生成文档"
    )


def test_data_for_a_template_that_signs_renders_at_once_and_signs_when_filled(
    department: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # -- the starter template prints {{p official.signature }}, the organisation and the
    # date: new-data wrote no date, and the render it promised failed at official.signature --
    assert main(["new-department", "dept"]) == 0
    shutil.rmtree(department / "data" / "dept")
    capsys.readouterr()
    assert main(["new-data", "dept.docx", "dept"]) == 0
    capsys.readouterr()
    data = department / "data" / "dept" / "report.yaml"
    assert f"date: {PENDING}" in data.read_text(encoding="utf-8")

    assert main(["render", "dept"]) == 0
    [written] = (department / "output").iterdir()
    assert paragraphs(written)[-2:] == [PENDING, PENDING]

    text = data.read_text(encoding="utf-8")
    text = text.replace(f"organisation: {PENDING}", "organisation: 江州市妇女联合会")
    data.write_text(text.replace(f"date: {PENDING}", "date: 2024-03-15"), encoding="utf-8")
    assert main(["render", "dept"]) == 0
    written = max((department / "output").iterdir(), key=lambda path: path.stat().st_mtime_ns)
    assert paragraphs(written)[-2:] == ["江州市妇女联合会", "2024年3月15日"]


def test_a_template_of_many_fields_is_read_once_to_place_them(
    department: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each field's place was found by parsing the whole part again: 10,000 fields took a
    # quarter of an hour (1,000: 7 s), and a check listing each as missing as long.
    from minimal_workspace import build_docx
    from reportgen.ooxml import places

    body = [f"第{number}项：{{{{ f{number} }}}}{{{{ same }}}}" for number in range(300)]
    build_docx(department / "templates" / "many.docx", body)
    parsed: list[str] = []
    paragraph_places = places.paragraph_places

    def counted(xml: bytes, part: str = places.BODY_PART) -> Any:
        parsed.append(part)
        return paragraph_places(xml, part)

    monkeypatch.setattr(places, "paragraph_places", counted)
    assert main(["new-data", "many.docx", "many"]) == 0
    written = (department / "data" / "many" / "report.yaml").read_text("utf-8").splitlines()
    assert len(parsed) <= 2  # -- once to check the template, once to place its fields --
    assert "f299: 【待填写】                        # 印在正文第300段" in written
    assert (
        "same: 【待填写】                        # 印在正文第1段、正文第2段、正文第3段等处"
        in written
    )


def test_a_template_printing_a_tables_rows_gets_the_table_to_fill(
    department: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A 荣誉证书 for each winner: the data written had no batch, and check refused it at once,
    # "the data has no 'row'", where new-data promised a report that renders.
    from minimal_workspace import build_docx

    build_docx(
        department / "templates" / "证书.docx",
        ["{{ row.姓名 }}同志：", "被评为{{ row.称号 }}。", "{{ org }}"],
    )
    assert main(["fields", "证书.docx"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "templates/证书.docx uses these fields:",
        "  org     text                org: …",
        "  row     a row of the table  batch: rows: names the table (a CSV or a workbook), one "
        "document a row",
        "    姓名  column              the table's column headed 姓名",
        "    称号  column              the table's column headed 称号",
    ]
    assert main(["new-data", "证书.docx", "certificates"]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == [
        "data/certificates/report.yaml",
        "data/certificates/名单.csv",
    ]
    folder = department / "data" / "certificates"
    assert (folder / "report.yaml").read_text("utf-8").splitlines()[-3:] == [
        "batch:                                  # 名单中的每一行生成一份文档",
        "  rows: 名单.csv                        # 名单，第一行是列名（也可换成 Excel 表）",
        '  output: "{row.姓名}"                  # 每份文件的名称，用名单中的列，各行不能相同',
    ]
    assert (
        folder / "名单.csv"
    ).read_bytes() == "\ufeff姓名,称号\r\n【待填写】,【待填写】\r\n".encode()
    assert certificate(capsys, "【待填写】") == [
        "【待填写】同志：",
        "被评为【待填写】。",
        "【待填写】",
    ]
    (folder / "名单.csv").write_text(
        "姓名,称号\n张三,优秀工会干部\n李四,优秀工会积极分子\n", "utf-8"
    )
    fill(folder / "report.yaml", ["市总工会"])
    assert certificate(capsys, "李四") == ["李四同志：", "被评为优秀工会积极分子。", "市总工会"]


def certificate(capsys: pytest.CaptureFixture[str], name: str) -> list[str]:
    """Render the certificates; return the paragraphs of the one named ``name``."""
    assert main(["render", "certificates"]) == 0
    capsys.readouterr()
    return paragraphs(Path("output") / "certificates" / f"{name}.docx")
