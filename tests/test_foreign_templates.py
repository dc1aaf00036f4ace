"""Templates made elsewhere: with docxtpl's own features, by LibreOffice, by other writers.

Departments bring templates written for docxtpl by hand (a cell's colour from the data,
escaped braces, a condition on a yes-or-no field) and templates LibreOffice or Word saved in
formats of their own; each renders as docxtpl renders it, or is refused saying what to do.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from minimal_workspace import build_docx, paragraph_texts
from reportgen.api import check_reports, render_reports
from reportgen.template.fields import template_fields
from reportgen.workspace import Workspace


def one_report(root: Path, yaml: str, body: list[str | list[str]]) -> Path:
    """Return the template of a workspace in ``root`` whose one report has ``yaml``."""
    template = build_docx(root / "templates" / "free.docx", body)
    folder = root / "data" / "free"
    folder.mkdir(parents=True)
    text = "template: free.docx\n" + textwrap.dedent(yaml)
    (folder / "report.yaml").write_text(text, encoding="utf-8")
    (root / "output").mkdir()
    return template


def check(root: Path) -> list[str]:
    return [str(problem) for problem in check_reports(Workspace.at(root))]


def rendered(root: Path) -> list[str]:
    [written] = render_reports(Workspace.at(root))
    return paragraph_texts(written)


# -- a condition on a field: true or false, never text --

PAID = ["客户：", "{%p if is_paid %}", "您已付款。", "{%p else %}", "请付款。", "{%p endif %}"]


@pytest.mark.parametrize("said", ["否", "no", "没有"])
def test_a_condition_whose_field_says_no_in_words_is_refused_at_its_tag(
    tmp_path: Path, said: str
) -> None:
    # -- any text is true: the order said 已付款 for 否, and YAML 1.2 reads no as text --
    template = one_report(tmp_path, f"is_paid: {said}\n", PAID)
    assert check(tmp_path) == [
        f"{template}: body, paragraph 2: is_paid: decides a condition, and its value is the text "
        f"'{said}', which counts as true as any text does, so the document says what it says "
        "for yes: write false (or true) in the data: {% if is_paid %}"
    ]


def test_a_condition_whose_field_is_false_takes_the_other_branch(tmp_path: Path) -> None:
    one_report(tmp_path, "is_paid: false\n", PAID)
    assert check(tmp_path) == []
    assert rendered(tmp_path) == ["客户：", "请付款。"]


def test_a_field_only_a_condition_uses_is_listed_as_true_or_false(tmp_path: Path) -> None:
    body = [*PAID, "{% if not (is_paid or urgent) %}{{ note }}{% endif %}"]
    template = build_docx(tmp_path / "free.docx", body)
    kinds = {field.path: str(field.kind) for field in template_fields(template)}
    assert kinds == {"is_paid": "true or false", "urgent": "true or false", "note": "text"}
