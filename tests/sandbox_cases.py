"""Render each template in CASES in the bounded sandbox and print what happened, as JSON.

Run by tests/test_limits_sandbox.py in a process with a memory and CPU limit: each of these
would take gigabytes or hours unbounded. A case ends ``ok`` with the length of its output,
with the code of the bound it met, or with the name of the exception it raised.
"""

from __future__ import annotations

import json
import sys

from reportgen.text.environment import make_environment, render_part
from reportgen.text.limits import LimitExceeded

DOUBLINGS = 25

CASES = {
    "string repeated": '{{ "a" * 10**9 }}',
    "string repeated the other way": '{{ 10**9 * "a" }}',
    "power": "{{ 9**(9**9) }}",
    "power in a loop": "{% set ns = namespace(x=9) %}"
    "{% for i in range(40) %}{% set ns.x = ns.x * ns.x %}{% endfor %}{{ ns.x }}",
    "ljust": '{{ "a".ljust(10**9) }}',
    "zfill": '{{ "1".zfill(10**9) }}',
    "format width": '{{ "{:>1000000000}".format(1) }}',
    "format width from an argument": '{{ "{:{w}}".format(1, w=10**9) }}',
    "format_map width": '{{ "{x:>1000000000}".format_map({"x": 1}) }}',
    "printf width": '{{ "%1000000000s" % 1 }}',
    "printf star width": '{{ "%*s" % (5, 1) }}',
    "format filter width": '{{ "%1000000000s"|format(1) }}',
    "list repeated": "{{ [1]*10**9 }}",
    "lipsum": "{{ lipsum(10**6) }}",
    "nested range loops": "{% for i in range(100000) %}{% for j in range(100000) %}"
    "{% endfor %}{% endfor %}",
    "center filter": '{{ "a"|center(1000000000) }}',
    "indent filter": '{{ ("a\\n" * 400000)|indent(1000) }}',
    "wordwrap filter": '{{ ("a " * 400000)|wordwrap(1, wrapstring="x" * 1000) }}',
    "replace filter": '{{ ("a" * 900000)|replace("a", "bb") }}',
    "replace method": '{{ ("a" * 1000).replace("", "x" * 100000) }}',
    "join filter": '{{ range(100000)|join("x" * 1000) }}',
    "join method": '{{ ("x" * 1000).join(range(100000)|map("string")) }}',
    "expandtabs": '{{ ("\\t" * 100000).expandtabs(100000) }}',
    "translate": '{{ ("a" * 1000).translate({97: "x" * 100000}) }}',
    "batch filter": '{{ "ab"|batch(10**9, "x")|list }}',
    "slice filter": '{{ "ab"|slice(10**9)|list }}',
    "namespace doubling": "{% set ns = namespace(s='ab') %}"
    "{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
    "concatenation doubling": "{% set s = 'ab' %}"
    + "{% set s = s ~ s %}" * DOUBLINGS
    + "{{ s|length }}",
    "addition doubling": "{% set s = 'ab' %}"
    + "{% set s = s + s %}" * DOUBLINGS
    + "{{ s|length }}",
    "list literal doubling": "{% set a = [1] %}" + "{% set a = [a, a] %}" * DOUBLINGS + "{{ a }}",
    "dict literal doubling": "{% set a = {} %}"
    + "{% set a = {1: a, 2: a} %}" * DOUBLINGS
    + "{{ a }}",
    "captured block doubling": "{% set s = 'ab' %}"
    + "{% set s %}{{ s }}{{ s }}{% endset %}" * DOUBLINGS
    + "{{ s|length }}",
    "macro doubling": "{% macro d(s) %}{{ s }}{{ s }}{% endmacro %}"
    + "{{ "
    + "d(" * DOUBLINGS
    + "'ab'"
    + ")" * DOUBLINGS
    + "|length }}",
    "filter block doubling": "{% set s = 'x' * 600000 %}"
    "{% filter upper %}{{ s }}{{ s }}{% endfilter %}",
    "recursive loop": "{% for x in [1] recursive %}{{ loop([x, x]) }}{% endfor %}",
    "macro recursion": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    "document size": "{% set s = 'x' * 1000 %}{% for i in range(60000) %}{{ s }}{% endfor %}",
    "a normal template": "{% for i in range(3) %}{{ i }}、{% endfor %}{{ '%.1f'|format(35.14) }}"
    "{{ '{:,}'.format(16489) }}{{ 'ab'|center(6) }}{{ ['a', 'b']|join('、') }}",
}


def outcome(source: str) -> dict[str, object]:
    environment = make_environment(for_docx=True)
    try:
        template = environment.from_string(source)
        return {"ok": len(render_part(template, {}))}
    except LimitExceeded as err:
        return {"limit": err.detail.code}
    except Exception as err:  # noqa: BLE001 - the kind is what the test looks at
        return {"error": type(err).__name__}


if __name__ == "__main__":
    names = sys.argv[1:] or list(CASES)
    print(json.dumps({name: outcome(CASES[name]) for name in names}))
