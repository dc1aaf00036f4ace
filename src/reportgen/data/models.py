"""The shape of the data files, as pydantic models.

The same models validate the files and generate their JSON Schema
(``schemas/*.schema.json``), so an editor checks a file while a clerk types
exactly as ``reportgen check`` does. Descriptions are in Chinese because they
are shown to the people who edit the files.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    GetJsonSchemaHandler,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema
from typing_extensions import TypeAliasType

from reportgen.data import rules, specs
from reportgen.data.rules import FIGURE_FIELDS, OPERATIONS

#: Marks union branches in pydantic's error paths; such steps are not the user's keys.
TAG_MARK = "·"

Text = Annotated[str, BeforeValidator(rules.text)]
#: A date as a clerk writes it: 2024年1月15日, 2024-01-15, 2024.1.15 or 2024/1/15.
ClerkDate = Annotated[
    dt.date,
    BeforeValidator(rules.date),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}([-./])\d{1,2}\1\d{1,2}$|^\d{4}年\d{1,2}月\d{1,2}日$",
        }
    ),
]
Number = Annotated[
    float | int,
    BeforeValidator(rules.number),
    WithJsonSchema({"type": "number", "minimum": 0}),
]
Name = Annotated[str, BeforeValidator(rules.name)]


#: Text printed as it is (titles, labels), never rendered as a template.
PlainText = Annotated[str, BeforeValidator(rules.text), AfterValidator(rules.no_tag)]


class _Strict(BaseModel):
    # Unknown keys are errors: a misspelt key would otherwise be silently ignored.
    # Validators are built on first use, not on import: a run builds only those it needs.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class FigureSpec(_Strict):
    """一个数字（完整写法）。只写数字时可简写为 `名称: 数字`。"""

    value: Number | None = Field(
        None, description="数值。换届时清空为 ~ ，表示待填写。与 by_year 二选一。"
    )
    by_year: dict[int, Number | None] | None = Field(
        None,
        description="分年度数值，如 2019: 3000；合计自动计算。与 value 二选一。"
        "换届时各年清空为 ~ ，表示待填写。",
    )
    previous: Number | None = Field(None, description="上一周期的数值（可选），用于对比。")
    label: PlainText | None = Field(None, description="简称，用于表格和图表，如“征集合理化建议”。")
    unit: PlainText | None = Field(None, description="单位，用于表格和图表，如“条”“元”。")
    qualifier: Literal["近", "约", "多", "余"] | None = Field(
        None,
        description="约数：近、约写在数字前（近4亿）；多、余写在数字后（40多万）。不填为准确数。",
    )
    scale: Literal["万", "亿"] | None = Field(
        None, description="以万或亿为单位显示；不填则显示原数。"
    )
    precision: int = Field(0, ge=0, le=4, description="以万、亿显示时保留的小数位数。")

    @model_validator(mode="after")
    def _one_source(self) -> FigureSpec:
        rules.one_source(self.value, self.by_year)
        return self


def _figure_kind(value: Any) -> str:
    if isinstance(value, FigureSpec):
        return TAG_MARK + "figure"
    return TAG_MARK + rules.figure_kind(value)


class _GroupSchema:
    """Tell a group from a figure in the JSON Schema as _figure_kind does.

    Without it a figure such as ``{value: 5}`` is also a valid group of one figure, and an
    editor, finding both branches of the union valid, rejects it.
    """

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        schema["description"] = "一组数字，用 组名.名称 引用，如 {{ awards.national }}。"
        schema["propertyNames"] = {"not": {"enum": sorted(FIGURE_FIELDS)}}
        return schema


FigureNode = TypeAliasType(  # type: ignore[misc]
    "FigureNode",
    Annotated[
        Annotated[Number, Tag(TAG_MARK + "number")]
        | Annotated[FigureSpec, Tag(TAG_MARK + "figure")]
        | Annotated[
            dict[Name, "FigureNode"],  # type: ignore[misc]  # mypy cannot follow the recursion
            Tag(TAG_MARK + "group"),
            _GroupSchema(),
        ],
        Discriminator(_figure_kind),
    ],
)


class DerivedSpec(_Strict):
    """一个计算得出的数字：写明计算方法和所用数字的名称，不要手填结果。"""

    label: PlainText | None = Field(None, description="简称，用于表格和图表。")
    unit: PlainText | None = Field(None, description="单位；比率、增长默认为 %。")
    precision: int = Field(0, ge=0, le=4, description="保留的小数位数。")
    share: tuple[str, str] | None = Field(
        None, description="占比：[部分, 整体]，得到百分数，如 [adopted, collected]。"
    )
    growth: tuple[str, str] | None = Field(None, description="增长：[原数, 现数]，得到增长百分数。")
    sum: list[str] | None = Field(None, description="合计：[数字1, 数字2, …]。", min_length=1)
    difference: tuple[str, str] | None = Field(None, description="差：[被减数, 减数]。")

    @model_validator(mode="after")
    def _one_operation(self) -> DerivedSpec:
        rules.one_operation({name: getattr(self, name) for name in OPERATIONS})
        return self


class FiguresSheetSpec(_Strict):
    """从统计部门报来的 Excel 表读取数字：每行一个指标，每列一个年度，另有“单位”列。"""

    file: Text = Field(description="表格文件名（.xlsx、.xls、.et、.ods），与本文件放在同一文件夹。")
    sheet: Text | None = Field(None, description="工作表名称；不填为第一张。")
    rows: Text | None = Field(
        None, description="指标所在的行，如 3-8；不填为第一行（列名）以下的全部行。"
    )

    @field_validator("file")
    @classmethod
    def _workbook_file(cls, value: str) -> str:
        return rules.workbook_file(value)

    @field_validator("rows")
    @classmethod
    def _row_range(cls, value: str | None) -> str | None:
        return rules.row_range(value)


class _Content(_Strict):
    figures: dict[Name, FigureNode] = Field(
        default_factory=dict,
        description="数字：每个数字只写一次，正文用 {{ 名称 }} 引用。",
    )
    derived: dict[Name, DerivedSpec] = Field(
        default_factory=dict, description="计算得出的数字（占比、增长、合计），不要手填。"
    )
    lists: dict[Name, list[Text]] = Field(
        default_factory=dict, description="列表：如工种、企业名单、各项措施。"
    )
    figures_sheet: FiguresSheetSpec | None = Field(
        None,
        description="数字取自 Excel 表（可选）：figures 中未填数值的数字，按 label（或名称）"
        "与表中指标名称对应，取其各年度数值。",
    )
    pictures: dict[Name, Text] = Field(
        default_factory=dict,
        description="图片：名称: 文件名（PNG 或 JPEG，与本文件放在同一文件夹），如 seal: seal.png。"
        '模板中用 {{ 名称 | picture(width="3cm") }} 按给定大小放置。',
    )


class PartFile(_Content):
    """正文的一个部分（一项工作）。除下列字段外，还可写模板用到的任何字段。"""

    model_config = ConfigDict(extra="allow", frozen=True)

    lead: Text = Field(description="本部分的领句（加粗），写明成效，如“……拓展了劳动竞赛新路子。”")
    paragraphs: list[Text] = Field(
        min_length=1, description="本部分的段落，按顺序；第一段紧接在领句之后。"
    )


class Period(_Strict):
    """汇报所涵盖的年份（含首尾两年）。"""

    start: int = Field(ge=1900, le=2200, description="起始年份，如 2019。")
    end: int = Field(ge=1900, le=2200, description="截止年份，如 2023；标题年份。")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        rules.ordered(self.start, self.end)
        return self


class BatchSpec(_Strict):
    """批量生成：表格的每一行生成一份文件，如为每位获奖者生成一张荣誉证书。"""

    rows: Text = Field(
        description="表格文件名，与 report.yaml 放在同一文件夹：Excel/WPS 表格（.xlsx、.xls、"
        ".et、.ods，第一行为列名）、CSV（第一行为列名，UTF-8 或 GBK 编码）"
        "或 YAML 列表（每项写成 列名: 值）。模板中用 {{ row.列名 }} 引用本行的值。"
    )
    sheet: Text | None = Field(
        None, description="Excel/WPS 表格中名单所在的工作表名称，如“获奖名单”；不填为第一张。"
    )
    output: Text = Field(
        description="每份文件的文件名（不含 .docx），用 {row.列名} 写入本行的值，"
        "还可用 {organisation} {title} {start} {end}，如“{row.number}_{row.name}”。"
        "文件写入输出文件夹中与报告文件夹同名的子文件夹。"
    )

    merged: Text | None = Field(
        None,
        description="合订本（可选）：另把全部文件按表格顺序合成一个 .docx（每行从新的一页开始），"
        "此处写它的文件名（不含 .docx），可用 {organisation} {title} {start} {end}，"
        "如“{title}（合订本）”；写入输出文件夹。加 --pdf 时只转换这一个文件。",
    )

    @field_validator("merged")
    @classmethod
    def _names_facts_only(cls, value: str | None) -> str | None:
        return rules.facts_only(value)

    @field_validator("rows")
    @classmethod
    def _table_file(cls, value: str) -> str:
        return rules.table_file(value)

    @field_validator("output")
    @classmethod
    def _names_row_field(cls, value: str) -> str:
        return rules.row_field_named(value)


class AttachmentSpec(_Strict):
    """附件“主要指标情况表”：正文后另起一页，逐年列出所选数字，附合计和与上一周期的对比。"""

    title: Text = Field("主要指标情况表", description="附件名称，也是表格标题。")
    figures: list[Text] = Field(
        min_length=1,
        description="表中各行的数字，按顺序写 部分名.名称，如 proposals.collected；"
        "报告本身的数字只写名称。有分年度数值（by_year）的数字逐年列出。",
    )
    chart: Text | None = Field(
        None,
        description="按年度画柱状图的数字（可选），如 proposals.collected；须有分年度数值。",
    )


class DocumentNumberSpec(_Strict):
    """发文字号：机关代字、年份和发文顺序号，印作“江工发〔2023〕12号”。"""

    code: PlainText = Field(description="机关代字，如“江工发”。")
    year: int | None = Field(
        None, ge=1900, le=2200, description="年份，写全称；不填取成文日期的年份。"
    )
    serial: int = Field(ge=1, description="发文顺序号，不加“第”字，不编虚位（1 不写作 01）。")


class ImprintSpec(_Strict):
    """版记：抄送机关、印发机关和印发日期，印在公文最后一页版心的下端。"""

    copies: list[PlainText] = Field(
        default_factory=list, description="抄送机关，按顺序，如 [市委办公室, 市政府办公室]。"
    )
    issuer: PlainText = Field(
        description="印发机关，一般是发文机关的办公厅（室），如“江州市总工会办公室”。"
    )
    date: ClerkDate = Field(description="印发日期，写作 2024年1月15日 或 2024-01-15。")


class OfficialSpec(_Strict):
    """公文格式：按 GB/T 9704-2012 编排版头、主送机关、署名、成文日期、印章和版记。"""

    mark: PlainText | None = Field(
        None, description="发文机关标志，红色小标宋，如“江州市总工会文件”；不填为单位名称加“文件”。"
    )
    number: DocumentNumberSpec = Field(description="发文字号。")
    signers: list[PlainText] = Field(
        default_factory=list,
        max_length=2,
        description="签发人（上行文才写），最多两人；写了则发文字号居左、签发人居右。",
    )
    addressee: PlainText | None = Field(
        None,
        description="主送机关，标题下一行顶格，如“各区县总工会，市直各产业工会”（冒号自动加）。",
    )
    signature: PlainText | None = Field(None, description="发文机关署名；不填为单位名称。")
    seal: Text | None = Field(
        None,
        description="印章图片（PNG，透明底），与 report.yaml 放在同一文件夹，如 seal.png；"
        "不填则不加盖印章，署名和日期按不加盖印章的格式编排。",
    )
    imprint: ImprintSpec | None = Field(None, description="版记（可选）。")

    @field_validator("seal")
    @classmethod
    def _seal_file(cls, value: str | None) -> str | None:
        return rules.seal_file(value)


class ReportFile(_Content):
    """一份报告的基本信息：使用的模板、单位、周期、标题、日期和开头段落。

    除下列字段外，还可写模板用到的任何字段（文字、数字、日期、列表、含字段的记录），
    模板按所写的名称引用。
    """

    # -- a clerk's own fields sit beside these; reportgen reads only its own (see namespace) --
    model_config = ConfigDict(extra="allow", frozen=True)

    template: Text = Field(
        description="使用的模板文件，位于 templates/ 目录，如 five-year-report.docx。"
    )
    output: Text | None = Field(
        None,
        description="输出文件名（不含 .docx），可用 {organisation} {title} {start} {end}。"
        "不填为“单位_起止年份_标题”。",
    )
    organisation: PlainText | None = Field(None, description="汇报单位，如“市总工会”。")
    title: PlainText | None = Field(None, description="报告标题。")
    period: Period | None = Field(None, description="汇报周期；分年度数字和附件须填写。")
    date: ClerkDate | None = Field(
        None,
        description="成文日期，写作 2024年1月15日 或 2024-01-15。"
        "换届时清空为 ~ ，须填写后才能生成。",
    )
    opening: list[Text] = Field(default_factory=list, description="开头段落，按顺序。")
    parts: list[Name] = Field(
        default_factory=list,
        description="正文各部分的数据文件名（不含 .yaml），按正文顺序。",
    )
    batch: BatchSpec | None = Field(
        None,
        description="批量生成（可选）：按表格每行生成一份文件。填写后不用 output，"
        "文件名写在 batch.output 中。",
    )
    attachment: AttachmentSpec | None = Field(
        None, description="附件：主要指标情况表（可选）。不填则没有附件。"
    )
    official: OfficialSpec | None = Field(
        None,
        description="公文格式（可选）：版头（发文机关标志、发文字号、签发人）、主送机关、"
        "署名和成文日期（可加盖印章）、版记（抄送、印发）。不填则没有这些要素。",
    )

    @model_validator(mode="after")
    def _one_output(self) -> ReportFile:
        rules.one_output(self.batch, self.output)
        return self

    @model_validator(mode="after")
    def _unique_parts(self) -> ReportFile:
        rules.parts_once(self.parts)
        return self


def json_schemas() -> dict[str, dict[str, Any]]:
    """Return the JSON Schema of each kind of data file, by schema file name."""
    # Named, so that editors and validators read prefixItems and $defs as 2020-12 defines them.
    from reportgen.data.namespace import PART_FIELDS, REPORT_FIELDS, open_schema

    dialect = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    report, part = ReportFile.model_json_schema(), PartFile.model_json_schema()
    open_schema(report, REPORT_FIELDS)
    open_schema(part, PART_FIELDS)
    return {
        "report.schema.json": {**dialect, **report},
        "part.schema.json": {**dialect, **part},
    }


#: Each model, by the spec it validates; a model's spec has its name (_Content's: Content).
MODELS: dict[type, type[BaseModel]] = {
    specs.FigureSpec: FigureSpec,
    specs.DerivedSpec: DerivedSpec,
    specs.FiguresSheetSpec: FiguresSheetSpec,
    specs.Content: _Content,
    specs.PartFile: PartFile,
    specs.Period: Period,
    specs.BatchSpec: BatchSpec,
    specs.AttachmentSpec: AttachmentSpec,
    specs.DocumentNumberSpec: DocumentNumberSpec,
    specs.ImprintSpec: ImprintSpec,
    specs.OfficialSpec: OfficialSpec,
    specs.ReportFile: ReportFile,
}
_SPECS = {model: spec for spec, model in MODELS.items()}


def as_spec(value: Any) -> Any:
    """Return what a model validated as plain values: each model as its spec, all through."""
    if isinstance(value, BaseModel):
        spec: Any = _SPECS[type(value)]  # -- a named tuple: its _fields are the model's --
        return spec(**{name: as_spec(getattr(value, name)) for name in spec._fields})
    if isinstance(value, dict):
        return {key: as_spec(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_spec(item) for item in value]
    if isinstance(value, tuple):
        return tuple(as_spec(item) for item in value)
    return value
