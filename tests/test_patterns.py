"""Patterns compiled on first use match as the compiled patterns they stand for."""

from __future__ import annotations

import re

from reportgen.patterns import LazyPattern

SOURCE = r"(\d+)年"
TEXT = "2019年至2023年，共5年"


def test_a_lazy_pattern_is_compiled_once_on_first_use() -> None:
    lazy = LazyPattern(SOURCE)
    assert lazy._compiled is None  # -- made at import, nothing compiled yet --
    first = lazy.compiled
    assert lazy.compiled is first
    assert first.pattern == lazy.pattern == SOURCE


def test_a_lazy_pattern_matches_as_re_does() -> None:
    lazy, compiled = LazyPattern(SOURCE, re.ASCII), re.compile(SOURCE, re.ASCII)
    assert lazy.search(TEXT, 1)[0] == compiled.search(TEXT, 1)[0]  # type: ignore[index]
    assert lazy.match(TEXT)[1] == "2019"  # type: ignore[index]
    assert lazy.match(TEXT, 4) is None
    assert lazy.fullmatch("2023年") is not None
    assert lazy.fullmatch(TEXT) is None
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in compiled.finditer(TEXT)]
    assert lazy.findall(TEXT) == ["2019", "2023", "5"]
    assert lazy.sub(r"\1", TEXT) == compiled.sub(r"\1", TEXT) == "2019至2023，共5"
    assert lazy.sub(lambda m: m[1][-2:], TEXT) == "19至23，共5"
    assert lazy.split(TEXT) == compiled.split(TEXT)
