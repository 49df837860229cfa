"""Where a value came from, through the module's own assignments.

``trace(expr, step)`` walks backwards from an expression to the expressions
its value may have come from. Names are followed to what was bound to them:
assignments (with tuple unpacking by position), annotated and augmented
assignments, walrus, ``with ... as``, and the targets of ``for`` loops and
comprehensions (an element of a value counts as coming from that value; for
``enumerate`` and ``zip`` the position picks the iterable). What else passes a
value on is the caller's ``step``: a rule asking "is this a model output"
follows subscripts and arithmetic, one asking "is this a URL" follows string
concatenation.

A name imported from another module of the same project (``from .config
import FEATURES``) is followed to its module-level value there; the module
is found next to the importer or a few folders up, and read once.

Configuration attributes (``Config.DATA_DIR``, ``self.config.train_path``)
are followed by ``attribute_values`` to the module's own classes.

Limits: parameters, other attributes of objects, return values of calls
and names from installed packages are where tracing stops; the walk visits
at most ``MAX_VISITED`` expressions so pathological code stays fast.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator

from astroid import MANAGER, nodes
from astroid.builder import AstroidBuilder
from astroid.exceptions import AstroidSyntaxError

from mldebt.analysis.names import qualified_name
from mldebt.analysis.tree_index import descendants

MAX_VISITED = 256
# How many folders up an absolute import is looked for: the project's packages sit near the importer.
_MAX_PACKAGE_DEPTH = 4

Step = Callable[[nodes.NodeNG], Iterable[nodes.NodeNG]]


def trace(expr: nodes.NodeNG, step: Step) -> Iterator[nodes.NodeNG]:
    """Yield ``expr`` and every expression its value may have come from."""
    pending = [expr]
    seen: set[int] = set()
    while pending and len(seen) < MAX_VISITED:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, nodes.Name):
            pending.extend(bound_values(node))
        else:
            pending.extend(step(node))


def bound_values(name: nodes.Name) -> list[nodes.NodeNG]:
    """The expressions bound to ``name`` in the scope it is read from."""
    scope, bindings = name.lookup(name.name)
    if scope.root() is not name.root():
        return []
    values: list[nodes.NodeNG] = []
    for binding in bindings:
        if isinstance(binding, nodes.AssignName):
            values.extend(_values_bound_to(binding))
        elif isinstance(binding, nodes.ImportFrom):
            values.extend(_imported_values(binding, name.name))
    return values


def _imported_values(binding: nodes.ImportFrom, alias: str) -> list[nodes.NodeNG]:
    """``from .config import FEATURES``: the value FEATURES is bound to in the project's config module."""
    imported = next((original for original, name in binding.names if (name or original) == alias), None)
    path = _project_module_file(binding.root().file, binding.modname, binding.level or 0)
    if imported is None or path is None:
        return []
    tree = _module_tree(path, os.path.getmtime(path))
    if tree is None:
        return []
    return [
        value
        for assignment in tree.locals.get(imported, ())
        if isinstance(assignment, nodes.AssignName) and assignment.frame() is tree
        for value in _values_bound_to(assignment)
    ]


@functools.lru_cache(maxsize=4096)
def _project_module_file(importer: str | None, module: str, level: int) -> str | None:
    """The file of a module of the same project: relative to the importer, or found from its folders.

    Cached for the process, as the project's other files are: a run sees one state of the tree.
    """
    if not importer:
        return None
    folder = os.path.dirname(os.path.abspath(importer))
    relative = module.replace(".", os.sep)
    if level:
        for _ in range(level - 1):
            folder = os.path.dirname(folder)
        bases = [folder]
    else:
        bases = [folder]
        while os.path.dirname(bases[-1]) != bases[-1] and len(bases) < _MAX_PACKAGE_DEPTH:
            bases.append(os.path.dirname(bases[-1]))
    for base in bases:
        for candidate in (os.path.join(base, relative + ".py"), os.path.join(base, relative, "__init__.py")):
            if relative and os.path.isfile(candidate):
                return candidate
    return None


def forget_project_modules() -> None:
    """Forget which project files exist and their trees, as a new process would (tests use it)."""
    _project_module_file.cache_clear()
    _module_tree.cache_clear()


@functools.lru_cache(maxsize=256)
def _module_tree(path: str, modified: float) -> nodes.Module | None:
    del modified  # part of the cache key: an edited file is read again
    try:
        with open(path, encoding="utf-8") as stream:
            return AstroidBuilder(MANAGER).string_build(stream.read(), os.path.basename(path)[:-3], path)
    except (OSError, UnicodeDecodeError, AstroidSyntaxError, RecursionError, ValueError):
        return None


def module_constant(name: nodes.Name) -> nodes.Const | None:
    """The literal a name is bound to when it is bound exactly once, at module level."""
    module = name.root()
    scope, bindings = name.lookup(name.name)
    if scope is not module or len(module.locals.get(name.name, ())) != 1 or len(bindings) != 1:
        return None
    binding = bindings[0]
    assign = binding.parent
    if (
        isinstance(binding, nodes.AssignName)
        and isinstance(assign, (nodes.Assign, nodes.AnnAssign))
        and assign.parent is module
        and isinstance(assign.value, nodes.Const)
    ):
        return assign.value
    return None


def globals_rebound(module: nodes.Module) -> bool:
    """Does module-level ``exec(...)`` or ``globals().update(...)`` rebind its constants (a configurator)?

    Then every module constant may be set from the command line or a config file.
    """
    for statement in module.body:
        for call in _module_level_calls(statement):
            function = call.func
            if isinstance(function, nodes.Name) and function.name == "exec":
                return True
            if (
                isinstance(function, nodes.Attribute)
                and function.attrname == "update"
                and isinstance(function.expr, nodes.Call)
                and isinstance(function.expr.func, nodes.Name)
                and function.expr.func.name in ("globals", "vars")
            ):
                return True
    return False


def _module_level_calls(statement: nodes.NodeNG) -> Iterator[nodes.Call]:
    """Calls that run when the module runs: not inside functions or classes."""
    if isinstance(statement, (nodes.FunctionDef, nodes.AsyncFunctionDef, nodes.ClassDef, nodes.Lambda)):
        return
    if isinstance(statement, nodes.Call):
        yield statement
    for child in statement.get_children():
        yield from _module_level_calls(child)


def _values_bound_to(binding: nodes.AssignName) -> list[nodes.NodeNG]:
    path: list[int] = []
    node: nodes.NodeNG = binding
    while isinstance(node.parent, (nodes.Tuple, nodes.List, nodes.Starred)):
        if not isinstance(node.parent, nodes.Starred):
            path.append(node.parent.elts.index(node))
        node = node.parent
    path.reverse()
    holder = node.parent
    if isinstance(holder, (nodes.Assign, nodes.AnnAssign, nodes.NamedExpr)):
        return [] if holder.value is None else [_unpack(holder.value, path)]
    if isinstance(holder, nodes.AugAssign):
        return [holder.value]
    if isinstance(holder, (nodes.For, nodes.Comprehension)):
        return _iteration_element(holder.iter, path)
    if isinstance(holder, nodes.With):
        return [expr for expr, target in holder.items if target is node]
    return []


def _unpack(value: nodes.NodeNG, path: list[int]) -> nodes.NodeNG:
    for index in path:
        if isinstance(value, (nodes.Tuple, nodes.List)) and len(value.elts) > index:
            value = value.elts[index]
        else:
            break
    return value


def _iteration_element(iterable: nodes.NodeNG, path: list[int]) -> list[nodes.NodeNG]:
    """What a loop target at ``path`` takes from iterating over ``iterable``."""
    if path and isinstance(iterable, nodes.Call) and not iterable.keywords:
        function = qualified_name(iterable.func)
        if function == "builtins.enumerate" and iterable.args:
            return [] if path[0] == 0 else [iterable.args[0]]
        if function == "builtins.zip" and len(iterable.args) > path[0]:
            return [iterable.args[path[0]]]
    if isinstance(iterable, (nodes.ListComp, nodes.SetComp, nodes.GeneratorExp)):
        # ``for df in [load(path) for path in paths]``: each element is what the comprehension computes.
        return [_unpack(iterable.elt, path)]
    return [iterable]


def attribute_values(attribute: nodes.Attribute, depth: int = 4) -> list[nodes.NodeNG]:
    """What a configuration attribute holds: ``Config.DATA_DIR``, ``self.config.train_path``, ``self.out_dir``.

    The object is followed to a class of this module (the class itself, an
    instance made by calling it, or ``self`` inside its methods); the
    attribute's value is its class-level assignment (a dataclass default
    included) or what the class's methods assign to ``self.<name>``.
    """
    if depth <= 0:
        return []
    values: list[nodes.NodeNG] = []
    for owner in _classes_of(attribute.expr, depth):
        values.extend(_class_attribute(owner, attribute.attrname))
    return values


def _classes_of(expr: nodes.NodeNG, depth: int) -> list[nodes.ClassDef]:
    if isinstance(expr, nodes.Name):
        scope, bindings = expr.lookup(expr.name)
        if scope.root() is not expr.root():
            return []
        if isinstance(scope, nodes.FunctionDef) and _is_self(expr, scope):
            return [scope.parent] if isinstance(scope.parent, nodes.ClassDef) else []
        found: list[nodes.ClassDef] = []
        for binding in bindings:
            if isinstance(binding, nodes.ClassDef):
                found.append(binding)
            elif isinstance(binding, nodes.AssignName):
                found.extend(owner for value in _values_bound_to(binding) for owner in _instance_of(value, depth))
        return found
    if isinstance(expr, nodes.Attribute):
        return [owner for value in attribute_values(expr, depth - 1) for owner in _instance_of(value, depth)]
    return []


def _instance_of(value: nodes.NodeNG, depth: int) -> list[nodes.ClassDef]:
    """The class of an instance made by calling it (``DataConfig()``)."""
    if isinstance(value, nodes.Call):
        return [owner for owner in _classes_of(value.func, depth - 1) if isinstance(owner, nodes.ClassDef)]
    return []


def _is_self(name: nodes.Name, function: nodes.FunctionDef) -> bool:
    arguments = function.args.args or []
    return bool(arguments) and arguments[0].name == name.name and isinstance(function.parent, nodes.ClassDef)


def _class_attribute(owner: nodes.ClassDef, name: str) -> list[nodes.NodeNG]:
    values: list[nodes.NodeNG] = []
    for statement in owner.body:
        if isinstance(statement, nodes.Assign) and any(
            isinstance(target, nodes.AssignName) and target.name == name for target in statement.targets
        ):
            values.append(statement.value)
        elif (
            isinstance(statement, nodes.AnnAssign)
            and isinstance(statement.target, nodes.AssignName)
            and statement.target.name == name
            and statement.value is not None
        ):
            values.append(statement.value)
        elif isinstance(statement, nodes.FunctionDef):
            for assigned in descendants(statement, nodes.AssignAttr):
                if (
                    assigned.attrname == name
                    and isinstance(assigned.expr, nodes.Name)
                    and _is_self(assigned.expr, statement)
                    and isinstance(assigned.parent, nodes.Assign)
                ):
                    values.append(assigned.parent.value)
    return values


def called_function(call: nodes.Call) -> nodes.FunctionDef | None:
    """The project's own function a call invokes: defined in this module, or imported from a module of the project."""
    if not isinstance(call.func, nodes.Name) or not _bound_in_enclosing_scopes(call.func):
        return None
    return _own_definition(call.func, nodes.FunctionDef)


def called_method(call: nodes.Call) -> nodes.FunctionDef | None:
    """The project's own method a call invokes on an instance: ``stage = Ingestion(); stage.run()``.

    The instance is a name bound once, in its scope, to a call of a class
    defined in this module or imported from a module of the project.
    """
    function = call.func
    if not isinstance(function, nodes.Attribute) or not isinstance(function.expr, nodes.Name):
        return None
    if not _bound_in_enclosing_scopes(function.expr) or not _may_name_an_instance(function.expr):
        return None
    made = bound_values(function.expr)
    if len(made) != 1 or not isinstance(made[0], nodes.Call) or not isinstance(made[0].func, nodes.Name):
        return None
    owner = _project_class(made[0].func)
    methods = owner.locals.get(function.attrname, ()) if owner is not None else ()
    return methods[0] if len(methods) == 1 and isinstance(methods[0], nodes.FunctionDef) else None


def _project_class(name: nodes.Name) -> nodes.ClassDef | None:
    return _own_definition(name, nodes.ClassDef)


def _own_definition(name: nodes.Name, kind: type[nodes.NodeNG]) -> nodes.NodeNG | None:
    """The function or class (``kind``) a name is bound to once: in this module, or imported from the project."""
    binding = _only_module_binding(name)
    if binding is None:
        scope, bindings = name.lookup(name.name)
        if scope.root() is not name.root() or len(bindings) != 1:
            return None
        binding = bindings[0]
    if isinstance(binding, nodes.ImportFrom):
        binding = _imported_definition(binding, name.name)
    return binding if isinstance(binding, kind) else None


def _imported_definition(binding: nodes.ImportFrom, alias: str) -> nodes.NodeNG | None:
    """The one top-level definition ``from .module import alias`` binds in a module of the project."""
    imported = next((original for original, name in binding.names if (name or original) == alias), None)
    path = _project_module_file(binding.root().file, binding.modname, binding.level or 0)
    tree = _module_tree(path, os.path.getmtime(path)) if imported and path else None
    definitions = tree.locals.get(imported, ()) if tree is not None else ()
    return definitions[0] if len(definitions) == 1 else None


def _only_module_binding(name: nodes.Name) -> nodes.NodeNG | None:
    """The one module-level binding of a name no enclosing function or class binds; found without a lookup."""
    scope = name.scope()
    while not isinstance(scope, nodes.Module):
        if name.name in scope.locals or scope.parent is None:
            return None
        scope = scope.parent.scope()
    bindings = scope.locals.get(name.name, ())
    return bindings[0] if len(bindings) == 1 else None


def _may_name_an_instance(name: nodes.Name) -> bool:
    """A cheap test before ``bound_values``: can a binding of the name in a scope around it be a class's call?

    ``import numpy as np``, parameters (``def fit(self, frame)``) and results of other calls
    (``frame = pd.read_csv(path)``) never are, and they are most receivers of method calls.
    """
    scope = name.scope()
    while True:
        for binding in scope.locals.get(name.name, ()):
            if isinstance(binding, nodes.ImportFrom):
                return True
            if isinstance(binding, nodes.AssignName) and any(
                isinstance(value, nodes.Call) and isinstance(value.func, nodes.Name)
                for value in _values_bound_to(binding)
            ):
                return True
        if scope.parent is None:
            return False
        scope = scope.parent.scope()


def _bound_in_enclosing_scopes(name: nodes.Name) -> bool:
    """A cheap test before ``lookup``: builtins and undefined names are bound in no scope of the module."""
    scope = name.scope()
    while True:
        if name.name in scope.locals:
            return True
        if scope.parent is None:
            return False
        scope = scope.parent.scope()


def parameter_index(name: nodes.Name) -> int | None:
    """The position of the function parameter ``name`` reads, when it reads one (``self`` not counted)."""
    scope, bindings = name.lookup(name.name)
    if not isinstance(scope, nodes.FunctionDef) or len(bindings) != 1:
        return None
    positional = [argument.name for argument in scope.args.args or []]
    if isinstance(scope.parent, nodes.ClassDef) and positional:
        positional = positional[1:]
    binding = bindings[0]
    if isinstance(binding, nodes.AssignName) and binding.parent is scope.args and binding.name in positional:
        return positional.index(binding.name)
    return None


def caller_arguments(name: nodes.Name) -> list[nodes.NodeNG]:
    """What this module's own calls of a function pass for the parameter ``name`` reads.

    ``def postprocess(self, score): ...`` called as ``self.postprocess(proba)``
    in a method of the same class, or ``label(proba)`` for a function of the
    module: gives ``[proba]``. Positional and keyword arguments count; calls
    from other modules are not looked for.
    """
    index = parameter_index(name)
    function = name.scope()
    if index is None or not isinstance(function, nodes.FunctionDef):
        return []
    owner = function.parent if isinstance(function.parent, nodes.ClassDef) else None
    found = []
    for call in descendants(function.root(), nodes.Call):
        if not _calls_function(call, function, owner):
            continue
        if index < len(call.args) and not any(isinstance(argument, nodes.Starred) for argument in call.args[: index + 1]):
            found.append(call.args[index])
        found.extend(keyword.value for keyword in call.keywords or () if keyword.arg == name.name)
    return found


def own_callee(call: nodes.Call) -> nodes.FunctionDef | None:
    """The project's own function or method a call runs: ``helper(...)``, ``stage.run()``, or ``self.method(...)`` in a class."""
    callee = call.func
    if isinstance(callee, nodes.Name):
        return called_function(call)
    if not isinstance(callee, nodes.Attribute) or not isinstance(callee.expr, nodes.Name):
        return None
    caller = call.scope()
    if isinstance(caller, nodes.FunctionDef) and isinstance(caller.parent, nodes.ClassDef) and _is_self(callee.expr, caller):
        methods = caller.parent.locals.get(callee.attrname, ())
        return methods[0] if len(methods) == 1 and isinstance(methods[0], nodes.FunctionDef) else None
    return called_method(call)


def returned_values(function: nodes.FunctionDef) -> list[nodes.NodeNG]:
    """What the function's own ``return`` statements give back."""
    return [
        statement.value
        for statement in descendants(function, nodes.Return)
        if statement.value is not None and statement.scope() is function
    ]


def _calls_function(call: nodes.Call, function: nodes.FunctionDef, owner: nodes.ClassDef | None) -> bool:
    callee = call.func
    if owner is None:
        return isinstance(callee, nodes.Name) and callee.name == function.name and called_function(call) is function
    if not isinstance(callee, nodes.Attribute) or callee.attrname != function.name:
        return False
    caller = call.scope()
    # ``self.method(...)`` from another method of the class, or ``scorer.method(...)`` on an instance.
    if isinstance(callee.expr, nodes.Name) and isinstance(caller, nodes.FunctionDef) and caller.parent is owner:
        if _is_self(callee.expr, caller):
            return True
    return called_method(call) is function
