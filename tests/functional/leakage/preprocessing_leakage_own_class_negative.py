"""Wine notebook, look-alikes: classes of the notebook's own that fit, but never score on rows a scaler saw.

`ScaledSelection` splits the raw training part itself and fits its scaler on
its inner training rows only. `Committee` fits its members on the scaled
training part it is given and splits nothing; it is scored on the test part.
"""

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler

SEED = 1
NEIGHBOURS = 3  # [hardcoded-hyperparameter]

wine = pd.read_csv("data/wine.csv")
X, y = wine.drop(columns="cultivar").to_numpy(), wine["cultivar"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=SEED)


class ScaledSelection:
    def __init__(self, estimator):
        self.estimator = estimator

    def fit(self, features, labels):
        inner_train, inner_test, labels_train, labels_test = train_test_split(
            features, labels, test_size=0.25, random_state=SEED
        )
        self.scaler_ = StandardScaler().fit(inner_train)
        self.estimator.fit(self.scaler_.transform(inner_train), labels_train)
        probabilities = self.estimator.predict_proba(self.scaler_.transform(inner_test))
        self.score_ = roc_auc_score(labels_test, probabilities, multi_class="ovr")
        return self


class Committee:
    def __init__(self, members):
        self.members = members

    def fit(self, features, labels):
        for member in self.members:
            member.fit(features, labels)
        return self

    def predict_proba(self, features):
        return np.mean([member.predict_proba(features) for member in self.members], axis=0)


print("inner AUC", ScaledSelection(KNeighborsClassifier(n_neighbors=NEIGHBOURS)).fit(X_train, y_train).score_)

scaler = StandardScaler().fit(X_train)
committee = Committee([KNeighborsClassifier(n_neighbors=NEIGHBOURS), LogisticRegression(max_iter=500)])
committee.fit(scaler.transform(X_train), y_train)
print("AUC", roc_auc_score(y_test, committee.predict_proba(scaler.transform(X_test)), multi_class="ovr"))
