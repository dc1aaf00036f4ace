"""How a template uses each name: printed, looped over, tested, given to a filter, counted with.

The prepared Jinja source of each part (one paragraph a line) is parsed and walked once, with
loop variables resolved to what they loop over: in ``{%p for item in work_items %}`` …
``{{ item.title }}``, the tag prints ``work_items[].title``, the ``title`` of every item of
``work_items``. The checks ask which names are printed, so that no list, record or method
reaches the page; ``reportgen fields`` and ``reportgen new-data`` ask the shape of each name.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from jinja2 import Environment, nodes

#: How a name is used: its text printed, its items looped over, tested with if, counted with.
PRINTED, ITERATED, TESTED, NUMBER, USED = "printed", "iterated", "tested", "number", "used"
#: A name that is itself the condition (``{%p if is_paid %}``, ``not``, ``and``, ``or`` aside):
#: only its truth decides, so any text, 否 and no too, takes the yes branch.
CONDITION = "condition"
#: A record whose fields the template lists (``scores.items()``, ``scores|dictsort``).
LISTED = "listed"
#: The prefix of a use by a filter: ``filter:join_cn``.
FILTER = "filter:"

_ARITHMETIC = (nodes.Add, nodes.Sub, nodes.Mul, nodes.Div, nodes.FloorDiv, nodes.Mod, nodes.Pow)
_NUMBER_FILTERS = {"round", "int", "float", "abs"}


class Use(NamedTuple):
    """One use of a name in a template.

    ``path`` is the name with loops resolved (``work_items[].title``), ``written`` the name as
    the tag writes it (``item.title``), ``line`` the line of the part's prepared source (one
    paragraph a line). ``conditional`` is true inside an ``if`` or an ``else``.
    """

    path: str
    written: str
    part: str
    line: int
    how: str
    conditional: bool = False

    @property
    def steps(self) -> list[str]:
        """Return the steps of the path: ``['work_items[]', 'title']``."""
        return self.path.split(".")


def uses_in(source: str, part: str, environment: Environment) -> list[Use]:
    """Return every use of a name in the Jinja ``source`` of ``part``, in the order written."""
    return uses_in_tree(environment.parse(source), part)


def uses_in_tree(tree: nodes.Template, part: str) -> list[Use]:
    """Return every use of a name in the parsed template ``tree`` of ``part``, in order."""
    walker = _Walker(part)
    walker.statements(tree.body, {}, False)
    return walker.found


class _Walker:
    """Walks a template's tree, resolving loop variables to the lists they come from."""

    def __init__(self, part: str) -> None:
        self.part = part
        self.found: list[Use] = []

    def statements(self, body: list[nodes.Node], scope: dict[str, str | None], cond: bool) -> None:
        for node in body:
            self.statement(node, scope, cond)

    def statement(self, node: nodes.Node, scope: dict[str, str | None], cond: bool) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.printed(child, scope, cond)
        elif isinstance(node, nodes.For):
            self.loop(node, scope, cond)
        elif isinstance(node, nodes.If):
            self.condition(node.test, scope, cond)
            self.statements([*node.body, *node.elif_, *node.else_], scope, True)
        elif isinstance(node, nodes.Assign | nodes.AssignBlock | nodes.With | nodes.Macro):
            self.local(node, scope, cond)
        else:
            for inner in node.iter_child_nodes():
                if isinstance(inner, nodes.Expr):
                    self.expression(inner, scope, cond, USED)
                else:
                    self.statement(inner, scope, cond)

    def loop(self, node: nodes.For, scope: dict[str, str | None], cond: bool) -> None:
        iterated = _path(node.iter, scope)
        self.expression(node.iter, scope, cond, ITERATED)
        inner = {**scope, "loop": None}
        for name in _names(node.target):
            inner[name] = None
        if isinstance(node.target, nodes.Name) and iterated is not None:
            inner[node.target.name] = iterated[0] + "[]"
        if node.test is not None:
            self.condition(node.test, inner, True)
        self.statements(node.body, inner, cond or node.test is not None)
        self.statements(node.else_, scope, True)

    def local(self, node: nodes.Node, scope: dict[str, str | None], cond: bool) -> None:
        # -- a name a template sets itself is no name of the data; what it is set to may be --
        inner = dict(scope)
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Expr) and not (
                isinstance(child, nodes.Name) and child.ctx in ("store", "param")
            ):
                self.expression(child, scope, cond, USED)
        for target in node.find_all(nodes.Name):
            if target.ctx in ("store", "param"):
                inner[target.name] = None
                scope[target.name] = None
        if isinstance(node, nodes.Macro):
            scope[node.name] = None  # -- {% macro line(x) %}: line(title) calls no data --
        for child in getattr(node, "body", []):
            self.statement(child, inner, cond)

    def printed(self, node: nodes.Expr, scope: dict[str, str | None], cond: bool) -> None:
        if isinstance(node, nodes.CondExpr):
            self.condition(node.test, scope, cond)
            for branch in (node.expr1, node.expr2):
                if branch is not None:
                    self.printed(branch, scope, True)
        elif isinstance(node, nodes.Concat):
            for operand in node.nodes:
                self.printed(operand, scope, cond)
        else:
            self.expression(node, scope, cond, PRINTED)

    def condition(self, node: nodes.Node, scope: dict[str, str | None], cond: bool) -> None:
        """Record the names whose truth alone decides the condition ``node``; the rest as tested."""
        if isinstance(node, nodes.Not):
            self.condition(node.node, scope, cond)
        elif isinstance(node, nodes.And | nodes.Or):
            self.condition(node.left, scope, cond)
            self.condition(node.right, scope, cond)
        elif isinstance(node, nodes.Name | nodes.Getattr) and _path(node, scope) is not None:
            self.expression(node, scope, cond, CONDITION)
        else:
            self.expression(node, scope, cond, TESTED)

    def expression(
        self, node: nodes.Node, scope: dict[str, str | None], cond: bool, how: str
    ) -> None:
        listed = _listed(node, scope)
        if listed is not None:
            self.add(node, listed, LISTED, cond)
            return
        path = _path(node, scope)
        if path is not None:
            self.add(node, path, how, cond)
            if isinstance(node, nodes.Getitem):
                self.expression(node.arg, scope, cond, USED)
            return
        if isinstance(node, nodes.Filter) and node.node is not None:
            name = FILTER + node.name
            self.expression(
                node.node, scope, cond, NUMBER if node.name in _NUMBER_FILTERS else name
            )
            summed = _summed(node, scope)
            if summed is not None:  # -- items|sum(attribute='金额'): each item's 金额 a number --
                self.add(node, summed, NUMBER, cond)
            for argument in [*node.args, *(keyword.value for keyword in node.kwargs)]:
                self.expression(argument, scope, cond, USED)
            return
        if isinstance(node, nodes.Test):
            self.expression(node.node, scope, cond, TESTED)
            return
        inner_how = NUMBER if isinstance(node, _ARITHMETIC + (nodes.Neg,)) else USED
        if isinstance(node, nodes.Compare):
            inner_how = TESTED
        for child in node.iter_child_nodes():
            self.expression(child, scope, cond, inner_how)

    def add(self, node: nodes.Node, path: tuple[str, str], how: str, cond: bool) -> None:
        resolved, written = path
        self.found.append(Use(resolved, written, self.part, node.lineno, how, cond))


def _path(node: nodes.Node, scope: dict[str, str | None]) -> tuple[str, str] | None:
    """Return ``(path, written)`` for a name, a field of one, or an item of one; else None."""
    if isinstance(node, nodes.Name):
        if node.ctx != "load" or node.name in _CONSTANTS:
            return None
        if node.name in scope:
            resolved = scope[node.name]
            return (resolved, node.name) if resolved is not None else None
        return node.name, node.name
    if isinstance(node, nodes.Getattr):
        base = _path(node.node, scope)
        return (f"{base[0]}.{node.attr}", f"{base[1]}.{node.attr}") if base else None
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        base = _path(node.node, scope)
        key = node.arg.value
        if base is None or isinstance(key, bool):
            return None
        if isinstance(key, str):
            return f"{base[0]}.{key}", f"{base[1]}['{key}']"
        if isinstance(key, int):
            return f"{base[0]}[]", f"{base[1]}[{key}]"
    return None


def _summed(node: nodes.Filter, scope: dict[str, str | None]) -> tuple[str, str] | None:
    """Return the path of the items' field ``sum(attribute=…)`` adds up, and the list's name."""
    attribute = next((kw.value for kw in node.kwargs if kw.key == "attribute"), None)
    base = _path(node.node, scope) if node.name == "sum" and node.node is not None else None
    if base is None or not isinstance(attribute, nodes.Const):
        return None
    if not isinstance(attribute.value, str):
        return None
    return f"{base[0]}[].{attribute.value}", base[1]


def _listed(node: nodes.Node, scope: dict[str, str | None]) -> tuple[str, str] | None:
    """Return the path of the record ``node`` lists the fields of (``scores.items()``)."""
    if (
        isinstance(node, nodes.Call)
        and isinstance(node.node, nodes.Getattr)
        and node.node.attr in _LISTING
        and not node.args
        and not node.kwargs
    ):
        return _path(node.node.node, scope)
    if isinstance(node, nodes.Filter) and node.name == "dictsort" and node.node is not None:
        return _path(node.node, scope)
    return None


#: The methods of a mapping that list its fields.
_LISTING = {"items", "keys", "values"}


def _names(target: nodes.Node) -> Iterator[str]:
    if isinstance(target, nodes.Name):
        yield target.name
    else:
        yield from (name.name for name in target.find_all(nodes.Name))


#: Names Jinja gives itself: not names of the data.
_CONSTANTS = {
    "range",
    "dict",
    "lipsum",
    "cycler",
    "joiner",
    "namespace",
    "loop",
    "true",
    "false",
    "none",
}
