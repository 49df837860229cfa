"""The churn features, defined once.

Training wraps ``add_features`` in a ``FunctionTransformer`` as the first
step of the saved Pipeline, so evaluation and serving get exactly the same
computation by loading that Pipeline.
"""

from __future__ import annotations

import pandas as pd

MONTHS_PER_YEAR = 12


def add_features(customers: pd.DataFrame) -> pd.DataFrame:
    """Row-wise features from a customer record: nothing is learned from other rows."""
    frame = customers.copy()
    tenure = frame["tenure_months"].clip(lower=1)
    frame["charges_per_month"] = frame["total_charges"] / tenure
    frame["support_calls_per_year"] = frame["support_calls"] * MONTHS_PER_YEAR / tenure
    return frame
