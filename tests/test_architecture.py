"""The package's shape: imports point one way down the pipeline, and no module imports itself back.

Every ``import`` is counted, those inside functions and those made only for type checking
too: a circle through a function-level import is still a circle a reader must untangle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import reportgen

PACKAGE = Path(reportgen.__file__).parent

#: The layers, lowest first. A module may import from its own layer and the layers below.
LAYERS: list[set[str]] = [
    {
        "reportgen.version",
        "reportgen.i18n",
        "reportgen.messages",
        "reportgen.errors",
        "reportgen.files",
        "reportgen.fonts",
        "reportgen.patterns",
        "reportgen.memo",
        "reportgen.processes",
    },
    {"reportgen.workspace", "reportgen.ooxml", "reportgen.text"},
    {"reportgen.data"},
    {"reportgen.template"},
    {"reportgen.cache", "reportgen.pdf", "reportgen.pdf_proof"},
    {"reportgen.prepare"},
    {"reportgen.batch"},
    {"reportgen.api"},
    {"reportgen.commands"},
    {"reportgen.cli", "reportgen.serve"},
    {"reportgen", "reportgen.__main__"},
]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> Iterator[str]:
    """Yield every reportgen module ``path`` imports, anywhere in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.startswith("reportgen"))
        elif isinstance(node, ast.ImportFrom):
            target = imported_from(node, path)
            if target.startswith("reportgen"):
                yield from (module_imported(target, alias.name) for alias in node.names)


def imported_from(node: ast.ImportFrom, path: Path) -> str:
    """Return the module a ``from … import`` names, a relative one resolved against ``path``."""
    if not node.level:
        return node.module or ""
    base = module_name(path).split(".")
    if path.name != "__init__.py":
        base = base[:-1]
    base = base[: len(base) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def module_imported(target: str, name: str) -> str:
    """Return the module ``from target import name`` imports: ``name`` itself if a module."""
    candidate = f"{target}.{name}"
    # -- ``from reportgen.ooxml import package`` imports a module --
    if (PACKAGE.parent / candidate.replace(".", "/")).with_suffix(".py").is_file():
        return candidate
    return target


def graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {
        name: {target for target in imports(path) if target in modules and target != name}
        for name, path in modules.items()
    }


def layer(module: str) -> int:
    best = -1, -1  # (length of the matching prefix, layer)
    for index, members in enumerate(LAYERS):
        for member in members:
            if (module == member or module.startswith(member + ".")) and len(member) > best[0]:
                best = len(member), index
    assert best[1] >= 0, f"{module} belongs to no layer: add it to LAYERS"
    return best[1]


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = stack[stack.index(node) :]
            del stack[stack.index(node) :]
            on_stack.difference_update(component)
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_back_through_others() -> None:
    assert cycles(graph()) == []


def test_imports_point_down_the_pipeline() -> None:
    upward = [
        f"{source} imports {target}"
        for source, targets in graph().items()
        for target in sorted(targets)
        if layer(target) > layer(source)
    ]
    assert upward == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_every_public_name_can_be_imported() -> None:
    for name in reportgen.__all__:
        assert getattr(reportgen, name) is not None, name
    assert issubclass(reportgen.ProblemsFound, reportgen.ReportgenError)
    assert issubclass(reportgen.AlreadyExistsError, FileExistsError)
    assert issubclass(reportgen.NotFoundError, FileNotFoundError)
    assert not issubclass(reportgen.WorkspaceError, FileNotFoundError)


def test_no_test_module_imports_another() -> None:
    tests = Path(__file__).parent
    found = []
    for path in sorted(tests.glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names.append(node.module)
            found += [f"{path.name} imports {name}" for name in names if name.startswith("test_")]
    assert found == []
