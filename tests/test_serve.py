"""reportgen serve over HTTP, without a socket: saving, conflicts, path checks, CSRF, the token."""

from __future__ import annotations

import html
import io
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from starlette.testclient import TestClient

from helpers import changed_lines
from reportgen.cli import main
from reportgen.i18n import MessageKind, current_language, set_language
from reportgen.serve.app import create_app
from reportgen.serve.form import field_name, slot_id
from reportgen.serve.security import is_loopback
from reportgen.workspace import Workspace

BASE = "http://127.0.0.1:8420"
PROPOSALS = "five-year-report"
COLLECTED_2020 = field_name("proposals.yaml", ("figures", "collected", "by_year", "2020"))


@pytest.fixture
def client(workspace_dir: Path) -> Iterator[TestClient]:
    app = create_app(Workspace.at(workspace_dir), language="en", warm_office=False)
    with TestClient(app, base_url=BASE, follow_redirects=False) as test_client:
        yield test_client


def csrf(client: TestClient) -> str:
    return str(client.app.state.site.guard.csrf)


def versions(client: TestClient, report: str = PROPOSALS) -> dict[str, str]:
    page = client.get(f"/reports/{report}").text
    return dict(re.findall(r'name="(version:[^"]+)" value="([0-9a-f]{64})"', page))


def save(client: TestClient, values: dict[str, str], seen: dict[str, str]) -> object:
    return client.post(
        f"/reports/{PROPOSALS}/save",
        data={**values, **seen, "csrf_token": csrf(client)},
        headers={"HX-Request": "true"},
    )


def test_the_reports_page_lists_each_report_with_its_check(client: TestClient) -> None:
    page = client.get("/").text
    assert "报告列表" in page
    names = client.app.state.site.workspace.report_names()
    assert {"five-year-report", "youth-league-summary", "ankang-certificates"} <= set(names)
    for name in names:
        assert f'href="/reports/{name}"' in page
    assert "five-year-report.docx" in page and "2019—2023" in page
    assert page.count("✓ 无问题") == len(names)


def test_the_form_shows_each_figure_with_label_unit_years_and_comment(client: TestClient) -> None:
    page = client.get(f"/reports/{PROPOSALS}").text
    assert f'name="{COLLECTED_2020}" value="3105"' in page
    # -- the label, the unit and last period's value --
    assert "征集合理化建议" in page and ">条<" in page and ">14260<" in page
    assert "近五年全市征集的合理化建议条数（条），五年合计自动算出：16489" in page
    assert "adopted ÷ collected" in page  # -- a derived figure, with how it is computed --


def test_a_save_changes_the_value_only_and_keeps_every_comment(
    client: TestClient, workspace_dir: Path
) -> None:
    path = workspace_dir / "data" / PROPOSALS / "proposals.yaml"
    before = path.read_text(encoding="utf-8")
    response = save(client, {COLLECTED_2020: "3200"}, versions(client))
    assert response.status_code == 200
    assert "saved proposals.yaml" in response.text
    assert changed_lines(before, path.read_text(encoding="utf-8")) == [
        "-      2020: 3105",
        "+      2020: 3200",
    ]


def test_a_file_changed_on_disk_after_the_page_loaded_is_not_overwritten(
    client: TestClient, workspace_dir: Path
) -> None:
    seen = versions(client)
    path = workspace_dir / "data" / PROPOSALS / "proposals.yaml"
    edited = path.read_text(encoding="utf-8").replace("2019: 3012", "2019: 3013")
    path.write_text(edited, encoding="utf-8")  # -- another tab, or an editor --
    response = save(client, {COLLECTED_2020: "3200"}, seen)
    assert response.status_code == 409
    assert "proposals.yaml was changed after this page was opened" in response.text
    assert path.read_text(encoding="utf-8") == edited


def test_the_conflict_is_explained_in_chinese_on_a_chinese_interface(
    workspace_dir: Path,
) -> None:
    app = create_app(Workspace.at(workspace_dir), warm_office=False)
    with TestClient(app, base_url=BASE) as chinese:
        seen = versions(chinese)
        path = workspace_dir / "data" / PROPOSALS / "proposals.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        response = save(chinese, {COLLECTED_2020: "3200"}, seen)
    assert "“proposals.yaml”在本页面打开后已被改动" in response.text


def test_saves_at_the_same_moment_write_one_after_the_other(
    client: TestClient, workspace_dir: Path
) -> None:
    seen = versions(client)
    statuses: list[int] = []

    def one(value: str) -> None:
        statuses.append(save(client, {COLLECTED_2020: value}, seen).status_code)

    threads = [threading.Thread(target=one, args=(str(3200 + index),)) for index in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200, 409, 409, 409, 409, 409]
    text = (workspace_dir / "data" / PROPOSALS / "proposals.yaml").read_text(encoding="utf-8")
    assert len(re.findall(r"      2020: 32\d\d\n", text)) == 1


def test_a_number_that_is_not_one_is_refused_and_nothing_is_written(
    client: TestClient, workspace_dir: Path
) -> None:
    path = workspace_dir / "data" / PROPOSALS / "proposals.yaml"
    before = path.read_bytes()
    response = save(client, {COLLECTED_2020: "三千"}, versions(client))
    assert response.status_code == 422
    assert "'三千' is not a number" in html.unescape(response.text)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("typed", "written"),
    [("３，２００", "3200"), ("3,300.5", "3300.5"), ("１２．５", "12.5"), ("－５", "-5")],
)
def test_numbers_typed_with_full_width_digits_or_commas_are_saved_as_numbers(
    client: TestClient, workspace_dir: Path, typed: str, written: str
) -> None:
    path = workspace_dir / "data" / PROPOSALS / "proposals.yaml"
    response = save(client, {COLLECTED_2020: typed}, versions(client))
    assert response.status_code == 200
    assert f"      2020: {written}\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("typed", "advice"),
    [
        ("12万", "type the whole number: 12万 is 120000 (where the unit beside the box"),
        ("3200条", "type the number alone: 3200"),
        ("1,2,3", "a comma may only part the digits in threes (16,489)"),
        ("9" * 5000, "it has 5000 digits, more than a figure may have (20): check what was typed"),
        ("1e5000", "type digits only, such as 3012 or 3.5"),
    ],
)
def test_a_number_typed_otherwise_is_refused_naming_its_box_and_what_to_type(
    client: TestClient, workspace_dir: Path, typed: str, advice: str
) -> None:
    path = workspace_dir / "data" / PROPOSALS / "proposals.yaml"
    before = path.read_bytes()
    for action in ("check", "save"):
        response = client.post(
            f"/reports/{PROPOSALS}/{action}",
            data={COLLECTED_2020: typed, **versions(client), "csrf_token": csrf(client)},
            headers={"HX-Request": "true"},
        )
        assert response.status_code == (200 if action == "check" else 422)
        shown = typed if len(typed) <= 40 else typed[:40] + "…"
        message = f"征集合理化建议（2020年）: '{shown}' is not a number: {advice}"
        assert message in html.unescape(response.text)
    assert path.read_bytes() == before


def test_a_number_typed_with_its_scale_is_explained_in_chinese(workspace_dir: Path) -> None:
    app = create_app(Workspace.at(workspace_dir), warm_office=False)
    with TestClient(app, base_url=BASE) as chinese:
        set_language("zh")
        try:
            response = save(chinese, {COLLECTED_2020: "1.2万"}, versions(chinese))
        finally:
            set_language("en")
    assert (
        "“征集合理化建议（2020年）”填的“1.2万”不是数字：请填写完整的数 12000"
        "（即1.2万；如果框后的单位已经带“万”或“亿”，如“万元”，则只填 1.2）"
    ) in html.unescape(response.text)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_a_file_saved_by_notepad_as_ansi_or_unicode_is_checked_and_saved_in_its_encoding(
    client: TestClient, workspace_dir: Path, encoding: str
) -> None:
    path = workspace_dir / "data" / PROPOSALS / "proposals.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode(encoding))  # -- Notepad's "ANSI", "Unicode", "UTF-8 with BOM" --
    seen = versions(client)
    assert "征集合理化建议" in client.get(f"/reports/{PROPOSALS}").text
    checked = client.post(
        f"/reports/{PROPOSALS}/check", data={COLLECTED_2020: "3200", "csrf_token": csrf(client)}
    )
    assert "✓ 检查通过" in checked.text and "\ufffd" not in checked.text
    response = save(client, {COLLECTED_2020: "3200"}, seen)
    assert response.status_code == 200
    assert path.read_bytes() == text.replace("2020: 3105", "2020: 3200").encode(encoding)


def test_every_post_without_the_csrf_token_is_refused(
    client: TestClient, workspace_dir: Path
) -> None:
    posts = [
        route.path.replace("{name}", PROPOSALS)
        for route in client.app.routes
        if "POST" in (getattr(route, "methods", None) or ())
    ]
    assert len(posts) == 6
    snapshot = {path: path.read_bytes() for path in workspace_dir.rglob("*") if path.is_file()}
    for post in posts:
        response = client.post(post, data={COLLECTED_2020: "1", "name": "x"})
        assert response.status_code == 403, post
        assert "out of date" in response.text
        wrong = client.post(post, data={"csrf_token": "guess"}, headers={"X-CSRF-Token": "guess"})
        assert wrong.status_code == 403, post
    after = {path: path.read_bytes() for path in workspace_dir.rglob("*") if path.is_file()}
    assert after == snapshot


def test_paths_outside_the_workspace_are_refused(client: TestClient, workspace_dir: Path) -> None:
    (workspace_dir.parent / "outside").mkdir()
    (workspace_dir.parent / "outside" / "report.yaml").write_text("title: x\n", encoding="utf-8")
    for url in (
        "/reports/%2E%2E%2Foutside",
        "/reports/..%2Foutside",
        "/reports/no-such-report",
        f"/reports/{PROPOSALS}/preview/{'0' * 24}/1.png",
        f"/reports/{PROPOSALS}/preview/..%2F..%2F/1.png",
        f"/reports/{PROPOSALS}/download/yaml",
    ):
        assert client.get(url).status_code == 404, url
    # -- a posted value naming a file beyond the report's is no value of it --
    outside = field_name("../../outside/report.yaml", ("title",))
    response = save(client, {outside: "changed"}, versions(client))
    assert "nothing has changed" in response.text
    assert "title: x" in (workspace_dir.parent / "outside" / "report.yaml").read_text()


def test_a_loopback_server_refuses_a_page_that_names_it_otherwise(workspace_dir: Path) -> None:
    app = create_app(Workspace.at(workspace_dir), language="en", warm_office=False)
    with TestClient(app, base_url="http://attacker.example:8420") as rebound:
        response = rebound.get("/")
    assert response.status_code == 403
    assert "access token" in response.text


def test_on_another_address_every_request_needs_the_printed_token(workspace_dir: Path) -> None:
    app = create_app(Workspace.at(workspace_dir), host="0.0.0.0", language="en", warm_office=False)
    token = app.state.site.guard.token
    assert token and len(token) >= 24
    with TestClient(app, base_url="http://192.0.2.10:8420", follow_redirects=False) as remote:
        assert remote.get("/").status_code == 403
        assert remote.get("/?token=wrong").status_code == 403
        assert remote.get("/static/style.css").status_code == 403
        entered = remote.get(f"/?token={token}")
        assert (
            entered.status_code == 303 and entered.headers["location"] == "http://192.0.2.10:8420/"
        )
        assert "httponly" in entered.headers["set-cookie"].lower()
        assert remote.get("/").status_code == 200  # -- the cookie carries it from now on --
        assert remote.post(f"/reports/{PROPOSALS}/save", data={}).status_code == 403


def test_loopback_addresses() -> None:
    assert all(map(is_loopback, ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"]))
    assert not any(map(is_loopback, ["0.0.0.0", "192.168.1.5", "::", "example.org"]))


def test_the_draft_check_recomputes_derived_figures_and_places_problems(
    client: TestClient,
) -> None:
    adopted_2019 = field_name("proposals.yaml", ("figures", "adopted", "by_year", "2019"))
    response = client.post(
        f"/reports/{PROPOSALS}/check",
        data={adopted_2019: "2032", COLLECTED_2020: "", "csrf_token": csrf(client)},
    )
    assert response.status_code == 200
    # -- with 2020 empty, collected awaits its value, and so does the share computed from it --
    assert "no value for 2020: enter it" in response.text
    rate = slot_id("proposals.yaml", ("derived", "adoption_rate")) + "-value"
    assert re.search(rf'<output id="{rate}"[^>]*>【待填写】</output>', response.text)
    assert "共 " in response.text.split('id="check-summary"')[1][:200]
    text = client.post(
        f"/reports/{PROPOSALS}/check", data={adopted_2019: "2032", "csrf_token": csrf(client)}
    ).text
    assert "✓ 检查通过" in text.split('id="check-summary"')[1][:200]
    # -- (5795 + 1000) / 16489 --
    assert re.search(rf'<output id="{rate}"[^>]*>41\.2%</output>', text)
    assert re.search(r'class="chip-name">adopted</span><span class="chip-value">6795<', text)


def test_a_new_period_from_the_page_opens_its_form(client: TestClient, workspace_dir: Path) -> None:
    response = client.post(f"/reports/{PROPOSALS}/new-period", data={"csrf_token": csrf(client)})
    assert response.status_code == 303
    assert response.headers["location"] == "/reports/five-year-report-2024-2028"
    assert (workspace_dir / "data" / "five-year-report-2024-2028" / "report.yaml").is_file()
    page = client.get(response.headers["location"]).text
    assert 'placeholder="待填"' in page


def test_a_new_department_from_the_page(client: TestClient, workspace_dir: Path) -> None:
    response = client.post(
        "/departments",
        data={"name": "women", "organisation": "江州市妇女联合会", "csrf_token": csrf(client)},
    )
    assert response.status_code == 303
    assert (workspace_dir / "templates" / "women.docx").is_file()
    assert "江州市妇女联合会" in client.get("/reports/women").text


def test_a_new_department_with_a_title_longer_than_a_file_property_holds(
    client: TestClient, workspace_dir: Path
) -> None:
    title = "关于" + "开展职工技能竞赛和合理化建议活动" * 20 + "的工作总结"
    response = client.post(
        "/departments", data={"name": "skills", "title": title, "csrf_token": csrf(client)}
    )
    assert response.status_code == 303
    import docx

    template = docx.Document(str(workspace_dir / "templates" / "skills.docx"))
    assert template.core_properties.title == title[:255]
    report = yaml.safe_load((workspace_dir / "data" / "skills" / "report.yaml").read_text("utf-8"))
    assert report["title"] == title


def upload(client: TestClient, name: str, blob: bytes, report: str = "") -> object:
    return client.post(
        "/templates",
        data={"csrf_token": csrf(client), "name": report},
        files={"template": (name, io.BytesIO(blob), "application/octet-stream")},
    )


def test_an_uploaded_template_is_kept_with_data_to_fill_it(
    client: TestClient, workspace_dir: Path
) -> None:
    blob = (workspace_dir / "templates" / "annual-summary.docx").read_bytes()
    response = upload(client, "部门总结.docx", blob, "dept-summary")
    assert response.status_code == 303
    assert response.headers["location"] == "/reports/dept-summary"
    assert (workspace_dir / "templates" / "dept-summary.docx").read_bytes() == blob
    # -- the data the template asks for, as new-data writes it: its own fields, to fill in --
    data = (workspace_dir / "data" / "dept-summary" / "report.yaml").read_text(encoding="utf-8")
    assert "template: dept-summary.docx" in data
    assert "  indicators:" in data and "closing:" in data
    assert data.count("【待填写】") > 5
    # -- and the form it opens in has a box for each, where it had none but the date --
    page = client.get(response.headers["location"]).text
    closing = field_name("report.yaml", ("closing",))
    assert f'name="{closing}" value="【待填写】"' in page


def test_uploads_that_are_not_templates_are_refused_and_nothing_is_written(
    client: TestClient, workspace_dir: Path
) -> None:
    before = sorted(path.name for path in (workspace_dir / "templates").iterdir())
    refused = upload(client, "notes.txt", b"hello", "notes")
    assert "is not a Word document" in refused.text
    broken = upload(client, "broken.docx", b"PK\x03\x04 not really a zip", "broken")
    assert "listed below; nothing was written" in html.unescape(broken.text)
    # -- named as the clerk chose it, not as the copy checked in a scratch folder --
    assert '<li class="error">broken.docx: ' in broken.text
    assert "reportgen-upload-" not in broken.text
    old_word = upload(client, "汇报.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "x")
    assert '<li class="error">汇报.docx: this is an old Word document (.doc)' in old_word.text
    large = upload(client, "large.docx", b"0" * (11 * 1024 * 1024), "large")
    assert large.status_code == 413
    assert "larger than 10 MB" in large.text
    assert sorted(path.name for path in (workspace_dir / "templates").iterdir()) == before
    assert not (workspace_dir / "data" / "broken").exists()


def test_a_request_larger_than_the_server_reads_gets_a_page_saying_why(
    client: TestClient, workspace_dir: Path
) -> None:
    before = sorted(path.name for path in (workspace_dir / "templates").iterdir())
    huge = upload(client, "scan.docx", b"0" * (21 * 1024 * 1024), "scan")
    assert huge.status_code == 413
    assert "the file is larger than 10 MB" in huge.text and "Content Too Large" not in huge.text

    def chunks() -> Iterator[bytes]:  # -- no length announced: counted as it comes --
        for _ in range(22):
            yield b"a=" + b"0" * (1024 * 1024)

    streamed = client.post(
        f"/reports/{PROPOSALS}/save",
        content=chunks(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert streamed.status_code == 413
    assert "the file is larger than 10 MB" in streamed.text
    assert sorted(path.name for path in (workspace_dir / "templates").iterdir()) == before


def test_a_form_with_more_values_than_the_server_reads_is_refused_saying_why(
    client: TestClient, workspace_dir: Path
) -> None:
    path = workspace_dir / "data" / PROPOSALS / "proposals.yaml"
    before = path.read_bytes()
    values = {f"x{number}": "1" for number in range(10_001)}
    response = save(client, values, versions(client))
    assert response.status_code == 400
    assert (
        "the page sent more than the server reads (more than 10000 values, or more than one "
        "file), or sent it damaged; nothing was changed: reload the page and try again"
    ) in html.unescape(response.text)
    files = {f"template{number}": ("a.docx", b"x") for number in range(2)}
    two = client.post("/templates", data={"csrf_token": csrf(client)}, files=files)
    assert two.status_code == 400 and "more than one file" in two.text
    assert path.read_bytes() == before


def test_everything_shown_from_the_data_is_escaped(client: TestClient, workspace_dir: Path) -> None:
    path = workspace_dir / "data" / PROPOSALS / "proposals.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("label: 征集合理化建议", 'label: "<script>alert(1)</script>"'),
        encoding="utf-8",
    )
    page = client.get(f"/reports/{PROPOSALS}").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_an_empty_data_folder_opens_a_page_that_says_how_to_start(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    app = create_app(Workspace.at(tmp_path), language="en", warm_office=False)
    with TestClient(app, base_url=BASE) as empty:
        page = empty.get("/")
    assert page.status_code == 200
    assert "还没有报告" in page.text and "新建部门报告" in page.text


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


def test_list_rows_added_moved_and_removed_are_saved_in_place(workspace_dir: Path) -> None:
    app = create_app(Workspace.at(workspace_dir), language="en", warm_office=False)
    path = workspace_dir / "data" / "youth-league-summary" / "ideology.yaml"
    before = path.read_text(encoding="utf-8")
    speakers = field_name("ideology.yaml", ("lists", "speakers"))
    paragraphs = field_name("ideology.yaml", ("paragraphs",))
    with TestClient(app, base_url=BASE) as client:
        page = client.get("/reports/youth-league-summary").text
        seen = dict(re.findall(r'name="(version:[^"]+)" value="([0-9a-f]{64})"', page))
        old_paragraphs = re.findall(
            rf'name="{re.escape(paragraphs)}" rows="4">\n(.*?)</textarea>', page, re.S
        )
        response = client.post(
            "/reports/youth-league-summary/save",
            data={
                **seen,
                "csrf_token": csrf(client),
                "__lists__": [speakers, paragraphs],
                speakers: ["团干部", "青年讲师团", "大学生志愿者"],
                paragraphs: [html.unescape(text) for text in old_paragraphs] + ["新增的一段。"],
            },
            headers={"HX-Request": "true"},
        )
    assert response.status_code == 200, response.text
    after = path.read_text(encoding="utf-8")
    assert changed_lines(before, after) == [
        "-  speakers: [青年讲师团, 团干部, 青年先进典型]   # 宣讲队伍的组成",
        "+  speakers: [团干部, 青年讲师团, 大学生志愿者]   # 宣讲队伍的组成",
        "+  - >-",
        "+    新增的一段。",
    ]


def test_a_problem_appears_beside_its_field(client: TestClient) -> None:
    date = field_name("report.yaml", ("date",))
    response = client.post(
        f"/reports/{PROPOSALS}/check", data={date: "", "csrf_token": csrf(client)}
    )
    slot = re.search(
        rf'id="{slot_id("report.yaml", ("date",))}-problems"[^>]*>(.*?)</div>', response.text, re.S
    )
    assert slot is not None
    assert "no date: enter the date the report is signed" in html.unescape(slot.group(1))


def test_a_year_that_is_not_a_number_is_shown_beside_its_figure(client: TestClient) -> None:
    response = client.post(
        f"/reports/{PROPOSALS}/check", data={COLLECTED_2020: "三千", "csrf_token": csrf(client)}
    )
    figure = slot_id("proposals.yaml", ("figures", "collected"))
    slot = re.search(rf'id="{figure}-problems"[^>]*>(.*?)</div>', response.text, re.S)
    assert slot is not None
    assert "'三千' is not a number" in html.unescape(slot.group(1))


def test_serve_says_when_its_port_is_taken(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BROWSER", "true")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 3
    error = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in error
    assert "choose another port with --port" in error


def test_the_command_opens_the_browser_browser_names_and_stops_on_ctrl_c(
    workspace_dir: Path, tmp_path: Path
) -> None:
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.py"
    browser.write_text(f"import sys; open({str(opened)!r}, 'w').write(sys.argv[1])\n")
    environment = dict(os.environ, BROWSER=f"{sys.executable} {browser} %s", REPORTGEN_LANG="en")
    process = subprocess.Popen(
        [sys.executable, "-m", "reportgen", "serve", "--port", "0"],
        cwd=workspace_dir,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        found = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        assert found, line
        with urllib.request.urlopen(found.group(1), timeout=30) as page:
            assert "报告列表" in page.read().decode("utf-8")
        deadline = time.monotonic() + 30
        while not opened.is_file() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert opened.read_text() == found.group(1)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 130  # -- stopped as watch stops: Ctrl+C --
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def test_every_script_and_style_is_served_by_reportgen(client: TestClient) -> None:
    for page in ("/", f"/reports/{PROPOSALS}"):
        text = client.get(page).text
        links = re.findall(r'(?:src|href)="([^"]+)"', text)
        assert links and not [link for link in links if "//" in link], page
        for local in re.findall(r'(?:src|href)="(/static/[^"]+)"', text):
            assert client.get(local).status_code == 200, local
    htmx = client.get("/static/htmx.min.js").text
    assert htmx.startswith("/*! htmx 2.0.11") and "Zero-Clause BSD" in htmx[:400]


def test_a_new_periods_empty_figures_and_date_are_filled_in_the_form(
    client: TestClient, workspace_dir: Path
) -> None:
    client.post(f"/reports/{PROPOSALS}/new-period", data={"csrf_token": csrf(client)})
    name = "five-year-report-2024-2028"
    folder = workspace_dir / "data" / name
    before = {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.yaml")}
    page = client.get(f"/reports/{name}").text
    seen = dict(re.findall(r'name="(version:[^"]+)" value="([0-9a-f]{64})"', page))
    benefit = field_name("proposals.yaml", ("figures", "benefit", "value"))
    date = field_name("report.yaml", ("date",))
    response = client.post(
        f"/reports/{name}/save",
        data={**seen, benefit: "250000000", date: "2028-04-20", "csrf_token": csrf(client)},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    report = (folder / "report.yaml").read_text(encoding="utf-8")
    assert [line[:20] for line in changed_lines(before["report.yaml"], report)] == [
        "-date: ~            ",
        "+date: 2028-04-20   ",
    ]
    proposals = (folder / "proposals.yaml").read_text(encoding="utf-8")
    assert changed_lines(before["proposals.yaml"], proposals) == [
        "-    value: ~",
        "+    value: 250000000",
    ]


def yaml_batch(workspace_dir: Path) -> Path:
    """Return the certificates' folder with its winners in YAML instead of CSV."""
    folder = workspace_dir / "data" / "ankang-certificates"
    rows = (folder / "winners.csv").read_text(encoding="utf-8").splitlines()[1:4]
    table = "# 获奖名单\n" + "".join(
        f"- number: {number}\n  name: {name}\n  award: {award}\n"
        for number, name, award in (row.split(",") for row in rows)
    )
    (folder / "winners.csv").unlink()
    (folder / "winners.yaml").write_text(table, encoding="utf-8")
    report = folder / "report.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("rows: winners.csv", "rows: winners.yaml"),
        encoding="utf-8",
    )
    return folder


def test_a_table_of_records_is_edited_as_rows(client: TestClient, workspace_dir: Path) -> None:
    folder = yaml_batch(workspace_dir)
    before = (folder / "winners.yaml").read_text(encoding="utf-8")
    page = client.get("/reports/ankang-certificates").text
    table = field_name("winners.yaml", ())
    assert f'name="{table}@name" value="长江钢铁集团有限公司"' in page
    seen = dict(re.findall(r'name="(version:[^"]+)" value="([0-9a-f]{64})"', page))
    response = client.post(
        "/reports/ankang-certificates/save",
        data={
            **seen,
            "csrf_token": csrf(client),
            "__records__": table,
            f"{table}@number": ["AK2023-02", "AK2023-01", "AK2023-09"],
            f"{table}@name": ["市第一建筑工程有限公司", "长江钢铁集团有限公司", "江州港务公司"],
            f"{table}@award": ["优胜单位", "优胜单位", "优秀班组"],
        },
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200, response.text
    after = (folder / "winners.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(after) == [
        {"number": "AK2023-02", "name": "市第一建筑工程有限公司", "award": "优胜单位"},
        {"number": "AK2023-01", "name": "长江钢铁集团有限公司", "award": "优胜单位"},
        {"number": "AK2023-09", "name": "江州港务公司", "award": "优秀班组"},
    ]
    # -- the comment and every key stay where they were; only values changed --
    keys = [line.split(":")[0] for line in after.splitlines()]
    assert keys == [line.split(":")[0] for line in before.splitlines()]


def test_each_message_of_the_server_says_the_same_in_both_languages() -> None:
    from reportgen.serve import messages

    kinds = [value for value in vars(messages).values() if isinstance(value, MessageKind)]
    assert len(kinds) >= 20
    for kind in kinds:
        assert kind.code.startswith("serve."), kind.code
        assert kind.parameters("en") == kind.parameters("zh"), kind.code
        assert kind.zh != kind.en, kind.code


def test_a_report_page_of_an_empty_workspace_says_there_is_no_such_report(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    app = create_app(Workspace.at(tmp_path), language="en", warm_office=False)
    with TestClient(app, base_url=BASE) as empty:
        response = empty.get("/reports/anything")
    assert response.status_code == 404
    assert "there is no report named 'anything'" in html.unescape(response.text)


def test_figures_read_from_a_sheet_show_what_the_document_prints(client: TestClient) -> None:
    page = client.get("/reports/worker-homes").text
    assert "取自统计表格，请在表格中填写" in page
    checked = client.post("/reports/worker-homes/check", data={"csrf_token": csrf(client)}).text
    slot = slot_id("homes.yaml", ("figures", "model_homes"))
    printed = re.search(rf'<output id="{slot}-value"[^>]*>(.*?)</output>', checked)
    assert printed is not None and printed.group(1).isdigit(), printed


def test_a_data_file_linked_from_outside_the_workspace_is_neither_shown_nor_written(
    client: TestClient, workspace_dir: Path
) -> None:
    outside = workspace_dir.parent / "secret.yaml"
    outside.write_text("password: hunter2\n", encoding="utf-8")
    (workspace_dir / "data" / PROPOSALS / "extra.yaml").symlink_to(outside)
    page = client.get(f"/reports/{PROPOSALS}").text
    assert "hunter2" not in page
    response = save(client, {field_name("extra.yaml", ("password",)): "x"}, versions(client))
    assert "nothing has changed" in response.text
    assert outside.read_text(encoding="utf-8") == "password: hunter2\n"


def test_the_pages_problems_speak_the_pages_language_whatever_the_system_speaks(
    workspace_dir: Path,
) -> None:
    set_language("en")  # -- a server whose system speaks English --
    try:
        app = create_app(Workspace.at(workspace_dir), language="zh", warm_office=False)
        with TestClient(app, base_url=BASE, follow_redirects=False) as client:
            date = field_name("report.yaml", ("date",))
            response = client.post(
                f"/reports/{PROPOSALS}/check", data={date: "", "csrf_token": csrf(client)}
            )
        assert "没有成文日期" in html.unescape(response.text)
        assert current_language() == "en"  # -- as before, once the server stops --
    finally:
        set_language(None)


# -- a hand-made template's data, in its own shape --

COMMITTEE = "women-committee-2023"


def test_the_form_shows_the_fields_of_a_hand_made_templates_data(client: TestClient) -> None:
    # -- the form showed only the date: a clerk could fill none of the committee's own fields --
    page = html.unescape(client.get(f"/reports/{COMMITTEE}").text)
    org_name = field_name("report.yaml", ("org_name",))
    assert f'name="{org_name}" value="市总工会女职工委员会"' in page
    assert f'name="{field_name("report.yaml", ("year",))}" value="2023"' in page
    # -- a list of records is a table of rows; a long text a box of its own --
    assert f'name="{field_name("report.yaml", ("work_items",))}@title"' in page
    assert f'name="{field_name("report.yaml", ("figures",))}@value"' in page
    assert f'<textarea name="{field_name("report.yaml", ("opening",))}"' in page


def test_a_hand_made_templates_fields_are_saved_in_place(
    client: TestClient, workspace_dir: Path
) -> None:
    path = workspace_dir / "data" / COMMITTEE / "report.yaml"
    seen = versions(client, COMMITTEE)
    org_name = field_name("report.yaml", ("org_name",))
    year = field_name("report.yaml", ("year",))
    response = client.post(
        f"/reports/{COMMITTEE}/save",
        data={
            org_name: "江州市总工会女职工委员会",
            year: "2024",
            **seen,
            "csrf_token": csrf(client),
        },
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200, response.text
    text = path.read_text(encoding="utf-8")
    assert "org_name: 江州市总工会女职工委员会\n" in text and "year: 2024\n" in text
    assert "template: women-committee-report.docx" in text


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("12000", "经费: 12000"),
        ("2024-03-18", "开会日期: 2024-03-18"),
        ("010010", '邮编: "010010"'),
        ("江州市总工会", "单位: 江州市总工会"),
    ],
)
def test_a_value_typed_over_the_placeholder_is_saved_as_the_file_would_hold_it(
    client: TestClient, workspace_dir: Path, typed: str, written: str
) -> None:
    key = written.partition(":")[0]
    folder = workspace_dir / "data" / "hand-made"
    folder.mkdir()
    (folder / "report.yaml").write_text(
        f"template: women-committee-report.docx\n{key}: 【待填写】    # 印在正文第1段\n", "utf-8"
    )
    seen = versions(client, "hand-made")
    name = field_name("report.yaml", (key,))
    assert f'name="{name}" value="【待填写】"' in client.get("/reports/hand-made").text
    response = client.post(
        "/reports/hand-made/save",
        data={name: typed, **seen, "csrf_token": csrf(client)},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200, response.text
    saved = (folder / "report.yaml").read_text("utf-8")
    assert re.search(f"^{re.escape(written)} +# 印在正文第1段$", saved, re.M), saved
