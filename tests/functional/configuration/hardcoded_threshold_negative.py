"""Thresholds done right, and comparisons that only look like thresholds.

Cut-offs on model output come from a named setting, a config object or a
function parameter, so they can be tuned and reviewed in one place. Label
checks (``pred == 1``), sizes, counters, raw input columns, ``argmax`` class
indices and the model's own decision boundary (``> 0``) are not thresholds.
Nothing here is reported.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.preprocessing import StandardScaler

FEATURES = ["age", "tenure_months", "monthly_charges", "num_products"]
RETENTION_THRESHOLD = 0.7
MIN_BATCH_ROWS = 100
SEED = 42


@dataclass(frozen=True)
class ScoringConfig:
    threshold: float = 0.6
    review_band: float = 0.1


cfg = ScoringConfig()
customers = pd.read_csv("data/customers.csv")
clf = RandomForestClassifier(random_state=SEED)
clf.fit(customers[FEATURES], customers["churned"])

proba = clf.predict_proba(customers[FEATURES])[:, 1]
customers["retention_offer"] = proba > RETENTION_THRESHOLD
customers["needs_review"] = proba >= cfg.threshold - cfg.review_band
seniors = customers[customers["age"] > 65]
long_tenure = customers["tenure_months"] >= 24


def decide(model, X: np.ndarray, threshold: float) -> np.ndarray:
    scores = model.predict_proba(X)[:, 1]
    return scores >= threshold


def positives(model, X: np.ndarray) -> np.ndarray:
    preds = model.predict(X)
    if len(preds) > 0 and preds.shape[0] > 0:
        return X[preds == 1]
    return X[:0]


def negatives(model, X: np.ndarray) -> np.ndarray:
    labels = model.predict(X)
    return X[labels != 0]


def on_positive_side(svm, X: np.ndarray) -> np.ndarray:
    # Zero is the SVM's own decision boundary, not a tuned number.
    return svm.decision_function(X) > 0


def premium_tier(model, X: np.ndarray) -> np.ndarray:
    # Classes are ordered tiers 0..4; tiers 3 and above get the premium offer.
    tier = model.predict_proba(X).argmax(axis=1)
    return tier >= 3


def score_in_batches(model, frames: list[pd.DataFrame]) -> list[np.ndarray]:
    results = []
    for batch_no, frame in enumerate(frames):
        if len(frame) < MIN_BATCH_ROWS:
            continue
        if batch_no > 50:
            break
        results.append(model.predict_proba(frame[FEATURES])[:, 1])
    return results


def high_value(customers_frame: pd.DataFrame) -> pd.DataFrame:
    rows = customers_frame[customers_frame["monthly_charges"] > 120.0]
    if len(rows) > 100:
        rows = rows.sample(n=100, random_state=SEED)
    return rows


def outlier_mask(scaler: StandardScaler, X: np.ndarray) -> np.ndarray:
    # Standardised inputs, not model output: three sigma is a data-quality rule.
    z = scaler.transform(X)
    return np.abs(z) > 3


def train_until_stable(model, batches, max_epochs: int) -> None:
    for epoch in range(max_epochs):
        if epoch > 10 and epoch % 5 == 0:
            print(f"epoch {epoch}")
        for X_batch, y_batch in batches:
            model.partial_fit(X_batch, y_batch)


def review_queue(model, ids: list[str], X: np.ndarray, band: tuple[float, float]) -> list[str]:
    low, high = band
    probs = model.predict_proba(X)[:, 1]
    return [cid for cid, p in zip(ids, probs) if low <= p <= high]
