"""The provenance analysis on its own: parts, lineage, identities, loops, helper functions."""

import textwrap

import astroid

from mldebt.analysis.dataflow import MIXED, TEST, TRAIN, VALIDATION, provenance

PRELUDE = """\
import pandas as pd
from sklearn.model_selection import KFold, train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
"""


def _events(body: str):
    return provenance(astroid.parse(PRELUDE + textwrap.dedent(body)))


def _fit_parts(body: str) -> list:
    return [(fit.estimator.cls, fit.data.part, fit.data.fold) for fit in _events(body).fits]


def test_split_outputs_are_parts_by_position_and_a_second_split_gives_validation():
    parts = _fit_parts(
        """
        df = pd.read_csv("data/x.csv")
        X_train, X_test, y_train, y_test = train_test_split(df, df["y"])
        X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train)
        StandardScaler().fit(X_train)
        StandardScaler().fit(X_test)
        StandardScaler().fit(X_val)
        StandardScaler().fit(df)
        """
    )
    assert [part for _, part, _ in parts] == [TRAIN, TEST, VALIDATION, None]


def test_lineage_follows_derivations_and_the_split_is_recorded_after_the_fit():
    events = _events(
        """
        raw = pd.read_csv("data/x.csv")
        X = raw.drop(columns=["y"]).fillna(0)
        X_scaled = StandardScaler().fit_transform(X)
        X_train, X_test = train_test_split(X_scaled)
        """
    )
    [fit] = events.fits
    assert [split.node.lineno for split in events.splits_after(fit.seq, fit.data)] == [10]


def test_cross_validation_indices_select_fold_parts():
    parts = _fit_parts(
        """
        X = pd.read_csv("data/x.csv")
        for train_idx, test_idx in KFold(n_splits=5).split(X):
            StandardScaler().fit(X.iloc[train_idx])
            StandardScaler().fit(X.iloc[test_idx])
        """
    )
    assert parts == [("StandardScaler", TRAIN, True), ("StandardScaler", TEST, True)]


def test_sample_then_drop_and_iloc_slices_are_splits():
    parts = _fit_parts(
        """
        df = pd.read_csv("data/x.csv")
        train = df.sample(frac=0.8)
        test = df.drop(train.index)
        StandardScaler().fit(test)
        series = pd.read_csv("data/y.csv")
        head, tail = series.iloc[:1000], series.iloc[1000:]
        StandardScaler().fit(head)
        StandardScaler().fit(tail)
        """
    )
    assert [part for _, part, _ in parts] == [TEST, TRAIN, TEST]


def test_concatenating_train_and_test_is_mixed_and_train_with_validation_is_train():
    parts = _fit_parts(
        """
        df = pd.read_csv("data/x.csv")
        X_train, X_test = train_test_split(df)
        X_fit, X_val = train_test_split(X_train)
        StandardScaler().fit(pd.concat([X_train, X_test]))
        StandardScaler().fit(pd.concat([X_fit, X_val]))
        """
    )
    assert [part for _, part, _ in parts] == [MIXED, TRAIN]


def test_estimator_identity_survives_aliases_and_fit_chains():
    events = _events(
        """
        df = pd.read_csv("data/x.csv")
        X_train, X_test, y_train, y_test = train_test_split(df, df["y"])
        model = LogisticRegression()
        clf = model.fit(X_train, y_train)
        f1_score(y_test, clf.predict(X_test))
        """
    )
    [fit] = events.fits
    [evaluation] = events.evaluations
    assert evaluation.identity == fit.estimator.identity
    assert (evaluation.data.part, evaluation.metric) == (TEST, "f1_score")


def test_helper_functions_get_arguments_and_give_back_returns():
    events = _events(
        """
        def scale(frame):
            return StandardScaler().fit_transform(frame)

        def load():
            return pd.read_csv("data/x.csv")

        X = scale(load())
        X_train, X_test = train_test_split(X)
        """
    )
    context_fits = [fit for fit in events.fits if fit.data.lineage]
    assert context_fits and events.splits_after(context_fits[0].seq, context_fits[0].data)


def test_names_mark_parts_only_when_nothing_better_is_known():
    parts = _fit_parts(
        """
        def refit(model, X_test, y_test, latest_orders):
            model.fit(X_test, y_test)
            model.fit(latest_orders, y_test)
        """
    )
    # "latest_orders" contains "test" but not as a word: it is data of unknown part, not test data.
    assert [part for _, part, _ in parts] == [TEST, None]


def test_values_that_depend_on_a_loop_variable_are_marked_with_the_loop():
    events = _events(
        """
        df = pd.read_csv("data/x.csv")
        X_train, X_test, y_train, y_test = train_test_split(df, df["y"])
        for c in [0.1, 1.0]:
            model = LogisticRegression(C=c).fit(X_train, y_train)
            f1_score(y_test, model.predict(X_test))
        """
    )
    [evaluation] = events.evaluations
    [loop] = evaluation.loops
    assert loop in evaluation.candidate_varies and loop not in evaluation.data.varies


def test_with_and_comprehension_targets_carry_values():
    parts = _fit_parts(
        """
        df = pd.read_csv("data/x.csv")
        X_train, X_test = train_test_split(df)
        with open("x") as handle:
            scalers = [StandardScaler().fit(part) for part in (X_test,)]
        """
    )
    assert parts == [("StandardScaler", TEST, False)]


def test_rows_repeated_or_oversampled_are_resamples():
    events = _events(
        """
        df = pd.read_csv("data/x.csv")
        a = pd.concat([df, df[df.y == 1]])
        b = pd.concat([df[df.y == 0], df[df.y == 1]])
        c = df.sample(frac=2, replace=True)
        d = df.sample(frac=1)
        """
    )
    assert [(event.node.lineno, event.how) for event in events.resamples] == [
        (8, "concatenated with its own rows"), (10, "sampled with replacement")
    ]


def test_enumerated_and_zipped_folds_keep_their_parts():
    parts = _fit_parts(
        """
        df = pd.read_csv("data/x.csv")
        kfold = KFold(5)
        for i, (tr, va) in enumerate(kfold.split(df)):
            StandardScaler().fit(df.iloc[tr])
            StandardScaler().fit(df.iloc[va])
        for i, (tr, va) in zip(range(5), list(kfold.split(df))):
            StandardScaler().fit(df.iloc[va])
        """
    )
    assert parts == [("StandardScaler", TRAIN, True), ("StandardScaler", TEST, True), ("StandardScaler", TEST, True)]


def test_a_test_file_is_test_data_and_concatenating_it_with_training_rows_mixes_them():
    parts = _fit_parts(
        """
        train = pd.read_csv("../input/train.csv")
        test = pd.read_csv("../input/test.csv")
        both = pd.read_csv("../input/train_test.csv")
        everything = pd.concat([train, test])
        StandardScaler().fit(test)
        StandardScaler().fit(both)
        StandardScaler().fit(everything)
        StandardScaler().fit(everything[:len(train)])
        StandardScaler().fit(everything[len(train):])
        """
    )
    assert [part for _, part, _ in parts] == [TEST, None, MIXED, TRAIN, TEST]


def test_a_statistic_is_a_fit_whose_result_is_traced_into_the_data():
    events = _events(
        """
        df = pd.read_csv("data/x.csv")
        print(df["b"].median())
        df["a"] = df["a"].fillna(df["a"].mean())
        X_train, X_test, y_train, y_test = train_test_split(df, df["y"])
        LogisticRegression().fit(X_train, y_train)
        """
    )
    statistics = [fit for fit in events.fits if fit.method == "statistic"]
    assert [fit.estimator.cls for fit in statistics] == ["median", "mean"]
    assert not events.reaches_model(statistics[0].estimator.identity)
    assert events.reaches_model(statistics[1].estimator.identity)


def test_an_instance_of_the_modules_own_class_holds_its_data_and_runs_its_methods():
    events = _events(
        """
        class Rows:
            def __init__(self, frame):
                self.frame = frame

            def halves(self):
                return train_test_split(self)

            def fit(self, X, y):
                inner_train, inner_val = train_test_split(X)
                return self

        raw = pd.read_csv("data/x.csv")
        first, second = Rows(raw).halves()
        StandardScaler().fit(first)
        StandardScaler().fit(second)
        wrapper = Rows(frame=None)
        wrapper.fit(first, raw["y"])
        wrapper.predict(second)
        """
    )
    assert [(fit.estimator.cls, fit.data.part) for fit in events.fits if fit.estimator.cls] == [
        ("StandardScaler", TRAIN), ("StandardScaler", TEST),
    ]
    # The split inside fit() cut the training part given to it; to the outside the wrapper is an estimator.
    lineage = events.fits[0].data.lineage
    assert [split.data.part for split in events.splits if split.node.lineno == 15 and split.data.lineage & lineage] == [
        TRAIN
    ]
    [outer_fit] = [fit for fit in events.fits if fit.node.lineno == 23]
    [outer_apply] = [apply for apply in events.applies if apply.node.lineno == 24]
    assert outer_fit.estimator.identity == outer_apply.identity


def test_random_split_gives_train_then_validation_then_test_parts():
    events = _events(
        """
        from torch.utils.data import random_split
        rows = pd.read_csv("data/x.csv")
        fit_rows, val_rows, test_rows = random_split(rows, [800, 100, 100])
        StandardScaler().fit(fit_rows)
        StandardScaler().fit(val_rows)
        StandardScaler().fit(test_rows)
        """
    )
    assert [fit.data.part for fit in events.fits] == [TRAIN, VALIDATION, TEST]
    assert [split.kind for split in events.splits] == ["holdout"]


def test_rows_appended_to_a_list_come_back_through_np_array_and_a_generator_gives_what_it_yields():
    events = _events(
        """
        import numpy as np
        df = pd.read_csv("data/x.csv")
        X_train, X_test = train_test_split(df)
        collected = []
        for row in X_test:
            collected.append(row)
        StandardScaler().fit(np.array(collected))
        placeholders = [len(df)]
        StandardScaler().fit(np.zeros(placeholders))

        def batches(frame):
            while True:
                yield frame

        StandardScaler().fit(batches(X_train))
        """
    )
    collected, placeholders, batches = events.fits
    assert (collected.data.part, batches.data.part) == (TEST, TRAIN)
    # A list of sizes is not rows: the zeros built from it share nothing with the frame.
    assert not placeholders.data.lineage & collected.data.lineage


def test_a_loop_over_a_few_named_frames_changes_each_of_them_in_turn():
    events = _events(
        """
        train = pd.read_csv("input/train.csv")
        test = pd.read_csv("input/test.csv")
        for frame in [train, test]:
            frame["Age"].fillna(frame["Age"].median(), inplace=True)
        StandardScaler().fit(train)
        """
    )
    on_train, on_test, scaler = events.fits
    # One median per frame, on that frame's rows, and the training file now holds its fill.
    assert (on_train.data.part, on_test.data.part) == (None, TEST)
    assert not on_train.data.lineage & on_test.data.lineage
    assert on_train.estimator.identity in scaler.data.transformed_by
    assert on_test.estimator.identity not in scaler.data.transformed_by
