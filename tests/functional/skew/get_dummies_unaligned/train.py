"""Train the listing-price model on one-hot encoded categories.

pd.get_dummies expands property_type and heating into one column per
category seen in the training data, and the script saves that column list
next to the model so that serving can line requests up with it. serve.py
loads the list but never uses it. Nothing in this file is reported.
"""

import pandas as pd
import skops.io as sio
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

SEED = 5
N_TREES = 300  # [hardcoded-hyperparameter]
MIN_SAMPLES_LEAF = 3  # [hardcoded-hyperparameter]
NUMERIC = ["sqft", "bedrooms", "bathrooms", "year_built"]
CATEGORICAL = ["property_type", "heating"]
TARGET = "price"


def main() -> None:
    listings = pd.read_csv("data/listings.csv").dropna(subset=[TARGET])
    # One column per category, e.g. property_type_condo, heating_heat_pump.
    X = pd.get_dummies(listings[NUMERIC + CATEGORICAL], columns=CATEGORICAL, dtype=float)
    y = listings[TARGET]

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)
    model = RandomForestRegressor(
        n_estimators=N_TREES, min_samples_leaf=MIN_SAMPLES_LEAF, random_state=SEED, n_jobs=-1
    )
    model.fit(X_train, y_train)
    print("test MAE:", mean_absolute_error(y_test, model.predict(X_test)))
    # The column list travels with the model.
    sio.dump({"model": model, "columns": list(X.columns)}, "models/listing_price.skops")


if __name__ == "__main__":
    main()
