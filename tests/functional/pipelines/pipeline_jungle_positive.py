"""Nightly preparation of the demand-forecasting training table, grown one step at a time.

The module-level script cleans, joins and aggregates the exports, parking
its intermediate results in temporary CSV and parquet files that it reads
straight back (Sculley et al. 2015, section 5.2). The feature builder below
is the same kind of jungle inside a function. Each scope is reported once,
with its counts: the script at its first step, the function at its ``def``.
"""

import os

import pandas as pd

RUN_DATE = os.environ["RUN_DATE"]
TMP_DIR = "tmp/nightly"

orders = pd.read_csv("exports/orders.csv", parse_dates=["ordered_at"])
orders = orders.dropna(subset=["store_id", "sku"])  # [pipeline-jungle]
orders = orders[orders["quantity"] > 0]
stores = pd.read_csv("exports/stores.csv")
orders = orders.merge(stores, on="store_id", how="left", validate="many_to_one")
orders.to_csv(os.path.join(TMP_DIR, "orders_clean.csv"), index=False)  # [intermediate-file]

daily = pd.read_csv(os.path.join(TMP_DIR, "orders_clean.csv"), parse_dates=["ordered_at"])  # [intermediate-file]
daily["day"] = daily["ordered_at"].dt.floor("D")
daily = daily.groupby(["store_id", "sku", "day"], as_index=False)["quantity"].sum()
promotions = pd.read_parquet("exports/promotions.parquet")
daily = daily.merge(promotions, on=["store_id", "sku", "day"], how="left", validate="one_to_one")
daily["on_promotion"] = daily["promotion_id"].notna()
daily = daily.drop(columns=["promotion_id"])
daily.to_parquet(f"{TMP_DIR}/daily.parquet")  # [intermediate-file]

weather = pd.read_parquet("exports/weather.parquet")
table = pd.read_parquet(f"{TMP_DIR}/daily.parquet")  # [intermediate-file]
table = table.merge(weather, on=["store_id", "day"], how="left", validate="many_to_one")
table = table.fillna({"temperature": table["temperature"].median(), "rain_mm": 0})
table = table.sort_values(["store_id", "sku", "day"])
table["lag_7"] = table.groupby(["store_id", "sku"])["quantity"].shift(7)
table = table.dropna(subset=["lag_7"])
table.to_parquet(f"training/demand_{RUN_DATE}.parquet", index=False)


def build_customer_features(events_path: str, accounts_path: str) -> pd.DataFrame:  # [pipeline-jungle]
    events = pd.read_parquet(events_path)
    accounts = pd.read_csv(accounts_path)
    events = events[events["event_type"].isin(["purchase", "refund", "visit"])]
    events = events.drop_duplicates(subset=["event_id"])
    purchases = events.query("event_type == 'purchase'")
    per_customer = purchases.groupby("customer_id").agg(n_purchases=("event_id", "count"), revenue=("amount", "sum"))
    visits = events[events["event_type"] == "visit"].groupby("customer_id").size().rename("n_visits")
    features = accounts.merge(per_customer, on="customer_id", how="left", validate="one_to_one")
    features = features.join(visits, on="customer_id")
    features = features.fillna({"n_purchases": 0, "revenue": 0.0, "n_visits": 0})
    features = features.assign(revenue_per_visit=features["revenue"] / features["n_visits"].clip(lower=1))
    features = features.rename(columns={"plan": "plan_name"})
    return features.astype({"n_purchases": "int32", "n_visits": "int32"})
