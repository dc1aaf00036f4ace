"""Every message reportgen prints says the same in Chinese as in English, and in Chinese only.

The catalogue test reads every kind of message declared; the last test of the suite words
in Chinese every message, problem and error the suite made (conftest records them) and looks
for a run of three English words outside field names, file names, tags and quotes: a sentence
of a library, or of reportgen, that was never put into Chinese.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import string
import sys
from typing import Any

import reportgen
from conftest import LAST, MADE
from helpers import english_runs
from reportgen.errors import Problem, ReportgenError
from reportgen.i18n import CATALOGUE, Message, MessageKind


def test_english_runs_are_found_outside_names() -> None:
    assert english_runs("无法读取：not a valid date") == ["not a valid date"]
    assert english_runs("“Noto Sans CJK SC” 字体缺失；proposals.figures.adopted 应为数字") == []
    assert english_runs("标签 {{ row.name | default('no name given') }} 有误") == []
    assert english_runs("请运行 reportgen check five-year-report") == [
        "reportgen check five-year-report"
    ]


def all_kinds() -> list[MessageKind]:
    """Import every module of reportgen and return every kind of message it declares."""
    for module in pkgutil.walk_packages(reportgen.__path__, "reportgen."):
        if not module.name.endswith("__main__"):
            try:
                importlib.import_module(module.name)
            except ModuleNotFoundError as err:
                # -- a module run by LibreOffice's own Python (uno), which declares no message --
                assert not (err.name or "").startswith("reportgen"), err
    return list(CATALOGUE.values())


def test_every_kind_has_a_stable_code_declared_once() -> None:
    kinds = all_kinds()
    assert len(kinds) > 100
    for kind in kinds:
        assert re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", kind.code), kind.code
    # -- a kind imported into another module is the same object; a second declaration is not --
    declared: dict[str, set[int]] = {}
    for name, module in list(sys.modules.items()):
        if name.startswith("reportgen"):
            for value in vars(module).values():
                if isinstance(value, MessageKind):
                    declared.setdefault(value.code, set()).add(id(value))
    assert [code for code, objects in declared.items() if len(objects) > 1] == []


def test_both_texts_of_every_kind_use_the_same_parameters() -> None:
    mismatched = {
        kind.code: (sorted(kind.parameters("en")), sorted(kind.parameters("zh")))
        for kind in all_kinds()
        if kind.parameters("en") != kind.parameters("zh")
    }
    assert mismatched == {}


def test_the_chinese_of_every_kind_is_chinese() -> None:
    english = {}
    for kind in all_kinds():
        placeholders = {name: "·" for name in kind.parameters("zh")}
        text = string.Formatter().vformat(_plain_specs(kind.zh), (), placeholders)
        if english_runs(text):
            english[kind.code] = english_runs(text)
        elif re.search("[A-Za-z]{2}", re.sub(r"\{[^{}]*\}", "", kind.en)) and kind.en == kind.zh:
            english[kind.code] = ["the same text in both languages"]
    assert english == {}


def _plain_specs(template: str) -> str:
    # -- {count:file|files}: a plural of English, not in Chinese texts but harmless there --
    return re.sub(r"\{(\w+):[^{}]*\}", r"{\1}", template)


def chinese_text(made: Any) -> str:
    if isinstance(made, Message):
        return made.text("zh")
    if isinstance(made, Problem | ReportgenError):
        return made.text("zh")
    raise TypeError(made)


def test_every_message_the_suite_made_reads_in_chinese() -> None:
    assert test_every_message_the_suite_made_reads_in_chinese.__name__ == LAST
    found: dict[str, list[str]] = {}
    seen: set[str] = set()
    for made in MADE:
        text = chinese_text(made)
        if text in seen:
            continue
        seen.add(text)
        runs = english_runs(text)
        if runs:
            found[text] = runs
    assert not found, "\n".join(f"{text}\n    {runs}" for text, runs in found.items())
