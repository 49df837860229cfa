from mldebt.analysis.context import MODEL_ROLES
from mldebt.rule import Rule


class PipelineNotUsed(Rule):
    """## What it does
    Flags a model trained on the output of a preprocessor (scaler, encoder,
    imputer, selector, vectorizer) fitted outside a `Pipeline`, when the
    model is then saved for later use. Reported at the model's `fit`.

    ## Why is this bad
    Sculley et al. (§5.4, abstraction debt): the saved model is only half of
    what makes a prediction. Whoever loads it has to know, and re-apply by
    hand and in the same order, the preprocessing that happened before
    `fit`: the seed of train/serve skew.

    ## Example
    ```python
    scaler = StandardScaler().fit(X_train)
    model = LogisticRegression().fit(scaler.transform(X_train), y_train)
    joblib.dump({"scaler": scaler, "model": model}, "churn.joblib")
    ```

    ## Use instead
    ```python
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, y_train)
    joblib.dump(model, "churn.joblib")
    ```
    Split-scale-fit-score code that never saves the model is not flagged.

    ## Options
    None.
    """

    code = "MLD203"
    symbol = "pipeline-not-used"
    summary = "Preprocessing done outside a Pipeline for a model that is saved"

    def finish(self) -> None:
        events = self.module.provenance
        saves = list(events.saves)
        for fit in events.fits:
            model = fit.estimator
            if model.role not in MODEL_ROLES:
                continue
            save = next((save for save in saves if model.identity in save.identities), None)
            preprocessors = [
                events.estimators[identity]
                for identity in sorted(fit.data.transformed_by)
                if identity in events.estimators and events.estimators[identity].role == "transformer"
            ]
            if save is None or not preprocessors:
                continue
            names = list(dict.fromkeys(p.cls or "a preprocessor" for p in preprocessors))
            listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
            together = "both" if len(names) == 1 else "them all"
            self.report_once(
                fit.node,
                f"the model is trained on the output of {listed}, fitted outside a Pipeline, and saved at line "
                f"{save.node.lineno}: whoever loads it must re-apply that preprocessing by hand; save one "
                f"Pipeline of {together} instead",
            )
