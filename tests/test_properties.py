"""Arbitrary text and structures through the loader and the renderer.

Whatever a clerk types or pastes, reportgen either renders it faithfully (the text comes back
through python-docx) or stops with a ReportgenError that names a file; never another exception.
The runs are deterministic (derandomize) and write nothing outside their temporary folders.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math
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
    max_examples=50,
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
PIECES = st.one_of(ANY, CJK, EMOJI, st.sampled_from(SPECIAL), st.sampled_from(CONTROL + "\t\n\r "))
TEXT = st.one_of(
    st.text(PIECES, max_size=40),
    st.text(st.one_of(CJK, st.sampled_from(SPECIAL)), min_size=1, max_size=20),
    # very long: a pasted page
    st.builds(
        lambda piece, times: piece * times,
        st.text(PIECES, min_size=1, max_size=8),
        st.integers(min_value=500, max_value=3000),
    ),
)
# Prose in the data is a Jinja template; braces make it one. Keep most examples plain.
PLAIN_TEXT = TEXT.map(lambda text: text.replace("{", "(").replace("}", ")"))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
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
        event(f"stopped: {type(err).__name__}")
        return None
    event("rendered")
    document = docx.Document(io.BytesIO(report.document))
    return [paragraph.text for paragraph in document.paragraphs]


def assert_names_a_file(err: ReportgenError) -> None:
    if isinstance(err, ProblemsFound):
        assert err.problems
        for problem in err.problems:
            assert problem.file is not None, str(problem)
    else:
        assert str(err)


#: YAML 1.1 reads these as line breaks, and folds a line break in a quoted string into a space.
YAML_BREAKS = "\r\x85\u2028\u2029"


def as_word_shows(text: str) -> str:
    # XML reads a carriage return as a line feed; a line break comes back from python-docx as \n.
    return text.replace("\r\n", "\n").replace("\r", "\n")


@PROPERTY_SETTINGS
@given(
    title=TEXT,
    opening=PLAIN_TEXT,
    lead=PLAIN_TEXT,
    paragraph=PLAIN_TEXT,
    items=st.lists(PLAIN_TEXT, max_size=4),
)
def test_any_text_renders_faithfully_or_is_a_clear_error(
    workspace: Workspace, title: str, opening: str, lead: str, paragraph: str, items: list[str]
) -> None:
    folder = write_report(workspace, report_yaml(title, opening), part_yaml(lead, paragraph, items))
    paragraphs = render(workspace, folder)
    if paragraphs is None:
        return
    data = load_report_data(folder)
    part = data.context["proposals"]
    assert paragraphs == [
        as_word_shows(data.facts.title),
        as_word_shows(data.context["opening"][0]),
        as_word_shows(part.lead + part.paragraphs[0]),
        as_word_shows("、".join(part.items)),
    ]
    # What the data says is what was typed, but for the characters YAML reads as line breaks.
    typed = [title, opening, lead, paragraph, *items]
    if not any(char in "".join(typed) for char in YAML_BREAKS):
        loaded = [
            data.facts.title,
            data.context["opening"][0],
            part.lead,
            *part.paragraphs,
            *part.items,
        ]
        assert loaded == typed


@PROPERTY_SETTINGS
@given(prose=TEXT)
def test_prose_with_any_braces_renders_what_the_data_says_or_is_a_clear_error(
    workspace: Workspace, prose: str
) -> None:
    part = part_yaml(paragraph="共{{ collected }}条" + prose)
    folder = write_report(workspace, report_yaml(), part)
    paragraphs = render(workspace, folder)
    if paragraphs is None:
        return
    rendered = load_report_data(folder).context["proposals"].paragraphs[0]
    assert paragraphs[2] == as_word_shows("领句。" + rendered)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    TEXT,
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
PART_FILES = st.one_of(
    STRUCTURES,
    st.fixed_dictionaries(
        {"lead": STRUCTURES, "paragraphs": STRUCTURES},
        optional={"figures": STRUCTURES, "derived": STRUCTURES, "lists": STRUCTURES},
    ),
    st.fixed_dictionaries(
        {
            "lead": PLAIN_TEXT,
            "paragraphs": st.lists(PLAIN_TEXT, min_size=1, max_size=3),
            "figures": st.dictionaries(
                st.sampled_from(["collected", "adopted", "awards"]), STRUCTURES, max_size=3
            ),
            "derived": st.dictionaries(
                st.sampled_from(["rate", "total"]),
                st.dictionaries(
                    st.sampled_from(["share", "growth", "sum", "difference", "precision"]),
                    st.one_of(
                        st.lists(
                            st.sampled_from(["collected", "adopted", "awards", "x"]), max_size=3
                        ),
                        SCALARS,
                    ),
                    max_size=2,
                ),
                max_size=2,
            ),
            "lists": st.fixed_dictionaries({"items": st.lists(PLAIN_TEXT, max_size=3)}),
        }
    ),
)


@PROPERTY_SETTINGS
@given(part=PART_FILES)
def test_any_part_file_structure_renders_or_is_a_clear_error(
    workspace: Workspace, part: Any
) -> None:
    folder = write_report(workspace, report_yaml(), part)
    paragraphs = render(workspace, folder)
    if paragraphs is None:
        return
    view = load_report_data(folder).context["proposals"]
    assert paragraphs[2] == as_word_shows(view.lead + view.paragraphs[0])


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


def test_the_property_settings_are_deterministic() -> None:
    assert PROPERTY_SETTINGS.derandomize
    assert PROPERTY_SETTINGS.database is None
    assert not math.isinf(PROPERTY_SETTINGS.max_examples)
