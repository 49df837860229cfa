from mldebt.analysis.dataflow import HELD_OUT, MIXED, TRAIN, Fit
from mldebt.rule import Rule


class PreprocessingLeakage(Rule):
    """## What it does
    Flags a transformer, imputer, encoder, vectorizer or feature selector,
    or a statistic computed by hand (`df.mean()`, `np.median(x)`,
    `preprocessing.scale(X)`, `pd.qcut`, `pd.cut(x, 25)`) whose result goes into the model's
    inputs, fitted on data that is split into train and test afterwards (by
    `train_test_split`, cross-validation or slicing), fitted on the
    concatenation of train and test, or fitted on all rows and then applied
    to the split parts. It follows the data through variables and through
    helper functions of the same module.

    ## Why is this bad
    The fitted statistics (means, vocabularies, selected features, category
    targets) are computed with the test rows included, so the model is
    evaluated on data that already shaped its inputs. The reported score is
    optimistic and will not hold in production (Yang et al. 2022,
    "preprocessing leakage"; found in about 30% of public notebooks).

    ## Example
    ```python
    X = StandardScaler().fit_transform(X)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
    ```

    ## Use instead
    Split first, fit on the training split, transform both; or put the
    preprocessing in a `Pipeline` so cross-validation refits it per fold:
    ```python
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
    scaler = StandardScaler().fit(X_train)
    X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)
    ```
    Stateless, row-wise transforms (`np.log1p`, `FunctionTransformer`,
    `Normalizer`), `pd.cut` with edges written out, and `LabelEncoder` on
    the target are not flagged, nor is
    cross-validation inside the training part of a hold-out split the
    preprocessing was fitted on (the held-out part never shaped it).

    ## Options
    None.
    """

    code = "MLD601"
    symbol = "preprocessing-leakage"
    summary = "Preprocessing fitted on data that is later split into train and test"

    def finish(self) -> None:
        events = self.module.provenance
        reported_statements: set[int] = set()
        for fit in events.fits:
            data = fit.data
            if fit.estimator.role not in ("transformer", "statistic") or data.fold:
                continue
            # ``(x - x.mean()) / x.std()`` is one standardisation: one finding per statement.
            if not events.reaches_model(fit.estimator.identity) or id(fit.node.statement()) in reported_statements:
                continue
            what = _what_was_fitted(fit)
            if data.part == MIXED:
                self._report(
                    fit, reported_statements,
                    f"{what}, which concatenates the train and test splits; fit it on the training split only",
                )
                continue
            if data.part not in (None, TRAIN):
                continue
            # Cross-validating the training part of a hold-out split tunes within it; the held-out part that
            # scores the model never shaped the preprocessing.
            later = [
                split for split in events.splits_after(fit.seq, data) if not (split.kind == "cv" and data.part == TRAIN)
            ]
            if later:
                split = later[0]
                how = "cross-validation splits it" if split.kind == "cv" else "it is split into train and test"
                held_out = "held-out folds" if split.kind == "cv" else "test rows"
                self._report(
                    fit, reported_statements,
                    f"{what} (line {fit.node.lineno}), but {how} afterwards at line {split.node.lineno}, so the "
                    f"{held_out} shape the preprocessing; split first and fit on the training part, or use a "
                    "Pipeline",
                )
                continue
            applied = [
                apply
                for apply in events.applies
                if apply.identity == fit.estimator.identity and apply.seq > fit.seq and data.part is None
                and apply.data.lineage & data.lineage and (apply.data.part in HELD_OUT or apply.data.part == TRAIN)
                # Rows of a test file of their own, cut back out of a stack with the training rows, were not fitted on.
                and not (apply.data.lineage & events.test_files and not data.lineage & events.test_files)
            ]
            if applied:
                self._report(
                    fit, reported_statements,
                    f"{what}, all of it, and then applied to the split part `{applied[0].data.label}` at line "
                    f"{applied[0].node.lineno}; fit it on the training split only",
                )
                continue
            earlier = [
                split for split in events.splits
                if split.seq < fit.seq and split.data.part is None and split.data.lineage & data.lineage
            ]
            if fit.method == "statistic" and data.part is None and earlier:
                # X_train.fillna(df.mean()) after the split: the test rows are still in df.
                self._report(
                    fit, reported_statements,
                    f"{what}, all of it, although it was split into train and test at line "
                    f"{earlier[0].node.lineno}; compute it on the training split only",
                )

    def _report(self, fit: Fit, reported_statements: set[int], message: str) -> None:
        reported_statements.add(id(fit.node.statement()))
        self.report_once(fit.node, message)


def _what_was_fitted(fit: Fit) -> str:
    if fit.method == "statistic":
        return f"the {fit.estimator.cls} `{fit.node.as_string()[:60]}` is computed on `{fit.data.label}`"
    return f"{fit.estimator.cls or 'the transformer'} is fitted on `{fit.data.label}`"
