"""Selection on a validation split, then one final look at the test set.

Candidates, regularisation strengths and alert thresholds are compared on a
validation split carved out of the training part (or passed in as
``X_val``); the test part is scored once, for the chosen candidate only. One
model reported with several metrics, and test-set metrics broken down by
region without choosing anything, are not selection. No leakage is reported here.
"""

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, f1_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 59
N_TREES = 300  # [hardcoded-hyperparameter]
MAX_ITER = 1000
C_GRID = [0.001, 0.01, 0.1, 1.0, 10.0, 100.0]
THRESHOLDS = np.linspace(0.05, 0.95, 19)
FRAUD_FEATURES = ["amount", "hour", "merchant_risk", "card_age_days", "txn_last_24h"]
METRICS = {"roc_auc": roc_auc_score, "average_precision": average_precision_score, "brier": brier_score_loss}


def tune_c_on_validation() -> float:
    transactions = pd.read_csv("data/transactions.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        transactions[FRAUD_FEATURES], transactions["is_fraud"], test_size=0.2, random_state=SEED
    )
    X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.25, random_state=SEED)
    val_auc = {}
    for C in C_GRID:
        model = LogisticRegression(C=C, max_iter=MAX_ITER).fit(X_fit, y_fit)
        val_auc[C] = roc_auc_score(y_val, model.predict_proba(X_val)[:, 1])
    best_c = max(val_auc, key=val_auc.get)
    final = LogisticRegression(C=best_c, max_iter=MAX_ITER).fit(X_train, y_train)
    return roc_auc_score(y_test, final.predict_proba(X_test)[:, 1])


def choose_alert_threshold(model, X_val: pd.DataFrame, y_val: pd.Series) -> float:
    # Fraud analysts review alerts; pick the cut-off with the best F1 on validation data.
    proba = model.predict_proba(X_val)[:, 1]
    scores = [f1_score(y_val, (proba >= threshold).astype(int)) for threshold in THRESHOLDS]
    return float(THRESHOLDS[int(np.argmax(scores))])


def report_fraud_model() -> dict:
    transactions = pd.read_csv("data/transactions.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        transactions[FRAUD_FEATURES], transactions["is_fraud"], test_size=0.2, random_state=SEED
    )
    forest = RandomForestClassifier(n_estimators=N_TREES, random_state=SEED).fit(X_train, y_train)
    proba = forest.predict_proba(X_test)[:, 1]
    report = {}
    for name, metric in METRICS.items():
        report[name] = metric(y_test, proba)
    report["log_loss"] = log_loss(y_test, proba)
    return report


def fraud_auc_by_region() -> pd.Series:
    transactions = pd.read_csv("data/transactions.csv")
    train_df, test_df = train_test_split(transactions, test_size=0.2, random_state=SEED)
    forest = RandomForestClassifier(n_estimators=N_TREES, random_state=SEED)
    forest.fit(train_df[FRAUD_FEATURES], train_df["is_fraud"])
    test_df = test_df.assign(score=forest.predict_proba(test_df[FRAUD_FEATURES])[:, 1])
    per_region = {}
    for region, part in test_df.groupby("region"):
        per_region[region] = roc_auc_score(part["is_fraud"], part["score"])
    return pd.Series(per_region, name="test_auc")
