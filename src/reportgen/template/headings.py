"""Keep a heading line with the paragraph after it, and a signature with its date.

A template made by hand sets its headings ("一、时间和地点", "（二）关爱服务", "{{ item.no }}、
{{ item.title }}") and its lead-in lines ("主要事迹：", "市总工会：") as ordinary paragraphs
in a bold face, not in Word's heading styles, so nothing keeps them with the text they head:
when the text grows, the heading is left alone at the foot of a page. Before the part is
prepared, each such line gets ``w:keepNext``, as Word's own heading styles have.

A line is taken for a heading when it is short and either opens with a Chinese ordinal and
ends without a sentence's closing mark, or ends with a colon. The short line just above a
date line (the 署名 above the 成文日期) is kept with it too, so a date never starts a page
alone. Lines in tables and text boxes,
the lines of ``{% %}`` tags, and lines the author has set either way are left as they are.
"""

from __future__ import annotations

import re

from lxml import etree

from reportgen.ooxml.wordml import W, keep_with_next, text_of
from reportgen.template.split_tags import TAG
from reportgen.template.tree_edits import TreeEdit, edit_part

#: The longest heading, in characters outside its tags.
MAX_HEADING_CHARACTERS = 30
#: The most tags a heading holds (a number and a title; a department's name).
MAX_HEADING_TAGS = 3
_ORDINAL = r"[一二三四五六七八九十百]+"
_NUMBERED = re.compile(
    rf"^(?:{_ORDINAL}、|（{_ORDINAL}）|第{_ORDINAL}[章节部分条]|\{{\{{[^{{}}]*\}}\}}、)"
)
#: How a sentence, not a heading, ends: "（一）请各单位于3月12日前报送名单。"
_SENTENCE_END = ("。", "；", "，", "！", "？", ".", ";", ",")
_LEAD_IN_END = ("：", ":")
#: A date line: 2024年3月1日, 二〇二四年三月一日, or a tag printing a date.
_DATE_LINE = re.compile(
    r"^(?:(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d〇一二三四五六七八九十]{1,3}月"
    r"[\d〇一二三四五六七八九十]{1,3}日|\{\{[^{}]*(?:date|日期)[^{}]*\}\})$"
)
#: Where a paragraph is not a line of the body's text.
_APART = (f"{W}tbl", f"{W}txbxContent")


def keep_headings(xml: str) -> str:
    """Return a part's XML with each heading line kept with the paragraph after it."""
    return edit_part(xml, [HEADINGS])


def _keep_headings_in(root: etree._Element) -> bool:
    changed = False
    for paragraph in root.iter(f"{W}p"):
        if (_is_heading(paragraph) or _is_signature(paragraph)) and keep_with_next(paragraph):
            changed = True
    return changed


def _is_heading(paragraph: etree._Element) -> bool:
    text = text_of(paragraph).strip()
    if not _is_short_line(text):
        return False
    numbered = _NUMBERED.match(text) is not None and not text.endswith(_SENTENCE_END)
    if not (numbered or text.endswith(_LEAD_IN_END)):
        return False
    return not any(ancestor.tag in _APART for ancestor in paragraph.iterancestors())


def _is_signature(paragraph: etree._Element) -> bool:
    """Return whether ``paragraph`` is a short line standing over a date line."""
    below = paragraph.getnext()
    if below is None or below.tag != f"{W}p" or not _DATE_LINE.match(text_of(below).strip()):
        return False
    text = text_of(paragraph).strip()
    return _is_short_line(text) and not text.endswith(_SENTENCE_END)


def _is_short_line(text: str) -> bool:
    """Return whether ``text`` may be a line of its own: short, with few tags, not a block."""
    if not text or text.startswith("{%"):
        return False
    outside = TAG.sub("", text)
    return len(outside) <= MAX_HEADING_CHARACTERS and len(TAG.findall(text)) <= MAX_HEADING_TAGS


#: The edit, for preparing a part with the others on one parse; headers, footers and notes
#: have no headings.
HEADINGS = TreeEdit(lambda xml: "body" in xml, _keep_headings_in)
