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


def forget_cached_names() -> None:
    """Drop the per-node caches; kept across modules they would hold every tree alive in a long run."""
    qualified_name.cache_clear()
    _module_binding.cache_clear()


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
    known = _binding_without_lookup(node, name)
    if known is not _ASK_ASTROID:
        return known
    scope, bindings = node.lookup(name)
    if scope.root() is not node.root():
        return f"builtins.{name}" if name in _BUILTIN_NAMES else None
    resolved = {_binding_name(binding, name, depth - 1) for binding in bindings}
    if len(resolved) != 1:
        return None
    return resolved.pop()


# The answer astroid's lookup must give: the bindings alone do not decide it.
_ASK_ASTROID = object()
_COMPREHENSIONS = (nodes.ListComp, nodes.SetComp, nodes.DictComp, nodes.GeneratorExp)


def _binding_without_lookup(node: nodes.Name, name: str) -> object:
    """What ``_name_binding`` gives, decided from the scopes' bindings where they agree.

    astroid's lookup filters a scope's statements by position for every use,
    which is most of the cost of naming calls. When every binding of the name
    in the scope that resolves it gives the same answer (all imports of one
    module, or none that can name anything: ``model = Model()``, loop targets,
    parameters), which one the lookup would pick does not matter.
    """
    scope = node.scope()
    if isinstance(scope, nodes.Module):
        return _module_binding(scope, name)
    if name in scope.locals:
        if _evaluated_outside(node, scope):
            return _ASK_ASTROID
        return _agreed_binding(scope.locals[name], name)
    enclosing = scope.parent.scope() if scope.parent is not None else None
    while not isinstance(enclosing, nodes.Module):
        if enclosing is None or name in enclosing.locals:
            return _ASK_ASTROID
        enclosing = enclosing.parent.scope() if enclosing.parent is not None else None
    return _module_binding(enclosing, name)


def _evaluated_outside(node: nodes.NodeNG, scope: nodes.NodeNG) -> bool:
    """Is ``node`` part of a scope's header, run in the enclosing scope (defaults, decorators, bases)?"""
    child = node
    while child.parent is not scope:
        child = child.parent
    if isinstance(scope, nodes.Lambda):
        return child is not scope.body
    if isinstance(scope, _COMPREHENSIONS):
        return child is scope.generators[0]
    return not any(child is statement for statement in scope.body)


@functools.lru_cache(maxsize=4096)
def _module_binding(module: nodes.Module, name: str) -> object:
    if name in module.scope_attrs:
        return _ASK_ASTROID
    bindings = module.locals.get(name)
    if not bindings:
        return f"builtins.{name}" if name in _BUILTIN_NAMES else None
    return _agreed_binding(bindings, name)


def _agreed_binding(bindings: list[nodes.NodeNG], name: str) -> object:
    if not any(_may_name(binding) for binding in bindings):
        return None
    if all(isinstance(binding, (nodes.Import, nodes.ImportFrom)) for binding in bindings):
        resolved = {imported_name(binding, name) for binding in bindings}
        if len(resolved) == 1:
            return resolved.pop()
    return _ASK_ASTROID


def _may_name(binding: nodes.NodeNG) -> bool:
    """Can ``_binding_name`` give a name for this binding (an import, or ``alias = module.attr``)?"""
    if isinstance(binding, (nodes.Import, nodes.ImportFrom)):
        return True
    assign = binding.parent
    return (
        isinstance(binding, nodes.AssignName)
        and isinstance(assign, nodes.Assign)
        and len(assign.targets) == 1
        and isinstance(assign.value, (nodes.Name, nodes.Attribute))
    )


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
