from mldebt.analysis.apis import CLUSTER_VALIDITY_METRICS
from mldebt.analysis.dataflow import HELD_OUT, TRAIN, names_part
from mldebt.rule import Rule


class EvaluationOnTrainingData(Rule):
    """## What it does
    Flags a metric or `score` (also an accuracy counted by hand, as
    `(pred == y).mean()`) computed on the data the model was trained on
    when the model is never evaluated on held-out data, a model fitted
    on all rows (for example a grid search) that is then scored on a split
    part of those same rows, and a model fitted on a training split that is
    scored on the whole data the split was cut from (also next to a
    held-out score: most of those rows are its own).

    ## Why is this bad
    A model scored on its own training rows reports how well it memorised
    them, not how it will do on new data; flexible models reach near-perfect
    training scores while generalising poorly (Zhang et al. Z#21).

    ## Example
    ```python
    model.fit(X_train, y_train)
    print(accuracy_score(y_train, model.predict(X_train)))
    ```

    ## Use instead
    Report a score on the test split or from cross-validation:
    ```python
    print(accuracy_score(y_test, model.predict(X_test)))
    ```
    A training score next to a held-out score, or next to predictions for
    a held-out split, is a useful diagnostic and is not flagged (also when
    one print or results table shows it beside the validation score of the
    same kind of model refitted on a training split, and on the whole data
    when its name says it is the training set, as `X_train` cut again for
    validation); so are
    out-of-fold scores inside a cross-validation loop, and the training
    score of a grid search, which chose its candidate on held-out folds, and internal
    validity indices of a clustering (`silhouette_score`), which are meant to
    be computed on the clustered rows. Predicting a
    competition's label-less test file is not an evaluation: a model whose
    only score is on its training rows is flagged.

    ## Options
    None.
    """

    code = "MLD603"
    symbol = "evaluation-on-training-data"
    summary = "Model evaluated on the data it was trained on"

    def finish(self) -> None:
        events = self.module.provenance
        held_out = {
            evaluation.identity
            for evaluation in events.evaluations
            if evaluation.data.part in HELD_OUT or evaluation.data.fold or evaluation.cross_validated
        }
        # Predictions for a held-out split or fold are there to be looked at next to the training score.
        # A competition's label-less test file, even cut back out of a concatenation, is not one.
        held_out |= {
            apply.identity
            for apply in events.applies
            if apply.data.fold
            or (
                apply.data.part in HELD_OUT and apply.data.split_line is not None
                and not apply.data.lineage & events.test_files
            )
        }
        # A search's fit scores every candidate on held-out folds: its choice already rests on them.
        held_out |= {fit.estimator.identity for fit in events.fits if fit.estimator.role == "search"}
        for evaluation in events.evaluations:
            if evaluation.identity is None or evaluation.cross_validated:
                continue
            if evaluation.metric in CLUSTER_VALIDITY_METRICS:
                continue  # a silhouette measures the clustering of the rows it was fitted on, as it should
            fit = events.fit_before(evaluation.identity, evaluation.seq)
            data = evaluation.data
            if fit is None or not data.is_data or not fit.data.lineage & data.lineage or data.fold or fit.data.fold:
                continue
            if fit.estimator.cls.startswith("Dummy"):
                continue  # a baseline that learns only the class prior scores alike on any rows
            model = fit.estimator.cls or "the model"
            # Rows picked by a mask (``X[~X.index.isin(X_val.index)]``) are not all rows: a hand-made split.
            if fit.data.part is None and not fit.data.subset and data.part in HELD_OUT:
                self.report_once(
                    evaluation.node,
                    f"`{evaluation.metric}` scores {model} on `{data.label}`, but the model was fitted at line "
                    f"{fit.node.lineno} on `{fit.data.label}`, which contains those rows; fit it on the training split",
                )
            elif (
                fit.data.part == TRAIN and fit.data.split_line is not None and data.part is None and not data.subset
                # All rows, most of them the model's own, are no training diagnostic next to a held-out score
                # unless the name says they are the training set (``X_train`` before a validation split).
                and (evaluation.identity not in held_out or not names_part(data.label, TRAIN))
            ):
                self.report_once(
                    evaluation.node,
                    f"`{evaluation.metric}` scores {model} on `{data.label}`, which holds the training rows it was "
                    f"fitted on at line {fit.node.lineno} (`{fit.data.label}`, split at line {fit.data.split_line}); "
                    "score it on the held-out split only",
                )
            elif (
                data.part == fit.data.part
                and data.part in (None, TRAIN)
                and evaluation.identity not in held_out
                and not events.shown_beside_held_out(evaluation.identity, data)
                # Rows of other sources too (a loop over the training and a holdout set): not only training rows.
                and data.lineage <= fit.data.lineage
            ):
                self.report_once(
                    evaluation.node,
                    f"`{evaluation.metric}` on `{data.label}` measures {model} on the data it was trained on "
                    f"(line {fit.node.lineno}) and the model is never evaluated on held-out data; report a score on "
                    "the test split or from cross-validation",
                )

