"""Bounds on what templates and prose make: values, widths, numbers, loops, documents, time.

The hostile templates of tests/sandbox_cases.py are rendered in one process with a memory
and CPU limit; unbounded, each would take gigabytes or hours. The command line is then run
on a few of them, in templates and in prose, for the messages a clerk reads.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import reportgen.text.limits
from limited import run_limited, run_python
from minimal_workspace import TEMPLATE, TEMPLATE_BODY, make_workspace, replace
from reportgen.text.environment import make_environment, render_part
from reportgen.text.limits import LimitExceeded
from reportgen.text.messages import VALUE_TOO_LARGE
from sandbox_cases import CASES

TESTS = Path(__file__).resolve().parent

EXPECTED = {
    "string repeated": "sandbox.value-too-large",
    "string repeated the other way": "sandbox.value-too-large",
    "power": "sandbox.number-too-large",
    "power in a loop": "sandbox.number-too-large",
    "ljust": "sandbox.width-too-large",
    "zfill": "sandbox.width-too-large",
    "format width": "sandbox.width-too-large",
    "format width from an argument": "sandbox.width-too-large",
    "format_map width": "sandbox.width-too-large",
    "printf width": "sandbox.width-too-large",
    "printf star width": "sandbox.star-width",
    "format filter width": "sandbox.width-too-large",
    "list repeated": "sandbox.value-too-large",
    "lipsum": "sandbox.value-too-large",
    "nested range loops": "sandbox.too-many-loops",
    "center filter": "sandbox.width-too-large",
    "indent filter": "sandbox.value-too-large",
    "wordwrap filter": "sandbox.value-too-large",
    "replace filter": "sandbox.value-too-large",
    "replace method": "sandbox.value-too-large",
    "join filter": "sandbox.value-too-large",
    "join method": "sandbox.value-too-large",
    "expandtabs": "sandbox.value-too-large",
    "translate": "sandbox.value-too-large",
    "batch filter": "sandbox.width-too-large",
    "slice filter": "sandbox.width-too-large",
    "namespace doubling": "sandbox.value-too-large",
    "concatenation doubling": "sandbox.value-too-large",
    "addition doubling": "sandbox.value-too-large",
    "list literal doubling": "sandbox.value-too-large",
    "dict literal doubling": "sandbox.value-too-large",
    "captured block doubling": "sandbox.value-too-large",
    "macro doubling": "sandbox.value-too-large",
    "filter block doubling": "sandbox.value-too-large",
    "document size": "sandbox.document-too-large",
}


@pytest.fixture(scope="module")
def outcomes() -> dict[str, dict[str, object]]:
    completed = run_python([str(TESTS / "sandbox_cases.py")], TESTS)
    assert completed.returncode == 0, completed.stderr
    result: dict[str, dict[str, object]] = json.loads(completed.stdout)
    return result


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_each_bomb_meets_its_bound(outcomes: dict[str, dict[str, object]], case: str) -> None:
    assert outcomes[case] == {"limit": EXPECTED[case]}


def test_recursion_ends_in_a_recursion_error_not_a_crash(
    outcomes: dict[str, dict[str, object]],
) -> None:
    assert outcomes["macro recursion"] == outcomes["recursive loop"] == {"error": "RecursionError"}


def test_a_normal_template_renders(outcomes: dict[str, dict[str, object]]) -> None:
    assert set(CASES) == {*EXPECTED, "macro recursion", "recursive loop", "a normal template"}
    template = make_environment(for_docx=True).from_string(CASES["a normal template"])
    assert render_part(template, {}) == "0、1、2、35.116,489  ab  a、b"


def test_a_render_that_takes_too_long_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reportgen.text.limits, "MAX_SECONDS", -1)
    template = make_environment(for_docx=False).from_string(
        "{% for i in range(5000) %}{% endfor %}"
    )
    with pytest.raises(LimitExceeded) as raised:
        render_part(template, {})
    assert str(raised.value.detail) == (
        "takes longer than -1 seconds to render: loop over fewer items, or simplify the filters"
    )


def test_a_bomb_in_a_template_is_a_problem_at_its_place(tmp_path: Path) -> None:
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, '{{ "a" * 10**9 }}'])
    completed = run_limited(["check"], tmp_path)  # -- compiling must not fold it either --
    assert completed.returncode == 1, completed.stderr
    assert completed.stderr == (
        f"{tmp_path / 'templates' / TEMPLATE}: body, paragraph 10: makes a text or list of "
        "1,000,000,000 characters or items, more than the 1,000,000 one value may hold: make "
        'it shorter: {{ "a" * 10**9 }}\n1 problem found\n'
    )


def test_a_bomb_in_prose_is_a_problem_at_its_line(tmp_path: Path) -> None:
    report_dir = make_workspace(tmp_path)
    path = replace(report_dir / "proposals.yaml", "lead: 合理化", "lead: 合理化{{ 9**(9**9) }}")
    completed = run_limited(["check"], tmp_path)
    assert completed.returncode == 1, completed.stderr
    assert completed.stderr == (
        f"{path}:1:1: proposals.lead: in the text: makes a number of more than 4,300 digits: "
        "compute a smaller one\n1 problem found\n"
    )


def test_a_macro_calling_itself_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    tag = "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, tag])
    completed = run_limited(["render"], tmp_path)
    assert completed.returncode == 1, completed.stderr
    assert completed.stderr.startswith(f"{tmp_path / 'templates' / TEMPLATE}: body, paragraph 10: ")
    assert "nests blocks or calls itself too deeply" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_loops_nested_past_what_python_compiles_are_a_problem(tmp_path: Path) -> None:
    depth = 25
    opened = [f"{{% for i{level} in [1] %}}" for level in range(depth)]
    make_workspace(tmp_path, body=[*TEMPLATE_BODY, "".join(opened) + "x" + "{% endfor %}" * depth])
    completed = run_limited(["check"], tmp_path)
    assert completed.returncode == 1, completed.stderr
    assert "nests blocks or calls itself too deeply" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_the_bounds_read_in_chinese() -> None:
    message = VALUE_TOO_LARGE(size="1,000,000,000", limit="1,000,000")
    assert message.text("zh") == (
        "生成的文字或列表有 1,000,000,000 个字符或项，超过单个值的上限 1,000,000：请缩短"
    )


def test_a_render_leaves_no_budget_behind_in_its_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    # -- a server's worker thread renders for hours: a budget left in it by one render would
    # make every later render there "too slow" once that budget's deadline had passed --
    import threading
    import time

    environment = make_environment(for_docx=False)
    seen: list[object] = []
    later = time.monotonic() + 10 * reportgen.text.limits.MAX_SECONDS

    def work() -> None:
        seen.append(environment.from_string("{% for i in range(3) %}{{ i }}{% endfor %}").render())
        seen.append(reportgen.text.limits._budget.get())
        monkeypatch.setattr(reportgen.text.limits.time, "monotonic", lambda: later)
        try:
            seen.append(environment.from_string("{{ 'a' * 3 }}").render())
        except LimitExceeded as err:
            seen.append(err)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == ["012", None, "aaa"]
