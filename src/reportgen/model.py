"""The shape of the data files, as pydantic models.

The same models validate the files and generate their JSON Schema
(``schemas/*.schema.json``), so an editor checks a file while a clerk types
exactly as ``reportgen check`` does. Descriptions are in Chinese because they
are shown to the people who edit the files.
"""

from __future__ import annotations

import datetime as dt
import keyword
import math
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
    model_validator,
)
from typing_extensions import TypeAliasType

#: Marks union branches in pydantic's error paths; such steps are not the user's keys.
TAG_MARK = "·"

# Control characters that XML 1.0 cannot hold (tab and line feed are allowed).
_FORBIDDEN_CHARS = {chr(code) for code in range(32) if chr(code) not in "\t\n\r"} | {
    "\ufffe",
    "\uffff",
}


def _check_text(value: Any) -> Any:
    if isinstance(value, str):
        for index, char in enumerate(value, start=1):
            if char in _FORBIDDEN_CHARS:
                # Rejected rather than stripped: the character is invisible in an
                # editor, so only its position lets a clerk find and delete it.
                raise ValueError(
                    f"contains the control character U+{ord(char):04X} at character {index} "
                    "(pasted from another program?): delete it"
                )
    elif value is None:
        raise ValueError("is empty: write the text")
    elif isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"should be text, not {type(value).__name__}")
    return str(value) if not isinstance(value, str) else value


def _check_number(value: Any) -> Any:
    if value is None:
        raise ValueError("has no value: enter the figure")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"should be a number, not {_describe(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"should be a finite number, not {value}")
    if value < 0:
        raise ValueError(f"should not be negative (it is {value})")
    return value


def _check_name(value: Any) -> Any:
    if not isinstance(value, str) or not value.isidentifier() or keyword.iskeyword(value):
        raise ValueError(
            f"'{value}' cannot be used as a name: use letters, digits and _ , "
            "not starting with a digit"
        )
    return value


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f"the text '{value}'"
    return type(value).__name__


Text = Annotated[str, BeforeValidator(_check_text)]
Number = Annotated[
    float | int,
    BeforeValidator(_check_number),
    WithJsonSchema({"type": "number", "minimum": 0}),
]
Name = Annotated[str, BeforeValidator(_check_name)]


class _Strict(BaseModel):
    # Unknown keys are errors: a misspelt key would otherwise be silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


class FigureSpec(_Strict):
    """一个数字（完整写法）。只写数字时可简写为 `名称: 数字`。"""

    value: Number | None = Field(
        None, description="数值。换届时清空为 ~ ，表示待填写。与 by_year 二选一。"
    )
    by_year: dict[int, Number] | None = Field(
        None, description="分年度数值，如 2019: 3000；合计自动计算。与 value 二选一。"
    )
    previous: Number | None = Field(None, description="上一周期的数值（可选），用于对比。")
    label: Text | None = Field(None, description="简称，用于表格和图表，如“征集合理化建议”。")
    unit: Text | None = Field(None, description="单位，用于表格和图表，如“条”“元”。")
    qualifier: Literal["近", "约", "多", "余"] | None = Field(
        None, description="约数：近、约写在数字前（近4亿）；多、余写在数字后（40多万）。不填为准确数。"
    )
    scale: Literal["万", "亿"] | None = Field(
        None, description="以万或亿为单位显示；不填则显示原数。"
    )
    precision: int = Field(0, ge=0, le=4, description="以万、亿显示时保留的小数位数。")

    @model_validator(mode="after")
    def _one_source(self) -> FigureSpec:
        if self.value is not None and self.by_year is not None:
            raise ValueError("give either value or by_year, not both (the total is computed)")
        return self


def _figure_kind(value: Any) -> str:
    if isinstance(value, dict):
        return TAG_MARK + ("figure" if "value" in value or "by_year" in value else "group")
    if isinstance(value, FigureSpec):
        return TAG_MARK + "figure"
    return TAG_MARK + "number"


FigureNode = TypeAliasType(  # type: ignore[misc]
    "FigureNode",
    Annotated[
        Annotated[Number, Tag(TAG_MARK + "number")]
        | Annotated[FigureSpec, Tag(TAG_MARK + "figure")]
        | Annotated[dict[Name, "FigureNode"], Tag(TAG_MARK + "group")],
        Discriminator(_figure_kind),
    ],
)


class DerivedSpec(_Strict):
    """一个计算得出的数字：写明计算方法和所用数字的名称，不要手填结果。"""

    label: Text | None = Field(None, description="简称，用于表格和图表。")
    unit: Text | None = Field(None, description="单位；比率、增长默认为 %。")
    precision: int = Field(0, ge=0, le=4, description="保留的小数位数。")
    share: tuple[str, str] | None = Field(
        None, description="占比：[部分, 整体]，得到百分数，如 [adopted, collected]。"
    )
    growth: tuple[str, str] | None = Field(
        None, description="增长：[原数, 现数]，得到增长百分数。"
    )
    sum: list[str] | None = Field(None, description="合计：[数字1, 数字2, …]。", min_length=1)
    difference: tuple[str, str] | None = Field(None, description="差：[被减数, 减数]。")

    @model_validator(mode="after")
    def _one_operation(self) -> DerivedSpec:
        given = [name for name in OPERATIONS if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(
                "give exactly one of share, growth, sum, difference"
                + (f" (found {', '.join(given)})" if given else "")
            )
        return self

    @property
    def operation(self) -> tuple[str, list[str]]:
        """Return the operation's name and the figure names it uses."""
        for name in OPERATIONS:
            operands = getattr(self, name)
            if operands is not None:
                return name, list(operands)
        raise AssertionError("validated to have one operation")


OPERATIONS = ("share", "growth", "sum", "difference")


class _Content(_Strict):
    figures: dict[Name, FigureNode] = Field(  # type: ignore[valid-type]
        default_factory=dict,
        description="数字：每个数字只写一次，正文用 {{ 名称 }} 引用。",
    )
    derived: dict[Name, DerivedSpec] = Field(
        default_factory=dict, description="计算得出的数字（占比、增长、合计），不要手填。"
    )
    lists: dict[Name, list[Text]] = Field(
        default_factory=dict, description="列表：如工种、企业名单、各项措施。"
    )


class PartFile(_Content):
    """正文的一个部分（一项工作）。"""

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
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class ReportFile(_Content):
    """一份报告的基本信息：使用的模板、单位、周期、标题、日期和开头段落。"""

    template: Text = Field(description="使用的模板文件，位于 templates/ 目录，如 five-year-report.docx。")
    output: Text | None = Field(
        None,
        description="输出文件名（不含 .docx），可用 {organisation} {title} {start} {end}。"
        "不填为“单位_起止年份_标题”。",
    )
    organisation: Text = Field(description="汇报单位，如“市总工会”。")
    title: Text = Field(description="报告标题。")
    period: Period = Field(description="汇报周期。")
    date: dt.date = Field(description="成文日期，写作 2023-04-19。")
    opening: list[Text] = Field(default_factory=list, description="开头段落，按顺序。")
    parts: list[Name] = Field(
        default_factory=list,
        description="正文各部分的数据文件名（不含 .yaml），按正文顺序。",
    )

    @model_validator(mode="after")
    def _unique_parts(self) -> ReportFile:
        seen: set[str] = set()
        for name in self.parts:
            if name in seen:
                raise ValueError(f"part '{name}' is listed twice")
            seen.add(name)
        return self


def json_schemas() -> dict[str, dict[str, Any]]:
    """Return the JSON Schema of each kind of data file, by schema file name."""
    return {
        "report.schema.json": ReportFile.model_json_schema(),
        "part.schema.json": PartFile.model_json_schema(),
    }
