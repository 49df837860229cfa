"""Features: which columns code reads and what it does to each before the model sees them.

Train/serve skew is a difference between two such descriptions, one of the
training code and one of the serving code, so both are built by the same
functions here:

- ``feature_reads(code, parameters)``: every place a feature is read by name,
  ``df["sqft"]``, ``payload.get("sqft")``, ``body.sqft`` (``body`` a handler
  parameter);
- ``feature_steps(code, parameters)``: the transformations applied to
  features, in source order: numpy functions (``np.log1p``), column methods
  (``clip``, ``fillna``, ``map``), arithmetic, ``pd.get_dummies``, fitted
  scalers and encoders, calls of the project's feature functions, time
  differences computed from event timestamps or from the wall clock, and
  scaling written out by hand with literal constants;
- ``fitted_feature_order(fit)``: the column list a model was fitted on.

A step's ``feature`` is the column it produces or transforms (``*`` for the
whole frame). Steps are plain, picklable data (positions, no nodes), so the
project index can cache the training side.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable

from astroid import nodes

from mldebt.analysis.apis import estimator_role
from mldebt.analysis.names import qualified_name
from mldebt.analysis.values import bound_values
from mldebt.analysis.tree_index import descendants

WHOLE_FRAME = "*"

VALUE_TRANSFORMS = frozenset(
    {"log", "log1p", "log2", "log10", "sqrt", "cbrt", "exp", "expm1", "square", "power", "abs", "clip", "tanh",
     "arcsinh", "sign", "round", "floor", "ceil"}
)
COLUMN_METHODS = {
    "clip": "clip", "fillna": "fillna", "map": "map", "replace": "map", "apply": "apply", "rank": "rank",
    "pow": "power", "abs": "abs", "round": "round",
}
BINNING_FUNCTIONS = frozenset({"pandas.cut", "pandas.qcut"})
WALL_CLOCK = frozenset(
    {"datetime.datetime.now", "datetime.datetime.utcnow", "datetime.datetime.today", "datetime.date.today",
     "time.time", "time.time_ns", "pandas.Timestamp.now", "pandas.Timestamp.utcnow", "pandas.Timestamp.today",
     "pandas.to_datetime.now", "numpy.datetime64"}
)
_TIME_COLUMN = re.compile(r"(^|_)(ts|time|timestamp|date|datetime|at|day)($|_)", re.IGNORECASE)
_COLUMN_READ = re.compile(r"[\w.]+\[(['\"])([^'\"]+)\1\]|[\w.]+\.get\((['\"])([^'\"]+)\3[^)]*\)")


@dataclasses.dataclass(frozen=True)
class Position:
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def of(cls, node: nodes.NodeNG) -> Position:
        return cls(node.lineno, node.col_offset, node.end_lineno or node.lineno, node.end_col_offset or 0)

    def encloses(self, other: Position) -> bool:
        """Is ``other`` a strict part of this range (``np.log1p(x)`` in ``np.log1p(x) * 2``)?"""
        starts_before = (self.line, self.column) <= (other.line, other.column)
        ends_after = (other.end_line, other.end_column) <= (self.end_line, self.end_column)
        return starts_before and ends_after and self != other


@dataclasses.dataclass(frozen=True)
class Step:
    """One transformation of one feature: ``kind`` (``log1p``, ``fillna``, ``scaler``...) and its ``detail``.

    The detail of a value transform is the API that applied it: ``np.clip``
    and ``Series.clip`` are both of kind ``clip``. For the other kinds it
    says what the step used: the fill value, the transformer's class or
    object, the function or clock called, the timestamps, or the normalised
    arithmetic (empty for ``get_dummies`` and binning).

    ``sources`` are the features the step reads; ``expression`` is the step's
    code with feature reads normalised (see ``normalized``).
    """

    feature: str
    kind: str
    detail: str
    position: Position
    sources: tuple[str, ...] = ()
    expression: str = ""


@dataclasses.dataclass(frozen=True)
class Read:
    feature: str
    position: Position


def feature_reads(code: Iterable[nodes.NodeNG], parameters: frozenset[str] = frozenset()) -> list[Read]:
    """Every read of a feature by name from data the functions work on, in source order.

    Reads from module-level objects (a loaded bundle, ``os.environ``, a
    config) are set-up, not data; Flask's global ``request`` is data.
    """
    found = []
    for root in code:
        for node in descendants(root, (nodes.Subscript, nodes.Call, nodes.Attribute)):
            name = column_read(node, parameters)
            if name is not None and _reads_local_data(node):
                found.append(Read(name, Position.of(node)))
    return sorted(found, key=lambda read: (read.position.line, read.position.column))


def column_read(node: nodes.NodeNG, parameters: frozenset[str] = frozenset()) -> str | None:
    """``df["sqft"]`` / ``payload.get("sqft")`` / ``body.sqft`` -> ``"sqft"``; anything else -> None."""
    if isinstance(node, nodes.Subscript) and _is_load(node):
        if isinstance(node.slice, nodes.Const) and isinstance(node.slice.value, str):
            return node.slice.value
    if isinstance(node, nodes.Call) and isinstance(node.func, nodes.Attribute) and node.func.attrname == "get":
        if node.args and isinstance(node.args[0], nodes.Const) and isinstance(node.args[0].value, str):
            return node.args[0].value
    if isinstance(node, nodes.Attribute) and isinstance(node.expr, nodes.Name) and node.expr.name in parameters:
        called = isinstance(node.parent, nodes.Call) and node.parent.func is node
        return None if called else node.attrname
    return None


def _reads_local_data(node: nodes.NodeNG) -> bool:
    base = node
    while True:
        if isinstance(base, nodes.Attribute):
            base = base.expr
        elif isinstance(base, nodes.Subscript):
            base = base.value
        elif isinstance(base, nodes.Call):
            base = base.func
        else:
            break
    if not isinstance(base, nodes.Name):
        return True
    if base.name == "request":
        return True
    scope, _ = base.lookup(base.name)
    return not isinstance(scope, nodes.Module)


def feature_steps(code: Iterable[nodes.NodeNG], parameters: frozenset[str] = frozenset()) -> list[Step]:
    """Transformations of features in the given code, in source order."""
    steps: list[Step] = []
    for root in code:
        for node in descendants(root, (nodes.Assign, nodes.Expr, nodes.Dict, nodes.Keyword)):
            steps.extend(_steps_of(node, parameters))
    unique = {(step.feature, step.kind, step.position): step for step in steps}
    return sorted(unique.values(), key=lambda step: (step.position.line, step.position.column))


def normalized(expr: nodes.NodeNG, parameters: frozenset[str] = frozenset()) -> str:
    """An expression with every feature read written ``COL(name)``, for comparing computations."""
    text = _COLUMN_READ.sub(lambda match: f"COL({match.group(2) or match.group(4)})", expr.as_string())
    for parameter in parameters:
        text = re.sub(rf"\b{re.escape(parameter)}\.(\w+)", r"COL(\1)", text)
    return re.sub(r"\s+", "", text)


def fitted_feature_order(argument: nodes.NodeNG) -> tuple[str, ...]:
    """The column list a model's ``X`` argument selects (``df[FEATURES]``), or ``()``."""
    for candidate in _expressions_behind(argument):
        if isinstance(candidate, nodes.Subscript):
            columns = column_list(candidate.slice)
            if columns:
                return columns
    return ()


def column_list(expr: nodes.NodeNG, depth: int = 4) -> tuple[str, ...]:
    """``["a", "b"]``, a name bound to one, or ``A + B`` of such lists -> the column names."""
    if depth <= 0:
        return ()
    if isinstance(expr, (nodes.List, nodes.Tuple)):
        if expr.elts and all(isinstance(item, nodes.Const) and isinstance(item.value, str) for item in expr.elts):
            return tuple(item.value for item in expr.elts)
        return ()
    if isinstance(expr, nodes.Name):
        for value in bound_values(expr):
            columns = column_list(value, depth - 1)
            if columns:
                return columns
        return ()
    if isinstance(expr, nodes.BinOp) and expr.op == "+":
        left, right = column_list(expr.left, depth - 1), column_list(expr.right, depth - 1)
        return left + right if left and right else ()
    return ()


def _expressions_behind(expr: nodes.NodeNG, depth: int = 4) -> list[nodes.NodeNG]:
    """``expr`` and what its value was made from: bound values, a call's arguments and receiver."""
    found = [expr]
    if depth <= 0:
        return found
    if isinstance(expr, nodes.Name):
        inputs = bound_values(expr)
    elif isinstance(expr, nodes.Call):
        inputs = [*expr.args, *([expr.func.expr] if isinstance(expr.func, nodes.Attribute) else [])]
    else:
        inputs = []
    for value in inputs:
        found.extend(_expressions_behind(value, depth - 1))
    return found


def _is_load(node: nodes.Subscript) -> bool:
    parent = node.parent
    if isinstance(parent, nodes.Assign) and node in parent.targets:
        return False
    if isinstance(parent, (nodes.AugAssign, nodes.AnnAssign)) and node is parent.target:
        return False
    return not isinstance(parent, nodes.Delete)


def _steps_of(node: nodes.NodeNG, parameters: frozenset[str]) -> list[Step]:
    if isinstance(node, nodes.Assign):
        value = node.value
        steps = []
        for target in node.targets:
            for feature in _assigned_features(target, value, parameters):
                if isinstance(target, nodes.AssignName) and _uses_wall_clock(value):
                    feature = target.name  # `age = time.time() - event["signup_ts"]` computes `age`
                steps.extend(_classify(value, feature, parameters))
        return steps
    if isinstance(node, nodes.Expr) and isinstance(node.value, nodes.Call):
        call = node.value
        if isinstance(call.func, nodes.Attribute) and call.func.attrname == "fillna" and _is_inplace(call):
            target = column_read(call.func.expr, parameters) or WHOLE_FRAME
            return [_step(target, "fillna", _fill_value(call), call, call.func.expr, parameters)]
        return []
    if isinstance(node, nodes.Dict):
        steps = []
        for key, value in node.items:
            if isinstance(key, nodes.Const) and isinstance(key.value, str):
                steps.extend(_classify(value, key.value, parameters))
        return steps
    if isinstance(node, nodes.Keyword) and node.arg and isinstance(node.parent, nodes.Call):
        function = node.parent.func
        if isinstance(function, nodes.Attribute) and function.attrname == "assign":
            return _classify(node.value, node.arg, parameters)
    return []


def _assigned_features(target: nodes.NodeNG, value: nodes.NodeNG, parameters: frozenset[str]) -> list[str]:
    """The features an assignment produces: ``df["f"] = ...``, ``df[COLS] = ...``, ``f = g(df["f"])``."""
    if isinstance(target, nodes.Subscript):
        if isinstance(target.slice, nodes.Const) and isinstance(target.slice.value, str):
            return [target.slice.value]
        return list(column_list(target.slice)) or [WHOLE_FRAME]
    if isinstance(target, nodes.AssignName):
        reads = {column_read(node, parameters) for node in _reads_in(value, parameters)} - {None}
        if len(reads) == 1:
            return [reads.pop()]
        if reads:
            return [target.name]
        selected = next(
            (column_list(node.slice) for node in descendants(value, nodes.Subscript) if column_list(node.slice)),
            (),
        )
        return list(selected) or [WHOLE_FRAME]
    return []


def _reads_in(expr: nodes.NodeNG, parameters: frozenset[str]) -> list[nodes.NodeNG]:
    return [
        node
        for node in [expr, *descendants(expr, (nodes.Subscript, nodes.Call, nodes.Attribute))]
        if column_read(node, parameters) is not None
    ]


def _classify(value: nodes.NodeNG, feature: str, parameters: frozenset[str]) -> list[Step]:
    """What the expression assigned to ``feature`` does to the features it reads."""
    steps = []
    wall_clock = _uses_wall_clock(value)
    if wall_clock:
        clock = next(call for call in _calls(value) if qualified_name(call.func) in WALL_CLOCK)
        steps.append(_step(feature, "wall-clock", clock.as_string(), value, value, parameters))
    for call in _calls(value):
        function = qualified_name(call.func)
        short = function.rsplit(".", 1)[-1] if function else None
        if function and function.startswith("numpy.") and short in VALUE_TRANSFORMS:
            steps.append(_step(feature, short, f"np.{short}", call, call, parameters))
        elif function == "pandas.get_dummies":
            columns = next((column_list(k.value) for k in call.keywords or () if k.arg == "columns"), ())
            for column in columns or (feature,):
                steps.append(_step(column, "get_dummies", "", call, call, parameters))
        elif function in BINNING_FUNCTIONS:
            steps.append(_step(feature, "binning", "", call, call, parameters))
        elif isinstance(call.func, nodes.Attribute) and call.func.attrname in COLUMN_METHODS:
            kind = COLUMN_METHODS[call.func.attrname]
            # Only fillna is followed on a whole frame; the other methods on one column, a Series.
            detail = _fill_value(call) if kind == "fillna" else f"Series.{call.func.attrname}"
            if column_read(call.func.expr, parameters) or kind == "fillna":
                steps.append(_step(feature, kind, detail, call, call, parameters))
        elif isinstance(call.func, nodes.Attribute) and call.func.attrname in ("fit_transform", "transform"):
            role = estimator_role(qualified_name(_constructor(call.func.expr)))
            if role == "label-encoder":
                continue  # it encodes the target, not a feature
            if role in ("transformer", "stateless"):
                steps.append(_step(feature, "fitted-transformer", _class_name(call.func.expr), call, call, parameters))
            elif call.func.attrname == "transform":
                steps.append(_step(feature, "applied-transformer", call.func.expr.as_string(), call, call, parameters))
        elif _is_project_function(call, function):
            steps.append(_step(feature, "function", _function_name(call), call, call, parameters))
    if isinstance(value, nodes.BinOp):
        steps.extend(_arithmetic(value, feature, parameters, has_wall_clock=wall_clock))
    return steps


def _arithmetic(value: nodes.BinOp, feature: str, parameters: frozenset[str], *, has_wall_clock: bool) -> list[Step]:
    reads = [column_read(node, parameters) for node in _reads_in(value, parameters)]
    if not reads and not has_wall_clock:
        return []
    if _is_hand_scaling(value):
        return [_step(feature, "hand-scaling", normalized(value, parameters), value, value, parameters)]
    times = [read for read in reads if read and _TIME_COLUMN.search(read)]
    if times and not has_wall_clock:
        return [_step(feature, "event-time", ", ".join(times), value, value, parameters)]
    if has_wall_clock:
        return []
    return [_step(feature, "arithmetic", normalized(value, parameters), value, value, parameters)]


def _uses_wall_clock(expr: nodes.NodeNG) -> bool:
    return any(qualified_name(call.func) in WALL_CLOCK for call in _calls(expr))


def _is_hand_scaling(value: nodes.BinOp) -> bool:
    """``(x - 1834.2) / 512.7``: a scaler's fitted constants copied into code."""
    if value.op not in ("/", "*") or not _is_number(value.right):
        return False
    inner = value.left
    return isinstance(inner, nodes.BinOp) and inner.op == "-" and _is_number(inner.right)


def _is_number(node: nodes.NodeNG) -> bool:
    if isinstance(node, nodes.UnaryOp):
        node = node.operand
    return isinstance(node, nodes.Const) and isinstance(node.value, float)


def _step(
    feature: str, kind: str, detail: str, node: nodes.NodeNG, reads_from: nodes.NodeNG, parameters: frozenset[str]
) -> Step:
    sources = tuple(
        dict.fromkeys(
            read for read in (column_read(n, parameters) for n in _reads_in(reads_from, parameters)) if read
        )
    )
    return Step(feature, kind, detail, Position.of(node), sources, normalized(node, parameters))


def _calls(expr: nodes.NodeNG) -> list[nodes.Call]:
    calls = descendants(expr, nodes.Call)
    return sorted(calls, key=lambda call: (call.lineno, call.col_offset))


def _fill_value(call: nodes.Call) -> str:
    value = call.args[0] if call.args else next((k.value for k in call.keywords or () if k.arg == "value"), None)
    if value is None:
        return ""
    if isinstance(value, nodes.Const):
        return repr(value.value)
    if isinstance(value, nodes.Call) and isinstance(value.func, nodes.Attribute):
        return f"the data's {value.func.attrname}"
    return value.as_string()


def _is_inplace(call: nodes.Call) -> bool:
    return any(
        keyword.arg == "inplace" and isinstance(keyword.value, nodes.Const) and keyword.value.value is True
        for keyword in call.keywords or ()
    )


def _constructor(receiver: nodes.NodeNG) -> nodes.NodeNG:
    """``StandardScaler()`` in ``StandardScaler().fit_transform``, or what a name was bound to."""
    if isinstance(receiver, nodes.Call):
        return receiver.func
    if isinstance(receiver, nodes.Name):
        for value in bound_values(receiver):
            if isinstance(value, nodes.Call):
                inner = value
                while isinstance(inner.func, nodes.Attribute) and isinstance(inner.func.expr, nodes.Call):
                    inner = inner.func.expr
                return inner.func
    return receiver


def _class_name(receiver: nodes.NodeNG) -> str:
    name = qualified_name(_constructor(receiver))
    return name.rsplit(".", 1)[-1] if name else receiver.as_string()


def _is_project_function(call: nodes.Call, function: str | None) -> bool:
    """A function imported from another module of this project, applied to data.

    Functions defined in the module itself are not steps: their bodies are
    read like the rest of the module.
    """
    if not call.args or function is None:
        return False
    return function.startswith(".") or _is_first_party(call, function)


def _is_first_party(call: nodes.Call, function: str) -> bool:
    """Imported from a module of the same project (a sibling module or package of the file)."""
    path = call.root().file
    if not path:
        return False
    top = function.split(".")[0]
    folder = os.path.dirname(os.path.abspath(path))
    return os.path.exists(os.path.join(folder, f"{top}.py")) or os.path.isdir(os.path.join(folder, top))


def _function_name(call: nodes.Call) -> str:
    return call.func.attrname if isinstance(call.func, nodes.Attribute) else call.func.as_string()
