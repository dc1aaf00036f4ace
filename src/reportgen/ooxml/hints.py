"""Mark runs holding Chinese punctuation so that Word sets them in the East Asian font.

Word chooses a run's font character by character. For most characters the Unicode block
decides, but for some it depends on the run's ``w:rFonts w:hint``: without
``w:hint="eastAsia"`` they are set in the Latin font (Microsoft's notes on Word's font
selection, MS-OI29500 2.1.87). Among them are the quotation marks “ ” ‘ ’, the dash —,
the ellipsis … and the middle dot ·, so a Chinese report without the hint shows narrow
Times New Roman quotes and breaks its lines elsewhere than LibreOffice and WPS do.

:func:`add_east_asian_hints` gives every run whose text holds such a character the hint.
It works on the XML text rather than a parsed tree: it runs on every rendered part of
every document, and most parts need a handful of insertions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

#: The characters whose font the hint decides (MS-OI29500 2.1.87): from Latin-1 those
#: GB2312 has as full-width signs (¡ ¤ § ¨ ª soft hyphen ¯ ° ± ² ³ ´ ¶ · ¸ ¹ º ¼–¿ × ÷),
#: the spacing modifiers, Greek and Cyrillic (ˇ ˉ, α, я), U+2000–U+2EFF (punctuation
#: “ ” ‘ ’ — … ‰ ※, letterlike ℃ №, numerals Ⅰ Ⅱ, arrows, maths, ① ②, box drawing,
#: shapes ■ ○ ★) and the private use area (the characters an office adds to its fonts).
#: The characters that the hint moves only for a zh run (accented Latin such as pinyin)
#: are left out: Word sets them in the Latin font, as LibreOffice does.
HINTED = (
    "\u00a1\u00a4\u00a7\u00a8\u00aa\u00ad\u00af\u00b0-\u00b4\u00b6-\u00ba\u00bc-\u00bf"
    "\u00d7\u00f7\u02b0-\u04ff\u2000-\u2eff\ue000-\uf8ff"
)
_HINTED = re.compile(f"[{HINTED}]")
#: A text element whose text holds such a character; the match starts at the element.
_HINTED_TEXT = re.compile(f"<w:t(?:\\s[^>]*)?>[^<]*?[{HINTED}]")
_RUN_START = re.compile(r"<w:r(?:\s[^>]*)?>")
_FONTS = re.compile(r"<w:rFonts(\s[^>]*?)?(/?)>")
_HINT = re.compile(r'\sw:hint="[^"]*"')
_STYLE = re.compile(r"<w:rStyle\s[^>]*/>")

EAST_ASIA = ' w:hint="eastAsia"'
#: The parts that hold a document's text: its body, headers, footers and notes.
STORY_PART = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")


def needs_hint(text: str) -> bool:
    """Return whether ``text`` holds a character whose font Word chooses by the hint."""
    return _HINTED.search(text) is not None


def add_east_asian_hints(xml: str) -> str:
    """Return ``xml`` (a WordprocessingML part) with ``w:hint="eastAsia"`` on the runs needing it.

    A run needs it when its text holds a character of :data:`HINTED`. Its ``w:rFonts`` gets
    the attribute (replacing another hint), or the run gets an ``w:rFonts`` in schema order
    (after ``w:rStyle``). The XML is expected as Word and docxtpl write it, with the
    ``w:`` prefix; other runs and the rest of the part are left byte for byte.
    """
    # -- only a text element's characters count: the search starts at the first one, past the
    # root's namespaces and the properties before it, which are most of a short part --
    texts = xml.find("<w:t")
    first = _HINTED.search(xml, texts) if texts >= 0 else None
    if first is None:
        return xml  # -- most headers, footers and plain-text parts: nothing to do --
    # -- no text element before the one holding the first such character can hold one --
    before = first.start()
    pieces: list[str] = []
    done = 0
    seen = 0
    for text in _HINTED_TEXT.finditer(xml, max(xml.rfind("<w:t", 0, before), 0)):
        start = _run_start(xml, text.start())
        if start < seen:
            continue  # -- a run with two such text elements, already hinted --
        seen = text.start()
        opening = _RUN_START.match(xml, start)
        if opening is None:  # pragma: no cover - a <w:t> outside a run is not WordprocessingML
            continue
        head = xml[opening.end() : text.start()]
        hinted = _hinted_head(head)
        if hinted == head:
            continue  # -- hinted already, as the template's own text mostly is --
        pieces.append(xml[done : opening.end()])
        pieces.append(hinted)
        done = text.start()
    if not pieces:
        return xml
    pieces.append(xml[done:])
    return "".join(pieces)


def _run_start(xml: str, position: int) -> int:
    """Return where the run holding ``position`` opens: the last ``<w:r>`` or ``<w:r …>``."""
    return max(xml.rfind("<w:r>", 0, position), xml.rfind("<w:r ", 0, position))


#: Run heads already hinted, with their hinted form: a batch meets the same few in every
#: document (the template's own runs, and those its values are printed in).
_HINTED_HEADS: dict[str, str] = {}
_KEPT_HEADS = 256


def _hinted_head(head: str) -> str:
    """Return :func:`_hinted_properties` of ``head``, made once for a head seen before."""
    hinted = _HINTED_HEADS.get(head)
    if hinted is None:
        hinted = _hinted_properties(head)
        if len(_HINTED_HEADS) >= _KEPT_HEADS:
            _HINTED_HEADS.clear()
        _HINTED_HEADS[head] = hinted
    return hinted


def _hinted_properties(head: str) -> str:
    """Return ``head`` (a run's content before its text) with the hint in its properties."""
    if head.startswith("<w:rPr/>"):
        head = "<w:rPr></w:rPr>" + head[len("<w:rPr/>") :]
    if not head.startswith("<w:rPr>"):
        return f"<w:rPr><w:rFonts{EAST_ASIA}/></w:rPr>{head}"
    end = head.find("</w:rPr>")
    properties = head[:end]
    fonts = _FONTS.search(properties)
    if fonts is not None:
        attributes = _HINT.sub("", fonts.group(1) or "")
        replaced = f"<w:rFonts{attributes}{EAST_ASIA}{fonts.group(2)}>"
        return properties[: fonts.start()] + replaced + properties[fonts.end() :] + head[end:]
    style = _STYLE.search(properties)
    at = style.end() if style is not None else len("<w:rPr>")
    return f"{properties[:at]}<w:rFonts{EAST_ASIA}/>{properties[at:]}{head[end:]}"


def hinted_parts(parts: Mapping[str, bytes]) -> dict[str, bytes]:
    """Return the story parts of a package that :func:`add_east_asian_hints` changes, changed."""
    changed: dict[str, bytes] = {}
    for name, blob in parts.items():
        if STORY_PART.fullmatch(name):
            xml = blob.decode("utf-8")
            hinted = add_east_asian_hints(xml)
            if hinted != xml:
                changed[name] = hinted.encode("utf-8")
    return changed
