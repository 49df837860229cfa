"""Imports run one way: adapters -> engine -> rules -> analysis -> core, with no circles.

The graph counts every import a module runs, at its top or inside a function
(a lazy import still ties the two modules together); imports only for type
checkers are left out, as they never run.
"""

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "mldebt"
# Which layers a layer must never import: the arrow only points downwards.
FORBIDDEN = {
    "mldebt.analysis": ("mldebt.rules", "mldebt.engine", "mldebt.cli", "mldebt.registry", "mldebt.config"),
    "mldebt.rules": ("mldebt.engine", "mldebt.cli", "mldebt.registry", "mldebt.config"),
}


def _module_name(path: Path) -> str:
    parts = ["mldebt", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _imported(statement: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> set[str]:
    if isinstance(statement, ast.Import):
        names = {alias.name for alias in statement.names}
    else:
        base = statement.module or ""
        if statement.level:
            anchor = module.split(".") if is_package else module.split(".")[:-1]
            anchor = anchor[: len(anchor) - statement.level + 1]
            base = ".".join(anchor + ([statement.module] if statement.module else []))
        names = {f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in statement.names}
    return {name for name in names if name in MODULES and name != module}


def _runtime_statements(body: list[ast.stmt]):
    for statement in body:
        if isinstance(statement, ast.If) and "TYPE_CHECKING" in ast.unparse(statement.test):
            yield from _runtime_statements(statement.orelse)
            continue
        yield statement
        for field in ("body", "orelse", "finalbody", "handlers"):
            yield from _runtime_statements(getattr(statement, field, []))


@functools.cache
def _graph() -> dict[str, set[str]]:
    graph = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[module] = set()
        for statement in _runtime_statements(tree.body):
            if isinstance(statement, (ast.Import, ast.ImportFrom)):
                graph[module] |= _imported(statement, module, path.name == "__init__.py")
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    order, low, on_stack, stack, circles = {}, {}, set(), [], []
    for start in graph:
        if start in order:
            continue
        work = [(start, iter(sorted(graph[start])))]
        order[start] = low[start] = len(order)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in order:
                    order[successor] = low[successor] = len(order)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], order[successor])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == order[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        circles.append(sorted(component))
    return circles


def test_the_graph_sees_the_imports_it_checks():
    graph = _graph()
    assert "mldebt.registry" in graph["mldebt.config"]
    assert "mldebt.analysis.dataflow" in graph["mldebt.project"]


def test_the_circle_finder_finds_a_circle():
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_imports_itself_back():
    assert _circles(_graph()) == []


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_lower_layers_never_import_higher_ones(layer):
    offending = {
        module: sorted(name for name in imported if name.startswith(FORBIDDEN[layer]))
        for module, imported in _graph().items()
        if module == layer or module.startswith(layer + ".")
    }
    assert {module: names for module, names in offending.items() if names} == {}
