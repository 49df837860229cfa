"""Student-dropout notebook: a feature union of imputing pipelines, fitted on every pupil before the split.

The union imputes the numeric columns with their means and the coded columns
with their most frequent value, each behind a column picker of the notebook's
own; fitted and applied to all pupils, it hands the test pupils' statistics
to the model. The look-alike fitted on the training pupils only is in
preprocessing_leakage_feature_union_negative.py.
"""

import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import FeatureUnion, Pipeline

SEED = 11
N_TREES = 60  # [hardcoded-hyperparameter]


class Columns(BaseEstimator, TransformerMixin):
    def __init__(self, names):
        self.names = names

    def fit(self, frame, y=None):
        return self

    def transform(self, frame):
        return frame[self.names]


pupils = pd.read_csv("data/pupils_2014.csv", sep="|")
pupils = pupils.replace(-999, float("nan"))
dropped_out = pupils.pop("dropped_out")
numeric = list(pupils.select_dtypes(float).columns)
coded = list(pupils.select_dtypes(int).columns)

both = FeatureUnion(
    transformer_list=[
        ("numeric", Pipeline([("pick", Columns(numeric)), ("fill", SimpleImputer(strategy="mean"))])),
        ("coded", Pipeline([("pick", Columns(coded)), ("fill", SimpleImputer(strategy="most_frequent"))])),
    ]
)
features = both.fit_transform(pupils)  # [preprocessing-leakage]
X_train, X_test, y_train, y_test = train_test_split(features, dropped_out, test_size=0.5, random_state=SEED)
trees = ExtraTreesClassifier(n_estimators=N_TREES, class_weight="balanced", random_state=SEED)
trees.fit(X_train, y_train)
print(classification_report(y_test, trees.predict(X_test)))
print("AUC", roc_auc_score(y_test, trees.predict_proba(X_test)[:, 1]))
