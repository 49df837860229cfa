"""What library calls mean to the data: splits, fits, transforms, predictions, metrics, resampling, saves.

A mixin of the interpreter (``interpreter.Interpreter``): it reads and records
through the interpreter's state (``result``, ``_seq``, ``_ids``, ``_loops``,
``_slices``) and evaluates sub-expressions with its ``_eval``.
"""

from __future__ import annotations

import itertools

from astroid import nodes

from mldebt.analysis.apis import (
    ARRAY_BUILDERS,
    BINNING_FUNCTIONS,
    BUILT_CLASSES,
    COLUMN_CONCATENATIONS,
    CV_FUNCTIONS,
    DATASET_SPLITTERS,
    FIT_METHODS,
    FITTING_FUNCTIONS,
    HOLDOUT_SPLITTERS,
    MATCH_AGGREGATION_FUNCTIONS,
    MATCH_AGGREGATION_METHODS,
    PREDICTION_METHODS,
    RESAMPLE_METHODS,
    RESAMPLING_FUNCTIONS,
    ROW_CONCATENATIONS,
    SAVE_METHODS,
    STATISTIC_FUNCTIONS,
    STATISTIC_METHODS,
    TRANSFORM_METHODS,
    estimator_role,
    is_artifact_save,
    is_data_source,
    metric_name,
)
from mldebt.analysis.dataflow.events import Apply, Evaluation, Fit, Resample, Save, Split
from mldebt.analysis.dataflow.frames import Frame
from mldebt.analysis.dataflow.syntax import (
    concatenates_columns,
    keyword_constant,
    keyword_number,
    keywords_node,
    part_from_path,
    root_name,
)
from mldebt.analysis.dataflow.values import (
    MIXED,
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

# Methods that call a function on each column of a frame (or on the whole frame, for ``pipe``).
_COLUMN_CALLBACKS = frozenset({"apply", "transform", "agg", "aggregate", "pipe"})
# Keras before 2.1 trained on batches from a generator with ``fit_generator(generator, validation_data=...)``.
_FIT_METHODS = FIT_METHODS | {"fit_generator"}
_ROW_FILTERS = frozenset({"query", "head", "tail", "nlargest", "nsmallest", "dropna", "drop_duplicates"})


class LibraryCalls:
    """Calls of ML and data libraries, and methods of the values they return."""

    def _slice(self, base: Value, node: nodes.Subscript, rows: nodes.Slice) -> Value:
        """``df.iloc[:n]`` is a first part, ``df.iloc[n:]`` a last part: a split when both are taken.

        Sliced by position, a concatenation of train and test rows gives them back: the first part is the
        training rows, the last the test rows. A training part cut the same way (``X_train[:1200]`` and
        ``X_train[1200:]``) gives training and validation rows.
        """
        if not base.is_data or base.part not in (None, MIXED, TRAIN):
            return base
        lower, upper = rows.lower, rows.upper
        if isinstance(lower, nodes.Const) and lower.value == 0:
            lower = None  # df.iloc[0:n] is df.iloc[:n]
        step = None if isinstance(rows.step, nodes.Const) and rows.step.value == 1 else rows.step
        if (lower is None) == (upper is None) or step is not None:
            return base
        if base.part == MIXED:
            return base.derived(part=TRAIN if lower is None else TEST, split_line=node.lineno)
        bound = (upper or lower).as_string()
        held_out = VALIDATION if base.part == TRAIN else TEST
        side = TRAIN if lower is None else held_out
        other = held_out if side == TRAIN else TRAIN
        key = (base.lineage, base.part, bound)
        if self._slices.get(key) == other:
            self._record_split(node, base, "slice")
            return base.derived(part=side, split_line=node.lineno)
        self._slices[key] = side
        # A last block on its own (``df[1:]``) is not yet a held-out part, but it is only some of the rows.
        return base.derived(part=TRAIN, split_line=node.lineno) if side == TRAIN else base.derived(subset=True)

    def _library_call(
        self, node: nodes.Call, name: str, args: list[Value], keywords: dict[str | None, Value], frame: Frame
    ) -> Value:
        everything = [*args, *keywords.values()]
        if name in ("builtins.enumerate", "builtins.zip"):
            # Iterated in lock-step: a loop over it binds one element of each (a counter first for enumerate).
            return Value(kind="zip", elements=((UNKNOWN, *args[:1]) if name == "builtins.enumerate" else tuple(args)))
        if name in ("builtins.list", "builtins.tuple", "builtins.iter") and len(args) == 1:
            return args[0]  # list(kfold.split(X)) holds the same folds
        matched = next((value for value in flatten(args[:1]) if value.truth is not None), None)
        if name in MATCH_AGGREGATION_FUNCTIONS and matched is not None:
            return self._hand_written_metric(node, matched)
        if name in HOLDOUT_SPLITTERS:
            return self._train_test_split(node, args, frame)
        if name in CV_FUNCTIONS:
            return self._cross_validation(node, name, args, keywords)
        if name in DATASET_SPLITTERS and args:
            return self._split_by_lengths(node, args, frame)
        if name in FITTING_FUNCTIONS and args:
            data = self._as_data(node.args[0], args[0], frame)
            return self._fitting_function(node, name.rsplit(".", 1)[-1], data)
        if name in BINNING_FUNCTIONS and args and args[0].is_data and _bin_count(node):
            return self._fitting_function(node, "cut", args[0])
        if name in STATISTIC_FUNCTIONS and args and args[0].is_data:
            return self._statistic(node, name.rsplit(".", 1)[-1], args[0])
        if name in RESAMPLING_FUNCTIONS:
            return self._resample_function(node, args)
        if name in ROW_CONCATENATIONS and not concatenates_columns(node):
            return self._concatenate(node, args)
        if name in COLUMN_CONCATENATIONS or name in ROW_CONCATENATIONS:
            # Side by side (``pd.concat([a, b], axis=1)``): the same rows, with the lineage of every part.
            return combine(*flatten(args))
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
        if role == "pipeline" and _only_preprocessing(everything):
            # Pipeline([("impute", SimpleImputer()), ("scale", StandardScaler())]) is one bigger transformer.
            role = "transformer"
        if role is not None:
            short = name.rsplit(".", 1)[-1]
            return self._new_estimator(role, BUILT_CLASSES.get(short, short), everything)
        if is_data_source(name) and not any_data(args, keywords):
            # A file of its own named as a test or validation set holds held-out rows.
            part = part_from_path(node.args[0]) if node.args else None
            lineage = frozenset({next(self._ids)})
            if part == TEST:
                self.result.test_files |= lineage
            return Value(kind="data", lineage=lineage, label=node.as_string()[:40], part=part)
        if name in ARRAY_BUILDERS and args and args[0].kind == "tuple":
            return combine(*flatten(args[:1]))
        if any(value.kind in ("data", "prediction", "statistic") for value in everything):
            return combine(*everything)
        if name in _NUMBER_KEEPING and args and args[0].kind == "score":
            return args[0]  # round(model.score(X, y) * 100, 2) is still that score
        return Value(varies=varies_of(everything))

    def _statistic(self, node: nodes.Call, what: str, data: Value) -> Value:
        """A statistic over rows (``df.mean()``, ``np.median(x)``): preprocessing fitted by hand on ``data``."""
        identity = next(self._ids)
        estimator = Value(kind="estimator", identity=identity, role="statistic", cls=what)
        self.result.estimators[identity] = estimator
        self.result.fits.append(Fit(next(self._seq), node, estimator, data, "statistic"))
        return Value(kind="statistic", transformed_by=frozenset({identity}), varies=data.varies)

    def _fitting_function(self, node: nodes.Call, what: str, data: Value) -> Value:
        """``preprocessing.scale(X)``, ``pd.qcut(x, 4)``: a transformer fitted and applied in one call."""
        identity = next(self._ids)
        estimator = Value(kind="estimator", identity=identity, role="transformer", cls=what)
        self.result.estimators[identity] = estimator
        self.result.fits.append(Fit(next(self._seq), node, estimator, data, "fit_transform"))
        return data.derived(transformed_by=data.transformed_by | {identity})

    def _as_data(self, expression: nodes.NodeNG, value: Value, frame: Frame) -> Value:
        """Whatever is fitted on or split is data, even when we cannot tell where it came from.

        The name the expression starts from (``df`` in ``df.drop(...)`` or ``df[cols]``) is data from
        then on, so later uses of it share the lineage.
        """
        if value.kind != "unknown":
            return value
        data = value.derived(kind="data", lineage=frozenset({next(self._ids)}), label=expression.as_string()[:40])
        root = root_name(expression)
        if root is not None and (frame.get(root.name) or UNKNOWN).kind == "unknown":
            frame.values[root.name] = data.derived(label=root.name)
        return data

    def _new_estimator(self, role: str, cls: str, arguments: list[Value]) -> Value:
        identity = next(self._ids)
        estimator = Value(
            kind="estimator", identity=identity, role=role, cls=cls,
            varies=varies_of(arguments) | frozenset(self._loops),
        )
        self.result.estimators[identity] = estimator
        return estimator

    def _method_call(
        self, node: nodes.Call, receiver: Value, args: list[Value], keywords: dict[str | None, Value], frame: Frame
    ) -> Value:
        method = node.func.attrname
        data = args[0] if args else keywords.get("X", keywords.get("x", keywords.get("generator", UNKNOWN)))
        if receiver.kind in ("estimator", "unknown") and method in _FIT_METHODS:
            if data.kind == "unknown" and (node.args or "X" in keywords):
                data = self._as_data(node.args[0] if node.args else keywords_node(node, "X"), data, frame)
            return self._fit(node, self._as_estimator(node.func.expr, receiver, frame), method, data, args, keywords)
        if receiver.kind in ("estimator", "unknown") and method in TRANSFORM_METHODS and data.is_data:
            estimator = self._as_estimator(node.func.expr, receiver, frame)
            self.result.applies.append(Apply(next(self._seq), node, estimator.identity, data))
            if estimator.role == "model":
                return data.derived(from_model=data.from_model | {estimator.identity})
            return data.derived(transformed_by=data.transformed_by | {estimator.identity})
        if receiver.kind == "estimator" and method == "set_params":
            # model.set_params(alpha=a) in a loop makes a new candidate each turn.
            varied = receiver.derived(varies=receiver.varies | varies_of([*args, *keywords.values()]))
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
        if receiver.kind in ("estimator", "unknown") and method in ("score", "evaluate") and data.is_data:
            # ``score`` of scikit-learn, ``evaluate`` of Keras: both measure the model on the rows given.
            estimator = self._as_estimator(node.func.expr, receiver, frame)
            return self._evaluation(node, method, estimator.identity, data, estimator.varies)
        if receiver.kind == "splitter" and method == "split" and args:
            self._record_split(node, args[0], "cv")
            return Value(kind="folds")
        if method == "isin" and args and args[0].kind == "index":
            # ``df.index.isin(train_idx)`` masks the rows the split's indices name: the same part.
            return args[0]
        if receiver.is_data:
            return self._data_method(node, receiver, args, keywords, frame)
        if receiver.kind == "prediction":
            if receiver.truth is not None and method in MATCH_AGGREGATION_METHODS:
                return self._hand_written_metric(node, receiver)
            return receiver
        if receiver.kind == "tuple" and method in ("items", "values"):
            return receiver
        if receiver.kind == "tuple" and method in ("append", "extend", "insert") and args:
            self._add_to_list(node.func.expr, receiver, flatten(args[-1:]), frame)
            return UNKNOWN
        everything = [*args, *keywords.values()]
        return combine(*everything) if any_data(args, keywords) else Value(varies=receiver.varies)

    def _add_to_list(self, expression: nodes.NodeNG, container: Value, added: list[Value], frame: Frame) -> None:
        """``truths.append(y_batch)``: the list holds the rows, predictions or statistics put into it."""
        rows = [value for value in added if value.kind in ("data", "prediction", "statistic")]
        if rows and isinstance(expression, (nodes.Name, nodes.Attribute)):
            elements = (*container.elements, *rows)
            frame.values[expression.as_string()] = container.derived(elements=elements, varies=varies_of(elements))

    def _as_estimator(self, expression: nodes.NodeNG, receiver: Value, frame: Frame) -> Value:
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
        for monitored in _monitored_sets(keywords):
            # fit(validation_data=(X_val, y_val)), eval_set=[(X_val, y_val)]: the model is measured on them.
            self._evaluation(node, "validation", estimator.identity, monitored, estimator.varies)
        if method in RESAMPLE_METHODS:
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
        self, node: nodes.Call, receiver: Value, args: list[Value], keywords: dict[str | None, Value], frame: Frame
    ) -> Value:
        method = node.func.attrname
        if method == "sample":
            return self._sample(node, receiver)
        if method in _COLUMN_CALLBACKS and node.args and not _row_wise(node):
            return self._column_callback(node.args[0], receiver, frame)
        if method == "drop" and receiver.part is None:
            for removed in itertools.chain(node.args, (keyword.value for keyword in node.keywords or ())):
                if isinstance(removed, nodes.Attribute) and removed.attrname == "index":
                    sampled = self._eval(removed.expr, frame)
                    if sampled.is_data and sampled.part == TRAIN and sampled.lineage & receiver.lineage:
                        self._record_split(node, receiver, "sample")
                        return receiver.derived(part=TEST, split_line=node.lineno)
        if method in STATISTIC_METHODS:
            return self._statistic(node, method, receiver)
        others = [value for value in (*args, *keywords.values()) if value.kind in ("data", "statistic")]
        result = receiver
        if others:
            result = combine(receiver, *others).derived(part=receiver.part, fold=receiver.fold)
        elif method in _ROW_FILTERS:
            result = receiver.derived(subset=True)
        if keyword_constant(node, "inplace") is True:
            self._update_in_place(node.func.expr, result, frame)
        return result

    def _column_callback(self, callback: nodes.NodeNG, receiver: Value, frame: Frame) -> Value:
        """``df.apply(scale_column)``: the function runs on the frame's columns, over all of their rows."""
        if isinstance(callback, nodes.Lambda) and callback.args.args:
            scratch = frame.copy()
            scratch.values[callback.args.args[0].name] = receiver
            result = self._eval(callback.body, scratch)
        else:
            function = self._function_named(callback)
            if function is None:
                return receiver
            result = self._call_function(function, [receiver], {}, frame, standalone=False)
        return combine(receiver, result).derived(part=receiver.part, fold=receiver.fold)

    def _update_in_place(self, expression: nodes.NodeNG, result: Value, frame: Frame) -> None:
        """``df["Age"].fillna(m, inplace=True)`` changes ``df``: it takes on what went into the result."""
        root = root_name(expression)
        current = frame.get(root.name) if root is not None else None
        if current is None or not current.is_data:
            return
        frame.values[root.name] = current.derived(
            lineage=current.lineage | result.lineage, transformed_by=current.transformed_by | result.transformed_by
        )

    def _sample(self, node: nodes.Call, receiver: Value) -> Value:
        fraction = keyword_number(node, "frac")
        replace = keyword_constant(node, "replace")
        if replace is True or (fraction is not None and fraction > 1):
            self.result.resamples.append(Resample(next(self._seq), node, receiver, "sampled with replacement"))
            return receiver
        if fraction is not None and fraction < 1 and receiver.part is None:
            return receiver.derived(part=TRAIN, split_line=node.lineno)
        return receiver

    def _train_test_split(self, node: nodes.Call, args: list[Value], frame: Frame) -> Value:
        parts: list[Value] = []
        for expression, argument in zip(node.args, args):
            data = self._as_data(expression, argument, frame)
            self._record_split(node, data, "holdout")
            held_out = VALIDATION if data.part == TRAIN else TEST
            parts.append(data.derived(part=TRAIN if data.part in (None, TRAIN) else data.part, split_line=node.lineno))
            parts.append(data.derived(part=held_out, split_line=node.lineno))
        return Value(kind="tuple", elements=tuple(parts))

    def _split_by_lengths(self, node: nodes.Call, args: list[Value], frame: Frame) -> Value:
        """``random_split(dataset, [n_train, n_test])``: a training part, then validation parts, the last one test."""
        data = self._as_data(node.args[0], args[0], frame)
        self._record_split(node, data, "holdout")
        lengths = args[1] if len(args) > 1 else UNKNOWN
        count = len(lengths.elements) if lengths.kind == "tuple" and len(lengths.elements) > 1 else 2
        last = VALIDATION if data.part == TRAIN else TEST
        names = [TRAIN, *[VALIDATION] * (count - 2), last]
        return Value(
            kind="tuple",
            elements=tuple(
                data.derived(part=TRAIN if part == TRAIN and data.part in (None, TRAIN) else part, split_line=node.lineno)
                for part in names
            ),
        )

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
        if keyword_constant(node, "replace") is not False:
            for data in args:
                if data.is_data:
                    self.result.resamples.append(Resample(next(self._seq), node, data, "resampled with replacement"))
        return Value(kind="tuple", elements=tuple(args)) if len(args) > 1 else (args[0] if args else UNKNOWN)

    def _concatenate(self, node: nodes.Call, args: list[Value]) -> Value:
        pieces = [piece for piece in flatten(args) if piece.is_data]
        if not pieces:
            return combine(*args)
        if node.args and isinstance(node.args[0], nodes.BinOp) and node.args[0].op == "*":
            # pd.concat([df] * 2): the same rows several times over.
            self.result.resamples.append(Resample(next(self._seq), node, pieces[0], "repeated in a concatenation"))
            return combine(*pieces)
        if {piece.part for piece in pieces} == {None, TEST}:
            # The rows of a separate test file appended to the training rows (``pd.concat([train, test])``).
            return combine(*pieces).derived(part=MIXED)
        for first, second in itertools.combinations(pieces, 2):
            same_rows = first.lineage & second.lineage and first.part == second.part and not first.fold
            if same_rows and not (first.subset and second.subset):
                self.result.resamples.append(Resample(next(self._seq), node, first, "concatenated with its own rows"))
                break
        return combine(*pieces)

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
        varies = varies_of(predictions)
        if data.is_data or identity is not None:
            return self._evaluation(node, metric, identity, data, varies)
        return Value(kind="score")

    def _hand_written_metric(self, node: nodes.NodeNG, matched: Value) -> Value:
        """An accuracy computed by hand from a comparison of predictions with true values."""
        predicted_on = matched.input if matched.input is not None and matched.input.is_data else matched.truth
        return self._evaluation(node, matched.label, matched.identity, predicted_on, matched.varies)

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


_NUMBER_KEEPING = frozenset({"builtins.round", "builtins.float", "builtins.abs", "numpy.round", "numpy.sqrt"})


def _bin_count(call: nodes.Call) -> bool:
    """Is ``bins`` a number of bins, whose edges the rows decide, rather than the edges themselves?"""
    bins = call.args[1] if len(call.args) > 1 else keywords_node(call, "bins")
    return isinstance(bins, nodes.Const) and isinstance(bins.value, int) and not isinstance(bins.value, bool)


def _row_wise(call: nodes.Call) -> bool:
    """``df.apply(f, axis=1)`` calls ``f`` on one row at a time: it can compute nothing over rows."""
    return keyword_constant(call, "axis") in (1, "columns") or (
        len(call.args) > 1 and isinstance(call.args[1], nodes.Const) and call.args[1].value in (1, "columns")
    )


def _only_preprocessing(arguments: list[Value]) -> bool:
    steps = [value for value in flatten(arguments) if value.kind == "estimator"]
    roles = {step.role for step in steps}
    return "transformer" in roles and roles <= {"transformer", "stateless"}


def _monitored_sets(keywords: dict[str | None, Value]) -> list[Value]:
    """The inputs of the held-out sets a training call scores as it goes (Keras, XGBoost, LightGBM, CatBoost)."""
    monitored = []
    validation = keywords.get("validation_data", UNKNOWN)
    if validation.kind == "tuple" and validation.elements:
        monitored.append(validation.elements[0])
    evaluation_sets = keywords.get("eval_set", UNKNOWN)
    if evaluation_sets.kind == "tuple":
        pairs = evaluation_sets.elements
        monitored.extend(pair.elements[0] for pair in pairs if pair.kind == "tuple" and pair.elements)
        if not monitored and len(pairs) == 2:
            monitored.append(pairs[0])  # CatBoost takes eval_set=(X_val, y_val) as well
    # Training rows watched during training are a progress display, not a score of the model.
    return [value for value in monitored if value.is_data and value.part != TRAIN]
