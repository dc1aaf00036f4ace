"""Values changed in a data file as text: only the value's characters change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import changed_lines
from reportgen.data.yaml_edit import set_values
from reportgen.errors import DataError
from reportgen.i18n import set_language

PART = """\
# 第二部分：职工合理化建议
lead: 合理化建议充分展示了职工的聪明才智。   # 本部分开头的加粗句
figures:
  collected:                    # 征集条数
    label: 征集合理化建议
    unit: 条
    by_year:                    # 分年度
      2019: 3012
      2020: 3105
    previous: 14260             # 上一个五年
  benefit:
    value: ~                    # 待填
  bare: 37                      # 简写
lists:
  trades: [电工, 钳工]          # 工种
  measures:
    - 建立制度                  # 第一项
    - 定期评审
paragraphs:
  - >-
    近五年，全市共征集合理化建议{{ collected }}条。

  - 第二段。
date: 2023-04-19
"""
PATH = Path("proposals.yaml")


def test_a_figure_changes_at_its_value_only() -> None:
    new = set_values(PART, PATH, {("figures", "collected", "by_year", "2020"): 3200})
    assert changed_lines(PART, new) == ["-      2020: 3105", "+      2020: 3200"]


def test_an_empty_value_is_filled_and_its_comment_stays_in_its_column() -> None:
    new = set_values(PART, PATH, {("figures", "benefit", "value"): 200000000})
    assert changed_lines(PART, new) == [
        "-    value: ~                    # 待填",
        "+    value: 200000000            # 待填",
    ]


def test_a_bare_figure_and_a_date_change_in_place() -> None:
    new = set_values(PART, PATH, {("figures", "bare"): 38.5, ("date",): dt.date(2024, 5, 1)})
    assert changed_lines(PART, new) == [
        "-  bare: 37                      # 简写",
        "+  bare: 38.5                    # 简写",
        "-date: 2023-04-19",
        "+date: 2024-05-01",
    ]


def test_emptying_a_figure_writes_a_tilde() -> None:
    new = set_values(PART, PATH, {("figures", "bare"): None})
    assert yaml.safe_load(new)["figures"]["bare"] is None
    assert "  bare: ~                       # 简写\n" in new


def test_prose_in_a_folded_block_keeps_its_style_and_the_blank_line_after_it() -> None:
    text = "近五年，全市共征集合理化建议{{ collected }}条，采纳实施{{ adopted }}条。"
    new = set_values(PART, PATH, {("paragraphs", "0"): text})
    assert f"  - >-\n    {text}\n\n  - 第二段。\n" in new
    assert yaml.safe_load(new)["paragraphs"][0] == text


def test_prose_with_a_line_break_becomes_a_literal_block() -> None:
    new = set_values(PART, PATH, {("paragraphs", "0"): "第一行\n第二行"})
    assert "  - |-\n    第一行\n    第二行\n" in new
    assert yaml.safe_load(new)["paragraphs"][0] == "第一行\n第二行"


def test_text_that_yaml_would_misread_is_quoted() -> None:
    new = set_values(PART, PATH, {("lead",): "注意: 这里有冒号 # 和井号"})
    assert 'lead: "注意: 这里有冒号 # 和井号"    # 本部分开头的加粗句\n' in new
    for text in ("2023-04-19", "yes", "123", "~", "- 列表", "  前后空格  ", ""):
        assert yaml.safe_load(set_values(PART, PATH, {("lead",): text}))["lead"] == text


def test_list_items_are_replaced_added_and_removed_in_place() -> None:
    new = set_values(
        PART,
        PATH,
        {("lists", "trades"): ["钳工", "电工", "焊工"], ("lists", "measures"): ["定期评审"]},
    )
    assert "  trades: [钳工, 电工, 焊工]          # 工种\n" in new
    assert "  measures:\n    - 定期评审                  # 第一项\nparagraphs:" in new
    data = yaml.safe_load(new)
    assert data["lists"] == {"trades": ["钳工", "电工", "焊工"], "measures": ["定期评审"]}


def test_a_block_list_grows_by_lines_like_its_own() -> None:
    new = set_values(PART, PATH, {("lists", "measures"): ["建立制度", "定期评审", "表彰奖励"]})
    assert changed_lines(PART, new) == ["+    - 表彰奖励"]
    grown = set_values(PART, PATH, {("paragraphs",): ["甲", "第二段。", "第三段。"]})
    assert "  - >-\n    甲\n\n  - 第二段。\n  - 第三段。\ndate:" in grown


def test_a_list_emptied_and_filled_again() -> None:
    empty = set_values(PART, PATH, {("lists", "measures"): []})
    assert yaml.safe_load(empty)["lists"]["measures"] == []
    again = set_values(empty, PATH, {("lists", "measures"): ["一项"]})
    assert yaml.safe_load(again)["lists"]["measures"] == ["一项"]


def test_a_path_not_in_the_file_is_refused_with_its_name() -> None:
    set_language("zh")
    try:
        with pytest.raises(DataError) as caught:
            set_values(PART, PATH, {("figures", "gone", "value"): 5})
        assert "文件中找不到“figures.gone.value”" in str(caught.value)
    finally:
        set_language("en")
    with pytest.raises(DataError, match="'figures.gone.value' is not in the file"):
        set_values(PART, PATH, {("figures", "gone", "value"): 5})


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))))
def test_any_text_reads_back_as_written_and_nothing_else_changes(text: str) -> None:
    for steps in (("lead",), ("paragraphs", "0"), ("lists", "measures", "1")):
        try:
            new = set_values(PART, PATH, {steps: text})
        except DataError as err:  # -- refused is fine; written wrongly is not --
            assert "without changing other values" in str(err)
            continue
        data = yaml.safe_load(new)
        node = data
        for step in steps[:-1]:
            node = node[step] if isinstance(node, dict) else node[int(step)]
        last = steps[-1]
        assert (node[last] if isinstance(node, dict) else node[int(last)]) == text


TABLE = """\
# 获奖名单：每行一张证书
- number: AK-01        # 证书编号
  name: 江州钢铁集团
  award: 优胜单位
- number: AK-02
  name: 江州港务公司
  award: 优秀班组
"""
ROW_1 = {"number": "AK-01", "name": "江州钢铁集团", "award": "优胜单位"}
ROW_2 = {"number": "AK-02", "name": "江州港务公司", "award": "优秀班组"}


def test_a_record_changes_field_by_field() -> None:
    changed = {**ROW_2, "award": "先进集体"}
    new = set_values(TABLE, PATH, {(): [ROW_1, changed]})
    assert changed_lines(TABLE, new) == ["-  award: 优秀班组", "+  award: 先进集体"]


def test_records_added_moved_and_removed_keep_the_lines_of_the_others() -> None:
    third = {"number": "AK-03", "name": "江州电力公司", "award": "优胜单位"}
    grown = set_values(TABLE, PATH, {(): [ROW_1, ROW_2, third]})
    assert changed_lines(TABLE, grown) == [
        "+- number: AK-03",
        "+  name: 江州电力公司",
        "+  award: 优胜单位",
    ]
    moved = set_values(TABLE, PATH, {(): [ROW_2, ROW_1]})
    assert yaml.safe_load(moved) == [ROW_2, ROW_1]
    assert "- number: AK-02        # 证书编号\n" in moved  # -- values move, comments stay --
    cut = set_values(TABLE, PATH, {(): [ROW_1]})
    assert cut == "\n".join(TABLE.splitlines()[:4]) + "\n"


def test_a_record_in_braces_grows_in_braces_and_a_new_field_is_added() -> None:
    table = "rows:\n  - {number: A1, name: 甲}\n"
    new = set_values(
        table,
        PATH,
        {
            ("rows",): [
                {"number": "A1", "name": "甲", "award": "一等"},
                {"number": "A2", "name": "乙"},
            ]
        },
    )
    assert new == "rows:\n  - {number: A1, name: 甲, award: 一等}\n  - {number: A2, name: 乙}\n"


def test_a_value_the_figure_lacks_is_added_as_a_line_of_its_own() -> None:
    part = (
        "figures:\n  homes:              # 新建职工之家\n    label: 职工之家\n    unit: 个\n"
        "lead: 甲\n"
    )
    new = set_values(part, PATH, {("figures", "homes", "value"): 37})
    assert changed_lines(part, new) == ["+    value: 37"]
    assert yaml.safe_load(new)["figures"]["homes"] == {
        "label": "职工之家",
        "unit": "个",
        "value": 37,
    }
