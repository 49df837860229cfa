"""One walk of a module's tree, shared by every rule and analysis that looks for nodes in it.

astroid's ``nodes_of_class`` walks a subtree through nested generators on
every call; rules and analyses ask it hundreds of times per module, each time
over much the same code. ``descendants(node, classes)`` answers the same
question from one index per tree: every node in pre-order (the order
``nodes_of_class`` yields them), where each node's subtree ends, and per node
class the positions of its nodes, so a query is a slice between two bisections.

The index holds a few trees at a time (a project's other modules are asked
about too), so a long run does not keep every tree alive.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence

from astroid import nodes

NodeClasses = type[nodes.NodeNG] | tuple[type[nodes.NodeNG], ...]


class _TreeIndex:
    def __init__(self, root: nodes.NodeNG) -> None:
        try:
            order, ends = _walk_recursively(root)
        except RecursionError:
            order, ends = _walk_with_a_stack(root)
        self.order = order
        self._ends = ends
        self._positions = {id(node): position for position, node in enumerate(order)}
        self._by_type: dict[type, list[int]] = {}
        for position, node in enumerate(order):
            self._by_type.setdefault(type(node), []).append(position)
        self._by_query: dict[NodeClasses, list[int]] = {}

    def contains(self, node: nodes.NodeNG) -> bool:
        position = self._positions.get(id(node))
        return position is not None and self.order[position] is node

    def descendants(self, node: nodes.NodeNG, classes: NodeClasses, skip: NodeClasses | None) -> list[nodes.NodeNG]:
        start = self._positions[id(node)]
        end = self._ends[start]
        found = self._within(self._matching(classes), start, end)
        if skip is not None:
            found = self._outside_skipped(found, self._within(self._matching(skip), start + 1, end))
        return [self.order[position] for position in found]

    def _outside_skipped(self, found: Sequence[int], skipped: Sequence[int]) -> Sequence[int]:
        """Leave out a skipped child's whole subtree, the child included, as ``nodes_of_class`` does."""
        starts: list[int] = []
        ends: list[int] = []
        for position in skipped:
            if not ends or position >= ends[-1]:
                starts.append(position)
                ends.append(self._ends[position])
        if not starts:
            return found
        kept = []
        for position in found:
            hidden = bisect.bisect_right(starts, position) - 1
            if hidden < 0 or position >= ends[hidden]:
                kept.append(position)
        return kept

    def _matching(self, classes: NodeClasses) -> list[int]:
        positions = self._by_query.get(classes)
        if positions is None:
            positions = sorted(
                position
                for node_type, of_type in self._by_type.items()
                if issubclass(node_type, classes)
                for position in of_type
            )
            self._by_query[classes] = positions
        return positions

    @staticmethod
    def _within(positions: Sequence[int], start: int, end: int) -> Sequence[int]:
        return positions[bisect.bisect_left(positions, start) : bisect.bisect_left(positions, end)]


def _walk_recursively(root: nodes.NodeNG) -> tuple[list[nodes.NodeNG], list[int]]:
    """Pre-order and subtree ends; twice as fast as the stack walk below, which deep trees need."""
    order: list[nodes.NodeNG] = []
    ends: list[int] = []

    def visit(node: nodes.NodeNG) -> None:
        position = len(order)
        order.append(node)
        ends.append(0)
        for child in node.get_children():
            visit(child)
        ends[position] = len(order)

    visit(root)
    return order, ends


def _walk_with_a_stack(root: nodes.NodeNG) -> tuple[list[nodes.NodeNG], list[int]]:
    order: list[nodes.NodeNG] = []
    ends: list[int] = []
    # A position on the stack closes the subtree opened at that position.
    stack: list[nodes.NodeNG | int] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, int):
            ends[item] = len(order)
            continue
        stack.append(len(order))
        order.append(item)
        ends.append(0)
        stack.extend(reversed(list(item.get_children())))
    return order, ends


@functools.lru_cache(maxsize=16)
def _index(root: nodes.NodeNG) -> _TreeIndex:
    return _TreeIndex(root)


def descendants(
    node: nodes.NodeNG, classes: NodeClasses, skip: NodeClasses | None = None
) -> list[nodes.NodeNG]:
    """``node.nodes_of_class(classes, skip_klass=skip)`` as a list, from the tree's shared index."""
    index = _index(node.root())
    if not index.contains(node):
        # Not reached by the tree's child walk (a docstring node, an inferred value): walk it.
        return list(node.nodes_of_class(classes, skip_klass=skip))
    return index.descendants(node, classes, skip)


def forget_tree_indexes() -> None:
    _index.cache_clear()
