"""Keep a heading line with the paragraph after it.

A template made by hand sets its headings ("一、时间和地点", "（二）关爱服务", "{{ item.no }}、
{{ item.title }}") and its lead-in lines ("主要事迹：", "市总工会：") as ordinary paragraphs
in a bold face, not in Word's heading styles, so nothing keeps them with the text they head:
when the text grows, the heading is left alone at the foot of a page. Before the part is
prepared, each such line gets ``w:keepNext``, as Word's own heading styles have.

A line is taken for a heading when it is short and either opens with a Chinese ordinal and
ends without a sentence's closing mark, or ends with a colon. Lines in tables and text boxes,
the lines of ``{% %}`` tags, and lines the author has set either way are left as they are.
"""

from __future__ import annotations

import re

from lxml import etree

from reportgen.ooxml.keep import keep_with_next
from reportgen.template.split_tags import part_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: The longest heading, in characters outside its tags.
MAX_HEADING_CHARACTERS = 30
#: The most tags a heading holds (a number and a title; a department's name).
MAX_HEADING_TAGS = 3
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_ORDINAL = r"[一二三四五六七八九十百]+"
_NUMBERED = re.compile(
    rf"^(?:{_ORDINAL}、|（{_ORDINAL}）|第{_ORDINAL}[章节部分条]|\{{\{{[^{{}}]*\}}\}}、)"
)
#: How a sentence, not a heading, ends: "（一）请各单位于3月12日前报送名单。"
_SENTENCE_END = ("。", "；", "，", "！", "？", ".", ";", ",")
_LEAD_IN_END = ("：", ":")
#: Where a paragraph is not a line of the body's text.
_APART = (f"{_W}tbl", f"{_W}txbxContent")


def keep_headings(xml: str) -> str:
    """Return a part's XML with each heading line kept with the paragraph after it."""
    if "body" not in xml:
        return xml  # -- headers, footers and notes have no headings --
    root = etree.fromstring(xml.encode("utf-8"))
    changed = False
    for paragraph in root.iter(f"{_W}p"):
        if _is_heading(paragraph) and keep_with_next(paragraph):
            changed = True
    return part_text(root, xml) if changed else xml


def _is_heading(paragraph: etree._Element) -> bool:
    text = "".join(paragraph.itertext(f"{_W}t")).strip()
    if not text or text.startswith("{%"):
        return False
    outside = _TAG.sub("", text)
    if len(outside) > MAX_HEADING_CHARACTERS or len(_TAG.findall(text)) > MAX_HEADING_TAGS:
        return False
    numbered = _NUMBERED.match(text) is not None and not text.endswith(_SENTENCE_END)
    if not (numbered or text.endswith(_LEAD_IN_END)):
        return False
    return not any(ancestor.tag in _APART for ancestor in paragraph.iterancestors())
