"""The messages of the template stage, in English and Chinese (see :mod:`reportgen.i18n`)."""

from __future__ import annotations

from reportgen.i18n import MessageKind

TEMPLATE_NOT_FOUND = MessageKind(
    "template.not-found",
    en="template '{name}' not found in {folder} ({detail})",
    zh="在 {folder} 中找不到模板“{name}”（{detail}）",
)
TEMPLATES_FOLDER_MISSING = MessageKind(
    "template.folder-missing",
    en="the templates folder {folder} is missing",
    zh="模板文件夹 {folder} 不存在",
)
TEMPLATE_SIMILAR = MessageKind(
    "template.similar-name", en="did you mean '{name}'?", zh="是否应为“{name}”？"
)
TEMPLATES_AVAILABLE = MessageKind(
    "template.available",
    en="templates there: {names}",
    zh="该文件夹中的模板有：{names}",
)
TEMPLATES_NONE = MessageKind(
    "template.folder-empty",
    en="the folder holds no .docx",
    zh="该文件夹中没有 .docx 文件，请把模板放进去",
)

# -- templates Word lays out otherwise (warnings) --

_FIX_EN = "run 'reportgen fix-template {name}'"
_FIX_ZH = "请运行 reportgen fix-template {name} 修正"

COMPATIBILITY_MODE = MessageKind(
    "template.compatibility-mode",
    en="Word opens this template in Compatibility Mode (mode {mode}, an older Word's layout), "
    f"so its lines and pages may differ from the PDF's: {_FIX_EN}",
    zh="Word 会以“兼容模式”打开此模板（兼容级别 {mode}，按旧版 Word 排版），"
    f"分行和分页可能与 PDF 不同：{_FIX_ZH}",
)
EAST_ASIAN_LANGUAGE = MessageKind(
    "template.east-asian-language",
    en="the document's default East Asian language is {language}, not Chinese, and Word breaks "
    f"lines and chooses fonts for Chinese text by it: {_FIX_EN}",
    zh=f"文档默认的东亚语言是 {{language}} 而不是中文，Word 会按它给中文断行、选字体：{_FIX_ZH}",
)
THEME_FONT_LANGUAGE = MessageKind(
    "template.theme-font-language",
    en="the theme fonts' East Asian language is {language}, so text in a theme font takes a "
    f"Japanese or other non-Chinese face in Word: {_FIX_EN}",
    zh="主题字体的东亚语言是 {language}，Word 中使用主题字体的文字会显示为日文等非中文字体："
    f"{_FIX_ZH}",
)
STYLES_WITH_EFFECTS = MessageKind(
    "template.styles-with-effects",
    en="word/stylesWithEffects.xml, an old copy of the styles, lacks or adds "
    f"{{count}} {{count:style|styles}} of styles.xml ({{styles}}): Word may offer to repair "
    f"the file; {_FIX_EN}",
    zh="word/stylesWithEffects.xml（旧版 Word 留下的样式副本）与 styles.xml 相差 {count} 个样式"
    f"（{{styles}}），Word 打开时可能提示修复文件：{_FIX_ZH}",
)
STYLES_WITH_EFFECTS_DEFAULTS = MessageKind(
    "template.styles-with-effects-defaults",
    en="word/stylesWithEffects.xml, an old copy of the styles, has other document defaults than "
    f"styles.xml: Word may offer to repair the file; {_FIX_EN}",
    zh="word/stylesWithEffects.xml（旧版 Word 留下的样式副本）的默认格式与 styles.xml 不同，"
    f"Word 打开时可能提示修复文件：{_FIX_ZH}",
)
NUMBERING_STYLE_LINKS = MessageKind(
    "template.numbering-style-links",
    en="numbering.xml links lists to {count} {count:style|styles} that styles.xml lacks "
    f"({{styles}}): Word may number or indent those lists otherwise; {_FIX_EN}",
    zh="numbering.xml 中的列表链接了 styles.xml 里没有的 {count} 个样式（{styles}），"
    f"Word 中这些列表的编号和缩进可能不同：{_FIX_ZH}",
)
