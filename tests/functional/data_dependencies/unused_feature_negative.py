"""Engineered columns that all reach the model or are read by other code.

The fraud trainer's feature list names every column the feature function
computes; the other computed columns are read later: to filter rows, to
group, as inputs of another feature, as the target, or to weight the
samples. The feature list is a module constant built from two lists.
Look-alike: nothing reported.
"""

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 13
LEARNING_RATE = 0.08  # [hardcoded-hyperparameter]
MAX_ITER = 350  # [hardcoded-hyperparameter]
MIN_CARD_AGE_DAYS = 1
RAW_FEATURES = ["amount", "hour", "merchant_risk"]
ENGINEERED_FEATURES = ["log_amount", "is_night", "amount_vs_card_mean", "txn_last_24h", "card_age_days"]
FEATURES = RAW_FEATURES + ENGINEERED_FEATURES
TARGET = "is_fraud"


def add_features(transactions: pd.DataFrame) -> pd.DataFrame:
    """A feature list that uses every engineered column."""
    transactions["log_amount"] = np.log1p(transactions["amount"])
    transactions["is_night"] = transactions["hour"].isin(range(6)).astype(int)
    card_mean = transactions.groupby("card_id")["amount"].transform("mean")
    transactions["amount_vs_card_mean"] = transactions["amount"] / card_mean
    transactions["card_age_days"] = (transactions["event_time"] - transactions["card_issued"]).dt.days
    return transactions.assign(
        txn_last_24h=transactions.groupby("card_id")["event_time"].transform("count"),
    )


def label_and_filter(transactions: pd.DataFrame) -> pd.DataFrame:
    # Helper columns: each one is read by the next lines, none is a feature.
    transactions["is_test_card"] = transactions["card_id"].str.startswith("TEST")
    transactions["chargeback_days"] = (transactions["chargeback_time"] - transactions["event_time"]).dt.days
    transactions["merchant_country"] = transactions["merchant_id"].str[:2]
    transactions[TARGET] = transactions["chargeback_days"].notna().astype(int)
    live = transactions[~transactions["is_test_card"]]
    live = live[live["card_age_days"] >= MIN_CARD_AGE_DAYS]
    country_rate = live.groupby("merchant_country")[TARGET].transform("mean")
    return live.assign(merchant_risk=country_rate)


def sample_weights(transactions: pd.DataFrame) -> pd.Series:
    age = transactions["days_before_cutoff"]
    transactions["recency_weight"] = np.exp(-age / age.max())
    return transactions["recency_weight"]


def train(path: str) -> dict[str, float]:
    transactions = label_and_filter(add_features(pd.read_csv(path)))
    weights = sample_weights(transactions)
    X_train, X_test, y_train, y_test, w_train, _ = train_test_split(
        transactions[FEATURES], transactions[TARGET], weights,
        test_size=0.2, stratify=transactions[TARGET], random_state=SEED,
    )
    model = HistGradientBoostingClassifier(learning_rate=LEARNING_RATE, max_iter=MAX_ITER, random_state=SEED)
    model.fit(X_train, y_train, sample_weight=w_train)
    proba = model.predict_proba(X_test)[:, 1]
    return {"roc_auc": roc_auc_score(y_test, proba), "average_precision": average_precision_score(y_test, proba)}
