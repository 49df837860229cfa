"""Hardcoded thresholds with a team allow-list (see ``pyproject.toml`` beside this file).

The team configured ``allow = [0.5]`` for ``hardcoded-threshold``: cutting a
calibrated probability at one half is their documented default. Comparisons
with 0.5 are therefore quiet, while any other literal cut-off on model output
is still flagged.
"""

import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression

FEATURES = ["tenure_months", "monthly_charges", "support_calls"]

customers = pd.read_csv("data/customers.csv")
clf = CalibratedClassifierCV(LogisticRegression(), cv=5)
clf.fit(customers[FEATURES], customers["churned"])

proba = clf.predict_proba(customers[FEATURES])[:, 1]
customers["predicted_churn"] = proba > 0.5
customers["retention_offer"] = proba > 0.8  # [hardcoded-threshold]


def label(model, X: np.ndarray) -> np.ndarray:
    return (model.predict_proba(X)[:, 1] >= 0.5).astype(int)


def unlikely_to_churn(model, X: np.ndarray) -> np.ndarray:
    return 0.5 > model.predict_proba(X)[:, 1]


def vip_alert(model, X: np.ndarray) -> np.ndarray:
    scores = model.predict_proba(X)[:, 1]
    return scores >= 0.95  # [hardcoded-threshold]


def quiet_segment(model, X: np.ndarray) -> list[int]:
    probs = model.predict_proba(X)[:, 1]
    return [i for i, p in enumerate(probs) if p < 0.1]  # [hardcoded-threshold]
