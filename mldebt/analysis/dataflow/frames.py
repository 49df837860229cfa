"""Scopes of the provenance interpreter."""

from __future__ import annotations

from mldebt.analysis.dataflow.values import Value


class Frame:
    """Variables of one scope; a function's frame falls back to the module's."""

    def __init__(self, parent: Frame | None = None) -> None:
        self.values: dict[str, Value] = {}
        self.parent = parent
        self.returns: list[Value] = []

    def get(self, name: str) -> Value | None:
        if name in self.values:
            return self.values[name]
        return self.parent.get(name) if self.parent else None

    def copy(self) -> Frame:
        clone = Frame(self.parent)
        clone.values = dict(self.values)
        clone.returns = self.returns
        return clone
