"""Column types left to pandas' guessing: every read below lets the data decide the dtypes.

The order export's ``zip_code`` and ``customer_id`` lose their leading zeros
when pandas reads them as integers, a single missing ``quantity`` turns the
column into floats, and the legacy fixed-width file's ``amount`` becomes text
the day one row carries a currency sign (Zhang et al. 2022, Z#4). The
frames feed the return-risk model trained at the bottom, so the guessed
types become the model's input types.
"""

import pandas as pd
from sklearn.linear_model import LogisticRegression

ORDERS_PATH = "data/exports/orders.csv"

orders = pd.read_csv(ORDERS_PATH, parse_dates=["ordered_at"])  # [column-dtype-unset]
stores = pd.read_excel("data/reference/stores.xlsx", sheet_name="stores")  # [column-dtype-unset]
legacy = pd.read_fwf("data/legacy/payments.txt", widths=[10, 8, 12], names=["id", "zip", "amount"])  # [column-dtype-unset]


def load_events(path: str) -> pd.DataFrame:
    return pd.read_table(path, sep="|", usecols=["event_id", "user_id", "ts"])  # [column-dtype-unset]


def load_returns(path: str) -> pd.DataFrame:
    # dtype=None is pandas' default: it still guesses every column.
    return pd.read_csv(path, dtype=None)  # [column-dtype-unset]


def train_return_risk(returns_path: str) -> LogisticRegression:
    returns = load_returns(returns_path).merge(orders, on="order_id")
    model = LogisticRegression()
    return model.fit(returns[["quantity", "amount"]], returns["returned"])
