"""Leakage hidden in helper functions of the same module.

``scale_features`` fits a scaler on whatever frame it is given, and the
training script gives it all customers before splitting them. ``fit_imputer``
is called on the full transaction table after the split, and the imputer is
then used on both parts. The findings are on the fit lines inside the
helpers, where the fix belongs. ``add_billing_ratios`` is row-wise and
stateless, so calling it before the split is fine.
"""

import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 5
MAX_ITER = 600
CHURN_FEATURES = ["tenure_months", "monthly_charges", "total_charges", "support_calls"]
FRAUD_FEATURES = ["amount", "hour", "merchant_risk", "card_age_days", "txn_last_24h"]


def add_billing_ratios(frame: pd.DataFrame) -> pd.DataFrame:
    """Average charge per month of tenure; a per-row computation."""
    months = frame["tenure_months"].clip(lower=1)
    return frame.assign(charges_per_month=frame["total_charges"] / months)


def scale_features(frame: pd.DataFrame) -> pd.DataFrame:
    """Standardise every column, keeping the frame's labels."""
    scaler = StandardScaler()
    values = scaler.fit_transform(frame)  # [preprocessing-leakage]
    return pd.DataFrame(values, columns=frame.columns, index=frame.index)


def fit_imputer(frame: pd.DataFrame) -> SimpleImputer:
    """Median imputer for the card and merchant features."""
    return SimpleImputer(strategy="median").fit(frame)  # [preprocessing-leakage]


def train_churn_model() -> float:
    customers = pd.read_csv("data/churn.csv")
    X = add_billing_ratios(customers[CHURN_FEATURES])
    X = scale_features(X)
    y = customers["churned"]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    model = LogisticRegression(max_iter=MAX_ITER).fit(X_train, y_train)
    return roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])


def train_fraud_model() -> float:
    transactions = pd.read_csv("data/transactions.csv")
    X = transactions[FRAUD_FEATURES]
    y = transactions["is_fraud"]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    imputer = fit_imputer(X)
    model = HistGradientBoostingClassifier(random_state=SEED)
    model.fit(imputer.transform(X_train), y_train)
    return roc_auc_score(y_test, model.predict_proba(imputer.transform(X_test))[:, 1])
