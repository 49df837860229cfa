from mldebt.analysis.dataflow import TRAIN
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
    Resampling the training split and then cross-validating a search on
    it is not flagged when the model is finally scored on the test split
    set apart before the resampling; resampled rows that are then
    cross-validated with nothing held out are.

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
            data = resample.data
            if data.part == TRAIN and data.split_line is not None and events.held_out_scored_after(resample.seq, data):
                # The training split alone was resampled and the model is measured on rows set apart before:
                # the folds a search or cross-validation cuts from it only guide the choice of settings.
                later = [split for split in later if split.kind != "cv"]
            if later:
                self.report_once(
                    resample.node,
                    f"`{resample.data.label}` is {resample.how} before the split at line "
                    f"{later[0].node.lineno}, so copies of the same rows land in both train and test; resample "
                    "the training split only",
                )
