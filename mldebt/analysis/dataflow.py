"""Data provenance: what each value in a module is, where it came from, what was done to it.

``provenance(module)`` interprets the module's statements once, in order, over
abstract values instead of real ones, and records the events leakage rules
judge: data splits, fits, transforms, evaluations, resampling and
comparisons between scores. Rules read ``Provenance`` and never walk the
code themselves.

A ``Value`` says what an expression holds:

- ``data``: rows read from a source (``read_csv``, ``load_*``, ``fetch_*``,
  ``make_classification``, ``np.load``...) or derived from them; ``lineage``
  names the sources it descends from and ``part`` says whether it is the whole
  data (``None``), a ``train``/``validation``/``test`` part of a split, or a
  ``mixed`` concatenation of train and test. ``fold`` marks the parts of a
  cross-validation split.
- ``index``: split indices (from ``KFold().split(X)``) that select a part.
- ``estimator``: a model, transformer, sampler, pipeline or search, with an
  ``identity`` that stays the same through aliases and ``fit`` calls.
- ``prediction`` / ``score``: model outputs and metrics, with the estimator
  and the data they were computed on.

Splits are recognised from ``train_test_split`` outputs by position (a split
of a training part yields a validation part), cross-validation (``*.split``
of KFold-like splitters, ``cross_val_score`` and friends, a search's
``fit``), ``df.sample(frac<1)`` followed by ``df.drop(sample.index)``, and
``iloc`` slices ``[:n]``/``[n:]`` of the same data. Names such as
``X_test``, ``test_df`` or ``x_val`` mark a part only when nothing better is
known (parameters, names bound elsewhere).

The interpreter follows assignments, tuple unpacking, method chains,
subscripts, ``with``/``for`` targets and comprehensions, in module code and
in every function. A call of a function defined in the module is followed
into its body with the arguments bound to its parameters and its return
value brought back (two levels deep); every function is also interpreted on
its own with unknown parameters. Both branches of an ``if`` are taken; a
loop body runs once, and values that depend on the loop variable are marked
with the loop (``varies``) so rules can tell candidates compared in a loop
from a fixed test set.

Limits: values stored in containers other than tuples and lists, attributes
of objects other than ``self.x``-style names, and functions of other modules
are not followed (an unknown function applied to data returns data derived
from its arguments); flow inside a branch is not path-sensitive.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import re
from collections.abc import Iterable

from astroid import nodes

from mldebt.analysis.apis import (
    BUILT_CLASSES,
    COLUMN_CONCATENATIONS,
    FIT_METHODS,
    TRANSFORM_METHODS,
    CV_FUNCTIONS,
    HOLDOUT_SPLITTERS,
    METADATA_ATTRIBUTES,
    PREDICTION_METHODS,
    RESAMPLING_FUNCTIONS,
    ROW_CONCATENATIONS,
    SAVE_METHODS,
    estimator_role,
    is_artifact_save,
    is_data_source,
    metric_name,
)
from mldebt.analysis.features import column_list
from mldebt.analysis.names import qualified_name

TRAIN, VALIDATION, TEST, MIXED = "train", "validation", "test", "mixed"
HELD_OUT = (VALIDATION, TEST)

MAX_CALL_DEPTH = 2

_PART_NAMES = (
    (re.compile(r"(^|_)(test|testing|holdout|hold_out)(_|$|\d)", re.IGNORECASE), TEST),
    (re.compile(r"(^|_)(val|valid|validation|dev)(_|$|\d)", re.IGNORECASE), VALIDATION),
    (re.compile(r"(^|_)(train|training)(_|$|\d)", re.IGNORECASE), TRAIN),
)
_ROW_FILTERS = frozenset({"query", "head", "tail", "nlargest", "nsmallest", "dropna", "drop_duplicates"})


@dataclasses.dataclass(frozen=True)
class Value:
    """What an expression holds, abstractly. See the module docstring for the kinds."""

    kind: str = "unknown"
    lineage: frozenset[int] = frozenset()
    part: str | None = None
    fold: bool = False
    label: str = ""
    identity: int | None = None
    role: str | None = None
    cls: str = ""
    input: Value | None = None
    elements: tuple[Value, ...] = ()
    varies: frozenset[int] = frozenset()
    split_line: int | None = None
    # The name whose test/val/train marker gave ``part`` (``X_test``), when a name did.
    marked_by: str = ""
    # Some of the rows (``df[df.label == 1]``): concatenating such parts rebuilds, not duplicates.
    subset: bool = False
    # Identities of the fitted transformers whose output this data is.
    transformed_by: frozenset[int] = frozenset()
    # Identities of the models whose predictions (or model transforms) went into this value,
    # and the (column, model) pairs of frame columns that hold such predictions.
    from_model: frozenset[int] = frozenset()
    model_columns: frozenset[tuple[str, int]] = frozenset()

    @property
    def models_behind(self) -> frozenset[int]:
        """Every model whose output is part of this value."""
        return self.from_model | frozenset(model for _, model in self.model_columns)

    def derived(self, **changes: object) -> Value:
        return dataclasses.replace(self, **changes)

    @property
    def is_data(self) -> bool:
        return self.kind == "data"


UNKNOWN = Value()


@dataclasses.dataclass(frozen=True)
class Split:
    """Data split into parts: ``kind`` is holdout, cv, sample or slice."""

    seq: int
    node: nodes.NodeNG
    data: Value
    kind: str


@dataclasses.dataclass(frozen=True)
class Fit:
    seq: int
    node: nodes.Call
    estimator: Value
    data: Value
    method: str
    target: Value = UNKNOWN


@dataclasses.dataclass(frozen=True)
class Apply:
    """A fitted estimator's ``transform``/``predict`` applied to data."""

    seq: int
    node: nodes.Call
    identity: int
    data: Value


@dataclasses.dataclass(frozen=True)
class Evaluation:
    """A metric or ``score`` computed for a model on some data."""

    seq: int
    node: nodes.Call
    metric: str
    identity: int | None
    data: Value
    candidate_varies: frozenset[int]
    loops: tuple[int, ...]
    cross_validated: bool = False


@dataclasses.dataclass(frozen=True)
class Resample:
    """Rows duplicated or oversampled; ``how`` completes "`data` is ...": ``resampled with SMOTE``."""

    seq: int
    node: nodes.Call
    data: Value
    how: str


@dataclasses.dataclass(frozen=True)
class Save:
    """An object written to disk or a model registry (``joblib.dump``, ``torch.save``, ``model.save``)."""

    seq: int
    node: nodes.Call
    value: Value
    location: nodes.NodeNG | None = None

    @property
    def identities(self) -> frozenset[int]:
        """Every estimator saved, also inside a tuple, list or dict bundle."""
        return frozenset(value.identity for value in _flatten([self.value]) if value.identity is not None)


@dataclasses.dataclass(frozen=True)
class ScoreComparison:
    node: nodes.Compare
    left: Value
    right: Value


@dataclasses.dataclass
class Provenance:
    """Everything the interpreter saw, in execution order (``seq``)."""

    splits: list[Split] = dataclasses.field(default_factory=list)
    fits: list[Fit] = dataclasses.field(default_factory=list)
    applies: list[Apply] = dataclasses.field(default_factory=list)
    evaluations: list[Evaluation] = dataclasses.field(default_factory=list)
    resamples: list[Resample] = dataclasses.field(default_factory=list)
    comparisons: list[ScoreComparison] = dataclasses.field(default_factory=list)
    saves: list[Save] = dataclasses.field(default_factory=list)
    loops: dict[int, nodes.NodeNG] = dataclasses.field(default_factory=dict)
    estimators: dict[int, Value] = dataclasses.field(default_factory=dict)

    def splits_after(self, seq: int, data: Value) -> list[Split]:
        """Splits, after ``seq``, of data with the same lineage and part as ``data``."""
        return [
            split
            for split in self.splits
            if split.seq > seq and split.data.lineage & data.lineage and split.data.part == data.part
        ]

    def fit_before(self, identity: int, seq: int) -> Fit | None:
        """The estimator's latest fit before ``seq``."""
        latest = None
        for fit in self.fits:
            if fit.estimator.identity == identity and fit.seq < seq:
                latest = fit
        return latest


def provenance(module: nodes.Module) -> Provenance:
    """Interpret the module once and return what happened to its data."""
    return _Interpreter(module).run()


class _Frame:
    """Variables of one scope; a function's frame falls back to the module's."""

    def __init__(self, parent: _Frame | None = None) -> None:
        self.values: dict[str, Value] = {}
        self.parent = parent
        self.returns: list[Value] = []

    def get(self, name: str) -> Value | None:
        if name in self.values:
            return self.values[name]
        return self.parent.get(name) if self.parent else None

    def copy(self) -> _Frame:
        clone = _Frame(self.parent)
        clone.values = dict(self.values)
        clone.returns = self.returns
        return clone


class _Interpreter:
    def __init__(self, module: nodes.Module) -> None:
        self.module = module
        self.result = Provenance()
        self._seq = itertools.count()
        self._ids = itertools.count(1)
        self._loops: list[int] = []
        self._calls: list[nodes.FunctionDef] = []
        self._slices: dict[tuple[frozenset[int], str], str] = {}
        self._functions = {
            node.name: node for node in module.body if isinstance(node, (nodes.FunctionDef, nodes.AsyncFunctionDef))
        }

    def run(self) -> Provenance:
        module_frame = _Frame()
        self._body(self.module.body, module_frame)
        for function in self.module.nodes_of_class((nodes.FunctionDef, nodes.AsyncFunctionDef)):
            self._call_function(function, [], {}, module_frame, standalone=True)
        return self.result

    # --- statements ----------------------------------------------------------------

    def _body(self, statements: list[nodes.NodeNG], frame: _Frame) -> None:
        for statement in statements:
            self._statement(statement, frame)

    def _statement(self, node: nodes.NodeNG, frame: _Frame) -> None:
        if isinstance(node, nodes.Assign):
            value = self._eval(node.value, frame)
            for target in node.targets:
                self._bind(target, value, frame)
        elif isinstance(node, nodes.AnnAssign):
            if node.value is not None:
                self._bind(node.target, self._eval(node.value, frame), frame)
        elif isinstance(node, nodes.AugAssign):
            value = self._combine(self._eval(node.target, frame), self._eval(node.value, frame))
            self._bind(node.target, value, frame)
        elif isinstance(node, nodes.Expr):
            self._eval(node.value, frame)
        elif isinstance(node, nodes.Return):
            frame.returns.append(self._eval(node.value, frame) if node.value else UNKNOWN)
        elif isinstance(node, nodes.If):
            self._eval(node.test, frame)
            self._branches(frame, node.body, node.orelse)
        elif isinstance(node, (nodes.For, nodes.AsyncFor)):
            iterable = self._eval(node.iter, frame)
            with self._loop(node) as loop:
                self._bind(node.target, self._element(iterable, node.iter, loop), frame)
                self._body(node.body, frame)
            self._body(node.orelse, frame)
        elif isinstance(node, nodes.While):
            with self._loop(node):
                self._eval(node.test, frame)
                self._body(node.body, frame)
            self._body(node.orelse, frame)
        elif isinstance(node, (nodes.With, nodes.AsyncWith)):
            for expression, target in node.items:
                value = self._eval(expression, frame)
                if target is not None:
                    self._bind(target, value, frame)
            self._body(node.body, frame)
        elif isinstance(node, (nodes.Try, nodes.TryStar)):
            self._body(node.body, frame)
            for handler in node.handlers:
                self._body(handler.body, frame)
            self._body(node.orelse, frame)
            self._body(node.finalbody, frame)
        elif isinstance(node, nodes.Match):
            self._eval(node.subject, frame)
            self._branches(frame, *(case.body for case in node.cases))

    def _branches(self, frame: _Frame, *branches: list[nodes.NodeNG]) -> None:
        merged: dict[str, Value] = {}
        for branch in branches:
            scratch = frame.copy()
            self._body(branch, scratch)
            for name, value in scratch.values.items():
                if frame.values.get(name) is not value:
                    merged.setdefault(name, value)
        frame.values.update(merged)

    def _loop(self, node: nodes.NodeNG):
        interpreter = self

        class _Context:
            def __enter__(self) -> int:
                loop = next(interpreter._ids)
                interpreter.result.loops[loop] = node
                interpreter._loops.append(loop)
                return loop

            def __exit__(self, *exc_info: object) -> None:
                interpreter._loops.pop()

        return _Context()

    def _bind(self, target: nodes.NodeNG, value: Value, frame: _Frame) -> None:
        if isinstance(target, nodes.AssignName):
            frame.values[target.name] = value.derived(label=target.name) if value.is_data else value
        elif isinstance(target, (nodes.Tuple, nodes.List)):
            elements = value.elements if value.kind == "tuple" else ()
            for index, element in enumerate(target.elts):
                if isinstance(element, nodes.Starred):
                    self._bind(element.value, value, frame)
                elif index < len(elements):
                    self._bind(element, elements[index], frame)
                else:
                    self._bind(element, value.derived(kind="unknown") if value.kind == "tuple" else value, frame)
        elif isinstance(target, nodes.AssignAttr):
            frame.values[target.as_string()] = value
        elif isinstance(target, nodes.Subscript) and isinstance(target.value, nodes.Name):
            container = frame.get(target.value.name)
            if container is not None and container.is_data and value.kind in ("data", "prediction"):
                column = target.slice.value if isinstance(target.slice, nodes.Const) else None
                from_model, model_columns = container.from_model, container.model_columns
                if isinstance(column, str):
                    model_columns = model_columns | {(column, model) for model in value.models_behind}
                else:
                    from_model = from_model | value.models_behind
                frame.values[target.value.name] = container.derived(
                    lineage=container.lineage | value.lineage,
                    transformed_by=container.transformed_by | value.transformed_by,
                    from_model=from_model,
                    model_columns=model_columns,
                )

    # --- expressions -----------------------------------------------------------------

    def _eval(self, node: nodes.NodeNG | None, frame: _Frame) -> Value:
        if node is None:
            return UNKNOWN
        if isinstance(node, nodes.Name):
            return self._name(node.name, frame)
        if isinstance(node, nodes.Attribute):
            return self._attribute(node, frame)
        if isinstance(node, nodes.Subscript):
            return self._subscript(node, frame)
        if isinstance(node, nodes.Call):
            return self._call(node, frame)
        if isinstance(node, nodes.BinOp):
            left, right = self._eval(node.left, frame), self._eval(node.right, frame)
            if node.op == "*" and left.kind == "tuple":
                return left  # [frame] * 2 repeats the same items
            return self._combine(left, right)
        if isinstance(node, nodes.Compare):
            return self._compare(node, frame)
        if isinstance(node, nodes.BoolOp):
            return self._combine(*(self._eval(value, frame) for value in node.values))
        if isinstance(node, nodes.UnaryOp):
            return self._eval(node.operand, frame)
        if isinstance(node, nodes.IfExp):
            self._eval(node.test, frame)
            return self._combine(self._eval(node.body, frame), self._eval(node.orelse, frame))
        if isinstance(node, (nodes.Tuple, nodes.List, nodes.Set)):
            elements = tuple(self._eval(element, frame) for element in node.elts)
            return Value(kind="tuple", elements=elements, varies=_varies(elements))
        if isinstance(node, nodes.Dict):
            elements = tuple(self._eval(value, frame) for _, value in node.items)
            return Value(kind="tuple", elements=elements, varies=_varies(elements))
        if isinstance(node, (nodes.ListComp, nodes.SetComp, nodes.GeneratorExp, nodes.DictComp)):
            return self._comprehension(node, frame)
        if isinstance(node, nodes.NamedExpr):
            value = self._eval(node.value, frame)
            self._bind(node.target, value, frame)
            return value
        if isinstance(node, (nodes.Starred, nodes.Await)):
            return self._eval(node.value, frame)
        if isinstance(node, nodes.JoinedStr):
            for part in node.values:
                if isinstance(part, nodes.FormattedValue):
                    self._eval(part.value, frame)  # f"{f1_score(...):.3f}" still computes a metric
        return UNKNOWN

    def _name(self, name: str, frame: _Frame) -> Value:
        value = frame.get(name)
        if value is not None:
            return value
        part = _part_from_name(name)
        value = (
            Value(kind="data", lineage=frozenset({next(self._ids)}), part=part, label=name, marked_by=name)
            if part
            else Value(kind="unknown", label=name)
        )
        frame.values[name] = value
        return value

    def _attribute(self, node: nodes.Attribute, frame: _Frame) -> Value:
        stored = frame.get(node.as_string())
        if stored is not None:
            return stored
        base = self._eval(node.expr, frame)
        if base.is_data:
            return UNKNOWN if node.attrname in METADATA_ATTRIBUTES else base
        if base.kind == "estimator" and node.attrname == "best_estimator_":
            return base
        if base.kind == "prediction":
            return base
        if base.kind == "unknown" and isinstance(node.expr, nodes.Name) and node.expr.name == "self":
            return self._name(node.as_string(), frame)
        return UNKNOWN

    def _subscript(self, node: nodes.Subscript, frame: _Frame) -> Value:
        base = self._eval(node.value, frame)
        if isinstance(node.slice, nodes.Slice):
            return self._slice(base, node)
        index = self._eval(node.slice, frame)
        if base.kind == "tuple" and isinstance(node.slice, nodes.Const) and isinstance(node.slice.value, int):
            elements = base.elements
            return elements[node.slice.value] if -len(elements) <= node.slice.value < len(elements) else UNKNOWN
        if index.kind == "index" and base.kind in ("data", "unknown"):
            lineage = base.lineage or frozenset({next(self._ids)})
            return Value(
                kind="data", lineage=lineage, part=index.part, fold=index.fold, label=node.as_string(),
                varies=base.varies | index.varies, split_line=index.split_line,
            )
        if base.is_data:
            selected = _selected_columns(node.slice)
            if selected is not None and base.model_columns:
                chosen = frozenset(pair for pair in base.model_columns if pair[0] in selected)
                base = base.derived(model_columns=chosen)
            return base.derived(varies=base.varies | index.varies, subset=base.subset or _selects_rows(node.slice))
        if base.kind in ("prediction", "score"):
            return base
        return UNKNOWN

    def _slice(self, base: Value, node: nodes.Subscript) -> Value:
        """``df.iloc[:n]`` is a first part, ``df.iloc[n:]`` a last part: a split when both are taken."""
        if not base.is_data or base.part is not None:
            return base
        lower, upper = node.slice.lower, node.slice.upper
        if (lower is None) == (upper is None) or node.slice.step is not None:
            return base
        bound = (upper or lower).as_string()
        side = TRAIN if lower is None else TEST
        other = TEST if side == TRAIN else TRAIN
        key = (base.lineage, bound)
        if self._slices.get(key) == other:
            self._record_split(node, base, "slice")
            return base.derived(part=side, split_line=node.lineno)
        self._slices[key] = side
        return base.derived(part=TRAIN, split_line=node.lineno) if side == TRAIN else base

    def _compare(self, node: nodes.Compare, frame: _Frame) -> Value:
        operands = [self._eval(node.left, frame)] + [self._eval(right, frame) for _, right in node.ops]
        for left, right in zip(operands, operands[1:]):
            if left.kind == "score" and right.kind == "score":
                self.result.comparisons.append(ScoreComparison(node, left, right))
        return self._combine(*operands)

    def _comprehension(self, node: nodes.NodeNG, frame: _Frame) -> Value:
        scratch = frame.copy()
        with contextlib.ExitStack() as loops:
            for generator in node.generators:
                iterable = self._eval(generator.iter, scratch)
                loop = loops.enter_context(self._loop(node))
                self._bind(generator.target, self._element(iterable, generator.iter, loop), scratch)
                for condition in generator.ifs:
                    self._eval(condition, scratch)
            if isinstance(node, nodes.DictComp):
                result = self._combine(self._eval(node.key, scratch), self._eval(node.value, scratch))
            else:
                result = self._eval(node.elt, scratch)
        return Value(kind="tuple", elements=(result,), varies=result.varies)

    def _element(self, iterable: Value, node: nodes.NodeNG, loop: int) -> Value:
        """What a loop variable holds on each turn of a loop over ``iterable``."""
        varies = frozenset({loop})
        if iterable.kind == "folds":
            return Value(
                kind="tuple",
                elements=(
                    Value(kind="index", part=TRAIN, fold=True, varies=varies, split_line=node.lineno),
                    Value(kind="index", part=TEST, fold=True, varies=varies, split_line=node.lineno),
                ),
                varies=varies,
            )
        if iterable.kind == "tuple" and iterable.elements:
            if all(element.kind == "tuple" for element in iterable.elements):
                width = min(len(element.elements) for element in iterable.elements)
                columns = tuple(
                    self._candidate(element.elements[position] for element in iterable.elements).derived(
                        varies=varies
                    )
                    for position in range(width)
                )
                return Value(kind="tuple", elements=columns, varies=varies)
            return self._candidate(iterable.elements).derived(varies=iterable.varies | varies)
        if iterable.is_data:
            return iterable.derived(varies=iterable.varies | varies)
        return Value(kind="unknown", varies=varies)

    def _candidate(self, values: Iterable[Value]) -> Value:
        """One of several values a loop goes through: estimators become one new candidate."""
        values = list(values)
        if values and all(value.kind == "estimator" for value in values):
            roles = {value.role for value in values}
            identity = next(self._ids)
            candidate = Value(kind="estimator", identity=identity, role=roles.pop() if len(roles) == 1 else "model")
            self.result.estimators[identity] = candidate
            return candidate
        return self._combine(*values)

    # --- calls -------------------------------------------------------------------

    def _call(self, node: nodes.Call, frame: _Frame) -> Value:
        args = [self._eval(argument, frame) for argument in node.args]
        keywords = {keyword.arg: self._eval(keyword.value, frame) for keyword in node.keywords or ()}
        self._key_function(node, args, frame)
        function = self._local_function(node)
        if function is not None:
            return self._call_function(function, args, keywords, frame, standalone=False)
        name = qualified_name(node.func)
        if name is not None:
            return self._library_call(node, name, args, keywords)
        if isinstance(node.func, nodes.Attribute):
            return self._method_call(node, self._eval(node.func.expr, frame), args, keywords, frame)
        return self._combine(*args, *keywords.values()) if _any_data(args, keywords) else UNKNOWN

    def _key_function(self, node: nodes.Call, args: list[Value], frame: _Frame) -> None:
        """``max(models, key=lambda m: score(m))`` runs the lambda once per item, like a loop."""
        key = next((keyword.value for keyword in node.keywords or () if keyword.arg == "key"), None)
        if not isinstance(key, nodes.Lambda) or not args or not key.args.args:
            return
        with self._loop(node) as loop:
            scratch = frame.copy()
            scratch.values[key.args.args[0].name] = self._element(args[0], node, loop)
            self._eval(key.body, scratch)

    def _local_function(self, node: nodes.Call) -> nodes.FunctionDef | None:
        if not isinstance(node.func, nodes.Name):
            return None
        function = self._functions.get(node.func.name)
        if function is None:
            return None
        _, bindings = node.func.lookup(node.func.name)
        return function if function in bindings else None

    def _call_function(
        self,
        function: nodes.FunctionDef,
        args: list[Value],
        keywords: dict[str | None, Value],
        caller: _Frame,
        *,
        standalone: bool,
    ) -> Value:
        if function in self._calls or len(self._calls) >= MAX_CALL_DEPTH:
            return self._combine(*args, *keywords.values()) if _any_data(args, keywords) else UNKNOWN
        module_frame = caller
        while module_frame.parent is not None:
            module_frame = module_frame.parent
        frame = _Frame(parent=module_frame)
        positional = [argument.name for argument in function.args.posonlyargs + function.args.args]
        if not standalone:
            for parameter, value in zip(positional, args):
                frame.values[parameter] = value
            for argument in function.args.arguments:
                if argument.name in keywords:
                    frame.values[argument.name] = keywords[argument.name]
        self._calls.append(function)
        saved_loops, self._loops = self._loops, [] if standalone else self._loops
        try:
            self._body(function.body, frame)
        finally:
            self._calls.pop()
            self._loops = saved_loops
        returns = [value for value in frame.returns if value is not UNKNOWN]
        return returns[0] if len(returns) == 1 else self._combine(*returns)

    def _library_call(
        self, node: nodes.Call, name: str, args: list[Value], keywords: dict[str | None, Value]
    ) -> Value:
        everything = [*args, *keywords.values()]
        if name in HOLDOUT_SPLITTERS:
            return self._train_test_split(node, args)
        if name in CV_FUNCTIONS:
            return self._cross_validation(node, name, args, keywords)
        if name in RESAMPLING_FUNCTIONS:
            return self._resample_function(node, args)
        if name in ROW_CONCATENATIONS and not _concatenates_columns(node):
            return self._concatenate(node, args)
        if name in COLUMN_CONCATENATIONS:
            return self._combine(*_flatten(args))
        if is_artifact_save(name) and args:
            location = node.args[1] if len(node.args) > 1 else next(
                (k.value for k in node.keywords or () if k.arg in ("filename", "f", "file", "path")), None
            )
            self.result.saves.append(Save(next(self._seq), node, args[0], location))
            return UNKNOWN
        metric = metric_name(name)
        if metric is not None:
            return self._metric(node, metric, args)
        role = estimator_role(name)
        if role == "splitter":
            return Value(kind="splitter")
        if role is not None:
            short = name.rsplit(".", 1)[-1]
            return self._new_estimator(role, BUILT_CLASSES.get(short, short), everything)
        if is_data_source(name) and not _any_data(args, keywords):
            return Value(kind="data", lineage=frozenset({next(self._ids)}), label=node.as_string()[:40])
        if _any_data(args, keywords) or any(value.kind == "prediction" for value in everything):
            return self._combine(*everything)
        return Value(varies=_varies(everything))

    def _new_estimator(self, role: str, cls: str, arguments: list[Value]) -> Value:
        identity = next(self._ids)
        estimator = Value(
            kind="estimator", identity=identity, role=role, cls=cls,
            varies=_varies(arguments) | frozenset(self._loops),
        )
        self.result.estimators[identity] = estimator
        return estimator

    def _method_call(
        self, node: nodes.Call, receiver: Value, args: list[Value], keywords: dict[str | None, Value], frame: _Frame
    ) -> Value:
        method = node.func.attrname
        data = args[0] if args else keywords.get("X", UNKNOWN)
        if receiver.kind in ("estimator", "unknown") and method in FIT_METHODS:
            if data.kind == "unknown" and (node.args or "X" in keywords):
                # Whatever an estimator is fitted on is data, even when we cannot tell where it came from.
                data = data.derived(kind="data", lineage=frozenset({next(self._ids)}), label=_label(node))
            return self._fit(node, self._as_estimator(node.func.expr, receiver, frame), method, data, args, keywords)
        if receiver.kind in ("estimator", "unknown") and method in TRANSFORM_METHODS and data.is_data:
            estimator = self._as_estimator(node.func.expr, receiver, frame)
            self.result.applies.append(Apply(next(self._seq), node, estimator.identity, data))
            if estimator.role == "model":
                return data.derived(from_model=data.from_model | {estimator.identity})
            return data.derived(transformed_by=data.transformed_by | {estimator.identity})
        if receiver.kind == "estimator" and method == "set_params":
            # model.set_params(alpha=a) in a loop makes a new candidate each turn.
            varied = receiver.derived(varies=receiver.varies | _varies([*args, *keywords.values()]))
            if isinstance(node.func.expr, (nodes.Name, nodes.Attribute)):
                frame.values[node.func.expr.as_string()] = varied
            return varied
        if receiver.kind in ("estimator", "unknown") and method in SAVE_METHODS:
            estimator = self._as_estimator(node.func.expr, receiver, frame)
            location = node.args[0] if node.args else None
            self.result.saves.append(Save(next(self._seq), node, estimator, location))
            return UNKNOWN
        if receiver.kind in ("estimator", "unknown") and method in PREDICTION_METHODS:
            estimator = self._as_estimator(node.func.expr, receiver, frame)
            if data.is_data:
                self.result.applies.append(Apply(next(self._seq), node, estimator.identity, data))
            return Value(
                kind="prediction", identity=estimator.identity, input=data,
                varies=estimator.varies | data.varies, from_model=data.from_model | {estimator.identity},
            )
        if receiver.kind in ("estimator", "unknown") and method == "score" and data.is_data:
            estimator = self._as_estimator(node.func.expr, receiver, frame)
            return self._evaluation(node, "score", estimator.identity, data, estimator.varies)
        if receiver.kind == "splitter" and method == "split" and args:
            self._record_split(node, args[0], "cv")
            return Value(kind="folds")
        if receiver.is_data:
            return self._data_method(node, receiver, args, keywords, frame)
        if receiver.kind == "prediction":
            return receiver
        if receiver.kind == "tuple" and method in ("items", "values"):
            return receiver
        everything = [*args, *keywords.values()]
        return self._combine(*everything) if _any_data(args, keywords) else Value(varies=receiver.varies)

    def _as_estimator(self, expression: nodes.NodeNG, receiver: Value, frame: _Frame) -> Value:
        """An object used like an estimator is one, from here on, with a stable identity."""
        if receiver.kind == "estimator":
            return receiver
        identity = next(self._ids)
        estimator = receiver.derived(kind="estimator", identity=identity, role=None)
        self.result.estimators[identity] = estimator
        key = expression.as_string()
        if isinstance(expression, (nodes.Name, nodes.Attribute)):
            frame.values[key] = estimator
        return estimator

    def _fit(
        self, node: nodes.Call, estimator: Value, method: str, data: Value, args: list[Value],
        keywords: dict[str | None, Value],
    ) -> Value:
        if estimator.role == "search" and data.is_data:
            self._record_split(node, data, "cv")
        target = args[1] if len(args) > 1 else keywords.get("y", UNKNOWN)
        if data.is_data or data.kind == "prediction":
            self.result.fits.append(Fit(next(self._seq), node, estimator, data, method, target))
        if method == "fit_resample":
            if estimator.role == "oversampler" and data.is_data:
                how = f"oversampled with {estimator.cls or 'a sampler'}"
                self.result.resamples.append(Resample(next(self._seq), node, data, how))
            return Value(kind="tuple", elements=(data, target))
        if method == "fit_transform":
            return data.derived(transformed_by=data.transformed_by | {estimator.identity}) if data.is_data else UNKNOWN
        if method == "fit_predict":
            return Value(
                kind="prediction", identity=estimator.identity, input=data, varies=estimator.varies,
                from_model=data.from_model | {estimator.identity},
            )
        return estimator

    def _data_method(
        self, node: nodes.Call, receiver: Value, args: list[Value], keywords: dict[str | None, Value], frame: _Frame
    ) -> Value:
        method = node.func.attrname
        if method == "sample":
            return self._sample(node, receiver)
        if method == "drop" and receiver.part is None:
            for removed in itertools.chain(node.args, (keyword.value for keyword in node.keywords or ())):
                if isinstance(removed, nodes.Attribute) and removed.attrname == "index":
                    sampled = self._eval(removed.expr, frame)
                    if sampled.is_data and sampled.part == TRAIN and sampled.lineage & receiver.lineage:
                        self._record_split(node, receiver, "sample")
                        return receiver.derived(part=TEST, split_line=node.lineno)
        others = [value for value in (*args, *keywords.values()) if value.is_data]
        if others:
            return self._combine(receiver, *others).derived(part=receiver.part, fold=receiver.fold)
        if method in _ROW_FILTERS:
            return receiver.derived(subset=True)
        return receiver

    def _sample(self, node: nodes.Call, receiver: Value) -> Value:
        fraction = _keyword_number(node, "frac")
        replace = _keyword_constant(node, "replace")
        if replace is True or (fraction is not None and fraction > 1):
            self.result.resamples.append(Resample(next(self._seq), node, receiver, "sampled with replacement"))
            return receiver
        if fraction is not None and fraction < 1 and receiver.part is None:
            return receiver.derived(part=TRAIN, split_line=node.lineno)
        return receiver

    def _train_test_split(self, node: nodes.Call, args: list[Value]) -> Value:
        parts: list[Value] = []
        for argument in args:
            data = argument if argument.is_data else Value(kind="data", lineage=frozenset({next(self._ids)}))
            self._record_split(node, data, "holdout")
            held_out = VALIDATION if data.part == TRAIN else TEST
            parts.append(data.derived(part=TRAIN if data.part in (None, TRAIN) else data.part, split_line=node.lineno))
            parts.append(data.derived(part=held_out, split_line=node.lineno))
        return Value(kind="tuple", elements=tuple(parts))

    def _cross_validation(
        self, node: nodes.Call, name: str, args: list[Value], keywords: dict[str | None, Value]
    ) -> Value:
        estimator = args[0] if args else keywords.get("estimator", UNKNOWN)
        data = args[1] if len(args) > 1 else keywords.get("X", UNKNOWN)
        if data.is_data:
            self._record_split(node, data, "cv")
            self._evaluation(
                node, name.rsplit(".", 1)[-1], estimator.identity, data.derived(fold=True), estimator.varies,
                cross_validated=True,
            )
        if name.endswith("cross_val_predict"):
            return Value(kind="prediction", identity=estimator.identity, input=data.derived(fold=True))
        return Value(kind="score", identity=estimator.identity, input=data, varies=estimator.varies)

    def _resample_function(self, node: nodes.Call, args: list[Value]) -> Value:
        if _keyword_constant(node, "replace") is not False:
            for data in args:
                if data.is_data:
                    self.result.resamples.append(Resample(next(self._seq), node, data, "resampled with replacement"))
        return Value(kind="tuple", elements=tuple(args)) if len(args) > 1 else (args[0] if args else UNKNOWN)

    def _concatenate(self, node: nodes.Call, args: list[Value]) -> Value:
        pieces = [piece for piece in _flatten(args) if piece.is_data]
        if not pieces:
            return self._combine(*args)
        if node.args and isinstance(node.args[0], nodes.BinOp) and node.args[0].op == "*":
            # pd.concat([df] * 2): the same rows several times over.
            self.result.resamples.append(Resample(next(self._seq), node, pieces[0], "repeated in a concatenation"))
            return self._combine(*pieces)
        for first, second in itertools.combinations(pieces, 2):
            same_rows = first.lineage & second.lineage and first.part == second.part and not first.fold
            if same_rows and not (first.subset and second.subset):
                self.result.resamples.append(Resample(next(self._seq), node, first, "concatenated with its own rows"))
                break
        return self._combine(*pieces)

    def _metric(self, node: nodes.Call, metric: str, args: list[Value]) -> Value:
        predictions = [value for value in args if value.kind == "prediction"]
        truths = [value for value in args if value.is_data]
        if predictions and predictions[0].input is not None and predictions[0].input.is_data:
            data = predictions[0].input
        elif truths:
            data = truths[0]
        else:
            data = UNKNOWN
        identity = predictions[0].identity if predictions else None
        varies = _varies(predictions)
        if data.is_data or identity is not None:
            return self._evaluation(node, metric, identity, data, varies)
        return Value(kind="score")

    def _evaluation(
        self, node: nodes.Call, metric: str, identity: int | None, data: Value, candidate_varies: frozenset[int],
        *, cross_validated: bool = False,
    ) -> Value:
        self.result.evaluations.append(
            Evaluation(
                next(self._seq), node, metric, identity, data, candidate_varies, tuple(self._loops), cross_validated
            )
        )
        return Value(kind="score", identity=identity, input=data, varies=candidate_varies | data.varies)

    def _record_split(self, node: nodes.NodeNG, data: Value, kind: str) -> None:
        if data.is_data:
            self.result.splits.append(Split(next(self._seq), node, data, kind))

    # --- combining values ------------------------------------------------------------

    def _combine(self, *values: Value) -> Value:
        """The value of an expression built from ``values`` (arithmetic, concatenation...)."""
        varies = _varies(values)
        for kind in ("prediction", "data", "score", "estimator"):
            matching = [value for value in values if value.kind == kind]
            if not matching:
                continue
            first = matching[0]
            from_model = frozenset().union(*(value.from_model for value in values))
            model_columns = frozenset().union(*(value.model_columns for value in values))
            if kind != "data":
                return first.derived(varies=varies, from_model=from_model | frozenset(m for _, m in model_columns))
            part = _combined_part({value.part for value in matching})
            lineage = frozenset().union(*(value.lineage for value in matching))
            transformed_by = frozenset().union(*(value.transformed_by for value in matching))
            return first.derived(
                lineage=lineage, part=part, varies=varies, fold=all(v.fold for v in matching),
                transformed_by=transformed_by, from_model=from_model, model_columns=model_columns,
            )
        return Value(varies=varies)


def _combined_part(parts: set[str | None]) -> str | None:
    """Train and validation rows together are still training data; with test rows they are mixed."""
    if len(parts) == 1:
        return next(iter(parts))
    if TEST in parts or MIXED in parts:
        return MIXED if parts & {TRAIN, VALIDATION, MIXED} else None
    return TRAIN if parts <= {TRAIN, VALIDATION} else None


def _label(call: nodes.Call) -> str:
    argument = call.args[0] if call.args else next(k.value for k in call.keywords or () if k.arg == "X")
    return argument.as_string()[:40]


def _varies(values: Iterable[Value]) -> frozenset[int]:
    return frozenset().union(*(value.varies for value in values))


def _any_data(args: list[Value], keywords: dict[str | None, Value]) -> bool:
    return any(value.is_data for value in (*args, *keywords.values()))


def _flatten(values: Iterable[Value]) -> list[Value]:
    flat = []
    for value in values:
        flat.extend(_flatten(value.elements) if value.kind == "tuple" else [value])
    return flat


def _part_from_name(name: str) -> str | None:
    for pattern, part in _PART_NAMES:
        if pattern.search(name.rsplit(".", 1)[-1]):
            return part
    return None


def _selects_rows(index: nodes.NodeNG) -> bool:
    """``df[mask]`` selects rows; ``df["col"]``, ``df[["a", "b"]]`` and ``df.loc[:, cols]`` select columns."""
    if isinstance(index, nodes.Const):
        return not isinstance(index.value, str)
    if isinstance(index, (nodes.List, nodes.Tuple)):
        if isinstance(index, nodes.Tuple) and index.elts and isinstance(index.elts[0], nodes.Slice):
            return False
        return not all(isinstance(item, nodes.Const) and isinstance(item.value, str) for item in index.elts)
    if isinstance(index, nodes.Name):
        # FEATURES-style constants hold column names; other names are usually masks.
        return not index.name.isupper()
    return True


def _selected_columns(index: nodes.NodeNG) -> frozenset[str] | None:
    """The columns ``df[...]`` selects by name, or ``None`` when it selects rows or unknown columns."""
    if isinstance(index, nodes.Const) and isinstance(index.value, str):
        return frozenset({index.value})
    columns = column_list(index)
    return frozenset(columns) if columns else None


def _concatenates_columns(node: nodes.Call) -> bool:
    axis = _keyword_constant(node, "axis")
    if axis in (1, "columns", -1):
        return True
    return len(node.args) > 1 and isinstance(node.args[1], nodes.Const) and node.args[1].value in (1, "columns")


def _keyword_constant(node: nodes.Call, name: str) -> object:
    for keyword in node.keywords or ():
        if keyword.arg == name and isinstance(keyword.value, nodes.Const):
            return keyword.value.value
    return None


def _keyword_number(node: nodes.Call, name: str) -> float | None:
    value = _keyword_constant(node, name)
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
