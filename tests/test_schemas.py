"""The JSON Schema of the data files: generated from the models, committed, and true to them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from minimal_workspace import make_workspace
from reportgen.cli import main
from reportgen.commands.schema import schema_texts

REPO = Path(__file__).resolve().parent.parent
SCHEMA_LINE = "# yaml-language-server: $schema="
DATA_FILES = sorted((REPO / "data").glob("*/*.yaml"))


def test_schema_writes_both_files_into_the_folder_given(tmp_path: Path, capsys) -> None:
    assert main(["schema", str(tmp_path / "out")]) == 0
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert written == ["part.schema.json", "report.schema.json"]
    for name, text in schema_texts().items():
        assert (tmp_path / "out" / name).read_text(encoding="utf-8") == text
    assert capsys.readouterr().out.splitlines() == [
        str(tmp_path / "out" / "report.schema.json"),
        str(tmp_path / "out" / "part.schema.json"),
    ]


def test_schema_writes_into_the_workspace_schemas_folder_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    make_workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["schema"]) == 0
    assert sorted(path.name for path in (tmp_path / "schemas").iterdir()) == [
        "part.schema.json",
        "report.schema.json",
    ]


def test_schema_text_is_sorted_indented_readable_and_ends_in_a_newline() -> None:
    for text in schema_texts().values():
        schema = json.loads(text)
        assert text == json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        assert "征集合理化建议" in text or "报告标题" in text  # Chinese kept readable


def test_the_committed_schemas_are_the_generated_ones() -> None:
    # After changing the models, run `reportgen schema` and commit the result.
    for name, text in schema_texts().items():
        assert (REPO / "schemas" / name).read_text(encoding="utf-8") == text, name


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_each_data_file_names_its_schema_on_its_first_line(path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith(SCHEMA_LINE)
    kind = "report" if path.name == "report.yaml" else "part"
    assert first_line == f"{SCHEMA_LINE}../../schemas/{kind}.schema.json"
    assert (path.parent / first_line.removeprefix(SCHEMA_LINE)).resolve().is_file()


def jsonable(value: Any) -> Any:
    """Return YAML data as an editor's JSON view of it: dates and keys as text."""
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [jsonable(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def validator_for(data_file: Path) -> Any:
    import jsonschema  # a test extra: installed with ".[test]"

    reference = data_file.read_text(encoding="utf-8").splitlines()[0].removeprefix(SCHEMA_LINE)
    schema = json.loads((data_file.parent / reference).read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def errors(data_file: Path, data: Any) -> list[str]:
    return sorted(error.message for error in validator_for(data_file).iter_errors(jsonable(data)))


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_each_sample_data_file_validates_against_its_schema(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert errors(path, data) == []


def test_the_schema_rejects_what_the_checks_reject() -> None:
    part = REPO / "data" / "five-year-report" / "proposals.yaml"
    assert errors(part, {"lead": "x", "paragraphs": ["y"], "figures": {"a": -5}}) != []
    assert errors(part, {"lead": "x", "paragraphs": ["y"], "figures": {"a": "五"}}) != []
    misspelt = {"a": {"valeu": 5, "label": "甲"}}
    assert errors(part, {"lead": "x", "paragraphs": ["y"], "figures": misspelt}) != []
    assert errors(part, {"lead": "x", "paragraph": ["y"]}) != []


def test_the_schema_accepts_a_figure_of_numbers_only_and_a_group() -> None:
    # {value: 5, previous: 4} is a figure; only a mapping without a figure's keys is a group.
    part = REPO / "data" / "five-year-report" / "proposals.yaml"
    figures = {"a": {"value": 5, "previous": 4}, "awards": {"national": 4, "city": {"value": 9}}}
    assert errors(part, {"lead": "x", "paragraphs": ["y"], "figures": figures}) == []
