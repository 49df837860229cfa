from mldebt.analysis.context import MODEL_ROLES
from mldebt.rule import Rule


class UnpersistedPreprocessor(Rule):
    """## What it does
    Flags a fitted preprocessor (scaler, encoder, imputer, vectorizer,
    selector) whose output trains a model that is saved (`joblib.dump`,
    `pickle.dump`, `torch.save`, `model.save`, `skops.io.dump`,
    `mlflow.*.log_model`) while the preprocessor itself is neither saved
    nor part of the saved pipeline. Reported at the preprocessor's fit.

    ## Why is this bad
    Whoever loads the model must reproduce the preprocessing, but its fitted
    state (means, vocabulary, categories) was thrown away: serving has to
    refit it or copy numbers by hand, and the two drift apart (Sculley et
    al. §4, train/serve skew; §5.4 abstraction debt).

    ## Example
    ```python
    scaler = StandardScaler().fit(X_train)
    model.fit(scaler.transform(X_train), y_train)
    joblib.dump(model, "model.joblib")
    ```

    ## Use instead
    Save one `Pipeline` holding both, or save the preprocessor with the model:
    ```python
    joblib.dump(make_pipeline(StandardScaler(), model).fit(X_train, y_train), "model.joblib")
    ```

    ## Options
    None.
    """

    code = "MLD503"
    symbol = "unpersisted-preprocessor"
    summary = "Preprocessor feeding a saved model is not saved with it"

    def finish(self) -> None:
        events = self.module.provenance
        saved = frozenset().union(*(save.identities for save in events.saves)) if events.saves else frozenset()
        if not saved:
            return
        reported: set[int] = set()
        for fit in events.fits:
            model = fit.estimator
            if model.role not in MODEL_ROLES or model.identity not in saved:
                continue
            save = next(save for save in events.saves if model.identity in save.identities)
            for identity in fit.data.transformed_by - saved - reported:
                preprocessor = events.estimators.get(identity)
                if preprocessor is None or preprocessor.role != "transformer":
                    continue
                reported.add(identity)
                for preprocessing in (f for f in events.fits if f.estimator.identity == identity):
                    self.report_once(
                        preprocessing.node,
                        f"{preprocessor.cls or 'this preprocessor'} is fitted here and its output trains the model "
                        f"saved at line {save.node.lineno}, but it is not saved itself: whoever loads the model "
                        "cannot prepare inputs the same way; save it with the model or put both in one Pipeline",
                    )
