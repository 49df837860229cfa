"""Churn features. USE_TENURE_BUCKETS is False here, but sweep.ipynb sets it
before building features, so the bucketed branch does run: no dead branch.
"""

import pandas as pd

# Experiment switch; sweep.ipynb turns it on for its runs.
USE_TENURE_BUCKETS = False


def churn_features(customers: pd.DataFrame) -> pd.DataFrame:
    features = customers[["monthly_charges", "support_calls"]].copy()
    if USE_TENURE_BUCKETS:
        features["tenure_bucket"] = pd.cut(customers["tenure_months"], bins=[0, 6, 12, 24, 120], labels=False)
    else:
        features["tenure_months"] = customers["tenure_months"]
    return features
