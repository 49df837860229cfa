"""Churn notebook written for imbalanced-learn before 0.8, whose samplers had `fit_sample`.

The first section oversamples every customer and only then splits, so
synthetic neighbours of the same churners sit in train and in test. The
helper below splits first and resamples the training part only, which is
how it should be done, and stays quiet.
"""

import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split

SEED = 23
MAX_ITER = 500

customers = pd.read_csv("data/telecom_churn.csv")
usage = customers.drop(columns=["churn"])
churn = customers["churn"]

usage_res, churn_res = SMOTE(random_state=SEED).fit_sample(usage, churn)  # [overlap-leakage]
usage_res = pd.DataFrame(usage_res)
tr_x, te_x, tr_y, te_y = train_test_split(usage_res, churn_res, test_size=0.3, random_state=SEED)
clf = LogisticRegression(max_iter=MAX_ITER).fit(tr_x, tr_y)
print("average precision", average_precision_score(te_y, clf.predict_proba(te_x)[:, 1]))


def split_then_resample(frame: pd.DataFrame) -> float:
    X = frame.drop(columns=["churn"])
    fit_x, hold_x, fit_y, hold_y = train_test_split(X, frame.churn, test_size=0.3, stratify=frame.churn, random_state=SEED)
    fit_x_res, fit_y_res = SMOTE(random_state=SEED).fit_sample(fit_x, fit_y)
    model = LogisticRegression(max_iter=MAX_ITER).fit(fit_x_res, fit_y_res)
    return average_precision_score(hold_y, model.predict_proba(hold_x)[:, 1])
