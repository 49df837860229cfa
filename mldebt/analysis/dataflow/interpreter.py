"""The interpreter's walk: statements, expressions, scopes and calls of the module's own functions.

What a library call means (splits, fits, evaluations) lives in ``library``.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable

from astroid import nodes

from mldebt.analysis.apis import (
    FIT_METHODS,
    METADATA_ATTRIBUTES,
    PREDICTION_METHODS,
    TRAINING_METHODS,
    TRANSFORM_METHODS,
)
from mldebt.analysis.dataflow.events import Provenance, ScoreComparison
from mldebt.analysis.dataflow.frames import Frame
from mldebt.analysis.dataflow.library import LibraryCalls
from mldebt.analysis.dataflow.syntax import (
    names_part,
    part_from_name,
    root_name,
    row_slice,
    selected_columns,
    selects_rows,
)
from mldebt.analysis.dataflow.values import (
    HELD_OUT,
    TEST,
    TRAIN,
    UNKNOWN,
    VALIDATION,
    Value,
    any_data,
    combine,
    flatten,
    varies_of,
)
from mldebt.analysis.names import qualified_name
from mldebt.analysis.tree_index import descendants

MAX_CALL_DEPTH = 2
# Methods by which the outside sees an object as an estimator, whatever its own body does.
ESTIMATOR_METHODS = FIT_METHODS | TRAINING_METHODS | TRANSFORM_METHODS | PREDICTION_METHODS | {"score", "evaluate"}


class Interpreter(LibraryCalls):
    """Interprets a module's statements over abstract values, recording what happens to its data."""

    def __init__(self, module: nodes.Module) -> None:
        self.module = module
        self.result = Provenance()
        self._seq = itertools.count()
        self._ids = itertools.count(1)
        self._loops: list[int] = []
        self._calls: list[nodes.FunctionDef] = []
        self._slices: dict[tuple[frozenset[int], str | None, str], str] = {}
        self._functions = {
            node.name: node for node in module.body if isinstance(node, (nodes.FunctionDef, nodes.AsyncFunctionDef))
        }
        # The module's classes by name: the definition each instance was last built from.
        self._classes: dict[str, nodes.ClassDef] = {
            node.name: node for node in module.body if isinstance(node, nodes.ClassDef)
        }

    def run(self) -> Provenance:
        module_frame = Frame()
        self._body(self.module.body, module_frame)
        for function in descendants(self.module, (nodes.FunctionDef, nodes.AsyncFunctionDef)):
            self._call_function(function, [], {}, module_frame, standalone=True)
        return self.result

    # --- statements ----------------------------------------------------------------

    def _body(self, statements: list[nodes.NodeNG], frame: Frame) -> None:
        for statement in statements:
            self._statement(statement, frame)

    def _statement(self, node: nodes.NodeNG, frame: Frame) -> None:
        if isinstance(node, nodes.Assign):
            value = self._eval(node.value, frame)
            for target in node.targets:
                self._bind(target, value, frame)
        elif isinstance(node, nodes.AnnAssign):
            if node.value is not None:
                self._bind(node.target, self._eval(node.value, frame), frame)
        elif isinstance(node, nodes.AugAssign):
            value = combine(self._eval(node.target, frame), self._eval(node.value, frame))
            self._bind(node.target, value, frame)
        elif isinstance(node, nodes.Expr) and isinstance(node.value, nodes.Yield):
            # A generator's batches are what calling it gives back.
            frame.returns.append(self._eval(node.value.value, frame))
        elif isinstance(node, nodes.Expr):
            self._eval(node.value, frame)
        elif isinstance(node, nodes.Return):
            frame.returns.append(self._eval(node.value, frame) if node.value else UNKNOWN)
        elif isinstance(node, nodes.If):
            test = self._eval(node.test, frame)
            if test.truth is not None:
                # ``if pred[i] == y[i]: correct += 1``: a hand-written accuracy counted in a loop.
                self._hand_written_metric(node.test, test)
            self._branches(frame, node.body, node.orelse)
        elif isinstance(node, (nodes.For, nodes.AsyncFor)):
            iterable = self._eval(node.iter, frame)
            frames = _named_frames(node, iterable, frame)
            with self._loop(node) as loop:
                if frames:
                    self._each_frame(node, frames, frame)
                else:
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

    def _each_frame(self, node: nodes.For, frames: list[tuple[str, Value]], frame: Frame) -> None:
        """``for dataset in [train_df, test_df]: dataset["Age"].fillna(dataset["Age"].median(), inplace=True)``.

        A loop over a few named frames changes each of them in turn: the body runs once per frame, and what
        the loop variable holds at the end of a turn is what that frame holds from then on.
        """
        for name, value in frames:
            self._bind(node.target, value, frame)
            # Messages name the frame the turn works on, not the loop variable.
            frame.values[node.target.name] = frame.values[node.target.name].derived(label=name)
            self._body(node.body, frame)
            changed = frame.values.get(node.target.name)
            if changed is not None and changed.is_data and frame.get(name) is value:
                frame.values[name] = changed.derived(label=value.label, part=value.part, varies=value.varies)

    def _branches(self, frame: Frame, *branches: list[nodes.NodeNG]) -> None:
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

    def _bind(self, target: nodes.NodeNG, value: Value, frame: Frame) -> None:
        if isinstance(target, nodes.AssignName):
            if value.is_data:
                # ``X_test = frame.drop(...)``: the name is the evidence when the rows themselves say nothing.
                # Held-out rows named `valid_*` are validation rows even where a split's position says test.
                named = part_from_name(target.name) if value.part in (None, *HELD_OUT) else None
                # Training rows bound to `X_dev` or `valid_df` (and no `train` in the name) are carved off for
                # validation, by a helper or a mask we cannot read; a split in this very statement
                # (`docs_dev, docs_test = train_test_split(...)`) says by position what its parts are.
                validation_name = part_from_name(target.name) == VALIDATION and not names_part(target.name, TRAIN)
                if value.part == TRAIN and validation_name and not _split_here(target, value):
                    named = VALIDATION
                value = value.derived(label=target.name, part=named if named in HELD_OUT else value.part)
            frame.values[target.name] = value
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
            self._set_column(target.expr, target.attrname, value, frame)
        elif isinstance(target, nodes.Subscript):
            column = target.slice.value if isinstance(target.slice, nodes.Const) else None
            self._set_column(target.value, column, value, frame)

    def _set_column(self, frame_expression: nodes.NodeNG, column: object, value: Value, frame: Frame) -> None:
        """``df["x"] = ...``, ``df.loc[m, "x"] = ...``, ``df.x = ...``: the frame takes on what the value holds."""
        root = root_name(frame_expression)
        container = frame.get(root.name) if root is not None else None
        if container is None or not container.is_data or value.kind not in ("data", "prediction", "statistic"):
            return
        from_model, model_columns = container.from_model, container.model_columns
        if isinstance(column, str):
            model_columns = model_columns | {(column, model) for model in value.models_behind}
        else:
            from_model = from_model | value.models_behind
        frame.values[root.name] = container.derived(
            lineage=container.lineage | value.lineage,
            transformed_by=container.transformed_by | value.transformed_by,
            from_model=from_model,
            model_columns=model_columns,
        )

    # --- expressions -----------------------------------------------------------------

    def _eval(self, node: nodes.NodeNG | None, frame: Frame) -> Value:
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
            return combine(left, right)
        if isinstance(node, nodes.Compare):
            return self._compare(node, frame)
        if isinstance(node, nodes.BoolOp):
            return combine(*(self._eval(value, frame) for value in node.values))
        if isinstance(node, nodes.UnaryOp):
            operand = self._eval(node.operand, frame)
            # ``~df.index.isin(train_idx)`` masks every other row, of no part we know.
            return UNKNOWN if node.op == "~" and operand.kind == "index" else operand
        if isinstance(node, nodes.IfExp):
            test = self._eval(node.test, frame)
            chosen = combine(self._eval(node.body, frame), self._eval(node.orelse, frame))
            # ``1 if x > df.x.mean() else 0`` thresholds at the statistic: what it picks is shaped by it.
            return combine(test, chosen) if test.is_data and test.transformed_by else chosen
        if isinstance(node, (nodes.Tuple, nodes.List, nodes.Set)):
            elements = tuple(self._eval(element, frame) for element in node.elts)
            return Value(kind="tuple", elements=elements, varies=varies_of(elements))
        if isinstance(node, nodes.Dict):
            elements = tuple(self._eval(value, frame) for _, value in node.items)
            return Value(kind="tuple", elements=elements, varies=varies_of(elements))
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

    def _name(self, name: str, frame: Frame) -> Value:
        value = frame.get(name)
        if value is not None:
            return value
        value = self._named_only(name)
        frame.values[name] = value
        return value

    def _named_only(self, name: str) -> Value:
        """A value known by its name alone: ``X_test`` is held-out data of unknown origin."""
        part = part_from_name(name)
        if part:
            return Value(kind="data", lineage=frozenset({next(self._ids)}), part=part, label=name, marked_by=name)
        return Value(kind="unknown", label=name)

    def _attribute(self, node: nodes.Attribute, frame: Frame) -> Value:
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

    def _subscript(self, node: nodes.Subscript, frame: Frame) -> Value:
        base = self._eval(node.value, frame)
        rows = row_slice(node.slice)
        if rows is not None:
            return self._slice(base, node, rows)
        index = self._eval(node.slice, frame)
        if isinstance(node.slice, nodes.Tuple) and node.slice.elts and index.kind == "tuple":
            # X[rows, cols], X.loc[rows, cols]: the first position picks the rows.
            rows_index = index.elements[0] if index.elements else UNKNOWN
            index = rows_index if rows_index.kind == "index" else index
        if base.kind == "tuple" and isinstance(node.slice, nodes.Const) and isinstance(node.slice.value, int):
            elements = base.elements
            return elements[node.slice.value] if -len(elements) <= node.slice.value < len(elements) else UNKNOWN
        if index.kind == "index" and base.kind in ("data", "unknown"):
            lineage = base.lineage or frozenset({next(self._ids)})
            return base.derived(
                kind="data", lineage=lineage, part=index.part, fold=index.fold, label=node.as_string(),
                varies=base.varies | index.varies, split_line=index.split_line,
            )
        if base.is_data:
            selected = selected_columns(node.slice)
            if selected is not None and base.model_columns:
                chosen = frozenset(pair for pair in base.model_columns if pair[0] in selected)
                base = base.derived(model_columns=chosen)
            return base.derived(varies=base.varies | index.varies, subset=base.subset or selects_rows(node.slice))
        # ``df.groupby("title").age.mean()["Mr"]``: one entry of a statistic is still the statistic.
        if base.kind in ("prediction", "score", "statistic"):
            return base
        return UNKNOWN

    def _compare(self, node: nodes.Compare, frame: Frame) -> Value:
        operands = [self._eval(node.left, frame)] + [self._eval(right, frame) for _, right in node.ops]
        for left, right in zip(operands, operands[1:]):
            if left.kind == "score" and right.kind == "score":
                self.result.comparisons.append(ScoreComparison(node, left, right))
        return _matched(node, operands) or combine(*operands)

    def _comprehension(self, node: nodes.NodeNG, frame: Frame) -> Value:
        scratch = frame.copy()
        with contextlib.ExitStack() as loops:
            for generator in node.generators:
                iterable = self._eval(generator.iter, scratch)
                loop = loops.enter_context(self._loop(node))
                self._bind(generator.target, self._element(iterable, generator.iter, loop), scratch)
                for condition in generator.ifs:
                    kept = self._eval(condition, scratch)
                    if kept.truth is not None:
                        self._hand_written_metric(condition, kept)  # sum(1 for p, t in zip(pred, y) if p == t)
            if isinstance(node, nodes.DictComp):
                result = combine(self._eval(node.key, scratch), self._eval(node.value, scratch))
            else:
                result = self._eval(node.elt, scratch)
        return Value(kind="tuple", elements=(result,), varies=result.varies)

    def _element(self, iterable: Value, node: nodes.NodeNG, loop: int) -> Value:
        """What a loop variable holds on each turn of a loop over ``iterable``."""
        varies = frozenset({loop})
        if iterable.kind == "zip":
            elements = tuple(self._element(element, node, loop) for element in iterable.elements)
            return Value(kind="tuple", elements=elements, varies=varies)
        if iterable.kind in ("folds", "splitter"):
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
        if iterable.kind == "prediction":
            # Each element of one model's predictions: the same model, not a candidate per turn.
            return iterable
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
        return combine(*values)

    # --- calls -------------------------------------------------------------------

    def _call(self, node: nodes.Call, frame: Frame) -> Value:
        function = self._local_function(node)
        class_def = self._definition(node.func, nodes.ClassDef) if function is None else None
        name = qualified_name(node.func) if function is None and class_def is None else None
        # Python evaluates the receiver before the arguments: in ``scaler.fit(X).transform(X)`` the second X is
        # the data the fit made of it.
        receiver = None
        if function is None and class_def is None and name is None and isinstance(node.func, nodes.Attribute):
            receiver = self._eval(node.func.expr, frame)
        args = [self._eval(argument, frame) for argument in node.args]
        keywords = {keyword.arg: self._eval(keyword.value, frame) for keyword in node.keywords or ()}
        self._key_function(node, args, frame)
        shown = [value for value in flatten([*args, *keywords.values()]) if value.kind == "score" and value.input is not None]
        if len(shown) > 1:
            # print(train_acc, val_acc), pd.DataFrame({"train": [...], "validation": [...]}): one report.
            self.result.shown_together.append(tuple(shown))
        if function is not None:
            return self._call_function(function, args, keywords, frame, standalone=False)
        if class_def is not None:
            return self._instantiate(class_def, args, keywords, frame)
        if name is not None:
            return self._library_call(node, name, args, keywords, frame)
        if receiver is not None:
            method = self._method_of(receiver, node.func.attrname)
            if method is not None:
                returned = self._call_function(method, [receiver, *args], keywords, frame, standalone=False)
                # A class of the notebook's own that fits and predicts is also an estimator to the outside.
                if node.func.attrname not in ESTIMATOR_METHODS:
                    return returned
            return self._method_call(node, receiver, args, keywords, frame)
        return combine(*args, *keywords.values()) if any_data(args, keywords) else UNKNOWN

    def _instantiate(
        self, class_def: nodes.ClassDef, args: list[Value], keywords: dict[str | None, Value], frame: Frame
    ) -> Value:
        """``CSVDataset(X, y)``: an instance of the module's own class, holding the data it was built from."""
        self._classes[class_def.name] = class_def
        built = combine(*args, *keywords.values()) if any_data(args, keywords) else Value()
        instance = built.derived(instance_of=class_def.name)
        initializer = self._method_of(instance, "__init__")
        if initializer is not None:
            self._call_function(initializer, [instance, *args], keywords, frame, standalone=False)
        return instance

    def _method_of(self, receiver: Value, name: str) -> nodes.FunctionDef | None:
        """The method ``name`` of the receiver's own class or of the module's classes it derives from."""
        pending = [self._classes.get(receiver.instance_of)] if receiver.instance_of else []
        seen: set[str] = set()
        while pending:
            class_def = pending.pop(0)
            if class_def is None or class_def.name in seen:
                continue
            seen.add(class_def.name)
            for statement in class_def.body:
                if isinstance(statement, (nodes.FunctionDef, nodes.AsyncFunctionDef)) and statement.name == name:
                    return statement
            pending.extend(self._definition(base, nodes.ClassDef) for base in class_def.bases)
        return None

    def _key_function(self, node: nodes.Call, args: list[Value], frame: Frame) -> None:
        """``max(models, key=lambda m: score(m))`` runs the lambda once per item, like a loop."""
        key = next((keyword.value for keyword in node.keywords or () if keyword.arg == "key"), None)
        if not isinstance(key, nodes.Lambda) or not args or not key.args.args:
            return
        with self._loop(node) as loop:
            scratch = frame.copy()
            scratch.values[key.args.args[0].name] = self._element(args[0], node, loop)
            self._eval(key.body, scratch)

    def _local_function(self, node: nodes.Call) -> nodes.FunctionDef | None:
        return self._function_named(node.func)

    def _function_named(self, name: nodes.NodeNG) -> nodes.FunctionDef | None:
        """The module's own function a name refers to here (the latest definition, when a notebook redefines it)."""
        return self._definition(name, (nodes.FunctionDef, nodes.AsyncFunctionDef))

    def _definition(self, name: nodes.NodeNG, kinds: type | tuple[type, ...]) -> nodes.NodeNG | None:
        """The module's own function or class a name refers to here (the latest definition of that name)."""
        known = self._functions if kinds is not nodes.ClassDef else self._classes
        if not isinstance(name, nodes.Name) or name.name not in known:
            return None
        _, bindings = name.lookup(name.name)
        definitions = [binding for binding in bindings if isinstance(binding, kinds)]
        return definitions[-1] if definitions else None

    def _call_function(
        self,
        function: nodes.FunctionDef,
        args: list[Value],
        keywords: dict[str | None, Value],
        caller: Frame,
        *,
        standalone: bool,
    ) -> Value:
        if function in self._calls or len(self._calls) >= MAX_CALL_DEPTH:
            return combine(*args, *keywords.values()) if any_data(args, keywords) else UNKNOWN
        module_frame = caller
        while module_frame.parent is not None:
            module_frame = module_frame.parent
        frame = Frame(parent=module_frame)
        positional = [argument.name for argument in function.args.posonlyargs + function.args.args]
        # Parameters hide the module's globals of the same name, also those the call leaves to defaults.
        for parameter in function.argnames():
            frame.values[parameter] = self._named_only(parameter)
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
        return returns[0] if len(returns) == 1 else combine(*returns)


def _matched(node: nodes.Compare, operands: list[Value]) -> Value | None:
    """``pred == y``: one model's predictions held against true values, element by element."""
    if len(operands) != 2 or node.ops[0][0] not in ("==", "!="):
        return None
    predictions = [value for value in operands if value.kind == "prediction" and value.identity is not None]
    truths = [value for value in operands if value.is_data]
    if len(predictions) != 1 or len(truths) != 1:
        return None
    return predictions[0].derived(truth=truths[0], label=node.as_string())


# Loops over this many named frames or fewer (train, validation, test) run once per frame.
_MAX_FRAMES_UNROLLED = 4


def _named_frames(node: nodes.For, iterable: Value, frame: Frame) -> list[tuple[str, Value]]:
    """The frames a loop goes through by name, when it goes through a short list of them: ``[train, test]``."""
    elements = iterable.elements if iterable.kind == "tuple" else ()
    if not isinstance(node.target, nodes.AssignName) or not 2 <= len(elements) <= _MAX_FRAMES_UNROLLED:
        return []
    if not all(element.is_data and element.label and frame.get(element.label) is element for element in elements):
        return []
    return [(element.label, element) for element in elements]


def _split_here(target: nodes.AssignName, value: Value) -> bool:
    statement = target.statement()
    return value.split_line is not None and statement.fromlineno <= value.split_line <= statement.tolineno
