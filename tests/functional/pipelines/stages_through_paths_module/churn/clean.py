"""Stage 1: clean the raw events. Its output is the next stage's input: reported here and there."""

import pandas as pd

from churn.paths import INTERIM, RAW


def run() -> None:
    events = pd.read_csv(RAW / "events.csv", dtype={"customer_id": "string"})
    events = events.dropna(subset=["customer_id"]).drop_duplicates()
    events.to_csv(INTERIM / "events_clean.csv", index=False)  # [intermediate-file]
