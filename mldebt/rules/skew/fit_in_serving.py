from astroid import nodes

from mldebt.analysis.apis import FIT_METHODS
from mldebt.analysis.context import walk
from mldebt.rule import Rule


class FitInServing(Rule):
    """## What it does
    Flags `fit`, `fit_transform`, `fit_predict`, `partial_fit` and
    `fit_resample` called in serving code:
    route handlers (Flask, FastAPI, Django function and class-based views),
    serving framework classes (BentoML, Ray Serve), Celery tasks, service
    classes that predict with a model held on `self`, start-up hooks
    (FastAPI `lifespan`, `@app.on_event("startup")`, SageMaker `model_fn`),
    `predict`/`handler` entry points, the functions they call, and the
    module-level set-up of a serving module. A model trained at start-up
    when no saved one is found (`get_or_train_model()`) is fitted in serving.

    ## Why is this bad
    A transformer or model fitted while serving learns from the requests
    (often a single row), not from the training data: an encoder refitted
    on one request maps every category to 0, a scaler refitted at start-up
    sees other statistics than training did. Predictions silently drift
    from what was validated (Sculley et al. §4, train/serve skew).

    ## Example
    ```python
    @app.post("/predict")
    def predict(order: Order):
        city = LabelEncoder().fit_transform([order.city])
    ```

    ## Use instead
    Fit in training, persist the fitted object (ideally inside the model's
    `Pipeline`), and only `transform`/`predict` when serving.

    ## Options
    None.
    """

    code = "MLD502"
    symbol = "fit-in-serving"
    summary = "Model or transformer fitted in serving code"

    def finish(self) -> None:
        view = self.module.serving
        if view is None:
            return
        for call in walk(view.code, nodes.Call):
            if isinstance(call.func, nodes.Attribute) and call.func.attrname in FIT_METHODS:
                self.report(
                    call,
                    f"`{call.func.as_string()}` fits in serving code, on request data instead of the training "
                    "data; load the object fitted in training and only transform or predict",
                )
