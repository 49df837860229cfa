"""The churn features, defined once and imported by train.py and serve.py.

Every transformation the model depends on (imputation, clipping, log
scaling, derived ratios) lives in build_features, so training and serving
cannot disagree about them. Look-alike: nothing reported.
"""

import numpy as np
import pandas as pd

# Fill values and caps agreed with the analytics team; they change only with a feature release.
TOTAL_CHARGES_FILL = 1397.5
SUPPORT_CALLS_FILL = 0
MAX_SUPPORT_CALLS = 20
MONTHS_PER_YEAR = 12
FEATURES = ["tenure_years", "monthly_charges", "log_total_charges", "support_calls", "charges_ratio"]


def build_features(customers: pd.DataFrame) -> pd.DataFrame:
    """Model inputs from raw customer records, one row per customer, in FEATURES order."""
    frame = customers.copy()
    frame["total_charges"] = frame["total_charges"].fillna(TOTAL_CHARGES_FILL)
    frame["support_calls"] = frame["support_calls"].fillna(SUPPORT_CALLS_FILL).clip(upper=MAX_SUPPORT_CALLS)
    frame["tenure_years"] = frame["tenure_months"] / MONTHS_PER_YEAR
    frame["log_total_charges"] = np.log1p(frame["total_charges"])
    frame["charges_ratio"] = frame["monthly_charges"] / frame["total_charges"].clip(lower=1)
    return frame[FEATURES]
