"""The code a loop runs on every iteration, for rules about what happens (or not) per iteration.

``loop_nodes(loop)`` is every node of a ``for``/``while`` body, nested loops
and conditions included, but not the bodies of functions, lambdas or classes
defined there (they run when called, not per iteration) and not the loop's
``else`` block (it runs once). ``innermost_loop(node)`` is the nearest loop
around a node within its own function, or ``None``.
"""

from __future__ import annotations

from collections.abc import Iterator

from astroid import nodes

Loop = nodes.For | nodes.While
# Definitions inside a loop body run their code later, on a call, not per iteration.
_DEFERRED = (nodes.FunctionDef, nodes.ClassDef, nodes.Lambda)


def loop_nodes(loop: Loop) -> Iterator[nodes.NodeNG]:
    """Every node the loop body runs per iteration (the header and ``else`` excluded)."""
    pending: list[nodes.NodeNG] = list(reversed(loop.body))
    while pending:
        node = pending.pop()
        yield node
        if not isinstance(node, _DEFERRED):
            pending.extend(reversed(list(node.get_children())))


def loop_calls(loop: Loop) -> list[nodes.Call]:
    """The calls the loop body makes per iteration, in source order."""
    return [node for node in loop_nodes(loop) if isinstance(node, nodes.Call)]


def innermost_loop(node: nodes.NodeNG) -> Loop | None:
    """The nearest ``for``/``while`` whose body contains ``node``, without leaving its function."""
    child, parent = node, node.parent
    while parent is not None and not isinstance(parent, (*_DEFERRED, nodes.Module)):
        if isinstance(parent, (nodes.For, nodes.While)) and child in parent.body:
            return parent
        child, parent = parent, parent.parent
    return None


def method_calls(calls: list[nodes.Call], names: frozenset[str] | set[str]) -> list[nodes.Call]:
    """The calls of the form ``receiver.name(...)`` with ``name`` in ``names``."""
    return [call for call in calls if isinstance(call.func, nodes.Attribute) and call.func.attrname in names]
