"""Train the delivery-time model on log-scaled order features.

Two features are computed inline: how far the basket's value is from the
customer's usual one (on a log scale), and the log of the route distance
scaled to the courier's pace. serve.py writes both computations out again;
each is one repeated computation, however many numpy calls it contains.
Nothing in this file is reported.
"""

import numpy as np
import pandas as pd
import skops.io as sio
from sklearn.ensemble import HistGradientBoostingRegressor

PACE_FACTOR = 1.8
MAX_ITER = 300  # [hardcoded-hyperparameter]
SEED = 7
FEATURES = ["basket_lift", "route_effort", "items"]


def build_features(orders: pd.DataFrame) -> pd.DataFrame:
    orders["basket_lift"] = np.log1p(orders["basket_value"]) - np.log1p(orders["usual_basket_value"])
    orders["route_effort"] = np.log1p(orders["route_km"]) * PACE_FACTOR
    return orders


def main() -> None:
    orders = build_features(pd.read_parquet("data/orders.parquet"))
    model = HistGradientBoostingRegressor(max_iter=MAX_ITER, random_state=SEED)
    model.fit(orders[FEATURES], orders["delivery_minutes"])
    sio.dump(model, "models/delivery_time.skops")


if __name__ == "__main__":
    main()
