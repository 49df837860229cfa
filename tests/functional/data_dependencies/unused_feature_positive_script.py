"""A house-price training script whose feature list left some engineered columns behind.

The model is fitted on ``listings[BASE_FEATURES + ENGINEERED]``; the
columns computed for an earlier version of the model are still computed.
A column computed twice is reported once, at its first creation.
"""

import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.model_selection import cross_val_score

SEED = 7
N_ESTIMATORS = 600  # [hardcoded-hyperparameter]
LEARNING_RATE = 0.03  # [hardcoded-hyperparameter]
CV_FOLDS = 5
TARGET = "sale_price"
BASE_FEATURES = ["sqft", "bedrooms", "bathrooms", "lot_size"]
ENGINEERED = ["house_age", "sqft_per_room"]


def add_age(listings: pd.DataFrame, year: int) -> pd.DataFrame:
    listings["house_age"] = year - listings["year_built"]
    listings["years_since_remodel"] = year - listings["year_remodeled"]  # [unused-feature]
    return listings


listings = pd.read_csv("data/listings.csv")
listings = add_age(listings, int(listings["sale_year"].max()))
listings["sqft_per_room"] = listings["sqft"] / (listings["bedrooms"] + listings["bathrooms"]).clip(lower=1)
listings["price_per_sqft"] = listings[TARGET] / listings["sqft"]  # [unused-feature]
listings["log_lot_size"] = np.log1p(listings["lot_size"])  # [unused-feature]
listings["years_since_remodel"] = listings["years_since_remodel"].clip(lower=0)

model = GradientBoostingRegressor(n_estimators=N_ESTIMATORS, learning_rate=LEARNING_RATE, random_state=SEED)
scores = cross_val_score(
    model, listings[BASE_FEATURES + ENGINEERED], listings[TARGET], cv=CV_FOLDS, scoring="neg_mean_absolute_error"
)
print(f"CV MAE: {-scores.mean():.0f} +/- {scores.std():.0f}")
model.fit(listings[BASE_FEATURES + ENGINEERED], listings[TARGET])
