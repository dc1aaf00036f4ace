"""Bounds on templates: a .docx that inflates to gigabytes is refused before it is inflated.

The bombs run through reportgen in a process with a memory and CPU limit (tests/limited.py):
without the bounds they would take gigabytes, and the test would fail rather than the machine.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

import pytest

from limited import run_limited
from minimal_workspace import TEMPLATE, make_workspace
from reportgen.ooxml import bounds
from reportgen.ooxml.package import Package, _Entry, _zip

#: What the bomb's document.xml inflates to: more than the memory its test process may take.
BOMB_BYTES = 96 << 24  # 1.5 GiB


def bomb_docx(path: Path) -> None:
    """Write a .docx of about 1.5 MB whose document.xml inflates to 1.5 GiB of spaces."""
    chunk = b" " * (1 << 24)
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    # -- a full flush ends the block byte-aligned with a fresh dictionary: repeatable as it is --
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(BOMB_BYTES // len(chunk)):
        crc = zlib.crc32(chunk, crc)
    deflated = block * (BOMB_BYTES // len(chunk)) + compressor.flush()
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    entries = [
        _Entry(b"word/document.xml", 0, crc, BOMB_BYTES, deflated)
        if name == "word/document.xml"
        else _Entry.deflate(name, blob)
        for name, blob in parts.items()
    ]
    path.write_bytes(_zip(entries))


def test_a_zip_bomb_template_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    make_workspace(tmp_path)
    template = tmp_path / "templates" / TEMPLATE
    bomb_docx(template)
    assert template.stat().st_size < 3_000_000
    for command in ("check", "render"):
        completed = run_limited([command], tmp_path)
        assert completed.returncode == 1, completed.stderr
        assert completed.stderr == (
            f"{template}: word/document.xml would inflate to 1,610,612,736 bytes, more than the "
            f"{bounds.MAX_XML_PART_BYTES:,} one part of a template may take: split the template, "
            "or save it again in Word or WPS\n1 problem found\n"
        )
    assert list((tmp_path / "output").iterdir()) == []


def zip_of(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in parts.items():
            archive.writestr(name, blob)
    return buffer.getvalue()


def refusal(blob: bytes) -> str:
    with pytest.raises(OSError) as raised:
        Package.from_bytes(Path("t.docx"), blob)
    return str(raised.value)


def test_a_template_of_too_many_parts_is_refused_before_its_directory_is_read() -> None:
    parts = {"word/document.xml": b"<w:document/>"}
    parts.update({f"word/media/{index}.png": b"" for index in range(bounds.MAX_PARTS)})
    assert refusal(zip_of(parts)) == (
        "t.docx: the template holds 1001 parts, more than the 1000 a .docx template may hold: it "
        "is not a document Word made; save it again in Word or WPS"
    )


def test_parts_that_inflate_beyond_the_total_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bounds, "MAX_INFLATED_BYTES", 1_000)
    blob = zip_of({"word/document.xml": b"<w:document/>", "word/media/a.png": bytes(2_000)})
    assert refusal(blob) == (
        "t.docx: the template's parts would inflate to 2,013 bytes, more than the 1,000 a "
        "template may take: make the pictures in it smaller, or save it again in Word or WPS"
    )


def test_a_template_file_larger_than_the_limit_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportgen.ooxml.package import read_template

    monkeypatch.setattr(bounds, "MAX_FILE_BYTES", 1_000)
    path = tmp_path / "big.docx"
    path.write_bytes(bytes(5_000))
    with pytest.raises(OSError) as raised:
        read_template(path)
    assert str(raised.value) == (
        f"{path}: the template is 5,000 bytes, more than the 1,000 a template may have: make the "
        "pictures in it smaller, or check that it is the file meant"
    )


@pytest.mark.parametrize("declaration", [b"<!DOCTYPE w [<!ENTITY a 'x'>]>", b"<!ENTITY a 'x'>"])
def test_a_part_declaring_a_dtd_is_refused(declaration: bytes) -> None:
    blob = zip_of({"word/document.xml": b'<?xml version="1.0"?>' + declaration + b"<w:document/>"})
    assert refusal(blob) == (
        "t.docx: word/document.xml declares a DTD (<!DOCTYPE> or <!ENTITY>), which a .docx may "
        "not hold and Word never writes: save the template again in Word or WPS"
    )


def test_a_template_of_more_tags_than_a_template_may_hold_is_refused_before_they_are_parsed(
    tmp_path: Path,
) -> None:
    # -- each tag was parsed and checked on its own: a .docx of 1 MB with 160,000 tags took
    # 35 s and 2 GB of memory (the test's process may take one) before it said anything --
    make_workspace(tmp_path)
    template = tmp_path / "templates" / TEMPLATE
    paragraphs = "".join(
        f"<w:p><w:r><w:t>{{{{ report.title }}}}第{index}段</w:t></w:r></w:p>"
        for index in range(160_000)
    )
    with zipfile.ZipFile(template) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    document = parts["word/document.xml"].decode("utf-8")
    parts["word/document.xml"] = document.replace("<w:body>", f"<w:body>{paragraphs}", 1).encode()
    template.write_bytes(zip_of(parts))
    completed = run_limited(["check"], tmp_path, {"REPORTGEN_NO_CACHE": "1"})
    assert completed.returncode == 1, completed.stderr
    total = len(re.findall(r"\{[{%#]", document)) + 160_000
    assert completed.stderr.splitlines()[0] == (
        f"{template}: the template holds {total:,} tags, more than the 20,000 a template may hold "
        "(checking each would take minutes and gigabytes of memory): split it into several "
        "templates"
    )
