"""Row loops that cannot be one column expression, and column expressions."""

import pandas as pd
import requests


def notify(frame: pd.DataFrame) -> None:
    for _, row in frame.iterrows():
        requests.post("https://example.org/notify", json={"email": row["email"]}, timeout=5)


def totals(frame: pd.DataFrame) -> pd.DataFrame:
    frame["total"] = frame["price"] * frame["quantity"]
    return frame


def first_late(frame: pd.DataFrame):
    for _, row in frame.iterrows():
        if row["delay"] > 3:
            return row["order_id"]
    return None


def over_batches(batches):
    total = 0
    for batch in batches:
        total += batch["size"]
    return total
