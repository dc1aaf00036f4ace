"""What the sandbox says when a template or prose goes beyond one of its bounds."""

from __future__ import annotations

from reportgen.i18n import MessageKind

VALUE_TOO_LARGE = MessageKind(
    "sandbox.value-too-large",
    en="makes a text or list of {size} characters or items, more than the {limit} one value "
    "may hold: make it shorter",
    zh="生成的文字或列表有 {size} 个字符或项，超过单个值的上限 {limit}：请缩短",
)
WIDTH_TOO_LARGE = MessageKind(
    "sandbox.width-too-large",
    en="asks for a width or count of {size}, more than the {limit} a value may hold: "
    "give a smaller number",
    zh="要求的宽度或数量为 {size}，超过上限 {limit}：请改用较小的数",
)
STAR_WIDTH = MessageKind(
    "sandbox.star-width",
    en="takes a width from * in a format, which reportgen does not allow: write the width as "
    "a number",
    zh="格式中用 * 指定宽度，reportgen 不允许这样写：请直接写出宽度数字",
)
NUMBER_TOO_LARGE = MessageKind(
    "sandbox.number-too-large",
    en="makes a number of more than {limit} digits: compute a smaller one",
    zh="计算出的数字超过 {limit} 位：请改为计算较小的数",
)
TOO_MANY_LOOPS = MessageKind(
    "sandbox.too-many-loops",
    en="loops more than {limit} times in one document: loop over fewer items",
    zh="一份文档中的循环超过 {limit} 次：请减少循环的项数",
)
DOCUMENT_TOO_LARGE = MessageKind(
    "sandbox.document-too-large",
    en="renders more than {limit} characters of XML: render less, or split the report",
    zh="生成的 XML 超过 {limit} 个字符：请减少生成的内容，或拆分报告",
)
TOO_SLOW = MessageKind(
    "sandbox.too-slow",
    en="takes longer than {limit} seconds to render: loop over fewer items, or simplify the "
    "filters",
    zh="生成时间超过 {limit} 秒：请减少循环的项数，或简化过滤器",
)
TOO_DEEP = MessageKind(
    "sandbox.too-deep",
    en="nests blocks or calls itself too deeply: nest fewer blocks, or end the recursion",
    zh="块嵌套或自我调用层数过多：请减少嵌套，或让递归结束",
)
