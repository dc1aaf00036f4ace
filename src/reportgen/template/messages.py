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
PROGRAM_TEXT = MessageKind(
    "template.program-text",
    en="the document would show program text, not the data: …{snippet}…: print a field of the "
    "value, or join a list with | join_cn",
    zh="文档中会出现程序文字而不是数据：…{snippet}…："
    "请印出该值的某个字段，或用 | join_cn 把列表连成一句",
)

# -- a problem and the tag it is in --

FINDINGS = MessageKind("template.findings", en="{first}; {second}", zh="{first}；{second}")

# -- docxtpl-lint's findings, in reportgen's words --

NEVER_CLOSED = MessageKind(
    "template.never-closed",
    en="`{open}` is never closed with `{close}`",
    zh="`{open}` 后面缺少与之配对的 `{close}`",
)
BLOCK_NEVER_CLOSED = MessageKind(
    "template.block-never-closed",
    en="`{{% {keyword} %}}` is never closed: missing `{{% end{keyword} %}}`",
    zh="`{{% {keyword} %}}` 没有结束：缺少 `{{% end{keyword} %}}`",
)
NO_OPENING = MessageKind(
    "template.no-opening",
    en="`{tag}` has no matching opening block",
    zh="`{tag}` 前面没有与之配对的开始标签",
)
TRACKED_DELETION = MessageKind(
    "template.tracked-deletion",
    en="a tracked deletion not yet accepted holds template code, which would still run: "
    "accept or reject every tracked change (Review > Accept) before using the file as a "
    "template",
    zh="这一段有尚未接受的修订（删除的文字）中含有模板标签，这些标签仍会执行：请先在“审阅”"
    "中接受或拒绝全部修订，再把文件用作模板",
)
LOOP_NAME_OUTSIDE = MessageKind(
    "template.loop-name-outside",
    en="'{name}' exists only inside its for loop, but is used after the loop: move the tag "
    "into the loop",
    zh="“{name}”只在它的 for 循环里有效，这里却在循环结束后使用：请把这个标签移到循环里面",
)
PREFIXED_TAG_SYMBOLS = MessageKind(
    "template.prefixed-tag-symbols",
    en="a `{prefix} …` tag cannot hold % or }}}}: compute the value with {{% set %}} first",
    zh="`{prefix} …` 标签里不能含有 % 或 }}}}：请先用 {{% set %}} 算好再引用",
)
SPACE_AFTER_BRACE = MessageKind(
    "template.space-in-prefix",
    en="write `{{%{prefix} …` without a space: `{{% {prefix} …` is no tag",
    zh="应写成 `{{%{prefix} …`，中间不能有空格：`{{% {prefix} …` 不是有效的标签",
)
PREFIX_OUTSIDE_TABLE = MessageKind(
    "template.prefix-outside-table",
    en="`{tag}` has the prefix {prefix} but is not in a table cell: move it into the table, "
    "or remove the prefix",
    zh="`{tag}` 带有前缀 {prefix}，却不在表格的单元格里：请把它移到表格中，或去掉前缀",
)
PREFIX_MISMATCH = MessageKind(
    "template.prefix-mismatch",
    en="{close} has {close_prefix} but closes {open} ({opened}), which has {open_prefix}: "
    "docxtpl would remove the row or paragraph of only one of them; give both the same prefix "
    "({{%tr …%}} for table rows, {{%p …%}} for paragraphs)",
    zh="{close}（{close_prefix}）结束的是{opened}的 {open}（{open_prefix}），两者前缀不同，"
    "docxtpl 只会删掉其中一个所在的行或段落：请给两者用同样的前缀（表格行用 {{%tr …%}}，"
    "段落用 {{%p …%}}）",
)
NO_PREFIX = MessageKind("template.no-prefix", en="no prefix", zh="没有前缀")
THE_PREFIX = MessageKind("template.the-prefix", en="the prefix '{prefix}'", zh="前缀 {prefix}")
ROWS_ACROSS_TABLES = MessageKind(
    "template.rows-across-tables",
    en="`{open}` is in table {first} but `{close}` is in table {second}: the rows would be "
    "lost without a word; open and close the loop in one table",
    zh="`{open}` 在表{first}，`{close}` 却在表{second}：其间的行会被悄悄丢掉；请在同一张表中"
    "开始和结束",
)
ROW_LOOP_IN_ONE_ROW = MessageKind(
    "template.row-loop-in-one-row",
    en="`{open}` and `{close}` are in the same row (table {table}, row {row}): put them in "
    "rows of their own",
    zh="`{open}` 和 `{close}` 在同一行（表{table}第{row}行）：请把它们分别放在单独的行里",
)
COLUMN_LOOP_ACROSS_ROWS = MessageKind(
    "template.column-loop-across-rows",
    en="`{open}` and `{close}` are not in the same row: a {{%tc %}} loop opens and closes in "
    "one row, or the table comes out broken",
    zh="`{open}` 和 `{close}` 不在同一行：{{%tc %}} 循环须在同一行内开始和结束，否则表格会错乱",
)
CELL_TAG_OUTSIDE_TABLE = MessageKind(
    "template.cell-tag-outside-table",
    en="`{tag}` works only in a table cell",
    zh="`{tag}` 只能写在表格的单元格里",
)
CONTENT_BESIDE_PREFIX = MessageKind(
    "template.content-beside-prefix",
    en="`{tag}` makes the whole {unit} the tag, so `{rest}` beside it would be lost: move "
    "that text to a paragraph of its own",
    zh="`{tag}` 会让整个{unit}只剩下这个标签，旁边的 `{rest}` 会悄悄消失：请把这些文字移到"
    "单独的段落",
)
UNIT_PARAGRAPH = MessageKind("template.unit.paragraph", en="paragraph", zh="段落")
UNIT_ROW = MessageKind("template.unit.row", en="table row", zh="表格行")
UNIT_CELL = MessageKind("template.unit.cell", en="table cell", zh="单元格")
PARAGRAPH_LOOP_IN_ONE_PARAGRAPH = MessageKind(
    "template.paragraph-loop-in-one-paragraph",
    en="`{open}` and `{close}` are in the same paragraph: put them in paragraphs of their own",
    zh="`{open}` 和 `{close}` 在同一段里：请把它们分别放在单独的段落",
)
LINT_OTHER = MessageKind(
    "template.lint-other",
    en="{detail} ({rule})",
    zh="模板有误（docxtpl-lint 规则 {rule}，原文：“{detail}”）",
)

# -- reportgen's own checks --

PRIVATE_NAME = MessageKind(
    "template.private-name",
    en="not allowed: '{name}' reaches into Python, not into the data",
    zh="不允许：“{name}”是 Python 内部的东西，不是数据",
)
BLOCK_ACROSS_CELLS = MessageKind(
    "template.block-across-cells",
    en="{close} closes {open}, which opens in {opened}: a block that opens and closes in "
    "different table cells, or on either side of a table's edge, cuts the table apart when "
    "rendered and rows or cells are lost; open and close it in the same cell, or both outside "
    "the table ({{%tr %}} repeats rows)",
    zh="{close} 结束的是{opened}的 {open}：一个块在不同的单元格里开始和结束，或跨在表格边界"
    "两侧，生成时会把表格截断，行或单元格会丢失；请在同一个单元格里开始和结束，或都放在"
    "表格外（重复表格行请用 {{%tr %}}）",
)
BLOCK_ACROSS_CONTROLS = MessageKind(
    "template.block-across-controls",
    en="{close} closes {open}, which opens in {opened}, inside a content control or a text box "
    "that it ends outside: when rendered the document is broken; open and close the block "
    "inside the same content control or text box, or both outside it (in Word, a content "
    "control is removed with a right click, Remove Content Control)",
    zh="{close} 结束的是{opened}的 {open}：这个块在一个内容控件或文本框里开始，却在它外面结束，"
    "生成的文档会损坏；请在同一个内容控件或文本框里开始和结束，或都放在它外面"
    "（Word 中右键单击内容控件，选“删除内容控件”即可去掉它）",
)
DATA_LACKS = MessageKind(
    "template.data-lacks",
    en="the data has no '{name}'{hint}",
    zh="数据中没有“{name}”{hint}",
)
ITEMS_LACK = MessageKind(
    "template.items-lack",
    en="the items of '{owner}' have no '{name}'{hint}",
    zh="“{owner}”的各项中没有“{name}”{hint}",
)
OWNER_LACKS = MessageKind(
    "template.owner-lacks",
    en="'{owner}' has no '{name}'{hint}",
    zh="“{owner}”中没有“{name}”{hint}",
)
XML_BROKEN = MessageKind(
    "template.xml-broken",
    en="the rendered document is broken: check that the blocks ({{%p %}}, {{%tr %}}, {{%tc %}}) "
    "open and close at the same level",
    zh="生成的文档结构已损坏：请检查 {{%p %}}、{{%tr %}}、{{%tc %}} 等块是否在同一层开始和结束",
)
TAG_LEFT = MessageKind(
    "template.tag-left",
    en="a tag was not rendered and is left in the document: …{snippet}…",
    zh="有标签没有被处理，原样留在了文档里：…{snippet}…",
)
VALUE_LOST = MessageKind(
    "template.value-lost",
    en="the value '{value}' was printed but is not in the document: its paragraph was lost",
    zh="“{value}”已印出，却不在生成的文档里：它所在的段落丢失了",
)

# -- reportgen fields: what each field of a template is, and where the data gives it --

FIELDS_HEADER = MessageKind(
    "fields.header", en="{path} uses these fields:", zh="{path} 用到以下字段："
)
FIELDS_NONE = MessageKind(
    "fields.none",
    en="{path} uses no fields: it prints the same text every time",
    zh="{path} 没有用到任何字段：每次印出的文字都一样",
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
    "true or false": MessageKind("fields.kind-yes-no", en="true or false", zh="是或否"),
    "names and values": MessageKind("fields.kind-pairs", en="names and values", zh="名称和值"),
    "section": MessageKind("fields.kind-section", en="made by reportgen", zh="由 reportgen 生成"),
}
WHERE = {
    "text": MessageKind("fields.where-text", en="{key}: …", zh="{key}: …"),
    "number": MessageKind("fields.where-number", en="{key}: a number", zh="{key}: 数字"),
    "names and values": MessageKind(
        "fields.where-pairs",
        en="{key}: a line 'name: value' each, as many as wanted",
        zh="{key}: 每行一个“名称: 值”，行数不限",
    ),
    "true or false": MessageKind(
        "fields.where-yes-no",
        en="{key}: true or false",
        zh="{key}: true（是）或 false（否）",
    ),
    "date": MessageKind(
        "fields.where-date",
        en="{key}: a date, such as 2024年1月15日",
        zh="{key}: 日期，如 2024年1月15日",
    ),
    "figure": MessageKind(
        "fields.where-figure",
        en="figures: {key}: value: …{fields}",
        zh="figures: {key}: 下写数值 value: …{fields}",
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
KIND_ROW = MessageKind("fields.kind-row", en="a row of the table", zh="名单的一行")
WHERE_ROW = MessageKind(
    "fields.where-row",
    en="batch: rows: names the table (a CSV or a workbook), one document a row",
    zh="batch: rows: 写名单文件（CSV 或 Excel 表），每行生成一份文档",
)
KIND_COLUMN = MessageKind("fields.kind-column", en="column", zh="名单中的一列")
WHERE_COLUMN = MessageKind(
    "fields.where-column",
    en="the table's column headed {column}",
    zh="名单中列名为“{column}”的一列",
)
MADE_FROM = MessageKind(
    "fields.made-from", en="made from {section}: …", zh="由 {section}: 一节生成"
)
FIELDS_ALSO = MessageKind("fields.also", en=", {fields}", zh="，以及 {fields}")
IN_EACH_ITEM = MessageKind("fields.in-each-item", en="each item: {where}", zh="每一项中：{where}")
IN_FIELDS = MessageKind("fields.in-fields", en="under {parent}: {where}", zh="{parent} 下：{where}")

# -- what an author meant as a tag, but reportgen would print as it is --
LOOKALIKE_TAG = MessageKind(
    "template.lookalike-tag",
    en="this looks like a tag, but its braces are full-width (｛ ｝ ％) or stand apart, so it "
    "would be printed as it is: type {{{{ }}}} or {{% %}} with the English input method, with "
    "no space between the two characters: {snippet}",
    zh="这里像是一个标签，但括号是全角的（｛ ｝ ％）或中间有空格，会原样印在文档里："
    "请切换到英文输入法输入 {{{{ }}}} 或 {{% %}}，两个符号之间不要空格：{snippet}",
)
MERGE_FIELD = MessageKind(
    "template.merge-field",
    en="«{name}» is a mail-merge field of Word, which reportgen does not fill, so it would be "
    "printed as it is: delete the field and write {{{{ {name} }}}} in its place (in a batch, "
    "{{{{ row.{name} }}}})",
    zh="«{name}»是 Word 邮件合并的域，reportgen 不会填写它，会原样印在文档里：请删除这个域，"
    "在原处写 {{{{ {name} }}}}（批量生成时写 {{{{ row.{name} }}}}）",
)
BARE_BLOCK = MessageKind(
    "template.bare-block",
    en="{tag} stands alone in its paragraph, which stays in the document, empty (in a loop, once "
    "for each item): write {fixed}, with p, so that the paragraph goes with the tag",
    zh="{tag} 单独占了一段，这一段会作为空段落留在文档里（在循环中每一项留一个）："
    "请写成 {fixed}（加 p），标签所在的段落就会一起去掉",
)
TAG_ACROSS_PARAGRAPHS = MessageKind(
    "template.tag-across-paragraphs",
    en="the tag {head} … {tail} is broken by an Enter: it ends in {second}, so the document "
    "prints the two paragraphs as one; join them: click at the end of {head} and press Delete",
    zh="标签 {head} … {tail} 中间被回车断开了，后半截在{second}，生成的文档会把这两段合成一段；"
    "请把它们接回一段：在 {head} 末尾点一下，按 Delete 键",
)
TAG_IN_COMMENT = MessageKind(
    "template.tag-in-comment",
    en="comment {number} (by {author}) holds {tag}: comments are not filled in, so every "
    "document carries it as written, in the comment in its margin: move the tag into the text, "
    "or delete the comment",
    zh="第{number}条批注（{author}）里有标签 {tag}：批注不会被填写，生成的每份文档都会在页边批注里"
    "原样带着它：请把标签移到正文中，或删除这条批注",
)
TRACKED_CHANGES = MessageKind(
    "template.tracked-changes",
    en="the template holds {count} {count:tracked change|tracked changes} not yet accepted or "
    "rejected (the first in {place}): every document made from it shows them, struck through "
    "and underlined, and Word prints them so; in Word, Review > Accept > Accept All Changes "
    "(or Reject), then save the template",
    zh="模板中有 {count} 处修订尚未接受或拒绝（第一处在{place}）：用它生成的每份文档都带着这些"
    "修订标记（删除线、下划线），Word 打印时也会印出：请在 Word 中点“审阅→接受→接受所有修订”"
    "（或拒绝），保存模板后再用",
)
MACROS_LEFT_OUT = MessageKind(
    "template.macros-left-out",
    en="the template holds macros ({parts}), which are left out of every document made from "
    "it: save it in Word as a Word Document (*.docx) to be rid of them",
    zh="模板中有宏（{parts}），生成的文档里都不会带上：请在 Word 中把模板另存为"
    "“Word 文档（*.docx）”，去掉宏",
)
REMOTE_TEMPLATE_LEFT_OUT = MessageKind(
    "template.remote-template-left-out",
    en="the template is attached to a template elsewhere ({target}), which Word would fetch each "
    "time a document is opened: the link is left out of every document; in Word, Developer > "
    "Document Template removes it from the template",
    zh="模板链接到别处的模板（{target}），每次打开文档时 Word 都会去取它：生成的文档里已去掉"
    "这个链接；在 Word 中点“开发工具→文档模板”可把它从模板中删去",
)
STRICT_OPEN_XML = MessageKind(
    "template.strict-open-xml",
    en="the template is saved as a Strict Open XML Document, whose tags reportgen cannot "
    "read: open it in Word and save it with Save As, choosing Word Document (*.docx)",
    zh="模板保存成了“Strict Open XML 文档”格式，reportgen 读不出其中的标签："
    "请在 Word 中打开，用“另存为”保存，保存类型选“Word 文档 (*.docx)”",
)
TOO_MANY_TAGS = MessageKind(
    "template.too-many-tags",
    en="the template holds {count} tags, more than the {limit} a template may hold (checking "
    "each would take minutes and gigabytes of memory): split it into several templates",
    zh="模板中有 {count} 个标签，超过上限 {limit} 个（逐个检查要花几分钟、占用数 GB 内存）："
    "请把它拆成几个模板",
)
REMOTE_LINKS = MessageKind(
    "template.remote-links",
    en="the template links to {count} {count:picture or object|pictures or objects} elsewhere "
    "({targets}) instead of holding {count:it|them}: Word fetches {count:it|them} each time a "
    "document is opened, so {count:it is|they are} missing wherever the address cannot be "
    "reached, and that address learns who opened the document; in Word, insert the picture "
    "itself (Insert > Pictures, not Link to File), or File > Info > Edit Links to Files > "
    "Break Link, and save the template",
    zh="模板中有 {count} 处图片或对象链接到别处（{targets}），而不是放在模板里：每次打开文档"
    "时 Word 都会去取，取不到的地方就不显示，对方也会知道谁打开了文档：请在 Word 中直接插入"
    "图片（“插入→图片”，不选“链接到文件”），或点“文件→信息→编辑指向文件的链接→断开链接”，"
    "保存模板后再用",
)
TEMPLATE_DAMAGED = MessageKind(
    "template.damaged",
    en="the template is damaged: {detail}; Word would refuse or repair every document made from "
    "it: open it in Word or WPS and save it again as a .docx",
    zh="模板文件已损坏：{detail}；用它生成的文档，Word 会拒绝打开或要求修复："
    "请在 Word 或 WPS 中打开模板，重新另存为 .docx",
)
DAMAGE_NO_TYPES = MessageKind(
    "template.damage.no-types",
    en="it has no [Content_Types].xml",
    zh="缺少 [Content_Types].xml",
)
DAMAGE_NOT_XML = MessageKind(
    "template.damage.not-xml",
    en="{part} is cut short or garbled (not well-formed XML)",
    zh="其中的 {part} 不完整或内容错乱（不是完好的 XML）",
)
DAMAGE_NO_MAIN = MessageKind(
    "template.damage.no-main",
    en="it has no _rels/.rels leading to its document",
    zh="缺少指向正文的 _rels/.rels",
)
DAMAGE_DANGLING = MessageKind(
    "template.damage.dangling",
    en="{part} points at {target}, which it lacks",
    zh="{part} 指向的 {target} 不存在",
)
DAMAGE_UNKNOWN_ID = MessageKind(
    "template.damage.unknown-id",
    en="{part} names the relationship {id}, which it lacks",
    zh="{part} 引用的关系 {id} 不存在",
)
DAMAGE_UNTYPED = MessageKind(
    "template.damage.untyped",
    en="{part} has no content type",
    zh="{part} 没有登记内容类型",
)
PICTURE_BESIDE_PREFIX = MessageKind(
    "template.picture-beside-prefix",
    en="the {unit} of {tag} also holds a picture or a shape, which would go with the tag "
    "(docxtpl takes the whole {unit} away): move the tag to a {unit} of its own",
    zh="{tag} 所在的{unit}里还有图片或图形，会随标签一起被去掉（docxtpl 会去掉整个{unit}）："
    "请把标签移到单独的{unit}",
)
#: A value of the data a template cannot print, reported at its line in the data file.
PRINTED_BY = MessageKind(
    "template.printed-by",
    en="{reason} (printed by {template}, {where}: {tag})",
    zh="{reason}（由模板 {template} 的{where}印出：{tag}）",
)
#: The same, reported at the template's place, with the line of the data it was given.
WRITTEN_AT = MessageKind(
    "template.written-at",
    en="{reason} (the value is on line {line} of {file})",
    zh="{reason}（该值写在 {file} 第{line}行）",
)
LOOP_OVER_FILE_NAME = MessageKind(
    "template.loop-over-file-name",
    en="is the name of a file, not a list: for the rows of the table {file}, write {name}: and, "
    "on the next line, indented, rows: {file}",
    zh="是一个文件名，不是列表：要印出表格 {file} 的各行，请写 {name}:，"
    "再在下一行缩进写 rows: {file}",
)
MARKUP_TAG_TEXT = MessageKind(
    "template.markup-tag-text",
    en="is printed by a {{{{r …}}}} or {{{{p …}}}} tag, which takes a run or paragraph a "
    "program made (docxtpl's RichText, a subdocument), and the data gives text, which such a "
    "tag loses: write {{{{ {name} }}}} in the paragraph instead",
    zh="用 {{{{r …}}}} 或 {{{{p …}}}} 印出，这种标签要的是程序生成的带格式文字或段落（docxtpl 的 "
    "RichText、子文档），数据中的文字这样印会丢失：请在段落中改写作 {{{{ {name} }}}}",
)
PARAGRAPHS_IN_TEXT = MessageKind(
    "template.paragraphs-in-text",
    en="prints paragraphs of their own (a 公文's 版头, 署名 or 版记), which cannot stand in a "
    "paragraph's text: write {{{{p {name} }}}} alone in a paragraph",
    zh="印出的是独立的段落（公文的版头、署名或版记），不能放在一段文字中间："
    "请在单独的一段中写 {{{{p {name} }}}}",
)
CELL_COLOUR = MessageKind(
    "template.cell-colour",
    en="colours a table cell ({{% cellbg %}}), and '{value}' is no colour Word reads, so Word "
    "may call the document damaged: write six hexadecimal digits, such as FF0000 (red), "
    "FFFF00 (yellow) or D9D9D9 (grey)",
    zh="是表格单元格的底色（{{% cellbg %}}），“{value}”不是 Word 能读的颜色，"
    "Word 可能报告文档已损坏：请写作六位十六进制颜色，如 FF0000（红）、FFFF00（黄）、D9D9D9（灰）",
)
SAYS_NO_AS_TEXT = MessageKind(
    "template.says-no-as-text",
    en="decides a condition, and its value is the text '{value}', which counts as true as any "
    "text does, so the document says what it says for yes: write false (or true) in the data",
    zh="是模板中的条件，数据中写的是文字“{value}”，而任何文字都算“是”，文档会按“是”印出："
    "请在数据中写 false（否）或 true（是）",
)
LOOP_OVER_TEXT = MessageKind(
    "template.loop-over-text",
    en="is one text, not a list: a loop over it repeats its block for each character; write "
    "it in the data as a list (a line '- …' each), or print it with {{{{ {name} }}}}",
    zh="是一段文字，不是列表：按它循环会把每个字各印一遍；请在数据中写成列表（每项一行“- …”），"
    "或在模板中直接用 {{{{ {name} }}}} 印出",
)
