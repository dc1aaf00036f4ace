"""A rendered part is proved well-formed from its shape only where that is a proof.

The shape is parsed the second time it is met; a value that could stand anywhere but in
text or an attribute value, or a shape holding comments, leaves the part to be parsed whole.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from markupsafe import Markup, escape

from reportgen.data.figures import Group
from reportgen.data.loader import load_report_data
from reportgen.errors import RenderError
from reportgen.prepare import document_properties
from reportgen.template.compiled import CompiledTemplate
from reportgen.template.messages import XML_BROKEN
from reportgen.template.proven import ProvenShapes

REPO = Path(__file__).parent.parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
START = f"<?xml version='1.0' encoding='UTF-8'?>\n<w:document xmlns:w=\"{W}\"><w:body>"
END = "</w:body></w:document>"


def proved_twice(pieces: list[str]) -> tuple[str | None, str | None]:
    shapes = ProvenShapes()
    return shapes.text(pieces), shapes.text(pieces)


def test_a_value_in_text_or_an_attribute_is_read_from_the_shape_the_second_time() -> None:
    pieces = [f'{START}<w:p><w:r><w:t w:x="', escape("属性"), '">', escape("甲&乙 <丙>")]
    pieces += [f"</w:t></w:r><w:r><w:t>{'丁'}</w:t></w:r></w:p>{END}"]
    assert proved_twice(pieces) == (None, "甲&乙 <丙>丁")


@pytest.mark.parametrize(
    "pieces",
    [
        [f"{START}<w:", Markup("t"), f">甲</w:t>{END}"],  # -- a value in a name --
        [f"{START}<w:t ", Markup("a"), f">甲</w:t>{END}"],  # -- among the attributes --
        [f"{START}<!-- ", Markup("a"), f" --><w:t>甲</w:t>{END}"],  # -- in a comment --
        [f"{START}<w:t>", Markup("a"), f"</w:t><?pi ?>{END}"],  # -- beside an instruction --
        [f'{START}<w:t xmlns:x="', Markup("urn:a"), f'">甲</w:t>{END}'],  # -- a namespace --
        [f"{START}<w:t>\U000f0000", Markup("a"), f"</w:t>{END}"],  # -- the marks' own text --
        [f"{START}<w:t>", Markup("a"), f"</w:t>{END[:-1]}"],  # -- not well-formed --
    ],
)
def test_a_shape_where_a_value_could_stand_elsewhere_is_not_proved(pieces: list[str]) -> None:
    assert proved_twice(pieces) == (None, None)


@pytest.mark.parametrize("value", ["a]]", "tab\there", "\x0b", "&nbsp;"])
def test_a_value_that_is_not_inert_is_part_of_the_shape(value: str) -> None:
    shapes = ProvenShapes()
    inert = [f"{START}<w:t>", escape("甲"), f"</w:t>{END}"]
    assert shapes.text(inert) is None
    other = [f"{START}<w:t>", Markup(value), f"</w:t>{END}"]
    assert shapes.text(other) is None  # -- a shape of its own, met once --
    assert shapes.text(inert) == "甲"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="甲a &<>\"']]-;#x0\u3000", max_size=12), min_size=2, max_size=4))
def test_the_text_read_from_a_shape_is_the_text_a_parser_reads(values: list[str]) -> None:
    shapes = ProvenShapes()
    for value in values:
        pieces = [f'{START}<w:p><w:r><w:t xml:space="preserve">', escape(value), "</w:t>"]
        pieces += [f"<w:t>乙</w:t></w:r></w:p>{END}"]
        text = shapes.text(pieces)
        root = etree.fromstring("".join(pieces).encode("utf-8"))
        parsed = "".join(element.text or "" for element in root.iter(f"{{{W}}}t"))
        assert text is None or text == parsed


def certificate(name: str, times: int = 3) -> list[bytes | RenderError]:
    """Render the certificate for ``name`` ``times`` times: each document, or its error."""
    data = load_report_data(REPO / "data" / "ankang-certificates")
    template = CompiledTemplate(REPO / "templates" / "certificate.docx")
    row = Group("row", {"number": "AK-1", "name": name, "award": "优胜单位"})
    context = {**data.context, "row": row}
    made: list[bytes | RenderError] = []
    for _ in range(times):
        try:
            made.append(template.render(context, document_properties(data)))
        except RenderError as err:
            made.append(err)
    return made


def test_a_document_of_a_proved_shape_is_the_one_a_parsed_one_is() -> None:
    first, *proved = certificate("长江钢铁集团有限公司（1）")
    assert proved == [first, first]
    assert isinstance(first, bytes)
    with zipfile.ZipFile(BytesIO(first)) as package:
        assert "长江钢铁集团有限公司（1）" in package.read("word/document.xml").decode("utf-8")


def test_a_value_that_breaks_the_xml_is_refused_every_time() -> None:
    made = certificate("甲\x0b乙")
    assert all(isinstance(error, RenderError) for error in made)
    for error in made:
        assert isinstance(error, RenderError)
        assert XML_BROKEN.code in [problem.message.kind.code for problem in error.problems]


@pytest.mark.parametrize(
    "name",
    ["“安康杯”竞赛优胜单位", "长江—钢铁", "甲&乙<丙>", "A'B\"C", "x]]>y", "{_{ 甲 }_}"]
    + ["甲\t乙", "Ⅱ号", "甲\x0b乙"],
)
def test_a_settled_shape_gives_the_document_a_first_render_gives(name: str) -> None:
    data = load_report_data(REPO / "data" / "ankang-certificates")
    properties = document_properties(data)

    def context(value: str) -> dict[str, object]:
        row = {"number": "1", "name": value, "award": "优胜"}
        return {**data.context, "row": Group("row", row)}

    def rendered(template: CompiledTemplate, value: str) -> bytes | str:
        try:
            return template.render(context(value), properties)
        except RenderError as err:
            return str([problem.message for problem in err.problems])

    settled = CompiledTemplate(REPO / "templates" / "certificate.docx")
    for index in range(4):  # -- met, proved, left as printed: settled --
        rendered(settled, f"某某公司（{index}）")
    assert rendered(settled, name) == rendered(CompiledTemplate(settled.path), name)
