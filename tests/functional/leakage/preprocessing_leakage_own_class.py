"""Wine notebook: a feature-selection class of the notebook's own splits the scaled training part again.

The scaler is fitted on the whole training part; `BackwardSelection.fit` then
cuts that scaled part into its own train and test rows and scores every
subset of columns on them, so the rows it scores on shaped the scaling.
"""

from itertools import combinations

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler

SEED = 1
NEIGHBOURS = 2  # [hardcoded-hyperparameter]

wine = pd.read_csv("data/wine.csv")
X, y = wine.drop(columns="cultivar").to_numpy(), wine["cultivar"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=SEED)
scaler = StandardScaler()
X_train_std = scaler.fit_transform(X_train)  # [preprocessing-leakage]
X_test_std = scaler.transform(X_test)


class BackwardSelection:
    def __init__(self, estimator, keep, holdout=0.25):
        self.estimator = clone(estimator)
        self.keep = keep
        self.holdout = holdout

    def fit(self, features, labels):
        inner_train, inner_test, labels_train, labels_test = train_test_split(
            features, labels, test_size=self.holdout, random_state=SEED
        )
        columns = tuple(range(features.shape[1]))
        self.history_ = [(columns, self._score(inner_train, labels_train, inner_test, labels_test, columns))]
        while len(columns) > self.keep:
            candidates = list(combinations(columns, len(columns) - 1))
            scores = [self._score(inner_train, labels_train, inner_test, labels_test, c) for c in candidates]
            columns = candidates[int(np.argmax(scores))]
            self.history_.append((columns, max(scores)))
        return self

    def _score(self, train_rows, train_labels, test_rows, test_labels, columns):
        self.estimator.fit(train_rows[:, columns], train_labels)
        return accuracy_score(test_labels, self.estimator.predict(test_rows[:, columns]))


selection = BackwardSelection(KNeighborsClassifier(n_neighbors=NEIGHBOURS), keep=1)
selection.fit(X_train_std, y_train)
for kept, score in selection.history_:
    print(len(kept), "columns:", round(score, 3))

neighbours = KNeighborsClassifier(n_neighbors=NEIGHBOURS).fit(X_train_std, y_train)
print("AUC", roc_auc_score(y_test, neighbours.predict_proba(X_test_std), multi_class="ovr"))
