"""Arbitrary text and structures through the loader and the renderer.

Whatever a clerk types or pastes, reportgen either renders it faithfully (the text comes back
through python-docx) or stops with a ReportgenError that names a file; never another exception.
Most examples are data a clerk could mean (text without control characters, part files of the
right shape): each of those must render, so a loader that rejected everything fails here. The
rest is anything at all, which must render or be a clear error. The runs are deterministic
(derandomize) and write nothing outside their temporary folders.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from minimal_workspace import TEMPLATE_BODY, build_docx
from reportgen.data.loader import load_report_data
from reportgen.data.yaml_source import parse_yaml
from reportgen.errors import ProblemsFound, ReportgenError
from reportgen.prepare import Run
from reportgen.workspace import Workspace

PROPERTY_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

BODY = [*TEMPLATE_BODY, "{{ proposals.items | join_cn }}"]

# -- text a clerk might type or paste --
SPECIAL = "&<>\"'“”‘’《》、，。；：？！（）{}%#\\"
CONTROL = "".join(chr(code) for code in (0, 7, 8, 11, 12, 27, 127, 0x85, 0x9F, 0xFFFE))
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
EMOJI = st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF)
ANY = st.characters(exclude_categories=("Cs",))  # lone surrogates cannot be UTF-8
#: What a clerk types: no control characters (tab and line break aside), no non-characters.
TYPED = st.characters(exclude_categories=("Cs", "Cc", "Cn"))
PIECES = st.one_of(ANY, CJK, EMOJI, st.sampled_from(SPECIAL), st.sampled_from(CONTROL + "\t\n\r "))
TYPED_PIECES = st.one_of(TYPED, CJK, EMOJI, st.sampled_from(SPECIAL), st.sampled_from("\t\n "))


def mostly(meant: st.SearchStrategy[Any], anything: st.SearchStrategy[Any]) -> Any:
    """Return a strategy drawing what a clerk means nine times in ten, anything the tenth."""
    return st.integers(0, 9).flatmap(
        lambda n: (
            anything.map(lambda x: ("anything", x)) if n == 0 else meant.map(lambda x: ("meant", x))
        )
    )


def texts(pieces: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(pieces, max_size=40),
        st.text(st.one_of(CJK, st.sampled_from(SPECIAL)), min_size=1, max_size=20),
        # very long: a pasted page
        st.builds(
            lambda piece, times: piece * times,
            st.text(pieces, min_size=1, max_size=8),
            st.integers(min_value=500, max_value=3000),
        ),
    )


TYPED_TEXT = texts(TYPED_PIECES)
ANY_TEXT = texts(PIECES)


def without_braces(text: str) -> str:
    # Prose in the data is a Jinja template; braces make it one.
    return text.replace("{", "(").replace("}", ")")


@pytest.fixture(scope="module")
def blank_workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """Return a workspace with the template every example renders, and no report yet."""
    root = tmp_path_factory.mktemp("properties")
    build_docx(root / "templates" / "report.docx", BODY)
    return Workspace.at(root)


_folders = itertools.count()


def write_report(workspace: Workspace, report: dict[str, Any], part: Any) -> Path:
    """Write a report folder (report.yaml and proposals.yaml) and return it."""
    folder = workspace.data_dir / f"report{next(_folders)}"
    folder.mkdir(parents=True)
    dump = {"allow_unicode": True, "sort_keys": False}
    (folder / "report.yaml").write_text(yaml.safe_dump(report, **dump), encoding="utf-8")
    (folder / "proposals.yaml").write_text(yaml.safe_dump(part, **dump), encoding="utf-8")
    return folder


def report_yaml(title: str = "工作汇报", opening: str = "开头。") -> dict[str, Any]:
    return {
        "template": "report.docx",
        "organisation": "市总工会",
        "title": title,
        "period": {"start": 2019, "end": 2023},
        "date": dt.date(2023, 4, 19),
        "opening": [opening],
        "parts": ["proposals"],
    }


def part_yaml(
    lead: str = "领句。", paragraph: str = "段落。", items: list[str] | None = None
) -> Any:
    return {
        "lead": lead,
        "figures": {"collected": 16489},
        "lists": {"items": items if items is not None else ["甲", "乙"]},
        "paragraphs": [paragraph],
    }


_runs: dict[Path, Run] = {}  # a run per workspace: the template compiled once for all examples


def render(workspace: Workspace, folder: Path) -> list[str] | None:
    """Render the report in ``folder``; return its paragraphs, or None on a ReportgenError."""
    try:
        run = _runs.setdefault(workspace.templates_dir, Run(workspace))
        report = run.render_report(folder)
    except ReportgenError as err:
        assert_names_a_file(err)
        return None
    document = docx.Document(io.BytesIO(report.document))
    return [paragraph.text for paragraph in document.paragraphs]


def assert_names_a_file(err: ReportgenError) -> None:
    if isinstance(err, ProblemsFound):
        assert err.problems
        for problem in err.problems:
            assert problem.file is not None, str(problem)
    else:
        assert str(err)


class Outcomes:
    """Counts how the examples of one property ended, by what they were drawn as."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, bool], int] = {}

    def add(self, drawn: str, rendered: bool) -> None:
        event(f"{drawn}: {'rendered' if rendered else 'a clear error'}")
        key = (drawn, rendered)
        self.counts[key] = self.counts.get(key, 0) + 1

    def share_rendered(self) -> float:
        total = sum(self.counts.values())
        return sum(count for (_, rendered), count in self.counts.items() if rendered) / total


def run_property(test: Callable[[Outcomes], None]) -> Outcomes:
    outcomes = Outcomes()
    test(outcomes)
    return outcomes


#: YAML 1.1 reads these as line breaks, and folds a line break in a quoted string into a space.
YAML_BREAKS = "\r\x85\u2028\u2029"


def as_word_shows(text: str) -> str:
    # XML reads a carriage return as a line feed; a line break comes back from python-docx as \n.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def test_any_text_renders_faithfully_or_is_a_clear_error(blank_workspace: Workspace) -> None:
    fields = st.tuples(
        TYPED_TEXT.filter(lambda text: not any(tag in text for tag in ("{{", "}}", "{%", "%}"))),
        TYPED_TEXT.map(without_braces),
        TYPED_TEXT.map(without_braces),
        TYPED_TEXT.map(without_braces),
        st.lists(TYPED_TEXT.map(without_braces), max_size=4),
    )
    anything = st.tuples(
        ANY_TEXT, *[ANY_TEXT.map(without_braces)] * 3, st.lists(ANY_TEXT.map(without_braces))
    )

    @PROPERTY_SETTINGS
    @given(drawn=mostly(fields, anything))
    def property_(outcomes: Outcomes, drawn: tuple[str, Any]) -> None:
        kind, (title, opening, lead, paragraph, items) = drawn
        report, part = report_yaml(title, opening), part_yaml(lead, paragraph, items)
        folder = write_report(blank_workspace, report, part)
        paragraphs = render(blank_workspace, folder)
        outcomes.add(kind, paragraphs is not None)
        if paragraphs is None:
            assert kind == "anything", "text a clerk means must render"
            return
        data = load_report_data(folder)
        view = data.context["proposals"]
        assert paragraphs == [
            as_word_shows(data.facts.title),
            as_word_shows(data.context["opening"][0]),
            as_word_shows(view.lead + view.paragraphs[0]),
            as_word_shows("、".join(view.items)),
        ]
        # What the data says is what was typed, but for the characters YAML reads as line breaks.
        typed = [title, opening, lead, paragraph, *items]
        if not any(char in "".join(typed) for char in YAML_BREAKS):
            loaded = [data.facts.title, data.context["opening"][0], view.lead, *view.paragraphs]
            assert [*loaded, *view.items] == typed

    outcomes = run_property(property_)
    assert outcomes.share_rendered() >= 0.8, outcomes.counts


@PROPERTY_SETTINGS
@given(prose=TYPED_TEXT)
def test_prose_with_any_braces_renders_what_the_data_says_or_is_a_clear_error(
    blank_workspace: Workspace, prose: str
) -> None:
    part = part_yaml(paragraph="共{{ collected }}条" + prose)
    folder = write_report(blank_workspace, report_yaml(), part)
    paragraphs = render(blank_workspace, folder)
    if paragraphs is None:
        return
    rendered = load_report_data(folder).context["proposals"].paragraphs[0]
    assert paragraphs[2] == as_word_shows("领句。" + rendered)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    ANY_TEXT,
    st.dates(),
)
KEYS = st.one_of(
    st.sampled_from(
        [
            "lead",
            "paragraphs",
            "figures",
            "derived",
            "lists",
            "value",
            "by_year",
            "label",
            "unit",
            "qualifier",
            "scale",
            "precision",
            "previous",
            "share",
            "growth",
            "sum",
            "difference",
            "collected",
            "adopted",
            "items",
            "近",
            "万",
            "2020",
        ]
    ),
    st.text(max_size=8),
    st.integers(min_value=1990, max_value=2030),
)
STRUCTURES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=5)
    ),
    max_leaves=20,
)
ANY_PART = st.one_of(
    STRUCTURES,
    st.fixed_dictionaries(
        {"lead": STRUCTURES, "paragraphs": STRUCTURES},
        optional={"figures": STRUCTURES, "derived": STRUCTURES, "lists": STRUCTURES},
    ),
)

# -- a part file a clerk could mean: every figure a number, a full form, or a group of them --
AMOUNTS = st.one_of(
    st.integers(min_value=0, max_value=10**12), st.floats(min_value=0, max_value=1e12)
)
FULL_FIGURES = st.fixed_dictionaries(
    {"value": AMOUNTS},
    optional={
        "label": TYPED_TEXT.filter(lambda text: "{" not in text and "}" not in text),
        "unit": st.sampled_from(["条", "元", "人次", "%"]),
        "qualifier": st.sampled_from(["近", "约", "多", "余"]),
        "scale": st.sampled_from(["万", "亿"]),
        "precision": st.integers(min_value=0, max_value=4),
        "previous": AMOUNTS,
    },
)
FIGURES = st.one_of(AMOUNTS, FULL_FIGURES, st.fixed_dictionaries({"city": AMOUNTS}))
PROSE = st.lists(
    st.one_of(
        TYPED_TEXT.map(without_braces),
        st.sampled_from(["{{ collected }}", "{{ adopted }}", "{{ items | join_cn }}"]),
    ),
    min_size=1,
    max_size=4,
).map("".join)


@st.composite
def meant_parts(draw: st.DrawFn) -> dict[str, Any]:
    whole = draw(st.integers(min_value=1, max_value=10**9))
    part = draw(st.integers(min_value=0, max_value=whole))
    figures = {"collected": whole, "adopted": part}
    figures |= draw(st.dictionaries(st.sampled_from(["benefit", "teams", "awards"]), FIGURES))
    return {
        "lead": draw(TYPED_TEXT.map(without_braces)),
        "figures": figures,
        "derived": {
            "rate": {"share": ["adopted", "collected"], "precision": draw(st.integers(0, 4))},
            "total": {"sum": ["collected", "adopted"]},
        },
        "lists": {"items": draw(st.lists(TYPED_TEXT.map(without_braces), max_size=3))},
        "paragraphs": draw(st.lists(PROSE, min_size=1, max_size=3)),
    }


def test_any_part_file_structure_renders_or_is_a_clear_error(blank_workspace: Workspace) -> None:
    @PROPERTY_SETTINGS
    @given(drawn=mostly(meant_parts(), ANY_PART))
    def property_(outcomes: Outcomes, drawn: tuple[str, Any]) -> None:
        kind, part = drawn
        folder = write_report(blank_workspace, report_yaml(), part)
        paragraphs = render(blank_workspace, folder)
        outcomes.add(kind, paragraphs is not None)
        if paragraphs is None:
            assert kind == "anything", "a part file of the right shape must render"
            return
        view = load_report_data(folder).context["proposals"]
        first, *others = view.paragraphs
        assert paragraphs[2:] == [
            as_word_shows(text) for text in (view.lead + first, *others, "、".join(view.items))
        ]

    outcomes = run_property(property_)
    assert outcomes.share_rendered() >= 0.8, outcomes.counts


YAML_TEXT = st.one_of(
    st.text(PIECES, max_size=200),
    st.text(st.sampled_from(list(":-[]{}&*!|>'\"#\n\t ,?%@`~=.0123456789abc中\x07")), max_size=120),
)


@PROPERTY_SETTINGS
@given(text=YAML_TEXT)
def test_any_yaml_text_parses_or_is_a_clear_error(text: str) -> None:
    path = Path("part.yaml")
    try:
        source = parse_yaml(text, path)
    except ReportgenError as err:
        assert_names_a_file(err)
        return
    assert source.path == path
