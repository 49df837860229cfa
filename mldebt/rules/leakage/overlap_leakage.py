from mldebt.rule import Rule


class OverlapLeakage(Rule):
    """## What it does
    Flags oversampling or duplication of rows (`SMOTE`, `RandomOverSampler`,
    `ADASYN`, `sklearn.utils.resample`, `df.sample(replace=True)`,
    concatenating a frame with a subset of itself) before the data is split
    into train and test.

    ## Why is this bad
    Copies and synthetic neighbours of the same rows land on both sides of
    the split, so the model is tested on rows it has effectively seen (Yang
    et al. 2022, "overlap leakage").

    ## Example
    ```python
    X_res, y_res = SMOTE().fit_resample(X, y)
    X_train, X_test, y_train, y_test = train_test_split(X_res, y_res)
    ```

    ## Use instead
    Split first and resample the training split only, or use an
    `imblearn.pipeline.Pipeline` so resampling happens inside each fold:
    ```python
    X_train, X_test, y_train, y_test = train_test_split(X, y)
    X_train, y_train = SMOTE().fit_resample(X_train, y_train)
    ```

    ## Options
    None.
    """

    code = "MLD605"
    symbol = "overlap-leakage"
    summary = "Rows oversampled or duplicated before the train/test split"

    def finish(self) -> None:
        events = self.module.provenance
        for resample in events.resamples:
            later = events.splits_after(resample.seq, resample.data)
            if later:
                self.report_once(
                    resample.node,
                    f"`{resample.data.label}` is {resample.how} before the split at line "
                    f"{later[0].node.lineno}, so copies of the same rows land in both train and test; resample "
                    "the training split only",
                )
