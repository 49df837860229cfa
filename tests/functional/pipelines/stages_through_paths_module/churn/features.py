"""Stage 2: per-customer features from stage 1's file, pickled for stage 3.

Both hand-overs are intermediate files: nothing but the two path
expressions ties the stages together, and a stale file from an earlier run
is read without complaint when a stage fails.
"""

import pandas as pd

from churn.paths import INTERIM


def run() -> None:
    events = pd.read_csv(INTERIM / "events_clean.csv", dtype={"customer_id": "string"})  # [intermediate-file]
    per_customer = events.groupby("customer_id").agg(
        sessions=("session_id", "nunique"), spend=("amount", "sum"), churned=("churned", "max")
    )
    per_customer.to_pickle(INTERIM / "customer_features.pkl")  # [intermediate-file]
