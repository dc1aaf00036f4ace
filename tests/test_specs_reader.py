"""Reading a data file without pydantic: whatever the quick reader accepts, the models read alike.

A render reads its data files with :mod:`reportgen.data.specs_reader` and only falls back to
the pydantic models (which explain what is wrong) when a file is not plainly valid. These
tests hold the two readers together: the same fields in the same order with the same
defaults, every sample file read the quick way, and for any data, generated, either the quick
reader declines or both readers give the same spec.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticUndefined

from reportgen.data import specs
from reportgen.data.models import MODELS, as_spec
from reportgen.data.namespace import PART_FIELDS, REPORT_FIELDS, split_fields
from reportgen.data.specs_reader import REQUIRED, SHAPES, read_spec
from reportgen.data.yaml_source import load_yaml

REPO = Path(__file__).resolve().parent.parent
DATA_FILES = sorted((REPO / "data").glob("*/*.yaml"))


def pydantic_reading(spec: type, data: Any) -> Any:
    """Return ``data`` as the pydantic model of ``spec`` reads it, or the error it raises."""
    try:
        return as_spec(MODELS[spec].model_validate(data))
    except ValidationError as err:
        return err


@pytest.mark.parametrize("spec", list(MODELS), ids=lambda spec: spec.__name__)
def test_each_spec_has_its_models_fields_in_order_with_its_defaults(spec: type) -> None:
    model: type[BaseModel] = MODELS[spec]
    assert spec._fields == tuple(model.model_fields) == tuple(SHAPES[spec])
    for name, info in model.model_fields.items():
        _, default = SHAPES[spec][name]
        if info.is_required():
            assert default is REQUIRED, name
        elif info.default_factory is not None:
            assert default() == info.default_factory(), name  # type: ignore[call-arg]
        else:
            assert info.default is not PydanticUndefined
            assert default == info.default, name


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_sample_file_is_read_without_pydantic_as_pydantic_reads_it(path: Path) -> None:
    data = load_yaml(path).data
    if path.name == "report.yaml":
        spec, ours = specs.ReportFile, REPORT_FIELDS
    elif set(data) & {"lead", "paragraphs"}:
        spec, ours = specs.PartFile, PART_FIELDS
    else:
        pytest.skip("a batch's table of rows, not a part")
    fields, _ = split_fields(data, ours)
    quick = read_spec(spec, fields)
    assert quick is not None
    assert quick == pydantic_reading(spec, fields)


def test_a_render_imports_no_pydantic(workspace_dir: Path) -> None:
    script = (
        "import json, sys\n"
        "from reportgen.cli import main\n"
        "code = main(['render', 'five-year-report'])\n"
        "print(json.dumps([code, sorted(sys.modules)]))\n"
    )
    environment = {"REPORTGEN_NO_CACHE": "1", "PATH": "", "REPORTGEN_LANG": "en"}
    completed = subprocess.run(
        [sys.executable, "-c", script],
        cwd=workspace_dir,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    code, modules = json.loads(completed.stdout.splitlines()[-1])
    assert code == 0
    assert "reportgen.data.specs_reader" in modules
    pydantic = [name for name in modules if name.startswith(("pydantic", "reportgen.data.models"))]
    assert pydantic == []


# -- any data: the quick reader declines, or reads as pydantic does --

#: Text a data file may hold anywhere.
TEXTS = st.sampled_from(["征集合理化建议", "条", "", " ", "x", "近", "2019", "3", "adopted"])
#: Text that only some fields accept, or none.
ODD_TEXTS = st.sampled_from(
    [
        "{{ x }}",
        "含%}标签",
        "a\x01b",
        "2024-01-15",
        "2024年1月15日",
        "2024-02-30",
        "3-8",
        "3~8",
        "近",
        "万",
        "十",
        "none",
        "class",
        "stats.xlsx",
        "a/b.xlsx",
        "winners.csv",
        "winners.txt",
        "{row.name}",
        "{row.number}_{title}",
        "{title}（合订本）",
        "{bad}",
        "{row.name",
        "seal.png",
        "seal.jpg",
    ]
)
NAMES = st.sampled_from(["adopted", "collected", "rate", "x1", "名称"])
ODD_NAMES = st.sampled_from(["none", "class", "2b", "a-b", ""])
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3000),
    st.sampled_from([0.5, 2.0, -1.5, float("nan"), float("inf"), 1e6, 35.1]),
    TEXTS,
    ODD_TEXTS,
    st.dates(dt.date(1890, 1, 1), dt.date(2210, 1, 1)),
)
JUNK = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(NAMES | ODD_NAMES | ODD_TEXTS, inner, max_size=3)
    ),
    max_leaves=6,
)


class Strategies:
    """The data of each spec: always well formed (``noisy`` False), or now and then not.

    Well-formed data is mostly valid (a rule may still refuse it: a period ending before it
    starts); noisy data now and then holds a value of any kind, an odd key, a field missing.
    """

    def __init__(self, noisy: bool) -> None:
        self.noisy = noisy
        self.whole = self.mostly(st.integers(0, 4), st.sampled_from([-1, 5, True, 2.0, "2"]))
        self.year = self.mostly(
            st.sampled_from([1900, 2019, 2023, 2200]), st.sampled_from([1899, 2201, 2.0, "2019"])
        )
        self.number = self.mostly(
            st.integers(0, 100_000) | st.sampled_from([0.5, 35.1, 0.0, 1e6]),
            st.sampled_from([-1, True, float("nan"), float("inf"), "12"]),
        )
        self.operands = self.mostly(
            st.lists(NAMES, min_size=2, max_size=2),
            st.lists(NAMES, max_size=3) | st.tuples(NAMES, NAMES) | st.lists(st.integers()),
        )
        self.dates = self.mostly(
            st.dates(dt.date(1999, 1, 1), dt.date(2030, 1, 1))
            | st.sampled_from(["2024-01-15", "2024年1月15日", "2024.1.15", "2024/1/15"]),
            st.sampled_from(["2024-02-30", "明天", "20240115"]),
        )
        self.figure = self.record(
            {
                "value": self.optional(self.number),
                "by_year": self.optional(
                    st.dictionaries(
                        self.keys(st.integers(2018, 2024), st.just("2019") | st.just(True)),
                        self.optional(self.number),
                        max_size=3,
                    )
                ),
                "previous": self.optional(self.number),
                "label": self.optional(self.text()),
                "unit": self.optional(self.text()),
                "qualifier": self.optional(
                    self.mostly(st.sampled_from(["近", "约", "多", "余"]), st.just("十"))
                ),
                "scale": self.optional(self.mostly(st.sampled_from(["万", "亿"]), st.just("千"))),
                "precision": self.whole,
            }
        )
        self.figure_node = st.recursive(
            self.number | self.figure, lambda inner: self.names_to(inner), max_leaves=5
        )
        operation = st.sampled_from(["share", "growth", "difference"])
        self.derived = st.builds(
            lambda fields, name, operands: (
                {name: operands, **fields} if type(fields) is dict else fields
            ),
            self.record(
                {
                    "label": self.optional(self.text()),
                    "unit": self.optional(self.text()),
                    "precision": self.whole,
                    "sum": self.mostly(st.nothing(), st.lists(NAMES, max_size=2)),
                    "growth": self.mostly(st.nothing(), self.operands),
                }
            ),
            operation,
            self.operands,
        )
        self.content = {
            "figures": self.mostly(self.names_to(self.figure_node)),
            "derived": self.mostly(self.names_to(self.derived, 2)),
            "lists": self.mostly(self.names_to(self.mostly(st.lists(self.text(), max_size=3)))),
            "figures_sheet": self.optional(
                self.record(
                    {
                        "file": self.text(st.sampled_from(["a/b.xlsx", "a\\b.xlsx"])),
                        "sheet": self.optional(self.text()),
                        "rows": self.optional(
                            self.mostly(st.sampled_from(["3-8", "3~8", "8 - 3"]), ODD_TEXTS)
                        ),
                    },
                    required=("file",),
                )
            ),
            "pictures": self.mostly(self.names_to(self.text(), 2)),
        }
        self.part = self.record(
            {
                **self.content,
                "lead": self.text(),
                "paragraphs": self.mostly(
                    st.lists(self.text(), min_size=1, max_size=3), st.just([])
                ),
            },
            required=("lead", "paragraphs"),
            extra=False,
        )
        self.official = self.record(
            {
                "mark": self.optional(self.text()),
                "number": self.record(
                    {
                        "code": self.text(),
                        "year": self.optional(self.year),
                        "serial": self.mostly(st.integers(1, 99), st.just(0)),
                    },
                    required=("code", "serial"),
                ),
                "signers": self.mostly(
                    st.lists(self.text(), max_size=2), st.lists(TEXTS, min_size=3, max_size=3)
                ),
                "addressee": self.optional(self.text()),
                "signature": self.optional(self.text()),
                "seal": self.optional(
                    self.mostly(st.sampled_from(["seal.png", "印章.PNG"]), ODD_TEXTS)
                ),
                "imprint": self.optional(
                    self.record(
                        {
                            "copies": self.mostly(st.lists(self.text(), max_size=2)),
                            "issuer": self.text(),
                            "date": self.dates,
                        },
                        required=("issuer", "date"),
                    )
                ),
            },
            required=("number",),
        )
        file_names = st.sampled_from(["{title}", "{organisation}_{start}-{end}"])
        odd_file_names = st.sampled_from(["{row.name}", "{bad}", "{row.x", "{title!r}"])
        self.report = self.record(
            {
                **self.content,
                "template": self.text(),
                "organisation": self.optional(self.text()),
                "title": self.optional(self.text()),
                "period": self.optional(
                    self.record({"start": self.year, "end": self.year}, required=("start", "end"))
                ),
                "date": self.optional(self.dates),
                "opening": self.mostly(st.lists(self.text(), max_size=2)),
                "parts": self.mostly(
                    st.lists(self.keys(NAMES, ODD_NAMES), max_size=3, unique=not noisy)
                ),
                "attachment": self.optional(
                    self.record(
                        {
                            "title": self.text(),
                            "figures": self.mostly(
                                st.lists(self.text(), min_size=1, max_size=2), st.just([])
                            ),
                            "chart": self.optional(self.text()),
                        },
                        required=("figures",),
                    )
                ),
                "official": self.optional(self.official),
            },
            required=("template",),
            extra=False,
        )
        batch = self.record(
            {
                "rows": self.mostly(st.sampled_from(["winners.csv", "名单.xlsx"]), ODD_TEXTS),
                "sheet": self.optional(self.text()),
                "output": self.mostly(st.sampled_from(["{row.name}", "{row.number}_{title}"])),
                "merged": self.optional(self.mostly(file_names, odd_file_names)),
            },
            required=("rows", "output"),
        )
        single = st.fixed_dictionaries(
            {}, optional={"output": self.optional(self.mostly(file_names, odd_file_names))}
        )
        batched = st.fixed_dictionaries({"batch": batch})
        if noisy:
            single = st.fixed_dictionaries(
                {}, optional={"output": self.optional(self.text()), "batch": self.optional(batch)}
            )
        self.report = st.builds(lambda a, b: {**a, **b}, self.report, single | batched)

    def mostly(self, good: st.SearchStrategy[Any], odd: st.SearchStrategy[Any] = JUNK) -> Any:
        """Return ``good`` values; when noisy, now and then an ``odd`` one, or any at all."""
        return st.one_of(*[good] * 8, odd, JUNK) if self.noisy else good

    def keys(self, good: st.SearchStrategy[Any], odd: st.SearchStrategy[Any]) -> Any:
        """Return ``good`` keys of a mapping; when noisy, now and then an ``odd`` one."""
        return st.one_of(*[good] * 8, odd) if self.noisy else good

    def text(self, odd: st.SearchStrategy[Any] = ODD_TEXTS) -> Any:
        """Return text, or a number; when noisy, now and then an odd text, or any value."""
        return self.mostly(TEXTS | st.integers(0, 9) | st.just(2.5), odd)

    def optional(self, good: st.SearchStrategy[Any]) -> Any:
        return st.none() | good

    def names_to(self, values: st.SearchStrategy[Any], size: int = 3) -> Any:
        keys = self.keys(NAMES, ODD_NAMES | st.integers(1, 3))
        return st.dictionaries(keys, values, max_size=size)

    def record(
        self,
        fields: dict[str, st.SearchStrategy[Any]],
        required: tuple[str, ...] = (),
        extra: bool = True,
    ) -> Any:
        """Return mappings of these fields: the required ones, and some of the others.

        When noisy, a required field may be missing, and an unknown one there.
        """
        if self.noisy:
            known = st.fixed_dictionaries({}, optional=fields)
            unknown = st.dictionaries(st.sampled_from(["valeu", "titel", 2019]), JUNK, max_size=1)
            if not extra:
                return known
            return self.mostly(known, st.builds(lambda a, b: {**a, **b}, known, unknown))
        given = {name: fields[name] for name in required}
        optional = {name: value for name, value in fields.items() if name not in required}
        return st.fixed_dictionaries(given, optional=optional)


CLEAN, NOISY = Strategies(noisy=False), Strategies(noisy=True)


def either(name: str) -> Any:
    return st.one_of(getattr(CLEAN, name), getattr(NOISY, name))


EQUIVALENCE = settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def assert_read_alike(spec: type, data: Any) -> None:
    quick = read_spec(spec, data)
    if quick is None:
        return  # -- declined: the models read it, and explain what is wrong --
    assert quick == pydantic_reading(spec, data)
    assert type(quick) is spec
    assert repr(quick) == repr(pydantic_reading(spec, data))  # -- 3 is not 3.0, '5' is not 5 --


@EQUIVALENCE
@given(either("report"))
def test_any_report_file_is_read_alike_or_left_to_pydantic(data: dict[str, Any]) -> None:
    assert_read_alike(specs.ReportFile, data)


@EQUIVALENCE
@given(either("part"))
def test_any_part_file_is_read_alike_or_left_to_pydantic(data: dict[str, Any]) -> None:
    assert_read_alike(specs.PartFile, data)


@EQUIVALENCE
@given(either("figure_node"), either("derived"))
def test_any_figures_are_read_alike_or_left_to_pydantic(figure: Any, derived: Any) -> None:
    assert_read_alike(specs.Content, {"figures": {"x": figure}, "derived": {"d": derived}})


@EQUIVALENCE
@given(either("official"))
def test_any_official_section_is_read_alike_or_left_to_pydantic(data: dict[str, Any]) -> None:
    assert_read_alike(specs.OfficialSpec, data)


def test_the_quick_reader_accepts_a_full_report() -> None:
    text = """
template: notice.docx
organisation: 江州市总工会
title: 关于开展竞赛的通知
period: {start: 2019, end: 2023}
date: 2024年1月15日
opening: [开头]
parts: [proposals]
figures:
  collected: 16489
  benefit: {value: 398000000, qualifier: 近, scale: 亿, precision: 0, label: 效益, unit: 元}
  by_year: {by_year: {2019: 3000, 2020: ~}}
  awards: {national: {enterprises: 4}}
derived:
  rate: {share: [collected, collected], precision: 1}
  total: {sum: [collected]}
lists: {trades: [电工, 钳工, 3]}
pictures: {photo: photo.png}
attachment: {figures: [proposals.collected], chart: proposals.collected}
official:
  number: {code: 江工发, year: 2023, serial: 12}
  signers: [张三]
  seal: seal.png
  imprint: {copies: [市委办公室], issuer: 江州市总工会办公室, date: 2024-01-15}
"""
    data = yaml.safe_load(text)
    quick = read_spec(specs.ReportFile, data)
    assert quick is not None
    assert quick == pydantic_reading(specs.ReportFile, data)
    assert quick.figures["benefit"].scale == "亿"
    assert quick.official is not None and quick.official.number.serial == 12


def test_an_empty_list_field_is_left_to_pydantic_not_a_traceback() -> None:
    # -- `signers:` written with nothing after it is None, which has no length --
    assert read_spec(specs.OfficialSpec, {"signers": None}) is None
