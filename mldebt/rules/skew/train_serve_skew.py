from mldebt.analysis.features import COLUMN_METHODS, VALUE_TRANSFORMS, Position, Step
from mldebt.analysis.serving import ServingView
from mldebt.project import TRAINING, ProjectIndex, TrainingSummary, training_behind
from mldebt.rule import Rule

# How a training step reads in a message.
_DESCRIPTIONS = {
    "fitted-transformer": "{detail}",
    "function": "`{detail}()`",
    "get_dummies": "pd.get_dummies",
    "fillna": ".fillna({detail})",
    "binning": "pd.cut/qcut binning",
    "arithmetic": "`{expression}`",
    "event-time": "a difference of the event timestamps {detail}",
}


class TrainServeSkew(Rule):
    """## What it does
    Compares the serving code being linted (Flask/FastAPI/Django handlers,
    Ray Serve and BentoML endpoints, `predict`/`handler` entry points,
    `serve-modules`) with the project's training code, and flags a feature
    that training transforms before `fit` (log, clip, fillna, arithmetic,
    one-hot encoding, a fitted scaler or encoder, a project feature
    function, a time difference between event timestamps) while serving
    skips the step or computes it differently: another fill value, its own
    freshly fitted encoder, scaling constants copied into the code, the wall
    clock instead of the event time, unaligned dummy columns, or a feature
    vector in another order. Reported in the serving code where the feature
    is read (or at the `predict` call), naming the training file and line.

    ## Why is this bad
    Sculley et al. (§4, §5.4): the model only works on inputs prepared the
    way it was trained. When serving prepares them differently, nothing
    fails: the model silently returns wrong predictions, and only
    production monitoring, long after, notices the drift.

    ## Example
    ```python
    # train.py
    df["sqft"] = np.log1p(df["sqft"])
    model.fit(df[FEATURES], df["price"])

    # serve.py
    @app.post("/predict")
    def predict(house: House):
        return model.predict([[house.sqft, house.bedrooms]])
    ```

    ## Use instead
    Put the transformations where both sides get them: inside the persisted
    `Pipeline` (`FunctionTransformer(np.log1p)`, `ColumnTransformer`), or in
    one feature function that training and serving both call.

    ## Options
    None. Teams name their training and serving modules with `train-modules`
    and `serve-modules` in `[tool.mldebt]` when detection needs help.
    """

    code = "MLD501"
    symbol = "train-serve-skew"
    project_facts = frozenset({TRAINING})
    summary = "Feature transformed in training but skipped or computed differently in serving"

    def __init__(self, module, settings) -> None:
        super().__init__(module, settings)
        self._reported: set[tuple[Position, str]] = set()

    def finish(self) -> None:
        found = training_behind(self.module)
        if found is None:
            return
        view, training = found
        index = ProjectIndex.for_file(self.module.path, self.module.settings)
        reported: set[str] = set()
        for summary in training:
            for step in summary.steps:
                if step.feature in reported:
                    continue
                verdict = _judge(step, view, index.place(summary.path, step.position.line))
                if verdict is not None:
                    reported.add(step.feature)
                    self._report(*verdict)
            self._check_order(summary, view, index.place(summary.path, summary.order_line))

    def _check_order(self, summary: TrainingSummary, view: ServingView, where: str) -> None:
        trained = summary.feature_order
        for vector in view.vectors:
            common = [feature for feature in vector.features if feature in trained]
            if len(common) >= 2 and common != [feature for feature in trained if feature in common]:
                self._report(
                    vector.position,
                    f"the feature vector lists {', '.join(vector.features)}, but the model was fitted on "
                    f"{', '.join(trained)} ({where}): features land in the wrong slots; "
                    "build it from the training column list",
                )

    def _report(self, position: Position, message: str) -> None:
        # Several training steps can point at one serving line (two columns one-hot encoded at once).
        if (position, message) in self._reported:
            return
        self._reported.add((position, message))
        self.report_range(position.line, position.column, position.end_line, position.end_column, message)


def _judge(step: Step, view: ServingView, where: str) -> tuple[Position, str] | None:
    """Does serving reproduce the training step? ``None`` if so, else where and what to say."""
    feature = step.feature
    training = f"training applies {_describe(step)} ({where})"
    matching = [candidate for candidate in view.steps if _same_feature(candidate, step)]
    if step.kind == "function":
        return None if step.detail in view.called else _missing(step, view, training)
    if step.kind == "fitted-transformer":
        if any(candidate.kind == "applied-transformer" for candidate in view.steps):
            return None
        refit = _first(matching, "fitted-transformer")
        if refit is not None:
            return refit.position, (
                f"serving fits its own {refit.detail} on the request's `{refit.feature}`, while {training}; "
                "load the transformer fitted in training and only transform"
            )
        copied = _first(matching, "hand-scaling")
        if copied is not None:
            return copied.position, (
                f"`{copied.feature}` is scaled with constants copied into the serving code, while {training}; "
                "the copies go stale at the next retraining: load and apply the fitted scaler"
            )
        return _missing(step, view, training)
    if step.kind == "get_dummies":
        dummies = next((c for c in view.steps if c.kind == "get_dummies"), None)
        if dummies is None:
            return _missing(step, view, training)
        if view.aligns_columns:
            return None
        return dummies.position, (
            f"serving one-hot encodes with pd.get_dummies without aligning to the training columns ({where}): "
            "a request's categories decide which columns exist and where; reindex to the training column list"
        )
    if step.kind == "event-time":
        clock = next((c for c in view.steps if c.kind == "wall-clock"), None)
        if clock is not None:
            for_feature = "" if clock.feature == feature else f" for `{feature}`"
            return clock.position, (
                f"serving computes `{clock.feature}` from the wall clock ({clock.detail}), while {training}"
                f"{for_feature}; compute it from the event's own timestamp"
            )
        return None if view.first_read(feature) or _first(matching, "event-time") else _missing(step, view, training)
    if step.kind == "fillna":
        fill = _first(matching, "fillna")
        if fill is None:
            return _missing(step, view, training)
        if fill.detail == step.detail:
            return None
        return fill.position, (
            f"serving fills missing `{feature}` with {fill.detail}, while {training}; use the value training "
            "used, saved with the model"
        )
    if any(candidate.kind == step.kind for candidate in matching):
        return None
    derived = feature not in step.sources
    if derived and view.first_read(feature) is not None:
        return None  # the request carries the finished feature
    return _missing(step, view, training)


def _same_feature(candidate: Step, step: Step) -> bool:
    return (
        candidate.feature in (step.feature, "*")
        or step.feature in candidate.sources
        or bool(set(candidate.sources) & set(step.sources))
    )


def _first(steps: list[Step], kind: str) -> Step | None:
    return next((step for step in steps if step.kind == kind), None)


def _missing(step: Step, view: ServingView, training: str) -> tuple[Position, str]:
    feature = step.feature
    reads = [view.first_read(name) for name in (feature, *step.sources)]
    read = next((found for found in reads if found is not None), None)
    position = read.position if read else Position.of(view.predict_calls[0])
    name = "the features" if feature == "*" else f"feature `{feature}`"
    return position, (
        f"{name}: {training} before fitting, but serving passes it to the model without that step; share the "
        "transformation (one feature function, or a persisted Pipeline)"
    )


def _describe(step: Step) -> str:
    if step.kind in _DESCRIPTIONS:
        return _DESCRIPTIONS[step.kind].format(detail=step.detail, expression=step.expression)
    if step.kind in VALUE_TRANSFORMS or step.kind in COLUMN_METHODS.values():
        return step.detail  # the API that applied it: np.clip, Series.clip
    return step.kind
