"""Qualified names through the module's own imports, without inference.

``qualified_name(node)`` answers "which library function or class does this
expression name?" the way a reader of the file would: by looking the name up
in its scope and following ``import`` statements and plain aliases.

    import pandas as pd                         pd.read_csv      -> pandas.read_csv
    from sklearn.preprocessing import StandardScaler as SS
                                                SS               -> sklearn.preprocessing.StandardScaler
    read = pd.read_csv                          read             -> pandas.read_csv
    open                                        open             -> builtins.open

Limits, on purpose: no astroid inference, so nothing is loaded from
third-party packages and the answer is the same whether or not pandas,
scikit-learn or torch are installed. A name with several bindings resolves
only when they all agree (``try: import ujson as json / except: import json``
resolves to neither). Relative imports keep their leading dots
(``from .features import build`` -> ``.features.build``). Calls, parameters
and other runtime values resolve to ``None``.
"""

from __future__ import annotations

import builtins
import functools
from collections.abc import Container

from astroid import nodes

_MAX_ALIAS_DEPTH = 8
_BUILTIN_NAMES = frozenset(dir(builtins))


@functools.lru_cache(maxsize=16384)
def qualified_name(node: nodes.NodeNG) -> str | None:
    """The dotted name ``node`` stands for, or ``None`` when it is a runtime value.

    Cached per node: several rules ask about the same call.
    """
    return _qualified_name(node, _MAX_ALIAS_DEPTH)


def call_name(call: nodes.Call) -> str | None:
    """The qualified name of the function or class a call invokes."""
    return qualified_name(call.func)


def _qualified_name(node: nodes.NodeNG, depth: int) -> str | None:
    if depth <= 0:
        return None
    if isinstance(node, nodes.Attribute):
        base = _qualified_name(node.expr, depth)
        return f"{base}.{node.attrname}" if base else None
    if isinstance(node, nodes.Name):
        return _name_binding(node, node.name, depth)
    return None


def _name_binding(node: nodes.NodeNG, name: str, depth: int) -> str | None:
    scope, bindings = node.lookup(name)
    if scope.root() is not node.root():
        return f"builtins.{name}" if name in _BUILTIN_NAMES else None
    resolved = {_binding_name(binding, name, depth - 1) for binding in bindings}
    if len(resolved) != 1:
        return None
    return resolved.pop()


def imported_name(binding: nodes.NodeNG, name: str) -> str | None:
    """The dotted name an import statement binds ``name`` to (``import pandas as pd`` -> ``pandas``)."""
    if isinstance(binding, nodes.Import):
        for module, alias in binding.names:
            if alias == name:
                return module
            if alias is None and module.split(".")[0] == name:
                return name
        return None
    if isinstance(binding, nodes.ImportFrom):
        prefix = "." * (binding.level or 0) + binding.modname
        for imported, alias in binding.names:
            if (alias or imported) == name:
                return f"{prefix}.{imported}" if binding.modname else f"{prefix}{imported}"
    return None


def _binding_name(binding: nodes.NodeNG, name: str, depth: int) -> str | None:
    if isinstance(binding, (nodes.Import, nodes.ImportFrom)):
        return imported_name(binding, name)
    if isinstance(binding, nodes.AssignName) and isinstance(binding.parent, nodes.Assign):
        assign = binding.parent
        if len(assign.targets) == 1:
            return _qualified_name(assign.value, depth)
    return None


def call_label(node: nodes.NodeNG) -> str:
    """How a message names a call or attribute: ``pd.read_csv(...)``, ``model.fit(...)``, ``.to_numpy(...)``.

    A method of a longer expression (``frame[cols].to_numpy()``) is named by
    the method alone; an attribute by its name (``.values``).
    """
    if isinstance(node, nodes.Attribute):
        return f".{node.attrname}"
    function = node.func
    if isinstance(function, nodes.Attribute) and not isinstance(function.expr, (nodes.Name, nodes.Attribute)):
        return f".{function.attrname}(...)"
    return f"{function.as_string()}(...)"


def may_be_one_of(call: nodes.Call, last_names: Container[str]) -> bool:
    """A cheap test before ``call_name``: can the call be of a function whose last name is in ``last_names``?

    A method call (``x.read_csv(...)``) can only be one if its method name is;
    a bare name can be any of them, since an import may have renamed it
    (``from pandas import read_csv as load``). Calls of other expressions
    (``f()()``, ``handlers[k]()``) never are.
    """
    function = call.func
    if isinstance(function, nodes.Attribute):
        return function.attrname in last_names
    return isinstance(function, nodes.Name)
