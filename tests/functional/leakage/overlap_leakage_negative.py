"""Oversampling and sampling that keep the test set free of copies.

SMOTE and minority upsampling applied to the training part only, an
imbalanced-learn pipeline that resamples inside each cross-validation fold, a
shuffle before the split (``frac=1`` without replacement), two different
months concatenated, and bootstrap resampling of the test predictions for a
confidence interval after the split. No leakage is reported here.
"""

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.utils import resample

SEED = 73
N_TREES = 300  # [hardcoded-hyperparameter]
MAX_ITER = 1000
N_BOOTSTRAP = 1000
FEATURES = ["amount", "hour", "merchant_risk", "card_age_days", "txn_last_24h"]


def fraud_smote_on_training_part() -> float:
    transactions = pd.read_csv("data/transactions.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        transactions[FEATURES], transactions["is_fraud"], test_size=0.2, stratify=transactions["is_fraud"],
        random_state=SEED,
    )
    X_res, y_res = SMOTE(random_state=SEED).fit_resample(X_train, y_train)
    forest = RandomForestClassifier(n_estimators=N_TREES, random_state=SEED).fit(X_res, y_res)
    return roc_auc_score(y_test, forest.predict_proba(X_test)[:, 1])


def fraud_upsample_training_rows() -> float:
    # Shuffle first, then split; only the training rows are upsampled.
    transactions = pd.read_csv("data/transactions.csv").sample(frac=1, random_state=SEED)
    train_df, test_df = train_test_split(transactions, test_size=0.2, random_state=SEED)
    legit = train_df[train_df["is_fraud"] == 0]
    fraud = train_df[train_df["is_fraud"] == 1]
    fraud_up = resample(fraud, replace=True, n_samples=len(legit), random_state=SEED)
    balanced_train = pd.concat([legit, fraud_up])
    model = LogisticRegression(max_iter=MAX_ITER).fit(balanced_train[FEATURES], balanced_train["is_fraud"])
    return roc_auc_score(test_df["is_fraud"], model.predict_proba(test_df[FEATURES])[:, 1])


def fraud_resampling_pipeline_cross_validated() -> float:
    transactions = pd.concat(
        [pd.read_csv("data/transactions_2024_01.csv"), pd.read_csv("data/transactions_2024_02.csv")],
        ignore_index=True,
    )
    pipeline = Pipeline(
        [
            ("smote", SMOTE(random_state=SEED)),
            ("model", RandomForestClassifier(n_estimators=N_TREES, random_state=SEED)),
        ]
    )
    scores = cross_val_score(pipeline, transactions[FEATURES], transactions["is_fraud"], cv=5, scoring="roc_auc")
    return float(scores.mean())


def fraud_auc_with_confidence_interval() -> tuple:
    transactions = pd.read_csv("data/transactions.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        transactions[FEATURES], transactions["is_fraud"], test_size=0.2, random_state=SEED
    )
    model = LogisticRegression(max_iter=MAX_ITER, class_weight="balanced").fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]
    boot_auc = []
    for round_no in range(N_BOOTSTRAP):
        y_b, p_b = resample(y_test.to_numpy(), proba, replace=True, random_state=round_no)
        boot_auc.append(roc_auc_score(y_b, p_b))
    low, high = np.percentile(boot_auc, [2.5, 97.5])
    return roc_auc_score(y_test, proba), low, high
