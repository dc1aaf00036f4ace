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
IN_TAG = MessageKind("template.in-tag", en="{message} in {tag}", zh="{message}：{tag}")
NOT_ALLOWED = MessageKind(
    "template.not-allowed",
    en="not allowed: {detail}",
    zh="不允许：{detail}（模板只能使用数据，不能调用程序内部的东西）",
)
PROGRAM_TEXT = MessageKind(
    "template.program-text",
    en="the document would show program text, not the data: …{snippet}…: print a field of the "
    "value, or join a list with | join_cn",
    zh="文档中会出现程序文字而不是数据：…{snippet}…："
    "请印出该值的某个字段，或用 | join_cn 把列表连成一句",
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

# -- reportgen fields: what kind of field a template needs, and where the data gives it --
KIND_NAMES = {
    "text": MessageKind("fields.kind-text", en="text", zh="文字"),
    "number": MessageKind("fields.kind-number", en="number", zh="数字"),
    "date": MessageKind("fields.kind-date", en="date", zh="日期"),
    "figure": MessageKind("fields.kind-figure", en="figure", zh="数字（含上期数等）"),
    "group of figures": MessageKind("fields.kind-figures", en="group of figures", zh="一组数字"),
    "list of text": MessageKind("fields.kind-texts", en="list of text", zh="文字列表"),
    "list of records": MessageKind("fields.kind-records", en="list of records", zh="记录列表"),
    "record": MessageKind("fields.kind-record", en="fields", zh="一组字段"),
    "period": MessageKind("fields.kind-period", en="period", zh="汇报周期"),
    "year": MessageKind("fields.kind-year", en="year", zh="年份"),
    "section": MessageKind("fields.kind-section", en="made by reportgen", zh="由 reportgen 生成"),
}
WHERE = {
    "text": MessageKind("fields.where-text", en="{key}: …", zh="{key}: …"),
    "number": MessageKind("fields.where-number", en="{key}: a number", zh="{key}: 数字"),
    "date": MessageKind(
        "fields.where-date",
        en="{key}: a date, such as 2024年1月15日",
        zh="{key}: 日期，如 2024年1月15日",
    ),
    "figure": MessageKind(
        "fields.where-figure",
        en="figures: {key}: value: …{fields}",
        zh="figures: {key}: value: …{fields}",
    ),
    "group of figures": MessageKind(
        "fields.where-figures",
        en="figures: {key}: a figure under each name, with value: …{fields}",
        zh="figures: {key}: 每个名称下一个数字，写 value: …{fields}",
    ),
    "list of text": MessageKind(
        "fields.where-texts",
        en="{key}: a list, one '- …' a line",
        zh="{key}: 列表，每行一个“- …”",
    ),
    "list of records": MessageKind(
        "fields.where-records",
        en="{key}: a list, each item with {fields}",
        zh="{key}: 列表，每项写 {fields}",
    ),
    "record": MessageKind(
        "fields.where-record", en="{key}: with {fields}", zh="{key}: 下面写 {fields}"
    ),
    "year": MessageKind(
        "fields.where-year",
        en="period: {key}: a year, such as 2024",
        zh="period: {key}: 年份，如 2024",
    ),
    "section": MessageKind(
        "fields.where-section",
        en="{key}: … (optional; what it holds is made from it, see the README)",
        zh="{key}: …（可选；模板用到的内容由这一节生成，见 README）",
    ),
    "period": MessageKind(
        "fields.where-period",
        en="period: start: …, end: … (years)",
        zh="period: start: …, end: …（年份）",
    ),
}
MADE_FROM = MessageKind(
    "fields.made-from", en="made from {section}: …", zh="由 {section}: 一节生成"
)
FIELDS_ALSO = MessageKind("fields.also", en=", {fields}", zh="，以及 {fields}")
IN_EACH_ITEM = MessageKind("fields.in-each-item", en="each item: {where}", zh="每一项中：{where}")
IN_FIELDS = MessageKind("fields.in-fields", en="under {parent}: {where}", zh="{parent} 下：{where}")
FIELDS_HEADING = MessageKind(
    "fields.heading", en="{template} uses these fields:", zh="{template} 用到以下字段："
)
FIELDS_NONE = MessageKind(
    "fields.none",
    en="{template} uses no fields: it prints the same text every time",
    zh="{template} 没有用到任何字段：每次印出的内容都一样",
)

# -- names the template prints that the data lacks --
DATA_HAS_NO = MessageKind(
    "template.data-has-no",
    en="the data has no '{name}'{hint}",
    zh="数据中没有“{name}”{hint}：请在数据中添加，或改正模板中的名称",
)
ITEMS_HAVE_NO = MessageKind(
    "template.items-have-no",
    en="the items of '{owner}' have no '{name}'{hint}",
    zh="“{owner}”的各项中没有“{name}”{hint}",
)
OWNER_HAS_NO = MessageKind(
    "template.owner-has-no",
    en="'{owner}' has no '{name}'{hint}",
    zh="“{owner}”中没有“{name}”{hint}",
)
AT_TAG = MessageKind("template.at-tag", en="{message}: {tag}", zh="{message}：{tag}")
