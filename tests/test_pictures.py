"""Pictures from data: a photo a row names, a seal report.yaml names, placed at the template's size.

Pictures are made with Pillow, the documents opened with python-docx, converted with
LibreOffice and their images measured with poppler's pdfimages.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Cm
from PIL import Image

from reportgen.cli import main
from reportgen.i18n import set_language
from reportgen.ooxml.images import PictureError, read_image
from reportgen.ooxml.pictures import picture

REPO = Path(__file__).resolve().parent.parent

REPORT_YAML = """\
template: card.docx
organisation: 市总工会
title: 先进个人
period: {start: 2023, end: 2023}
date: 2024-01-18
batch:
  rows: people.csv
  output: "{row.name}"
"""


def photo(path: Path, size: tuple[int, int], colour: str = "navy") -> Path:
    image = Image.new("RGB", size, colour)
    image.save(path, format="JPEG" if path.suffix == ".jpg" else "PNG")
    return path


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a workspace with a card for each person in a table, each with a photo."""
    root = tmp_path / "workspace"
    folder = root / "data" / "cards"
    folder.mkdir(parents=True)
    (root / "templates").mkdir()
    template = docx.Document()
    template.add_paragraph("{{ row.name }}")
    template.add_paragraph('{{ row.photo | picture(width="3cm") }}')
    template.save(str(root / "templates" / "card.docx"))
    (folder / "report.yaml").write_text(REPORT_YAML, "utf-8")
    (folder / "people.csv").write_text("name,photo\n张三,zhang.jpg\n李四,li.png\n", "utf-8")
    photo(folder / "zhang.jpg", (300, 400))  # -- portrait, 3:4 --
    photo(folder / "li.png", (400, 200), "darkred")  # -- landscape, 2:1 --
    monkeypatch.chdir(root)
    return root


def test_a_photo_a_row_names_is_placed_at_the_width_the_template_gives(workspace: Path) -> None:
    assert main(["render", "cards"]) == 0

    zhang = docx.Document(str(workspace / "output" / "cards" / "张三.docx"))
    li = docx.Document(str(workspace / "output" / "cards" / "李四.docx"))
    assert [(shape.width, shape.height) for shape in zhang.inline_shapes] == [(Cm(3), Cm(4))]
    assert [(shape.width, shape.height) for shape in li.inline_shapes] == [(Cm(3), Cm(1.5))]
    with zipfile.ZipFile(workspace / "output" / "cards" / "张三.docx") as archive:
        media = [name for name in archive.namelist() if name.startswith("word/media/")]
        assert media == ["word/media/reportgen-picture1.jpeg"]
        assert archive.read(media[0]) == (workspace / "data" / "cards" / "zhang.jpg").read_bytes()
        assert b'<Default Extension="jpeg" ContentType="image/jpeg"/>' in archive.read(
            "[Content_Types].xml"
        )


def test_the_same_data_gives_the_same_bytes(workspace: Path) -> None:
    assert main(["render", "cards", "-o", "one"]) == 0
    assert main(["render", "cards", "-o", "two"]) == 0

    for name in ("张三.docx", "李四.docx"):
        assert (workspace / "one" / "cards" / name).read_bytes() == (
            workspace / "two" / "cards" / name
        ).read_bytes()


@pytest.mark.soffice
def test_the_pictures_in_the_pdf_have_their_size(
    workspace: Path, soffice: str, poppler: None
) -> None:
    assert main(["render", "cards", "--pdf"]) == 0

    for name, width_cm, height_cm in (("张三", 3, 4), ("李四", 3, 1.5)):
        listing = subprocess.run(
            ["pdfimages", "-list", str(workspace / "output" / "cards" / f"{name}.pdf")],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()[2:]
        assert len(listing) == 1, listing
        columns = listing[0].split()
        pixels_wide, pixels_high, x_ppi, y_ppi = (int(columns[i]) for i in (3, 4, 12, 13))
        # -- printed size = pixels / pixels per inch; pdfimages rounds the ppi --
        assert pixels_wide / x_ppi * 2.54 == pytest.approx(width_cm, rel=0.02)
        assert pixels_high / y_ppi * 2.54 == pytest.approx(height_cm, rel=0.02)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (None, "the picture 'li.png' is not in {folder}: put it there, or correct its name"),
        (b"\x89PNG\r\n\x1a\n broken", "'li.png' is not a PNG or JPEG picture: save it as one"),
        (b"GIF89a", "'li.png' is not a PNG or JPEG picture: save it as one"),
        ("truncated", "the picture 'li.png' is damaged"),
        ("huge", "the picture 'li.png' has 8000 × 7000 pixels, more than 48 million"),
    ],
)
def test_a_missing_or_bad_picture_is_a_problem_of_its_row(
    workspace: Path, capsys: pytest.CaptureFixture[str], make: object, message: str
) -> None:
    folder = workspace / "data" / "cards"
    target = folder / "li.png"
    if make is None:
        target.unlink()
    elif make == "truncated":
        target.write_bytes(target.read_bytes()[:-200])
    elif make == "huge":
        Image.new("1", (8000, 7000)).save(target)  # -- 56 megapixels in a few kilobytes --
    else:
        assert isinstance(make, bytes)
        target.write_bytes(make)

    assert main(["render", "cards"]) == 1

    out, err = capsys.readouterr()
    assert out.splitlines() == ["output/cards/张三.docx"]
    first = err.splitlines()[0]
    assert first.startswith(f"{folder / 'people.csv'}:3: card.docx, body")
    assert message.format(folder=folder) in first


@pytest.mark.parametrize("name", ["../zhang.jpg", "sub/zhang.jpg", "/etc/passwd"])
def test_a_picture_is_looked_for_beside_the_data_only(workspace: Path, name: str) -> None:
    folder = workspace / "data" / "cards"
    with pytest.raises(PictureError) as caught:
        read_image(name, folder)
    assert str(caught.value.message).startswith(f"'{name}' does not name a picture file")


def test_a_link_out_of_the_data_folder_is_refused(workspace: Path, tmp_path: Path) -> None:
    outside = photo(tmp_path / "outside.png", (10, 10))
    (workspace / "data" / "cards" / "link.png").symlink_to(outside)

    with pytest.raises(PictureError) as caught:
        read_image("link.png", workspace / "data" / "cards")

    assert "leads out of the data's folder" in str(caught.value.message)


def test_sizes_keep_the_aspect_ratio(workspace: Path) -> None:
    image = read_image("zhang.jpg", workspace / "data" / "cards")  # 300 × 400

    assert (picture(image, height="8cm").width_cm, picture(image, height="8cm").height_cm) == (6, 8)
    boxed = picture(image, width="30mm", height="30mm")  # -- fits inside the box --
    assert (boxed.width_cm, boxed.height_cm) == pytest.approx((2.25, 3.0))
    assert picture(image, width="1in").height_cm == pytest.approx(2.54 * 4 / 3)
    with pytest.raises(PictureError) as caught:
        picture(image, width="three")
    assert str(caught.value.message) == (
        'picture(width=\'three\'): write a length such as "3cm", "25mm" or "1in"'
    )


def phone_photo(path: Path, orientation: int) -> Path:
    """Save a 400 × 300 JPEG whose left half is red, with a phone's EXIF (maker, GPS)."""
    image = Image.new("RGB", (400, 300), "navy")
    image.paste("red", (0, 0, 200, 300))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(0x8825)[2] = (31.0, 14.0, 2.5)  # -- a GPS latitude --
    image.save(path, format="JPEG", exif=exif, quality=95)
    return path


def _placed_picture(document: Path) -> tuple[bytes, tuple[int, int]]:
    """Return the bytes of a document's one picture and its size on the page, in EMU."""
    shape = docx.Document(str(document)).inline_shapes[0]
    with zipfile.ZipFile(document) as archive:
        (media,) = [name for name in archive.namelist() if name.startswith("word/media/")]
        return archive.read(media), (shape.width, shape.height)


def test_a_phone_photo_taken_sideways_is_placed_upright(workspace: Path) -> None:
    # -- EXIF orientation 6: the camera was turned a quarter; the photo is 300 wide, 400 high --
    phone_photo(workspace / "data" / "cards" / "zhang.jpg", orientation=6)

    assert main(["render", "cards"]) == 0

    blob, size = _placed_picture(workspace / "output" / "cards" / "张三.docx")
    assert size == (Cm(3), Cm(4))
    with Image.open(io.BytesIO(blob)) as placed:
        assert placed.size == (300, 400)
        assert 0x0112 not in placed.getexif()  # -- no reader turns it a second time --
        # -- the left of the sensor is the top of the upright photo --
        red, navy = placed.convert("RGB").getpixel((150, 50)), placed.getpixel((150, 350))
    assert red[0] > 200 and red[2] < 60, red
    assert navy[2] > 100 and navy[0] < 60, navy
    assert b"PhoneMaker" not in blob


def test_a_photo_goes_in_without_its_camera_metadata_and_its_pixels_untouched(
    workspace: Path,
) -> None:
    original = phone_photo(workspace / "data" / "cards" / "zhang.jpg", orientation=1)

    assert main(["render", "cards"]) == 0

    blob, size = _placed_picture(workspace / "output" / "cards" / "张三.docx")
    assert size == (Cm(3), Cm(2.25))
    assert b"Exif" not in blob and b"PhoneMaker" not in blob
    with Image.open(io.BytesIO(blob)) as placed, Image.open(original) as taken:
        assert placed.tobytes() == taken.tobytes()  # -- the same image data, not saved anew --
    assert len(original.read_bytes()) - len(blob) > 40


def test_a_picture_problem_reads_in_chinese(workspace: Path) -> None:
    with pytest.raises(PictureError) as caught:
        read_image("wang.png", workspace / "data" / "cards")

    set_language("zh")
    try:
        assert str(caught.value.message) == (
            f"图片“wang.png”不在 {workspace / 'data' / 'cards'} 中："
            "请把图片放进这个文件夹，或改正文件名"
        )
    finally:
        set_language("en")


# -- the seal of the certificate sample: a picture report.yaml names --


@pytest.fixture
def certificates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "workspace"
    shutil.copytree(REPO / "data" / "ankang-certificates", root / "data" / "ankang-certificates")
    shutil.copytree(REPO / "templates", root / "templates")
    monkeypatch.chdir(root)
    return root


def test_the_seal_floats_over_the_date_of_each_certificate(certificates: Path) -> None:
    assert main(["render", "ankang-certificates"]) == 0

    path = next((certificates / "output" / "ankang-certificates").glob("AK2023-01_*.docx"))
    document = docx.Document(str(path))
    date = document.paragraphs[5]
    assert date.text == "2024年1月18日"
    anchors = date._p.xpath(".//wp:anchor")
    assert len(anchors) == 1
    extent = anchors[0].xpath("./wp:extent")[0]
    assert (int(extent.get("cx")), int(extent.get("cy"))) == (Cm(4), Cm(4))
    assert anchors[0].xpath("./wp:wrapNone") and anchors[0].get("behindDoc") == "0"
    seal = Image.open(io.BytesIO(document.part.related_parts[_embed(anchors[0])].blob))
    assert seal.size == (420, 420)


def _embed(anchor: object) -> str:
    blips = anchor.xpath(".//a:blip")  # type: ignore[attr-defined]
    return str(blips[0].get(docx.oxml.ns.qn("r:embed")))


def test_without_a_seal_the_certificate_has_no_picture(certificates: Path) -> None:
    report = certificates / "data" / "ankang-certificates" / "report.yaml"
    text = report.read_text("utf-8")
    report.write_text(
        "\n".join(
            line for line in text.splitlines() if "pictures:" not in line and "seal" not in line
        )
        + "\n",
        "utf-8",
    )

    assert main(["render", "ankang-certificates"]) == 0

    path = next((certificates / "output" / "ankang-certificates").glob("AK2023-01_*.docx"))
    document = docx.Document(str(path))
    assert document.paragraphs[5].text == "2024年1月18日"
    assert not document.element.xpath(".//w:drawing")


def test_a_missing_seal_is_a_problem_of_its_field(
    certificates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = certificates / "data" / "ankang-certificates"
    (folder / "seal.png").unlink()

    assert main(["check", "ankang-certificates"]) == 1

    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == (
        f"{folder / 'report.yaml'}:11:3: report.pictures.seal: the picture 'seal.png' is not in "
        f"{folder}: put it there, or correct its name"
    )


def test_a_drawing_made_once_is_made_again_for_another_picture_at_its_number() -> None:
    from reportgen.ooxml.pictures import InlinePicture, drawing_run

    def seal(description: str, height_cm: float, *, over_text: bool = True) -> InlinePicture:
        return InlinePicture(description, 4.0, height_cm, lambda: b"", over_text=over_text)

    first = drawing_run(1, seal("公章", 4.0))
    assert drawing_run(1, seal("公章", 4.0)) == first
    assert 'descr="公章"' in first and "wp:anchor" in first
    others = [
        drawing_run(2, seal("公章", 4.0)),
        drawing_run(1, seal("印章", 4.0)),
        drawing_run(1, seal("公章", 3.0)),
        drawing_run(1, seal("公章", 4.0, over_text=False)),
    ]
    assert len({first, *others}) == 5
    assert 'descr="印章"' in others[1] and "wp:inline" in others[3]
