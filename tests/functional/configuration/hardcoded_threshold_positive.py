"""Hardcoded thresholds on model output in a scikit-learn churn and fraud workflow.

Business decisions (who gets a retention offer, which payment is held, which
machine is inspected) are cut at magic numbers typed straight into the code.
When the model is retrained, its score distribution shifts and these cut-offs
silently mean something else (Sculley et al. 2015, section 7.1). Each
comparison between a literal and a model output, or a value derived from one,
is flagged at the comparison.
"""

import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier, IsolationForest
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC
from ultralytics import YOLO

FEATURES = ["tenure_months", "monthly_charges", "support_calls", "contract_length"]
N_TREES = 200  # [hardcoded-hyperparameter]
SEED = 7

customers = pd.read_csv("data/customers.csv")
clf = GradientBoostingClassifier(n_estimators=N_TREES, random_state=SEED)
clf.fit(customers[FEATURES], customers["churned"])

# Module-level scoring, the way it looks in an exported notebook.
churn_proba = clf.predict_proba(customers[FEATURES])[:, 1]
customers["retention_offer"] = churn_proba > 0.65  # [hardcoded-threshold]
at_risk = customers[0.8 <= churn_proba]  # [hardcoded-threshold]


def select_for_campaign(model: LogisticRegression, frame: pd.DataFrame) -> pd.DataFrame:
    """Customers the retention team should call this week."""
    proba = model.predict_proba(frame[FEATURES])
    # Only call people who are likely to leave but not yet lost.
    likely = proba[:, 1] >= 0.4  # [hardcoded-threshold]
    return frame[likely]


def flag_payments(model, payments: pd.DataFrame) -> pd.Series:
    margin = model.decision_function(payments[["amount", "merchant_risk", "hour"]])
    return pd.Series(margin > 1.5, index=payments.index)  # [hardcoded-threshold]


def svm_review_queue(svm: LinearSVC, X: np.ndarray) -> list[int]:
    scores = svm.decision_function(X)
    # Rows the SVM only barely accepts go to a human reviewer.
    return [i for i, s in enumerate(scores) if s > 0 and s < 0.3]  # [hardcoded-threshold]


def inspect_machines(detector: IsolationForest, sensors: pd.DataFrame) -> pd.DataFrame:
    anomaly_score = detector.score_samples(sensors)
    return sensors[anomaly_score < -0.55]  # [hardcoded-threshold]


def confident_rows(model, X: np.ndarray) -> np.ndarray:
    top_class_proba = np.max(model.predict_proba(X), axis=1)
    return X[top_class_proba >= 0.9]  # [hardcoded-threshold]


def escalate(customer_ids: list[str], X: np.ndarray) -> list[str]:
    probs = clf.predict_proba(X)[:, 1]
    escalated = []
    for customer_id, p in zip(customer_ids, probs):
        if p > 0.97:  # [hardcoded-threshold]
            escalated.append(customer_id)
    return escalated


def summary_line(model, row: pd.DataFrame) -> str:
    risk = round(float(model.predict_proba(row)[0, 1]) * 100, 1)
    if risk >= 75:  # [hardcoded-threshold]
        return f"HIGH RISK ({risk}%)"
    return f"risk {risk}%"


def luxury_listings(price_model, listings: pd.DataFrame) -> pd.DataFrame:
    # Regression output is model output too: listings valued above a million go to the luxury desk.
    predicted_price = price_model.predict(listings[["sqft", "bedrooms", "bathrooms", "year_built"]])
    return listings[predicted_price > 1_000_000]  # [hardcoded-threshold]


def log_odds_filter(model, X: np.ndarray) -> np.ndarray:
    log_proba = model.predict_log_proba(X)[:, 1]
    return log_proba > -0.1  # [hardcoded-threshold]


def route_claims(model, claims: pd.DataFrame) -> pd.Series:
    # A cut-off in a local variable is as hard-coded as the literal itself.
    cutoff = 0.82
    fraud_score = model.predict_proba(claims[FEATURES])[:, 1]
    return fraud_score >= cutoff  # [hardcoded-threshold]


def detect_defects(frames) -> list:
    # A detector built by a library is a model: calling it makes predictions.
    detector = YOLO("weights/defects.pt")
    return [box for box in detector(frames) if box > 0.35]  # [hardcoded-threshold]
