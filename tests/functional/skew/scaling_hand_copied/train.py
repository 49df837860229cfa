"""Train a ridge house-price model on a standardised living area.

The scaler is fitted on the training split, outside any Pipeline, and saved
in the bundle with the model. Every retrain moves its mean and standard
deviation, which is what makes the hand-copied numbers in serve.py drift.
Nothing in this file is reported.
"""

import pandas as pd
import skops.io as sio
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 29
RIDGE_ALPHA = 2.0  # [hardcoded-hyperparameter]
FEATURES = ["sqft", "bedrooms", "bathrooms", "garage_spaces"]
TARGET = "price"


def main() -> None:
    sales = pd.read_csv("data/house_sales.csv").dropna(subset=FEATURES + [TARGET])
    X_train, X_test, y_train, y_test = train_test_split(
        sales[FEATURES], sales[TARGET], test_size=0.2, random_state=SEED
    )
    # Living area spans three orders of magnitude more than the counts do.
    scaler = StandardScaler().fit(X_train[["sqft"]])
    X_train[["sqft"]] = scaler.transform(X_train[["sqft"]])
    X_test[["sqft"]] = scaler.transform(X_test[["sqft"]])

    model = Ridge(alpha=RIDGE_ALPHA).fit(X_train, y_train)  # [pipeline-not-used]
    print("test MAE:", mean_absolute_error(y_test, model.predict(X_test)))
    print("sqft mean / scale:", scaler.mean_[0], scaler.scale_[0])
    sio.dump({"scaler": scaler, "model": model}, "models/price_ridge.skops")


if __name__ == "__main__":
    main()
