"""The parts of a 公文 (GB/T 9704-2012 7.2–7.4), from report.yaml to the XML and to the page."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import numpy as np
import pytest
from lxml import etree
from PIL import Image

from reportgen.cli import main
from reportgen.data.loader import load_report_data
from reportgen.data.official import Official
from reportgen.ooxml.measures import BODY_CHAR, TEXT_WIDTH
from reportgen.ooxml.official import (
    imprint_xml,
    letterhead_xml,
    signature_places,
    signature_xml,
    text_width,
)
from reportgen.pdf import convert_to_pdf

REPO = Path(__file__).resolve().parent.parent
NOTICE = "ankang-notice"
NOTICE_FILE = "江州市总工会关于开展2024年“安康杯”竞赛活动的通知"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MM_PER_PT = 25.4 / 72


def body(xml: str) -> etree._Element:
    return etree.fromstring(f"<w:body {NS}>{xml}</w:body>")


# -- the data --


def test_the_sample_notice_has_every_part(workspace_dir: Path) -> None:
    official = load_report_data(workspace_dir / "data" / NOTICE).context["official"]
    assert official
    assert official.letterhead.mark == "江州市总工会文件"
    # -- the year is the 成文日期's, in 〔〕; the serial has no 第 and no leading zero --
    assert official.letterhead.number == "江工发〔2024〕12号"
    assert official.addressee == "各区县总工会，市直各产业工会，各直属基层工会"
    assert (official.signature.name, official.signature.date) == ("江州市总工会", "2024年3月15日")
    assert official.signature.seal is not None
    assert official.imprint.date == "2024年3月15日"


def test_a_report_without_official_is_false_but_still_signs(workspace_dir: Path) -> None:
    official = load_report_data(workspace_dir / "data" / "five-year-report").context["official"]
    assert isinstance(official, Official)
    assert not official
    assert official.addressee == "" and official.imprint is None
    assert (official.signature.name, official.signature.date) == ("市总工会", "2023年4月19日")


def test_a_date_still_to_fill_signs_with_the_placeholder(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # -- date: 【待填写】 left the signature out, and a template printing it (the starter's)
    # failed at official.signature, a field the clerk never wrote; 【待填写】 prints as it is --
    report = workspace_dir / "data" / "five-year-report" / "report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(re.sub(r"(?m)^date: \S+", "date: 【待填写】", text), encoding="utf-8")

    official = load_report_data(report.parent).context["official"]
    assert (official.signature.name, official.signature.date) == ("市总工会", "【待填写】")
    assert main(["check", "five-year-report"]) == 0
    assert "report.date: still says 【待填写】" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("serial: 12", "serial: 0"),
            "report.official.number.serial: should be at least 1, not the number 0",
        ),
        (
            ("seal: seal.png ", "seal: 印章.jpg "),
            "official.seal: give the name of a .png file beside report.yaml, such as seal.png",
        ),
        (
            ("seal: seal.png ", "seal: gone.png "),
            "report.official.seal: the seal picture gone.png is not in",
        ),
        (
            ("seal: seal.png ", "seal: scope.png "),
            "report.official.seal: scope.png is not a PNG picture of at most 5 MB",
        ),
    ],
)
def test_a_wrong_official_section_is_named_at_its_line(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str], change: tuple[str, str], message: str
) -> None:
    folder = workspace_dir / "data" / NOTICE
    (folder / "scope.png").write_text("not a picture")
    report = folder / "report.yaml"
    text = report.read_text(encoding="utf-8")
    assert change[0] in text
    report.write_text(text.replace(*change), encoding="utf-8")
    assert main(["check", NOTICE]) == 1
    err = capsys.readouterr().err
    assert message in err, err
    assert re.search(r"report\.yaml:\d+:\d+: ", err)


def test_a_seal_that_is_a_link_to_a_picture_elsewhere_is_refused(
    workspace_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # -- a workspace copied from another office, its seal.png a link to the seal kept outside
    # it (the real one, another office's): the picture was read and stamped on the document --
    folder = workspace_dir / "data" / NOTICE
    elsewhere = tmp_path / "elsewhere.png"
    (folder / "seal.png").rename(elsewhere)
    (folder / "seal.png").symlink_to(elsewhere)
    assert main(["render", NOTICE]) == 1
    assert capsys.readouterr().err == (
        f"{folder / 'seal.png'}: is a link to {elsewhere}, outside {folder}: reportgen reads and "
        "writes only inside its folders; put the file or folder itself there, or remove the link"
        "\n1 problem found\n"
    )
    assert list((workspace_dir / "output").iterdir()) == []


# -- the XML --


def test_the_letterhead_is_red_over_a_red_rule() -> None:
    root = body(letterhead_xml("江州市总工会文件", "江工发〔2024〕12号"))
    mark, number = root.findall(f"{W}p")
    properties = mark.find(f"{W}r/{W}rPr")
    assert properties.find(f"{W}color").get(f"{W}val") == "FF0000"
    assert properties.find(f"{W}sz").get(f"{W}val") == "84"
    assert properties.find(f"{W}rFonts").get(f"{W}eastAsia") == "方正小标宋简体"
    rule = number.find(f"{W}pPr/{W}pBdr/{W}bottom")
    assert (rule.get(f"{W}color"), rule.get(f"{W}val")) == ("FF0000", "single")
    assert number.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"
    # -- the title stands two blank lines below the rule --
    assert number.find(f"{W}pPr/{W}spacing").get(f"{W}after") == str(2 * 579)


def test_an_upward_letter_puts_the_number_left_and_the_signers_right() -> None:
    root = body(letterhead_xml("江州市总工会", "江工呈〔2024〕3号", ("张三", "李四")))
    number = root.findall(f"{W}p")[1]
    texts = ["".join(run.itertext()) for run in number.findall(f"{W}r")]
    assert texts == ["江工呈〔2024〕3号", "", "签发人：", "张三", "　李四"]
    fonts = [run.find(f"{W}rPr/{W}rFonts") for run in number.findall(f"{W}r")]
    assert fonts[3].get(f"{W}eastAsia") == "楷体_GB2312"
    assert fonts[2].get(f"{W}eastAsia") == "仿宋_GB2312"
    # -- 居左空一字 and 居右空一字 --
    assert number.find(f"{W}pPr/{W}ind").get(f"{W}left") == str(BODY_CHAR)
    assert number.find(f"{W}pPr/{W}tabs/{W}tab").get(f"{W}pos") == str(TEXT_WIDTH - BODY_CHAR)


def test_unsealed_the_date_starts_two_characters_right_of_the_name() -> None:
    # -- a name longer than the date: the name 右空二字 --
    name, date = "江州市总工会劳动和经济工作部", "2024年3月15日"
    places = signature_places(name, date, sealed=False)
    assert places.name_right == 2 * BODY_CHAR
    name_start = TEXT_WIDTH - places.name_right - text_width(name)
    date_start = TEXT_WIDTH - places.date_right - text_width(date)
    assert date_start - name_start == pytest.approx(2 * BODY_CHAR)
    # -- a date longer than the name: the date 右空二字, the name moved left to match --
    places = signature_places("市总工会", date, sealed=False)
    assert places.date_right == 2 * BODY_CHAR
    name_start = TEXT_WIDTH - places.name_right - text_width("市总工会")
    date_start = TEXT_WIDTH - places.date_right - text_width(date)
    assert date_start - name_start == pytest.approx(2 * BODY_CHAR)


def test_sealed_the_date_stands_four_characters_in_and_the_name_centred_over_it() -> None:
    name, date = "江州市总工会", "2024年12月31日"
    places = signature_places(name, date, sealed=True)
    assert places.date_right == 4 * BODY_CHAR
    name_centre = TEXT_WIDTH - places.name_right - text_width(name) / 2
    date_centre = TEXT_WIDTH - places.date_right - text_width(date) / 2
    assert name_centre == pytest.approx(date_centre)


def test_the_signature_follows_one_blank_line_without_a_seal() -> None:
    paragraphs = body(signature_xml("江州市总工会", "2024年3月15日")).findall(f"{W}p")
    assert ["".join(p.itertext()) for p in paragraphs] == ["", "江州市总工会", "2024年3月15日"]
    assert [p.find(f"{W}pPr/{W}jc").get(f"{W}val") for p in paragraphs[1:]] == ["right"] * 2


def test_the_imprint_floats_at_the_foot_of_the_block_between_full_width_rules() -> None:
    xml = imprint_xml(("市委办公室", "市政府办公室"), "江州市总工会办公室", "2024年3月15日")
    root = body(xml)
    anchor = root.find(f".//{{{_WP}}}anchor")
    vertical = anchor.find(f"{{{_WP}}}positionV")
    assert vertical.get("relativeFrom") == "margin"
    assert vertical.find(f"{{{_WP}}}align").text == "bottom"
    assert anchor.find(f"{{{_WP}}}wrapTopAndBottom") is not None
    inside = anchor.findall(f".//{W}txbxContent/{W}p")
    texts = ["".join(p.itertext()) for p in inside]
    assert texts == [
        "",
        "抄送：市委办公室，市政府办公室。",
        "",
        "江州市总工会办公室2024年3月15日印发",
        "",
    ]
    rules = [p.find(f"{W}pPr/{W}pBdr/{W}bottom") for p in inside[::2]]
    # -- 0.35 mm above and below, 0.25 mm between --
    assert [rule.get(f"{W}sz") for rule in rules] == ["8", "6", "8"]
    for rule_paragraph in inside[::2]:
        indent = rule_paragraph.find(f"{W}pPr/{W}ind")
        assert (indent.get(f"{W}left"), indent.get(f"{W}right")) == ("0", "0")
    copies = inside[1].find(f"{W}pPr/{W}ind")
    # -- 左右各空一字 (四号), a wrapped line under the first name --
    assert (copies.get(f"{W}left"), copies.get(f"{W}hanging"), copies.get(f"{W}right")) == (
        str(4 * 280),
        str(3 * 280),
        "280",
    )


_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


# -- the templates --


def test_the_notice_renders_its_parts_in_order(workspace_dir: Path) -> None:
    assert main(["render", NOTICE]) == 0
    document = docx.Document(str(workspace_dir / "output" / f"{NOTICE_FILE}.docx"))
    texts = [paragraph.text for paragraph in document.paragraphs if paragraph.text]
    assert texts[:5] == [
        "江州市总工会文件",
        "江工发〔2024〕12号",
        # -- 7.3.1: the long title on two lines, whole words, a trapezoid --
        "江州市总工会关于开展2024年\n“安康杯”竞赛活动的通知",
        "各区县总工会，市直各产业工会，各直属基层工会：",
        texts[4],
    ]
    assert texts[4].startswith("为深入贯彻“安全第一")
    assert texts[-2:] == ["江州市总工会", "2024年3月15日"]
    xml = document.element.xml
    assert xml.count("抄送：省总工会劳动保护部，市应急管理局，市人力资源和社会保障局。") == 1
    assert "江州市总工会办公室" in xml


def test_the_starter_prints_a_letterhead_when_switched_on(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new-department", "women", "--organisation", "江州市妇女联合会"]) == 0
    report = workspace_dir / "data" / "women" / "report.yaml"
    report.write_text(
        report.read_text(encoding="utf-8")
        + "official:\n  number: {code: 江妇发, serial: 3}\n  addressee: 各县区妇联\n",
        encoding="utf-8",
    )
    assert main(["render", "women"]) == 0
    [written] = (workspace_dir / "output").glob("江州市妇女联合会*.docx")
    texts = [p.text for p in docx.Document(str(written)).paragraphs if p.text]
    year = int(texts[1][4:8])  # -- the 发文字号's year is the date's --
    assert texts[:4] == [
        "江州市妇女联合会文件",
        f"江妇发〔{year}〕3号",
        f"江州市妇女联合会{year - 1}年工作报告",
        "各县区妇联：",
    ]
    assert texts[-2] == "江州市妇女联合会"


# -- the page, as LibreOffice lays it out --

DPI = 300
PX_PER_MM = DPI / 25.4


def page_pixels(pdf: Path, page: int, folder: Path) -> np.ndarray:
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(DPI),
            "-f",
            str(page),
            "-l",
            str(page),
            str(pdf),
            str(folder / "p"),
        ],
        check=True,
    )
    [png] = folder.glob("p*.png")
    pixels = np.asarray(Image.open(png).convert("RGB")).astype(int)
    png.unlink()
    return pixels


def horizontal_rules(mask: np.ndarray) -> list[tuple[float, float, float, float]]:
    """Return (top, thickness, left, right) in mm of each run of rows a long line fills."""
    rows = []
    for y in range(mask.shape[0]):
        xs = np.flatnonzero(mask[y])
        if len(xs) and xs[-1] - xs[0] > 100 * PX_PER_MM and len(xs) > 0.95 * (xs[-1] - xs[0]):
            rows.append((y, xs[0], xs[-1]))
    rules: list[list[tuple[int, int, int]]] = []
    for row in rows:
        if rules and row[0] - rules[-1][-1][0] <= 1:
            rules[-1].append(row)
        else:
            rules.append([row])
    return [
        (
            rule[0][0] / PX_PER_MM,
            len(rule) / PX_PER_MM,
            rule[0][1] / PX_PER_MM,
            (rule[0][2] + 1) / PX_PER_MM,
        )
        for rule in rules
    ]


def text_lines(pdf: Path) -> dict[str, tuple[float, float]]:
    """Return the left and right edge, in mm, of each line of text on the PDF's pages."""
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = {}
    for match in re.finditer(
        r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</line>', html, re.S
    ):
        text = "".join(re.findall(r">([^<]*)</word>", match.group(3)))
        lines[text] = (float(match.group(1)) * MM_PER_PT, float(match.group(2)) * MM_PER_PT)
    return lines


@pytest.fixture(scope="module")
def notice_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from reportgen.api import render_reports
    from reportgen.pdf import find_soffice
    from reportgen.workspace import Workspace

    if find_soffice() is None or shutil.which("pdftoppm") is None:
        pytest.skip("needs LibreOffice and poppler")  # -- the soffice fixture fails under CI --
    root = tmp_path_factory.mktemp("notice")
    shutil.copytree(REPO / "data" / NOTICE, root / "data" / NOTICE)
    shutil.copytree(REPO / "templates", root / "templates")
    [document] = render_reports(Workspace.at(root), [NOTICE])
    [pdf] = convert_to_pdf([document], root / "pdf")
    return pdf


def test_on_the_page_the_letterhead_sits_where_gbt_9704_puts_it(
    notice_pdf: Path, soffice: str, poppler: None, tmp_path: Path
) -> None:
    pixels = page_pixels(notice_pdf, 1, tmp_path)
    red = (pixels[:, :, 0] > 180) & (pixels[:, :, 1] < 90) & (pixels[:, :, 2] < 90)
    [(rule_top, thickness, left, right)] = horizontal_rules(red)
    # -- the mark's top edge 35 mm below the top of the text block (37 mm from the page's) --
    mark_top = np.flatnonzero(red.any(axis=1))[0] / PX_PER_MM
    assert mark_top - 37 == pytest.approx(35, abs=0.5)
    # -- the rule as wide as the text block, from 28 mm to 184 mm --
    assert (left, right) == (pytest.approx(28, abs=0.3), pytest.approx(184, abs=0.3))
    assert thickness == pytest.approx(0.53, abs=0.15)
    # -- 4 mm below the 发文字号 --
    dark = pixels.sum(axis=2) < 200
    number_bottom = np.flatnonzero(dark[: round(rule_top * PX_PER_MM) - 2].any(axis=1))[-1]
    assert rule_top - number_bottom / PX_PER_MM == pytest.approx(4, abs=0.5)


def test_on_the_page_the_date_stands_four_characters_in_under_a_centred_name(
    notice_pdf: Path, soffice: str, poppler: None
) -> None:
    lines = text_lines(notice_pdf)
    name_left, name_right = lines["江州市总工会"]
    date_left, date_right = lines["2024年3月15日"]
    character = 16 * MM_PER_PT  # -- one 三号 character: 5.64 mm --
    assert 184 - date_right == pytest.approx(4 * character, abs=0.5)
    assert (name_left + name_right) / 2 == pytest.approx((date_left + date_right) / 2, abs=0.5)


def test_on_the_page_the_imprint_ends_on_the_foot_of_the_text_block(
    notice_pdf: Path, soffice: str, poppler: None, tmp_path: Path
) -> None:
    info = subprocess.run(["pdfinfo", str(notice_pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert pages == 2
    pixels = page_pixels(notice_pdf, pages, tmp_path)
    rules = horizontal_rules(pixels.sum(axis=2) < 200)
    assert len(rules) == 3
    for _, _, left, right in rules:
        assert (left, right) == (pytest.approx(28, abs=0.3), pytest.approx(184, abs=0.3))
    assert [round(thickness, 2) for _, thickness, _, _ in rules] == [
        pytest.approx(0.35, abs=0.1),
        pytest.approx(0.25, abs=0.1),
        pytest.approx(0.35, abs=0.1),
    ]
    top, thickness, _, _ = rules[-1]
    # -- the last rule on the bottom edge of the text block: 297 - 35 = 262 mm --
    assert top + thickness == pytest.approx(262, abs=0.5)


def test_on_the_page_without_a_seal_the_date_starts_two_characters_right_of_the_name(
    workspace_dir: Path, soffice: str, poppler: None
) -> None:
    report = workspace_dir / "data" / NOTICE / "report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(
        "\n".join(line for line in text.splitlines() if not line.startswith("  seal:")) + "\n",
        encoding="utf-8",
    )
    assert main(["render", NOTICE]) == 0
    [pdf] = convert_to_pdf(
        [workspace_dir / "output" / f"{NOTICE_FILE}.docx"], workspace_dir / "pdf"
    )
    lines = text_lines(pdf)
    name_left, _ = lines["江州市总工会"]
    date_left, date_right = lines["2024年3月15日"]
    character = 16 * MM_PER_PT
    # -- the date is the longer: it stands two characters from the right (11.3 mm) --
    assert 184 - date_right == pytest.approx(2 * character, abs=0.5)
    assert date_left - name_left == pytest.approx(2 * character, abs=0.5)


def test_fields_names_where_the_official_parts_come_from(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fields", "notice"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:6] == [
        "  official         made by reportgen  official: … (optional; what it holds is made from "
        "it, see the README)",
        "    letterhead     made by reportgen  made from official: …",
        "    addressee      made by reportgen  made from official: …",
        "    signature      made by reportgen  made from official: …",
        "    imprint        made by reportgen  made from official: …",
    ]


def test_on_the_page_an_upward_letter_has_its_number_and_signer_one_character_in(
    workspace_dir: Path, soffice: str, poppler: None
) -> None:
    report = workspace_dir / "data" / NOTICE / "report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("  addressee:", "  signers: [张三]\n  addressee:"), "utf-8")
    assert main(["render", NOTICE]) == 0
    [pdf] = convert_to_pdf(
        [workspace_dir / "output" / f"{NOTICE_FILE}.docx"], workspace_dir / "pdf"
    )
    lines = text_lines(pdf)
    left, _ = lines["江工发〔2024〕12号"]
    _, right = lines["签发人：张三"]
    character = 16 * MM_PER_PT
    # -- 发文字号 居左空一字, 签发人 居右空一字, on one line --
    assert left - 28 == pytest.approx(character, abs=0.5)
    assert 184 - right == pytest.approx(character, abs=0.5)
