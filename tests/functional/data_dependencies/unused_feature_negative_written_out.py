"""A feature job that writes its frame out for other consumers, and fits a quick baseline.

Every column of the written table may be read by a downstream job or the
feature store, so columns the baseline does not use are not unused.
Look-alike: nothing reported.
"""

import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 19
MAX_ITER = 300
BASELINE_FEATURES = ["orders_90d", "avg_basket"]
TARGET = "reordered"


def build_customer_table(orders: pd.DataFrame) -> pd.DataFrame:
    table = orders.groupby("customer_id").agg(
        orders_90d=("order_id", "nunique"),
        avg_basket=("basket_value", "mean"),
        reordered=("is_reorder", "max"),
    )
    last_order = orders.groupby("customer_id")["ordered_at"].max()
    table["days_since_last_order"] = (orders["snapshot"].max() - last_order).dt.days
    table["favourite_category"] = orders.groupby("customer_id")["category"].agg(lambda values: values.mode().iat[0])
    return table.reset_index()


def main(orders_path: str, out_path: str) -> float:
    table = build_customer_table(pd.read_csv(orders_path, parse_dates=["ordered_at", "snapshot"]))
    table.to_parquet(out_path, index=False)
    X_train, X_test, y_train, y_test = train_test_split(
        table[BASELINE_FEATURES], table[TARGET], test_size=0.3, random_state=SEED
    )
    baseline = LogisticRegression(max_iter=MAX_ITER).fit(X_train, y_train)
    return roc_auc_score(y_test, baseline.predict_proba(X_test)[:, 1])
