"""reportgen serve in a real browser: headless Chromium, driven as a clerk would use the pages.

The server listens on 127.0.0.1 on a free port, in a thread of the test, and stops when the
test ends (or after a few minutes, whatever happens). Each page is saved as a screenshot in
the test's folder; ``REPORTGEN_SCREENSHOTS=DIR`` saves them there too (the README's come
from this test).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import changed_lines, missing_under_ci
from reportgen.i18n import set_language
from reportgen.serve.app import create_app
from reportgen.serve.form import slot_id
from reportgen.serve.server import listen
from reportgen.workspace import Workspace

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
#: Seconds the server may run at most, whatever the test does.
SERVER_SECONDS = 300
WAIT = 60


@pytest.fixture
def server(workspace_dir: Path, soffice: str, poppler: None) -> Iterator[str]:
    """Serve the workspace on 127.0.0.1 and return its address; stop when the test ends."""
    import uvicorn

    set_language("zh")  # -- the clerk's view: problems in Chinese, as on a Chinese system --
    sock = listen("127.0.0.1", 0)
    app = create_app(Workspace.at(workspace_dir))
    served = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=served.run, kwargs={"sockets": [sock]}, daemon=True)
    watchdog = threading.Timer(SERVER_SECONDS, lambda: setattr(served, "should_exit", True))
    watchdog.start()
    thread.start()
    deadline = time.monotonic() + 30
    while not served.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        served.should_exit = True
        thread.join(timeout=30)
        watchdog.cancel()
        sock.close()
        set_language("en")


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    """Return headless Chromium under Selenium; skip without it, but fail under CI."""
    if not (Path(CHROMIUM).is_file() and Path(CHROMEDRIVER).is_file()):
        missing_under_ci("chromium and chromium-driver are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="reportgen-chromium-")
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--window-size=1500,1200",
        "--lang=zh-CN",
    ):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(driver: object, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    driver.save_screenshot(str(path))
    folder = os.environ.get("REPORTGEN_SCREENSHOTS")
    if folder:
        shutil.copy(path, Path(folder) / path.name)
    return path


def test_a_clerk_fills_in_saves_previews_downloads_and_uploads(
    server: str, browser: object, workspace_dir: Path, tmp_path: Path
) -> None:
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    # -- htmx replaces parts of the page while the test looks at them: look again then --
    wait = WebDriverWait(
        driver,
        WAIT,
        ignored_exceptions=(StaleElementReferenceException,),
    )
    find = driver.find_element

    # -- the reports page --
    driver.get(server + "/")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.reports tbody tr")
    assert len(rows) == len(Workspace.at(workspace_dir).report_names())
    assert "2019—2023" in find(By.ID, "report-five-year-report").text
    screenshot(driver, tmp_path, "serve-reports")

    # -- the form: a figure typed, the derived figure and the prose's chip follow --
    find(By.CSS_SELECTOR, "#report-five-year-report a.button.primary").click()
    wait.until(lambda _: "检查通过" in find(By.ID, "check-summary").text)
    rate = find(By.ID, slot_id("proposals.yaml", ("derived", "adoption_rate")) + "-value")
    assert rate.text == "35.1%"
    chips = slot_id("proposals.yaml", ("paragraphs",)) + "-chips-0"
    adopted_chip = f"#{chips} .chip[title='{{{{ adopted }}}}'] .chip-value"
    assert find(By.CSS_SELECTOR, adopted_chip).text == "5795"
    wait.until(lambda _: driver.find_elements(By.CSS_SELECTOR, "#preview .pages img"))
    digest_before = find(By.CSS_SELECTOR, "#preview .pages").get_attribute("data-digest")

    box = find(By.CSS_SELECTOR, 'input[name="proposals.yaml#figures/adopted/by_year/2019"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.clear()
    box.send_keys("2032")
    wait.until(lambda _: rate.text == "41.2%")  # -- (5795 + 1000) / 16489 --
    wait.until(lambda _: find(By.CSS_SELECTOR, adopted_chip).text == "6795")
    assert find(By.CSS_SELECTOR, ".dirty-note").is_displayed()
    section = find(By.ID, slot_id("proposals.yaml", ()))
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", section)
    screenshot(driver, tmp_path, "serve-form")
    derived = find(By.CSS_SELECTOR, f"#{slot_id('proposals.yaml', ())} table.derived")
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", derived)
    screenshot(driver, tmp_path, "serve-derived")

    # -- saved: the file changed at that value only, its comments kept --
    path = workspace_dir / "data" / "five-year-report" / "proposals.yaml"
    before = path.read_text(encoding="utf-8")
    find(By.CSS_SELECTOR, ".toolbar button.primary").click()
    wait.until(lambda _: "已保存" in find(By.ID, "status").text)
    assert changed_lines(before, path.read_text(encoding="utf-8")) == [
        "-      2019: 1032",
        "+      2019: 2032",
    ]

    # -- the preview follows the save --
    wait.until(
        lambda _: (
            find(By.CSS_SELECTOR, "#preview .pages").get_attribute("data-digest") != digest_before
        )
    )
    seconds = float(find(By.CSS_SELECTOR, "#preview .pages").get_attribute("data-seconds"))
    print(f"preview after the save: {seconds:.2f} s")
    screenshot(driver, tmp_path, "serve-preview")

    # -- rendered from the reports page, the .docx downloaded and read --
    driver.get(server + "/")
    find(By.CSS_SELECTOR, "#report-five-year-report form[action$='/render'] button").click()
    download = wait.until(
        lambda _: driver.find_elements(
            By.CSS_SELECTOR, "#report-five-year-report a[href$='/download/docx']"
        )
    )
    pdf_link = "#report-five-year-report a[href$='/download/pdf']"
    assert driver.find_elements(By.CSS_SELECTOR, pdf_link)
    assert "已生成" in find(By.CSS_SELECTOR, ".notice").text
    screenshot(driver, tmp_path, "serve-rendered")
    download[0].click()
    downloads: Path = driver.downloads
    wait.until(lambda _: list(downloads.glob("*.docx")))
    import docx

    (document,) = downloads.glob("*.docx")
    assert document.name == "2023年市工会5年工作汇报材料.docx"
    text = "\n".join(paragraph.text for paragraph in docx.Document(str(document)).paragraphs)
    assert "采纳实施6795条" in text

    # -- a template dropped in gets its form --
    template = tmp_path / "部门总结.docx"
    shutil.copy(workspace_dir / "templates" / "annual-summary.docx", template)
    find(By.CSS_SELECTOR, "input[type=file][name=template]").send_keys(str(template))
    find(By.CSS_SELECTOR, "form[action='/templates'] input[name=name]").send_keys("dept-summary")
    find(By.CSS_SELECTOR, "form[action='/templates'] button").click()
    wait.until(lambda _: driver.current_url.endswith("/reports/dept-summary"))
    assert (workspace_dir / "templates" / "dept-summary.docx").is_file()
    assert find(By.CSS_SELECTOR, 'input[name="report.yaml#organisation"]').get_attribute("value")
    wait.until(lambda _: find(By.ID, "check-summary").text != "正在检查…")
    screenshot(driver, tmp_path, "serve-upload")


def test_a_figure_typed_with_its_scale_keeps_what_was_typed_and_says_what_to_type(
    server: str, browser: object, workspace_dir: Path
) -> None:
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    wait = WebDriverWait(driver, WAIT, ignored_exceptions=(StaleElementReferenceException,))
    find = driver.find_element
    path = workspace_dir / "data" / "five-year-report" / "proposals.yaml"
    before = path.read_bytes()
    driver.get(server + "/reports/five-year-report")
    wait.until(lambda _: "检查通过" in find(By.ID, "check-summary").text)
    box = find(By.CSS_SELECTOR, 'input[name="proposals.yaml#figures/collected/by_year/2020"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.clear()
    box.send_keys("12万")  # -- a number box would drop the 万 and save 12 --
    assert box.get_attribute("value") == "12万"
    beside = f"#{slot_id('proposals.yaml', ('figures', 'collected'))}-problems"
    wait.until(lambda _: "不是数字" in find(By.CSS_SELECTOR, beside).text)
    assert "请填写完整的数 120000" in find(By.CSS_SELECTOR, beside).text
    find(By.CSS_SELECTOR, ".toolbar button.primary").click()
    wait.until(lambda _: "不是数字" in find(By.ID, "status").text)
    assert "“征集合理化建议（2020年）”填的“12万”不是数字" in find(By.ID, "status").text
    assert path.read_bytes() == before
