"""Which function's code a node belongs to, for rules that judge one function (or the module) at a time.

``code_scope(node)`` is the function whose body runs the node, or the module
for module-level code. Lambdas and comprehensions belong to the function
around them; code directly in a class body belongs to the class, which such
rules do not judge. ``definition_range(function)`` is the range of
``def name`` (without decorators or body), where a finding about a whole
function is drawn.
"""

from __future__ import annotations

from astroid import nodes
from mldebt.analysis.tree_index import descendants

CodeScope = nodes.FunctionDef | nodes.Module | nodes.ClassDef


def code_scope(node: nodes.NodeNG) -> CodeScope:
    """The function, module or class body whose code contains ``node``."""
    scope = node.scope()
    while not isinstance(scope, (nodes.FunctionDef, nodes.Module, nodes.ClassDef)):
        scope = scope.parent.scope()
    return scope


def definition_range(function: nodes.FunctionDef) -> tuple[int, int, int, int]:
    """(line, column, end line, end column) of ``def name`` / ``async def name``."""
    position = function.position
    if position is None:
        return function.lineno, function.col_offset, function.lineno, function.col_offset
    return position.lineno, position.col_offset, position.end_lineno, position.end_col_offset


def statements(function: nodes.FunctionDef) -> list[nodes.NodeNG]:
    """The statements of a function's own body, nested ones included, nested functions and classes not."""
    return [
        node
        for node in descendants(function, nodes.NodeNG, skip=(nodes.FunctionDef, nodes.ClassDef))
        if node.is_statement and node is not function
    ]
