"""Student-dropout notebook, done right: the imputing union is fitted on the training pupils only.

Split first, fit the union on the training part, and only apply it to the
test part: the test pupils shape nothing the model sees.
"""

import pandas as pd
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_union

SEED = 11
N_TREES = 60  # [hardcoded-hyperparameter]

pupils = pd.read_csv("data/pupils_2014.csv", sep="|")
dropped_out = pupils.pop("dropped_out")
raw_train, raw_test, y_train, y_test = train_test_split(pupils, dropped_out, test_size=0.5, random_state=SEED)
fill = make_union(SimpleImputer(strategy="mean"), SimpleImputer(strategy="median"))
train_features = fill.fit_transform(raw_train)
test_features = fill.transform(raw_test)
trees = ExtraTreesClassifier(n_estimators=N_TREES, class_weight="balanced", random_state=SEED)
trees.fit(train_features, y_train)
scores = trees.predict_proba(test_features)[:, 1]
print("recall", recall_score(y_test, trees.predict(test_features)), "AUC", roc_auc_score(y_test, scores))
