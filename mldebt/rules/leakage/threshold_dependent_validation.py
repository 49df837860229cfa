import re

from astroid import nodes

from mldebt.analysis.apis import (
    THRESHOLD_DEPENDENT_METRICS,
    THRESHOLD_INDEPENDENT_METRICS,
    THRESHOLD_INDEPENDENT_SCORING,
)
from mldebt.rule import Rule

# Tuning the decision threshold is the deliberate answer to what this rule asks for.
_THRESHOLD_TUNING = frozenset({"TunedThresholdClassifierCV", "FixedThresholdClassifier", "CutoffClassifier"})
_THRESHOLD_INDEPENDENT = re.compile(
    r"\b("
    + "|".join(sorted(THRESHOLD_INDEPENDENT_METRICS | THRESHOLD_INDEPENDENT_SCORING | _THRESHOLD_TUNING))
    + r")\b"
)


class ThresholdDependentValidation(Rule):
    """## What it does
    Flags a module that evaluates a classifier only with threshold-dependent
    metrics (accuracy, precision, recall, F1, confusion matrix,
    classification report) and never with a threshold-independent one
    (ROC AUC, average precision, log loss, Brier score, ROC or PR curves).
    Reported once per module, at the first such metric. A weighted Cohen's
    kappa (`cohen_kappa_score(..., weights="quadratic")`) is not counted: it
    scores ordered grades (a severity scale, predicted by regression and
    rounding), where there is no single positive class for a ranking metric.

    ## Why is this bad
    Threshold-dependent metrics judge one arbitrary cut-off (usually 0.5).
    They hide how well the model ranks cases, change with the class balance,
    and make models hard to compare (Zhang et al. Z#22).

    ## Example
    ```python
    print(accuracy_score(y_test, model.predict(X_test)))
    print(f1_score(y_test, model.predict(X_test)))
    ```

    ## Use instead
    Add a threshold-independent metric computed from scores (a module that
    tunes the threshold with `TunedThresholdClassifierCV` is not flagged):
    ```python
    print(roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
    ```

    ## Options
    None.
    """

    code = "MLD606"
    symbol = "threshold-dependent-validation"
    summary = "Classifier evaluated only with threshold-dependent metrics"
    severity = "info"

    def finish(self) -> None:
        dependent = sorted(
            (evaluation for evaluation in self.module.provenance.evaluations
             if evaluation.metric in THRESHOLD_DEPENDENT_METRICS and not _ordinal_agreement(evaluation.node)),
            key=lambda evaluation: (evaluation.node.lineno, evaluation.node.col_offset),
        )
        if not dependent or _THRESHOLD_INDEPENDENT.search(self.module.text):
            return
        used = sorted({evaluation.metric for evaluation in dependent})
        self.report(
            dependent[0].node,
            f"the classifier is evaluated only with threshold-dependent metrics ({', '.join(used)}); add a "
            "threshold-independent one such as roc_auc_score, average_precision_score or log_loss",
        )


def _ordinal_agreement(call: nodes.Call) -> bool:
    """``cohen_kappa_score(y, pred, weights="quadratic")``: agreement on an ordered scale, not a cut-off's accuracy."""
    return any(
        keyword.arg == "weights" and not (isinstance(keyword.value, nodes.Const) and keyword.value.value is None)
        for keyword in call.keywords or ()
    )
