"""Find, and undo, what makes Word lay out a template otherwise than LibreOffice and WPS.

A template saved by an older Word, or made from python-docx's default, carries settings that
change the layout only in Word:

- ``compatibilityMode`` below 15: Word opens it in "Compatibility Mode" and lays it out as
  Word 2010 did (line heights, grid snapping, table widths);
- an East Asian language other than Chinese in the document defaults
  (``w:lang w:eastAsia="en-US"``), which sets the rules for line breaking and the fallback
  font of Chinese text;
- a theme-font language other than Chinese (``w:themeFontLang w:eastAsia="ja-JP"``): text in
  a theme font falls back to a Japanese Mincho;
- a ``stylesWithEffects`` part (Word 2010's copy of the styles) that disagrees with
  styles.xml: Word may offer to repair the file;
- list levels in numbering.xml linked to styles that styles.xml does not define.

:func:`compatibility_findings` lists them; :func:`normalised_parts` returns the package with
mode 15, Chinese as the East Asian language, the stale parts (stylesWithEffects, a thumbnail
of another page, an empty bibliography) dropped, dangling list links removed, and the runs
hinted (see :mod:`.hints`). Everything else stays as it was.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import NamedTuple

from lxml import etree

from reportgen.ooxml.defects import defined_styles, relationship_target, relationships_part
from reportgen.ooxml.hints import hinted_parts
from reportgen.ooxml.wordml import W

#: The mode of Word 2013 and later, the one Word saves new documents in.
CURRENT_MODE = 15
CHINESE = "zh-CN"
_WORD_URI = "http://schemas.microsoft.com/office/word"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_SETTINGS = "word/settings.xml"
_STYLES = "word/styles.xml"
_NUMBERING = "word/numbering.xml"
_STYLES_WITH_EFFECTS = "word/stylesWithEffects.xml"
_CONTENT_TYPES = "[Content_Types].xml"
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_BIBLIOGRAPHY = "{http://schemas.openxmlformats.org/officeDocument/2006/bibliography}Sources"
#: Elements of w:settings that come after w:compat, for placing a new one in schema order.
_AFTER_COMPAT = {
    f"{W}{name}"
    for name in [
        "docVars",
        "rsids",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    ]
} | {"{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"}


class Finding(NamedTuple):
    """One thing Word would lay out differently: its kind, and the value found."""

    kind: str  # compatibility-mode, east-asian-language, theme-font-language,
    # styles-with-effects, numbering-style-links
    value: str = ""  # the mode or the language found
    styles: tuple[str, ...] = ()  # the style ids concerned, for the last two kinds


def compatibility_findings(parts: Mapping[str, bytes]) -> list[Finding]:
    """Return what in the package ``parts`` Word would lay out otherwise than LibreOffice."""
    trees = _trees(parts, (_SETTINGS, _STYLES, _NUMBERING, _STYLES_WITH_EFFECTS))
    findings: list[Finding] = []
    settings, styles = trees.get(_SETTINGS), trees.get(_STYLES)
    if settings is not None:
        mode = _compatibility_mode(settings)
        if mode < CURRENT_MODE:
            findings.append(Finding("compatibility-mode", str(mode)))
        theme = settings.find(f"{W}themeFontLang")
        language = None if theme is None else theme.get(f"{W}eastAsia")
        if language and not language.startswith("zh"):
            findings.append(Finding("theme-font-language", language))
    if styles is not None:
        language = _default_language(styles)
        if language and not language.startswith("zh"):
            findings.append(Finding("east-asian-language", language))
        findings += _style_findings(styles, trees)
    return findings


def _style_findings(
    styles: etree._Element, trees: Mapping[str, etree._Element]
) -> Iterator[Finding]:
    defined = defined_styles(styles)
    effects = trees.get(_STYLES_WITH_EFFECTS)
    if effects is not None:
        differ = sorted(set(defined) ^ set(defined_styles(effects)))
        defaults_differ = _defaults(styles) != _defaults(effects)
        if differ or defaults_differ:
            yield Finding("styles-with-effects", styles=tuple(differ))
    numbering = trees.get(_NUMBERING)
    if numbering is not None:
        missing = sorted(set(_numbering_links(numbering)) - set(defined))
        if missing:
            yield Finding("numbering-style-links", styles=tuple(missing))


def normalised_parts(parts: Mapping[str, bytes]) -> dict[str, bytes]:
    """Return the parts of the package with every finding undone and the runs hinted.

    The parts keep their order; a part that needs no change keeps its bytes.
    """
    result = dict(parts)
    trees = _trees(parts, (_SETTINGS, _STYLES, _NUMBERING))
    if _SETTINGS in trees and _normalise_settings(trees[_SETTINGS]):
        result[_SETTINGS] = _serialise(trees[_SETTINGS])
    if _STYLES in trees:
        styles = trees[_STYLES]
        if _set_default_language(styles):
            result[_STYLES] = _serialise(styles)
        numbering = trees.get(_NUMBERING)
        if numbering is not None and _unlink_undefined(numbering, set(defined_styles(styles))):
            result[_NUMBERING] = _serialise(numbering)
    result.update(hinted_parts(result))
    stale = {_STYLES_WITH_EFFECTS} | _thumbnails(result) | _empty_bibliographies(result)
    return _without(result, stale & set(result))


# -- reading --


def _trees(parts: Mapping[str, bytes], names: tuple[str, ...]) -> dict[str, etree._Element]:
    trees = {}
    for name in names:
        if name in parts:
            try:
                trees[name] = etree.fromstring(parts[name])
            except etree.XMLSyntaxError:
                continue  # -- the template checks report a part that is not XML --
    return trees


def _compatibility_mode(settings: etree._Element) -> int:
    for setting in settings.iter(f"{W}compatSetting"):
        if setting.get(f"{W}name") == "compatibilityMode":
            value = setting.get(f"{W}val", "")
            return int(value) if value.isdigit() else 0
    return 12 if settings.find(f"{W}compat") is not None else 0  # -- Word 2007's, unmarked --


def _language_element(styles: etree._Element) -> etree._Element | None:
    return styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")


def _default_language(styles: etree._Element) -> str | None:
    element = _language_element(styles)
    return None if element is None else element.get(f"{W}eastAsia")


def _defaults(styles: etree._Element) -> bytes:
    defaults = styles.find(f"{W}docDefaults")
    return b"" if defaults is None else etree.tostring(defaults, method="c14n")


def _numbering_links(numbering: etree._Element) -> Iterator[str]:
    for element in numbering.iter(f"{W}pStyle", f"{W}styleLink", f"{W}numStyleLink"):
        yield element.get(f"{W}val", "")


# -- changing --


def _normalise_settings(settings: etree._Element) -> bool:
    """Set mode 15 and a Chinese theme-font language; return whether anything changed."""
    changed = _compatibility_mode(settings) != CURRENT_MODE
    compat = settings.find(f"{W}compat")
    if compat is None:
        compat = etree.Element(f"{W}compat")
        following = next((child for child in settings if child.tag in _AFTER_COMPAT), None)
        if following is None:
            settings.append(compat)
        else:
            following.addprevious(compat)
    mode = next(
        (
            setting
            for setting in compat.iter(f"{W}compatSetting")
            if setting.get(f"{W}name") == "compatibilityMode"
        ),
        None,
    )
    if mode is None:
        mode = etree.SubElement(compat, f"{W}compatSetting")
        mode.set(f"{W}name", "compatibilityMode")
        mode.set(f"{W}uri", _WORD_URI)
    mode.set(f"{W}val", str(CURRENT_MODE))
    theme = settings.find(f"{W}themeFontLang")
    return _set_chinese(theme) or changed


def _set_chinese(element: etree._Element | None) -> bool:
    """Make Chinese the East Asian language of ``element``; return whether it was another."""
    if element is None or (element.get(f"{W}eastAsia") or "zh").startswith("zh"):
        return False
    element.set(f"{W}eastAsia", CHINESE)
    return True


def _set_default_language(styles: etree._Element) -> bool:
    return _set_chinese(_language_element(styles))


def _unlink_undefined(numbering: etree._Element, defined: set[str]) -> bool:
    """Remove the links of list levels to styles not defined; return whether there were any."""
    links = numbering.iter(f"{W}pStyle", f"{W}styleLink", f"{W}numStyleLink")
    undefined = [element for element in links if element.get(f"{W}val", "") not in defined]
    for element in undefined:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    return bool(undefined)


def _serialise(tree: etree._Element) -> bytes:
    serialised: bytes = etree.tostring(
        tree, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    return serialised


def _thumbnails(parts: Mapping[str, bytes]) -> set[str]:
    # -- a picture of the first page as it looked when saved, not as it looks now --
    return set(_targets(parts, "_rels/.rels", _THUMBNAIL))


def _empty_bibliographies(parts: Mapping[str, bytes]) -> set[str]:
    # -- python-docx's default carries an empty list of sources; Word writes one when needed --
    empty = set()
    for name, blob in parts.items():
        if name.startswith("customXml/item") and not name.startswith("customXml/itemProps"):
            try:
                root = etree.fromstring(blob)
            except etree.XMLSyntaxError:
                continue
            if root.tag == _BIBLIOGRAPHY and len(root) == 0:
                empty.add(name)
    return empty


def _targets(parts: Mapping[str, bytes], rels_name: str, kind: str | None = None) -> list[str]:
    if rels_name not in parts:
        return []
    return [
        relationship_target(rels_name, relationship.get("Target", ""))
        for relationship in etree.fromstring(parts[rels_name]).iter(f"{_PR}Relationship")
        if relationship.get("TargetMode") != "External"
        and (kind is None or relationship.get("Type") == kind)
    ]


def _without(parts: dict[str, bytes], dropped: set[str]) -> dict[str, bytes]:
    """Return ``parts`` without ``dropped``, the relationships to them and what only they used."""
    if not dropped:
        return parts
    for rels_name in [name for name in parts if name.endswith(".rels")]:
        tree = etree.fromstring(parts[rels_name])
        removed = [
            relationship
            for relationship in tree.iter(f"{_PR}Relationship")
            if relationship.get("TargetMode") != "External"
            and relationship_target(rels_name, relationship.get("Target", "")) in dropped
        ]
        for relationship in removed:
            tree.remove(relationship)
        if removed:
            parts[rels_name] = _serialise(tree)
    reachable = _reachable(parts)
    kept = {name: blob for name, blob in parts.items() if name in reachable}
    types = etree.fromstring(kept[_CONTENT_TYPES])
    for override in list(types.iter(f"{_CT}Override")):
        if override.get("PartName", "").lstrip("/") not in kept:
            types.remove(override)
    kept[_CONTENT_TYPES] = _serialise(types)
    return kept


def _reachable(parts: Mapping[str, bytes]) -> set[str]:
    """Return the parts reached from the package's relationships, with their .rels parts."""
    found = {_CONTENT_TYPES, "_rels/.rels"}
    waiting = _targets(parts, "_rels/.rels")
    while waiting:
        name = waiting.pop()
        if name in found or name not in parts:
            continue
        found.add(name)
        rels_name = relationships_part(name)
        if rels_name in parts:
            found.add(rels_name)
            waiting += _targets(parts, rels_name)
    return found
