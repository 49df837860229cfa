"""Engineered columns that never reach the model.

The churn trainer fits its model on an explicit feature list. Several
columns are computed along the way (by item assignment or ``assign``) that
are not in that list, are dropped before training, or are cleaned in place
although the model never sees them, and no other code reads them: each one
is maintenance and an upstream dependency for no benefit. Reported once per
column, at its first creation.
"""

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 41
LEARNING_RATE = 0.05  # [hardcoded-hyperparameter]
MAX_ITER = 400  # [hardcoded-hyperparameter]
TARGET = "churned"
FEATURES = ["tenure_months", "monthly_charges", "charges_per_month", "support_calls", "is_annual_contract"]
SECONDS_PER_DAY = 86400


def add_features(customers: pd.DataFrame) -> pd.DataFrame:
    tenure = customers["tenure_months"].clip(lower=1)
    customers["charges_per_month"] = customers["total_charges"] / tenure
    customers["is_annual_contract"] = customers["contract_type"].isin(["one_year", "two_year"]).astype(int)
    customers["calls_per_tenure_month"] = customers["support_calls"] / tenure  # [unused-feature]
    customers["email_domain"] = customers["email"].str.split("@").str[-1]  # [unused-feature]
    customers["log_total_charges"] = np.log1p(customers["total_charges"])  # [unused-feature]
    return customers


def add_activity_features(customers: pd.DataFrame, sessions: pd.DataFrame) -> pd.DataFrame:
    """Session statistics from an experiment that ended without cleanup."""
    per_customer = sessions.groupby("customer_id")["duration_s"].agg(["mean", "count"]).reset_index()
    customers = customers.merge(per_customer, on="customer_id", how="left")
    return customers.assign(
        avg_session_minutes=per_customer["mean"] / SECONDS_PER_DAY,  # [unused-feature]
        sessions_total=per_customer["count"].fillna(0),  # [unused-feature]
    )


def clean_raw_columns(customers: pd.DataFrame) -> pd.DataFrame:
    # Cleaned in place, but neither column is a feature and nothing reads them afterwards.
    customers["referral_code"] = customers["referral_code"].str.upper().str.strip()  # [unused-feature]
    customers["last_login_gap"] = customers["last_login_gap"].clip(lower=0).fillna(0)  # [unused-feature]
    return customers


def train(customers_path: str, sessions_path: str) -> dict[str, float]:
    """A training function whose engineered columns never reach the model."""
    customers = pd.read_csv(customers_path)
    sessions = pd.read_csv(sessions_path)
    customers = clean_raw_columns(add_activity_features(add_features(customers), sessions))
    customers["debug_row_hash"] = pd.util.hash_pandas_object(customers, index=False)  # [unused-feature]
    customers = customers.drop(columns=["debug_row_hash"])
    X_train, X_test, y_train, y_test = train_test_split(
        customers[FEATURES], customers[TARGET], test_size=0.2, stratify=customers[TARGET], random_state=SEED
    )
    model = HistGradientBoostingClassifier(learning_rate=LEARNING_RATE, max_iter=MAX_ITER, random_state=SEED)
    model.fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]
    return {"roc_auc": roc_auc_score(y_test, proba), "average_precision": average_precision_score(y_test, proba)}

