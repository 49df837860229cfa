from mldebt.analysis.apis import FIT_ON_HELDOUT_ALLOWED
from mldebt.analysis.dataflow import HELD_OUT, PREPROCESSING_ROLES, TRAIN, Provenance, Value
from mldebt.rule import Rule


class FitOnTestData(Rule):
    """## What it does
    Flags `fit`, `fit_transform`, `fit_predict`, `partial_fit` and
    `fit_resample` called on test or validation data: the held-out outputs
    of `train_test_split`, or data named `X_test`, `test_df`, `x_val` where
    no split is visible.

    ## Why is this bad
    Held-out data must stay unseen until evaluation. A transformer or model
    fitted on it learns from the rows it will be judged on, so the score no
    longer estimates performance on new data.

    ## Example
    ```python
    X_train = scaler.fit_transform(X_train)
    X_test = scaler.fit_transform(X_test)
    ```

    ## Use instead
    Fit on the training split and only `transform`/`predict`/`score` the
    test split:
    ```python
    X_test = scaler.transform(X_test)
    ```
    `CalibratedClassifierCV` fitted on a validation split is the intended
    use and is not flagged.

    ## Options
    None.
    """

    code = "MLD602"
    symbol = "fit-on-test-data"
    summary = "Estimator or transformer fitted on test or validation data"

    def finish(self) -> None:
        events = self.module.provenance
        for fit in events.fits:
            data = fit.data
            if data.part not in HELD_OUT or data.fold or fit.estimator.cls in FIT_ON_HELDOUT_ALLOWED:
                continue
            if fit.estimator.role in PREPROCESSING_ROLES and not (
                events.reaches_model(fit.estimator.identity) and _evaluated(events, data)
            ):
                continue
            if fit.method == "statistic":
                self.report_once(
                    fit.node,
                    f"the {fit.estimator.cls} `{fit.node.as_string()[:60]}` is computed on {data.part} data "
                    f"`{data.label}` and used in the model's inputs; compute it on the training split",
                )
                continue
            origin = _why_held_out(data)
            fitted = fit.estimator.cls or f"`{fit.node.func.expr.as_string()}`"
            self.report_once(
                fit.node,
                f"`{fit.method}` fits {fitted} on {data.part} data `{data.label}`{origin}; fit on the training "
                f"split and only transform or predict the {data.part} data",
            )


def _why_held_out(data) -> str:
    """How the data is known to be held out: the split that made it, or the name that says so."""
    if data.split_line:
        return f" (split off at line {data.split_line})"
    if data.marked_by and data.marked_by != data.label:
        return f" (from `{data.marked_by}`, whose name marks it as {data.part} data)"
    if data.marked_by:
        return " (by its name)"
    return ""


def _evaluated(events: Provenance, data: Value) -> bool:
    """Held-out rows split off here are there to be evaluated on.

    A test set read from its own file that is only predicted (a competition's label-less ``test.csv``)
    is never scored, so preparing it on its own leaks nothing into a reported score.
    """
    if data.split_line is not None:
        return True
    # A score on training rows cut back out of a stack with the test file measures none of the test rows.
    return any(
        evaluation.data.lineage & data.lineage and evaluation.data.part != TRAIN for evaluation in events.evaluations
    )
