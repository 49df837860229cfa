"""Where hyperparameters are written down: parameter dicts, module constants and search grids.

Real training code rarely types every hyperparameter into the constructor.
It writes a dict and passes it on (``Ridge(**ridge_args)``,
``xgb.train(params, dtrain)``, ``lgb.train(params=params, ...)``,
``model.set_params(**best)``), sometimes through a helper's parameter, or
names the values once at the top of the script (``INIT_LR = 1e-4``). This
module finds the dict literals and constants of the module that end up as a
model's hyperparameters, and the keys a search grid tunes for an estimator
(whose literal is then only a placeholder).

A dict that is mutated after it is written (``params.update(cfg)``,
``params["eta"] = args.eta``), merges another mapping (``{**base, ...}``),
holds an optuna ``trial.suggest_*`` value or is written in a tuner's
objective function is a search space or a configuration in the making, not
a hard-coded choice: it is not returned.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from astroid import nodes

from mldebt.analysis.apis import PARAMS_DICT_FUNCTIONS, SEARCH_GRID_ARGUMENTS, is_estimator_class
from mldebt.analysis.names import call_name
from mldebt.analysis.tree_index import descendants
from mldebt.analysis.values import attribute_values, bound_values, called_function, parameter_index

# Modules whose constants are the project's configuration (RULES.md: not flagged there).
CONFIG_MODULE_NAMES = frozenset(
    {
        "config", "configs", "configuration", "conf", "cfg", "settings", "constants", "consts",
        "params", "parameters", "hparams", "hyperparameters", "defaults",
    }
)
# Calls and methods that hand a dict on unchanged (a copy is still the same settings).
_COPIES = frozenset({"copy.copy", "copy.deepcopy", "builtins.dict"})
_MUTATING_METHODS = frozenset({"update", "setdefault", "pop", "popitem", "clear", "__setitem__"})
_ESTIMATOR_KEYWORDS = frozenset({"estimator", "base_estimator"})
# How far a dict is followed back through names, copies and helper parameters.
_MAX_STEPS = 32


def params_dict_arguments(call: nodes.Call) -> list[nodes.NodeNG]:
    """The expressions a call takes as a dict of hyperparameters.

    ``Est(**p)`` and ``x.set_params(**p)`` unpack it into keywords; the
    training functions of ``PARAMS_DICT_FUNCTIONS`` take it by position or
    keyword (``xgb.train(params, dtrain)``, ``lgb.cv(params=params, ...)``).
    """
    function = call.func
    if (isinstance(function, nodes.Attribute) and function.attrname == "set_params") or is_estimator_class(
        call_name(call)
    ):
        return [keyword.value for keyword in call.keywords or () if keyword.arg is None]
    place = PARAMS_DICT_FUNCTIONS.get(call_name(call) or "")
    if place is None:
        return []
    position, name = place
    if len(call.args) > position and not any(isinstance(argument, nodes.Starred) for argument in call.args):
        return [call.args[position]]
    return [keyword.value for keyword in call.keywords or () if keyword.arg == name]


def hyperparameter_dicts(expr: nodes.NodeNG) -> list[nodes.Dict | nodes.Call]:
    """The dict literals (or ``dict(...)`` calls) of this module that ``expr`` may hold, left as written.

    Names are followed to what they are bound to, ``self.params`` to what the
    class assigns it, copies to what they copy, and a helper's parameter to
    the arguments the module's own calls of that helper pass for it.
    Only dicts written in this module and never changed afterwards count.
    """
    found: list[nodes.Dict | nodes.Call] = []
    holders: list[tuple[str, nodes.NodeNG]] = []
    pending = [expr]
    seen: set[int] = set()
    while pending and len(seen) < _MAX_STEPS:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if _is_dict_literal(node):
            if node.root() is expr.root():
                found.append(node)
        elif isinstance(node, nodes.Name):
            holders.append((node.name, node.lookup(node.name)[0]))
            pending.extend(bound_values(node) or _arguments_for_parameter(node))
        elif isinstance(node, nodes.Attribute):
            holders.append((node.as_string(), node.root()))
            pending.extend(attribute_values(node))
        elif isinstance(node, nodes.Call) and call_name(node) in _COPIES and len(node.args) == 1:
            pending.append(node.args[0])
        elif isinstance(node, nodes.Call) and isinstance(node.func, nodes.Attribute) and node.func.attrname == "copy":
            pending.append(node.func.expr)
    if any(_mutated(text, scope) for text, scope in holders):
        return []
    return [literal for literal in found if not _open_ended(literal) and not _mutated_where_bound(literal)]


def dict_entries(literal: nodes.Dict | nodes.Call) -> Iterator[tuple[str, nodes.NodeNG]]:
    """(key, value) for each entry written with a constant string key; in ``dict(...)`` the keyword, not the value."""
    if isinstance(literal, nodes.Dict):
        for key, value in literal.items:
            if isinstance(key, nodes.Const) and isinstance(key.value, str):
                yield key.value, value
    else:
        for keyword in literal.keywords or ():
            if keyword.arg is not None:
                yield keyword.arg, keyword


def _is_dict_literal(node: nodes.NodeNG) -> bool:
    return isinstance(node, nodes.Dict) or (
        isinstance(node, nodes.Call) and call_name(node) == "builtins.dict" and not node.args
    )


def _open_ended(literal: nodes.Dict | nodes.Call) -> bool:
    """Does the dict take entries from elsewhere (``**base``) or from a tuner (``trial.suggest_float``)?"""
    if isinstance(literal, nodes.Dict):
        if any(isinstance(key, nodes.DictUnpack) for key, _ in literal.items):
            return True
    elif any(keyword.arg is None for keyword in literal.keywords or ()):
        return True
    return _in_tuning_objective(literal) or any(
        isinstance(call.func, nodes.Attribute) and call.func.attrname.startswith("suggest_")
        for call in descendants(literal, nodes.Call)
    )


def _in_tuning_objective(literal: nodes.NodeNG) -> bool:
    """Is the dict written in a function the module hands to a tuner as its objective?

    ``study.optimize(objective)``, ``BayesianOptimization(f=objective)``,
    ``fmin(fn=objective)``: the tuner calls it with the values it tries, and
    the dict is the search's design, not a setting of one model.
    """
    function = literal.scope()
    if not isinstance(function, nodes.FunctionDef) or not isinstance(function.parent, nodes.Module):
        return False
    for call in descendants(function.root(), nodes.Call):
        passed = list(call.args) + [keyword.value for keyword in call.keywords or ()]
        if any(isinstance(value, nodes.Name) and value.name == function.name for value in passed):
            return True
    return False


def _arguments_for_parameter(name: nodes.Name) -> list[nodes.NodeNG]:
    """What this module's calls of the helper pass for the parameter ``name`` reads."""
    index = parameter_index(name)
    function = name.scope()
    if index is None or not isinstance(function, nodes.FunctionDef) or isinstance(function.parent, nodes.ClassDef):
        return []
    passed: list[nodes.NodeNG] = []
    for call in descendants(name.root(), nodes.Call):
        if not isinstance(call.func, nodes.Name) or call.func.name != function.name:
            continue
        if called_function(call) is not function:
            continue
        if len(call.args) > index and not any(isinstance(argument, nodes.Starred) for argument in call.args):
            passed.append(call.args[index])
        passed.extend(keyword.value for keyword in call.keywords or () if keyword.arg == name.name)
    return passed


def _mutated_where_bound(literal: nodes.NodeNG) -> bool:
    """Is the name or attribute the dict is assigned to changed later (``params["eta"] = ...``)?"""
    assign = literal.parent
    if not isinstance(assign, (nodes.Assign, nodes.AnnAssign)) or assign.value is not literal:
        return False
    targets = assign.targets if isinstance(assign, nodes.Assign) else [assign.target]
    for target in targets:
        if isinstance(target, nodes.AssignName) and _mutated(target.name, target.scope()):
            return True
        if isinstance(target, nodes.AssignAttr) and _mutated(target.as_string(), target.root()):
            return True
    return False


def _mutated(text: str, scope: nodes.NodeNG) -> bool:
    """Is the dict held by ``text`` (a name or ``self.attr``) changed in place anywhere in ``scope``?"""
    for subscript in descendants(scope, nodes.Subscript):
        if subscript.value.as_string() == text and _is_store(subscript):
            return True
    for call in descendants(scope, nodes.Call):
        function = call.func
        if (
            isinstance(function, nodes.Attribute)
            and function.attrname in _MUTATING_METHODS
            and function.expr.as_string() == text
        ):
            return True
    return any(
        isinstance(augmented.target, (nodes.AssignName, nodes.AssignAttr)) and augmented.target.as_string() == text
        for augmented in descendants(scope, nodes.AugAssign)
    )


def _is_store(subscript: nodes.Subscript) -> bool:
    parent = subscript.parent
    if isinstance(parent, (nodes.Assign, nodes.AugAssign, nodes.AnnAssign, nodes.Delete)):
        return subscript is not getattr(parent, "value", None)
    return isinstance(parent, (nodes.Tuple, nodes.List)) and isinstance(parent.parent, nodes.Assign) and (
        parent is not parent.parent.value
    )


def searched_keys(estimator: nodes.Call, depth: int = 4) -> frozenset[str]:
    """The hyperparameters a search grid tunes for the estimator this call builds.

    The estimator is followed outwards: into the steps of a ``Pipeline`` or
    ``make_pipeline``, through the name it is assigned to, to the search
    (``GridSearchCV``, ``RandomizedSearchCV``, ...) it is given to. A grid
    key ``clf__max_depth`` tunes ``max_depth``.
    """
    keys: set[str] = set()
    for search in _searches_of(estimator, depth):
        keys.update(_grid_keys(search))
    return frozenset(keys)


def _searches_of(node: nodes.NodeNG, depth: int) -> list[nodes.Call]:
    if depth <= 0:
        return []
    child, parent = node, node.parent
    while isinstance(parent, (nodes.Tuple, nodes.List, nodes.Keyword)):
        child, parent = parent, parent.parent
    if isinstance(parent, nodes.Call) and child is not parent.func:
        if call_name(parent) in SEARCH_GRID_ARGUMENTS:
            return [parent] if _estimator_argument(parent) is child else []
        return _searches_of(parent, depth - 1)
    if isinstance(parent, nodes.Assign) and parent.value is child and len(parent.targets) == 1:
        target = parent.targets[0]
        if isinstance(target, nodes.AssignName):
            scope = target.scope()
            return [
                search
                for use in descendants(scope, nodes.Name)
                if use.name == target.name and use.lookup(use.name)[0] is scope
                for search in _searches_of(use, depth - 1)
            ]
    return []


def _estimator_argument(search: nodes.Call) -> nodes.NodeNG | None:
    if search.args:
        return search.args[0]
    return next((keyword for keyword in search.keywords or () if keyword.arg in _ESTIMATOR_KEYWORDS), None)


def _grid_keys(search: nodes.Call) -> set[str]:
    grid_name = SEARCH_GRID_ARGUMENTS[call_name(search)]
    grids = [search.args[1]] if len(search.args) > 1 else []
    grids += [keyword.value for keyword in search.keywords or () if keyword.arg == grid_name]
    keys: set[str] = set()
    pending, seen = list(grids), 0
    while pending and seen < _MAX_STEPS:
        grid = pending.pop()
        seen += 1
        if isinstance(grid, nodes.Name):
            pending.extend(bound_values(grid))
        elif isinstance(grid, (nodes.List, nodes.Tuple)):
            pending.extend(grid.elts)
        elif _is_dict_literal(grid):
            keys.update(key.rsplit("__", 1)[-1] for key, _ in dict_entries(grid))
    return keys


def is_config_module(module: nodes.Module) -> bool:
    """Is this the project's configuration module (``config.py``, ``settings.py``, ``params.py``)?"""
    name = os.path.splitext(os.path.basename(module.file or ""))[0] or module.name.rsplit(".", 1)[-1]
    return name.lower() in CONFIG_MODULE_NAMES
