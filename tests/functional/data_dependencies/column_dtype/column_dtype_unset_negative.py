"""Reads that declare their column types, and readers of typed formats.

A ``dtype=`` mapping or ``converters=``, a schema applied to the frame right
away (``.astype(SCHEMA)``, a pandera ``validate``), options passed as
``**READ_OPTIONS`` that may carry the types, and parquet or feather files,
which store their types, are all fine. None of these is reported, although
the frames feed the model trained at the bottom.
"""

import pandas as pd
import pandera as pa
from sklearn.ensemble import RandomForestRegressor

ORDER_DTYPES = {"order_id": "string", "customer_id": "string", "zip_code": "string", "quantity": "Int64"}
STORE_SCHEMA = {"store_id": "string", "region": "category", "area_m2": "float64"}
READ_OPTIONS = {"sep": ";", "dtype": ORDER_DTYPES, "decimal": ","}

events_schema = pa.DataFrameSchema(
    {"event_id": pa.Column(str), "user_id": pa.Column(str), "ts": pa.Column("datetime64[ns]")}, coerce=True
)

orders = pd.read_csv("data/exports/orders.csv", dtype=ORDER_DTYPES, parse_dates=["ordered_at"])
stores = pd.read_excel("data/reference/stores.xlsx", sheet_name="stores").astype(STORE_SCHEMA)
payments = pd.read_fwf("data/legacy/payments.txt", widths=[10, 8, 12], converters={"amount": str})
european = pd.read_csv("data/exports/orders_eu.csv", **READ_OPTIONS)
listings = pd.read_parquet("data/processed/listings.parquet")


def load_events(path: str) -> pd.DataFrame:
    return events_schema.validate(pd.read_table(path, sep="|"))


def train_basket_size(path: str) -> RandomForestRegressor:
    events = load_events(path).merge(orders, on="customer_id")
    model = RandomForestRegressor(random_state=0)
    return model.fit(events[["quantity"]], events["basket_size"])
