from mldebt.analysis.context import MODEL_ROLES
from mldebt.rule import Rule

# Fitting these on a model's scores is how calibration is done, not a correction cascade.
CALIBRATORS = frozenset({"CalibratedClassifierCV", "IsotonicRegression"})


class CorrectionCascade(Rule):
    """## What it does
    Flags a model trained on the predictions (or model-based `transform`
    output) of another model, as features or as the target: a model that
    corrects or builds on another one's outputs.

    ## Why is this bad
    Sculley et al. (§2.2, correction cascades): the second model silently
    depends on the first one's current behaviour. Improving the first model
    changes the second one's inputs and can make the whole system worse, and
    the pair can no longer be improved or analysed separately.

    ## Example
    ```python
    base = GradientBoostingRegressor().fit(X_train, y_train)
    residual_model = Ridge().fit(X_train, y_train - base.predict(X_train))
    ```

    ## Use instead
    Train one model on the combined problem (add the features the correction
    needs), or make the composition explicit and trained as one unit with
    `StackingRegressor`/`StackingClassifier`, which are not flagged.
    Calibrating scores (`CalibratedClassifierCV`, `IsotonicRegression`) is
    not a cascade and is not flagged.

    ## Options
    None.
    """

    code = "MLD304"
    symbol = "correction-cascade"
    summary = "Model trained on another model's predictions"

    def finish(self) -> None:
        events = self.module.provenance
        for fit in events.fits:
            if fit.estimator.role not in MODEL_ROLES or fit.estimator.cls in CALIBRATORS:
                continue
            model = fit.estimator.identity
            for role, value in (("features", fit.data), ("target", fit.target)):
                upstream = value.models_behind - {model}
                if not upstream:
                    continue
                source = _prediction_line(events, upstream)
                self.report_once(
                    fit.node,
                    f"this model is trained on another model's predictions as its {role}{source}: a correction "
                    "cascade, where changing the first model silently changes the second; train one model, or "
                    "compose them with a Stacking estimator",
                )
                break


def _prediction_line(events, identities: frozenset[int]) -> str:
    lines = sorted(
        apply.node.lineno for apply in events.applies if apply.identity in identities and apply.node.lineno
    )
    return f" (from line {lines[0]})" if lines else ""
