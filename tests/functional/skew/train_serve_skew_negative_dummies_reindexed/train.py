"""Train the used-car price model on one-hot encoded make, fuel and gearbox.

pd.get_dummies creates one column per category seen in training; the
column list is saved with the model so that serving can align each request
to it. Look-alike: nothing reported.
"""

import pandas as pd
import skops.io as sio
from sklearn.ensemble import ExtraTreesRegressor
from sklearn.metrics import mean_absolute_percentage_error
from sklearn.model_selection import train_test_split

SEED = 71
N_TREES = 400  # [hardcoded-hyperparameter]
MIN_SAMPLES_LEAF = 2  # [hardcoded-hyperparameter]
NUMERIC = ["mileage_km", "engine_kw", "registration_year", "previous_owners"]
CATEGORICAL = ["make", "fuel", "gearbox"]
TARGET = "price_eur"


def main() -> None:
    cars = pd.read_csv("data/used_cars.csv").dropna(subset=NUMERIC + CATEGORICAL + [TARGET])
    X = pd.get_dummies(cars[NUMERIC + CATEGORICAL], columns=CATEGORICAL, dtype=float)
    y = cars[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)
    model = ExtraTreesRegressor(
        n_estimators=N_TREES, min_samples_leaf=MIN_SAMPLES_LEAF, random_state=SEED, n_jobs=-1
    )
    model.fit(X_train, y_train)
    print("test MAPE:", mean_absolute_percentage_error(y_test, model.predict(X_test)))
    sio.dump({"model": model, "columns": list(X.columns)}, "models/used_car_price.skops")


if __name__ == "__main__":
    main()
